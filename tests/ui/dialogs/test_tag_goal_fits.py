"""The tag goal editor is as tall as its content (QA: in a scroll area with its own scroll
bar, "Where it sits" cut mid-line above ~90 px of empty room kept for the problem box)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from canvas_app.domain.nodes import Node
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.tag_goal import TagGoalDialog


def new_tag_goal(qtbot, workspace, undo_stack) -> TagGoalDialog:
    """A tag goal just dropped on the canvas: no tag, not linked (the long placement help)."""
    workspace.campaign("checkup-onboarding").add_node(Node("new-goal", "tag_goal", "Tag goal"))
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "new-goal")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def settle(qtbot, dialog) -> None:
    """Until the layout requests (a tick changes a list's frame, a tag its rows) are
    handled: the window then has the height of its content."""
    bar = dialog.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: dialog.height() == dialog.content_height()
                    and not bar.isVisible(), timeout=2000)
    dialog.layout().activate()


def assert_everything_shown(dialog) -> None:
    area = dialog.scroll_area
    body = area.widget()
    assert not area.verticalScrollBar().isVisible()
    assert area.verticalScrollBar().maximum() == 0
    assert body.height() >= body.heightForWidth(body.width())
    for label in body.findChildren(QLabel):
        if label.isVisibleTo(dialog) and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    placement = dialog.findChild(QLabel, "placementHelp")
    bottom = placement.mapTo(area.viewport(), QPoint(0, placement.height())).y()
    assert bottom <= area.viewport().height()  # the last line in sight, whole


def empty_strip(dialog) -> int:
    """Pixels between the form's last widget and the next thing below it (the problem box,
    or the room kept for it while it is hidden)."""
    who = dialog.findChild(QLabel, "placementHelp").parentWidget()  # the last group box
    form_bottom = who.mapTo(dialog, QPoint(0, who.height())).y()
    below = dialog.problem_label
    assert below.isVisible() or below.sizePolicy().retainSizeWhenHidden()
    return below.mapTo(dialog, QPoint(0, 0)).y() - form_bottom


def test_opens_as_tall_as_its_content(qtbot, workspace, undo_stack):
    dialog = new_tag_goal(qtbot, workspace, undo_stack)
    settle(qtbot, dialog)
    assert dialog.problem_label.isVisible()  # "No tag is chosen"
    assert dialog.height() == dialog.content_height()
    assert_everything_shown(dialog)
    assert empty_strip(dialog) <= 2 * dialog.layout().spacing()


def test_keeps_its_height_when_the_problem_box_hides_and_shows(qtbot, workspace,
                                                               undo_stack):
    """The box's room is kept while it is hidden (QA10: the window shrank 43 px as the box
    hid, and Save moved from under the pointer); see test_qa10_save_stays_put."""
    dialog = new_tag_goal(qtbot, workspace, undo_stack)
    settle(qtbot, dialog)
    placement = dialog.findChild(QLabel, "placementHelp")
    where = placement.mapTo(dialog, QPoint(0, 0))
    tall = dialog.height()
    dialog.tag_list.set_checked("Customer")  # the problem box hides
    settle(qtbot, dialog)
    assert not dialog.problem_label.isVisible()
    assert dialog.height() == tall  # its room kept
    assert_everything_shown(dialog)
    assert empty_strip(dialog) <= 2 * dialog.layout().spacing()
    assert placement.mapTo(dialog, QPoint(0, 0)).y() <= where.y() + 2  # the form stays put
    dialog.tag_list.set_checked("Customer", False)  # and shows again in that room
    settle(qtbot, dialog)
    assert dialog.problem_label.isVisible()
    assert dialog.height() == tall
    assert_everything_shown(dialog)


def test_adding_tags_keeps_everything_in_sight(qtbot, workspace, undo_stack):
    dialog = new_tag_goal(qtbot, workspace, undo_stack)
    for tag in ("Gold", "Silver", "Bronze"):
        dialog.new_tag_edit.setText(tag)
        dialog.add_tag()
        settle(qtbot, dialog)
        assert_everything_shown(dialog)
    view = dialog.tag_list.list
    rows = [view.visualItemRect(view.item(i)) for i in range(view.count())]
    assert all(view.viewport().rect().contains(r) for r in rows), (  # 11 tags, none hidden
        dialog.height(), dialog.content_height(), dialog.screen().availableGeometry(),
        view.viewport().rect(), rows[-1], view.verticalScrollBar().value(),
        view.verticalScrollBar().maximum(), view.sizeHint(), view.minimumHeight())


def test_a_size_the_user_chose_is_kept(qtbot, workspace, undo_stack):
    dialog = new_tag_goal(qtbot, workspace, undo_stack)
    settle(qtbot, dialog)
    dialog.resize(dialog.width() + 40, dialog.height() + 100)
    qtbot.wait(20)
    chosen = dialog.size()
    dialog.tag_list.set_checked("Customer")
    qtbot.wait(50)
    assert dialog.size() == chosen
