"""A chart's title above its plot, centred over it, in the chart's own title font and
colour, while the chart is too short for Qt Charts' own title (which takes a line and
spacing of its own above the whole chart).

The heading is a label on the chart view's viewport, as wide as the plot and just above
it: the chart keeps ``room()`` px free at its top for it (see the charts' ``arrange``).
QA 69/102: in a short panel the title had gone to the far right of the panel's tab bar,
away from the plot it names.

A heading may carry a ``note`` in the theme's muted text colour at its right end (Over
Time's plot alone says where its lines' names went); with no title to show, the note sits
alone at the plot's top right, on the chart's white.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from ..theme import TEXT_MUTED

GAP = 2  # px between the heading and the plot's top
NOTE_GAP = 12  # px between the title and a note after it
NOTE_INSET = 2  # px between a note alone and the plot's top right corner


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
        # the note: (its text, a shorter one for a narrow plot), and its label
        self.note: tuple[str, str] = ("", "")
        self.note_label = QLabel(view.viewport())
        self.note_label.setObjectName(f"{name}Note")
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        note_font = chart.legend().font()
        self.note_label.setFont(note_font)
        note_palette = self.note_label.palette()
        note_palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT_MUTED))
        note_palette.setColor(QPalette.ColorRole.Window, QColor(Qt.GlobalColor.white))
        self.note_label.setPalette(note_palette)
        self.note_label.hide()
        self.quiet = False  # the note hidden whatever it says (a picture is being made)
        chart.plotAreaChanged.connect(lambda _rect: self.place())
        self.hide()

    def room(self) -> int:
        """The px the heading takes above the plot: a line of the title's font and GAP."""
        return math.ceil(self.fontMetrics().height()) + GAP

    def show_text(self, text: str, note: tuple[str, str] = ("", ""), tip: str = "") -> None:
        """``text`` over the plot ("": no heading); ``note``: words in muted text at the
        heading's right end (its long form, and a short one for a narrow plot; none with
        ""), ``tip`` their tooltip."""
        self.full = text
        self.note = note
        self.note_label.setToolTip(tip)
        self.place()

    def plot_rect(self) -> QRect:
        """The plot, in the chart view's viewport."""
        chart = self._view.chart()
        scene = chart.mapRectToScene(QRectF(chart.plotArea()))
        return self._view.mapFromScene(scene).boundingRect()

    def place(self) -> None:
        plot = self.plot_rect()
        note = self.place_note(plot)
        if not self.full:
            self.hide()
            return
        metrics = self.fontMetrics()
        width = plot.width() - (note + NOTE_GAP if note else 0)
        shown = metrics.elidedText(self.full, Qt.TextElideMode.ElideMiddle, width)
        self.setText(shown)
        self.setToolTip(self.full if shown != self.full else "")
        height = math.ceil(metrics.height())
        self.setGeometry(plot.left(), max(0, plot.top() - GAP - height), width, height)
        # Too little room for a few words: none.
        self.setVisible(width >= 8 * metrics.averageCharWidth())

    def place_note(self, plot: QRect) -> int:
        """The note at the heading line's right end over ``plot`` (alone, at the plot's
        top right corner, with no title); its long form when the title shows whole beside
        it (alone: in half the plot's width), else its short one. Its width (px; 0: none
        on show)."""
        label = self.note_label
        long, short = self.note
        if not long or self.quiet:
            label.hide()
            return 0
        metrics = label.fontMetrics()
        # on the title's line while the title shows whole beside it; alone over the
        # plot, in half its width at most (it hides the lines under it)
        room = plot.width() - self.fontMetrics().horizontalAdvance(self.full) - NOTE_GAP \
            if self.full else plot.width() / 2
        text = long if metrics.horizontalAdvance(long) <= room else short
        width = math.ceil(metrics.horizontalAdvance(text)) + 2
        if width > plot.width():
            label.hide()
            return 0
        label.setText(text)
        height = math.ceil(metrics.height())
        if self.full:  # on the title's line, its foot on the title's
            title = math.ceil(self.fontMetrics().height())
            top = max(0, plot.top() - GAP - title) + title - height
            label.setAutoFillBackground(False)
        else:
            top = plot.top() + NOTE_INSET
            label.setAutoFillBackground(True)  # over the lines: on white
        label.setGeometry(plot.right() + 1 - width - (0 if self.full else NOTE_INSET), top,
                          width, height)
        label.show()
        label.raise_()
        return width
