"""The saved text (orjson since the json module's indent=2 encoder was slow): the same
readable, diff-friendly file as before, and what is saved loads back as it was."""

import json
from datetime import timedelta
from pathlib import Path

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.nodes import Node
from canvas_app.domain.steps import Step
from canvas_app.io import load_workspace, save_workspace, workspace_to_data
from canvas_app.io.workspace_file import dumps_json, dumps_workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"


def _old_text(data: object) -> str:
    """How the files were written before (json.dumps, indent=2, UTF-8 kept)."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_the_sample_is_saved_byte_for_byte_as_before(tmp_path):
    workspace = load_workspace(SAMPLE)
    path = tmp_path / "pool.campaign.json"
    save_workspace(workspace, path)
    text = path.read_text(encoding="utf-8")
    assert text == _old_text(workspace_to_data(workspace))
    assert load_workspace(path) == workspace


def _awkward_workspace():
    """Non-ASCII text, coordinates that are awkward floats, a step with an unknown key
    holding an integer beyond 64 bits (kept verbatim from a file, C5)."""
    workspace = load_workspace(SAMPLE)
    campaign = workspace.add_campaign(Campaign("été", "Été ☀ – «promo» 日本 😀"))
    # awkward, yet on the canvas (a file's coordinates are within a million either way)
    coords = [(0.1 + 0.2, -0.0), (1e-7, 999999.9999999999), (-123456.789, 2.5e-300),
              (900719.9254740993, -1_000_000.0)]
    for i, (x, y) in enumerate(coords):
        node = Node(f"n{i}", "sequence", f"Séquence {i} \"quoted\" \\ tab\there", x, y)
        node.config.steps = [Step(kind="email", subject="Ça va? ✓"),
                             Step(kind="delay", duration=timedelta(minutes=90))]
        campaign.add_node(node)
    campaign.link("n0", "n1")
    return workspace


def test_awkward_values_round_trip_and_stay_readable(tmp_path):
    workspace = _awkward_workspace()
    path = tmp_path / "awkward.campaign.json"
    save_workspace(workspace, path)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Été ☀ – «promo» 日本 😀" in text and "\\u" not in text  # readable, not escaped
    assert '\n  "format": "campaign-canvas",\n  "version": 1,\n' in text  # 2-space indent
    loaded = load_workspace(path)
    assert loaded == workspace
    nodes = loaded.campaign("été").nodes
    got = [(n.x, n.y) for n in nodes]
    want = [(0.1 + 0.2, -0.0), (1e-7, 999999.9999999999), (-123456.789, 2.5e-300),
            (900719.9254740993, -1_000_000.0)]
    assert got == want
    assert str(nodes[0].y) == "-0.0"
    # the same data as the json module would have written, keys in the same order
    assert json.loads(text) == json.loads(_old_text(workspace_to_data(workspace)))
    assert list(json.loads(text)) == list(workspace_to_data(workspace))
    # saving what was loaded gives the same bytes again
    again = tmp_path / "again.campaign.json"
    save_workspace(loaded, again)
    assert again.read_bytes() == raw


def test_an_integer_beyond_64_bits_kept_from_a_file_is_saved_as_it_was(tmp_path):
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    huge = 2 ** 70 + 1
    step = data["campaigns"][0]["nodes"][0]["steps"][0]
    step["x_tracking_id"] = huge  # a key the app does not know is kept verbatim (C5)
    source = tmp_path / "huge.campaign.json"
    source.write_text(json.dumps(data, indent=2), encoding="utf-8")
    workspace = load_workspace(source)
    target = tmp_path / "saved.campaign.json"
    save_workspace(workspace, target)
    text = target.read_text(encoding="utf-8")
    assert f'"x_tracking_id": {huge}' in text
    assert text == _old_text(workspace_to_data(workspace))  # written by the json module
    assert load_workspace(target) == workspace


def test_dumps_json_matches_the_json_module_layout():
    data = {"b": [], "a": {}, "c": [{}, {"z": 1, "y": [1.5, True, None, "é\n\"\\"]}],
            "big": 2 ** 64, "neg": -(2 ** 63)}
    assert dumps_json(data) == _old_text(data)


def test_dumps_workspace_is_what_save_writes(tmp_path):
    workspace = _awkward_workspace()
    path = tmp_path / "w.campaign.json"
    save_workspace(workspace, path)
    assert path.read_text(encoding="utf-8") == dumps_workspace(workspace)


def test_no_collection_runs_while_a_large_file_loads(tmp_path):
    """A large file makes tens of thousands of objects that live on: the cyclic collector,
    set off again and again, found nothing among them and took a third of the load."""
    import gc

    from canvas_app.domain.campaign import Campaign
    from canvas_app.domain.nodes import Node
    from canvas_app.domain.workspace import Workspace

    workspace = Workspace()
    campaign = workspace.add_campaign(Campaign("big", "Big"))
    for i in range(1500):
        campaign.add_node(Node(f"n{i}", "sequence", f"S {i}", (i % 50) * 240, i // 50 * 180))
    for i in range(1, 1500):
        campaign.link(f"n{i - 1}", f"n{i}")
    path = tmp_path / "big.campaign.json"
    save_workspace(workspace, path)
    collections: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.collect()
    gc.callbacks.append(count)
    try:
        loaded = load_workspace(path)
    finally:
        gc.callbacks.remove(count)
    assert len(collections) <= 1  # at most the one as soon as the collector is back
    assert gc.isenabled()
    assert len(loaded.campaign("big").nodes) == 1500


def test_the_sample_saved_again_unchanged_is_the_same_file(tmp_path: Path) -> None:
    """What a person writes stays as written: whole-number coordinates (``240``, not
    ``240.0``) and durations in the form the app writes them (QA: the first save of the
    sample changed 16 lines nobody edited)."""
    saved = tmp_path / "again.campaign.json"
    save_workspace(load_workspace(SAMPLE), saved)
    assert saved.read_bytes() == SAMPLE.read_bytes()


def test_whole_coordinates_are_written_whole_and_others_as_they_are(tmp_path: Path) -> None:
    workspace = load_workspace(SAMPLE)
    campaign = workspace.campaigns[0]
    first, second = campaign.nodes[0], campaign.nodes[1]
    first.x, first.y, second.x = 240.0, -16.0, 12.5
    path = tmp_path / "moved.campaign.json"
    save_workspace(workspace, path)
    text = path.read_text(encoding="utf-8")
    assert '"x": 240,\n' in text and '"y": -16,\n' in text and '"x": 12.5,\n' in text
    assert load_workspace(path) == workspace
