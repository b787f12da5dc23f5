"""Alt with a letter or digit never types it into a dialog's field.

Qt gives a key press that no shortcut or mnemonic took to the focused widget, so in a
field Alt+S (a guess at Save) typed an "s": "Reviewed" became "Reviewedwes", and Enter
would have saved that name (QA 21). Only plain ASCII letters and digits are kept from
typing: AltGr's characters ("@", "ł") come with other text, or with Ctrl on Windows, and
go through."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TEXT_FIELDS = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QComboBox)
GUARDED = "altTypesNothing"  # a widget's property: the filter is on it


def typed_with_alt(event: QKeyEvent) -> bool:
    """A key press of Alt (not Ctrl) with an ASCII letter or digit."""
    modifiers = event.modifiers()
    text = event.text()
    return bool(modifiers & Qt.KeyboardModifier.AltModifier) \
        and not modifiers & Qt.KeyboardModifier.ControlModifier \
        and len(text) == 1 and text.isascii() and text.isalnum()


class _AltTypesNothing(QObject):
    """Put on each text field of ``dialog`` as it gets the focus (fields are added while
    the dialog is open: a step's form)."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.focus_changed)

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not shiboken6.isValid(self.dialog) or new.window() is not \
                self.dialog or not isinstance(new, TEXT_FIELDS) or new.property(GUARDED):
            return
        new.setProperty(GUARDED, True)
        new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and typed_with_alt(event):
            event.accept()
            return True
        return False


def keep_alt_from_typing(dialog: QWidget) -> None:
    """Alt with a letter or digit types nothing in ``dialog``'s fields."""
    _AltTypesNothing(dialog)
