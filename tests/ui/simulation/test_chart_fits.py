"""QA: the Chart tab's legend was half cut off at 1280x800, and at 1024x700 (the window
972x644) neither the axis nor the legend showed without scrolling. The chart fits the
room: the legend beside the plot, then the title beside the tabs, the legend only for the
parts some bar has."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow

from .test_simulation_panel import finished_on_tab


@pytest.mark.parametrize("size", [(1280, 800), (972, 644)])
def test_the_axis_and_the_whole_legend_show_without_scrolling(qtbot, window: MainWindow,
                                                              size: tuple[int, int]) -> None:
    finished_on_tab(qtbot, window, size, "chart")
    panel = window.simulation_panel
    area = panel.chart
    chart = area.chart()
    assert area.verticalScrollBar().maximum() == 0
    shown = area.viewport().height()
    assert area.view.height() <= shown
    # The numbers' row under the plot, and every legend entry, inside the chart as shown.
    plot = chart.plotArea()
    numbers = area.view.fontMetrics().height()
    assert plot.bottom() + numbers <= shown
    legend = chart.legend()
    assert legend.isVisible()
    entries = [m.label() for m in legend.markers() if m.isVisible()]
    assert "Completed" in entries and "Left early" in entries and "Achieved" in entries
    assert legend.geometry().top() >= 0
    lines = len(entries) if legend.alignment() == Qt.AlignmentFlag.AlignRight else 1
    assert lines * 20 <= legend.geometry().height()  # room for each entry's line
    assert legend.geometry().bottom() <= shown
    assert len(area.labels) == 3 and plot.height() >= 3 * area.view.fontMetrics().height()
    # The title is in the chart, or beside the tabs.
    title = "Pool Shock Nurture: contacts per node"
    assert chart.title() == title or (panel.timeline_heading.isVisible()
                                      and panel.timeline_heading.full == title)


def test_the_title_goes_back_into_a_tall_chart(qtbot, window: MainWindow) -> None:
    finished_on_tab(qtbot, window, (1600, 1100), "chart")
    panel = window.simulation_panel
    panel.chart.resize(panel.chart.width(), 400)
    QApplication.processEvents()
    assert panel.chart.chart().title() == "Pool Shock Nurture: contacts per node"
    assert panel.chart.heading == ""
