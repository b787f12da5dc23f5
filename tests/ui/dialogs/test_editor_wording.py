"""Wording and looks of the step, action and tag goal editors after QA: units read with
their amount, a maximum says its unit, the duplicate-tag note is a line of its own, an
empty subject is framed red as an empty name is, a wait of 0 reads well and is explained,
and the tag goal asks the user to do what its form offers (tick or type)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from canvas_app.ui.dialogs import open_node_editor

from .helpers import add_step_of, click, frame_edge, red_frame_drawn, shown_action_set


def open_sequence(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "nurture")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_over(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def unit_texts(duration_edit) -> list[str]:
    return [duration_edit.unit.itemText(i) for i in range(duration_edit.unit.count())]


def test_units_read_with_the_amount(qtbot, workspace, undo_stack):
    dialog = open_sequence(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)  # Delay 2 days
    duration = editor.form.duration_edit
    assert unit_texts(duration) == ["minutes", "hours", "days", "weeks"]
    type_over(qtbot, duration.amount, "1")
    assert unit_texts(duration) == ["minute", "hour", "day", "week"]
    assert duration.unit.currentText() == "day"
    assert editor.list.item(1).text() == "2. Delay 1\N{NO-BREAK SPACE}day"
    type_over(qtbot, duration.amount, "0")
    assert unit_texts(duration) == ["minutes", "hours", "days", "weeks"]


def test_a_wait_of_seconds_from_a_file_reads_1_second(qtbot, workspace, undo_stack):
    from datetime import timedelta

    node = workspace.campaign("shock-nurture").node("nurture")
    node.config.steps[1].duration = timedelta(seconds=61)
    dialog = open_sequence(qtbot, workspace, undo_stack)
    dialog.steps_editor.list.setCurrentRow(1)
    duration = dialog.steps_editor.form.duration_edit
    assert (duration.amount.text(), duration.unit.currentText()) == ("61", "seconds")
    type_over(qtbot, duration.amount, "1")
    assert duration.unit.currentText() == "second"


@pytest.mark.parametrize(("unit", "words"), [("days", "730,500 days"),
                                             ("hours", "1,000,000 hours")])
def test_the_most_a_wait_can_be_says_its_unit(qtbot, workspace, undo_stack, unit, words):
    dialog = open_sequence(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)
    duration = editor.form.duration_edit
    duration.unit.setCurrentIndex(duration.unit.findText(unit))
    type_over(qtbot, duration.amount, "2000000")
    assert f"Step 2: The wait can be at most {words}" in dialog.problem_label.text()
    shown = words.replace(" ", "\N{NO-BREAK SPACE}")  # the unit kept with its number
    assert editor.list.item(1).text() == f"2. Delay \N{EM DASH} can be at most {shown}"
    assert not dialog.save_button.isEnabled()


def test_a_tag_already_listed_is_said_under_the_field(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.new_tag_note
    assert not note.isVisible()
    qtbot.keyClicks(dialog.new_tag_edit, "Customer")
    qtbot.keyClick(dialog.new_tag_edit, Qt.Key.Key_Return)
    assert "Customer" in dialog.tag_list.checked_ids()
    assert note.isVisible() and note.text() == '"Customer" is already in the list: ticked it.'
    assert dialog.new_tag_edit.placeholderText() == "New tag, e.g. Visit booked"
    # the whole note shows: the window made room for it
    qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()))
    assert note.mapTo(dialog, note.rect().bottomLeft()).y() < dialog.buttons.y()
    qtbot.keyClicks(dialog.new_tag_edit, "N")
    assert not note.isVisible()


def test_no_tag_asks_for_what_the_form_offers(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    dialog.tag_list.set_checked("Visit booked", False)
    assert dialog.problem_label.text() == ("No tag is ticked: tick at least one tag, or type "
                                           "a new one and press Add tag")


def test_an_empty_subject_is_framed_red_as_an_empty_name(qtbot, workspace, undo_stack):
    dialog = open_sequence(qtbot, workspace, undo_stack)
    form = dialog.steps_editor.form
    subject = form.subject_edit
    assert not red_frame_drawn(subject)
    type_over(qtbot, subject, "")
    assert red_frame_drawn(subject)
    type_over(qtbot, dialog.name_edit, "")
    assert red_frame_drawn(dialog.name_edit)
    # the same look: a 2 px red border on the field
    assert frame_edge(subject) == frame_edge(dialog.name_edit)
    # another step (fine) shows no frame; back on the empty one, it is there again
    dialog.steps_editor.list.setCurrentRow(2)
    assert not red_frame_drawn(subject)
    dialog.steps_editor.list.setCurrentRow(0)
    assert red_frame_drawn(subject)
    qtbot.keyClicks(subject, "Hello")
    assert not red_frame_drawn(subject)


@pytest.mark.parametrize(("kind", "field"), [("apply_tag", "tag_edit"),
                                             ("notify_team", "message_edit"),
                                             ("send_email", "subject_edit")])
def test_an_empty_action_field_is_framed_red(qtbot, kind, field):
    dialog = shown_action_set(qtbot)
    add_step_of(qtbot, dialog.steps_editor, kind)
    edit = getattr(dialog.steps_editor.form, field)
    assert red_frame_drawn(edit)
    qtbot.keyClicks(edit, "x")
    assert not red_frame_drawn(edit)


def test_a_wait_of_0_reads_well_and_is_explained(qtbot, workspace, undo_stack):
    """The SPEC lets a delay hold for its duration, 0 included (the file format takes 0
    minutes): it is kept, and the editor says what it does."""
    dialog = open_sequence(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)
    form = editor.form
    type_over(qtbot, form.duration_edit.amount, "0")
    assert editor.list.item(1).text() == "2. Delay of 0 (no wait)"
    QApplication.processEvents()
    assert form.warning_label.isVisible()
    assert form.warning_label.text().startswith("A wait of 0 holds no one")
    type_over(qtbot, form.duration_edit.amount, "3")
    assert not form.warning_label.isVisible()
    type_over(qtbot, form.duration_edit.amount, "0")
    click(qtbot, dialog.save_button)
    steps = workspace.campaign("shock-nurture").node("nurture").config.steps
    assert steps[1].kind == "delay" and steps[1].duration.total_seconds() == 0
