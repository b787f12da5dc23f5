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


def _label(button) -> str:
    return button.text().replace("&", "").rstrip(":")


def test_every_option_error_names_the_option_as_the_dialog_labels_it(qtbot, workspace,
                                                                     undo_stack):
    """QA: "The product option is selected but no product is chosen" named no check box
    of the dialog; each error names its option by the label the user sees (R11)."""
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    pairs = [(dialog.order_forms_box, dialog.order_forms_list),
             (dialog.products_box, dialog.products_list),
             (dialog.categories_box, dialog.categories_list)]
    for box, chooser in pairs:
        for item_id in chooser.checked_ids():
            chooser.set_checked(item_id, False)
        box.setChecked(True)
    dialog.some_payment.setChecked(True)
    for item_id in dialog.payment_list.checked_ids():
        dialog.payment_list.set_checked(item_id, False)
    lines = dialog.problem_label.text().splitlines()
    for box, _chooser in pairs:
        assert any(f'"{_label(box)}" option is ticked' in line for line in lines), lines
    assert any(f'"{_label(dialog.some_payment)}" is chosen' in line
               and f'"{_label(dialog.any_payment)}"' in line for line in lines), lines
    assert not any("option is selected" in line for line in lines)  # the file's words
    # with no option ticked at all, the message lists the four labels
    for box, _chooser in pairs:
        box.setChecked(False)
    text = dialog.problem_label.text()
    for box in (dialog.order_forms_box, dialog.any_box, dialog.products_box,
                dialog.categories_box):
        assert f'"{_label(box)}"' in text, text
    assert not dialog.save_button.isEnabled()
