"""In a window with no Save (each change applies at once), Enter presses the button with
the focus, as Space does (QA 21: Enter on On Login's "Actions" and on the Catalog's "Add
product…" did nothing: every button had lost autoDefault for the editors' Save). In an
editor, Enter still saves whatever button had the focus before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

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
