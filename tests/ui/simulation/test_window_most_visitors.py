"""A scenario asking for more visitors than the window sets up (New What-If's most) is
refused with one line before anything is built: 5,000,000 froze the window for minutes and
took 9 GB, choosing it was enough (QA 22i). The command line runs it."""

from __future__ import annotations

import json
from pathlib import Path

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.what_if_values import WINDOW_MOST_VISITORS

from .conftest import SAMPLE


def test_a_population_past_the_windows_most_is_refused_at_once(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    data = json.loads((SAMPLE.parent / "pool-store-what-if.scenario.json").read_text())
    data["population"]["count"] = WINDOW_MOST_VISITORS + 1
    path = tmp_path / "huge.scenario.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    panel = window.simulation_panel
    panel.select_scenario(str(path))
    assert not panel.load()
    assert not panel.runner.loaded
    said = panel.notice.text()
    assert f"{path}: population.count: 1,000,001 visitors are more than the window " \
        "simulates (1,000,000, as New What-If allows)" in said
    assert "canvas-app simulate" in said


def test_the_scenario_box_marks_it_as_not_loading_and_never_preselects_it(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    """QA 22j: listed in plain black as if it ran, and preselected at a later start."""
    data = json.loads((SAMPLE.parent / "pool-store-what-if.scenario.json").read_text())
    data["population"]["count"] = 5_000_000
    path = tmp_path / "big5m.scenario.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    panel = window.simulation_panel
    problem = panel.scenario_problem(str(path))
    assert "visitors are more than the window simulates" in problem
    box = panel.scenario_combo
    box.set_beside(tmp_path)  # listed beside the workspace
    assert box.preselect(str(tmp_path / "ws.campaign.json")) != str(path)
