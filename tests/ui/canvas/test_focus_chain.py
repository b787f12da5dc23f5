"""Tab and Shift+Tab skip the panel covered by another panel's tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow


def walk(window: MainWindow, start, key: Qt.Key, steps: int = 30) -> list:
    start.setFocus()
    seen = []
    for _ in range(steps):
        QTest.keyClick(QApplication.focusWidget(), key)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_never_lands_in_the_simulation_panel_behind_warnings(window: MainWindow) -> None:
    window.docks["lint"].raise_()
    panel = window.simulation_panel
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        seen = walk(window, window.lint_panel, key)
        assert not any(panel.isAncestorOf(w) for w in seen)
        assert window.campaign_list.list in seen  # it still goes round the window


def test_with_simulation_in_front_tab_reaches_its_controls(window: MainWindow) -> None:
    window.docks["simulation"].raise_()
    seen = walk(window, window.view, Qt.Key.Key_Tab)
    names = {w.objectName() for w in seen}
    assert {"scenarioCombo", "runButton"} <= names
    assert not any(window.lint_panel.isAncestorOf(w) or w is window.lint_panel for w in seen)
