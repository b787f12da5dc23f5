"""An editor opened and closed on a goal whose ticked ids were saved in another order than
its list shows has no changes (QA 21: Esc asked to discard changes, and Save recorded an
edit that only reordered the tags); tags are listed as people sort them, a typed one in
its place."""

from __future__ import annotations

from canvas_app.domain.node_edit import workspace_tags
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.purchase_goal import PurchaseGoalDialog
from canvas_app.ui.dialogs.tag_goal import TagGoalDialog

from .helpers import click


def test_tags_saved_out_of_the_list_order_are_no_change(qtbot, workspace, undo_stack):
    node = workspace.campaign("checkup-onboarding").node("visit-booked")
    node.config.tags = ["Visit booked", "Customer"]  # the list shows Customer first
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, TagGoalDialog)
    assert dialog.tag_list.ids().index("Customer") < dialog.tag_list.ids().index(
        "Visit booked")
    assert not dialog.has_changes()
    assert dialog.tag_list.checked_ids() == ["Visit booked", "Customer"]
    dialog.tag_list.set_checked("Newsletter")  # other ticks: in the list's order
    assert dialog.tag_list.checked_ids() == ["Customer", "Newsletter", "Visit booked"]
    dialog.tag_list.set_checked("Newsletter", False)
    assert not dialog.has_changes()
    click(qtbot, dialog.save_button)
    assert node.config.tags == ["Visit booked", "Customer"]


def test_payment_types_saved_out_of_the_list_order_are_no_change(qtbot, workspace,
                                                                 undo_stack):
    node = workspace.campaign("checkup-onboarding").node("subscribed")
    ids = ["paypal", "credit_card"]  # the catalog lists credit_card first
    node.config.payment_types = list(ids)
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "subscribed")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, PurchaseGoalDialog)
    assert not dialog.has_changes()
    assert dialog.payment_list.checked_ids() == ids


def test_tags_sort_as_people_sort_and_a_typed_one_goes_in_its_place(qtbot, workspace,
                                                                   undo_stack):
    node = workspace.campaign("checkup-onboarding").node("visit-booked")
    node.config.tags = ["Visit booked", "left-review", "VIP"]
    tags = workspace_tags(workspace)
    assert tags == sorted(tags, key=str.casefold)
    assert tags.index("left-review") < tags.index("VIP") < tags.index("Visit booked")
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.new_tag_edit, "maybe later")
    click(qtbot, dialog.add_tag_button)
    shown = dialog.tag_list.ids()
    assert shown == sorted(shown, key=str.casefold)
    assert shown.index("left-review") < shown.index("maybe later") < shown.index("VIP")
    assert dialog.tag_list.checked_ids() == ["Visit booked", "left-review", "VIP",
                                             "maybe later"]  # as given when it was added
