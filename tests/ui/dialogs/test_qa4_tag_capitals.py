"""QA4: a step's "Apply tag" (and an e-commerce action's) took "visit booked" silently
while the tag "Visit booked" exists, as a second tag that never meets the first; the tag
goal's "New tag" took the existing spelling and said so. The step and action tag fields now
do the same: the existing spelling is taken and the note under the field says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.action_set import ActionSetDialog

from .helpers import add_step_of, click

EXISTING = "Visit booked"  # a tag goal's tag in the sample


def shown_sequence(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "post-purchase")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # the keyboard's, as a window the user opened
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_tag(qtbot, form, text: str) -> None:
    """Clicks into the tag field and types ``text`` (no suggestion picked)."""
    qtbot.mouseClick(form.tag_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.tag_edit, text)
    popup = form.tag_edit.completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)  # the suggestions closed, text as typed


def test_a_step_tag_typed_in_other_capitals_takes_the_existing_spelling(
        qtbot, workspace, undo_stack) -> None:
    dialog = shown_sequence(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    form = editor.form
    add_step_of(qtbot, editor, "apply_tag")
    type_tag(qtbot, form, "visit booked")
    assert form.tag_edit.text() == "visit booked"  # as typed while typing
    qtbot.keyClick(form.tag_edit, Qt.Key.Key_Tab)  # done with the field
    assert form.tag_edit.text() == EXISTING
    qtbot.waitUntil(lambda: form.tag_note.isVisible())
    assert form.tag_note.text() == ('"visit booked" differs from the tag "Visit booked" '
                                    'only in capitals: took "Visit booked" instead of '
                                    "adding a second tag.")
    assert editor.list.currentItem().text().endswith(f'Apply tag "{EXISTING}"')
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    steps = workspace.campaign("shock-nurture").node("post-purchase").config.steps
    tags = [s.tag for s in steps]
    assert EXISTING in tags and not {"visit booked", "VISIT booked"} & set(tags)


def test_enter_on_a_respelled_tag_shows_it_before_saving(qtbot, workspace,
                                                         undo_stack) -> None:
    dialog = shown_sequence(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    form = editor.form
    add_step_of(qtbot, editor, "apply_tag")
    type_tag(qtbot, form, "VISIT booked")
    qtbot.keyClick(form.tag_edit, Qt.Key.Key_Return)
    assert form.tag_edit.text() == EXISTING
    assert dialog.isVisible() and form.tag_note.isVisibleTo(dialog)  # seen, not saved
    qtbot.keyClick(form.tag_edit, Qt.Key.Key_Return)  # the next Enter saves
    assert dialog.result() == QDialog.DialogCode.Accepted
    steps = workspace.campaign("shock-nurture").node("post-purchase").config.steps
    tags = [s.tag for s in steps]
    assert EXISTING in tags and not {"visit booked", "VISIT booked"} & set(tags)


def test_the_note_goes_at_the_next_key_and_a_new_tag_stays_as_typed(
        qtbot, workspace, undo_stack) -> None:
    dialog = shown_sequence(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    form = editor.form
    add_step_of(qtbot, editor, "remove_tag")
    type_tag(qtbot, form, "visit BOOKED")
    qtbot.keyClick(form.tag_edit, Qt.Key.Key_Tab)
    assert form.tag_edit.text() == EXISTING and form.tag_note.isVisibleTo(dialog)
    qtbot.mouseClick(form.tag_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(form.tag_edit, Qt.Key.Key_End)
    qtbot.keyClicks(form.tag_edit, " twice")
    assert not form.tag_note.isVisibleTo(dialog)
    qtbot.keyClick(form.tag_edit, Qt.Key.Key_Tab)
    assert form.tag_edit.text() == "Visit booked twice"  # no such tag: a new one
    assert not form.tag_note.isVisibleTo(dialog)


def test_an_action_tag_typed_in_other_capitals_takes_the_existing_spelling(
        qtbot, workspace) -> None:
    dialog = ActionSetDialog(workspace, "on_login")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    editor = dialog.steps_editor
    form = editor.form
    add_step_of(qtbot, editor, "apply_tag")
    type_tag(qtbot, form, "visit booked")
    qtbot.keyClick(form.tag_edit, Qt.Key.Key_Tab)
    assert form.tag_edit.text() == EXISTING
    assert "only in capitals" in form.tag_note.text() and form.tag_note.isVisibleTo(dialog)
    assert editor.form.step.tag == EXISTING
