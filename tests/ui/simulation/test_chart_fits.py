"""QA: the Chart tab's legend was half cut off at 1280x800, and at 1024x700 (the window
972x644) neither the axis nor the legend showed without scrolling; then, with the "This
campaign only" notice above the tabs, the chart still scrolled 18 px. The chart fits the
room: the legend beside the plot (in columns if need be), then the title beside the tabs
and the rows closer together, the legend only for the parts some bar has."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtWidgets import QApplication, QGraphicsTextItem

from canvas_app.domain.nodes import Node
from canvas_app.domain.workspace import Workspace
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.funnel_chart import SERIES, FunnelChart

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
                                              ((972, 644), True)])
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
    # The title is in the chart, or beside the tabs.
    title = "Pool Shock Nurture: contacts per node"
    assert chart.title() == title or (panel.timeline_heading.isVisible()
                                      and panel.timeline_heading.full == title)


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
