"""The Chart tab's legend: a coloured square and a name per part of the bars, beside the
plot or under it, in as many columns as the room's height needs. Qt Charts' own legend puts
one entry on a line of 22 px: beside the plot in a short panel (972x644 with a notice above
the tabs, 82 px) its four entries did not fit, and the chart scrolled."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

SWATCH = 12  # px, the coloured square
LINE_GAP = 4  # px between two lines of entries
COLUMN_GAP = 14  # px between two columns of entries
MARGIN = 6  # px round the entries


class ChartLegend(QWidget):
    """Entries in columns, filled top to bottom: ``set_lines`` says how many lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationChartLegend")
        self.setAccessibleName("Legend")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._grid.setVerticalSpacing(LINE_GAP)
        self._grid.setHorizontalSpacing(SWATCH // 2)
        self.entries: list[tuple[str, str]] = []  # (name, colour)
        self._labels: list[tuple[QLabel, QLabel]] = []  # (swatch, name) per entry
        self.lines = 1

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        if entries == self.entries:
            return
        self.entries = list(entries)
        for swatch, name in self._labels:
            for label in (swatch, name):
                self._grid.removeWidget(label)
                label.deleteLater()
        self._labels = []
        for text, colour in entries:
            swatch = QLabel()
            picture = QPixmap(SWATCH, SWATCH)
            picture.fill(QColor(colour))
            swatch.setPixmap(picture)
            name = QLabel(text)
            name.setTextFormat(Qt.TextFormat.PlainText)
            self._labels.append((swatch, name))
        self._place()

    def set_lines(self, lines: int) -> None:
        """Entries on this many lines at most (columns as many as that takes)."""
        lines = max(1, lines)
        if lines != self.lines:
            self.lines = lines
            self._place()

    def _place(self) -> None:
        lines = min(self.lines, max(1, len(self._labels)))
        for swatch, name in self._labels:  # out of their old places first
            self._grid.removeWidget(swatch)
            self._grid.removeWidget(name)
        for i, (swatch, name) in enumerate(self._labels):
            line, column = i % lines, i // lines
            self._grid.addWidget(swatch, line, 2 * column)
            self._grid.addWidget(name, line, 2 * column + 1)
            # room between a column and the one before it
            swatch.setContentsMargins(COLUMN_GAP if column else 0, 0, 0, 0)
        self.updateGeometry()

    def line_height(self) -> int:
        return max(self.fontMetrics().height(), SWATCH)

    def height_for(self, lines: int) -> int:
        """The legend's height with its entries on this many lines."""
        lines = max(1, min(lines, len(self.entries)))
        return lines * self.line_height() + (lines - 1) * LINE_GAP + 2 * MARGIN

    def width_for(self, lines: int) -> int:
        """The legend's width with its entries on this many lines."""
        lines = max(1, min(lines, len(self.entries)))
        metrics = self.fontMetrics()
        texts = [metrics.horizontalAdvance(name) for name in self.names()]
        columns = [max(texts[i:i + lines]) for i in range(0, len(texts), lines)]
        return sum(columns) + len(columns) * (SWATCH + SWATCH // 2) \
            + (len(columns) - 1) * COLUMN_GAP + 2 * MARGIN

    def lines_in(self, height: int) -> int:
        """How many lines of entries fit in ``height`` px (at least one)."""
        return max(1, (height - 2 * MARGIN + LINE_GAP) // (self.line_height() + LINE_GAP))

    def names(self) -> list[str]:
        return [name for name, _colour in self.entries]

    def shown(self) -> list[tuple[str, QRect]]:
        """Each entry's name and where its square and name are, in this widget."""
        return [(name.text(), swatch.geometry().united(name.geometry()))
                for swatch, name in self._labels if name.isVisibleTo(self)]
