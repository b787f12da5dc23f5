"""A step or action holding a key its kind does not use (a "delay" on an email step, a
"subject" on a delay step; written by hand or by another tool) is kept and ignored, and the
Warnings panel says so, at its node or its action set (QA2 t30: the delay was silently
ignored and 'validate' called the file valid)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from canvas_app.io import load_workspace, save_workspace

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / \
    "pool-store.campaign.json"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def edited_sample(tmp_path: Path, edit) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "edited.campaign.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def first_sequence(data: dict) -> tuple[dict, dict]:
    for campaign in data["campaigns"]:
        for node in campaign["nodes"]:
            if node["kind"] == "sequence" and node["steps"]:
                return campaign, node
    raise AssertionError("the sample has a sequence with steps")


def messages(workspace) -> list[tuple[str | None, str]]:
    return [(f.node_id, f.message) for f in workspace.lint(NOW)]


def test_the_sample_has_no_such_warning() -> None:
    assert not [m for _n, m in messages(load_workspace(SAMPLE)) if "does not use" in m]


def test_a_delay_on_an_email_step_is_warned_at_its_node(tmp_path: Path) -> None:
    def edit(data: dict) -> None:
        _campaign, node = first_sequence(data)
        email = next(s for s in node["steps"] if s["kind"] == "email")
        email["delay"] = "P1D"
        email["colour"] = "red"

    workspace = load_workspace(edited_sample(tmp_path, edit))
    _c, node = first_sequence(json.loads(edited_sample(tmp_path, edit).read_text()))
    step = 1 + next(i for i, s in enumerate(node["steps"]) if s["kind"] == "email")
    found = [(n, m) for n, m in messages(workspace) if "does not use" in m]
    assert found == [(node["id"],
                      f'"{node["name"]}" step {step} (Send email) has "delay" and "colour", '
                      "which this kind of step does not use: kept as the file had it, and "
                      "ignored (only e-commerce actions wait before they run: add a Delay "
                      "step before it)")]
    saved = tmp_path / "saved.campaign.json"
    save_workspace(workspace, saved)  # kept as read
    again = json.loads(saved.read_text(encoding="utf-8"))
    _c, node_again = first_sequence(again)
    assert node_again["steps"][step - 1]["delay"] == "P1D"


def test_an_action_with_a_key_of_another_kind_is_warned_at_its_set(tmp_path: Path) -> None:
    def edit(data: dict) -> None:
        sets = data["ecommerce"]["action_sets"]
        name, actions = next((k, v) for k, v in sets.items() if v)
        actions[0]["until"] = "2026-05-01T00:00:00Z"
        actions[0]["delay"] = "PT1H"  # an action's own delay is used (C4)

    path = edited_sample(tmp_path, edit)
    data = json.loads(path.read_text(encoding="utf-8"))
    name, actions = next((k, v) for k, v in data["ecommerce"]["action_sets"].items() if v)
    found = [(n, m) for n, m in messages(load_workspace(path)) if "does not use" in m]
    assert len(found) == 1
    node_id, message = found[0]
    assert node_id is None
    assert message.startswith(f'Action set "{name}", action 1 (')
    assert '), has "until", which this kind of action does not use' in message
