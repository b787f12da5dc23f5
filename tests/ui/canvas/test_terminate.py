"""SIGTERM / SIGINT (logout, shutdown, Ctrl+C): quit at once, unsaved edits kept."""

from __future__ import annotations

from canvas_app.ui.main_window import MainWindow


def never_asked() -> str:
    raise AssertionError("a terminated app must not ask anything")


def test_terminate_with_unsaved_edits_quits_and_keeps_them(qtbot, window: MainWindow) -> None:
    window.files.ask_unsaved = never_asked
    window.controller.rename_node(window.current_campaign_id(), "nurture", "Welcome")
    recovery = window.session.recovery
    window.terminate()
    assert not window.isVisible()
    assert recovery.exists()
    kept = recovery.load()
    assert kept.campaign("shock-nurture").node("nurture").name == "Welcome"


def test_terminate_with_nothing_unsaved_just_quits(qtbot, window: MainWindow) -> None:
    window.files.ask_unsaved = never_asked
    window.terminate()
    assert not window.isVisible()
    assert not window.session.recovery.exists()
