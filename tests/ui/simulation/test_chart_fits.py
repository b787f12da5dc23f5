"""QA: the Chart tab's legend was half cut off at 1280x800, and at 1024x700 (the window
972x644) neither the axis nor the legend showed without scrolling; then, with the "This
campaign only" notice above the tabs, the chart still scrolled 18 px. The chart fits the
room: the legend beside the plot (in columns if need be), then the title in a line over the
plot (not beside the tabs, QA 69/102: away from the chart) and the rows closer together,
the legend only for the parts some bar has."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtWidgets import QApplication, QGraphicsTextItem

from canvas_app.domain.nodes import Node
from canvas_app.domain.workspace import Workspace
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.funnel_chart import PLAIN_CHROME, SERIES, FunnelChart

from .test_simulation_panel import finished_on_tab

TEXT_ITEM = 8  # QGraphicsTextItem.Type: Qt Charts draws the axes' labels with them


def drawn_labels(area: FunnelChart) -> dict[str, QRectF]:
    """The axes' labels Qt Charts draws (the title is not one), where they are in the
    scroll area's viewport."""
    chart, view = area.chart(), area.view
    offset = view.viewport().mapTo(area.viewport(), QPoint(0, 0))
    labels = {}
    for item in chart.scene().items():
        if item.type() != TEXT_ITEM or not item.isVisible():
            continue
        text = item.toGraphicsObject()  # as a QGraphicsTextItem
        if not isinstance(text, QGraphicsTextItem) or not text.toPlainText() \
                or text.toPlainText() == chart.title():
            continue
        box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        labels[text.toPlainText()] = QRectF(box.translated(offset))
    return labels


def in_view(area: FunnelChart, rect: QRect | QRectF) -> bool:
    shown = QRectF(area.viewport().rect()).adjusted(-1, -1, 1, 1)  # rounding
    return shown.contains(QRectF(rect))


@pytest.mark.parametrize(("size", "notice"), [((1280, 800), False), ((972, 644), False),
                                              ((972, 644), True), ((1024, 640), False)])
def test_the_axis_and_the_whole_legend_show_without_scrolling(qtbot, window: MainWindow,
                                                              size: tuple[int, int],
                                                              notice: bool) -> None:
    finished_on_tab(qtbot, window, size, "chart")
    panel = window.simulation_panel
    area = panel.chart
    if notice:  # "The results on show are of the run as it was set up: Reset …"
        before = area.viewport().height()
        panel.only_campaign.setChecked(True)
        assert panel.notice.isVisible()
        qtbot.waitUntil(lambda: area.viewport().height() < before)
        QApplication.processEvents()  # the chart's layout follows its new margins
    chart = area.chart()
    assert area.verticalScrollBar().maximum() == 0
    assert area.body.height() <= area.viewport().height()
    # Every row's name and the axis's numbers, 0 to its end, drawn and in view.
    drawn = drawn_labels(area)
    top = int(area._axis_x.max())
    for text in [*area.labels, "0", str(top)]:
        assert text in drawn and in_view(area, drawn[text]), (text, drawn)
    plot = chart.plotArea()
    assert plot.height() >= len(area.labels) * area.row_least()
    # The legend: each part some bar has, whole, in view, clear of the plot.
    legend = area.legend_box
    assert legend.isVisible() and not chart.legend().isVisible()
    entries = legend.shown()
    names = [name for name, _rect in entries]
    assert "Completed" in names and "Left early" in names and "Achieved" in names
    metrics = legend.fontMetrics()
    for name, rect in entries:
        where = rect.translated(legend.mapTo(area.viewport(), legend.rect().topLeft()))
        assert in_view(area, where), (name, where)
        assert rect.width() >= metrics.horizontalAdvance(name), name
    assert not legend.geometry().intersects(area.view.geometry())
    # The title is Qt Charts' own, or a line just over the plot, centred over it; in a
    # chart too short for that line and the rows (82 px: 972x644 with a notice), none.
    title = "Pool Shock Nurture: contacts per node"
    heading = area.heading_label
    room = PLAIN_CHROME + heading.room() + len(area.labels) * area.row_least()
    if area.viewport().height() < room:
        assert chart.title() == "" and area.heading == "" and not heading.isVisible()
    elif chart.title() != title:
        assert area.heading == title and heading.isVisible() and heading.text() == title
        box, over = heading.geometry(), heading.plot_rect()
        assert box.top() >= 0 and over.top() - 8 <= box.bottom() < over.top()
        assert abs(box.center().x() - over.center().x()) <= 2


def test_every_part_of_a_running_chart_fits_a_short_panel(qtbot) -> None:
    """While a run plays, all five parts can be on show: beside the plot of a chart 82 px
    tall (the panel at 972x644 with a notice), in two columns."""
    area = FunnelChart()
    qtbot.addWidget(area)
    campaign = Workspace().new_campaign("c1", "Campaign 1")
    for x, (node_id, kind) in enumerate([("s1", "sequence"), ("g1", "purchase_goal"),
                                         ("s2", "sequence")]):
        node = Node(node_id, kind, node_id.upper())
        node.x = 200.0 * x
        campaign.add_node(node)
    counts = {"s1": {"active": 2, "completed": 1, "removed": 1},
              "g1": {"achieved": 2, "waiting": 1}, "s2": {"active": 1}}
    area.resize(960, 82)
    area.show()
    qtbot.waitExposed(area)
    area.show_counts(campaign, counts)
    QApplication.processEvents()
    legend = area.legend_box
    assert legend.names() == [label for label, _colour, _pick in SERIES]
    assert area.verticalScrollBar().maximum() == 0
    assert legend.lines < len(SERIES)  # more than one column
    for name, rect in legend.shown():
        where = rect.translated(legend.mapTo(area.viewport(), legend.rect().topLeft()))
        assert in_view(area, where), (name, where)
    drawn = drawn_labels(area)
    for text in area.labels:
        assert text in drawn and in_view(area, drawn[text]), (text, drawn)


def test_the_title_goes_back_into_a_tall_chart(qtbot, window: MainWindow) -> None:
    finished_on_tab(qtbot, window, (1600, 1100), "chart")
    panel = window.simulation_panel
    panel.chart.resize(panel.chart.width(), 400)
    QApplication.processEvents()
    assert panel.chart.chart().title() == "Pool Shock Nurture: contacts per node"
    assert panel.chart.heading == ""
    assert not panel.chart.beside  # the legend on one line under the plot


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800), (1440, 900)])
def test_the_title_is_over_the_plot_at_every_size(qtbot, window: MainWindow,
                                                  size: tuple[int, int]) -> None:
    """QA 69/102: in a short panel a chart's title went to the far right of the tab bar. The
    Chart tab's is over its plot, centred (Qt Charts' own title, or a line of its own just
    above the plot), never beside the tabs."""
    finished_on_tab(qtbot, window, size, "chart")
    panel = window.simulation_panel
    area = panel.chart
    chart = area.chart()
    title = "Pool Shock Nurture: contacts per node"
    plot = area.heading_label.plot_rect()
    if chart.title():
        assert chart.title() == title and not area.heading_label.isVisible()
        return
    heading = area.heading_label
    assert area.heading == title and heading.isVisible() and heading.text() == title
    box = heading.geometry()
    assert box.top() >= 0 and plot.top() - 8 <= box.bottom() < plot.top()
    assert abs(box.center().x() - plot.center().x()) <= 2
    bar = panel.tabs.tabBar()
    assert heading.mapTo(panel, QPoint(0, 0)).y() > bar.mapTo(panel, QPoint(0, bar.height())).y()
