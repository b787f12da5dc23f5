"""QA3 s31: pressing Add tag grew the tag goal editor by a row, so "Any contact" moved
~14 px down under the pointer and the click missed. The controls below the tag list stay
where they are: the list keeps its height and scrolls."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from canvas_app.domain.nodes import Node
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.tag_goal import TagGoalDialog

from .helpers import click

LONG_TAG = "VIP pool owner with a very long tag name that keeps going and going forever"


def opened(qtbot, workspace, undo_stack) -> TagGoalDialog:
    workspace.campaign("checkup-onboarding").add_node(Node("new-goal", "tag_goal", "Tag goal"))
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "new-goal")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)  # (let the window take its first size)
    return dialog


def where(dialog: TagGoalDialog) -> tuple[int, int]:
    radio = dialog.any_contact_radio
    return radio.mapTo(dialog, QPoint(0, 0)).y(), dialog.height()


def add(qtbot, dialog: TagGoalDialog, tag: str) -> None:
    dialog.new_tag_edit.setFocus()
    qtbot.keyClicks(dialog.new_tag_edit, tag)
    click(qtbot, dialog.add_tag_button)


def test_adding_tags_moves_nothing_below_the_list(qtbot, workspace, undo_stack) -> None:
    dialog = opened(qtbot, workspace, undo_stack)
    before = where(dialog)
    for tag in (LONG_TAG, "Autumn closer", "Winter closer", "Spring closer", "Other",
                "More", "Still more", "And more"):
        add(qtbot, dialog, tag)
        qtbot.wait(30)  # any layout request would be handled by now
        dialog.layout().activate()
        assert where(dialog) == before, tag
    assert len(dialog.tag_list.checked_ids()) == 8


def test_the_note_under_the_field_moves_nothing(qtbot, workspace, undo_stack) -> None:
    dialog = opened(qtbot, workspace, undo_stack)
    existing = dialog.tag_list.ids()[0]
    before = where(dialog)
    dialog.new_tag_edit.setFocus()
    qtbot.keyClicks(dialog.new_tag_edit, existing.upper())
    qtbot.keyClick(dialog.new_tag_edit, Qt.Key.Key_Return)
    assert dialog.new_tag_note.isVisible()
    qtbot.wait(30)
    dialog.layout().activate()
    assert where(dialog) == before
