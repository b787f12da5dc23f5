"""QA3 s10: a tag typed in a step not saved yet ("Summer lead" in step 3) was not suggested
when filling step 4's tag: the tag field suggests the tags of the editor's other steps."""

from __future__ import annotations

from canvas_app.ui.dialogs import open_node_editor

from .helpers import add_step_of

NEW_TAG = "Autumn closer"  # in no goal, step, action or contact of the sample


def suggestions(form) -> list[str]:
    completer = form.tag_edit.completer()
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_a_tag_typed_in_another_step_is_suggested(qtbot, workspace, undo_stack) -> None:
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "post-purchase")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.steps_editor
    form = editor.form
    add_step_of(qtbot, editor, "apply_tag")
    qtbot.keyClicks(form.tag_edit, NEW_TAG)
    add_step_of(qtbot, editor, "remove_tag")
    assert form.tag_edit.text() == ""
    qtbot.keyClicks(form.tag_edit, "autumn")
    qtbot.waitUntil(lambda: form.tag_edit.completer().popup().isVisible())
    assert suggestions(form) == [NEW_TAG]


def test_a_steps_own_tag_is_not_suggested_to_itself(qtbot, workspace, undo_stack) -> None:
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "post-purchase")
    qtbot.addWidget(dialog)
    editor = dialog.steps_editor
    form = editor.form
    add_step_of(qtbot, editor, "apply_tag")
    form.tag_edit.setText(NEW_TAG)
    row = editor.list.currentRow()
    editor.list.setCurrentRow(0)
    editor.list.setCurrentRow(row)
    form.tag_edit.completer().setCompletionPrefix("autumn")
    assert suggestions(form) == []
