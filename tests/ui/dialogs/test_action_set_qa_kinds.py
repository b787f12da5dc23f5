"""The action-set editor (QA): another kind chosen and the first again gives the action its
fields back; a ticked delay of 0 says the real minimum in any unit; "Add copies" selects
the first copy."""

from __future__ import annotations

from datetime import timedelta

import pytest

from canvas_app.domain.steps import Step
from canvas_app.ui.dialogs.action_set import ActionSetDialog

from .helpers import click, delayed_action

NOTE = "A card was declined: call the customer"


def failed_purchase(qtbot, workspace) -> ActionSetDialog:
    dialog = ActionSetDialog(workspace, "failed_purchase")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose_kind(form, kind: str) -> None:
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(kind))


def test_a_kind_chosen_again_gets_its_fields_back(qtbot, workspace):
    dialog = failed_purchase(qtbot, workspace)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(0)  # Notify team
    form = editor.form
    assert form.message_edit.text() == NOTE
    choose_kind(form, "apply_tag")
    form.tag_edit.setText("Declined")
    assert editor.steps()[0] == Step(kind="apply_tag", tag="Declined")  # its kind's only
    choose_kind(form, "set_contact_type")
    choose_kind(form, "notify_team")
    assert form.message_edit.text() == NOTE
    assert editor.steps()[0] == Step(kind="notify_team", message=NOTE)
    choose_kind(form, "apply_tag")
    assert form.tag_edit.text() == "Declined"


def test_each_action_keeps_its_own_and_another_action_shown_between(qtbot, workspace):
    dialog = failed_purchase(qtbot, workspace)
    editor = dialog.steps_editor
    form = editor.form
    editor.list.setCurrentRow(0)
    choose_kind(form, "send_email")  # the message set aside; a new email
    editor.list.setCurrentRow(1)  # the email about the payment
    choose_kind(form, "notify_team")
    assert form.message_edit.text() == ""  # not the other action's message
    editor.list.setCurrentRow(0)
    choose_kind(form, "notify_team")
    assert form.message_edit.text() == NOTE
    assert dialog.value() is None  # action 2 has no message yet: nothing saved of others
    editor.list.setCurrentRow(1)
    choose_kind(form, "send_email")
    assert form.subject_edit.text() == "There was a problem with your payment"
    assert dialog.value() == workspace.ecommerce.actions("failed_purchase")


@pytest.mark.parametrize("unit", [60, 3600, 86400, 604800])
def test_a_ticked_delay_of_zero_says_more_than_zero_in_any_unit(qtbot, unit):
    dialog, amount = delayed_action(qtbot)
    unit_box = dialog.steps_editor.form.delay_edit.unit
    unit_box.setCurrentIndex(unit_box.findData(unit))
    amount.set_text("0")
    assert amount.problem() == "the delay must be more than 0"
    assert "Action 1: The delay must be more than 0" in dialog.problem_label.text()
    assert dialog.steps_editor.list.item(0).text().endswith(
        "(delay \N{EM DASH} must be more than 0)")


def test_a_delay_in_seconds_from_a_file_says_the_same(qtbot):
    dialog, amount = delayed_action(qtbot)
    form = dialog.steps_editor.form
    form.delay_edit.set_value(timedelta(seconds=30))  # PT30S
    assert form.delay_edit.unit.currentData() == 1
    amount.set_text("0")
    assert amount.problem() == "the delay must be more than 0"


def test_add_copies_selects_the_first_copy(qtbot, workspace):
    dialog = ActionSetDialog(workspace, "successful_purchase")  # 3 actions
    qtbot.addWidget(dialog)
    dialog.resize(dialog.width(), dialog.minimumHeight())
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)
    editor.form.subject_edit.setFocus()
    combo = dialog.copy_combo
    combo.setCurrentIndex(combo.findData("failed_purchase"))
    click(qtbot, dialog.copy_button)
    assert [s.kind for s in editor.steps()][3:] == ["notify_team", "send_email"]
    assert editor.list.currentRow() == 3
    assert editor.form.message_edit.text() == NOTE  # the form shows the first copy
    first = editor.list.item(3)
    assert editor.list.viewport().rect().intersects(editor.list.visualItemRect(first))


def test_with_nothing_to_copy_the_box_says_why(qtbot) -> None:
    """QA 23b: in a new workspace "Copy the actions of:" was an empty greyed box."""
    from canvas_app.domain.workspace import Workspace

    dialog = ActionSetDialog(Workspace(), "successful_purchase")
    qtbot.addWidget(dialog)
    assert not dialog.copy_combo.isEnabled() and not dialog.copy_button.isEnabled()
    assert dialog.copy_combo.placeholderText() == "no other action set has actions yet"
    assert "add actions to one" in dialog.copy_combo.toolTip()


def test_with_sets_to_copy_from_there_is_no_placeholder(qtbot, workspace) -> None:
    dialog = failed_purchase(qtbot, workspace)
    assert dialog.copy_combo.count() > 0 and dialog.copy_combo.placeholderText() == ""
