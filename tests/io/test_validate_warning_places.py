"""`canvas-app validate` names where each warning is as the file's errors do (C6): the
JSON path of the node, then its id; a warning of the workspace's own (an e-commerce
action's) names no place, with no empty one ("FILE: : ...")."""

from __future__ import annotations

import json
from pathlib import Path

from canvas_app.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"


def warnings(capsys, path: Path) -> list[str]:
    assert main(["validate", str(path)]) == 0
    return [line for line in capsys.readouterr().out.splitlines()
            if line.startswith("warning: ")]


def test_a_nodes_warning_names_its_json_path_and_id(capsys) -> None:
    [line] = warnings(capsys, SAMPLE)
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert data["campaigns"][1]["nodes"][2]["id"] == "visit-booked"
    assert line.startswith(f'warning: {SAMPLE}: campaigns[1].nodes[2]: (node visit-booked) '
                           'The goal "Visit booked" waits for the tag "Visit booked"')


def test_a_workspace_warning_names_no_empty_place(capsys, tmp_path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    # An action applying "visit Booked": the goal's "Visit booked" spelled another way.
    actions = data["ecommerce"]["action_sets"]["successful_purchase"]
    actions.append({"kind": "apply_tag", "tag": "visit Booked"})
    path = tmp_path / "spelled.campaign.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    lines = warnings(capsys, path)
    action = [line for line in lines if line.startswith(f"warning: {path}: Action ")]
    assert len(action) == 1 and "applies the tag" in action[0], lines
    assert not [line for line in lines if ": : " in line]
    goal = [line for line in lines if "(node visit-booked)" in line]
    assert goal and all(line.startswith(f"warning: {path}: campaigns[1].nodes[2]: ")
                        for line in goal)
