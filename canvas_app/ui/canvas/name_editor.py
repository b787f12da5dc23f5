"""The inline editor over a node's name: Enter commits, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.names import name_max_length


class NameEditor(QLineEdit):
    """The inline editor over a node's name: Enter commits, Esc cancels."""

    committed = Signal(str, str)  # node id, new name
    cancelled = Signal()

    def __init__(self, node_id: str, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.node_id = node_id
        self.setObjectName("nameEditor")
        # a pasted paragraph stops at the limit; a longer name from a file is kept whole
        self.setMaxLength(name_max_length(text))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.selectAll()
        self._done = False

    def finish(self, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        if commit:
            self.committed.emit(self.node_id, self.text())
        else:
            self.cancelled.emit()

    def discard(self) -> None:
        """Closes without committing or cancelling again."""
        self._done = True
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

    def focusOutEvent(self, event: object) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.finish(True)
