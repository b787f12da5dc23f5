"""The main window's first size and the hint it starts with."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow


def fit_first_size(window: QMainWindow) -> None:
    """1280 x 800, or less on a smaller screen, centred: a first window never reaches past
    the screen's edges (a saved layout, restored after, wins)."""
    width, height = 1280, 800
    screen = window.screen()
    if screen is None:
        window.resize(width, height)
        return
    room = screen.availableGeometry()
    window.resize(min(width, int(room.width() * 0.95)), min(height, int(room.height() * 0.92)))
    window.move(room.left() + (room.width() - window.width()) // 2,
                room.top() + (room.height() - window.height()) // 2)


def start_hint(palette_shown: bool) -> str:
    """Where to start, as the window is laid out (the Palette may have been closed)."""
    place = ("Drag a goal or sequence from the Palette onto the canvas" if palette_shown
             else "Insert > Add Purchase Goal (Ctrl+1, Ctrl+2, Ctrl+3) places a node")
    return f"{place}; double-click a name to rename it, a node to view and edit it."
