"""Tab and Shift+Tab skip what cannot be seen: the panel behind another panel's tab.

Warnings and Simulation share one tabbed dock area. Qt keeps the panel whose tab is not in
front "visible" (covered, not hidden), so Tab walked through its scenario box and buttons
unseen, and Space could start a simulation from a button nobody saw.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

MAX_SKIPS = 200  # more focusable widgets than the window has: a guard, never reached


def covered(widget: QWidget, docks: Iterable[QDockWidget]) -> bool:
    """True when ``widget`` lies in a docked panel that another panel's tab covers."""
    for dock in docks:
        if dock.isAncestorOf(widget):
            return dock.isVisible() and not dock.isFloating() and dock.visibleRegion().isEmpty()
    return False


def move_focus(step: Callable[[], bool], docks: Iterable[QDockWidget]) -> bool:
    """Moves the focus with ``step`` (Qt's own next/previous) until it lands on a widget
    that is not covered; True when the focus moved."""
    docks = list(docks)
    start = QApplication.focusWidget()
    moved = False
    for _ in range(MAX_SKIPS):
        if not step():
            return moved
        moved = True
        widget = QApplication.focusWidget()
        if widget is None or widget is start or not covered(widget, docks):
            return True
    return moved
