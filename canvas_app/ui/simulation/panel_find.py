"""The Simulation panel's find keys: Ctrl+F anywhere in the panel goes to a find field of
the panel (the contacts' on the Contacts tab, else the log's), not to the canvas's Find
bar; F3 and Shift+F3 step through the log's matches while the Log tab is on show. The
window's Find (Ctrl+F) keeps working everywhere else, the canvas included. Another
workspace starts with both find fields empty (see WorkspaceFinds)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence

if TYPE_CHECKING:
    from ..session import Session
    from .panel import SimulationPanel

Std = QKeySequence.StandardKey


def find_key(panel: SimulationPanel, event: QEvent) -> Callable[[], None] | None:
    """What a key pressed in the panel does if it is one of its find keys, or None."""
    if not isinstance(event, QKeyEvent):
        return None
    if event.matches(Std.Find):
        return lambda: open_find(panel)
    if panel.tabs.currentWidget() is panel.log_view:
        if event.matches(Std.FindNext):
            return lambda: panel.log_find.step(True)
        if event.matches(Std.FindPrevious):
            return lambda: panel.log_find.step(False)
    return None


def open_find(panel: SimulationPanel) -> None:
    """Ctrl+F: the contacts' find box on the Contacts tab, the log's on any other (the Log
    tab brought to the front), the keyboard in it and its text selected."""
    if panel.tabs.currentWidget() is panel.contacts:
        panel.contacts.find.setFocus()
        panel.contacts.find.selectAll()
        return
    panel.tabs.setCurrentWidget(panel.log_view)
    panel.log_find.focus()


class WorkspaceFinds:
    """Empties the contacts' and the log's find fields when the panel is attached to
    another workspace (QA5: "visit", typed for one workspace, filtered the next one's run).
    The same workspace read again (a merge of someone else's save) keeps them, and so do
    its next runs (Run Again, Reset, another scenario): the same question asked again."""

    def __init__(self) -> None:
        self._shown: tuple[object, weakref.ref[Session]] | None = None

    def attached(self, panel: SimulationPanel, session: Session) -> None:
        shown = self._shown
        same = shown is not None and shown[0] == session.document \
            and (session.document is not None or shown[1]() is session)  # untitled: itself
        self._shown = (session.document, weakref.ref(session))
        if not same:
            forget_finds(panel)


def forget_finds(panel: SimulationPanel) -> None:
    panel.contacts.clear_find()
    panel.log_find.clear()
