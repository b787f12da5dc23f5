"""A completer whose list highlights the row under the mouse, and takes it on Enter.

Qt's QCompleter highlights a row of its list only for the arrow keys: a row the mouse is
over looks like the one to take, but Enter took what was typed ("pool") and not it. Here,
as in a combo box's list, the row under the mouse becomes the highlighted one (the field
keeps what was typed while the mouse moves); Enter or Tab takes the highlighted row,
however it was highlighted.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit

from ..theme import use_item_view_style

TAKING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)  # Qt's completer's


class HoverCompleter(QCompleter):
    def __init__(self, model: QAbstractItemModel | list[str],
                 parent: QObject | None = None) -> None:
        super().__init__(model, parent)
        self._follow_mouse(self.popup())

    def setPopup(self, popup: QAbstractItemView) -> None:  # noqa: N802 (Qt's name)
        super().setPopup(popup)
        self._follow_mouse(popup)

    def _follow_mouse(self, popup: QAbstractItemView) -> None:
        # its rows measured without a call into Python each: a key that matched 2,000
        # products took 150 ms, most of it in the app style's Python methods
        use_item_view_style(popup)
        popup.viewport().setMouseTracking(True)  # moves with no button pressed too
        popup.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        popup = self.popup()
        if watched == popup.viewport() and event.type() == QEvent.Type.MouseMove \
                and isinstance(event, QMouseEvent) \
                and event.buttons() == Qt.MouseButton.NoButton:
            self.highlight(popup.indexAt(event.position().toPoint()))
            return False
        if watched == popup and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() in TAKING_KEYS \
                and popup.isVisible():
            self._take_highlighted()
        return super().eventFilter(watched, event)

    def highlight(self, index: QModelIndex) -> None:
        """Makes ``index`` (a row of the list) the highlighted row, as the arrow keys
        would, but leaves the field's text as typed (the arrow keys' highlight puts the
        row's text in the field; a mouse passing over the list should not)."""
        popup = self.popup()
        if not index.isValid() or index == popup.currentIndex():
            return
        selection = popup.selectionModel()
        selection.blockSignals(True)  # this completer's own slot would set the text
        try:
            popup.setCurrentIndex(index)
        finally:
            selection.blockSignals(False)
        popup.viewport().update()

    def _take_highlighted(self) -> None:
        """Before Enter (or Tab) goes on to Qt's completer: the field gets the highlighted
        row's text, so the field's own Enter (returnPressed) acts on the row's text, as
        after the arrow keys, and Qt's completer then takes the row (activated)."""
        index = self.popup().currentIndex()
        field = self.widget()
        if not index.isValid() or not isinstance(field, QLineEdit):
            return
        text = index.data(self.completionRole())
        if isinstance(text, str) and field.text() != text:
            field.setText(text)
