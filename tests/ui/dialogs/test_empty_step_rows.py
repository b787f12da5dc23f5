"""A step without its tag, subject or message says so in its row (QA m32: 'Apply tag
""')."""

from __future__ import annotations

from canvas_app.domain.steps import Step

from .helpers import add_step_of, shown_action_set


def test_a_step_without_its_text_says_so_in_its_row(qtbot):
    dialog = shown_action_set(qtbot)
    editor = dialog.steps_editor
    add_step_of(qtbot, editor, "apply_tag")
    assert editor.list.item(0).text() == "1. Apply tag \N{EM DASH} no tag yet"
    assert '""' not in editor.list.item(0).text()
    editor.form.tag_edit.setText("VIP")
    assert editor.list.item(0).text() == '1. Apply tag "VIP"'
    add_step_of(qtbot, editor, "notify_team")
    editor.form.delay_check.setChecked(True)
    assert editor.list.item(1).text() == ("2. Notify team \N{EM DASH} no message yet "
                                          "(after 1\N{NO-BREAK SPACE}hour)")


def test_a_sequence_email_without_a_subject_says_so(qtbot):
    from canvas_app.domain.steps import STEP_KINDS
    from canvas_app.ui.dialogs.step_list import StepListEditor

    editor = StepListEditor(STEP_KINDS, [], [], with_delay=False)
    qtbot.addWidget(editor)
    editor.set_steps([Step(kind="email", subject="  "), Step(kind="remove_tag")])
    assert editor.list.item(0).text() == "1. Send email \N{EM DASH} no subject yet"
    assert editor.list.item(1).text() == "2. Remove tag \N{EM DASH} no tag yet"
