"""Delete and Backspace on a chosen row of the step list (sequence editor) and the action
list (action-set editor) remove it, as Remove (Alt+R) does; typed in a field of the form
they only edit its text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from canvas_app.ui.dialogs import open_node_editor

from .helpers import add_step_of, shown_action_set


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_keys_remove_the_chosen_step(qtbot, workspace, undo_stack, key):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "post-purchase")
    qtbot.addWidget(dialog)
    editor = dialog.steps_editor
    kinds = [s.kind for s in editor.steps()]
    editor.list.setCurrentRow(1)
    editor.list.setFocus()
    qtbot.keyClick(editor.list, key)
    assert [s.kind for s in editor.steps()] == kinds[:1] + kinds[2:]
    assert editor.list.currentRow() == 1  # the next row is chosen, as after Remove
    qtbot.keyClick(editor.list, key)  # again: the next one goes too
    assert [s.kind for s in editor.steps()] == kinds[:1] + kinds[3:]

    editor.list.setCurrentRow(0)  # an email: the key in its subject edits the text
    editor.form.subject_edit.setFocus()
    editor.form.subject_edit.end(False)
    count = len(editor.steps())
    qtbot.keyClick(editor.form.subject_edit, Qt.Key.Key_Backspace)
    assert len(editor.steps()) == count
    assert editor.steps()[0].subject == "How to shock your pool safely"[:-1]


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_keys_remove_the_chosen_action(qtbot, key):
    dialog = shown_action_set(qtbot)
    editor = dialog.steps_editor
    add_step_of(qtbot, editor, "notify_team")
    add_step_of(qtbot, editor, "apply_tag")
    editor.form.tag_edit.setText("VIP")
    qtbot.keyClick(editor.form.tag_edit, key)  # in the field: edits the tag
    assert len(editor.steps()) == 2 and editor.steps()[1].tag in ("VIP", "VI")
    editor.list.setCurrentRow(0)
    editor.list.setFocus()
    qtbot.keyClick(editor.list, key)
    assert [s.kind for s in editor.steps()] == ["apply_tag"]
