"""A manager window's frame (the Catalog, E-Commerce Actions): changes apply at once, so
its bottom row has Undo and Redo of its own changes (buttons that say just that, what
they take back in their tooltips), a note saying so, and Close; and it keeps a minimum
size that fits a small screen."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.events import DomainEvent
from ...domain.workspace import Workspace
from ..tooltip_text import wrapped_tooltip
from .widgets import action_text, help_label
from .window_size import on_screen

# The longest text after its verb on the Undo and Redo buttons of a manager window's
# bottom row (see widgets.ACTION_TEXT_LENGTH for menus).
WINDOW_BUTTON_TEXT = 60


# The smallest a manager window (Catalog, E-Commerce Actions) gets: its lists show a few
# rows and its buttons do not overlap (QA: the Catalog at 333 x 247 showed no row at all),
# and it fits a small 1024 x 700 screen.
MANAGER_MINIMUM_SIZE = (620, 420)


class _KeepMinimum(QObject):
    """Keeps its window's minimum at a wanted size or what its layout needs, the larger
    (a minimum set by hand would otherwise let the window shrink below its layout's)."""

    def __init__(self, window: QWidget, width: int, height: int) -> None:
        super().__init__(window)
        self.window = window
        self.wanted = QSize(width, height)
        window.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        layout = self.window.layout()
        needed = layout.totalMinimumSize() if layout is not None else QSize()
        minimum = self.wanted.expandedTo(needed)
        if self.window.minimumSize() != minimum:
            self.window.setMinimumSize(minimum)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() in (QEvent.Type.LayoutRequest,
                                                       QEvent.Type.Show):
            self.apply()
        return False


def set_minimum_on_screen(window: QWidget, width: int, height: int) -> None:
    """A minimum size of ``width`` x ``height``, or less where the screen is smaller (as
    :func:`fit_to_screen`); never less than the window's layout needs."""
    _KeepMinimum(window, *on_screen(window, width, height))


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
        # a button in the window's bottom row says only "Undo" / "Redo" (a name cut to
        # 'Undo Add product "L…"' told nothing, QA10): what it takes back is in its
        # tooltip and accessible description, whole; the action's text names it too
        for action, verb, can, words in ((self.undo, "&Undo", can_undo, self.stack.undoText()),
                                         (self.redo, "&Redo", can_redo, self.stack.redoText())):
            action.setEnabled(can)
            action.setText(action_text(verb, words, WINDOW_BUTTON_TEXT) if can else verb)
            plain = verb.replace("&", "")
            action.setIconText(plain)  # what the button shows
            whole = f"{plain} {words}" if can and words else ""
            action.setData(whole)
            # the whole text, escaped: a name's "<i>" shows as typed
            action.setToolTip(wrapped_tooltip(whole) if whole else "")

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
        button = UndoRedoButton()
        button.setObjectName(name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setDefaultAction(action)
        box.addButton(button, QDialogButtonBox.ButtonRole.ResetRole)


def tab_in_row_order(box: QDialogButtonBox) -> None:
    """Tab goes through the box's Undo and Redo, then its other buttons, in the order they
    stand, left to right (QA 21: Tab reached Close first, added to the box before them).
    Once the box is in its window (Qt orders only widgets of one window)."""
    undo = [b for b in box.buttons() if isinstance(b, UndoRedoButton)]
    chain = [*undo, *(b for b in box.buttons() if b not in undo)]
    for before, after in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(before, after)


class UndoRedoButton(QToolButton):
    """Shows its action's short text ("Undo"), so the row around it never moves when what
    it undoes changes; its accessible description is the whole text ('Undo Add product
    "Leaf Net"', kept as the action's data), as its tooltip is."""

    def actionEvent(self, event: QEvent) -> None:  # noqa: N802  (Qt's name)
        super().actionEvent(event)  # type: ignore[arg-type]
        action = self.defaultAction()
        if action is not None:
            whole = action.data()
            self.setAccessibleDescription(whole if isinstance(whole, str) else "")


NBSP = "\u00a0"  # a space a line never breaks at


def applies_at_once_note() -> QLabel:
    """Says that a manager window has no Save of its own: each change applies at once and
    File > Save writes the workspace (an article's "click Save when finished" had the user
    look for a button that is not there). "File > Save (Ctrl+S)" is kept on one line (QA:
    it broke between "File" and "> Save"); a narrow window wraps the note between its two
    sentences first."""
    save_keys = QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText)
    keys = f" ({save_keys})" if save_keys else ""
    menu_path = f"File > Save{keys}".replace(" ", NBSP)
    note = help_label(f"Changes apply at once; {menu_path} keeps them in the workspace.",
                      "appliesAtOnceNote")
    note.setContentsMargins(0, 0, 0, 0)
    note.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
    return note


def workspace_save_action(widget: QWidget) -> QAction | None:
    """The main window's File > Save, found from a window over it (its parent chain): the
    manager windows are opened with the main window (or an editor over it) as parent."""
    ancestor = widget.parentWidget()
    while ancestor is not None:
        actions = getattr(ancestor, "actions_by_name", None)
        if isinstance(actions, dict) and isinstance(actions.get("save"), QAction):
            return actions["save"]
        ancestor = ancestor.parentWidget()
    return None


def add_save_shortcut(window: QWidget) -> QAction | None:
    """Ctrl+S in ``window`` saves the workspace as File > Save does (its note says so): the
    main window's action is added to the window, whose shortcut works while the window is
    active (a modal window keeps the main window's own keys from firing)."""
    save = workspace_save_action(window)
    if save is not None:
        window.addAction(save)
    return save


class _SelectCurrentOnFocus(QObject):
    """A list or table given the keyboard focus with no row selected selects its current
    row (the first if none): Enter then edits it, and Edit…/Delete… follow it (QA: the
    first Tab into the Catalog's products showed a faint box, Enter did nothing)."""

    REASONS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
               Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.OtherFocusReason,
               Qt.FocusReason.ActiveWindowFocusReason)

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.FocusIn \
                and event.reason() in self.REASONS:  # type: ignore[attr-defined]
            select_current_row(self.view)
        return False


def select_current_row(view: QAbstractItemView) -> None:
    """Selects ``view``'s current row (the first if none) when no row is selected."""
    model, selection = view.model(), view.selectionModel()
    if model is None or selection is None or model.rowCount() == 0 \
            or selection.hasSelection():
        return
    current = view.currentIndex()
    index = current if current.isValid() else model.index(0, 0)
    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                              | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)


def select_current_on_focus(view: QAbstractItemView) -> None:
    """See :class:`_SelectCurrentOnFocus`."""
    _SelectCurrentOnFocus(view)


def finish_manager_window(dialog: QDialog, layout: QVBoxLayout, workspace: Workspace,
                          undo_stack: QUndoStack,
                          on_event: Callable[[DomainEvent], None],
                          minimum: tuple[int, int] = MANAGER_MINIMUM_SIZE) -> QPushButton:
    """The bottom row of a window that applies each change at once (Undo, Redo, Close)
    with a line saying so, and the window following the domain's events until it closes.
    The window gets a ``minimum`` size (see :func:`set_minimum_on_screen`). Returns Close."""
    set_minimum_on_screen(dialog, *minimum)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
    close_button.setObjectName("closeButton")
    buttons.rejected.connect(dialog.reject)
    add_undo_buttons(buttons, undo_stack, dialog)
    add_save_shortcut(dialog)  # Ctrl+S, as the note says
    # the note beside the buttons, where a Save would be: no height taken from the content
    row = QHBoxLayout()
    row.setSpacing(12)
    row.addWidget(applies_at_once_note(), 1)
    row.addWidget(buttons)
    layout.addLayout(row)
    tab_in_row_order(buttons)
    unsubscribe = workspace.events.subscribe(on_event)
    dialog.finished.connect(lambda _result: unsubscribe())
    dialog.destroyed.connect(lambda *_args: unsubscribe())
    return close_button
