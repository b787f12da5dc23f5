"""Node editors in a short window (QA 120/121/163): the hidden problem box keeps only the
room the form can spare (at most a line where the form scrolls), and the scrolled form gets
the room; at the usual sizes the three lines stay reserved so the form does not jump when a
problem appears."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from canvas_app.ui.dialogs import open_node_editor


def _lines(label, lines: int) -> int:
    """The height of the problem box showing ``lines`` lines."""
    return label.fontMetrics().lineSpacing() * lines + 2 * label.PADDING + 2


# The sequence editor's narrowest: the width its widest kind of step (a Delay: amount and
# unit) needs beside the widest label, whichever step shows (it used to widen as a Delay
# step was chosen; the labels are as wide as the widest, so the fields never move).
SHORT_SEQUENCE = (640, 450)


def _opened(qtbot, workspace, undo_stack, node, size):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", node)
    qtbot.addWidget(dialog)
    if size is None:  # as small as it goes (QA tried 500 x 400)
        size = dialog.minimumSize().toTuple()
    dialog.resize(*size)
    qtbot.waitUntil(lambda: dialog.size().toTuple() == size)
    dialog.layout().activate()
    return dialog


@pytest.mark.parametrize(("node", "size"), [("bought-shock", (800, 560)),
                                            ("bought-shock", None),
                                            ("nurture", SHORT_SEQUENCE)])
def test_a_short_editor_reserves_one_line_for_problems(qtbot, workspace, undo_stack, node,
                                                       size):
    dialog = _opened(qtbot, workspace, undo_stack, node, size)
    label = dialog.problem_label
    assert not label.isVisible()
    gap = dialog.buttons.geometry().top() - dialog.scroll_area.geometry().bottom()
    if dialog.scroll_area.verticalScrollBar().maximum() > 0:  # the form scrolls
        assert label.height() <= _lines(label, 1)
        assert gap <= _lines(label, 1) + 2 * dialog.layout().spacing() + 1
    else:  # the whole form shows: what it spares is kept, up to three lines
        assert label.height() <= _lines(label, 3)
        assert gap <= _lines(label, 3) + 2 * dialog.layout().spacing() + 1


def test_the_short_sequence_editor_shows_its_add_step_row(qtbot, workspace, undo_stack):
    dialog = _opened(qtbot, workspace, undo_stack, "nurture", SHORT_SEQUENCE)
    viewport = dialog.scroll_area.viewport()
    button = dialog.steps_editor.add_button
    rect = QRect(button.mapTo(viewport, QPoint(0, 0)), button.size())
    assert viewport.rect().contains(rect), (rect, viewport.rect())


@pytest.mark.parametrize(("node", "size"), [("bought-shock", (960, 680)),
                                            ("nurture", (820, 600))])
def test_at_the_usual_size_three_lines_stay_reserved(qtbot, workspace, undo_stack, node,
                                                     size):
    dialog = _opened(qtbot, workspace, undo_stack, node, size)
    assert dialog.problem_label.height() >= _lines(dialog.problem_label, 3)
    top = dialog.scroll_area.geometry().bottom()
    dialog.name_edit.setText("")  # a problem appears: the form does not move
    assert dialog.problem_label.isVisible()
    dialog.layout().activate()
    assert dialog.scroll_area.geometry().bottom() == top


def test_a_wider_step_form_never_needs_a_horizontal_scroll_bar(qtbot, workspace,
                                                                undo_stack):
    """At its narrowest, choosing a Delay step (amount and unit need more width than an
    email's subject) gave the form a horizontal scroll bar over its last row."""
    dialog = _opened(qtbot, workspace, undo_stack, "nurture", None)
    body = dialog.scroll_area.widget()
    dialog.steps_editor.list.setCurrentRow(1)  # Delay 2 days
    qtbot.waitUntil(lambda: dialog.scroll_area.viewport().width()
                    >= body.minimumSizeHint().width(), timeout=1000)
    assert not dialog.scroll_area.horizontalScrollBar().isVisible()
