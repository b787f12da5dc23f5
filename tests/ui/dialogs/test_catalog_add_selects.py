"""Catalog: a row added or renamed takes its alphabetical place, is selected (Edit and
Delete apply to it) and is scrolled into view."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from canvas_app.domain.catalog import Product
from canvas_app.ui.dialogs.catalog_manager import ID_ROLE

from .helpers import click, open_catalog


def names(table) -> list[str]:
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def selected_name(dialog, section: str) -> str:
    item_id = dialog.selected_id(section)
    assert item_id is not None, "nothing selected"
    table = dialog.tables[section]
    return next(table.item(r, 0).text() for r in range(table.rowCount())
                if table.item(r, 0).data(ID_ROLE) == item_id)


def in_view(table, name: str) -> bool:
    row = names(table).index(name)
    rect = table.visualRect(table.model().index(row, 0))
    return table.viewport().rect().contains(rect)


def add(qtbot, dialog, section: str, name: str) -> None:
    dialog.tabs.setCurrentIndex(list(dialog.tables).index(section))
    click(qtbot, dialog.add_buttons[section])
    item = dialog.item_dialog
    qtbot.keyClicks(item.name_edit, name)
    click(qtbot, item.save_button)
    QApplication.processEvents()


@pytest.mark.parametrize("section", ["products", "categories", "order_forms",
                                     "payment_types"])
def test_an_added_row_is_in_its_place_selected(qtbot, workspace, undo_stack, section):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    add(qtbot, dialog, section, "Middling item")
    table = dialog.tables[section]
    shown = names(table)
    assert shown == sorted(shown, key=str.casefold)
    assert selected_name(dialog, section) == "Middling item"
    assert dialog.delete_buttons[section].isEnabled()
    if section != "payment_types":
        assert dialog.edit_buttons[section].isEnabled()
    assert in_view(table, "Middling item")


def test_a_new_row_far_down_is_scrolled_into_view(qtbot, workspace, undo_stack):
    for n in range(30):
        workspace.catalog.products[f"p{n}"] = Product(f"p{n}", f"Item {n:02d}")
    dialog = open_catalog(qtbot, workspace, undo_stack)
    table = dialog.tables["products"]
    table.scrollToTop()
    add(qtbot, dialog, "products", "Zebra float")
    assert names(table)[-1] == "Zebra float"
    assert selected_name(dialog, "products") == "Zebra float"
    assert in_view(table, "Zebra float")


def test_a_renamed_row_moves_to_its_place_and_stays_selected(qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    table = dialog.tables["products"]
    first = names(table)[0]
    dialog.select("products", table.item(0, 0).data(ID_ROLE))
    click(qtbot, dialog.edit_buttons["products"])
    item = dialog.item_dialog
    item.name_edit.setText("Zz last " + first)
    click(qtbot, item.save_button)
    QApplication.processEvents()
    assert names(table)[-1] == "Zz last " + first
    assert selected_name(dialog, "products") == "Zz last " + first
    assert in_view(table, "Zz last " + first)
