"""The sequence editor: every step kind with its fields, reordering, one undo step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QDialog

from canvas_app.domain.steps import STEP_KINDS
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.sequence_editor import SequenceEditorDialog

from .helpers import add_step_of, click, snapshot


def open_sequence(qtbot, workspace, undo_stack, node="post-purchase") -> SequenceEditorDialog:
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", node)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, SequenceEditorDialog)
    return dialog


def test_shows_the_steps_in_order(qtbot, workspace, undo_stack):
    dialog = open_sequence(qtbot, workspace, undo_stack)
    texts = [dialog.steps_editor.list.item(i).text()
             for i in range(dialog.steps_editor.list.count())]
    assert texts == ['1. Send email "How to shock your pool safely"',
                     "2. Delay 1\N{NO-BREAK SPACE}week",
                     '3. Send email "Time for a weekly checkup?"',
                     '4. Apply tag "Shock customer"']
    form = dialog.steps_editor.form
    assert form.subject_edit.text() == "How to shock your pool safely"
    dialog.steps_editor.list.setCurrentRow(1)
    assert form.duration_edit.amount.value() == 1
    assert form.duration_edit.unit.currentText() == "week"  # "1 week", not "1 weeks"
    assert form.subject_edit.isHidden() and not form.duration_edit.isHidden()


def test_every_step_kind_can_be_added_and_saved(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_sequence(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    form = editor.form
    editor.list.setCurrentRow(editor.list.count() - 1)
    for kind in STEP_KINDS:
        editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData(kind))
        click(qtbot, editor.add_button)
        assert form.kind_combo.currentData() == kind
        if kind == "email":
            qtbot.keyClicks(form.subject_edit, "Last chance")
        elif kind == "delay":
            form.duration_edit.amount.setValue(3)
            form.duration_edit.unit.setCurrentText("hours")
        elif kind == "wait_until":
            form.until_edit.set_value(datetime(2027, 3, 1, 9, 30, tzinfo=UTC))
        elif kind in ("apply_tag", "remove_tag"):
            form.tag_edit.setText("Pool owner")
        elif kind == "notify_team":
            form.message_edit.setText("Call them")
        elif kind == "set_contact_type":
            form.contact_type_combo.setCurrentText("partner")
    dialog.runs_check.setChecked(True)
    assert dialog.save_button.isEnabled(), dialog.problem_label.text()
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    config = workspace.campaign("shock-nurture").node("post-purchase").config
    assert config.runs_until_completed
    added = config.steps[4:]
    assert [s.kind for s in added] == list(STEP_KINDS)
    assert added[0].subject == "Last chance"
    assert added[1].duration == timedelta(hours=3)
    assert added[2].until == datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
    assert added[3].tag == "Pool owner" and added[4].tag == "Pool owner"
    assert added[5].message == "Call them"
    assert added[6].contact_type == "partner"
    assert all(s.subject is None for s in added[1:])
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert snapshot(workspace) == before


def test_a_past_wait_until_is_warned_about(qtbot, workspace, undo_stack):
    dialog = open_sequence(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData("wait_until"))
    click(qtbot, editor.add_button)
    warning = editor.form.warning_label
    assert warning.isHidden()  # tomorrow 09:00 UTC
    editor.form.until_edit.set_value(datetime(2020, 1, 1, tzinfo=UTC))
    assert not warning.isHidden() and "already passed" in warning.text()
    assert dialog.save_button.isEnabled()  # a warning, not an error (lint)
    # the box under the form says it too, as the Warnings panel will once it is saved, not
    # "No problems in these settings." (QA 23g)
    row = editor.list.currentRow()
    label = dialog.problem_label
    assert label.isVisible() and not label.property("invalid")
    assert label.text() == (f"Step {row + 1}: Waits until 2020-01-01 00:00 UTC, which has "
                            "passed: live contacts will go straight through")
    editor.form.until_edit.set_value(datetime(2999, 1, 1, tzinfo=UTC))
    assert label.isHidden()


def test_a_step_missing_its_field_keeps_save_disabled(qtbot, workspace, undo_stack):
    dialog = open_sequence(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData("email"))
    click(qtbot, editor.add_button)
    assert not dialog.save_button.isEnabled()
    assert 'Step 2: "Send email" needs a subject' in dialog.problem_label.text()
    editor.form.subject_edit.setText("Hello")
    assert dialog.save_button.isEnabled()


def test_changing_the_kind_drops_fields_that_no_longer_apply(qtbot, workspace, undo_stack):
    dialog = open_sequence(qtbot, workspace, undo_stack)
    form = dialog.steps_editor.form
    dialog.steps_editor.list.setCurrentRow(3)  # apply tag "Shock customer"
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("remove_tag"))
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("delay"))
    click(qtbot, dialog.save_button)
    step = workspace.campaign("shock-nurture").node("post-purchase").config.steps[3]
    assert step.kind == "delay" and step.tag is None and step.duration == timedelta(days=1)


def test_move_buttons_and_remove(qtbot, workspace, undo_stack):
    dialog = open_sequence(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(0)
    assert not editor.up_button.isEnabled()
    click(qtbot, editor.down_button)
    click(qtbot, editor.down_button)
    assert editor.list.currentRow() == 2
    editor.list.setCurrentRow(3)
    click(qtbot, editor.remove_button)
    click(qtbot, dialog.save_button)
    steps = workspace.campaign("shock-nurture").node("post-purchase").config.steps
    assert [s.describe() for s in steps] == [
        "Delay 1 week", 'Send email "Time for a weekly checkup?"',
        'Send email "How to shock your pool safely"']


def test_drag_reorder_in_the_model_is_saved(qtbot, workspace, undo_stack):
    """Dragging moves rows inside the list's model; the editor follows the model's order."""
    dialog = open_sequence(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    model = editor.list.model()
    assert model.moveRow(model.index(0, 0).parent(), 3, model.index(0, 0).parent(), 0)
    assert editor.list.item(0).text().startswith('1. Apply tag "Shock customer"')
    click(qtbot, dialog.save_button)
    steps = workspace.campaign("shock-nurture").node("post-purchase").config.steps
    assert steps[0].kind == "apply_tag" and len(steps) == 4


def test_cancel_changes_nothing(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_sequence(qtbot, workspace, undo_stack)
    dialog.steps_editor.list.setCurrentRow(0)
    click(qtbot, dialog.steps_editor.remove_button)
    dialog.runs_check.setChecked(True)
    click(qtbot, dialog.cancel_button)
    assert snapshot(workspace) == before
    assert undo_stack.count() == 0


def test_enter_saves_and_never_presses_another_button(qtbot, workspace, undo_stack):
    from PySide6.QtCore import Qt

    dialog = open_sequence(qtbot, workspace, undo_stack)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.steps_editor
    steps_before = editor.list.count()
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData("email"))
    click(qtbot, editor.add_button)  # the button last had focus: Qt would give it Enter
    assert editor.list.count() == steps_before + 1
    editor.form.subject_edit.setFocus()
    qtbot.keyClicks(editor.form.subject_edit, "One more thing")
    qtbot.keyClick(editor.form.subject_edit, Qt.Key.Key_Return)
    assert editor.list.count() == steps_before + 1  # no second step
    assert dialog.result() == QDialog.DialogCode.Accepted  # Enter saved
    steps = workspace.campaign("shock-nurture").node("post-purchase").config.steps
    assert len(steps) == steps_before + 1
    assert [s.subject for s in steps].count("One more thing") == 1


def test_small_window_shows_every_step_control_without_overlap(qtbot, workspace, undo_stack):
    from .helpers import overlapping_widgets

    dialog = open_sequence(qtbot, workspace, undo_stack, node="nurture")
    dialog.resize(800, 560)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.height() == 560)
    assert overlapping_widgets(dialog.scroll_area.widget()) == []
    editor = dialog.steps_editor
    assert editor.list.height() >= editor.list.rows_height(4)
    # the list does not ask for Qt's 192 pixels, so the form fits without scrolling
    assert dialog.scroll_area.verticalScrollBar().maximum() == 0
    assert editor.remove_button.visibleRegion().boundingRect().size() == \
        editor.remove_button.size()


def test_typing_a_year_over_the_clicked_year_replaces_it(qtbot, workspace, undo_stack):
    """QA 3: typing "2020" over the year of "Wait until" did nothing; only arrows worked."""
    from PySide6.QtCore import QPoint, Qt

    dialog = open_sequence(qtbot, workspace, undo_stack, node="nurture")
    qtbot.waitExposed(dialog)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)
    form = editor.form
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("wait_until"))
    field = form.until_edit
    assert field.text().startswith("20")  # e.g. 2026-11-23 09:00 UTC
    month_before = field.text()[5:]
    text = field
    text.setCursorPosition(0)
    origin = text.cursorRect().center().x()  # where the text starts

    def click_after(chars: str) -> None:  # into the text, after these characters
        x = origin + text.fontMetrics().horizontalAdvance(chars) + 1
        qtbot.mouseClick(text, Qt.MouseButton.LeftButton, pos=QPoint(x, text.height() // 2))

    click_after("20")  # inside the year, as a user clicks it
    assert field.current_section() == "year" and field.selectedText() == field.text()[:4]
    qtbot.keyClicks(field, "2020")
    assert field.text() == "2020-" + month_before
    assert editor.steps()[1].until.year == 2020
    # the same for the hour: click in it, type two digits
    click_after(field.text()[:12])  # between the two digits of the hour
    assert field.current_section() == "hour"
    qtbot.keyClicks(field, "17")
    assert editor.steps()[1].until.hour == 17


def test_a_sequence_with_no_steps_says_so_and_can_still_be_saved(qtbot, workspace,
                                                                 undo_stack) -> None:
    """QA: a new sequence's editor said "No problems in these settings." beside a node whose
    badge warns it has no steps."""
    from canvas_app.ui.dialogs import open_node_editor
    from canvas_app.ui.dialogs.sequence_editor import NO_STEPS_NOTE

    campaign = workspace.campaign("shock-nurture")
    campaign.node("nurture").config.steps = []
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "nurture")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    label = dialog.problem_label
    assert label.isVisible() and label.text() == NO_STEPS_NOTE
    assert label.property("notice")  # in the form's colours, not an error's
    assert dialog.save_button.isEnabled()
    add_step_of(qtbot, dialog.steps_editor, "email")
    dialog.steps_editor.form.subject_edit.setText("Hello")
    assert not label.isVisible()
