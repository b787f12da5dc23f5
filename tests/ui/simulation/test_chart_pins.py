"""QA: a Chart tab with more rows than its panel holds scrolled its legend (beside the plot,
at the top) and its count axis (at the foot) out of sight with the rows. Copies of both
stay in view while the originals are scrolled away; pictures of the chart are unchanged."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from canvas_app.domain.nodes import Node
from canvas_app.domain.workspace import Workspace
from canvas_app.ui.simulation.funnel_chart import FunnelChart, axis_ticks

from .test_chart_fits import drawn_labels


def tall_chart(qtbot, rows: int = 20, height: int = 220) -> FunnelChart:
    area = FunnelChart()
    qtbot.addWidget(area)
    campaign = Workspace().new_campaign("c1", "Campaign 1")
    counts: dict[str, dict[str, int]] = {}
    for x in range(rows):
        kind = "sequence" if x % 2 else "purchase_goal"
        node = Node(f"n{x}", kind, f"Node {x}")
        node.x = 200.0 * x
        campaign.add_node(node)
        counts[node.id] = ({"active": x, "completed": 1, "removed": 1} if kind == "sequence"
                           else {"achieved": x, "waiting": 1})
    area.resize(900, height)
    area.show()
    qtbot.waitExposed(area)
    area.show_counts(campaign, counts)
    QApplication.processEvents()
    return area


def in_view(area: FunnelChart, widget) -> bool:
    box = QRect(widget.mapTo(area.viewport(), QPoint(0, 0)), widget.size())
    return widget.isVisible() and area.viewport().rect().contains(box)


def test_the_legend_and_the_axis_stay_in_view_while_the_rows_scroll(qtbot) -> None:
    area = tall_chart(qtbot)
    bar = area.verticalScrollBar()
    pins = area.pins
    assert bar.maximum() > 0 and area.beside
    # At the top: the legend is the chart's own; the axis, scrolled away, is pinned.
    assert not pins.legend.isVisible() and in_view(area, area.legend_box)
    assert in_view(area, pins.axis)
    assert pins.axis.geometry().bottom() == area.viewport().rect().bottom()
    # Half-way: both pinned, the legend's copy where the legend was, with its entries.
    bar.setValue(bar.maximum() // 2)
    QApplication.processEvents()
    assert in_view(area, pins.legend) and pins.legend.y() == 0
    assert pins.legend.entries == area.legend_box.entries
    assert pins.legend.x() == area.legend_box.mapTo(area.viewport(), QPoint(0, 0)).x()
    assert in_view(area, pins.axis)
    # Each number where the chart draws its own (those Qt Charts draws, once scrolled to).
    numbers = [text for _x, text in pins.axis.ticks]
    assert numbers == [f"{round(v)}" for v in axis_ticks(area._axis_x)]
    pinned_x = dict((text, x) for x, text in pins.axis.ticks)
    bar.setValue(bar.maximum())  # at the foot: the chart's own axis, no copy
    QApplication.processEvents()
    assert not pins.axis.isVisible()
    drawn = drawn_labels(area)
    for text in numbers:
        assert abs(drawn[text].center().x() - pinned_x[text]) <= 2, (text, drawn[text])
    assert in_view(area, pins.legend)


def test_a_chart_that_fits_pins_nothing(qtbot) -> None:
    area = tall_chart(qtbot, rows=3, height=400)
    assert area.verticalScrollBar().maximum() == 0
    assert not area.pins.legend.isVisible() and not area.pins.axis.isVisible()


def test_the_chart_s_picture_has_its_own_legend_and_axis_not_the_copies(qtbot) -> None:
    area = tall_chart(qtbot)
    bar = area.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    QApplication.processEvents()
    image = area.export.image()
    # the whole chart, every row, not the view's height with copies over it
    assert image.height() >= area.body.height() > area.viewport().height()
    assert area.pins.legend.parent() is area.viewport()
    assert area.pins.axis.parent() is area.viewport()
