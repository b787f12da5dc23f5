"""The tag goal dialog: pick existing tags or type new ones; one undo step; Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.tag_goal import TagGoalDialog

from .helpers import click, snapshot


def open_tag_goal(qtbot, workspace, undo_stack) -> TagGoalDialog:
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "visit-booked")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, TagGoalDialog)
    assert dialog.objectName() == "tagGoalDialog"
    return dialog


def test_offers_every_tag_of_the_workspace(qtbot, workspace, undo_stack):
    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    offered = dialog.tag_list.ids()
    # from a goal, a sequence step, action sets and a contact
    for tag in ("Visit booked", "Shock customer", "Customer", "Bought pool shock",
                "Newsletter"):
        assert tag in offered
    assert dialog.tag_list.checked_ids() == ["Visit booked"]


def test_save_existing_and_new_tags_then_undo(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    dialog.name_edit.setText("Visit booked or called")
    dialog.tag_list.set_checked("Customer")
    qtbot.keyClicks(dialog.new_tag_edit, "Called us")
    click(qtbot, dialog.add_tag_button)
    assert "Called us" in dialog.tag_list.checked_ids()
    dialog.any_contact_radio.setChecked(True)
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    node = workspace.campaign("checkup-onboarding").node("visit-booked")
    assert node.name == "Visit booked or called"
    assert sorted(node.config.tags) == ["Called us", "Customer", "Visit booked"]
    assert node.config.achieved_by == "any_contact"
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert snapshot(workspace) == before


def test_no_tag_keeps_save_disabled(qtbot, workspace, undo_stack):
    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    dialog.tag_list.set_checked("Visit booked", False)
    assert not dialog.save_button.isEnabled()
    assert "No tag is chosen" in dialog.problem_label.text()


def test_cancel_changes_nothing(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    dialog.tag_list.set_checked("Customer")
    click(qtbot, dialog.cancel_button)
    assert snapshot(workspace) == before
    assert undo_stack.count() == 0
