"""The journey of the Simulation panel's "Contacts and journeys" tab (its contacts table is
in contacts_table.py), sized to stay readable in a small window: a journey step's words wrap
onto more lines rather than run off the side, What and Node are as wide as the words of the
journey shown need (of the widths that break no word, those that take the fewest lines), and
its first columns get narrower (the time goes under the date) when the journey is narrow, so
the Details keep room to be read. Also the tables' shared helpers: copying rows as text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ...domain.names import without_isolates
from ..theme import focus_frame

WRAP_HEIGHT = 10_000  # no limit on a wrapped cell's height
PAD = 16  # a column's room around its text
MIN_COLUMN = 48

NO_JOURNEY = "Choose a contact to see its journey here."

# The journey's first columns, wide and narrow; the Details take the rest.
JOURNEY_WIDTHS = {0: ("2026-03-03 14:00", "2026-03-03"),
                  1: ("added to the campaign_", "achieved"),  # longer words wrap
                  2: ("Post-purchase__", "Nurture_")}
# What and Node are no wider than their longest text in the journey shown (or heading), up
# to their wide width above, Node up to this many average characters; a Node name may wrap
# between its words where that makes no row taller, for the Details (QA: a Node column as
# wide as "Post-purchase" beside mostly empty cells, the Details wrapped to 3 lines)
NODE_MOST_CHARS = 24
CONTENT_COLUMNS = (1, 2)  # What and Node: sized to what the journey shown has in them
MEASURED_STEPS = 100  # the journey's first steps, measured to choose its columns' widths
# Narrower than this left for the Details (in average characters), the first columns take
# their narrow widths: some words to a line, the rest wrapped onto more.
DETAILS_CHARS = 24
# The Details' room the split gives the journey, its first columns wide, before the
# contacts get more than their names, places and emails (see ContactsTab.default_split).
ROOMY_DETAILS_CHARS = 36


def text_width(widget: QWidget, text: str) -> int:
    return widget.fontMetrics().horizontalAdvance(text) + PAD


def rows_as_text(view: QAbstractItemView, header: QHeaderView) -> str:
    """The selected rows of ``view`` as tab-separated lines under a line of headings, the
    columns in the order on show, each cell's whole text (not as elided on screen; tabs and
    line breaks in it become spaces, the bidi isolates round names dropped)."""
    model = view.model()
    if model is None:
        return ""
    columns = [header.logicalIndex(visual) for visual in range(header.count())]
    columns = [c for c in columns if not header.isSectionHidden(c)]
    rows = sorted({index.row() for index in view.selectionModel().selectedIndexes()
                   if index.flags() & Qt.ItemFlag.ItemIsSelectable})
    return tsv_text([model.headerData(c, Qt.Orientation.Horizontal) for c in columns],
                    [[model.index(row, c).data() for c in columns] for row in rows])


def tsv_text(headings: Sequence[object], rows: Sequence[Sequence[object]]) -> str:
    """``rows`` as tab-separated lines under a line of ``headings``, each cell's whole text
    (tabs and line breaks in it become spaces, the bidi isolates round names dropped; None
    is empty): what pastes into a spreadsheet. "" with no rows."""

    def cell(value: object) -> str:
        text = "" if value is None else without_isolates(str(value))
        return " ".join(text.replace("\t", " ").splitlines())

    if not rows:
        return ""
    lines = ["\t".join(cell(value) for value in line) for line in (headings, *rows)]
    return "\n".join(lines) + "\n"


def copy_rows(view: QAbstractItemView, header: QHeaderView, event: QKeyEvent) -> bool:
    """Ctrl+C in a table of the panel: the selected rows whole (Qt's own copies one cell).
    True if ``event`` was the copy key."""
    if not event.matches(QKeySequence.StandardKey.Copy):
        return False
    text = rows_as_text(view, header)
    if text:
        QGuiApplication.clipboard().setText(text)
    event.accept()
    return True


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped at its column's width (a tree view asks for a
    row's height without saying how wide the column is, so its rows never grow)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                 ) -> QSize:
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, self.view.columnWidth(index.column()), WRAP_HEIGHT)
        return super().sizeHint(sized, index)


class JourneyView(QTreeWidget):
    """One contact's journey: When, What, Node, and the Details, which take the width left
    and wrap onto more lines (each cell's full text is also its tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationJourney")
        # its tooltip was all a screen reader had, and only as a description
        self.setAccessibleName("Contact's journey")
        self.setStyleSheet(focus_frame("JourneyView", "simulationJourney"))  # where the keys act
        self.setTabKeyNavigation(False)  # Tab moves on to the next widget, arrows move within
        self.setHeaderLabels(["When", "What", "Node", "Details"])
        self.setRootIsDecorated(False)
        # Shift, Ctrl and Ctrl+A choose steps; Ctrl+C copies them, a line each
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(WrappingDelegate(self))
        self.setAlternatingRowColors(True)  # where a wrapped step ends and the next begins
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip("Double-click a step to show its node on the canvas")
        header = self.header()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(MIN_COLUMN)
        for column in JOURNEY_WIDTHS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.wide = {c: text_width(self, w) for c, (w, _n) in JOURNEY_WIDTHS.items()}
        self.narrow = {c: text_width(self, n) for c, (_w, n) in JOURNEY_WIDTHS.items()}
        self.details_room = self.fontMetrics().averageCharWidth() * DETAILS_CHARS + PAD
        # The first columns' widths the split measures the journey by (comfortable_width):
        # all wide; When wide (a date and time on one line) and the others narrow; all narrow.
        self.levels = [dict(self.wide), {**self.narrow, 0: self.wide[0]}, dict(self.narrow)]
        # What on one line before Node's names (QA5: "added to / the / campaign" in three
        # lines), When on one line before either; each at most its text (see fits)
        self.node_most = self.fontMetrics().averageCharWidth() * NODE_MOST_CHARS + PAD
        self.steps: list[list[str]] = []  # the texts of the steps measured (see fit_to_steps)
        self.content = self.content_widths()  # What's and Node's longest text, its longest word
        self.fitted: dict[int, int] = {}  # the widths set last (a column the user resized
        # stays so until they change)
        self._lines: dict[tuple[str, int], int] = {}  # a text's lines at a width
        self._fit_columns()
        # Rows get their wrapped height again when a column's width changes.
        header.sectionResized.connect(lambda *_args: self.scheduleDelayedItemsLayout())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not copy_rows(self, self.header(), event):
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.topLevelItemCount() == 0:  # no contact chosen: say how to see a journey
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(8, 8, -8, -8),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, NO_JOURNEY)
            painter.end()

    def waiting_width(self) -> int:
        """Wide enough, with no contact chosen, for its headings and NO_JOURNEY on two
        lines."""
        words = self.fontMetrics().horizontalAdvance(NO_JOURNEY) // 2 + 2 * PAD
        return max(MIN_COLUMN * 5, words) + 2 * self.frameWidth()

    def comfortable_width(self, level: int = 1, details_chars: int = DETAILS_CHARS) -> int:
        """Wide enough for the first columns at that level (1: When on one line, the others
        narrow) and ``details_chars`` average characters of Details beside them."""
        details = self.fontMetrics().averageCharWidth() * details_chars + PAD
        return (sum(self.levels[level].values()) + details + 2 * self.frameWidth()
                + self.verticalScrollBar().sizeHint().width())

    def content_widths(self) -> dict[tuple[int, str], int]:
        """What's and Node's widths as the steps measured want them, with the room round
        the text, by (column, "all"): its longest text (or the heading, if longer); "two":
        each text on two lines at most; "word": its longest word (with the cell's margins:
        half the room)."""
        metrics, heading = self.fontMetrics(), self.header().fontMetrics()

        def two_lines(text: str) -> int:
            words = text.split()
            return min((max(metrics.horizontalAdvance(" ".join(words[:i])),
                             metrics.horizontalAdvance(" ".join(words[i:])))
                        for i in range(1, len(words))),
                       default=metrics.horizontalAdvance(text))

        widths = {}
        for column in CONTENT_COLUMNS:
            title = max(MIN_COLUMN, heading.horizontalAdvance(self.headerItem().text(column))
                        + PAD)
            texts = [step[column] for step in self.steps]
            widths[column, "all"] = max([title, *(metrics.horizontalAdvance(t) + PAD
                                                  for t in texts)])
            widths[column, "two"] = max([title, *(two_lines(t) + PAD for t in texts)])
            widths[column, "word"] = max([MIN_COLUMN, *(metrics.horizontalAdvance(w) + PAD // 2
                                                        for t in texts for w in t.split())])
        return widths

    def fit_to_steps(self) -> None:
        """What and Node as wide as the steps now shown want (call after adding them)."""
        self.steps = [[item.text(c) for c in range(4)] for item in (
            self.topLevelItem(i) for i in range(min(self.topLevelItemCount(),
                                                    MEASURED_STEPS)))]
        self.content = self.content_widths()
        self._lines = {}
        self._fit_columns()

    def fits(self) -> list[list[dict[int, int]]]:
        """The first columns' widths to choose from, in groups by preference: When wide and
        What whole; When wide and What narrower (on two lines, its longest word, narrow);
        all narrow. Node in each: its longest name (up to NODE_MOST_CHARS), on two lines,
        its longest word, narrow; What and Node never wider than their longest text, nor
        narrower than their longest word but in the last group."""
        content = self.content

        def options(column: int, *widths: int) -> list[int]:
            """Widths no wider than the column's text, none breaking a word."""
            return sorted({min(max(w, content[column, "word"]), content[column, "all"])
                           for w in widths}, reverse=True)

        nodes = options(2, self.node_most, content[2, "two"], content[2, "word"],
                        self.narrow[2])
        whole = min(self.wide[1], content[1, "all"])
        narrower = [w for w in options(1, content[1, "two"], content[1, "word"],
                                       self.narrow[1]) if w < whole] or [whole]
        return [[{0: self.wide[0], 1: what, 2: node} for what in whats for node in nodes]
                for whats in ([whole], narrower)] + [[{
                    0: self.narrow[0], 1: min(self.narrow[1], content[1, "all"]),
                    2: min(self.narrow[2], content[2, "all"])}]]

    def lines(self, widths: dict[int, int], details: int) -> int:
        """How many lines of text the steps measured take with these first columns'
        widths and ``details`` px of Details (each step as tall as its tallest cell)."""
        metrics = self.fontMetrics()
        widths = {**widths, 3: details}
        if len(self._lines) > 50_000:  # a long drag of the split: kept for a while
            self._lines = {}
        total = 0
        for step in self.steps:
            tallest = 1
            for column, text in enumerate(step):
                key = (text, widths[column])
                if key not in self._lines:
                    rect = metrics.boundingRect(0, 0, max(1, widths[column] - PAD // 2),
                                                WRAP_HEIGHT, Qt.TextFlag.TextWordWrap, text)
                    self._lines[key] = max(1, round(rect.height() / metrics.lineSpacing()))
                tallest = max(tallest, self._lines[key])
            total += tallest
        return total

    def _fit_columns(self) -> None:
        """The first group of fits (see fits) with one that leaves the Details their room,
        and in it the one whose steps take the fewest lines (the widest of those), else
        the narrow ones; set only when that changes (a column the user resized stays so)."""
        width = self.viewport().width()
        room = width - self.details_room
        groups = self.fits()
        chosen = groups[-1][0]
        for group in groups:
            fitting = [fit for fit in group if sum(fit.values()) <= room]
            if fitting:
                chosen = min(fitting, key=lambda fit: self.lines(fit, width - sum(
                    fit.values())))
                break
        if chosen == self.fitted:
            return
        self.fitted = chosen
        for column, size in chosen.items():
            self.setColumnWidth(column, size)

    def add_step(self, texts: list[str], node_id: str) -> None:
        item = QTreeWidgetItem(texts)
        item.setData(0, Qt.ItemDataRole.UserRole, node_id)
        for column, text in enumerate(texts):
            item.setToolTip(column, text)
        self.addTopLevelItem(item)
