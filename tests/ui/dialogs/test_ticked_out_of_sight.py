"""A ticked row is never out of sight silently (QA 141y): a check list names its ticked
rows that the search hides or that are scrolled away, under the list."""

from __future__ import annotations

from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.check_list import CheckList


def _note(check_list) -> str:
    label = check_list.out_of_sight_label
    return label.text() if label.isVisibleTo(check_list) else ""


def test_a_ticked_product_hidden_by_the_search_is_named(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    products = dialog.products_list
    qtbot.waitUntil(lambda: products.list.isVisible())
    assert products.checked_ids() == ["shock"]
    qtbot.wait(10)
    assert _note(products) == ""
    products.search.setText("mitt")
    qtbot.waitUntil(lambda: _note(products) != "")
    assert _note(products) == "Also ticked, out of sight: Super Sock It Pool Shock"
    products.search.clear()
    qtbot.waitUntil(lambda: _note(products) == "")


def test_a_ticked_row_scrolled_away_is_named_until_it_is_in_sight(qtbot):
    check_list = CheckList("manyList")
    qtbot.addWidget(check_list)
    check_list.set_items([(f"t{i}", f"Type {i}") for i in range(30)], ["t29"])
    check_list.list.setFixedHeight(check_list.list.rows_height(4))
    check_list.show()
    qtbot.waitExposed(check_list)
    check_list.list.scrollToTop()
    qtbot.waitUntil(lambda: _note(check_list) == "Also ticked, out of sight: Type 29")
    check_list.list.scrollToBottom()
    qtbot.waitUntil(lambda: _note(check_list) == "")
    check_list.setEnabled(False)  # a list turned off: its ticks count for nothing
    check_list.list.scrollToTop()
    qtbot.wait(20)
    assert _note(check_list) == ""
