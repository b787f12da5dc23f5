"""The tag goal's list is outlined in red while no tag is ticked, as the purchase goal's
lists are (QA 20/22 against 02)."""

from __future__ import annotations

from canvas_app.ui.dialogs import open_node_editor

from .helpers import red_frame_drawn


def test_no_tag_ticked_outlines_the_tag_list_in_red(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    tag_list = dialog.tag_list.list
    assert not tag_list.property("invalid")
    dialog.tag_list.set_checked("Visit booked", False)
    assert "No tag is ticked" in dialog.problem_label.text()
    assert red_frame_drawn(tag_list)
    assert tag_list.accessibleDescription() == "has a problem"
    dialog.tag_list.set_checked("Customer")
    assert not tag_list.property("invalid") and not red_frame_drawn(tag_list)
