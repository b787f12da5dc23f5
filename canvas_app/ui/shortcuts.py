"""Help > Keyboard and Mouse: every shortcut of the window's menus, and the mouse gestures
of the canvas, in one table."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

GESTURES = (
    ("Canvas", "Drag from the palette", "Place a goal or sequence where you drop it"),
    ("Canvas", "Drag from a node's handle to another node", "Link them"),
    ("Canvas", "Double-click a node's name", "Rename it in place (Enter keeps, Esc cancels)"),
    ("Canvas", "Double-click a node", "View and edit its settings"),
    ("Canvas", "Wheel", "Zoom in and out"),
    ("Canvas", "Middle-drag, or Space and drag", "Pan"),
    ("Canvas", "Drag on empty canvas; Ctrl+click", "Select several nodes"),
    ("Canvas", "Tab, Shift+Tab", "Select the next or previous node (past the last one, the "
     "focus moves on)"),
    ("Canvas", "Ctrl+Tab, Ctrl+Shift+Tab", "Add the next or previous node to the selection"),
    ("Canvas", "Menu key, Shift+F10", "The selected node's menu (the canvas's with none)"),
    ("Canvas", "Arrows, Shift+arrows", "Move the selected nodes a grid step (five); "
     "with none, scroll"),
    ("Campaigns list", "F2, Ctrl+D, Delete", "Rename, duplicate or delete the campaign"),
    ("Campaigns list", "Menu key, Shift+F10, right-click", "The campaign's menu"),
    ("Warnings", "Click; Enter, double-click", "Show its node; go to it (in its campaign)"),
    ("Find bar", "Enter, Shift+Enter (or Down, Up)", "The next or previous node found"),
    ("Find bar", "Alt+Enter", "Select every node found in the campaign shown"),
    ("Find bar", "Esc", "Close the bar; the canvas has the keyboard"),
)


def shortcut_rows(menus: list[QMenu]) -> list[tuple[str, str, str]]:
    """(menu, what, keys) for every action with a shortcut, menu by menu."""
    rows: list[tuple[str, str, str]] = []
    for menu in menus:
        title = menu.title().replace("&", "")
        for action in menu.actions():
            if action.menu() is not None or action.isSeparator():
                continue
            keys = ", ".join(text for k in action.shortcuts()
                             if on_a_keyboard(text := k.toString(
                                 QKeySequence.SequenceFormat.NativeText)))
            if keys:
                rows.append((title, _plain(action), keys))
    return rows


MODIFIERS = {"Ctrl", "Shift", "Alt", "Meta"}
NAMED_KEYS = {"Del", "Backspace", "Return", "Enter", "Esc", "Space", "Tab", "Left", "Right",
              "Up", "Down", "PgUp", "PgDown", "Home", "End", "Ins"}


def on_a_keyboard(keys: str) -> bool:
    """Leaves out the special keys some keyboards have ("Open", "Copy", "Undo", and the
    F13-F35 that X11 maps them to), which the platform adds to the standard shortcuts."""
    if keys.endswith("++"):  # Ctrl++: the key is "+"
        parts = [*keys[:-2].split("+"), "+"]
    else:
        parts = keys.split("+")
    *modifiers, key = parts
    if not set(modifiers) <= MODIFIERS:
        return False
    function_key = key.startswith("F") and key[1:].isdigit() and 1 <= int(key[1:]) <= 12
    return len(key) == 1 or function_key or key in NAMED_KEYS


_on_a_keyboard = on_a_keyboard  # its earlier name


def _plain(action: QAction) -> str:
    text = action.text().replace("&", "").replace("…", "").split("\t")[0].strip()
    for word in ("Undo", "Redo"):  # the undo actions name the last edit: "Undo Move"
        if text.startswith(word + " "):
            return word
    if text in ("Run", "Pause", "Continue", "Run Again"):  # the Simulate button's states
        return "Run / Pause"
    return text


class ShortcutsDialog(QDialog):
    def __init__(self, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard and Mouse")
        layout = QVBoxLayout(self)
        rows = shortcut_rows(menus) + [(area, what, how) for area, how, what in GESTURES]
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["Where", "What", "Keys or mouse"])
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, arrows move within
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 560)
