"""The bottom row of the Catalog and E-Commerce Actions windows stays put after an edit: the
Undo and Redo buttons say just "Undo" and "Redo" (QA10: 'Undo Add product "L…"', cut to fit,
told nothing), what they take back whole in their tooltips and accessible descriptions, so
the note beside them never wraps and nothing above moves."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QToolButton, QWidget

from canvas_app.ui.dialogs import open_catalog_manager, open_ecommerce_actions
from canvas_app.ui.tooltip_text import wrapped_tooltip

from .helpers import click

LONG_EDIT = "Edit actions of Successful Purchase Action for Pool opening kit deluxe"


def shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("CANVAS_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))


def geometry(dialog: QDialog) -> dict[str, QRect]:
    """Where the footer's parts and the content above them are, in the dialog."""
    parts: dict[str, QWidget] = {
        "undo": dialog.findChild(QToolButton, "undoButton"),
        "redo": dialog.findChild(QToolButton, "redoButton"),
        "note": dialog.findChild(QLabel, "appliesAtOnceNote"),
        "close": dialog.findChild(QWidget, "closeButton"),
    }
    out = {}
    for key, widget in parts.items():
        assert widget is not None, key
        out[key] = QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())
    content = dialog.layout().itemAt(dialog.layout().count() - 2)
    out["content"] = content.geometry()
    return out


@pytest.mark.parametrize("opener", [open_catalog_manager, open_ecommerce_actions])
def test_footer_does_not_move_when_the_undo_text_grows(qtbot, workspace, undo_stack, opener):
    dialog = opener(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    name = opener.__name__
    shot(dialog, f"{name}-before.png")
    before = geometry(dialog)
    note = dialog.findChild(QLabel, "appliesAtOnceNote")
    assert note.height() < note.fontMetrics().height() * 2.5  # two lines at most

    undo_stack.push(QUndoCommand(LONG_EDIT))  # an edit made in the window
    QApplication.processEvents()
    undo = dialog.findChild(QToolButton, "undoButton")
    assert undo.isEnabled()
    assert undo.text() == "Undo"  # not a cut "Undo Edit actions of …"
    assert undo.fontMetrics().horizontalAdvance(undo.text()) < undo.width()
    assert undo.toolTip() == wrapped_tooltip(f"Undo {LONG_EDIT}")  # whole there
    assert undo.accessibleDescription() == f"Undo {LONG_EDIT}"
    shot(dialog, f"{name}-after.png")
    assert geometry(dialog) == before  # nothing moved, nothing wrapped

    click(qtbot, undo)
    QApplication.processEvents()
    redo = dialog.findChild(QToolButton, "redoButton")
    assert redo.isEnabled() and redo.text() == "Redo"
    assert redo.toolTip() == wrapped_tooltip(f"Redo {LONG_EDIT}")
    assert redo.accessibleDescription() == f"Redo {LONG_EDIT}"
    assert not undo.isEnabled() and undo.text() == "Undo"
    assert undo.accessibleDescription() == ""  # nothing to undo
    assert geometry(dialog) == before


def test_the_buttons_say_undo_and_redo_and_keep_their_keys(qtbot, workspace, undo_stack):
    dialog = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    undo_stack.push(QUndoCommand('Rename "A & B"'))
    undo = dialog.findChild(QToolButton, "undoButton")
    assert undo.text() == "Undo"
    assert undo.toolTip() == wrapped_tooltip('Undo Rename "A & B"')
    assert undo.accessibleDescription() == 'Undo Rename "A & B"'  # one "&", as read
    assert 'Rename "A && B"' in undo.defaultAction().text()  # the action names it too
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keySequence(dialog, QKeySequence(QKeySequence.StandardKey.Undo))
    assert undo_stack.index() == 0  # Ctrl+Z undid it
    redo = dialog.findChild(QToolButton, "redoButton")
    assert redo.text() == "Redo" and redo.isEnabled()
    QTest.keySequence(dialog, QKeySequence(QKeySequence.StandardKey.Redo))
    assert undo_stack.index() == 1  # the Redo keys redid it
