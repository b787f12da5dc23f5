"""The Over Time chart keeps a plot that shows something in a short panel: QA at 1024x700
with the History and Simulation panels open found its plot 15 px tall (the title above it
and the legend below took the rest); at 1280x800 it was 54 px."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.timeline_chart import MIN_PLOT, TimelineChart

from .test_simulation_panel import finished_on_tab


def over_time(qtbot, window: MainWindow, size: tuple[int, int], history: bool) -> None:
    finished_on_tab(qtbot, window, size, "timeline", history)


@pytest.mark.parametrize(("size", "history", "least"), [
    ((1024, 700), True, 90),  # the panel's tab is 125 px tall there: all but the dates' row
    ((1280, 800), False, MIN_PLOT),
    ((1280, 800), True, MIN_PLOT),
    ((1600, 1000), False, MIN_PLOT),
])
def test_a_short_panel_keeps_a_tall_plot(qtbot, window: MainWindow, size: tuple[int, int],
                                         history: bool, least: int) -> None:
    over_time(qtbot, window, size, history)
    panel = window.simulation_panel
    timeline = panel.timeline
    chart = timeline.chart()
    plot = chart.plotArea()
    assert plot.height() >= least, (plot, timeline.size())
    assert plot.height() >= timeline.height() - 40  # only the dates' row under it
    # The legend beside the plot, its names whole; the title beside the tabs.
    legend = chart.legend()
    assert legend.alignment() == Qt.AlignmentFlag.AlignRight
    assert legend.geometry().left() >= plot.right()
    assert [m.label() for m in legend.markers()] == [
        "Nurture (in it)", "Bought pool shock (achieved)", "Post-purchase (in it)"]
    assert legend.geometry().bottom() <= timeline.height()
    assert chart.title() == ""
    heading = panel.timeline_heading
    assert heading.isVisible()
    assert heading.full == "Pool Shock Nurture: contacts over time (UTC)"
    assert heading.text() == heading.full  # room for it beside the tabs at these sizes
    bar = panel.tabs.tabBar()
    tabs_end = bar.mapTo(panel, bar.rect().topLeft()).x() + bar.sizeHint().width()
    assert heading.mapTo(panel, heading.rect().topLeft()).x() >= tabs_end  # not over them
    # The heading goes with its tab.
    panel.tabs.setCurrentWidget(panel.log_view)
    assert not heading.isVisible()
    panel.tabs.setCurrentWidget(panel.contacts)
    assert not heading.isVisible() and panel.contacts.find.isVisible()


def test_a_tall_chart_keeps_its_title_and_the_legend_below(qtbot, window: MainWindow) -> None:
    """Where there is room (a floating panel, a tall one), the title stays above the plot
    and the legend below it, as before."""
    over_time(qtbot, window, (1280, 800), False)
    panel = window.simulation_panel
    chart = TimelineChart()
    qtbot.addWidget(chart)
    headings: list[str] = []
    chart.heading_changed.connect(headings.append)
    chart.resize(900, 420)
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_timeline(panel.current_campaign(), panel.runner.timeline())
    QApplication.processEvents()
    title = "Pool Shock Nurture: contacts over time (UTC)"
    assert chart.chart().title() == title and chart.heading == ""
    assert chart.chart().legend().alignment() == Qt.AlignmentFlag.AlignBottom
    assert chart.chart().plotArea().height() >= MIN_PLOT
    # Made short, it moves them; made tall again, it puts them back.
    chart.resize(900, 180)
    QApplication.processEvents()
    assert chart.chart().title() == "" and chart.heading == title
    assert chart.chart().legend().alignment() == Qt.AlignmentFlag.AlignRight
    assert chart.chart().plotArea().height() >= MIN_PLOT
    chart.resize(900, 420)
    QApplication.processEvents()
    assert chart.chart().title() == title and chart.heading == ""
    assert headings == [title, ""]


def test_a_chart_with_nothing_to_plot_keeps_its_message_in_it(qtbot) -> None:
    """No lines: the message is the chart's only content and stays in it, short or not."""
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(700, 120)
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_timeline(None, [])
    QApplication.processEvents()
    assert chart.chart().title() == "Run a scenario to see its contacts over time"
    assert chart.heading == ""
