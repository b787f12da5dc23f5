"""The campaign list: every campaign of the workspace; new, rename, duplicate, delete.

It mirrors the workspace through its events (CAMPAIGN_ADDED / REMOVED / CHANGED) and sends
every edit to the controller; renaming in the list is an undoable command too.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QDropEvent, QHelpEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..domain import events as ev
from ..domain.events import DomainEvent
from ..domain.names import NAME_MAX_LENGTH, short_name, tidy_name
from ..editing.controller import Controller
from . import theme
from .dialogs.widgets import plain_destructive
from .text_limit import limit_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
MOVE_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
# The events the list follows: campaigns come, go or are renamed (not their nodes and links,
# thousands of events for a large delete).
LIST_EVENTS = frozenset({ev.CAMPAIGN_ADDED, ev.CAMPAIGN_REMOVED, ev.CAMPAIGN_CHANGED,
                         ev.CAMPAIGN_MOVED, ev.WORKSPACE_RESET})


class NameDelegate(QStyledItemDelegate):
    """A campaign's name typed in the list: at most NAME_MAX_LENGTH characters, as a node's
    (a longer one read from a file is kept), on one line; the editor open is kept."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor: QLineEdit | None = None
        self.key_filter: QObject | None = None  # sees the keys typed in the editor first

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            limit_text(editor, NAME_MAX_LENGTH, "a campaign's name", keep=str(index.data()))
            self.editor = editor
            if self.key_filter is not None:
                editor.installEventFilter(self.key_filter)
        return editor

    def open_editor(self) -> QLineEdit | None:
        editor = self.editor
        return editor if editor is not None and shiboken6.isValid(editor) \
            and editor.isVisible() else None

    def finish(self) -> None:
        """The name being typed is kept, as Enter keeps it."""
        editor = self.open_editor()
        if editor is not None:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class CampaignListWidget(QListWidget):
    """The list itself: a campaign dragged to another row is not moved by the list but
    asked of ``moved`` (campaign id, its new index), an undoable edit whose event puts it
    there."""

    moved = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def drop_row(self, pos: QPoint) -> int:
        """The row a campaign dropped at ``pos`` goes before (the count: at the end)."""
        item = self.itemAt(pos)
        if item is None:
            return self.count() if pos.y() > 0 else 0
        rect = self.visualItemRect(item)
        return self.row(item) + (1 if pos.y() > rect.center().y() else 0)

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.currentItem()
        if event.source() is not self or item is None:
            event.ignore()
            return
        row = self.drop_row(event.position().toPoint())
        origin = self.row(item)
        index = row - 1 if row > origin else row
        # Nothing moved by the list (it would remove the dragged row itself after a
        # move): the edit's event rebuilds it, once the drag has ended.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if index != origin:
            campaign_id = str(item.data(ID_ROLE))
            QTimer.singleShot(0, lambda: self.moved.emit(campaign_id, index))


class CampaignList(QWidget):
    current_changed = Signal(object)  # campaign id or None
    entered = Signal()  # Enter on a campaign: the canvas takes the keyboard
    # Ctrl+PgDown (True) or Ctrl+PgUp in the list: the window's Next / Previous Campaign
    step_asked = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: Controller | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._updating = False
        self._shown: list[str] = []  # campaigns shown, most recent last
        self._deleting = False  # a delete from the list: its neighbour is shown next
        self.window_actions: list[QAction] = []  # the window's menu entries for the current
        self.window_move_actions: dict[str, QAction] = {}  # its Move Campaign Up / Down
        # Asked before deleting a campaign that has nodes or that actions name: given the
        # question, True to delete. Tests replace it.
        self.ask_delete: Callable[[str], bool] = self._ask_delete
        self.list = CampaignListWidget(self)
        self.list.moved.connect(self.move_campaign)
        self.list.setObjectName("campaignList")
        self.list.setAccessibleName("Campaigns")
        # As the canvas: a blue frame while the list has the keyboard (F2, Delete… act here).
        self.list.setStyleSheet(theme.focus_frame("QListWidget", "campaignList"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.delegate = NameDelegate(self.list)
        self.delegate.key_filter = self  # Ctrl+Shift+Up/Down typed in a name (eventFilter)
        self.list.setItemDelegate(self.delegate)
        # a long name ends in "…" (its tooltip shows it whole), not in a sideways scroll
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._switching = False  # a name typed is being kept as another campaign is shown
        self._refused: tuple[str, str] | None = None  # (campaign, typed) refused meanwhile
        self.list.currentItemChanged.connect(self._current_item_changed)
        self.list.itemChanged.connect(self._item_edited)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QToolButton] = {}
        # Alt+N, Alt+M, Alt+U, Alt+D: none the menu bar's (F E I V W S H) nor the
        # simulation panel's (Run, Step, Open, Pause, Continue)
        for key, text, tip in (("new", "&New", "New campaign (Alt+N)"),
                               ("rename", "Rena&me", "Rename the campaign (F2, Alt+M)"),
                               ("duplicate", "D&uplicate", "Duplicate the campaign (Alt+U)"),
                               ("delete", "&Delete", "Delete the campaign (Alt+D)")):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setObjectName(f"campaign{text.replace('&', '')}Button")
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        self.buttons["new"].clicked.connect(self.new_campaign)
        self.buttons["rename"].clicked.connect(self.rename_current)
        self.buttons["duplicate"].clicked.connect(self.duplicate_current)
        self.buttons["delete"].clicked.connect(self.delete_current)
        self.menu_actions = self._list_actions()
        self.list.viewport().installEventFilter(self)
        self.list.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def _list_actions(self) -> dict[str, QAction]:
        """The list's menu (right-click, the Menu key, Shift+F10), its keys working while
        the list has the focus: F2 renames, Ctrl+D duplicates, Delete deletes."""
        actions: dict[str, QAction] = {}
        for key, text, keys, slot in (
                ("new", "&New Campaign\tCtrl+N", [], self.new_campaign),  # the window's key
                ("rename", "&Rename", [QKeySequence("F2")], self.rename_current),
                ("duplicate", "D&uplicate", [QKeySequence("Ctrl+D")], self.duplicate_current),
                ("delete", "&Delete…", [QKeySequence(QKeySequence.StandardKey.Delete),
                                        QKeySequence(Qt.Key.Key_Backspace)],
                 self.delete_current),
                ("up", "Move U&p", [QKeySequence("Ctrl+Shift+Up")],
                 lambda: self.move_current(-1)),
                ("down", "Move Do&wn", [QKeySequence("Ctrl+Shift+Down")],
                 lambda: self.move_current(1))):
            action = QAction(text, self.list)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            if key != "rename":  # F2 is the list's own edit key already
                self.list.addAction(action)
            actions[key] = action
        return actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched is self.list \
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier \
                and event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):  # type: ignore[attr-defined]
            # the window's Next / Previous Campaign, round the list, a name being typed
            # kept first (QA 22g: the list's own Ctrl+PgDown went to its last row, and
            # during a rename left no campaign shown)
            self.step_asked.emit(event.key() == Qt.Key.Key_PageDown)  # type: ignore[attr-defined]
            return True
        if event.type() == QEvent.Type.KeyPress and watched is self.delegate.editor \
                and event.modifiers() == MOVE_MODIFIERS \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):  # type: ignore[attr-defined]
            # typed in the name field (the list's own shortcut is for the list alone): the
            # name kept, then the move, as the Workspace menu's entry does (QA 23h)
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)  # type: ignore[attr-defined]
            return True
        if event.type() == QEvent.Type.KeyPress and watched is self.list \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.list.currentItem() is not None \
                and self.delegate.open_editor() is None:  # type: ignore[attr-defined]
            self.entered.emit()  # as a file manager opens a folder: on to the canvas
            return True
        if event.type() == QEvent.Type.ToolTip and watched is self.list.viewport():
            self._name_tooltip(event)  # type: ignore[arg-type]
            return True
        if event.type() == QEvent.Type.KeyPress and watched is self.list \
                and event.key() == Qt.Key.Key_F10 \
                and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:  # type: ignore[attr-defined]
            # The Menu key's twin: Qt sends no context menu event for it on X11 (as the
            # canvas, which handles the key itself).
            self.show_menu(True)
            return True
        if event.type() == QEvent.Type.ContextMenu and watched in (self.list,
                                                                   self.list.viewport()):
            self.show_menu(event.reason() == QContextMenuEvent.Reason.Keyboard,  # type: ignore[attr-defined]
                           self.list.viewport().mapFromGlobal(event.globalPos()))  # type: ignore[attr-defined]
            return True
        return super().eventFilter(watched, event)

    def _name_tooltip(self, event: QHelpEvent) -> None:
        """A name cut short ("…") shows whole in a tooltip; a name shown whole needs none."""
        item = self.list.itemAt(event.pos())
        if item is not None:
            room = self.list.visualItemRect(item).width() - 8  # the item's margins
            if self.list.fontMetrics().horizontalAdvance(item.text()) > room:
                QToolTip.showText(event.globalPos(), item.text(), self.list.viewport())
                return
        QToolTip.hideText()

    def show_menu(self, from_keyboard: bool, pos: QPoint | None = None) -> None:
        """The list's menu: at the pointer on the campaign under it (New Campaign alone
        on empty space), or, from the keyboard, under the current campaign."""
        item = self.list.currentItem() if from_keyboard or pos is None \
            else self.list.itemAt(pos)
        if item is not None:
            self.list.setCurrentItem(item)
            if from_keyboard or pos is None:
                pos = self.list.visualItemRect(item).bottomLeft()
        pos = pos if pos is not None else QPoint(0, 0)
        menu = QMenu(self)
        menu.setObjectName("campaignListMenu")
        menu.addAction(self.menu_actions["new"])
        if item is not None:
            menu.addSeparator()
            for key in ("rename", "duplicate", "delete"):
                menu.addAction(self.menu_actions[key])
            menu.addSeparator()
            for key in ("up", "down"):
                menu.addAction(self.menu_actions[key])
        menu.popup(self.list.viewport().mapToGlobal(pos))
        self.menu = menu  # kept for tests

    # -- binding ---------------------------------------------------------------------------
    def bind(self, controller: Controller, select: str | None = None) -> None:
        """Lists the controller's campaigns and shows ``select`` (when there is one of that
        id), else the one shown before if the workspace has it, else the first."""
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.controller = controller
        self._unsubscribe = controller.workspace.events.subscribe(self._on_event)
        self._rebuild(select)

    def _rebuild(self, select: str | None = None) -> None:
        assert self.controller is not None
        wanted = [select, self.current_id()]
        self._updating = True
        self.list.clear()
        for campaign in self.controller.workspace.campaigns:
            item = QListWidgetItem(campaign.name)
            item.setData(ID_ROLE, campaign.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self._updating = False
        ids = self.ids()
        current = next((i for i in wanted if i is not None and i in ids), None)
        if current is not None:
            self.select(current)
        elif ids:
            self.select(ids[0])
        else:
            self.current_changed.emit(None)
        self._update_buttons()

    def _on_event(self, event: DomainEvent) -> None:
        if event.name not in LIST_EVENTS:  # the nodes and links of a campaign: not listed
            return
        if event.name == ev.CAMPAIGN_ADDED:
            self._rebuild(select=event.campaign_id)
        elif event.name == ev.CAMPAIGN_REMOVED:
            row = self.ids().index(event.campaign_id) if event.campaign_id in self.ids() else 0
            was_current = self.current_id() == event.campaign_id
            # Undoing New Campaign returns to the campaign shown before; a campaign deleted
            # from the list gives way to its neighbour, as in any list.
            workspace = self.controller.workspace if self.controller is not None else None
            earlier = None if self._deleting else next(
                (c for c in reversed(self._shown) if c != event.campaign_id
                 and workspace is not None and workspace.has_campaign(c)), None)
            self._rebuild(select=earlier if was_current else None)
            ids = self.ids()
            if was_current and ids and earlier is None:
                self.select(ids[min(row, len(ids) - 1)])
        elif event.name in (ev.CAMPAIGN_CHANGED, ev.CAMPAIGN_MOVED, ev.WORKSPACE_RESET):
            self._rebuild()

    # -- reading ---------------------------------------------------------------------------
    def ids(self) -> list[str]:
        return [str(self.list.item(i).data(ID_ROLE)) for i in range(self.list.count())]

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def select(self, campaign_id: str) -> None:
        """Shows that campaign; a name being typed in the list is kept first (QA 22:
        Ctrl+PgDown while renaming kept the name but left no campaign shown: the rename
        rebuilt the list while Qt was changing its current row)."""
        if self.delegate.open_editor() is not None:
            self._switching = True
            self._refused = None
            try:
                self.delegate.finish()
            finally:
                self._switching = False
            if self._refused is not None:  # refused (another campaign has it): stay on
                # it, typing again, as Enter does (QA 22k: the next one was shown and
                # what was typed was lost)
                refused, typed = self._refused
                self.select(refused)
                self._type_again(refused, typed, focused=False)
                return
        for i in range(self.list.count()):
            if self.list.item(i).data(ID_ROLE) == campaign_id:
                self.list.setCurrentRow(i)
                return

    def _current_item_changed(self, current: QListWidgetItem | None, *_: object) -> None:
        if self._updating:
            return
        if current is not None:  # the campaigns shown, most recent last, each once
            shown = str(current.data(ID_ROLE))
            self._shown = [c for c in self._shown if c != shown][-19:] + [shown]
        self._update_buttons()
        self.current_changed.emit(str(current.data(ID_ROLE)) if current else None)

    def _update_buttons(self) -> None:
        has = self.list.currentItem() is not None
        for key in ("rename", "duplicate", "delete"):
            self.buttons[key].setEnabled(has)
            self.menu_actions[key].setEnabled(has)
        for action in self.window_actions:
            action.setEnabled(has)
        row, last = self.list.currentRow(), self.list.count() - 1
        for key, can in (("up", has and row > 0), ("down", has and 0 <= row < last)):
            self.menu_actions[key].setEnabled(can)
            if key in self.window_move_actions:
                self.window_move_actions[key].setEnabled(can)

    # -- edits -----------------------------------------------------------------------------
    def _item_edited(self, item: QListWidgetItem) -> None:
        if self._updating or self.controller is None:
            return
        campaign_id = str(item.data(ID_ROLE))
        typed = item.text()
        before = self.controller.campaign(campaign_id).name
        if not self.controller.rename_campaign(campaign_id, typed):
            self._rebuild()
            if tidy_name(typed) and tidy_name(typed) != before:
                # refused (another campaign has it): typed again, not lost (QA 22)
                if self._switching:
                    self._refused = (campaign_id, typed)  # select() types it again
                else:
                    QTimer.singleShot(0, lambda: self._type_again(campaign_id, typed))

    def _type_again(self, campaign_id: str, typed: str, focused: bool = True) -> None:
        """The name editor open again on the campaign with what was typed, selected; only
        while the list still has the keyboard (Enter was pressed: a click elsewhere took
        it, and the name given up stays as it was), unless not ``focused``."""
        if (focused and not self.list.hasFocus()) or self.current_id() != campaign_id:
            return
        self.rename_current()
        editor = self.delegate.open_editor()
        if editor is not None:
            editor.setText(typed)
            editor.selectAll()

    def new_campaign(self) -> None:
        """Adds a campaign, shows it, and opens its name for typing (as a new folder's in
        a file manager: Enter keeps the name typed, Esc the numbered one)."""
        if self.controller is not None:
            campaign_id = self.controller.new_campaign()
            self.select(campaign_id)
            if self.list.isVisible():
                self.rename_current()

    def rename_current(self) -> None:
        """The current campaign's name open for typing; the Campaigns panel is shown first
        when it was closed (Workspace > Rename Campaign did nothing, and the editor popped
        up when the panel was opened again)."""
        item = self.list.currentItem()
        if item is None:
            return
        dock = self.parent()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parent()
        if isinstance(dock, QDockWidget) and not dock.isVisible():
            dock.show()
            dock.raise_()
        if not self.list.isVisible():
            return  # not on screen (a test's window unshown): nothing to type in
        self.list.setFocus()
        self.list.scrollToItem(item)
        self.list.editItem(item)

    def move_current(self, step: int) -> None:
        """The current campaign one row up (-1) or down (1) the list."""
        campaign_id = self.current_id()
        if campaign_id is not None:
            self.move_campaign(campaign_id, self.ids().index(campaign_id) + step)

    def move_campaign(self, campaign_id: str, index: int) -> None:
        """Puts the campaign at ``index`` of the list (a drag in it, Move Up / Down), as an
        undoable edit; a name being typed is kept first."""
        if self.controller is None or not 0 <= index < self.list.count():
            return
        self.delegate.finish()
        if self.controller.workspace.has_campaign(campaign_id):
            self.controller.move_campaign(campaign_id, index)

    def duplicate_current(self) -> None:
        campaign_id = self.current_id()
        if self.controller is not None and campaign_id is not None:
            self.select(self.controller.duplicate_campaign(campaign_id))

    def delete_current(self) -> bool:
        """Deletes the current campaign, after asking when it takes nodes or actions with it.
        True when it was deleted."""
        campaign_id = self.current_id()
        if self.controller is None or campaign_id is None:
            return False
        question = self.delete_question(campaign_id)
        if question and not self.ask_delete(question):
            return False
        self._deleting = True
        try:
            self.controller.delete_campaign(campaign_id)
        finally:
            self._deleting = False
        return True

    def delete_question(self, campaign_id: str) -> str:
        """The question to ask before deleting a campaign; empty when it takes nothing with
        it (no nodes, no actions naming it)."""
        assert self.controller is not None
        name = self.controller.campaign(campaign_id).name
        count, uses = self.controller.campaign_deletion_effects(campaign_id)
        if not count and not uses:
            return ""
        nodes = f" and its {count} node{'s' if count != 1 else ''}" if count else ""
        text = f'Delete campaign "{short_name(name)}"{nodes}?'
        sentences = [where[0].upper() + where[1:] for where in uses]
        if len(sentences) == 1:
            text += f" {sentences[0]}; that action will be removed too."
        elif sentences:
            text += " " + " ".join(f"{s}." for s in sentences)
            text += f" These {len(sentences)} actions will be removed too."
        return text

    def delete_box(self, question: str) -> QMessageBox:
        """The question as a message box: Yes or Cancel, Cancel by default."""
        button = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, "Delete campaign", question,
                          button.Yes | button.Cancel, self)
        box.setObjectName("deleteCampaignBox")
        box.setDefaultButton(button.Cancel)
        plain_destructive(box.button(button.Yes), "&Delete")  # no green "all is well" icon
        return box

    def _ask_delete(self, question: str) -> bool:
        box = self.delete_box(question)
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()
