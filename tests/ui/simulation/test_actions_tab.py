"""The Actions tab: how often each e-commerce action set ran in the run, and the emails sent,
as the command line's summary says them (R19; QA 23g: only the CLI showed them)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.actions_tab import NO_RUN
from canvas_app.ui.theme import TEXT_MUTED

from .test_simulation_panel import run_to_finish


def test_the_tab_lists_every_set_with_the_times_it_ran(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    tab = panel.actions_tab
    panel.tabs.setCurrentWidget(tab)
    assert tab.summary.text() == NO_RUN and not tab.table.isVisible()
    run_to_finish(qtbot, window)
    sim = panel.runner.simulation
    # the command line's "Action sets fired" table, row for row
    assert tab.rows() == [("On Login (Multi-Step Cart)", "1"), ("Contact Creation Action", "1"),
                          ("Successful Purchase Action", "3"), ("Failed Purchase Action", "1"),
                          ("Error Purchase Action", "0"),
                          ("Product: Super Sock It Pool Shock", "2"),
                          ("Product: Weekly Pool Checkup", "2")]
    assert sum(sim.action_sets.values()) == 10
    assert tab.summary.text() == ("6 of 7 action sets ran, 10 times in all; 23 emails sent "
                                  "(by steps and actions).")
    never = tab.table.item(4, 1)  # Error Purchase Action: greyed, saying what runs it
    assert never.foreground().color() == QColor(TEXT_MUTED)
    assert never.toolTip().startswith("Never ran in this run: it runs when a shopping cart")
    window.actions_by_name["sim_reset"].trigger()  # back to the run's start: none ran yet
    assert [times for _set, times in tab.rows()] == ["0"] * 7
    assert tab.summary.text().startswith("0 of 7 action sets ran, 0 times in all")


def test_the_tab_catches_up_when_shown_after_the_run(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)  # on the Log tab
    panel.tabs.setCurrentWidget(panel.actions_tab)
    assert panel.actions_tab.rows()[2] == ("Successful Purchase Action", "3")
