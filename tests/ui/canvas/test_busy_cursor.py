"""Edits of thousands of nodes show the wait cursor while they run; small ones do not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from canvas_app.ui import busy
from canvas_app.ui.main_window import MainWindow


def cursor_during(window: MainWindow, monkeypatch, method: str, action: str) -> list:
    seen: list = []
    real = getattr(window.controller, method)

    def spy(*args, **kwargs):
        cursor = QGuiApplication.overrideCursor()
        seen.append(cursor.shape() if cursor is not None else None)
        return real(*args, **kwargs)

    monkeypatch.setattr(window.controller, method, spy)
    window.actions_by_name[action].trigger()
    return seen


def test_a_large_delete_shows_the_wait_cursor(window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(busy, "BUSY_NODES", 3)  # the sample's campaign counts as large
    window.view.setFocus()
    window.actions_by_name["select_all"].trigger()
    assert cursor_during(window, monkeypatch, "delete", "delete") == [
        Qt.CursorShape.WaitCursor]
    assert QGuiApplication.overrideCursor() is None  # and it is gone after


def test_a_small_duplicate_shows_no_wait_cursor(window: MainWindow, monkeypatch) -> None:
    window.view.setFocus()
    window.scene.select_nodes(["nurture"])
    assert cursor_during(window, monkeypatch, "duplicate", "duplicate") == [None]


def test_undo_and_redo_of_a_large_edit_show_the_wait_cursor(window: MainWindow,
                                                            monkeypatch) -> None:
    monkeypatch.setattr(busy, "BUSY_NODES", 3)
    window.view.setFocus()
    window.actions_by_name["select_all"].trigger()
    window.actions_by_name["delete"].trigger()  # three nodes: "large" here
    window.controller.rename_node("checkup-onboarding", "onboarding", "Welcome")  # one
    stack = window.controller.undo_stack
    seen: list = []
    monkeypatch.setattr(stack, "undo", lambda: seen.append(cursor()) or type(stack).undo(stack))
    monkeypatch.setattr(stack, "redo", lambda: seen.append(cursor()) or type(stack).redo(stack))
    for action in ("undo", "undo", "redo"):  # the rename, the delete, the delete again
        window.actions_by_name[action].trigger()
    assert seen == [None, Qt.CursorShape.WaitCursor, Qt.CursorShape.WaitCursor]
    assert len(window.scene.nodes) == 0  # the delete is done again
    window.toolbar_actions["undo"].trigger()  # the toolbar's Undo goes the same way
    assert seen[-1] == Qt.CursorShape.WaitCursor and len(window.scene.nodes) == 3


def cursor():
    shown = QGuiApplication.overrideCursor()
    return shown.shape() if shown is not None else None
