"""The contacts table of the Simulation panel's "Contacts and journeys" tab: who, where
now and email as wide as their text (within limits), the goals achieved and tags sharing the
rest, each list cut to whole names and how many more ("Bought pool shock, +2"); in a narrow
table the fitted columns give way in turn, and narrower still it scrolls sideways."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ..theme import focus_frame
from .contacts_model import ITEMS_ROLE, LISTS
from .journey_view import MIN_COLUMN, PAD, copy_rows, text_width

WHERE_NOW = 2  # the contacts model's column
# Contact, Where now and Email are as wide as their text (at least this usual text, at
# most this many average characters); Goals achieved and Tags share the width left.
CONTACT_WIDTHS = {0: "Dana Whitfield_", WHERE_NOW: "waiting at Downloaded pool",
                  1: "dana.whitfield@example", 3: "Bought pool shock, Visit",
                  4: "Checkup subscriber, Customer"}
FITTED = (0, WHERE_NOW, 1)  # sized to their contents
STRETCHED = (3, 4)  # Goals achieved and Tags: the width to spare
MOST_CHARS = {0: 28, WHERE_NOW: 40, 1: 34, 3: 64, 4: 64}
SORT_MARK = 24  # room for the header's sort arrow beside its label
# A table narrower than its columns want: the fitted columns give up room in this order,
# each down to its heading (Goals achieved and Tags keep theirs); narrower still, the table
# scrolls sideways rather than cut a heading. The email first: the name says who it is,
# and where each contact is now is what the run tells (QA: "not i…paign", "waiting …g goal
# 1" beside whole emails).
SQUEEZE = (1, WHERE_NOW, 0)
# A column as wide as its widest cell among this many rows (the first, in the table's
# order: a run of 100,000 contacts is not measured whole).
MEASURED_ROWS = 300
ROW_PAD = 2  # px a contact's row has beyond its line of text (its grid line and 1)


LIST_NOUNS = {3: "goals", 4: "tags"}  # what a list column's names are, by column
LEAST_CHARS = 4  # a name cut shorter than this many characters gives way to the count


def most_shown(names: Sequence[str], metrics: QFontMetrics, width: int) -> int:
    """How many of the first names (fewer than all) might show before ", +N" in ``width``
    px, each name measured once (a guess one past the last that fits, as summed widths may
    differ a little from the whole text's, which the caller measures): a cell with hundreds
    of goals measured every shorter list in turn (perf QA: a repaint took a second)."""
    comma = metrics.horizontalAdvance(", ")
    total = -comma
    fits = 0
    for shown, name in enumerate(names[:-1], start=1):
        total += comma + metrics.horizontalAdvance(name)
        if total > width:
            break
        if total + metrics.horizontalAdvance(f", +{len(names) - shown}") <= width:
            fits = shown
    return min(fits + 1, len(names) - 1)


def elided_list(names: Sequence[str], metrics: QFontMetrics, width: int,
                noun: str = "names") -> str:
    """``names`` joined by commas in ``width`` px: whole if they fit, else as many whole
    as fit and how many more ("Bought pool shock, +2"), else the first cut short and the
    count ("Bought po…, +2"), else only how many ("3 goals"). QA5: "Bought pool s… Visit
    booked", cut in the middle, hid the goal between."""
    text = ", ".join(names)
    if len(names) < 2 or metrics.horizontalAdvance(text) <= width:
        return text
    for shown in range(most_shown(names, metrics, width), 0, -1):
        text = f"{', '.join(names[:shown])}, +{len(names) - shown}"
        if metrics.horizontalAdvance(text) <= width:
            return text
    more = f", +{len(names) - 1}"
    first = metrics.elidedText(names[0], Qt.TextElideMode.ElideRight,
                               max(0, width - metrics.horizontalAdvance(more)))
    if len(first.rstrip("…")) >= min(LEAST_CHARS, len(names[0])):
        return first + more
    return f"{len(names)} {noun}"


class ListDelegate(QStyledItemDelegate):
    """Goals achieved and Tags: a list too long for its cell keeps whole names and says
    how many it leaves out (see elided_list); the tooltip has them all."""

    def __init__(self, noun: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.noun = noun

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        names = index.data(ITEMS_ROLE)
        if not names:
            return
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1 \
            if style is not None else 3
        width = option.rect.width() - 2 * margin  # type: ignore[attr-defined]
        option.text = elided_list(names, option.fontMetrics, width,  # type: ignore[attr-defined]
                                  self.noun)


class ContactsTable(QTableView):
    """Contact, Where now, Email, Goals achieved, Tags (shown in that order): the first
    three as wide as their text (up to MOST_CHARS), Goals achieved and Tags the width to
    spare between them (QA: they were cut to "Bought s…ed to checkup" and "Bo…er" while
    Email kept its width). Short of room, Where now, Email and Contact give way in turn,
    each down to its heading; no heading is ever cut: a table too narrow for them all
    scrolls sideways. A cut-off cell's whole text is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationContacts")
        self.setAccessibleName("Simulated contacts")  # a screen reader said nothing for it
        self.setStyleSheet(focus_frame("ContactsTable", "simulationContacts"))  # where the keys act
        self.setTabKeyNavigation(False)  # Tab moves on to the next widget, arrows move within
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift, Ctrl and Ctrl+A choose rows to copy (Ctrl+C); the journey is the current one's
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        # Cut in the middle: "waiting at Bought kit (2)" and "(3)" still differ, and an
        # email keeps its domain.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # A list of goals or tags cut short says how many names it leaves out.
        self.list_delegates = {c: ListDelegate(LIST_NOUNS[c], self) for c in LISTS}
        for column, delegate in self.list_delegates.items():
            self.setItemDelegateForColumn(column, delegate)
        rows = self.verticalHeader()
        rows.hide()
        # One line of text and its grid line: as many contacts as fit (five at 1024x640,
        # where rows of a line and 6 px showed four; the journey's rows are a line a line)
        height = self.fontMetrics().height()
        rows.setMinimumSectionSize(height + ROW_PAD)
        rows.setDefaultSectionSize(height + ROW_PAD)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(MIN_COLUMN)
        # A heading narrower than its column ends in "…" (its tooltip says it whole), not
        # cut at both sides ("s achie")
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.usual = {column: text_width(self, text) for column, text in CONTACT_WIDTHS.items()}
        self.widths = dict(self.usual)  # each column's width wanted: see measure
        self.least: dict[int, int] = {}  # each column's heading, in full (set with a model)
        self.empty_text = ""  # said in the table while it has no rows ('No contacts match…')

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not copy_rows(self, self.horizontalHeader(), event):
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.empty_text and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(8, 8, -8, -8),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        header = self.horizontalHeader()
        header.moveSection(WHERE_NOW, 1)  # who, and where now, first
        metrics = header.fontMetrics()
        self.least = {column: max(MIN_COLUMN, metrics.horizontalAdvance(str(
            model.headerData(column, Qt.Orientation.Horizontal))) + SORT_MARK)
            for column in self.widths}
        for column, width in self.widths.items():
            self.setColumnWidth(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def measure(self) -> None:
        """Each column wants its widest cell (of the first MEASURED_ROWS rows; at most
        MOST_CHARS average characters), and at least its usual text."""
        model = self.model()
        if model is None:
            return
        metrics = self.fontMetrics()
        rows = min(model.rowCount(), MEASURED_ROWS)
        widths = {}
        for column, usual in self.usual.items():
            texts = (model.data(model.index(row, column)) for row in range(rows))
            widest = max((metrics.horizontalAdvance(str(text)) for text in texts if text),
                         default=0)
            most = MOST_CHARS[column] * metrics.averageCharWidth() + PAD
            widths[column] = min(most, max(usual, widest + PAD))
        if widths != self.widths:
            self.widths = widths
            self.fit_columns()

    def least_width(self) -> int:
        """Wide enough for every heading whole (narrower, the table scrolls sideways)."""
        return sum(self.least.values()) + 2 * self.frameWidth()

    def who_width(self) -> int:
        """Wide enough for Contact, Where now and Email as wide as they want, and Goals
        achieved and Tags their headings."""
        return sum(self.widths[c] for c in FITTED) + sum(self.least[c] for c in STRETCHED) \
            + 2 * self.frameWidth()

    def wanted_width(self) -> int:
        """Wide enough for every column's wanted width (see measure)."""
        return sum(self.widths.values()) + 2 * self.frameWidth()

    def fitted(self, room: int) -> dict[int, int]:
        """The columns' widths in ``room`` px (see the class); wider than that in all
        when even their headings do not fit."""
        widths = {c: max(self.widths[c], self.least[c]) for c in FITTED}
        widths.update({c: self.least[c] for c in STRETCHED})
        over = sum(widths.values()) - room
        for column in SQUEEZE:
            if over <= 0:
                break
            less = min(over, widths[column] - self.least[column])
            widths[column] -= less
            over -= less
        spare = -over
        if spare > 0:  # to Goals achieved and Tags: first what they want, then evenly
            wants = {c: max(0, self.widths[c] - self.least[c]) for c in STRETCHED}
            given = min(spare, sum(wants.values()))
            for c in STRETCHED:
                widths[c] += given * wants[c] // max(1, sum(wants.values()))
            rest = room - sum(widths.values())
            for i, c in enumerate(STRETCHED):
                widths[c] += rest // len(STRETCHED) + (rest % len(STRETCHED) if i else 0)
        return widths

    def fit_columns(self) -> None:
        room = self.viewport().width()
        if self.model() is None or room <= 0 or not self.least:
            return
        for column, width in self.fitted(room).items():
            self.setColumnWidth(column, width)


