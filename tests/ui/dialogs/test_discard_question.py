"""Cancel, Esc or the close button ask before an editor's changes are dropped (QA 9: the
action-set editor dropped them at once; the question named Save while Save was off)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from canvas_app.domain.workspace import Workspace
from canvas_app.ui.dialogs.action_set import ActionSetDialog

from .helpers import add_step_of


def answer_later(asked: list[tuple[str, str]], button: str) -> None:
    """Answers the question when it shows, noting what it said."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "discardChangesBox"
        asked.append((box.text(), box.informativeText()))
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, click)


@pytest.mark.asks_to_discard
def test_the_action_set_editor_asks_before_esc_drops_its_changes(qtbot) -> None:
    dialog = ActionSetDialog(Workspace(), "successful_purchase")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes at once
    assert not dialog.isVisible()

    dialog = ActionSetDialog(Workspace(), "successful_purchase")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.steps_editor
    add_step_of(qtbot, editor, "notify_team")
    editor.form.message_edit.setText("A sale!")
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
    assert asked[1][1].startswith("To keep them, fix the fields marked in red")
    assert not dialog.isVisible()
