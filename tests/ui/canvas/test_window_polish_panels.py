"""View > Panels brings a panel covered by another panel's tab to the front (it hid it);
one in front it closes. From the keyboard, as the QA tester went: Alt+V, P, W."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from canvas_app.ui.focus_chain import behind
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.window_layout import tab_bar_height


def choose_panel(qtbot, window: MainWindow, letter: Qt.Key) -> None:
    """Alt+V, P, then ``letter``: View > Panels > the panel, by the keyboard."""
    window.activateWindow()
    window.view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    view_menu = QApplication.activePopupWidget()
    QTest.keyClick(view_menu, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menus["panels"])
    QTest.keyClick(window.menus["panels"], letter)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_a_panel_behind_another_tab_comes_to_the_front(qtbot, window: MainWindow) -> None:
    lint, simulation = window.docks["lint"], window.docks["simulation"]
    window.show_simulation_panel()  # as F5 does: Simulation in front of Warnings
    qtbot.waitUntil(lambda: behind(lint))
    warnings = window.panel_actions["lint"]
    assert warnings.isChecked()  # open, behind Simulation's tab
    choose_panel(qtbot, window, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: not behind(lint))
    assert lint.isVisible() and not lint.isHidden()  # in front, not hidden
    assert behind(simulation)
    assert warnings.isChecked()
    assert window.panel_actions["simulation"].isChecked()  # still open, behind
    choose_panel(qtbot, window, Qt.Key.Key_W)  # in front now: Warnings closes
    qtbot.waitUntil(lambda: lint.isHidden())
    assert not warnings.isChecked()
    choose_panel(qtbot, window, Qt.Key.Key_W)  # closed: it opens again
    qtbot.waitUntil(lambda: lint.isVisible())
    assert warnings.isChecked()


def test_every_panel_entry_opens_brings_forward_and_closes(qtbot, window: MainWindow) -> None:
    for key, dock in window.docks.items():
        action = window.panel_actions[key]
        assert action in window.menus["panels"].actions()
        if dock.isHidden():
            action.trigger()
            qtbot.waitUntil(lambda d=dock: not d.isHidden())
        assert action.isChecked()
        if behind(dock):
            action.trigger()
            qtbot.waitUntil(lambda d=dock: not behind(d))
            assert action.isChecked() and not dock.isHidden()
        action.trigger()  # in front: closes
        qtbot.waitUntil(lambda d=dock: d.isHidden())
        assert not action.isChecked()
        action.trigger()
        qtbot.waitUntil(lambda d=dock: not d.isHidden())
        assert action.isChecked()


def test_closing_a_panel_by_its_title_bar_unticks_it(qtbot, window: MainWindow) -> None:
    dock = window.docks["palette"]
    dock.close()
    qtbot.waitUntil(dock.isHidden)
    assert not window.panel_actions["palette"].isChecked()



def test_a_run_keeps_the_height_the_user_gave_the_simulation_panel(
        qtbot, window: MainWindow, monkeypatch) -> None:
    """Every run start shows the panel: one hidden or behind another tab is given room,
    one already in front keeps the height the user gave it (QA: 'Create and run' on a
    what-if made the panel taller and the canvas shorter, each time)."""
    simulation = window.docks["simulation"]
    resized: list[list[int]] = []
    real = window.resizeDocks
    monkeypatch.setattr(window, "resizeDocks",
                        lambda docks, sizes, o: (resized.append(sizes), real(docks, sizes, o)))
    simulation.hide()
    window.show_simulation_panel()  # hidden: shown with room
    qtbot.waitUntil(simulation.isVisible)
    assert len(resized) == 1
    window.show_simulation_panel()  # in front already, as a run's start finds it
    assert len(resized) == 1, "the user's height kept"
    window.docks["lint"].raise_()  # behind the Warnings tab
    qtbot.waitUntil(lambda: behind(simulation))
    window.show_simulation_panel()
    qtbot.waitUntil(simulation.isVisible)
    # in front with the room it was given (resized again only if it had less)
    given = resized[0][0] - tab_bar_height(window, simulation)
    assert simulation.height() >= given
    assert len(resized) == 1 or resized[-1][0] >= given
