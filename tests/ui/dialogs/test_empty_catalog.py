"""An empty catalog says where its items come from and opens the Catalog (QA 7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from canvas_app.domain.nodes import Node
from canvas_app.domain.workspace import Workspace
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.catalog_manager import CatalogManagerDialog

from .helpers import click


def new_workspace_goal(qtbot, undo_stack):
    """A new workspace (empty catalog but its payment types) with one purchase goal."""
    workspace = Workspace()
    campaign = workspace.new_campaign("first", "First campaign")
    campaign.add_node(Node("goal", "purchase_goal", "Bought"))
    dialog = open_node_editor(None, workspace, undo_stack, "first", "goal")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return workspace, dialog


def test_an_empty_list_says_where_its_items_come_from(qtbot, undo_stack):
    """QA 7: ticking Order form showed an empty list and "no order form is chosen", with no
    word of Workspace > Catalog."""
    _workspace, dialog = new_workspace_goal(qtbot, undo_stack)
    dialog.order_forms_box.setChecked(True)
    hint = dialog.catalog_hints["orderForm"]
    assert hint.isVisible() and hint.isEnabled()
    assert hint.label.text() == ("The catalog has no order forms yet: add them in "
                                 "Workspace > Catalog…")
    assert not dialog.order_forms_list.list.isVisible()  # no empty box instead
    dialog.products_box.setChecked(True)
    assert "no products yet" in dialog.catalog_hints["product"].label.text()
    assert dialog.catalog_hints["product"].isVisible()
    assert not dialog.products_list.search.isVisible()  # nothing to search
    assert not dialog.catalog_hints["paymentType"].isVisible()  # it has payment types


def test_the_hint_opens_the_catalog_and_the_list_offers_what_was_added(qtbot, undo_stack):
    workspace, dialog = new_workspace_goal(qtbot, undo_stack)
    dialog.order_forms_box.setChecked(True)
    hint = dialog.catalog_hints["orderForm"]
    click(qtbot, hint.button)
    catalog = dialog.catalog_dialog
    assert isinstance(catalog, CatalogManagerDialog) and catalog.isVisible()
    assert catalog.parent() is dialog  # over the modal editor, not blocked by it
    # on the tab the list needs (QA: it opened on Products)
    assert catalog.tabs.currentIndex() == 2  # Order forms
    click(qtbot, catalog.add_buttons["order_forms"])
    qtbot.keyClicks(catalog.item_dialog.name_edit, "Spring form")
    click(qtbot, catalog.item_dialog.save_button)
    assert undo_stack.count() == 1  # one undo step, as from the menu
    click(qtbot, catalog.close_button)
    assert not hint.isVisible()
    assert dialog.order_forms_list.ids() == ["spring-form"]
    assert dialog.order_forms_list.list.isVisible()
    dialog.order_forms_list.set_checked("spring-form")
    assert dialog.save_button.isEnabled(), dialog.problem_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert workspace.campaign("first").node("goal").config.order_forms == ["spring-form"]


def test_tab_reaches_the_hint_where_its_list_would_be(qtbot, undo_stack):
    """QA: Tab jumped from the Order form box to "Any purchase"; the hint's button came
    only after the "Who can achieve" choices."""
    _workspace, dialog = new_workspace_goal(qtbot, undo_stack)
    dialog.order_forms_box.setChecked(True)
    dialog.order_forms_box.setFocus()
    qtbot.waitUntil(dialog.order_forms_box.hasFocus)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.catalog_hints["orderForm"].button
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.any_box


def open_ecommerce_window(qtbot, workspace, undo_stack):
    from canvas_app.ui.dialogs import open_ecommerce_actions

    window = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_an_unknown_product_says_why_nothing_opens(qtbot, workspace, undo_stack):
    """QA 7: "xyz" + Enter in the Product field did nothing and said nothing."""
    window = open_ecommerce_window(qtbot, workspace, undo_stack)
    assert not window.product_hint.isVisible()  # the sample catalog has products
    window.product_edit.setFocus()
    qtbot.keyClicks(window.product_edit, "xyz")
    qtbot.keyClick(window.product_edit, Qt.Key.Key_Return)
    assert window.set_dialog is None and window.isVisible()
    assert window.product_problem.isVisible()
    assert window.product_problem.text().startswith(
        'No product in the catalog is named "xyz"')
    qtbot.keyClick(window.product_edit, Qt.Key.Key_Backspace)
    assert window.product_problem.text() == ""  # typing again clears it
    window.product_edit.setText("pool")
    qtbot.keyClick(window.product_edit, Qt.Key.Key_Return)
    assert window.product_problem.text() == ('"pool" is part of 4 product names: pick one '
                                             "from the list.")


def test_an_empty_catalog_points_to_the_catalog_from_the_actions(qtbot, undo_stack):
    workspace = Workspace()
    window = open_ecommerce_window(qtbot, workspace, undo_stack)
    hint = window.product_hint
    assert hint.isVisible()
    assert hint.label.text() == ("The catalog has no products yet: add them in "
                                 "Workspace > Catalog…")
    window.product_edit.setFocus()
    qtbot.keyClicks(window.product_edit, "xyz")
    qtbot.keyClick(window.product_edit, Qt.Key.Key_Return)
    # Said once, by the hint below: the problem line does not repeat it.
    assert window.product_problem.text() == 'There is no product "xyz" to give actions to.'
    assert "no products yet" not in window.product_problem.text()
    click(qtbot, hint.button)
    catalog = window.catalog_dialog
    assert isinstance(catalog, CatalogManagerDialog) and catalog.parent() is window
    click(qtbot, catalog.add_buttons["products"])
    qtbot.keyClicks(catalog.item_dialog.name_edit, "Pool Mitt")
    click(qtbot, catalog.item_dialog.save_button)
    click(qtbot, catalog.close_button)
    assert not hint.isVisible()
    window.product_edit.setText("mitt")
    assert window.product_button.isEnabled()
    qtbot.keyClick(window.product_edit, Qt.Key.Key_Return)
    assert window.set_dialog is not None and window.set_dialog.key == "product:pool-mitt"
    window.set_dialog.reject()
