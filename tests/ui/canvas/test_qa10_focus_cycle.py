"""Ctrl+F6 goes round every open panel (QA10): the one of the Warnings / Simulation pair
whose tab is not in front is brought to the front and given the keyboard, not skipped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui.focus_chain import behind
from canvas_app.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def panel_of(window: MainWindow) -> str:
    focused = QApplication.focusWidget()
    if focused is window.view:
        return "canvas"
    return next(key for key, dock in window.docks.items() if dock.isAncestorOf(focused))


def turn(qtbot, window: MainWindow, modifiers: Qt.KeyboardModifier, presses: int) -> list[str]:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=3000)
    seen = []
    for _ in range(presses):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, modifiers)
        seen.append(panel_of(window))
        if seen[-1] != "canvas":  # the panel given the keys is the one in front
            assert not behind(window.docks[seen[-1]])
    return seen


def test_ctrl_f6_reaches_simulation_behind_warnings(qtbot, window: MainWindow) -> None:
    window.docks["lint"].raise_()
    assert behind(window.docks["simulation"])
    assert turn(qtbot, window, CTRL, 5) == ["campaigns", "palette", "lint", "simulation",
                                            "canvas"]
    assert not behind(window.docks["simulation"])  # left in front


def test_ctrl_f6_reaches_warnings_behind_simulation(qtbot, window: MainWindow) -> None:
    window.show_simulation_panel()
    assert behind(window.docks["lint"])
    assert turn(qtbot, window, CTRL, 5) == ["campaigns", "palette", "lint", "simulation",
                                            "canvas"]


def test_ctrl_shift_f6_goes_the_other_way_round(qtbot, window: MainWindow) -> None:
    window.docks["lint"].raise_()
    assert turn(qtbot, window, CTRL | SHIFT, 5) == ["simulation", "lint", "palette",
                                                    "campaigns", "canvas"]


def test_a_closed_panel_is_still_skipped(qtbot, window: MainWindow) -> None:
    window.docks["simulation"].hide()
    assert turn(qtbot, window, CTRL, 4) == ["campaigns", "palette", "lint", "canvas"]
    assert window.docks["simulation"].isHidden()


def test_ctrl_f6_does_not_come_back_to_a_button(qtbot, window: MainWindow) -> None:
    """The keyboard left the Campaigns panel from its Delete button: Ctrl+F6 back to the
    panel gives it the list, not the button a Space would press (QA)."""
    delete = window.campaign_list.buttons["delete"]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    delete.setFocus()
    qtbot.waitUntil(delete.hasFocus)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    QTest.keyClick(window.view, Qt.Key.Key_F6, CTRL)
    assert QApplication.focusWidget() is window.campaign_list.list
