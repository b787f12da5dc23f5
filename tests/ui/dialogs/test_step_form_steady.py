"""The action set and sequence editors keep their width, and the line between the list and
the form, whichever kind of action or step is chosen: at a large font, choosing "Set
contact type" after "Apply tag" widened the window by 73 px and moved the form 27 px."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from canvas_app.domain.steps import ACTION_KINDS
from canvas_app.domain.workspace import Workspace
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.action_set import ActionSetDialog

from ..fonts import app_font_at
from .helpers import add_step_of


@pytest.fixture(params=[9.0, 15.0], ids=["9pt", "15pt"])
def font(request, qapp):
    yield from app_font_at(request.param)


def where(dialog) -> tuple[int, int, int, int]:
    """The window's width, and the list's width, the form box's left edge and width."""
    for _ in range(3):  # layouts inside layouts: one posted request per level
        QApplication.processEvents()
    editor = dialog.steps_editor
    box = editor.form.parentWidget()
    return dialog.width(), editor.list.width(), box.x(), box.width()


def test_choosing_another_kind_of_action_moves_nothing(qtbot, font):
    dialog = ActionSetDialog(Workspace(), "successful_purchase")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.steps_editor
    for kind in ACTION_KINDS:
        add_step_of(qtbot, editor, kind)
    assert len(editor.steps()) == len(ACTION_KINDS)
    places = set()
    for row, kind in enumerate(ACTION_KINDS):
        editor.list.setCurrentRow(row)
        assert editor.form.kind_combo.currentData() == kind
        places.add(where(dialog))
    assert len(places) == 1, places
    # the kind changed in the form itself (not by choosing another row) moves nothing
    editor.list.setCurrentRow(0)
    combo = editor.form.kind_combo
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        places.add(where(dialog))
    assert len(places) == 1, places


def test_choosing_another_kind_of_step_moves_nothing(qtbot, font, workspace, undo_stack):
    """The sequence editor: its first step turned into each kind in turn."""
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "nurture")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(0)
    combo = editor.form.kind_combo
    places = set()
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        assert editor.steps()[0].kind == combo.itemData(index)
        places.add(where(dialog))
    assert len(places) == 1, places
