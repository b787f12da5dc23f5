"""QA4: the purchase goal's product search could not be left by the keyboard: Down did
nothing and Space was typed into the search (only Tab reached the list). Every search
over a list now behaves as the E-Commerce product search: Down goes to the first row
shown, Up to the last, Space ticks, Up on the first row goes back to the search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget

from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.widgets import ID_ROLE

from .helpers import open_catalog


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def current_id(check_list) -> str:
    return check_list.list.currentItem().data(ID_ROLE)


def test_down_and_space_tick_a_product_found_by_the_search(qtbot, workspace,
                                                           undo_stack) -> None:
    dialog = shown(qtbot, open_node_editor(None, workspace, undo_stack, "shock-nurture",
                                           "bought-shock"))
    products = dialog.products_list
    if not dialog.products_box.isChecked():
        qtbot.mouseClick(dialog.products_box, Qt.MouseButton.LeftButton)
    assert "mitt" not in products.checked_ids()
    qtbot.mouseClick(products.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(products.search, "mitt")
    qtbot.keyClick(products.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is products.list
    assert current_id(products) == "mitt"
    qtbot.keyClick(products.list, Qt.Key.Key_Space)
    assert products.search.text() == "mitt"  # no space typed into the search
    assert "mitt" in products.checked_ids()
    qtbot.keyClick(products.list, Qt.Key.Key_Up)  # the first row shown: back to the search
    assert QApplication.focusWidget() is products.search
    assert products.search.text() == "mitt"


def test_up_from_the_search_goes_to_the_last_row_shown(qtbot, workspace,
                                                       undo_stack) -> None:
    dialog = shown(qtbot, open_node_editor(None, workspace, undo_stack, "shock-nurture",
                                           "bought-shock"))
    products = dialog.products_list
    if not dialog.products_box.isChecked():
        qtbot.mouseClick(dialog.products_box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(products.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(products.search, "pool")
    shown_ids = products.visible_ids()
    assert len(shown_ids) > 1
    qtbot.keyClick(products.search, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is products.list
    assert current_id(products) == shown_ids[-1]
    qtbot.keyClick(products.list, Qt.Key.Key_Up)  # not the first: moves up in the list
    assert QApplication.focusWidget() is products.list
    assert current_id(products) == shown_ids[-2]


def test_the_tag_goals_search_leads_into_its_tags(qtbot, workspace, undo_stack) -> None:
    dialog = shown(qtbot, open_node_editor(None, workspace, undo_stack,
                                           "checkup-onboarding", "visit-booked"))
    tags = dialog.tag_list
    qtbot.mouseClick(tags.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tags.search, "cust")
    qtbot.keyClick(tags.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is tags.list
    first = tags.visible_ids()[0]
    assert current_id(tags) == first
    was = first in tags.checked_ids()
    qtbot.keyClick(tags.list, Qt.Key.Key_Space)
    assert (first in tags.checked_ids()) != was
    assert tags.search.text() == "cust"


def test_the_catalog_filter_leads_into_the_current_table(qtbot, workspace,
                                                         undo_stack) -> None:
    dialog = open_catalog(qtbot, workspace, undo_stack)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.mouseClick(dialog.filter, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.filter, "pool")
    table = dialog.tabs.currentWidget().findChild(QTableWidget)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is table
    first = next(r for r in range(table.rowCount()) if not table.isRowHidden(r))
    assert table.currentRow() == first and table.item(first, 0).isSelected()
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is dialog.filter
