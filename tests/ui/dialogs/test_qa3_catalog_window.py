"""QA3, the Catalog window: a filter box (Ctrl+F, Esc clears it) narrows every tab by name
as the canvas's Find compares names; the Name and "Used by" columns share the width (a long
name cut "Used by" to 'goal "Bought pool shock", i…'); two same-named goals of different
campaigns name their campaigns in "Used by"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from canvas_app.domain.catalog import OrderForm, Product
from canvas_app.domain.usage import copy_catalog
from canvas_app.editing.settings_commands import SetCatalogCommand
from canvas_app.ui.dialogs import open_catalog_manager
from canvas_app.ui.dialogs.catalog_manager import CatalogManagerDialog

LONG_NAME = "Deluxe Automatic Robotic Pool Cleaner with Wall Climbing and Remote Control"


def open_catalog(qtbot, workspace, undo_stack) -> CatalogManagerDialog:
    dialog = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CatalogManagerDialog)
    return dialog


def shown_names(table) -> list[str]:
    return [table.item(r, 0).text() for r in range(table.rowCount())
            if not table.isRowHidden(r)]


def test_ctrl_f_filters_every_tab_by_name_and_esc_clears(qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    products, forms = dialog.tables["products"], dialog.tables["order_forms"]
    products.setFocus()
    qtbot.keyClick(products, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.filter.hasFocus())
    qtbot.keyClicks(dialog.filter, "PÓOL  shock")  # case, accents and spaces ignored
    assert shown_names(products) == ["Super Sock It Pool Shock"]
    assert shown_names(forms) == ["Pool Shock Order Form"]
    assert dialog.tabs.tabText(0) == "&Products (1)"
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    assert dialog.filter.text() == ""
    assert dialog.isVisible()  # Esc cleared the filter; it did not close the window
    assert len(shown_names(products)) == products.rowCount() == 4
    assert dialog.tabs.tabText(0) == "&Products"


def test_a_hidden_selected_row_is_unselected_and_new_rows_are_filtered(
        qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    dialog.tables["products"].selectRow(3)  # Weekly Pool Checkup
    assert dialog.edit_buttons["products"].isEnabled()
    dialog.filter.setText("mitt")
    assert dialog.selected_id("products") is None
    assert not dialog.edit_buttons["products"].isEnabled()
    catalog = workspace.catalog
    product = Product("pool-mitt-xl", "Pool Mitt XL", next(iter(catalog.categories)), 3.0)
    after = copy_catalog(catalog)
    after.products[product.id] = product
    after.products["other"] = Product("other", "Chlorine Tabs", product.category, 1.0)
    undo_stack.push(SetCatalogCommand(workspace, catalog, after, "Add"))
    qtbot.waitUntil(lambda: dialog.tables["products"].rowCount() == 6)
    assert shown_names(dialog.tables["products"]) == ["Pool Mitt XL", "Pool Scrubbing Mitt"]


def test_name_and_used_by_share_the_width(qtbot, workspace, undo_stack):
    catalog = workspace.catalog
    shock = next(p for p in catalog.products.values() if p.name == "Super Sock It Pool Shock")
    catalog.products["long"] = Product("long", LONG_NAME * 2, shock.category, 1299.5)
    catalog.order_forms["long-form"] = OrderForm("long-form", LONG_NAME, True)
    dialog = open_catalog(qtbot, workspace, undo_stack)
    dialog.resize(820, 440)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(820, 440)
    products = dialog.tables["products"]
    metrics = QFontMetrics(products.font())
    row = next(r for r in range(products.rowCount()) if products.item(r, 0).data(
        Qt.ItemDataRole.UserRole) == shock.id)
    used = products.item(row, 4).text()
    qtbot.waitUntil(lambda: products.columnWidth(4) >= metrics.horizontalAdvance(used))
    assert products.columnWidth(0) < metrics.horizontalAdvance(LONG_NAME)  # cut, not Used by

    dialog.tabs.setCurrentIndex(2)
    forms = dialog.tables["order_forms"]
    qtbot.waitUntil(lambda: forms.viewport().width() > 0)
    # "Used by" is empty: the name has all the room but the header's
    header = QFontMetrics(forms.horizontalHeader().font()).horizontalAdvance("Used by")
    qtbot.waitUntil(lambda: forms.columnWidth(0) + forms.columnWidth(1) + header + 10
                    >= forms.viewport().width()
                    or forms.columnWidth(0) >= metrics.horizontalAdvance(LONG_NAME))
    assert forms.columnWidth(0) > 320  # more than a column's old cap


def test_used_by_names_the_campaign_of_same_named_goals(qtbot, workspace, undo_stack):
    first, second = workspace.campaigns[:2]
    goal = next(n for n in first.nodes if n.name == "Bought pool shock")
    second.add_node(goal.copy(id="bought-shock-2", x=goal.x + 400))
    dialog = open_catalog(qtbot, workspace, undo_stack)
    products = dialog.tables["products"]
    texts = [products.item(r, 4).text() for r in range(products.rowCount())]
    shock = next(t for t in texts if "Bought pool shock" in t)
    assert f'goal "Bought pool shock" ({first.name})' in shock
    assert f'goal "Bought pool shock" ({second.name})' in shock
    # a goal whose name no other campaign's goal has reads as before
    assert any(t.startswith('goal "Subscribed to checkup", ') for t in texts)
