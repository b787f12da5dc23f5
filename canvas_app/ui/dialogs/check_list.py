"""The editors' lists: a list as tall as its rows (``RowsListWidget``) and a searchable
multi-select check list (``CheckList``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QMouseEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..text_limit import limit_text
from ..theme import SELECTION, use_item_view_style
from .search_field import ResultsKeys, SearchField
from .widgets import ID_ROLE, help_text_style
from .wrapped_rows import (
    LABEL_ROLE,
    SIZE_NEUTRAL_ROLES,
    WrappedRowsDelegate,
    row_label,
    row_tooltip,
)

__all__ = ["LABEL_ROLE", "CheckList", "RowsListWidget", "row_label", "row_tooltip"]

FRAME = "#a9b4c2"  # a list's frame, close to Qt's own (Fusion)
ROW_GAP = 1  # px between a list's frame and its first row


class RowsListWidget(QListWidget):
    """A list that asks for ``hint_rows`` rows (at least ``min_rows``) instead of Qt's fixed
    192 pixels, so a dialog's body is as tall as its content needs and a scroll area around
    it does not scroll; layouts stretch the list to use any room left."""

    # the widest a row asks to be, in average letters: 44 wrapped the sample's sequence
    # steps ("1. Send email "Is your pool ready for summer?"", 49 at 15 pt) in a window
    # that had the screen's room to show them on one line
    ROW_CHARACTERS_ASKED = 64
    WIDEST_CHECKED = 5  # rows measured by Qt to know all fit on one line (see rows_one_line)

    def __init__(self, min_rows: int = 4, hint_rows: int = 6,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_rows = min_rows
        self.hint_rows = hint_rows
        self._delegate: WrappedRowsDelegate | None = None  # see wrap_rows
        # (font, rows_shape): the rows' shape while its font and rows are unchanged
        self._shape: tuple[QFont, tuple[int, list[int]] | None] | None = None
        # pixels of its height lent to notes under it (see CheckList's out-of-sight note),
        # by note: the list and the notes together ask for what the list alone did
        self.lent = 0
        self._lent_to: dict[str, int] = {}
        use_item_view_style(self)  # its rows measured without a call into Python each
        # A pixel between the frame and the first row, always: the red frame of a list with
        # a problem is 2 px, painted over the frame's 1 px and the row below it, and it
        # touched the first row's check box (QA). The rows stay where they are when it turns
        # red (mark_invalid).
        self.setViewportMargins(0, ROW_GAP, 0, 0)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the gap is of the rows' colour
        self.setAutoFillBackground(True)
        self.setMinimumHeight(self.rows_height(min_rows))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802  (Qt's name)
        """A click on a row's check box makes it the current row too, as a click on its
        text does (QA: ticking a box left no current row, and the arrow keys and Space
        then started from the top)."""
        item = self.itemAt(event.position().toPoint())
        super().mousePressEvent(event)
        if item is not None and self.currentItem() is not item:
            self.setCurrentItem(item)

    def wrap_rows(self) -> None:
        """Long rows wrap onto a second line instead of being cut off behind a horizontal
        scroll bar ("Summer Legacy Form (legac"), also when a red frame narrows the list.

        While every row fits on one line, of one height, Qt measures one row for all
        (``uniformItemSizes``, chosen at each layout, see :meth:`doItemsLayout`): 2,000
        products were measured one by one at every key typed in the search."""
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self._delegate = WrappedRowsDelegate(self)
        self.setItemDelegate(self._delegate)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved,
                       model.modelReset, model.layoutChanged):
            signal.connect(self._rows_edited)
        model.dataChanged.connect(self._data_edited)

    def _rows_edited(self, *_args: object) -> None:
        self._shape = None

    def _data_edited(self, _first: QModelIndex, _last: QModelIndex,
                     roles: list[int] | None = None) -> None:
        if not roles or not SIZE_NEUTRAL_ROLES.issuperset(int(r) for r in roles):
            self._shape = None  # a tick alone changes no row's size

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802  (Qt's name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) \
                and self._delegate is not None:
            self._shape = None
            self._delegate.forget()
        super().changeEvent(event)

    def doItemsLayout(self) -> None:  # noqa: N802  (Qt's name)
        if self._delegate is not None:
            one_line = self.rows_one_line()
            if one_line != self.uniformItemSizes():
                self.setUniformItemSizes(one_line)
        super().doItemsLayout()

    def rows_one_line(self) -> bool:
        """Whether every row (shown or hidden) is one line of the same height at the
        list's width: no text that wraps there, or needs a taller font, or has an icon
        or a font of its own (the rows are of one kind: all with a check box, or none)."""
        shape = self._rows_shape()
        if shape is None:
            return False
        narrowest, widest = shape
        spacing = self.spacing()
        # the width Qt lays the rows out in, less a scroll bar (which may come): narrower
        # only, so a row said to fit does
        width = (self.maximumViewportSize().width() - 2 * spacing
                 - self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None,
                                            self.verticalScrollBar()))
        if width <= 0:
            return False
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(0, 0, width, max(1, self.viewport().height()))
        model = self.model()
        whole = QStyleOptionViewItem()
        self.initViewItemOption(whole)  # no width: on one line
        size_hint = self._delegate.sizeHint
        line = size_hint(whole, model.index(narrowest, 0)).height()
        return all(size_hint(option, model.index(row, 0)).height() == line
                   for row in (narrowest, *widest))

    def _rows_shape(self) -> tuple[int, list[int]] | None:
        """The row with the narrowest text and the few with the widest, on one line, or
        None where the rows are not all of one height on one line (a line break, a text
        that needs a taller font, an icon or a font of its own); remembered until the rows
        or the font change."""
        font = self.font()
        if self._shape is not None and self._shape[0] == font:
            return self._shape[1]
        self._shape = (QFont(font), self._measure_rows())
        return self._shape[1]

    def _measure_rows(self) -> tuple[int, list[int]] | None:
        model = self.model()
        count = model.rowCount()
        if not count or self._delegate is None:
            return None
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)  # no width: each text on one line
        size_hint = self._delegate.sizeHint
        sizes = [size_hint(option, model.index(row, 0)) for row in range(count)]
        if len({size.height() for size in sizes}) > 1:
            return None
        widths = [size.width() for size in sizes]
        order = sorted(range(count), key=widths.__getitem__)
        return order[0], order[-self.WIDEST_CHECKED:]

    def rows_height(self, rows: int) -> int:
        """The height showing ``rows`` rows (a check box row is a little taller than a
        line of text)."""
        row = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 4
        return rows * max(row, self.fontMetrics().height()) + 2 * self.frameWidth() + 2 \
            + ROW_GAP

    def rows_changed(self) -> None:
        """Call after filling the list: the real row height is known now."""
        self.setMinimumHeight(self._least_height())
        self.updateGeometry()

    def _least_height(self) -> int:
        """Its minimum height: ``min_rows`` rows, less what it lends (down to two rows)."""
        least = self.rows_height(self.min_rows)
        return max(min(least, self.rows_height(2)), least - self.lent)

    def lend(self, pixels: int, note: str = "out of sight") -> None:
        """Asks for ``pixels`` less height (its minimum and its hint), for the ``note``
        shown under it (0 when it hides): the window's layout does not change as the note
        comes and goes. What two notes borrow adds up."""
        self._lent_to[note] = pixels
        lent = sum(self._lent_to.values())
        if lent == self.lent:
            return
        self.lent = lent
        self.setMinimumHeight(self._least_height())
        self.updateGeometry()

    def lent_for(self, note: str) -> int:
        """The height lent for ``note`` now (see :meth:`lend`)."""
        return self._lent_to.get(note, 0)

    def sizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        width = super().sizeHint().width()
        if self.wordWrap() and self.count():  # as wide as its longest row, when there is room
            scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            # at most so many letters wide: a longer row wraps (or ends in "…"); a
            # 200-letter name asked for a window as wide as the screen
            rows = min(self.sizeHintForColumn(0),
                       self.fontMetrics().averageCharWidth() * self.ROW_CHARACTERS_ASKED)
            width = rows + 2 * self.frameWidth() + scroll_bar + 4
        hint = self.rows_height(self.hint_rows)
        return QSize(width, max(hint - self.lent, self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        hint = super().minimumSizeHint()
        if self.lent:  # Qt's (its scroll bar's arrows, 72 px) would take back what it lent
            hint.setHeight(self.minimumHeight())
        return hint


class CheckList(QWidget):
    """A multi-select list of (id, label) rows with check boxes, optionally searchable.

    Ids not offered by the catalog (a stale reference) can still be shown and unticked;
    they are labelled as missing so the user sees what the domain complains about.
    """

    changed = Signal()
    MOST_ROWS_ASKED = 12
    # a longer label is shortened with "…" in its row (the whole of it in the row's
    # tooltip, and searched): a 3,000-character tag made the tag goal 960 px tall
    LABEL_MAX = 80

    def __init__(self, object_name: str, search_name: str | None = None,
                 placeholder: str = "Type to filter…", parent: QWidget | None = None, *,
                 what: str = "items") -> None:
        """``what`` is what the rows are, in the plural ("products", "payment types"): the
        list's accessible name ("Products") and its search's ("Search products"); a screen
        reader had no name for either (the search's hint came only as its description)."""
        super().__init__(parent)
        self.setObjectName(object_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 0, 0, 0)
        layout.setSpacing(4)
        self.search: QLineEdit | None = None
        if search_name:
            self.search = SearchField()  # Esc clears it, Enter goes to the first match
            self.search.setObjectName(search_name)
            self.search.setAccessibleName(f"Search {what}")
            limit_text(self.search, None)  # a pasted line break would match no row
            self.search.setPlaceholderText(placeholder)
            self.search.setClearButtonEnabled(True)
            self.search.textChanged.connect(self.filter)
            self.search.returnPressed.connect(self.go_to_first_match)
            layout.addWidget(self.search)
        self.list = RowsListWidget(min_rows=4, hint_rows=5)
        self.list.wrap_rows()
        self.list.setObjectName(object_name + "List")
        self.list.setAccessibleName(what[:1].upper() + what[1:])
        # a grey 1 px line with 1 px of room inside, 2 px blue while the list has the
        # keyboard (Qt's own frame shows no focus): the rows never move when the focus comes
        # or goes (a red frame for a problem is painted over it, see mark_invalid)
        self.list.setStyleSheet(
            f"RowsListWidget {{ border: 1px solid {FRAME}; padding: 1px; }} "
            f"RowsListWidget:focus {{ border: 2px solid {SELECTION}; padding: 0px; }}")
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        layout.addWidget(self.list)
        if self.search is not None:  # Down and Up lead into the rows, Up back out
            ResultsKeys(self.search, lambda: self.list).watch(self.list)
        # said inside the list when the search hides every row (an empty white box read as
        # "the list is empty")
        self.no_match_label = QLabel(self.list.viewport())
        self.no_match_label.setObjectName(object_name + "NoMatch")
        self.no_match_label.setTextFormat(Qt.TextFormat.PlainText)  # the search as typed
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.no_match_label.setStyleSheet("color: palette(placeholder-text);")
        self.no_match_label.hide()
        self.list.viewport().installEventFilter(self)
        # ticked rows the user cannot see (scrolled away in a small window, or hidden by
        # the search) are named under the list: a tick is never out of sight silently
        self.out_of_sight_label = QLabel()
        self.out_of_sight_label.setObjectName(object_name + "OutOfSight")
        # names as spelled: "Spa & Hot Tub <b>fan</b>" was drawn bold, "x<y" cut off
        self.out_of_sight_label.setTextFormat(Qt.TextFormat.PlainText)
        self.out_of_sight_label.setWordWrap(True)
        help_text_style(self.out_of_sight_label)
        # its width follows the list's: a long note widened the purchase goal's column
        # by 4 px, moving the payment types beside it as a search was typed
        self.out_of_sight_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                              QSizePolicy.Policy.Preferred)
        self.out_of_sight_label.hide()
        layout.addWidget(self.out_of_sight_label)
        # said once the layout has settled: showing the line while the window is being
        # laid out (a resize) left the layout half done
        self._out_of_sight_timer = QTimer(self)
        self._out_of_sight_timer.setSingleShot(True)
        self._out_of_sight_timer.setInterval(0)
        self._out_of_sight_timer.timeout.connect(self._say_out_of_sight)
        self.list.itemChanged.connect(lambda _item: self._out_of_sight_timer.start())
        self.list.verticalScrollBar().valueChanged.connect(
            lambda _value: self._out_of_sight_timer.start())
        self.list.verticalScrollBar().rangeChanged.connect(
            lambda _low, _high: self._out_of_sight_timer.start())
        self.empty_hint: QWidget | None = None
        self._shown = False
        self._missing: list[str] = []  # see missing_ids
        self._folded: list[str] = []  # each row's whole label, casefolded (searched)
        # the rows' order on screen, by (id, label); None keeps the order given. What
        # checked_ids gives keeps the order given (see set_items)
        self.row_order: Callable[[str, str], Any] | None = None
        self._given: dict[str, int] = {}  # id -> its place in the order given
        self._chosen: list[str] = []  # the ids given ticked, in their order
        self._rows_asked: int | None = None  # see keep_rows_asked
        self._room_before_note: int | None = None  # see out_of_sight

    def set_empty_hint(self, hint: QWidget) -> None:
        """Shown instead of the list (and its search) while the list has no rows."""
        self.empty_hint = hint
        self.layout().addWidget(hint)
        QWidget.setTabOrder(self.list, hint.focusProxy() or hint)  # where the list would be
        self._show_empty_hint()

    def _show_empty_hint(self) -> None:
        if self.empty_hint is None:
            return
        empty = self.list.count() == 0
        self.empty_hint.setVisible(empty)
        self.list.setVisible(not empty)
        if self.search is not None:
            self.search.setVisible(not empty)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802  (Qt's name)
        super().showEvent(event)
        if not self._shown:  # the first time only: later the user's scrolling stays
            self._shown = True
            self.scroll_to_first_checked()
        self._out_of_sight_timer.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802  (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._out_of_sight_timer.start()

    def scroll_to_first_checked(self) -> None:
        """Brings the first ticked row into sight (a long list hides those below)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked and not item.isHidden():
                self.list.scrollToItem(item, QListWidget.ScrollHint.PositionAtTop)
                return

    def go_to_first_match(self) -> None:
        """Enter in the search field: the first row shown becomes current and gets the
        focus (Space ticks it); the dialog is not saved."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if not item.isHidden():
                self.list.setCurrentItem(item)
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def keep_rows_asked(self, more: int = 3) -> None:
        """From now on the list asks for room for its rows and ``more`` (up to a dozen in
        all), whatever rows are added: the next few added are in sight at once, those
        beyond scroll. For a list the user adds rows to while the window is open (a tag
        goal's tags): a window as tall as its content grew a row at each one, moving what
        is below under the pointer (QA3)."""
        self._rows_asked = max(5, min(self.list.count() + more, self.MOST_ROWS_ASKED))
        self.list.hint_rows = self._rows_asked
        self.list.rows_changed()

    def set_items(self, items: Iterable[tuple[str, str]], checked: Iterable[str] = ()) -> None:
        """The rows, (id, label) each, ``checked`` ticked; shown in :attr:`row_order` when
        there is one (the Catalog's order), while :meth:`checked_ids` keeps the order
        given (the workspace's own, as saved)."""
        chosen = list(checked)
        given = list(items)
        shown = given if self.row_order is None \
            else sorted(given, key=lambda item: self.row_order(*item))
        self.list.blockSignals(True)
        self.list.clear()
        known = set()
        for item_id, label in shown:
            known.add(item_id)
            self._add(item_id, label, item_id in chosen)
        self._missing = [item_id for item_id in dict.fromkeys(chosen) if item_id not in known]
        self._given = {item_id: place for place, item_id
                       in enumerate([item_id for item_id, _label in given] + self._missing)}
        self._chosen = list(dict.fromkeys(chosen))
        for item_id in self._missing:
            self._add(item_id, f"{item_id} (not in the catalog)", True)
        self.list.blockSignals(False)
        self._folded = [self.list.item(i).data(LABEL_ROLE).casefold()
                        for i in range(self.list.count())]
        # it asks for room for every row (up to a dozen): a row half hidden below the
        # others while the window has room to spare hid a ticked type from sight
        if self._rows_asked is None:
            self.list.hint_rows = max(5, min(self.list.count(), self.MOST_ROWS_ASKED))
        self.list.rows_changed()
        self._show_empty_hint()
        if self.search is not None:
            self.filter(self.search.text())  # new rows obey the search typed
        self.changed.emit()

    def _add(self, item_id: str, label: str, checked: bool) -> None:
        item = QListWidgetItem(row_label(label, self.LABEL_MAX))
        item.setData(LABEL_ROLE, label)
        if item.text() != label:
            item.setToolTip(row_tooltip(label))
        item.setData(ID_ROLE, item_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def missing_ids(self) -> list[str]:
        """The ticked ids the last :meth:`set_items` was given that its items did not offer
        (rows labelled "not in the catalog")."""
        return list(self._missing)

    def ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def checked_ids(self) -> list[str]:
        """The ticked ids in the order :meth:`set_items` was given them (not the rows'
        order on screen, see :attr:`row_order`); while the same ones are ticked as it was
        given, in the order it was given those (as saved: QA 21, reopening a goal whose
        tags were saved in another order than the list's and pressing Esc asked to
        discard changes, and Save recorded an edit)."""
        checked = [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())
                   if self.list.item(i).checkState() == Qt.CheckState.Checked]
        if len(checked) == len(self._chosen) and set(checked) == set(self._chosen):
            return list(self._chosen)
        return sorted(checked, key=lambda item_id: self._given.get(item_id, len(self._given)))

    def set_checked(self, item_id: str, checked: bool = True) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == item_id:
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)
                return
        raise KeyError(item_id)

    def visible_ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def filter(self, text: str) -> None:
        needle = text.strip().casefold()
        shown = 0
        for row, label in enumerate(self._folded):
            hide = bool(needle) and needle not in label
            self.list.setRowHidden(row, hide)
            shown += not hide
        none_shown = bool(needle) and self.list.count() > 0 and not shown
        self.no_match_label.setText(f'No matches for "{text.strip()}".' if none_shown
                                    else "")
        self._place_no_match()
        self.no_match_label.setVisible(none_shown)
        self._out_of_sight_timer.start()

    def _place_no_match(self) -> None:
        self.no_match_label.setGeometry(self.list.viewport().rect().adjusted(6, 4, -6, -4))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._place_no_match()
            self._out_of_sight_timer.start()
        return super().eventFilter(watched, event)

    def out_of_sight(self) -> list[str]:
        """The labels of ticked rows not wholly in sight: hidden by the search, or
        scrolled out of the list's visible part. The room the note took from the list
        counts as the list's: a row it would show once the note hides is in sight (QA:
        the search cleared, the ticked last row lay in the room the note had taken, and
        the note, true of itself, stayed). Only what the list did give up counts (a list
        of a fixed height gives up nothing), so hiding the note brings the row back into
        sight and the note does not come and go."""
        area = self.list.viewport().rect()
        if self._room_before_note is not None:
            given_up = self._room_before_note - area.height()
            area.setBottom(area.bottom()
                           + max(0, min(given_up, self.list.lent_for("out of sight"))))
        found = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            if item.isHidden() or not area.contains(self.list.visualItemRect(item)):
                found.append(item.text())
        return found

    def _say_out_of_sight(self) -> None:
        if not self.list.isVisible() or not self.list.isEnabled():
            self.out_of_sight_label.hide()  # a list turned off counts for nothing
            return
        names = self.out_of_sight()
        note = self.out_of_sight_label
        if names and not note.isVisibleTo(self):  # what the list had before the note
            self._room_before_note = self.list.viewport().height()
        elif not names:
            self._room_before_note = None
        note.setText(("Also ticked, out of sight: " + ", ".join(names)) if names else "")
        # the note's room comes out of the list above it: the form around does not move
        # as a search hides a ticked row (QA: the order forms' list shrank and "Specific
        # product purchase" jumped 16 px up at the first letter typed)
        self.list.lend(note.heightForWidth(self.list.width()) + self.layout().spacing()
                       if names else 0)
        note.setVisible(bool(names))
