"""The Chart tab's legend and count axis kept in view while its rows scroll: a chart with
more rows than its panel holds scrolled them, and with them its legend (beside the plot,
at its top) and the count axis (at its foot) out of sight (QA). Copies of both are pinned
to the scroll area's view, over the chart, while the originals are scrolled away; pictures
of the chart (Copy Chart, Save Chart as Image) draw the chart itself, with its own."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from .chart_legend import ChartLegend

if TYPE_CHECKING:
    from PySide6.QtCharts import QValueAxis

    from .funnel_chart import FunnelChart

TICK = 4  # px: the tick mark under the axis line, as Qt Charts draws it
PAD = 3  # px above and below the numbers


def white(widget: QWidget) -> None:
    """An opaque white background: the rows scroll under the widget."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(Qt.GlobalColor.white))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


class AxisStrip(QWidget):
    """The count axis's line, ticks and numbers at the foot of the view: each number at
    the x of the chart's own (``ticks``: x in this widget, and the number)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("simulationChartPinnedAxis")
        self.setAccessibleName("Count axis")
        white(self)
        self.ticks: list[tuple[float, str]] = []
        self.line = (0.0, 0.0)  # the plot's left and right ends, x in this widget
        self.line_colour = QColor("#b0b0b0")
        self.text_colour = QColor(Qt.GlobalColor.black)

    def height_for(self) -> int:
        return TICK + 2 * PAD + math.ceil(QFontMetricsF(self.font()).height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(self.line_colour)
        left, right = self.line
        painter.drawLine(QPointF(left, 0.5), QPointF(right, 0.5))
        metrics = QFontMetricsF(self.font())
        for x, text in self.ticks:
            painter.setPen(self.line_colour)
            painter.drawLine(QPointF(x, 0.5), QPointF(x, TICK))
            width = metrics.horizontalAdvance(text)
            painter.setPen(self.text_colour)
            painter.drawText(QRectF(x - width / 2 - 1, TICK + PAD, width + 2, metrics.height()),
                             int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()


class ChartPins:
    """The pinned copies of ``area``'s legend and count axis, shown while needed."""

    def __init__(self, area: FunnelChart, axis: QValueAxis) -> None:
        self.area = area
        self.axis_x = axis
        viewport = area.viewport()
        self.legend = ChartLegend(viewport)
        self.legend.setObjectName("simulationChartPinnedLegend")
        white(self.legend)
        self.legend.hide()
        self.axis = AxisStrip(viewport)
        self.axis.hide()
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(lambda _value: self.update())
        bar.rangeChanged.connect(lambda _low, _high: self.update())

    def update(self) -> None:
        """Each copy shown while its original is scrolled out of sight, in its place."""
        area, bar = self.area, self.area.verticalScrollBar()
        scrolls = bar.maximum() > 0 and area.rows > 0
        legend = area.legend_box
        if scrolls and area.beside and legend.isVisible() and bar.value() > 0:
            self.legend.set_entries(legend.entries)
            self.legend.set_lines(legend.lines)
            self.legend.setFont(legend.font())
            at = legend.mapTo(area.viewport(), QPoint(0, 0))
            self.legend.setGeometry(at.x(), 0, legend.width(), legend.height())
            self.legend.show()
            self.legend.raise_()
        else:
            self.legend.hide()
        if scrolls and self.axis_x.isVisible() and bar.value() < bar.maximum():
            self._place_axis()
        else:
            self.axis.hide()

    def _place_axis(self) -> None:
        """The strip across the plot's width at the view's foot, its numbers where the
        chart draws its own."""
        from .funnel_chart import axis_ticks

        area, view = self.area, self.area.view
        chart, series = area.chart(), view.series
        if series is None:
            self.axis.hide()
            return
        axis = self.axis_x
        strip = self.axis
        strip.setFont(axis.labelsFont())
        strip.text_colour = axis.labelsBrush().color()
        strip.line_colour = axis.linePen().color()

        def x_of(value: float) -> float:
            point = chart.mapToPosition(QPointF(value, 0), series)
            at = view.mapFromScene(chart.mapToScene(point))
            return float(view.viewport().mapTo(area.viewport(), at).x())

        plot = chart.plotArea()
        left_end = view.mapFromScene(chart.mapToScene(plot.bottomLeft()))
        right_end = view.mapFromScene(chart.mapToScene(plot.bottomRight()))
        left = view.viewport().mapTo(area.viewport(), left_end).x()
        right = view.viewport().mapTo(area.viewport(), right_end).x()
        # across the whole view (a row's name half under it read as another name), the
        # legend's column aside
        legend = area.legend_box
        width = area.viewport().width()
        if area.beside and legend.isVisible():
            width = legend.mapTo(area.viewport(), QPoint(0, 0)).x()
        strip.line = (left, right)
        strip.ticks = [(x_of(value), f"{round(value)}") for value in axis_ticks(axis)]
        height = strip.height_for()
        strip.setGeometry(0, area.viewport().height() - height, width, height)
        strip.show()
        strip.raise_()
        strip.update()
