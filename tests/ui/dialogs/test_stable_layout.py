"""Buttons stay where they are when a problem appears (QA 7): a second click lands on
the same button, never on the one that moved under the pointer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from canvas_app.ui.dialogs import open_node_editor

from .helpers import click, red_frame_drawn, shown_action_set


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


def geometries(dialog) -> dict[object, tuple[int, int, int, int]]:
    """Where each shown widget of the dialog is, in the dialog (the problem box aside)."""
    from PySide6.QtWidgets import QApplication, QWidget

    for _ in range(3):  # layouts inside layouts: one posted request per level
        QApplication.processEvents()
    return {w: (*w.mapTo(dialog, QPoint(0, 0)).toTuple(), *w.size().toTuple())
            for w in dialog.findChildren(QWidget)
            if w.isVisible() and w is not dialog.problem_label}


@pytest.mark.parametrize("size", [(960, 680), (960, 1000)])
def test_the_purchase_goal_form_stays_put_as_problems_come_and_go(qtbot, workspace,
                                                                  undo_stack, size):
    """A red frame was 2 px where Qt's is 1 px (a list's rows moved, the name field got
    2 px lower and the whole form moved up), and a fourth problem grew the problem box,
    which shrank the lists and moved what lay below them: nothing moves now, from one
    problem to all five at once and back."""
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    dialog.resize(*size)
    qtbot.waitExposed(dialog)
    before = geometries(dialog)
    box = dialog.categories_box
    spot_before = spot(box, dialog)
    steps = [
        lambda: dialog.name_edit.setText(""),  # typing: the name emptied
        lambda: dialog.name_edit.setText("Bought"),
        lambda: dialog.products_list.set_checked("shock", False),  # ticked, none chosen
        lambda: dialog.order_forms_box.setChecked(True),
        lambda: dialog.categories_box.setChecked(True),
        lambda: dialog.some_payment.setChecked(True),  # no payment type ticked
        lambda: dialog.name_edit.setText(""),  # five problems at once
        lambda: [b.setChecked(False) for b in (dialog.order_forms_box, dialog.products_box,
                                                 dialog.categories_box)],  # no option
        lambda: (dialog.name_edit.setText("Bought"), dialog.products_box.setChecked(True),
                 dialog.products_list.set_checked("shock", True),
                 dialog.any_payment.setChecked(True)),
    ]
    shown = 0
    for step in steps:
        step()
        shown = max(shown, len(dialog.problem_label.text().splitlines()))
        assert geometries(dialog) == before
        assert dialog.childAt(spot_before) is box
    assert shown == 5
    assert dialog.problem_label.isHidden() and dialog.save_button.isEnabled()
    marked = dialog.products_list.list
    dialog.products_list.set_checked("shock", False)
    assert red_frame_drawn(marked)  # still red
