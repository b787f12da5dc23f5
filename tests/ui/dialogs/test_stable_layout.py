"""Buttons stay where they are when a problem appears (QA 7): a second click lands on
the same button, never on the one that moved under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from canvas_app.domain.workspace import Workspace
from canvas_app.ui.dialogs.action_set import ActionSetDialog

from .helpers import click


def spot(widget, dialog) -> QPoint:
    return widget.mapTo(dialog, widget.rect().center())


def test_add_action_twice_adds_two_actions(qtbot):
    """The first "Add action" showed the problem banner, which pushed the buttons up 41 px:
    the second click landed on "Remove" and took the new action away."""
    dialog = ActionSetDialog(Workspace(), "on_login")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.steps_editor
    before = spot(editor.add_button, dialog)
    click(qtbot, editor.add_button)
    assert dialog.problem_label.isVisible()  # the new action has no tag yet
    assert spot(editor.add_button, dialog) == before
    assert dialog.childAt(before) is editor.add_button
    click(qtbot, dialog.childAt(before))
    assert len(editor.steps()) == 2

