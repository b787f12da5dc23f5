"""The Simulation panel's actions (the Simulate menu, the panel's buttons, F5 and friends),
and their state as a run goes on."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from .what_if_manage import why_not_own

if TYPE_CHECKING:
    from .panel import SimulationPanel


# Step: F6, as "step over" in Eclipse beside F5's run. F10 is the menu bar's key on GNOME,
# KDE and Windows; Ctrl+F10 is KDE's "present windows"; Shift+F5 is Reset here.
STEP_KEY = "F6"


def make_actions(panel: SimulationPanel) -> dict[str, QAction]:
    """The panel's actions, owned by its window (so their shortcuts work anywhere in it)."""
    actions: dict[str, QAction] = {}

    def make(key: str, text: str, slot: Callable[[], object], shortcut: str, tip: str) -> None:
        action = QAction(text, panel.window_)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        actions[key] = action

    make("run", "&Run", panel.run_or_pause, "F5", RUN_TIP.removesuffix(" (F5)"))
    make("step", "&Step", panel.step, STEP_KEY, "Handle the next simulated event")
    make("end", "Run to &End", panel.run_to_end, "Ctrl+F5", "Simulate everything left at once")
    make("reset", "Rese&t", panel.reset, "Shift+F5",
         "Start the scenario again, on the workspace as it is now")
    make("open", "&Open Scenario…", panel.open_scenario_dialog, "Ctrl+Shift+O",
         "Choose a scenario file to simulate")
    make("what_if", "New &What-If Scenario…", panel.new_what_if, "",
         "Simulate many made-up contacts: how many arrive, where, and what they buy")
    make("edit_what_if", "Ed&it What-If Scenario…", panel.edit_what_if, "", EDIT_TIP)
    make("remove_what_if", "Re&move What-If Scenario…", panel.remove_what_if, "", REMOVE_TIP)
    make("save_result", "Sa&ve Result as JSON…", panel.save_result_dialog, "",
         "Write the run's result (counts, contacts, journeys, log) as the command line's "
         "--json does")
    # The Scenario box's context menu: what can be done to the scenario chosen.
    panel.scenario_combo.menu_actions = [actions["edit_what_if"], actions["remove_what_if"],
                                         None, actions["what_if"], actions["open"]]
    # In the menu that has New What-If (Simulate), beside it, once the window has its menus.
    return actions


EDIT_TIP = "Change the what-if chosen in the Scenario box: its form opens with its entries"
REMOVE_TIP = "Delete the what-if chosen in the Scenario box (after asking)"
RUN_TEXTS = ("&Run", "&Pause", "&Continue", "&Run Again")
RUN_TIP = "Run the simulation, or pause it (F5)"
NO_SCENARIO_TIP = "No scenario chosen: Simulate asks for a scenario file to run (F5)"
RUN_FAILED_TIP = ("The chosen scenario does not load (the panel says why): choose it again "
                  "in the Scenario box once it is fixed, or choose another")


def update_actions(panel: SimulationPanel) -> None:
    runner, a = panel.runner, panel.actions_by_name
    sim = runner.simulation
    finished = runner.loaded and runner.done
    started = sim is not None and (sim.processed > 0 or sim.now > sim.start)
    if finished:
        a["run"].setText("&Run Again")
    elif runner.running:
        a["run"].setText("&Pause")
    else:
        a["run"].setText("&Continue" if started else "&Run")  # paused mid-way
    # A scenario that failed to load is not tried again by Run: choosing it again in the
    # Scenario box (once fixed), or another, does.
    chosen = panel.selected_scenario()
    can_set_up = chosen is not None and chosen != panel.failed_scenario
    # With no scenario chosen, Run asks for one (as the toolbar's Simulate does).
    a["run"].setEnabled(can_set_up or runner.loaded or chosen is None)
    failed = not runner.loaded and chosen is not None and chosen == panel.failed_scenario
    a["run"].setToolTip(RUN_FAILED_TIP if failed
                        else NO_SCENARIO_TIP if chosen is None and not runner.loaded
                        else RUN_TIP)
    a["step"].setEnabled((can_set_up or runner.loaded) and not runner.running
                         and not finished)
    a["end"].setEnabled((can_set_up or runner.loaded) and not finished and not runner.to_end)
    a["reset"].setEnabled(runner.loaded)
    # Nothing to save before the run has started: its result would be empty.
    a["save_result"].setEnabled(started)
    # Only a what-if made here can be edited or removed; otherwise each says why.
    why = why_not_own(chosen, panel.scenario_dir)
    for key, tip in (("edit_what_if", EDIT_TIP), ("remove_what_if", REMOVE_TIP)):
        a[key].setEnabled(not why)
        a[key].setToolTip(why or tip)
        a[key].setStatusTip(why or tip)
