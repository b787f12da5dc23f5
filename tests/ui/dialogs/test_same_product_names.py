"""Two products of one name (QA: the sample plus a copy of "mitt" with the id "mitt2"): the
Warnings panel says so; E-Commerce Actions' product search, the Catalog and the purchase
goal's lists show them apart ("Pool Scrubbing Mitt (mitt2)"), and the row picked is the
product used (the second row opened the first product's actions)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from canvas_app.domain.catalog import Category, Product
from canvas_app.domain.workspace import Workspace
from canvas_app.editing.controller import Controller
from canvas_app.ui.dialogs import open_ecommerce_actions, open_node_editor
from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.catalog_item import CatalogItemDialog
from canvas_app.ui.lint_panel import LintPanel

from .helpers import open_catalog
from .test_qa10_completer_enter import picked

SECOND = "Pool Scrubbing Mitt (mitt2)"


def add_second_mitt(workspace: Workspace) -> None:
    workspace.catalog.add_product(Product("mitt2", "Pool Scrubbing Mitt", "pool-care", 12.99))
    workspace.ecommerce.product_action_sets["mitt2"] = [
        action.copy() for action in workspace.ecommerce.actions("product:shock")]


def typed_mitt(qtbot, workspace, undo_stack):
    return picked(qtbot, workspace, undo_stack, "mitt")


def rows_of(popup) -> list[str]:
    model = popup.model()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def test_the_warnings_panel_names_the_two_products(qtbot, workspace, undo_stack):
    add_second_mitt(workspace)
    panel = LintPanel()
    qtbot.addWidget(panel)
    panel.bind(Controller(workspace, undo_stack))
    rows = [panel.item(i).text() for i in range(panel.count())]
    assert [row for row in rows if "are named" in row] == [
        'Warning: 2 products are named "Pool Scrubbing Mitt" (ids mitt and mitt2): goal '
        "summaries and the simulation's log cannot tell them apart (lists show their ids); "
        "rename one (Catalog)."]


def test_a_click_on_the_second_row_opens_the_second_products_actions(
        qtbot, workspace, undo_stack):
    add_second_mitt(workspace)
    window, popup = typed_mitt(qtbot, workspace, undo_stack)
    assert rows_of(popup) == ["Pool Scrubbing Mitt", SECOND]
    rect = popup.visualRect(popup.model().index(1, 0))
    QTest.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.set_dialog is not None and window.set_dialog.isVisible())
    assert window.set_dialog.key == "product:mitt2"
    assert window.product_edit.text() == SECOND
    assert window.set_dialog.windowTitle() == f'Actions of product "{SECOND}"'
    window.set_dialog.reject()


def test_enter_on_the_second_row_opens_the_second_products_actions(
        qtbot, workspace, undo_stack):
    add_second_mitt(workspace)
    window, popup = typed_mitt(qtbot, workspace, undo_stack)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.set_dialog is not None and window.set_dialog.isVisible())
    assert window.set_dialog.key == "product:mitt2"
    window.set_dialog.reject()
    window.product_edit.setText("Pool Scrubbing Mitt")  # the first row's text: the first
    assert window.chosen_product() == "mitt"


def test_the_list_of_product_sets_and_the_copy_list_tell_them_apart(
        qtbot, workspace, undo_stack):
    add_second_mitt(workspace)
    workspace.ecommerce.product_action_sets["mitt"] = [
        action.copy() for action in workspace.ecommerce.actions("product:checkup")]
    window = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(window)
    sets = window.product_sets
    rows = {sets.item(i).data(Qt.ItemDataRole.UserRole): sets.item(i).text()
            for i in range(sets.count())}
    assert rows["product:mitt"] == "Pool Scrubbing Mitt (2 actions)"
    assert rows["product:mitt2"] == f"{SECOND} (2 actions)"
    dialog = ActionSetDialog(workspace, "on_login")
    qtbot.addWidget(dialog)
    combo = dialog.copy_combo
    copies = [combo.itemText(i) for i in range(combo.count())]
    assert "Product: Pool Scrubbing Mitt (2 actions)" in copies
    assert f"Product: {SECOND} (2 actions)" in copies


def test_the_catalog_shows_them_apart_and_deletes_the_row_chosen(qtbot, workspace,
                                                                  undo_stack):
    add_second_mitt(workspace)
    workspace.catalog.add_category(Category("care2", "Pool care"))
    dialog = open_catalog(qtbot, workspace, undo_stack)
    table = dialog.tables["products"]
    names = {table.item(r, 0).data(Qt.ItemDataRole.UserRole): table.item(r, 0).text()
             for r in range(table.rowCount())}
    assert names["mitt"] == "Pool Scrubbing Mitt" and names["mitt2"] == SECOND
    categories = dialog.tables["categories"]
    assert sorted(categories.item(r, 0).text() for r in range(categories.rowCount())) == [
        "Chemicals", "Pool care", "Pool care (care2)", "Services"]
    dialog.select("products", "mitt2")
    box = dialog.delete_selected("products")
    assert f'The product "{SECOND}" is used by:' in box.text()
    box.button(box.StandardButton.Yes).click()
    assert "mitt2" not in workspace.catalog.products and "mitt" in workspace.catalog.products
    assert undo_stack.undoText() == f'Delete product "{SECOND}"'
    item = CatalogItemDialog(workspace.catalog, "products", workspace.catalog.products["mitt"])
    qtbot.addWidget(item)
    combo = item.category_combo
    assert [combo.itemText(i) for i in range(combo.count())][1:] == [
        "Pool care", "Chemicals", "Services", "Pool care (care2)"]


def test_the_purchase_goals_product_list_tells_them_apart_and_ticks_by_id(
        qtbot, workspace, undo_stack):
    add_second_mitt(workspace)
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    products = dialog.products_list
    labels = {products.list.item(i).data(Qt.ItemDataRole.UserRole):
              products.list.item(i).text() for i in range(products.list.count())}
    assert labels["mitt"] == "Pool Scrubbing Mitt" and labels["mitt2"] == SECOND
    products.set_checked("mitt2")
    assert "mitt2" in products.checked_ids() and "mitt" not in products.checked_ids()
