"""A purchase goal editor that opens the Catalog drops what is deleted there (QA: the
deleted product stayed ticked, "not in the catalog", and kept Save disabled until the user
unticked an item that no longer existed)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from canvas_app.ui.dialogs.purchase_goal import PurchaseGoalDialog

from .helpers import click


def goal_editor(qtbot, workspace, undo_stack) -> PurchaseGoalDialog:
    dialog = PurchaseGoalDialog(workspace, "shock-nurture", "bought-shock",
                                undo_stack=undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def catalog_from_editor(qtbot, dialog: PurchaseGoalDialog, section: str):
    catalog = dialog.open_catalog(section)
    assert catalog is not None
    qtbot.waitExposed(catalog)
    return catalog


def close_catalog(qtbot, catalog) -> None:
    click(qtbot, catalog.close_button)
    qtbot.waitUntil(lambda: not catalog.isVisible())
    QApplication.processEvents()


def delete_in_catalog(qtbot, dialog: PurchaseGoalDialog, section: str, item_id: str) -> None:
    """From the editor: open the Catalog, delete the item (Delete in the question), close
    the Catalog."""
    catalog = catalog_from_editor(qtbot, dialog, section)
    catalog.select(section, item_id)
    box = catalog.delete_selected(section)
    assert box is not None
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: item_id not in getattr(dialog.workspace.catalog, section))
    close_catalog(qtbot, catalog)


def test_a_product_deleted_in_the_catalog_leaves_the_form(qtbot, workspace, undo_stack):
    dialog = goal_editor(qtbot, workspace, undo_stack)
    dialog.products_list.set_checked("mitt")  # the user's draft: shock and mitt
    assert dialog.products_list.checked_ids() == ["mitt", "shock"]
    delete_in_catalog(qtbot, dialog, "products", "shock")
    assert "shock" not in dialog.products_list.ids()
    assert dialog.products_list.checked_ids() == ["mitt"]
    assert dialog.problems() == []
    assert dialog.save_button.isEnabled()
    click(qtbot, dialog.save_button)
    assert dialog.result() == PurchaseGoalDialog.DialogCode.Accepted
    assert dialog.value() is not None
    assert dialog.value().config.products == ["mitt"]


def test_the_only_product_deleted_says_what_to_fix(qtbot, workspace, undo_stack):
    dialog = goal_editor(qtbot, workspace, undo_stack)
    delete_in_catalog(qtbot, dialog, "products", "shock")
    assert dialog.products_list.ids() == ["mitt", "stabilizer", "checkup"]
    messages = [p.message for p in dialog.problems()]
    # not 'no product "shock" in the catalog' but what the user can do: choose a product
    assert messages == ['the "Specific product purchase" option is ticked but no product '
                        "is chosen"]
    dialog.products_list.set_checked("checkup")
    assert dialog.save_button.isEnabled()


def test_a_deletion_undone_in_the_catalog_is_ticked_again(qtbot, workspace, undo_stack):
    dialog = goal_editor(qtbot, workspace, undo_stack)
    delete_in_catalog(qtbot, dialog, "products", "shock")
    assert dialog.products_list.checked_ids() == []
    catalog = catalog_from_editor(qtbot, dialog, "products")
    undo_stack.undo()  # the Catalog window's Undo: the product is back, in the goal too
    assert "shock" in workspace.catalog.products
    close_catalog(qtbot, catalog)
    assert dialog.products_list.checked_ids() == ["shock"]
    assert dialog.save_button.isEnabled()


def test_an_id_missing_when_the_editor_opened_stays_marked(qtbot, workspace, undo_stack):
    goal = workspace.campaign("shock-nurture").node("bought-shock")
    goal.config.products = ["shock", "diving-board"]  # as a hand-edited file may hold
    dialog = goal_editor(qtbot, workspace, undo_stack)
    delete_in_catalog(qtbot, dialog, "products", "shock")
    # the deleted product goes; the one the file named wrongly stays, for the user to see
    assert dialog.products_list.checked_ids() == ["diving-board"]
    assert [p.message for p in dialog.problems()] == ['no product "diving-board" in the '
                                                      "catalog"]
