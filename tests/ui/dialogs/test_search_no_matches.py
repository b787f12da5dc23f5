"""A product or tag search that matches nothing says so in the list (QA m15: an empty
white box), and the words go when something matches again."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from canvas_app.ui.dialogs import open_node_editor


def _said_in(check_list) -> list[str]:
    """The texts shown over the list's rows."""
    viewport = check_list.list.viewport()
    return [label.text() for label in viewport.findChildren(QLabel)
            if label.isVisibleTo(check_list) and label.text()]


def test_a_product_search_without_a_match_says_no_matches(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    products = dialog.products_list
    qtbot.keyClicks(products.search, "zzz")
    assert products.visible_ids() == []
    assert _said_in(products) == ['No matches for "zzz".']
    products.search.setText("check")
    assert products.visible_ids() == ["checkup"]
    assert _said_in(products) == []
    products.search.clear()
    assert _said_in(products) == []


def test_a_tag_search_without_a_match_says_no_matches(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    tags = dialog.tag_list
    tags.search.setText("no such tag")
    assert _said_in(tags) == ['No matches for "no such tag".']
    tags.search.setText("visit")
    assert _said_in(tags) == []
