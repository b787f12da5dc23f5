"""In a window with no Save (each change applies at once), Enter presses the button with
the focus, as Space does (QA 21: Enter on On Login's "Actions" and on the Catalog's "Add
product…" did nothing: every button had lost autoDefault for the editors' Save). In an
editor, Enter still saves whatever button had the focus before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QToolButton

from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.catalog_item import CatalogItemDialog
from canvas_app.ui.dialogs.catalog_manager import CatalogManagerDialog
from canvas_app.ui.dialogs.ecommerce_actions import EcommerceActionsDialog


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_a_set_button_opens_its_actions(qtbot, workspace, undo_stack, key) -> None:
    window = shown(qtbot, EcommerceActionsDialog(workspace, undo_stack))
    opened: list[ActionSetDialog] = []
    open_set = window.open_set
    window.open_set = lambda name: opened.append(open_set(name)) or opened[-1]
    for name in ("on_login", "successful_purchase"):  # the next button takes Enter too
        button = window.set_buttons[name]
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(button.hasFocus)
        qtbot.keyClick(button, key)
        qtbot.waitUntil(lambda: bool(opened) and opened[-1].isVisible())
        assert opened[-1].key == name
        opened[-1].reject()
        qtbot.waitUntil(lambda: not opened[-1].isVisible())
    assert [dialog.key for dialog in opened] == ["on_login", "successful_purchase"]


def test_enter_on_add_product_opens_the_form(qtbot, workspace, undo_stack) -> None:
    window = shown(qtbot, CatalogManagerDialog(workspace, undo_stack))
    [add] = [b for b in window.findChildren(type(window.findChild(object, "add_products")))
             if b.objectName() == "add_products"]
    add.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(add.hasFocus)
    qtbot.keyClick(add, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "item_dialog", None),
                                       CatalogItemDialog) and window.item_dialog.isVisible())
    window.item_dialog.reject()


def test_enter_elsewhere_presses_no_button(qtbot, workspace, undo_stack) -> None:
    """Regression QA 21: with every button auto-default, Qt kept the first one focused as
    the window's default, and Enter on the legacy check box opened On Login's actions."""
    window = shown(qtbot, EcommerceActionsDialog(workspace, undo_stack))
    opened: list[ActionSetDialog] = []
    open_set = window.open_set
    window.open_set = lambda name: opened.append(open_set(name)) or opened[-1]
    button = window.set_buttons["on_login"]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    check = window.legacy_check
    check.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(check.hasFocus)
    assert not any(b.isDefault() for b in window.set_buttons.values())
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(check, key)
    qtbot.wait(50)
    assert opened == []


def test_enter_on_the_catalogs_tabs_adds_nothing(qtbot, workspace, undo_stack) -> None:
    window = shown(qtbot, CatalogManagerDialog(workspace, undo_stack))
    add = window.findChild(QPushButton, "add_products")
    add.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(add.hasFocus)
    window.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.tabs.tabBar().hasFocus)
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_Return)
    qtbot.wait(50)
    assert getattr(window, "item_dialog", None) is None or not window.item_dialog.isVisible()


def test_enter_on_a_focused_undo_button_undoes(qtbot, workspace, undo_stack) -> None:
    """QA 21: Undo and Redo are tool buttons, which have no Enter of their own: Enter on a
    focused one did nothing in the Catalog and E-Commerce Actions (Space worked); and Tab
    reached Close before them, though they stand to its left."""
    window = shown(qtbot, EcommerceActionsDialog(workspace, undo_stack))
    before = window.legacy_check.isChecked()
    window.legacy_check.click()
    assert window.legacy_check.isChecked() != before
    undo = window.findChild(QToolButton, "undoButton")
    redo = window.findChild(QToolButton, "redoButton")
    close = window.findChild(QPushButton, "closeButton")
    assert undo.nextInFocusChain() is redo and redo.nextInFocusChain() is close
    undo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(undo.hasFocus)
    qtbot.keyClick(undo, Qt.Key.Key_Return)
    assert window.legacy_check.isChecked() == before  # undone
    redo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(redo.hasFocus)
    qtbot.keyClick(redo, Qt.Key.Key_Enter)
    assert window.legacy_check.isChecked() != before  # done again
