"""A main window on a copy of the sample workspace, its Simulation panel on the sample
scenario."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from canvas_app.domain.campaign import Campaign
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.funnel_chart import FunnelChart
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
    chart = shown_alone(qtbot, TimelineChart(), size)
    chart.show_timeline(campaign, timeline)
    QApplication.processEvents()
    return chart


def paged_timeline(qtbot, size: tuple[int, int], campaign: Campaign | None,
                   timeline: Timeline) -> tuple[QWidget, TimelineChart]:
    """An Over Time chart filling a page of its own (in a layout, as in the panel's tab),
    the page shown at ``size``, drawing ``timeline``."""
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    chart = TimelineChart()
    layout.addWidget(chart)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    chart.show_timeline(campaign, timeline)
    QApplication.processEvents()
    return page, chart


def lone_bars(qtbot, size: tuple[int, int]) -> FunnelChart:
    """A Chart tab's chart of its own, shown at ``size``, with nothing drawn yet."""
    return shown_alone(qtbot, FunnelChart(), size)


W = TypeVar("W", bound=QWidget)


def shown_alone(qtbot, widget: W, size: tuple[int, int]) -> W:
    """``widget`` as a window of its own, shown at ``size``."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
