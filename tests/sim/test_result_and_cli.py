"""R17 (determinism), R19 and C12/C13 (the result), and the simulate command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import jsonschema
import pytest

from canvas_app.io import load_workspace
from canvas_app.io.schema import SCHEMA_DIR
from canvas_app.sim import Simulation, load_scenario
from canvas_app.sim.cli import run
from canvas_app.sim.files import result_schema

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
SCENARIO = ROOT / "resources" / "samples" / "pool-store.scenario.json"


def args(**kw: object) -> Namespace:
    base = {"workspace": str(SAMPLE), "scenario": str(SCENARIO), "campaign": None,
            "seed": None, "until": None, "json": False, "out": None}
    base.update(kw)
    return Namespace(**base)


def sample_result() -> dict:
    ws = load_workspace(SAMPLE)
    return Simulation(ws, load_scenario(SCENARIO, ws)).run().to_data()


def test_R19_result_validates_against_the_committed_schema() -> None:
    data = sample_result()
    committed = json.loads((SCHEMA_DIR / "result.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(committed).validate(data)
    assert committed == json.loads(json.dumps(result_schema()))


def test_R19_per_node_counts_of_the_sample() -> None:
    nodes = sample_result()["nodes"]
    assert {k: nodes["nurture"][k] for k in ("entered", "completed", "removed", "active")} == {
        "entered": 3, "completed": 1, "removed": 2, "active": 0}
    assert nodes["bought-shock"]["achieved"] == 2
    assert nodes["subscribed"]["achieved"] == 2
    assert nodes["visit-booked"]["achieved"] == 1


def test_C12_contacts_sets_and_ids() -> None:
    data = sample_result()
    assert "new-1" in data["contacts"]
    for contact in data["contacts"].values():
        assert {"first_name", "last_name", "email", "position", "tags",
                "contact_type", "journey"} <= set(contact)
        assert contact["position"] == sorted(contact["position"])
        assert contact["tags"] == sorted(contact["tags"])
    assert data["contacts"]["c-dev"]["contact_type"] is None
    assert data["action_sets"]["error_purchase"] == 0  # every non-empty set, 0 included
    assert data["contacts"]["c-dev"]["position"] == ["bought-shock"]


def test_C13_journey_events_and_times() -> None:
    data = sample_result()
    ana = data["contacts"]["c-ana"]["journey"]
    assert [j["event"] for j in ana[:3]] == ["added", "entered", "email_sent"]
    assert all(j["at"].endswith("Z") for j in ana)
    achieved = next(j for j in ana if j["event"] == "achieved")
    assert achieved == {"at": "2026-03-03T14:00:00Z", "event": "achieved",
                        "node": "bought-shock", "detail": "order o-1001, PayPal"}


def test_R19_log_explains_movements_in_plain_words() -> None:
    log = sample_result()["log"]
    assert ('2026-03-03 14:00 Ana Diaz achieved "Bought pool shock" (order o-1001, PayPal) '
            '→ left "Nurture" at step 2 of 5 → entered "Post-purchase"') in log
    assert any(': not in "' in line for line in log)
    assert any("payment type Check not chosen" in line for line in log)
    assert any("renewal payment" in line for line in log)


def test_R17_same_inputs_give_byte_identical_output(tmp_path: Path) -> None:
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        proc = subprocess.run(
            [sys.executable, "-m", "canvas_app", "simulate", str(SAMPLE), "--scenario",
             str(SCENARIO), "--json", "--seed", "3"],
            capture_output=True, env=env, cwd=ROOT, timeout=120, check=True)
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["seed"] == 3


def test_cli_summary_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(args()) == 0
    out = capsys.readouterr().out
    assert 'Campaign "Pool Shock Nurture" (shock-nurture): 3 contacts in it' in out
    assert "Bought pool shock: 2 of 3 (66.7%)" in out
    assert "Emails sent:" in out and "Successful Purchase Action" in out


def test_cli_json_out_and_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "result.json"
    assert run(args(out=str(out_file), campaign="shock-nurture",
                    until="2026-03-05T00:00:00Z")) == 0
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert set(data["nodes"]) == {"nurture", "bought-shock", "post-purchase"}
    assert data["until"] == "2026-03-05T00:00:00Z"
    assert data["nodes"]["post-purchase"]["active"] == 2
    assert data["log"][-1] == ("2026-03-05 00:00 horizon reached: 8 scenario events after "
                               "it were not simulated")
    assert "Pool Shock Nurture" in capsys.readouterr().out
    assert run(args(json=True)) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "campaign-canvas-result"


@pytest.mark.parametrize(("kw", "expected"), [
    ({"campaign": "nope"}, 'no campaign "nope"'),
    ({"until": "soon"}, "--until: 'soon' is not an ISO 8601 time"),
    ({"scenario": "missing.json"}, "missing.json: no such file"),
    ({"workspace": "missing.campaign.json"}, "missing.campaign.json: no such file"),
])
def test_cli_bad_input_is_one_line_and_exit_1(kw: dict, expected: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert run(args(**kw)) == 1
    captured = capsys.readouterr()
    assert expected in captured.err and captured.err.count("\n") == 1
    assert captured.out == ""


def test_cli_through_python_m_canvas_app(tmp_path: Path) -> None:
    bad = tmp_path / "scenario.json"
    bad.write_text(json.dumps({"start": "2026-01-01T00:00:00Z", "events": [
        {"at": "2026-01-02T09:00:00Z", "type": "payment", "order_id": "o-9",
         "outcome": "success"}]}), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "canvas_app", "simulate", str(SAMPLE),
                           "--scenario", str(bad)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().endswith(
        'events[0].order_id: no order "o-9" was placed before 2026-01-02T09:00:00Z')
    assert "Traceback" not in proc.stderr


def test_R11_invalid_goal_settings_are_refused_by_simulate(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    goal = data["campaigns"][0]["nodes"][1]
    goal["config"].update({"products": [], "any_purchase": False})
    bad = tmp_path / "bad.campaign.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "result.json"
    assert run(args(workspace=str(bad), out=str(out))) == 1
    err = capsys.readouterr().err
    assert "campaigns[0].nodes[1].config" in err and "no purchase option is ticked" in err
    assert not out.exists()  # nothing is written


def test_cli_reads_a_sqlite_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = pytest.importorskip("canvas_app.store")
    url = store.resolve_url(str(tmp_path / "shop.db"))
    with store.Store(url) as db:
        db.save(load_workspace(SAMPLE))
    out = tmp_path / "from-db.json"
    assert run(args(workspace=str(tmp_path / "shop.db"), out=str(out), json=True)) == 0
    from_db = json.loads(out.read_text(encoding="utf-8"))
    assert from_db["nodes"] == sample_result()["nodes"]
    assert run(args(workspace=str(tmp_path / "missing.db"))) == 1
    assert "missing.db: no such file" in capsys.readouterr().err


def test_cli_out_never_overwrites_an_input_nor_makes_folders(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = tmp_path / "shop.campaign.json"
    workspace.write_bytes(SAMPLE.read_bytes())
    before = workspace.read_bytes()
    assert run(args(workspace=str(workspace), out=str(workspace))) == 1
    assert workspace.read_bytes() == before
    assert capsys.readouterr().err.strip() == (
        f"--out: {workspace}: it is the input {workspace}: choose another file for the output")
    missing = tmp_path / "no" / "such" / "result.json"
    assert run(args(out=str(missing))) == 1
    assert not (tmp_path / "no").exists()
    assert f"no such folder: {missing.parent}" in capsys.readouterr().err


def test_the_summary_without_journeys_is_the_summary_of_a_full_run(capsys) -> None:
    """The summary run keeps no journeys (time and memory on big populations); what it
    prints is exactly what a run keeping every journey gives."""
    from canvas_app.sim.summary import summary_text

    what_if = ROOT / "resources" / "samples" / "pool-store-what-if.scenario.json"
    assert run(args(scenario=str(what_if))) == 0
    printed = capsys.readouterr().out
    ws = load_workspace(SAMPLE)
    full = Simulation(ws, load_scenario(what_if, ws), journeys="all").run()
    assert printed == summary_text(full)
    assert any("journey" in c for c in full.contacts.values())


def test_cli_out_that_cannot_be_written_names_the_out_file_not_a_temporary(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    folder = tmp_path / "result.json"
    folder.mkdir()
    assert run(args(out=str(folder))) == 1
    assert capsys.readouterr().err.strip() == \
        f"--out: {folder}: it is a folder, not a file: give a file name"

    def refusing(prefix="", suffix="", dir=None):  # noqa: A002 - mkstemp's own names
        raise PermissionError(13, "Permission denied", f"{dir}/{prefix}w1gg{suffix}")

    monkeypatch.setattr("canvas_app.io.atomic.tempfile.mkstemp", refusing)
    out = tmp_path / "r.json"
    assert run(args(out=str(out))) == 1
    assert capsys.readouterr().err.strip() == (
        f"--out: {out}: cannot write: Permission denied (cannot create a file in the folder "
        f"{tmp_path})")
    assert not out.exists()


@pytest.mark.parametrize(("kw", "line"), [
    ({"scenario": ""}, "--scenario: the name is empty: give a .scenario.json file"),
    ({"workspace": ""}, "WORKSPACE: the name is empty: give a .campaign.json file, a SQLite "
                        "file or a SQLAlchemy URL"),
    ({"out": ""}, "--out: the name is empty: give a file to write the result JSON to"),
    ({"out": "-", "json": True},
     "--out: - is not a file: --json alone prints the result JSON on standard output"),
])
def test_cli_empty_names_and_dash_are_said_clearly(kw: dict, line: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(args(**kw)) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", line + "\n")
    assert list(tmp_path.iterdir()) == []


def test_cli_a_folder_as_scenario_is_named(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert run(args(scenario=str(tmp_path))) == 1
    assert capsys.readouterr().err == \
        f"{tmp_path}: it is a folder, not a file: give a .scenario.json file\n"


def test_cli_out_says_where_the_result_went(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.json"
    assert run(args(json=True, out=str(out))) == 0
    captured = capsys.readouterr()
    # SPEC §6: --json prints the result JSON, with --out too (it printed nothing at all);
    # standard output is for JSON alone, so the note goes to stderr
    assert captured.out == out.read_text(encoding="utf-8")
    assert json.loads(captured.out)["format"] == "campaign-canvas-result"
    assert captured.err == f"result JSON written to {out}\n"
    assert run(args(out=str(out))) == 0
    captured = capsys.readouterr()
    assert captured.out.endswith(f"\nresult JSON written to {out}\n") and captured.err == ""
