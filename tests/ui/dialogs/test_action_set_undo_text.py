"""The undo text of an action set's edit names the set plainly (QA 59: "Undo Edit
actions: Product: Solar Pool Cover", two colons)."""

from __future__ import annotations

from canvas_app.domain.steps import Step
from canvas_app.ui.dialogs.action_set import ActionSetDialog

from .helpers import add_step_of, click


def test_a_product_sets_undo_text_names_the_product_plainly(qtbot, workspace, undo_stack):
    dialog = ActionSetDialog(workspace, "product:shock")
    qtbot.addWidget(dialog)
    editor = dialog.steps_editor
    add_step_of(qtbot, editor, "notify_team")
    editor.form.message_edit.setText("Sold one")
    click(qtbot, dialog.save_button)
    dialog.push_to(undo_stack)
    text = undo_stack.undoText()
    assert text == 'Edit actions of product "Super Sock It Pool Shock"'
    assert text.count(":") == 0
    assert dialog.windowTitle() == 'Actions of product "Super Sock It Pool Shock"'


def test_a_default_sets_undo_text(qtbot, workspace, undo_stack):
    dialog = ActionSetDialog(workspace, "failed_purchase")
    qtbot.addWidget(dialog)
    add_step_of(qtbot, dialog.steps_editor, "notify_team")
    dialog.steps_editor.form.message_edit.setText("Call them")
    click(qtbot, dialog.save_button)
    dialog.push_to(undo_stack)
    assert undo_stack.undoText() == "Edit actions of Failed Purchase Action"


def test_a_default_sets_window_is_titled_by_the_set_and_copies_count_actions(
        qtbot, workspace, undo_stack):
    """QA: "Actions of Successful Purchase Action", and "On Login (Multi-Step Cart) (2)"
    in the copy box."""
    workspace.ecommerce.action_sets["on_login"] = [
        Step(kind="apply_tag", tag="Cart"), Step(kind="apply_tag", tag="Shopper")]
    dialog = ActionSetDialog(workspace, "successful_purchase")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Successful Purchase Action"
    titles = [dialog.copy_combo.itemText(i) for i in range(dialog.copy_combo.count())]
    assert "On Login (Multi-Step Cart) (2 actions)" in titles
