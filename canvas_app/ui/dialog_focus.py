"""A dialog or manager window shows where the keyboard is from the moment it opens.

Qt draws a widget's focus frame (a button's outline, a list's current row) only in a window
that has seen a keyboard focus change (``WA_KeyboardFocusChange``: Tab, Shift+Tab, a
mnemonic). A dialog opens with the focus already on a widget, so nothing showed it until
Tab was pressed: E-Commerce Actions, opened with Alt+W, E, had the keys on On Login's
Actions button and looked as if nothing had them (accessibility QA).

:func:`install` watches the application's focus (one signal, no per-event filter): the
first time the focus enters a dialog, the dialog gets the attribute, so its focused widget
draws its frame at once, whether it was opened from the keyboard or with the mouse. The
main window is left to Qt's rule (its panels show the focus in their own frames)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialog, QWidget

CUE = Qt.WidgetAttribute.WA_KeyboardFocusChange
NAME = "dialogFocusCue"  # the watcher's object name, a child of the application


def shows_focus_from_the_start(window: QWidget) -> bool:
    """Whether ``window`` shows its focus from the start: dialogs (the editors, the manager
    windows, message boxes), not the main window or pop-ups."""
    return isinstance(window, QDialog)


class DialogFocusCue(QObject):
    """Gives a dialog the keyboard-focus cue when the focus first enters it."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(NAME)
        app.focusChanged.connect(self.focus_changed)

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not shiboken6.isValid(new):
            return
        window = new.window()
        if window.testAttribute(CUE) or not shows_focus_from_the_start(window):
            return
        window.setAttribute(CUE)
        new.update()  # painted already without the frame: again, with it
        if isinstance(new, QAbstractScrollArea):
            new.viewport().update()  # a list's current row is drawn by its viewport


def install(app: QApplication | None = None) -> DialogFocusCue | None:
    """Starts the watcher on ``app`` (the running application), once."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return None
    found = app.findChild(DialogFocusCue, NAME)
    return found if found is not None else DialogFocusCue(app)
