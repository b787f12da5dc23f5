"""Cancel, Esc or the close button ask before an editor's changes are dropped (QA 9: the
action-set editor dropped them at once; the question named Save while Save was off)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from canvas_app.domain.workspace import Workspace
from canvas_app.ui.dialogs.action_set import ActionSetDialog

from .helpers import add_step_of


def answer_later(asked: list[tuple[str, str]], button: str,
                 offered: list[list[str]] | None = None) -> None:
    """Answers the question when it shows, noting what it said (and its buttons)."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "discardChangesBox"
        asked.append((box.text(), box.informativeText()))
        if offered is not None:
            offered.append(sorted(b.text().replace("&", "") for b in box.buttons()))
        match = [b for b in box.buttons() if b.text().replace("&", "") == button]
        (match[0] if match else box.escapeButton()).click()  # never left open

    QTimer.singleShot(0, click)


def shown_with_one_action(qtbot):
    """The successful-purchase action-set editor, shown, with one notify action typed in."""
    dialog = ActionSetDialog(Workspace(), "successful_purchase")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.steps_editor
    add_step_of(qtbot, editor, "notify_team")
    editor.form.message_edit.setText("A sale!")
    return dialog, editor


@pytest.mark.asks_to_discard
def test_the_action_set_editor_asks_before_esc_drops_its_changes(qtbot) -> None:
    dialog = ActionSetDialog(Workspace(), "successful_purchase")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes at once
    assert not dialog.isVisible()

    dialog, editor = shown_with_one_action(qtbot)
    asked: list[tuple[str, str]] = []
    answer_later(asked, "Keep Editing")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked[0][0] == "Discard your changes to the actions of Successful Purchase Action?"
    assert asked[0][1].startswith("Save keeps them")
    assert dialog.isVisible() and len(editor.steps()) == 1  # kept

    editor.form.delay_check.setChecked(True)
    editor.form.delay_edit.amount.set_text("abc")  # refused: Save is off
    assert not dialog.save_button.isEnabled()
    answer_later(asked, "Discard")
    dialog.reject()
    assert "Keep Editing to fix the fields marked in red" in asked[1][1]
    assert not dialog.isVisible()


def _words_name_only_offered_buttons(words: str, buttons: list[str]) -> None:
    for name in ("Save", "Discard", "Keep Editing"):
        assert (name in words) == (name in buttons), (name, words, buttons)


@pytest.mark.asks_to_discard
def test_the_discard_question_offers_save_only_when_saving_is_possible(qtbot) -> None:
    """QA 12/35c/145: the question said "Save keeps them" with only Discard and Keep
    Editing to click. Its words now name exactly its buttons; its Save saves."""
    dialog, editor = shown_with_one_action(qtbot)
    asked: list[tuple[str, str]] = []
    offered: list[list[str]] = []

    editor.form.delay_check.setChecked(True)
    editor.form.delay_edit.amount.set_text("abc")  # Save is off: not offered
    assert not dialog.save_button.isEnabled()
    answer_later(asked, "Keep Editing", offered)
    dialog.reject()
    assert offered[0] == ["Discard", "Keep Editing"]
    _words_name_only_offered_buttons(asked[0][1], offered[0])
    assert dialog.isVisible()

    editor.form.delay_edit.amount.set_text("2")  # Save is on: offered, and it saves
    assert dialog.save_button.isEnabled()
    answer_later(asked, "Save", offered)
    dialog.reject()
    assert offered[1] == ["Discard", "Keep Editing", "Save"]
    _words_name_only_offered_buttons(asked[1][1], offered[1])
    assert not dialog.isVisible()
    assert dialog.result() == ActionSetDialog.DialogCode.Accepted
    assert [a.message for a in dialog.value()] == ["A sale!"]
