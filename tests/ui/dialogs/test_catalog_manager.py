"""The catalog manager: add, edit, delete (with where-used), each one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from canvas_app.ui.dialogs import open_catalog_manager
from canvas_app.ui.dialogs.catalog_manager import CatalogManagerDialog

from .helpers import click, snapshot


def open_catalog(qtbot, workspace, undo_stack) -> CatalogManagerDialog:
    dialog = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CatalogManagerDialog)
    assert dialog.objectName() == "catalogManagerDialog"
    return dialog


def cells(table, column=0):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_lists_the_catalog(qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    products = dialog.tables["products"]
    assert cells(products) == ["Pool Scrubbing Mitt", "Pool Stabilizer / Conditioner",
                               "Super Sock It Pool Shock", "Weekly Pool Checkup"]
    assert cells(products, 3)[-1] == "Subscription"
    assert cells(products, 4) == ["", "", 'goal "Bought pool shock", its own action set',
                                  'goal "Subscribed to checkup", its own action set']
    # alphabetical: Classic (legacy), Pool Shock, Spring Opening
    assert cells(dialog.tables["order_forms"], 1) == ["Legacy", "Current", "Current"]
    assert cells(dialog.tables["payment_types"]) == ["Adjustment", "Cash", "Check",
                                                     "Credit card", "Money order", "PayPal"]


def test_add_a_product_then_undo(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_catalog(qtbot, workspace, undo_stack)
    click(qtbot, dialog.add_buttons["products"])
    item = dialog.item_dialog
    assert not item.save_button.isEnabled()  # no name yet (the problem box says so)
    qtbot.keyClicks(item.name_edit, "Pool Thermometer")
    item.category_combo.setCurrentIndex(item.category_combo.findData("pool-care"))
    item.price_spin.setValue(8.5)
    item.subscription_radio.setChecked(True)
    click(qtbot, item.save_button)
    product = workspace.catalog.products["pool-thermometer"]
    assert (product.name, product.category, product.price, product.billing) == (
        "Pool Thermometer", "pool-care", 8.5, "subscription")
    assert "Pool Thermometer" in cells(dialog.tables["products"])
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert snapshot(workspace) == before
    assert "Pool Thermometer" not in cells(dialog.tables["products"])


def test_a_product_name_already_taken_keeps_save_disabled(qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    click(qtbot, dialog.add_buttons["products"])
    item = dialog.item_dialog
    taken = workspace.catalog.products["shock"].name
    qtbot.keyClicks(item.name_edit, taken.lower())
    assert not item.save_button.isEnabled()
    assert f'already a product named "{taken}"' in item.problem_label.text()
    qtbot.keyClicks(item.name_edit, " XL")
    assert item.save_button.isEnabled()
    click(qtbot, item.cancel_button)


def test_edit_an_order_form_and_cancel(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_catalog(qtbot, workspace, undo_stack)
    dialog.select("order_forms", "spring-form")
    click(qtbot, dialog.edit_buttons["order_forms"])
    item = dialog.item_dialog
    item.legacy_check.setChecked(True)
    click(qtbot, item.cancel_button)
    assert snapshot(workspace) == before

    click(qtbot, dialog.edit_buttons["order_forms"])
    item = dialog.item_dialog
    item.name_edit.setText("Spring Order Form")
    item.legacy_check.setChecked(True)
    click(qtbot, item.save_button)
    form = workspace.catalog.order_forms["spring-form"]
    assert form.name == "Spring Order Form" and form.legacy
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert snapshot(workspace) == before


def test_add_a_payment_type_and_refuse_a_duplicate(qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    click(qtbot, dialog.add_buttons["payment_types"])
    item = dialog.item_dialog
    qtbot.keyClicks(item.name_edit, "PayPal")
    assert not item.save_button.isEnabled()
    assert 'already a payment type "PayPal"' in item.problem_label.text()
    item.name_edit.setText("Store credit")
    click(qtbot, item.save_button)
    assert workspace.catalog.payment_types[-1] == "store_credit"
    assert "Store credit" in cells(dialog.tables["payment_types"])


def test_deleting_a_used_product_shows_where_and_asks(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_catalog(qtbot, workspace, undo_stack)
    dialog.select("products", "shock")
    click(qtbot, dialog.delete_buttons["products"])
    box = dialog.confirm_box
    assert box is not None and box.isVisible()
    assert 'campaign "Pool Shock Nurture", purchase goal "Bought pool shock"' in box.text()
    assert "action set" in box.text()
    click(qtbot, box.button(QMessageBox.StandardButton.Cancel))
    assert snapshot(workspace) == before

    click(qtbot, dialog.delete_buttons["products"])
    click(qtbot, dialog.confirm_box.button(QMessageBox.StandardButton.Yes))
    assert "shock" not in workspace.catalog.products
    assert "shock" not in workspace.ecommerce.product_action_sets
    goal = workspace.campaign("shock-nurture").node("bought-shock")
    assert goal.config.products == []
    assert undo_stack.count() == 1  # catalog, goal and action set: one step
    undo_stack.undo()
    assert snapshot(workspace) == before


def test_deleting_an_unused_order_form(qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    dialog.select("order_forms", "classic-form")
    click(qtbot, dialog.delete_buttons["order_forms"])
    assert "Nothing uses it" in dialog.confirm_box.text()
    click(qtbot, dialog.confirm_box.button(QMessageBox.StandardButton.Yes))
    assert "classic-form" not in workspace.catalog.order_forms
    assert cells(dialog.tables["order_forms"]) == ["Pool Shock Order Form",
                                                   "Spring Opening Order Form"]


def test_add_a_category_and_use_it_for_a_product(qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    click(qtbot, dialog.add_buttons["categories"])
    qtbot.keyClicks(dialog.item_dialog.name_edit, "Toys")
    click(qtbot, dialog.item_dialog.save_button)
    assert workspace.catalog.categories["toys"].name == "Toys"
    dialog.select("products", "mitt")
    click(qtbot, dialog.edit_buttons["products"])
    item = dialog.item_dialog
    item.category_combo.setCurrentIndex(item.category_combo.findData("toys"))
    click(qtbot, item.save_button)
    assert workspace.catalog.products["mitt"].category == "toys"
    assert cells(dialog.tables["categories"], 1)[-1] == "1"
    assert undo_stack.count() == 2
    dialog.select("categories", "toys")
    click(qtbot, dialog.delete_buttons["categories"])
    assert 'product "Pool Scrubbing Mitt" (its category)' in dialog.confirm_box.text()


def test_new_payment_type_previews_the_id_and_label_it_gets(qtbot, workspace, undo_stack):
    """QA 3: "Venmo / Zelle (US)" silently became venmo_zelle_us, shown as "Venmo zelle
    us". A payment type is only an id, so the dialog says so while the name is typed."""
    dialog = open_catalog(qtbot, workspace, undo_stack)
    click(qtbot, dialog.add_buttons["payment_types"])
    item = dialog.item_dialog
    preview = item.id_preview
    assert preview.isVisibleTo(item)
    qtbot.keyClicks(item.name_edit, "Venmo / Zelle (US)")
    assert preview.text() == ('Will be saved as: venmo_zelle_us, shown as "Venmo zelle us" '
                              "(a payment type keeps only this id).")
    item.name_edit.setText("Store credit")
    assert "store_credit" in preview.text() and '"Store credit"' in preview.text()
    item.name_edit.setText("Venmo / Zelle (US)")
    click(qtbot, item.save_button)
    assert workspace.catalog.payment_types[-1] == "venmo_zelle_us"
    assert "Venmo zelle us" in cells(dialog.tables["payment_types"])


def test_other_catalog_items_have_no_id_preview(qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    click(qtbot, dialog.add_buttons["products"])
    assert dialog.item_dialog.id_preview is None


def test_enter_edits_the_row_and_delete_asks_to_delete_it(qtbot, workspace, undo_stack):
    """QA 5: Enter and Delete did nothing on a selected row (Enter opened the editor, and
    the same key pressed its Save at once)."""
    from PySide6.QtCore import Qt

    dialog = open_catalog(qtbot, workspace, undo_stack)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.tables["products"]
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert dialog.item_dialog.isVisible()
    dialog.item_dialog.reject()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert dialog.confirm_box is not None and dialog.confirm_box.isVisible()
    dialog.confirm_box.reject()
    assert undo_stack.count() == 0


@pytest.mark.parametrize("section", ["products", "categories", "order_forms",
                                     "payment_types"])
def test_a_new_item_says_why_save_waits(qtbot, workspace, undo_stack, section):
    """QA10 8: Add product… opened with Save greyed out and nothing saying why (a new
    item's empty name was kept quiet until typed). Now it says so in the problem box and
    frames the name in red, as the node editors show a new goal's problem at once."""
    from .helpers import red_frame_drawn

    dialog = open_catalog(qtbot, workspace, undo_stack)
    click(qtbot, dialog.add_buttons[section])
    item = dialog.item_dialog
    qtbot.waitExposed(item)
    assert not item.save_button.isEnabled()
    assert item.problem_label.isVisible()
    assert item.problem_label.text() == "The name cannot be empty"
    qtbot.waitUntil(lambda: red_frame_drawn(item.name_edit))
    qtbot.keyClicks(item.name_edit, "Leaf Net")
    assert item.save_button.isEnabled()
    assert not item.problem_label.isVisible() and not item.name_edit.property("invalid")
    qtbot.keyClick(item.name_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(item.name_edit, Qt.Key.Key_Backspace)  # emptied again: said again
    assert "cannot be empty" in item.problem_label.text().lower()
    assert not item.save_button.isEnabled()
    item.reject()
    if item.isVisible():  # "discard the new …?" after typing
        item.done(0)
