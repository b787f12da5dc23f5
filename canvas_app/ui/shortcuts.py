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
                             if _on_a_keyboard(text := k.toString(
                                 QKeySequence.SequenceFormat.NativeText)))
            if keys:
                rows.append((title, _plain(action), keys))
    return rows


def _on_a_keyboard(keys: str) -> bool:
    """Leaves out the special keys some keyboards have ("Open", "Copy", "Undo"), which the
    platform adds to the standard shortcuts."""
    return "+" in keys or keys in ("Del", "Backspace", "Return", "Enter", "Esc", "Space") \
        or (keys.startswith("F") and keys[1:].isdigit())


def _plain(action: QAction) -> str:
    return action.text().replace("&", "").replace("…", "").split("\t")[0].strip()


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
