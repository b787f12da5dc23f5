"""The inline editor over a node's name: Enter commits, Esc cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.events import DomainEvent, Emitter
from ...domain.names import NAME_MAX_LENGTH
from ..text_limit import limit_text


class NameEditor(QLineEdit):
    """The inline editor over a node's name: Enter commits, Esc cancels, and so does the
    node going (an undo, a delete from elsewhere: see :meth:`follow`). Clicking away
    commits; a menu opening over it (the Edit menu, its own context menu) does not."""

    committed = Signal(str, str)  # node id, new name
    cancelled = Signal()

    def __init__(self, node_id: str, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.node_id = node_id
        self.setObjectName("nameEditor")
        # a pasted paragraph is cut at the limit, and the field says so; a longer name from
        # a file is kept whole
        limit_text(self, NAME_MAX_LENGTH, "a name", one_line=False, keep=text)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.selectAll()
        self._done = False
        self._unfollow: Callable[[], None] | None = None

    def follow(self, events: Emitter[DomainEvent], node_there: Callable[[], bool]) -> None:
        """Cancels the rename when, after an edit of the workspace (``events``), the node
        is no longer there (``node_there``), whatever took it away."""
        def check(event: DomainEvent) -> None:
            if not event.extra.get("batched") and not node_there():
                self.finish(False)

        self._stop_following()
        self._unfollow = events.subscribe(check)

    def _stop_following(self) -> None:
        if self._unfollow is not None:
            self._unfollow()
            self._unfollow = None

    def finish(self, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        self._stop_following()
        if commit:
            self.committed.emit(self.node_id, self.text())
        else:
            self.cancelled.emit()

    def discard(self) -> None:
        """Closes without committing or cancelling again."""
        self._done = True
        self._stop_following()
        self.hide()

    def event(self, event: QEvent) -> bool:
        # Enter and Esc belong to the editor, not to the canvas's shortcuts around it.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape,
                                    Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.finish(False)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A menu popping up (or Alt taking the keyboard to the menu bar: QA) keeps the
        # editor, as Qt's item views keep theirs: it comes back
        # to it when it closes, and Edit > Undo chosen there drops the name typed as the
        # toolbar's Undo does (the window's undo), instead of undoing a rename made now.
        if event.reason() not in (Qt.FocusReason.PopupFocusReason,
                                  Qt.FocusReason.MenuBarFocusReason):
            self.finish(True)
