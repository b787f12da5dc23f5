"""Buttons stay where they are when a problem appears (QA 7): a second click lands on
the same button, never on the one that moved under the pointer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from canvas_app.ui.dialogs import open_node_editor

from .helpers import click, shown_action_set


def spot(widget, dialog) -> QPoint:
    return widget.mapTo(dialog, widget.rect().center())


def test_add_action_twice_adds_two_actions(qtbot):
    """The first "Add action" showed the problem banner, which pushed the buttons up 41 px:
    the second click landed on "Remove" and took the new action away."""
    dialog = shown_action_set(qtbot)
    editor = dialog.steps_editor
    before = spot(editor.add_button, dialog)
    click(qtbot, editor.add_button)
    assert dialog.problem_label.isVisible()  # the new action has no tag yet
    assert spot(editor.add_button, dialog) == before
    assert dialog.childAt(before) is editor.add_button
    click(qtbot, dialog.childAt(before))
    assert len(editor.steps()) == 2



NODE_EDITORS = [("shock-nurture", "nurture"), ("checkup-onboarding", "subscribed"),
                ("checkup-onboarding", "visit-booked")]


@pytest.mark.parametrize(("campaign", "node"), NODE_EDITORS)
def test_node_editors_keep_a_usable_minimum_size(qtbot, workspace, undo_stack, campaign,
                                                 node):
    """QA 7: a node editor could be shrunk to 188 x 244, its name field 38 px wide."""
    dialog = open_node_editor(None, workspace, undo_stack, campaign, node)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.resize(100, 100)  # as small as the user can drag it
    qtbot.wait(10)
    assert dialog.width() >= 420 and dialog.height() >= 400
    assert dialog.width() <= 1024 and dialog.height() <= 700 - 40  # a small screen
    assert dialog.name_edit.width() >= 250
    area = dialog.scroll_area
    assert area.horizontalScrollBar().maximum() == 0  # the form only scrolls up and down
    assert area.viewport().height() >= 150
    for button in (dialog.save_button, dialog.cancel_button):
        assert button.visibleRegion().boundingRect().size() == button.size()
