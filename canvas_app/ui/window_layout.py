"""The main window's first size, the room its panels leave the canvas, and the hint it
starts with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

BOTTOM_PANEL_SHARE = 0.45  # of the canvas and bottom panel's height, at most
SIDE_PANEL_SHARE = 0.28  # of the window's width, at most, for the panels of one side
SIDES_PANEL_SHARE = 0.45  # of the window's width, at most, for the panels of both sides


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


def bottom_panel_most(canvas: QWidget, panel: QWidget) -> int:
    """The most height the bottom panel keeps of the room it shares with the canvas, the
    same whether the panel is being shown (Simulate) or the window was resized."""
    return int((canvas.height() + panel.height()) * BOTTOM_PANEL_SHARE)


def keep_canvas_room(window: QMainWindow, canvas: QWidget, docks: list[QDockWidget]) -> None:
    """A window made smaller takes the room from the bottom panel first: Qt keeps the
    panel's height and squeezes the canvas (100 px of canvas at 800 x 560). The side panels
    too (a layout kept from a larger screen): each side at most a share of the window's
    width, and both together less than half, so the canvas keeps the middle and stays the
    largest part (at 1024 x 700 with History and the Simulation panel open it was the
    smallest, about 480 x 250)."""

    def shown_in(area: Qt.DockWidgetArea) -> list[QDockWidget]:
        return [d for d in docks if d.isVisible() and not d.isFloating()
                and window.dockWidgetArea(d) == area and not d.visibleRegion().isEmpty()]

    bottom = shown_in(Qt.DockWidgetArea.BottomDockWidgetArea)
    if bottom:
        dock = bottom[0]
        most = bottom_panel_most(canvas, dock)
        if dock.height() > most:
            window.resizeDocks([dock], [most], Qt.Orientation.Vertical)
    sides = [side for area in (Qt.DockWidgetArea.LeftDockWidgetArea,
                               Qt.DockWidgetArea.RightDockWidgetArea)
             if (side := shown_in(area))]
    # panels on both sides (a small window with History open): the canvas keeps the most
    share = SIDE_PANEL_SHARE if len(sides) < 2 else SIDES_PANEL_SHARE / 2
    most = int(window.width() * share)
    for side in sides:
        if max(d.width() for d in side) > most:
            window.resizeDocks(side, [most] * len(side), Qt.Orientation.Horizontal)
