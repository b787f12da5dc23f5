"""A chart's title above its plot, centred over it, in the chart's own title font and
colour, while the chart is too short for Qt Charts' own title (which takes a line and
spacing of its own above the whole chart).

The heading is a label on the chart view's viewport, as wide as the plot and just above
it: the chart keeps ``room()`` px free at its top for it (see the charts' ``arrange``).
QA 69/102: in a short panel the title had gone to the far right of the panel's tab bar,
away from the plot it names.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

GAP = 2  # px between the heading and the plot's top


class ChartHeading(QLabel):
    """The title of ``view``'s chart, over its plot: shortened in the middle to the plot's
    width, whole as its tooltip; placed again whenever the plot moves."""

    def __init__(self, view: QChartView, name: str) -> None:
        super().__init__(view.viewport())
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self._view = view
        chart = view.chart()
        self.setFont(chart.titleFont())
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, chart.titleBrush().color())
        self.setPalette(palette)
        self.full = ""  # the title, unshortened ("": none on show)
        chart.plotAreaChanged.connect(lambda _rect: self.place())
        self.hide()

    def room(self) -> int:
        """The px the heading takes above the plot: a line of the title's font and GAP."""
        return math.ceil(self.fontMetrics().height()) + GAP

    def show_text(self, text: str) -> None:
        """``text`` over the plot ("": no heading)."""
        self.full = text
        self.place()

    def plot_rect(self) -> QRect:
        """The plot, in the chart view's viewport."""
        chart = self._view.chart()
        scene = chart.mapRectToScene(QRectF(chart.plotArea()))
        return self._view.mapFromScene(scene).boundingRect()

    def place(self) -> None:
        if not self.full:
            self.hide()
            return
        plot = self.plot_rect()
        metrics = self.fontMetrics()
        shown = metrics.elidedText(self.full, Qt.TextElideMode.ElideMiddle, plot.width())
        self.setText(shown)
        self.setToolTip(self.full if shown != self.full else "")
        height = math.ceil(metrics.height())
        self.setGeometry(plot.left(), max(0, plot.top() - GAP - height), plot.width(), height)
        # Too little room for a few words: none.
        self.setVisible(plot.width() >= 8 * metrics.averageCharWidth())
