"""A search field whose Esc clears the search before it closes anything.

In a dialog Esc means Cancel; typed into a search ("shock" over the product list) it asked
"Discard changes?" instead of giving the whole list back. Here Esc in a field holding text
empties it and stays in the dialog; Esc in an empty field goes on to the dialog as before.
With suggestions shown (a completer's list), the first Esc closes them, as anywhere.
Its Enter is its own too (see ``widgets.OwnEnterLineEdit``): it never presses Save.
Down and Up lead from a search into the list it searches (:class:`ResultsKeys`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit


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


class ResultsKeys(QObject):
    """Down and Up between a search field and the list (or table) it searches, as in the
    E-Commerce window's product search, whose suggestions Down goes into (QA4: in the
    purchase goal's product search Down did nothing and Space was typed into the search;
    only Tab reached the list).

    Down in the field goes to the first row shown, Up to the last one, both with the
    focus, so Space ticks (or Enter opens) it; Up on the first row shown goes back to the
    field. Suggestions shown under the field (a completer's list) keep their own keys."""

    def __init__(self, field: QLineEdit,
                 view: Callable[[], QAbstractItemView | None]) -> None:
        super().__init__(field)
        self.field = field
        self.view = view
        field.installEventFilter(self)

    def watch(self, view: QAbstractItemView) -> None:
        """Up on ``view``'s first row shown goes back to the field (install once per
        view the field searches)."""
        view.installEventFilter(self)

    @staticmethod
    def shown_rows(view: QAbstractItemView) -> list[int]:
        model = view.model()
        hidden = getattr(view, "isRowHidden", None)
        return [row for row in range(model.rowCount())
                if hidden is None or not hidden(row)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) \
                or event.modifiers() not in (Qt.KeyboardModifier.NoModifier,
                                             Qt.KeyboardModifier.KeypadModifier) \
                or event.key() not in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            return False
        if watched is self.field:
            completer = self.field.completer()
            if completer is not None and completer.popup().isVisible():
                return False
            return self._into_view(event.key() == Qt.Key.Key_Down)
        view = self.view()
        if watched is view and event.key() == Qt.Key.Key_Up and self.field.isVisible():
            rows = self.shown_rows(view)
            if rows and view.currentIndex().row() in (rows[0], -1):
                self.field.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _into_view(self, down: bool) -> bool:
        view = self.view()
        if view is None or not view.isVisible() or not view.isEnabled():
            return False
        rows = self.shown_rows(view)
        if not rows:
            return False
        row = rows[0] if down else rows[-1]
        view.setCurrentIndex(view.model().index(row, 0))
        view.scrollTo(view.currentIndex())
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
