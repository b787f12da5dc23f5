"""QA4: the Catalog window lists products and payment types alphabetically, the purchase
goal editor listed them in the order they were added (a new "Chlorine Tablets" or "Bank
transfer" came last). The editor's lists now show the Catalog's order; what is saved keeps
the workspace's own order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableWidget

from canvas_app.domain.catalog import Category, OrderForm, Product
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.catalog_manager import TABS

from .helpers import click, open_catalog


def grow_catalog(workspace) -> None:
    catalog = workspace.catalog
    catalog.add_product(Product("chlorine", "Chlorine Tablets", "chemicals", 19.5))
    catalog.add_product(Product("algae", "Élan Algae Stop", "chemicals", 9.0))
    catalog.add_category(Category("accessories", "Accessories"))
    catalog.add_order_form(OrderForm("autumn", "Autumn Order Form"))
    catalog.payment_types.append("bank_transfer")


def rows(check_list) -> list[str]:
    view = check_list.list
    return [view.item(i).text() for i in range(view.count())]


def catalog_rows(dialog, section: str) -> list[str]:
    table = dialog.findChild(QTableWidget, TABS[section][2])
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def test_the_editors_lists_are_in_the_catalogs_order(qtbot, workspace, undo_stack) -> None:
    grow_catalog(workspace)
    catalog = open_catalog(qtbot, workspace, undo_stack)
    shown_in_catalog = {section: catalog_rows(catalog, section) for section in TABS}
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert rows(dialog.products_list) == shown_in_catalog["products"]
    assert rows(dialog.products_list)[:2] == ["Chlorine Tablets", "Élan Algae Stop"]
    assert rows(dialog.categories_list) == shown_in_catalog["categories"]
    assert rows(dialog.payment_list) == shown_in_catalog["payment_types"]
    assert rows(dialog.payment_list)[-1] != "Bank transfer"  # not last, as added
    forms = [row.removesuffix(" (legacy)") for row in rows(dialog.order_forms_list)]
    assert forms == shown_in_catalog["order_forms"]


def test_what_is_saved_keeps_the_workspaces_order(qtbot, workspace, undo_stack) -> None:
    grow_catalog(workspace)
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    products = dialog.products_list
    if not dialog.products_box.isChecked():
        click(qtbot, dialog.products_box)
    view = products.list
    for name in ("Chlorine Tablets", "Pool Scrubbing Mitt"):
        item = view.findItems(name, Qt.MatchFlag.MatchExactly)[0]
        view.scrollToItem(item)
        rect = view.visualItemRect(item)
        check = view.style().subElementRect(view.style().SubElement.SE_ItemViewItemCheckIndicator,
                                            _option(view, rect), view)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=check.center())
    assert set(products.checked_ids()) == {"shock", "chlorine", "mitt"}
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = workspace.campaign("shock-nurture").node("bought-shock").config.products
    order = list(workspace.catalog.products)
    assert saved == sorted(saved, key=order.index)  # the workspace's order, as before


def _option(view, rect):
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = rect
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    return option
