"""A name field marked invalid keeps its height: the form under it does not move (QA: the
sequence editor's "Runs until completed" went up 2 px when the name was cleared)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from canvas_app.ui.dialogs import open_node_editor


def geometries(dialog) -> dict[int, tuple[str, QRect]]:
    """Every widget shown but the problem line and what is in it, by its place among the
    dialog's children."""
    problem = dialog.problem_label
    return {i: (type(w).__name__ + w.objectName(),
                QRect(w.mapTo(dialog, w.rect().topLeft()), w.size()))
            for i, w in enumerate(dialog.findChildren(QWidget))
            if w.isVisible() and w is not problem and not problem.isAncestorOf(w)}


def test_clearing_a_sequence_name_moves_nothing(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "nurture")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    before = geometries(dialog)
    dialog.name_edit.clear()
    qtbot.waitUntil(lambda: bool(dialog.name_edit.property("invalid")))
    qtbot.wait(100)  # laid out again
    after = geometries(dialog)
    moved = [(before[i], after.get(i)) for i in before if before[i] != after.get(i)]
    assert moved == []
