"""Over Time's legend measured again: Qt Charts keeps an entry's size from an earlier state
(see remeasure; cut_by_qt finds a name it cut for it), and setting the legend's font gives
each entry its own (see strike_hidden)."""

from __future__ import annotations

from PySide6.QtCharts import QLegend
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsTextItem


def remeasure(legend: QLegend) -> None:
    """Has Qt Charts measure the legend's entries again. Hidden (the plot alone) and shown
    again, the legend kept an entry's width from an earlier layout, 4 px short of its
    name, and cut the name to fit it: "Bought pool shock (achiev..." (QA, after a picture
    of the plot alone, then a taller panel). Setting its font anew makes it measure."""
    font = legend.font()
    other = QFont(font)
    other.setPointSizeF(font.pointSizeF() + 1)
    legend.setFont(other)
    legend.setFont(font)
    strike_hidden(legend)


def strike_hidden(legend: QLegend) -> None:
    """A hidden line's name struck out (the legend's font, set, gives every entry its
    own)."""
    for marker in legend.markers():
        if not marker.series().isVisible():
            struck = marker.font()
            struck.setStrikeOut(True)
            marker.setFont(struck)


TEXT_ITEM = 8  # QGraphicsTextItem.Type: Qt Charts draws a legend's names with them
QT_CUT = "..."  # how Qt Charts ends a name it cuts to fit


def cut_by_qt(legend: QLegend, names: set[str]) -> bool:
    """Whether Qt Charts drew one of the legend's ``names`` cut short, "(achiev...", though
    the name given was whole (the legend then has an entry's width from an earlier layout:
    see remeasure)."""
    items = list(legend.childItems())
    while items:
        item = items.pop()
        items.extend(item.childItems())
        if item.type() != TEXT_ITEM or not item.isVisible():
            continue
        text = item.toGraphicsObject()
        if isinstance(text, QGraphicsTextItem):
            shown = text.toPlainText()
            if shown.endswith(QT_CUT) and shown not in names:
                return True
    return False
