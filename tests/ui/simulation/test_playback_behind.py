"""Playing at a speed the engine cannot keep, the progress bar says so (QA 23e: at "1 day per
second" a big run went an hour of simulated time in 20 s, the bar still reading "1% run")."""

from __future__ import annotations

import canvas_app.ui.simulation.runner as runner_module
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.panel_bar import BEHIND, PROGRESS


def test_the_bar_says_when_the_run_cannot_keep_the_speed(qtbot, window: MainWindow,
                                                         monkeypatch) -> None:
    panel = window.simulation_panel
    panel.speed_combo.setCurrentIndex(3)  # 1 week per second: events in every tick
    monkeypatch.setattr(runner_module, "TICK_BUDGET_S", -1.0)  # no tick keeps up
    window.actions_by_name["sim_run"].trigger()
    qtbot.waitUntil(lambda: panel.progress.format() == BEHIND, timeout=5000)
    assert panel.runner.behind
    window.actions_by_name["sim_run"].trigger()  # pause: no longer said
    assert not panel.runner.running
    assert panel.progress.format() == PROGRESS and not panel.runner.behind


def test_a_run_that_keeps_up_says_nothing_of_it(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.speed_combo.setCurrentIndex(0)  # 1 hour per second: the sample keeps up easily
    window.actions_by_name["sim_run"].trigger()
    qtbot.wait(600)
    assert panel.runner.running and not panel.runner.behind
    assert panel.progress.format() == PROGRESS
    window.actions_by_name["sim_run"].trigger()
