"""A store may hold a workspace saved with errors (the app saves work in progress); validate
and simulate refuse it as they refuse the same workspace as a JSON file (R11): exit 1, one
line naming the store, the place (in the names the canvas shows) and the problem, and
nothing simulated."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.io import load_workspace, save_workspace
from canvas_app.store import Store
from canvas_app.store.repository import safe_url

from .conftest import ROOT, SAMPLE

SCENARIO = ROOT / "resources" / "samples" / "pool-store.scenario.json"


def a_goal_with_no_purchase_option():
    workspace = load_workspace(SAMPLE)
    goal = next(n for c in workspace.campaigns for n in c.nodes if n.kind == "purchase_goal")
    config = goal.config
    config.any_purchase = False
    config.use_products = config.use_categories = config.use_order_forms = False
    assert any(f.severity == "error" for f in workspace.lint())
    return workspace


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err, captured.err
    return lines[0]


@pytest.mark.parametrize("command", ["validate", "simulate"])
def test_a_store_with_errors_is_refused_as_its_json_file_is(store_url: str, tmp_path: Path,
                                                           capsys, command: str) -> None:
    workspace = a_goal_with_no_purchase_option()
    with Store(store_url) as store:
        store.save(workspace)
    as_file = tmp_path / "same.campaign.json"
    save_workspace(workspace, as_file)
    args = {"validate": ["validate"],
            "simulate": ["simulate", "--scenario", str(SCENARIO)]}[command]

    assert main([*args[:1], str(as_file), *args[1:]]) == 1
    from_file = error_line(capsys)
    assert main([*args[:1], store_url, *args[1:]]) == 1
    from_store = error_line(capsys)

    assert from_file.startswith(f"{as_file}: campaigns[0].nodes[1].config: (node bought-shock) "
                                "no purchase option is ticked")
    # the same problem; its place in the file's keys, and in the store as the canvas names it
    problem = from_file.split("(node bought-shock) ", 1)[1]
    assert from_store == (f'{safe_url(store_url)}: campaign "Pool Shock Nurture", purchase goal '
                          f'"Bought pool shock": {problem}')
    assert capsys.readouterr().out == ""  # no summary: nothing was simulated
