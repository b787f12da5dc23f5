"""Tab and Shift+Tab skip what cannot be seen: the panel behind another panel's tab;
View > Panels brings such a panel to the front; Ctrl+F6 moves the keyboard panel to panel,
bringing a covered one to the front.

Warnings and Simulation share one tabbed dock area. Qt keeps the panel whose tab is not in
front "visible" (covered, not hidden), so Tab walked through its scenario box and buttons
unseen, and Space could start a simulation from a button nobody saw.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QPushButton, QToolButton, QWidget

MAX_SKIPS = 200  # more focusable widgets than the window has: a guard, never reached


def covered(widget: QWidget, docks: Iterable[QDockWidget]) -> bool:
    """True when ``widget`` lies in a docked panel that another panel's tab covers."""
    for dock in docks:
        if dock.isAncestorOf(widget):
            return behind(dock)
    return False


def behind(dock: QDockWidget) -> bool:
    """True when another panel's tab covers the docked panel (Qt keeps it "visible")."""
    return dock.isVisible() and not dock.isFloating() and dock.visibleRegion().isEmpty()


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


# -- View > Panels and Ctrl+F6 -------------------------------------------------------------
def panel_action(dock: QDockWidget, parent: QObject) -> QAction:
    """View > Panels' entry for ``dock``, ticked while the panel is open: choosing it opens
    a closed panel, brings one covered by another panel's tab to the front, and closes one
    in front (Qt's own toggle closed a covered panel, so the keyboard could not reach it)."""
    action = QAction(f"&{dock.windowTitle()}", parent)
    action.setCheckable(True)
    action.setStatusTip(f"Show the {dock.windowTitle()} panel, bring it to the front, or "
                        "close it when it is in front")

    def tick(_visible: bool = False) -> None:
        action.setChecked(not dock.isHidden())

    def chosen(_checked: bool = False) -> None:
        if dock.isHidden():
            dock.show()
            dock.raise_()
        elif behind(dock):
            dock.raise_()
        else:
            dock.hide()
        tick()

    action.triggered.connect(chosen)
    dock.visibilityChanged.connect(tick)
    tick()
    return action


def focus_target(widget: QWidget) -> QWidget | None:
    """The widget in ``widget`` (a panel's content) that takes the keyboard: the one that had
    it last, unless that was a button (QA: Ctrl+F6 came back to the Campaigns panel's
    Delete button, which the next Space would press), else the first that Tab reaches."""
    last = widget.focusWidget()
    if last is not None and last.isVisible() and last.isEnabled() \
            and not isinstance(last, QPushButton | QToolButton):
        return last
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
        return widget
    child = widget.nextInFocusChain()
    for _ in range(MAX_SKIPS):
        if child is None or child is widget or not widget.isAncestorOf(child):
            return None
        if child.isVisible() and child.isEnabled() \
                and child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return child
        child = child.nextInFocusChain()
    return None


def cycle_panels(canvas: QWidget, docks: list[QDockWidget], forward: bool) -> QWidget | None:
    """Ctrl+F6 (``forward``) and Ctrl+Shift+F6: the keyboard to the next or previous of the
    canvas and the open panels (in ``docks``' order), from the one that has it now; a panel
    covered by another panel's tab is brought to the front first (QA: the bottom pair's
    panel behind was skipped, so Simulation was never reached with Warnings in front). The
    widget given the focus, or None."""
    stops: list[QWidget] = [canvas, *docks]
    focused = QApplication.focusWidget()
    here = 0
    for i, stop in enumerate(stops):
        if focused is not None and (focused is stop or stop.isAncestorOf(focused)):
            here = i
    for step in range(1, len(stops) + 1):
        stop = stops[(here + (step if forward else -step)) % len(stops)]
        if isinstance(stop, QDockWidget):
            if stop.isHidden():
                continue
            if behind(stop):
                stop.raise_()
        content = stop.widget() if isinstance(stop, QDockWidget) else stop
        target = focus_target(content) if content is not None else None
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return target
    return None
