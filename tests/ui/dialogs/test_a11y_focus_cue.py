"""A dialog opened from the window's menu by keys shows where the keyboard is at once,
before any Tab (accessibility QA: E-Commerce Actions opened with Alt+W, E had the focus on
On Login's Actions button and nothing showed it)."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QWidget

from canvas_app.ui.dialog_focus import CUE, NAME, DialogFocusCue, install
from canvas_app.ui.dialogs.ecommerce_actions import EcommerceActionsDialog

from .helpers import sample_main_window


def bluish(image: QImage) -> int:
    """How many pixels are the selection's blue or a tint of it (a focus frame); a
    button's own face and text are grey."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour: QColor = image.pixelColor(x, y)
            if colour.blue() - colour.red() > 40:
                count += 1
    return count


def open_by_keys(qtbot, window: QWidget) -> EcommerceActionsDialog:
    """Alt+W opens the Workspace menu, E its E-Commerce Actions… entry."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_E)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), EcommerceActionsDialog))
    dialog = QApplication.activeWindow()
    assert isinstance(dialog, EcommerceActionsDialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None
                    and dialog.focusWidget().hasFocus())
    return dialog


def test_ecommerce_actions_opened_by_keys_shows_its_focus_at_once(qtbot,
                                                                  tmp_path: Path) -> None:
    window = sample_main_window(qtbot, tmp_path)
    dialog = open_by_keys(qtbot, window)
    focused = dialog.focusWidget()
    assert isinstance(focused, QPushButton) and focused.objectName() == "actions_on_login"
    assert dialog.testAttribute(CUE)  # no Tab pressed
    shown = focused.grab().toImage()
    assert bluish(shown) > 20  # its focus frame is drawn
    # a button without the focus has no such frame: the blue is the focus's
    other = dialog.findChild(QPushButton, "actions_contact_creation")
    assert other is not None and not other.hasFocus()
    assert bluish(other.grab().toImage()) == 0
    dialog.close()
    assert not window.testAttribute(CUE)  # the main window keeps Qt's own rule


def test_install_is_once(qtbot) -> None:  # noqa: ARG001  (qtbot makes the QApplication)
    app = QApplication.instance()
    was = app.findChild(DialogFocusCue, NAME)
    first = install()
    assert first is not None and install() is first
    assert was is None or first is was
    if was is None:  # not left for the tests after this one
        first.setParent(None)
        shiboken6.delete(first)
