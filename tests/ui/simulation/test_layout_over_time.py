"""The Over Time chart keeps a plot that shows something in a short panel: QA at 1024x700
with the History and Simulation panels open found its plot 15 px tall (the title above it
and the legend below took the rest); at 1280x800 it was 54 px. Its title stays over the
plot, in a line of its own (QA 69/102: it had moved to the far right of the tab bar)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.timeline_arrange import MIN_PLOT
from canvas_app.ui.simulation.timeline_chart import TimelineChart

from .conftest import lone_timeline
from .test_simulation_panel import finished_on_tab


def over_time(qtbot, window: MainWindow, size: tuple[int, int], history: bool) -> None:
    finished_on_tab(qtbot, window, size, "timeline", history)


def plot_rect(chart: TimelineChart) -> QRect:
    """The plot, in the chart view's viewport."""
    return chart.heading_label.plot_rect()


def assert_heading_over_plot(chart: TimelineChart | QWidget, plot: QRect, title: str) -> None:
    """The heading shows ``title`` whole, just above ``plot`` and centred over it, in the
    chart (not beside the panel's tabs)."""
    heading = chart.heading_label
    assert heading.isVisible()
    assert heading.full == title and heading.text() == title
    box = heading.geometry()  # in the same viewport as the plot
    assert box.top() >= 0
    assert box.bottom() < plot.top()  # above the plot, not over it
    assert plot.top() - box.bottom() <= 8  # and just above it
    assert box.left() >= plot.left() - 1 and box.right() <= plot.right() + 1
    text = heading.fontMetrics().horizontalAdvance(title)
    middle = (box.left() + box.right()) / 2
    assert abs(middle - (plot.left() + plot.right()) / 2) <= 2  # centred over the plot
    assert text <= box.width()


@pytest.mark.parametrize(("size", "history", "least"), [
    # The panel's tab is 125 px tall there: all but the dates' row and the heading.
    ((1024, 700), True, 80),
    ((1024, 640), False, 50),  # 98 px (QA 81)
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
    # only the dates' row under it, the heading over it
    assert plot.height() >= timeline.height() - 40 - timeline.heading_label.room()
    # The legend beside the plot, its names whole; the title over the plot.
    legend = chart.legend()
    assert legend.alignment() == Qt.AlignmentFlag.AlignRight
    assert legend.geometry().left() >= plot.right()
    assert [m.label() for m in legend.markers()] == [
        "Nurture (in it)", "Bought pool shock (achieved)", "Post-purchase (in it)"]
    assert legend.geometry().bottom() <= timeline.height()
    assert chart.title() == ""
    title = "Pool Shock Nurture: contacts over time (UTC)"
    assert_heading_over_plot(timeline, plot_rect(timeline), title)
    # In the tab, under the tab bar, not beside it.
    heading = timeline.heading_label
    bar = panel.tabs.tabBar()
    bar_bottom = bar.mapTo(panel, bar.rect().bottomLeft()).y()
    assert heading.mapTo(panel, heading.rect().topLeft()).y() > bar_bottom
    assert not [label for label in panel.tabs.cornerWidget().findChildren(QWidget)
                if label.isVisible() and label is not panel.contacts.find]
    # The heading goes with its tab.
    panel.tabs.setCurrentWidget(panel.log_view)
    assert not heading.isVisible()
    panel.tabs.setCurrentWidget(panel.contacts)
    assert not heading.isVisible() and panel.contacts.find.isVisible()


def test_a_tall_chart_keeps_its_title_and_the_legend_below(qtbot, window: MainWindow) -> None:
    """Where there is room (a floating panel, a tall one), the title stays above the plot
    (Qt Charts' own) and the legend below it, as before."""
    over_time(qtbot, window, (1280, 800), False)
    panel = window.simulation_panel
    chart = lone_timeline(qtbot, (900, 420), panel.current_campaign(), panel.runner.timeline())
    title = "Pool Shock Nurture: contacts over time (UTC)"
    assert chart.chart().title() == title and chart.heading == ""
    assert not chart.heading_label.isVisible()
    assert chart.chart().legend().alignment() == Qt.AlignmentFlag.AlignBottom
    assert chart.chart().plotArea().height() >= MIN_PLOT
    # Made short, it moves them (the title into a line over the plot); made tall again, it
    # puts them back.
    chart.resize(900, 180)
    QApplication.processEvents()
    assert chart.chart().title() == "" and chart.heading == title
    assert_heading_over_plot(chart, plot_rect(chart), title)
    assert chart.chart().legend().alignment() == Qt.AlignmentFlag.AlignRight
    assert chart.chart().plotArea().height() >= MIN_PLOT
    chart.resize(900, 420)
    QApplication.processEvents()
    assert chart.chart().title() == title and chart.heading == ""
    assert not chart.heading_label.isVisible()


def test_a_heading_too_long_for_the_plot_is_shortened_over_it(qtbot, window: MainWindow) -> None:
    """A narrow chart: the heading stays over the plot, shortened in the middle, whole as
    its tooltip."""
    over_time(qtbot, window, (1280, 800), False)
    panel = window.simulation_panel
    chart = lone_timeline(qtbot, (420, 150), panel.current_campaign(), panel.runner.timeline())
    heading = chart.heading_label
    plot = plot_rect(chart)
    assert chart.heading == "Pool Shock Nurture: contacts over time (UTC)"
    assert heading.isVisible() and heading.text() != heading.full and "…" in heading.text()
    assert heading.toolTip() == heading.full
    assert heading.fontMetrics().horizontalAdvance(heading.text()) <= plot.width()
    assert heading.geometry().bottom() < plot.top()


def test_a_chart_with_nothing_to_plot_keeps_its_message_in_it(qtbot) -> None:
    """No lines: the message is the chart's only content and stays in it, short or not."""
    chart = lone_timeline(qtbot, (700, 120), None, [])
    assert chart.chart().title() == "Run a scenario to see its contacts over time"
    assert chart.heading == "" and not chart.heading_label.isVisible()
