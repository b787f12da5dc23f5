"""A main window on a copy of the sample workspace, its Simulation panel on the sample
scenario."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from canvas_app.domain.campaign import Campaign
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.timeline_chart import Timeline, TimelineChart
from tests.ui.canvas.conftest import SAMPLE, make_window

SCENARIO = SAMPLE.parent / "pool-store.scenario.json"

# Reused as fixtures here.
from tests.ui.canvas.conftest import sample_file  # noqa: E402, F401


@pytest.fixture
def window(qtbot, sample_file: Path, tmp_path: Path) -> MainWindow:  # noqa: F811
    window = make_window(qtbot, str(sample_file), tmp_path)
    window.simulation_panel.select_scenario(str(SCENARIO))
    return window


def lone_timeline(qtbot, size: tuple[int, int], campaign: Campaign | None,
                  timeline: Timeline) -> TimelineChart:
    """An Over Time chart of its own, shown at ``size``, drawing ``timeline``."""
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(*size)
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_timeline(campaign, timeline)
    QApplication.processEvents()
    return chart
