"""QA: Open Scenario… started in the app's bundled samples even with scenarios beside the
workspace, and its "*.json" filter listed workspaces (.campaign.json) as scenarios."""

from __future__ import annotations

import shutil
from pathlib import Path

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.panel_scenarios import SCENARIO_FILTER
from canvas_app.ui.simulation.scenario_box import SAMPLES

from .conftest import SCENARIO


def asked_start(window: MainWindow) -> str:
    panel = window.simulation_panel
    asked: list[str] = []
    panel.ask_scenario = lambda start: asked.append(start) or ""
    assert not panel.open_scenario_dialog()
    return asked[0]


def test_it_starts_beside_the_workspace_when_scenarios_are_there(
        qtbot, window: MainWindow, sample_file: Path) -> None:
    assert Path(asked_start(window)) == SAMPLES  # none beside it yet: the samples
    shutil.copy(SCENARIO, sample_file.parent / "mine.scenario.json")
    assert Path(asked_start(window)) == sample_file.parent


def test_the_first_filter_is_scenarios_alone() -> None:
    first = SCENARIO_FILTER.split(";;")[0]
    assert "*.scenario.json" in first and "*.json" not in first.replace("*.scenario.json", "")


def test_the_workspace_s_scenarios_come_before_the_folder_used_last(
        qtbot, window: MainWindow, sample_file: Path, tmp_path: Path) -> None:
    """QA: once any scenario had been opened from a folder, that folder was offered even
    for a workspace with scenarios of its own beside it."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other = elsewhere / "other.scenario.json"
    shutil.copy(SCENARIO, other)
    window.simulation_panel.select_scenario(str(other))
    window.simulation_panel.scenario_combo.remember(str(other))
    assert Path(asked_start(window)) == elsewhere  # none beside the workspace: that one
    shutil.copy(SCENARIO, sample_file.parent / "mine.scenario.json")
    assert Path(asked_start(window)) == sample_file.parent
