"""The Catalog window's tables: the filter box over them, how their columns share the
width, tooltips for cut cells, and the "Used by" text (a goal's campaign named where two
goals of one name would read alike)."""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableWidget, QToolTip, QWidget

from ...domain.search import folded, natural_key
from ...domain.usage import Usage
from ..tooltip_text import wrapped_tooltip

# A column never grows past this at the usual font, in proportion at a larger one (see
# column_max_width; a 3,000-character name made the window 18,728 px wide): a longer
# cell is cut with "…" and its tooltip has the whole text.
COLUMN_MAX_WIDTH = 320
COLUMN_MAX_CHARACTERS = 53  # the same in average letters (6 px each at the usual 9 pt)
# Room round a cell's text (its margins and a little air).
CELL_PADDING = 20
# The Name column keeps at least this many average characters when it must share.
NAME_MIN_CHARS = 14
# When Name and "Used by" do not both fit, Name gets at least this part of their room.
NAME_SHARE = 0.4


def column_max_width(table: QWidget) -> int:
    """The widest a column of ``table`` grows: :data:`COLUMN_MAX_WIDTH` at the usual
    font, :data:`COLUMN_MAX_CHARACTERS` letters at a larger one (at 15 pt a fixed 320 px
    cut "Used by" to 'goal "Bought pool shock", its …' with the screen's room to spare)."""
    return max(COLUMN_MAX_WIDTH,
               table.fontMetrics().averageCharWidth() * COLUMN_MAX_CHARACTERS)


CatalogOrder = tuple[tuple[str | int, ...], str, str]


def catalog_order(name: str, item_id: str) -> CatalogOrder:
    """Where an item goes in the Catalog's lists, alphabetical: by name, capitals,
    accents and runs of spaces aside as the filter compares them ("Écume" among the E's,
    not after "Z"), numbers in it as numbers ("Size 2" before "Size 10", QA 23b), then
    as spelled, then by id. The purchase goal and E-Commerce Actions list them so too."""
    return natural_key(folded(name)), name.casefold(), item_id


class CatalogFilter(QLineEdit):
    """The filter box: Esc clears it (and, when it is empty, closes the window as Esc
    does); Enter goes down to the table (``enter_pressed``) instead of closing the
    window."""

    enter_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogFilter")
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def filter_rows(table: QTableWidget, text: str) -> int:
    """Hides the rows whose name (column 0) does not contain ``text``, compared as the
    canvas's Find compares (case, accents and runs of spaces ignored); returns how many
    rows show. A selected row that is hidden is unselected (Edit and Delete would act on
    a row out of sight)."""
    wanted = folded(text)
    shown = 0
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        hide = bool(wanted) and (item is None or wanted not in folded(item.text()))
        if table.isRowHidden(row) != hide:
            table.setRowHidden(row, hide)
        shown += not hide
    selection = table.selectionModel()
    if selection is not None and any(table.isRowHidden(index.row())
                                     for index in selection.selectedRows()):
        table.clearSelection()
    return shown


def first_shown_row(table: QTableWidget) -> int | None:
    return next((r for r in range(table.rowCount()) if not table.isRowHidden(r)), None)


class ColumnSharing(QObject):
    """Shares a table's width between its columns whenever the table is resized or
    filled: every column but the first and the last ("Used by") gets its contents' width
    (up to :func:`column_max_width`); Name gets its contents' width too when both it and
    "Used by" fit, else the two share what is left, "Used by" first (QA: a
    long product name took the width and "Used by" read 'goal "Bought pool shock", i…';
    in Order forms the name was cut beside an empty "Used by"). "Used by" stretches.

    It also gives a cut cell without a tooltip of its own a tooltip with its whole text."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        self.natural: list[int] = []
        table.horizontalHeader().setStretchLastSection(True)
        table.viewport().installEventFilter(self)

    def measure(self) -> None:
        """Each column's contents width (call after filling the table)."""
        table = self.table
        table.resizeColumnsToContents()
        self.natural = [table.columnWidth(c) + CELL_PADDING for c in range(table.columnCount())]
        self.share()

    def needed_width(self) -> int:
        """The width every column needs to show whole (each up to column_max_width)."""
        most = column_max_width(self.table)
        return sum(min(width, most) for width in self.natural)

    def share(self) -> None:
        table, natural = self.table, self.natural
        if len(natural) < 2:
            return
        last = len(natural) - 1
        most = column_max_width(table)
        widths = [min(width, most) for width in natural]
        room = table.viewport().width() - sum(widths[1:last])  # for Name and Used by
        # Name as wide as its contents where the room allows (the cap is for the
        # window's width: QA's order form's name was cut beside an empty "Used by")
        name, used = natural[0], widths[last]
        if name + used > room:
            # "Used by" whole where Name keeps NAME_SHARE of the room (a name's start
            # tells it from the others; its tooltip has the rest); else Name its share
            floor = min(name, table.fontMetrics().averageCharWidth() * NAME_MIN_CHARS)
            name = max(room - used, min(name, int(room * NAME_SHARE)), floor)
        if table.columnWidth(0) != name:
            table.setColumnWidth(0, name)
        for column in range(1, last):
            if table.columnWidth(column) != widths[column]:
                table.setColumnWidth(column, widths[column])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not shiboken6.isValid(self.table):  # its table going away
            return False
        if watched is self.table.viewport():
            if event.type() == QEvent.Type.Resize and self.natural:
                self.share()
            elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                return self._cut_cell_tooltip(event)
        return False

    def _cut_cell_tooltip(self, event: QHelpEvent) -> bool:
        """The whole text of a cut cell that has no tooltip of its own."""
        table = self.table
        index = table.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False  # the cell's own tooltip, as Qt shows it
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if text and is_cut(table, index.row(), index.column()):
            QToolTip.showText(event.globalPos(), wrapped_tooltip(text), table.viewport())
            return True
        QToolTip.hideText()
        return False


def is_cut(table: QAbstractItemView, row: int, column: int) -> bool:
    """Whether the cell's text is wider than its column (so shown with "…")."""
    assert isinstance(table, QTableWidget)
    item = table.item(row, column)
    if item is None:
        return False
    width = table.fontMetrics().horizontalAdvance(item.text())
    return width + CELL_PADDING // 2 > table.columnWidth(column)


def ambiguous_goal_names(usages: Iterable[Usage]) -> set[str]:
    """The goal names (the usages' short text) that goals of more than one campaign have."""
    campaigns: dict[str, set[str]] = {}
    for usage in usages:
        if usage.node_id is not None and usage.campaign_id is not None:
            campaigns.setdefault(usage.short, set()).add(usage.campaign_id)
    return {short for short, ids in campaigns.items() if len(ids) > 1}


def usage_summary(usages: list[Usage], ambiguous: set[str],
                  campaign_names: dict[str, str]) -> str:
    """The places in one short line, for a table cell; a goal whose name a goal of
    another campaign has too gets its campaign: 'goal "Bought pool shock" (Pool Shock
    Nurture)' (QA: two such goals read 'goal "Bought pool shock", goal "Bought pool
    shock"')."""
    parts = []
    for usage in usages:
        if usage.short in ambiguous and usage.campaign_id in campaign_names:
            parts.append(f"{usage.short} ({campaign_names[usage.campaign_id]})")
        else:
            parts.append(usage.short)
    return ", ".join(parts)
