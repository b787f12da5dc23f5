"""E-Commerce Actions: one Enter on a product picked in the completer opens its actions
(QA10: the first Enter only filled in the name, a second one opened them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from canvas_app.ui.dialogs import open_ecommerce_actions
from canvas_app.ui.dialogs.action_set import ActionSetDialog


def picked(qtbot, workspace, undo_stack, typed: str):
    window = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.product_edit.setFocus()
    qtbot.waitUntil(window.product_edit.hasFocus)
    QTest.keyClicks(window.product_edit, typed)
    popup = window.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    return window, popup


def test_one_enter_on_a_choice_opens_its_actions(qtbot, workspace, undo_stack):
    window, popup = picked(qtbot, workspace, undo_stack, "pool")
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Down)  # "Pool Stabilizer / Conditioner"
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.set_dialog is not None and window.set_dialog.isVisible())
    assert window.product_edit.text() == "Pool Stabilizer / Conditioner"
    assert window.set_dialog.key == "product:stabilizer"
    assert not popup.isVisible()
    qtbot.wait(50)  # the pick's own opening comes later: it must not open a second one
    assert len([d for d in window.findChildren(ActionSetDialog) if d.isVisible()]) == 1
    window.set_dialog.reject()


def test_a_click_on_a_choice_does_the_same(qtbot, workspace, undo_stack):
    window, popup = picked(qtbot, workspace, undo_stack, "pool")
    rect = popup.visualRect(popup.model().index(0, 0))
    QTest.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.set_dialog is not None and window.set_dialog.isVisible())
    assert window.set_dialog.key == "product:mitt"
    window.set_dialog.reject()
