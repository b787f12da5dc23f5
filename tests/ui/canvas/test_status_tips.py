"""The status bar under Qt's status tips (QA 20): hovering a menu entry showed its tip and
Qt then cleared the bar, so the start-up hint (and any message) went for good as the pointer
crossed the menu bar. The message comes back once the tip goes, for what is left of its
time; the start-up hint stays until another message or a first click takes its place."""

from __future__ import annotations

from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.window_status import STATUS_TIMEOUT_MS


def tip(window: MainWindow, text: str) -> None:
    QApplication.sendEvent(window, QStatusTipEvent(text))


def test_the_start_up_hint_comes_back_after_a_menu_entrys_tip(window: MainWindow) -> None:
    bar = window.statusBar()
    window.show_status(window.start_hint(), lasting=True)
    hint = bar.currentMessage()
    assert hint and window.time_left() is None  # no end of its own
    save = window.actions_by_name["save"].statusTip() or "Save the workspace"
    tip(window, save)
    tip(window, "another entry")  # the pointer down the menu
    assert bar.currentMessage() == "another entry"
    tip(window, "")
    assert bar.currentMessage() == hint


def test_a_message_comes_back_for_what_is_left_of_its_time(window: MainWindow) -> None:
    bar = window.statusBar()
    window.show_status("Pasted 3 nodes.")
    tip(window, "Undo the last edit")
    tip(window, "")
    assert bar.currentMessage() == "Pasted 3 nodes."
    assert 0 < window.time_left() <= STATUS_TIMEOUT_MS


def test_a_message_gone_before_the_tip_stays_gone(window: MainWindow) -> None:
    bar = window.statusBar()
    window.show_status("Pasted 3 nodes.")
    bar.clearMessage()  # stale (an edit since), or its time up
    tip(window, "Undo the last edit")
    tip(window, "")
    assert bar.currentMessage() == ""


def test_a_message_that_came_during_a_tip_stays_after_it(window: MainWindow) -> None:
    bar = window.statusBar()
    window.show_status("Pasted 3 nodes.")
    tip(window, "Undo the last edit")
    window.show_status("Saved pool.campaign.json.")  # an autosave's word, say
    tip(window, "")
    assert bar.currentMessage() == "Saved pool.campaign.json."


def test_an_empty_tip_with_none_before_leaves_the_message(window: MainWindow) -> None:
    """Regression QA 20: crossing the menu bar sends empty tips with no tip before them;
    they cleared the start-up hint for good."""
    bar = window.statusBar()
    window.show_status(window.start_hint(), lasting=True)
    hint = bar.currentMessage()
    for _ in range(3):
        tip(window, "")
    assert bar.currentMessage() == hint
    tip(window, "Open a workspace")  # then a menu entry's tip, and off it
    tip(window, "")
    tip(window, "")
    assert bar.currentMessage() == hint
