"""Small widgets the editor dialogs share: a searchable check list, help text, the
problem line and the Save/Cancel buttons."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Problem
from ...domain.events import DomainEvent
from ...domain.workspace import Workspace
from .search_field import SearchField

ID_ROLE = Qt.ItemDataRole.UserRole


def help_label(text: str, object_name: str = "") -> QLabel:
    """One line (wrapped when needed) of grey help text under a choice."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("role", "help")
    label.setStyleSheet("color: palette(placeholder-text); font-size: 9pt;")
    label.setContentsMargins(22, 0, 0, 4)
    if object_name:
        label.setObjectName(object_name)
    return label


class OwnEnterLineEdit(QLineEdit):
    """A line edit whose Enter is its own (``returnPressed``: "Add tag", "open the product's
    actions") and never also reaches the dialog, where it would press Save (see
    :func:`enter_saves`). The focus stays in the field, so the user can go on typing."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class OwnEnterList(QListWidget):
    """A list whose Enter activates the current item (``itemActivated``) and goes no
    further: Qt passes the key on to the dialog, which pressed the default button of
    whatever the activation had just opened (the action-set editor closed at once)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class OwnEnterTable(QTableWidget):
    """A table whose Enter activates the current row and goes no further (as
    :class:`OwnEnterList`), and whose Delete asks to delete the row (``delete_pressed``)."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                and self.currentItem() is not None:
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class _FollowFocus(QObject):
    """Scrolls its area to whichever widget inside it gets the focus, however it got it
    (Tab from outside the area, a mnemonic, a click): Qt does so only for Tab pressed
    inside the area."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.focus_changed)

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self.area):  # the focus moves while the area is deleted
            return
        body = self.area.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.area.ensureWidgetVisible(new)


def scrolling_body(object_name: str, spacing: int = 10) -> tuple[QScrollArea, QVBoxLayout]:
    """A frameless scroll area and the layout of the widget inside it: a dialog's body
    scrolls when the window is smaller than its content (help texts then keep the height
    their wrapped lines need instead of overlapping the widgets below them).

    The area takes no focus (it was an invisible Tab stop between a dialog's first field
    and its form); it scrolls to the focused widget instead."""
    area = QScrollArea()
    area.setObjectName(object_name)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    _FollowFocus(area)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    body = QWidget()
    body.setObjectName(object_name + "Body")
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    area.setWidget(body)
    return area, layout


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resizes ``window`` to ``width`` x ``height``, or less where its screen's available
    area (without the taskbar) is smaller, keeping a margin for the title bar."""
    screen = window.screen() if window.parentWidget() is None \
        else window.parentWidget().screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - 20)
        height = min(height, available.height() - 40)
    window.resize(max(width, 200), max(height, 200))


def plain_destructive(button: QAbstractButton, text: str = "") -> QAbstractButton:
    """A button that deletes or drops something, as a confirmation's Delete or Yes: no
    icon (a desktop style gives Yes and OK a green "all is well" icon), and ``text`` when
    given. Returns the button."""
    if text:
        button.setText(text)
    button.setIcon(QIcon())
    return button


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """A red frame on a field the domain complains about (and an accessible hint)."""
    widget.setProperty("invalid", invalid)
    widget.setStyleSheet(f"{type(widget).__name__} {{ border: 2px solid #b00020; }}"
                         if invalid else "")
    widget.setAccessibleDescription("has a problem" if invalid else "")


class ProblemLabel(QLabel):
    """Shows the domain's problems in plain words; empty and hidden when all is well.

    With ``reserve_lines`` its space (that many lines) stays reserved while it is hidden, so
    the form above does not move when a problem appears or goes and a click aimed at a row
    lands on that row. Only a longer text makes it grow.
    """

    PADDING = 6

    def __init__(self, item_word: str = "Step", parent: QWidget | None = None,
                 reserve_lines: int = 0, short_window: int = 0) -> None:
        super().__init__(parent)
        self.item_word = item_word
        self.reserve_lines = reserve_lines
        # in a window shorter than this, one line only stays reserved: the form above
        # (scrolled there) needs the room more than the hidden box does
        self.short_window = short_window
        self.setObjectName("problemLabel")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setStyleSheet(f"QLabel {{ color: #b00020; background: #fdecee; "
                           f"padding: {self.PADDING}px; border-radius: 4px; }}")
        if reserve_lines:
            policy = self.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.setSizePolicy(policy)
            self.setMinimumHeight(self.lines_height(reserve_lines))
        self.setVisible(False)

    def lines_height(self, lines: int) -> int:
        """The height of the box showing ``lines`` lines."""
        return self.fontMetrics().lineSpacing() * lines + 2 * self.PADDING + 2

    def fit_reserve(self, window_height: int) -> None:
        """Reserves :attr:`reserve_lines` lines, or one in a short window (see
        ``short_window``). Call when the window is resized."""
        if not self.reserve_lines:
            return
        lines = 1 if self.short_window and window_height < self.short_window \
            else self.reserve_lines
        if self.minimumHeight() != self.lines_height(lines):
            self.setMinimumHeight(self.lines_height(lines))

    def sizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        """Empty (hidden), it asks for no more than its reserve: a layout short of room
        shrank the form rather than the hidden box."""
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumHeight()) if not self.text() else hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.minimumHeight()) if not self.text() else hint

    def heightForWidth(self, width: int) -> int:  # noqa: N802  (Qt's name)
        return self.minimumHeight() if not self.text() else super().heightForWidth(width)

    def show_problems(self, problems: list[Problem]) -> None:
        messages = list(dict.fromkeys(self._line(p) for p in problems))
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))

    def _line(self, problem: Problem) -> str:
        """The message, with "Step 2:" in front when it is about one item of a list."""
        match = _INDEX.search(problem.path)
        text = _sentence(problem.message)
        return f"{self.item_word} {int(match.group(1)) + 1}: {text}" if match else text


_INDEX = re.compile(r"^(?:steps)?\[(\d+)\]")


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] if message else message


class RowsListWidget(QListWidget):
    """A list that asks for ``hint_rows`` rows (at least ``min_rows``) instead of Qt's fixed
    192 pixels, so a dialog's body is as tall as its content needs and a scroll area around
    it does not scroll; layouts stretch the list to use any room left."""

    def __init__(self, min_rows: int = 4, hint_rows: int = 6,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_rows = min_rows
        self.hint_rows = hint_rows
        self.setMinimumHeight(self.rows_height(min_rows))

    def wrap_rows(self) -> None:
        """Long rows wrap onto a second line instead of being cut off behind a horizontal
        scroll bar ("Summer Legacy Form (legac"), also when a red frame narrows the list."""
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(False)

    def rows_height(self, rows: int) -> int:
        """The height showing ``rows`` rows (a check box row is a little taller than a
        line of text)."""
        row = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 4
        return rows * max(row, self.fontMetrics().height()) + 2 * self.frameWidth() + 2

    def rows_changed(self) -> None:
        """Call after filling the list: the real row height is known now."""
        self.setMinimumHeight(self.rows_height(self.min_rows))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        width = super().sizeHint().width()
        if self.wordWrap() and self.count():  # as wide as its longest row, when there is room
            scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            width = self.sizeHintForColumn(0) + 2 * self.frameWidth() + scroll_bar + 4
        return QSize(width, self.rows_height(self.hint_rows))


class CheckList(QWidget):
    """A multi-select list of (id, label) rows with check boxes, optionally searchable.

    Ids not offered by the catalog (a stale reference) can still be shown and unticked;
    they are labelled as missing so the user sees what the domain complains about.
    """

    changed = Signal()
    MOST_ROWS_ASKED = 12

    def __init__(self, object_name: str, search_name: str | None = None,
                 placeholder: str = "Type to filter…", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 0, 0, 0)
        layout.setSpacing(4)
        self.search: QLineEdit | None = None
        if search_name:
            self.search = SearchField()  # Esc clears it, Enter goes to the first match
            self.search.setObjectName(search_name)
            self.search.setPlaceholderText(placeholder)
            self.search.setClearButtonEnabled(True)
            self.search.textChanged.connect(self.filter)
            self.search.returnPressed.connect(self.go_to_first_match)
            layout.addWidget(self.search)
        self.list = RowsListWidget(min_rows=4, hint_rows=5)
        self.list.wrap_rows()
        self.list.setObjectName(object_name + "List")
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        layout.addWidget(self.list)
        # said inside the list when the search hides every row (an empty white box read as
        # "the list is empty")
        self.no_match_label = QLabel(self.list.viewport())
        self.no_match_label.setObjectName(object_name + "NoMatch")
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.no_match_label.setStyleSheet("color: palette(placeholder-text);")
        self.no_match_label.hide()
        self.list.viewport().installEventFilter(self)
        # ticked rows the user cannot see (scrolled away in a small window, or hidden by
        # the search) are named under the list: a tick is never out of sight silently
        self.out_of_sight_label = QLabel()
        self.out_of_sight_label.setObjectName(object_name + "OutOfSight")
        self.out_of_sight_label.setWordWrap(True)
        self.out_of_sight_label.setStyleSheet("color: palette(placeholder-text); "
                                              "font-size: 9pt;")
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

    def set_empty_hint(self, hint: QWidget) -> None:
        """Shown instead of the list (and its search) while the list has no rows."""
        self.empty_hint = hint
        self.layout().addWidget(hint)
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

    def set_items(self, items: Iterable[tuple[str, str]], checked: Iterable[str] = ()) -> None:
        chosen = list(checked)
        self.list.blockSignals(True)
        self.list.clear()
        known = set()
        for item_id, label in items:
            known.add(item_id)
            self._add(item_id, label, item_id in chosen)
        for item_id in chosen:
            if item_id not in known:
                self._add(item_id, f"{item_id} (not in the catalog)", True)
        self.list.blockSignals(False)
        # it asks for room for every row (up to a dozen): a row half hidden below the
        # others while the window has room to spare hid a ticked type from sight
        self.list.hint_rows = max(5, min(self.list.count(), self.MOST_ROWS_ASKED))
        self.list.rows_changed()
        self._show_empty_hint()
        if self.search is not None:
            self.filter(self.search.text())  # new rows obey the search typed
        self.changed.emit()

    def _add(self, item_id: str, label: str, checked: bool) -> None:
        item = QListWidgetItem(label)
        item.setData(ID_ROLE, item_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def checked_ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

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
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
        none_shown = bool(needle) and self.list.count() > 0 and not self.visible_ids()
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
        scrolled out of the list's visible part."""
        area = self.list.viewport().rect()
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
        self.out_of_sight_label.setText(
            ("Also ticked, out of sight: " + ", ".join(names)) if names else "")
        self.out_of_sight_label.setVisible(bool(names))


class _WindowUndo(QObject):
    """Undo and Redo limited to the changes made while one manager window is open: the
    stack is the workspace's, and its earlier entries (canvas edits) are not this window's
    to take back. The window is modal, so nothing else changes the stack meanwhile."""

    def __init__(self, undo_stack: QUndoStack, owner: QWidget) -> None:
        super().__init__(owner)
        self.stack = undo_stack
        self.start = undo_stack.index()  # the window's changes lie above this
        self.top = self.start  # the highest of them so far
        self.undo = QAction("&Undo", owner)
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.triggered.connect(self._undo)
        self.redo = QAction("&Redo", owner)
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo.triggered.connect(self._redo)
        undo_stack.indexChanged.connect(self._changed)  # a bound slot: dropped with owner
        self._changed(undo_stack.index())

    def _changed(self, index: int) -> None:
        if not shiboken6.isValid(self.stack):  # the stack signalling as it is deleted
            return
        if index > self.top or (index > self.start and self.stack.count() == index):
            self.top = index  # a new change of this window (it also ends older redos)
        can_undo = index > self.start
        can_redo = self.start <= index < min(self.top, self.stack.count())
        self.undo.setEnabled(can_undo)
        self.undo.setText(f"&Undo {self.stack.undoText()}" if can_undo else "&Undo")
        self.redo.setEnabled(can_redo)
        self.redo.setText(f"&Redo {self.stack.redoText()}" if can_redo else "&Redo")

    def _undo(self) -> None:
        if self.stack.index() > self.start:
            self.stack.undo()

    def _redo(self) -> None:
        if self.stack.index() < min(self.top, self.stack.count()):
            self.stack.redo()


def add_undo_buttons(box: QDialogButtonBox, undo_stack: QUndoStack, owner: QWidget) -> None:
    """Undo and Redo inside a window-modal manager (Ctrl+Z, Ctrl+Shift+Z), so its changes
    can be taken back without closing it; only its own changes (see _WindowUndo)."""
    actions = _WindowUndo(undo_stack, owner)
    for name, action in (("undoButton", actions.undo), ("redoButton", actions.redo)):
        owner.addAction(action)
        button = QToolButton()
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        box.addButton(button, QDialogButtonBox.ButtonRole.ResetRole)


class AchievedByBox(QGroupBox):
    """"Who can achieve this goal": contacts in this campaign, or any contact (R4), each
    with its line of help. Shared by the purchase goal and tag goal dialogs."""

    def __init__(self, campaign_help: str, any_contact_help: str,
                 parent: QWidget | None = None) -> None:
        super().__init__("Who can achieve this goal", parent)
        self.setObjectName("achievedBy")
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        self.campaign_radio = QRadioButton("Contacts in this ca&mpaign")
        self.campaign_radio.setObjectName("campaignContactsRadio")
        self.any_contact_radio = QRadioButton("An&y contact")
        self.any_contact_radio.setObjectName("anyContactRadio")
        self._group = QButtonGroup(self)
        self._group.addButton(self.campaign_radio)
        self._group.addButton(self.any_contact_radio)
        layout.addWidget(self.campaign_radio)
        layout.addWidget(help_label(campaign_help))
        layout.addWidget(self.any_contact_radio)
        layout.addWidget(help_label(any_contact_help))

    def value(self) -> str:
        return "any_contact" if self.any_contact_radio.isChecked() else "campaign"

    def set_value(self, achieved_by: str) -> None:
        (self.any_contact_radio if achieved_by == "any_contact"
         else self.campaign_radio).setChecked(True)


def applies_at_once_note() -> QLabel:
    """Says that a manager window has no Save of its own: each change applies at once and
    File > Save writes the workspace (an article's "click Save when finished" had the user
    look for a button that is not there)."""
    save_keys = QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText)
    keys = f" ({save_keys})" if save_keys else ""
    note = help_label("Changes apply at once (Undo takes one back); File > "
                      f"Save{keys} keeps them in the workspace.", "appliesAtOnceNote")
    note.setContentsMargins(0, 0, 0, 0)
    note.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
    return note


def finish_manager_window(dialog: QDialog, layout: QVBoxLayout, workspace: Workspace,
                          undo_stack: QUndoStack,
                          on_event: Callable[[DomainEvent], None]) -> QPushButton:
    """The bottom row of a window that applies each change at once (Undo, Redo, Close)
    with a line saying so, and the window following the domain's events until it closes.
    Returns Close."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
    close_button.setObjectName("closeButton")
    buttons.rejected.connect(dialog.reject)
    add_undo_buttons(buttons, undo_stack, dialog)
    # the note beside the buttons, where a Save would be: no height taken from the content
    row = QHBoxLayout()
    row.setSpacing(12)
    row.addWidget(applies_at_once_note(), 1)
    row.addWidget(buttons)
    layout.addLayout(row)
    unsubscribe = workspace.events.subscribe(on_event)
    dialog.finished.connect(lambda _result: unsubscribe())
    dialog.destroyed.connect(lambda *_args: unsubscribe())
    return close_button


class _EnterPressesDefault(QObject):
    """When its dialog shows: no push button but the default (Save) takes Enter. Qt gives
    Enter to whichever button last had focus ("Add copies", "Add step"), which changed the
    content instead of saving it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            for button in watched.findChildren(QPushButton):
                if not button.isDefault():
                    button.setAutoDefault(False)
        return False


def enter_saves(dialog: QWidget) -> None:
    """Enter in the dialog presses its default button (Save) and nothing else.

    A field with an Enter of its own ("New tag" and its "Add tag") is an
    :class:`OwnEnterLineEdit`: its Enter does that and never saves."""
    guard = _EnterPressesDefault(dialog)
    dialog.installEventFilter(guard)


def save_cancel_buttons(save_text: str = "Save") -> tuple[QDialogButtonBox, QPushButton,
                                                          QPushButton]:
    box = QDialogButtonBox()
    save = box.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
    save.setObjectName("saveButton")
    save.setDefault(True)
    cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setObjectName("cancelButton")
    return box, save, cancel
