"""The purchase options are named as the reference article "Configure Purchase" names them
(Order form, Any Purchase, Specific Product Purchase, Product in a Specific Category
Purchase), in sentence case (QA 02: the last one lacked "purchase")."""

from __future__ import annotations

from canvas_app.ui.dialogs import open_node_editor

ARTICLE_OPTIONS = ["Order form", "Any Purchase", "Specific Product Purchase",
                   "Product in a Specific Category Purchase"]


def test_the_option_labels_are_the_articles_names(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    labels = [box.text().replace("&", "") for box in (
        dialog.order_forms_box, dialog.any_box, dialog.products_box, dialog.categories_box)]
    assert [label.casefold() for label in labels] == [o.casefold() for o in ARTICLE_OPTIONS]
    assert all(label[0].isupper() and label[1:] == label[1:].lower() for label in labels)
