"""A search field whose Esc clears the search before it closes anything.

In a dialog Esc means Cancel; typed into a search ("shock" over the product list) it asked
"Discard changes?" instead of giving the whole list back. Here Esc in a field holding text
empties it and stays in the dialog; Esc in an empty field goes on to the dialog as before.
With suggestions shown (a completer's list), the first Esc closes them, as anywhere.
Its Enter is its own too (see ``widgets.OwnEnterLineEdit``): it never presses Save.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit


class SearchField(QLineEdit):
    """A line edit for a search: Esc clears typed text, Enter is the field's own."""

    def _clears(self, event: QEvent) -> bool:
        """Whether ``event`` is a plain Esc that clears typed text. Not while suggestions
        are shown: that Esc only closes them (the completer's own), the next one clears."""
        completer = self.completer()
        if completer is not None and completer.popup().isVisible():
            return False
        return isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape \
            and event.modifiers() == Qt.KeyboardModifier.NoModifier \
            and bool(self.text()) and not self.isReadOnly()

    def event(self, event: QEvent) -> bool:
        # a window's Esc shortcut (if any) must not take the key from a search to clear
        if event.type() == QEvent.Type.ShortcutOverride and self._clears(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        if self._clears(event):
            self.clear()  # one undo step in the field (Ctrl+Z brings the text back)
            event.accept()
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
