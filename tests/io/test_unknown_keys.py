"""Unknown keys in a workspace file (QA 2, t30/t35): refused, with their place, where the
model would drop them on save; kept and warned of by ``validate`` in steps and actions."""

import copy
import json
from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.io import load_workspace
from canvas_app.io.workspace_file import save_workspace

ROOT = Path(__file__).resolve().parents[2]
BASE = json.loads((ROOT / "resources" / "samples" / "pool-store.campaign.json").read_text())


def _node(data: dict, kind: str) -> tuple[int, dict]:
    nodes = data["campaigns"][0]["nodes"]
    index = next(i for i, n in enumerate(nodes) if n["kind"] == kind)
    return index, nodes[index]


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "w.campaign.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _refusal(tmp_path: Path, data: dict, capsys: pytest.CaptureFixture[str]) -> str:
    path = _write(tmp_path, data)
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}: ")
    return lines[0].removeprefix(f"{path}: ")


def test_a_misspelt_node_setting_is_refused_at_its_node(tmp_path, capsys):
    data = copy.deepcopy(BASE)
    index, node = _node(data, "sequence")
    node["runs_until_complete"] = True
    assert _refusal(tmp_path, data, capsys) == (
        f'campaigns[0].nodes[{index}]: (node {node["id"]}) unknown key "runs_until_complete" '
        "(known: id, kind, name, x, y, steps, runs_until_completed)")


@pytest.mark.parametrize(("place", "key", "expected"), [
    (lambda d: d, "campains", 'unknown key "campains" (known: format, version, catalog, '
                              "ecommerce, contacts, campaigns)"),
    (lambda d: d["catalog"]["products"][0], "prize",
     'catalog.products[0]: unknown key "prize" (known: id, name, category, price, billing)'),
    (lambda d: d["contacts"][0], "emial",
     'contacts[0]: unknown key "emial" (known: id, first_name, last_name, email, tags, '
     "contact_type)"),
    (lambda d: d["campaigns"][0]["edges"][0], "label",
     'campaigns[0].edges[0]: unknown key "label" (known: source, target)'),
])
def test_unknown_keys_elsewhere_are_refused(place, key, expected, tmp_path, capsys):
    data = copy.deepcopy(BASE)
    place(data)[key] = 1
    assert _refusal(tmp_path, data, capsys) == expected


def test_a_goal_setting_misspelt_is_refused(tmp_path, capsys):
    data = copy.deepcopy(BASE)
    index, node = _node(data, "purchase_goal")
    node["config"]["payment_type"] = "any"
    message = _refusal(tmp_path, data, capsys)
    assert message.startswith(f'campaigns[0].nodes[{index}].config: (node {node["id"]}) '
                              'unknown key "payment_type" (known: any_purchase, ')


def test_a_step_key_its_kind_does_not_use_is_a_warning_and_kept_on_save(tmp_path, capsys):
    data = copy.deepcopy(BASE)
    index, node = _node(data, "sequence")
    step = next(i for i, s in enumerate(node["steps"]) if s["kind"] == "email")
    node["steps"][step]["delay"] = "P1D"
    node["steps"][step]["x-note"] = "mine"
    path = _write(tmp_path, data)
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    place = f"warning: {path}: campaigns[0].nodes[{index}]: (node {node['id']})"
    warned = [line for line in out.splitlines() if "does not use" in line]
    assert warned == [f'{place} "{node["name"]}" step {step + 1} (Send email) has "delay" '
                      'and "x-note", which this kind of step does not use: kept as the '
                      "file had it, and ignored (only e-commerce actions wait before they "
                      "run: add a Delay step before it)"]
    saved = tmp_path / "saved.campaign.json"
    save_workspace(load_workspace(path), saved)
    again = json.loads(saved.read_text())["campaigns"][0]["nodes"][index]["steps"][step]
    assert again["delay"] == "P1D" and again["x-note"] == "mine"


def test_an_action_delay_is_no_warning(tmp_path, capsys):
    data = copy.deepcopy(BASE)
    sets = data["ecommerce"]["action_sets"]
    name = next(iter(sets))
    sets[name][0]["delay"] = 60
    assert main(["validate", str(_write(tmp_path, data))]) == 0
    assert "does not use" not in capsys.readouterr().out
