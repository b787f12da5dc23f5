"""Step's key is F6 (QA: F10 is the menu bar's key on GNOME, KDE and Windows, so Step
could not be pressed there), a key no other action of the window has."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow


def keys_of_every_action(window: MainWindow) -> list[tuple[QAction, QKeySequence]]:
    return [(action, key) for action in window.findChildren(QAction)
            for key in action.shortcuts() if not key.isEmpty()]


def test_step_is_f6_and_no_other_action_has_it(qtbot, window: MainWindow) -> None:
    step = window.simulation_panel.actions_by_name["step"]
    assert step.shortcut() == QKeySequence("F6")
    keys = keys_of_every_action(window)
    assert [a for a, k in keys if k == QKeySequence("F6")] == [step]
    f10 = [QKeySequence(k) for k in ("F10", "Ctrl+F10", "Alt+F10", "Shift+F10")]
    assert not [a.text() for a, k in keys if k in f10]  # the desktop's and the menu's
    assert "(F6)" in step.toolTip()


def test_f6_steps_and_the_help_and_status_say_so(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.view.setFocus()
    assert panel.load()
    before = panel.runner.simulation.processed
    QTest.keyClick(window.view, Qt.Key.Key_F6)
    assert panel.runner.simulation.processed > before
    assert "F6 steps again" in window.statusBar().currentMessage()
    window.actions_by_name["shortcuts"].trigger()
    table = window.shortcuts_dialog.table
    rows = {(table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    assert ("Step", "F6") in rows
    assert not [r for r in rows if r[1] == "F10"]
    window.shortcuts_dialog.reject()
