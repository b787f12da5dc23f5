"""The sequence and action-set editors' "No steps yet" / "No actions yet" hint sits in the
middle of the empty list, not at the bottom of the box beside it (QA10: 15.png, 51.png)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect

from canvas_app.domain.nodes import Node
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.step_list import StepListEditor


def check_hint_in_the_middle(qtbot, editor, word: str) -> None:
    hint = editor.empty_hint
    view = editor.list.viewport()
    qtbot.waitUntil(hint.isVisible)
    assert hint.text().startswith(f"No {word}s yet")
    rect = QRect(hint.mapTo(view, QPoint(0, 0)), hint.size())
    assert view.rect().contains(rect)  # inside the empty list
    text_height = hint.heightForWidth(hint.width())
    centre = rect.center()
    assert abs(centre.y() - view.rect().center().y()) <= 2, (rect, view.rect())
    assert abs(centre.x() - view.rect().center().x()) <= 2
    assert rect.height() >= text_height  # the text whole
    editor.add(editor.add_kind_combo.currentData())  # a row: the hint goes
    assert not hint.isVisible()
    editor.remove()
    qtbot.waitUntil(hint.isVisible)


def test_sequence_editor(qtbot, workspace, undo_stack):
    workspace.campaign("shock-nurture").add_node(Node("empty", "sequence", "Welcome emails"))
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "empty")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    check_hint_in_the_middle(qtbot, dialog.steps_editor, "step")


def test_action_set_editor(qtbot, workspace):
    dialog = ActionSetDialog(workspace, "product:mitt")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.findChild(StepListEditor)
    check_hint_in_the_middle(qtbot, editor, "action")
