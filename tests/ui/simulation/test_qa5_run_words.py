"""QA5: the same F5 action read "Run" in the Simulate menu but "Simulate" on the toolbar's
button and the panel's. They now say the same at every step of a run (Run, Pause,
Continue, Run Again), and the Simulate menu's keys stay one a letter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from canvas_app.ui.main_window import MainWindow

from .test_simulation_panel import run_to_finish


def words(window: MainWindow) -> tuple[str, str, str]:
    """What the Simulate menu's entry, the toolbar's button and the panel's button say."""
    run = window.actions_by_name["sim_run"]
    toolbar = window.toolbar.widgetForAction(window.actions_by_name["simulate"])
    return (run.text().replace("&", ""), toolbar.text(),
            window.simulation_panel.run_button.text())


def test_menu_toolbar_and_panel_say_the_same_for_f5(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 800)
    window.show_simulation_panel()
    menu = window.menus["simulate"]
    assert menu.title().replace("&", "") == "Simulate"
    assert words(window) == ("Run",) * 3
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.simulation_panel.runner.running)
    assert words(window) == ("Pause",) * 3
    sim = window.simulation_panel.runner.simulation
    qtbot.waitUntil(lambda: sim.processed > 0)
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window.simulation_panel.runner.running)
    assert words(window) == ("Continue",) * 3
    run_to_finish(qtbot, window)
    assert words(window) == ("Run Again",) * 3
    assert window.simulation_panel.log_view.placeholderText().startswith("Run (F5)")
    # every entry of the Simulate menu its own letter
    letters = []
    for action in menu.actions():
        text = action.text()
        if action.isSeparator() or "&" not in text:
            continue
        letters.append(text[text.index("&") + 1].casefold())
    assert len(letters) == len(set(letters)), letters
