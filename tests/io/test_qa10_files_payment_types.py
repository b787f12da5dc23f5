"""QA 10, files: a payment_types value of the wrong form names both forms it may take."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvas_app.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / \
    "pool-store.campaign.json"


@pytest.mark.parametrize("value", [5, True, {"card": 1}])
def test_payment_types_of_the_wrong_form_names_any_and_a_list(value, tmp_path: Path,
                                                               capsys) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    goal = next(n for n in data["campaigns"][0]["nodes"] if n["kind"] == "purchase_goal")
    goal["config"]["payment_types"] = value
    path = tmp_path / "pt.campaign.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f'expected "any" or a list of payment type ids, found {json.dumps(value)}' in err
    assert f"(node {goal['id']})" in err and "config.payment_types" in err
