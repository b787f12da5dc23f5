"""A refused wait or delay: the step's row says what the problem box says (QA 30: the
row said "Delay — not a valid number" beside "Step 3: The wait cannot be negative")."""

from __future__ import annotations

import pytest

from canvas_app.ui.dialogs import open_node_editor

from .helpers import add_step_of, shown_action_set


@pytest.mark.parametrize(("typed", "words", "problem"), [
    ("-5", "cannot be negative", "cannot be negative"),
    ("1.5", "not a whole number", "must be a whole number"),
    ("two", "not a valid number", "is not a number"),
    ("2000000", "can be at most 730,500\N{NO-BREAK SPACE}days", "can be at most 730,500 days"),
])
def test_a_refused_wait_is_said_alike_in_its_row_and_the_problem_box(
        qtbot, workspace, undo_stack, typed, words, problem):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "nurture")
    qtbot.addWidget(dialog)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)  # Delay 2 days
    editor.form.duration_edit.amount.set_text(typed)
    assert editor.list.item(1).text() == f"2. Delay \N{EM DASH} {words}"
    assert dialog.problem_label.text().startswith("Step 2: The wait ")
    assert problem in dialog.problem_label.text()


def test_a_refused_action_delay_is_said_alike_in_its_row_and_the_problem_box(qtbot):
    dialog = shown_action_set(qtbot)
    editor = dialog.steps_editor
    add_step_of(qtbot, editor, "notify_team")
    editor.form.message_edit.setText("Call them")
    editor.form.delay_check.setChecked(True)
    editor.form.delay_edit.amount.set_text("0")
    assert editor.list.item(0).text().endswith(
        "(delay \N{EM DASH} must be more than 0)")
    assert "Action 1: The delay must be more than 0" in dialog.problem_label.text()
