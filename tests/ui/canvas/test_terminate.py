"""SIGTERM / SIGINT (logout, shutdown, Ctrl+C): quit at once, unsaved edits kept."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

from canvas_app.app import quit_on_signals
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


@pytest.fixture
def own_signal_handlers() -> Iterator[None]:
    """The test process's own handlers back after the app's are installed."""
    kept = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    yield
    for number, handler in kept.items():
        signal.signal(number, handler)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_quits_from_the_event_loop_not_where_python_happens_to_be(
        qtbot, window: MainWindow, own_signal_handlers: None, number: int) -> None:
    """Python runs a handler wherever it next runs Python, which may be inside Qt (a
    style asked about the window Qt is activating): closing the window there crashed
    the app at exit. The handler only posts the quit; the loop closes the window."""
    window.files.ask_unsaved = never_asked
    window.show()
    qtbot.waitExposed(window)
    quit_on_signals(window)
    signal.raise_signal(number)  # the handler has run when this returns
    assert window.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
