"""The Simulation panel following edits made while a run is set up: an edit, or a change of
"This campaign only", before the run starts is taken when it starts; after it started, the
panel says the run goes on with what it started with."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6

from ...io import workspace_to_data

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand, QUndoStack
    from PySide6.QtWidgets import QCheckBox, QLabel

    from ...sim import Simulation
    from ..main_window import MainWindow
    from .runner import SimRunner
    from .scenario_box import ScenarioBox

SAME_CHECK_MAX_NODES = 2000  # compared in full up to this many nodes (see _same_as_run)

# Where the undo stack was when a run was set up: the run, the stack, its index, and the
# command just below that index (None at index 0).
RunPosition = tuple["Simulation", "QUndoStack", int, "QUndoCommand | None"]


class ChangeTracking:
    """Mixed into :class:`~.panel.SimulationPanel`, which sets these attributes."""

    window_: MainWindow
    runner: SimRunner
    notice: QLabel
    only_campaign: QCheckBox
    scenario_combo: ScenarioBox
    _stale: bool
    _run_data: tuple[Simulation, dict] | None
    _run_position: RunPosition | None
    same_check_max_nodes = SAME_CHECK_MAX_NODES
    _last_index: tuple[object, int]  # the undo stack and its index at the last edit
    failed_scenario: str | None
    _show_notice: Callable[..., None]
    _hide_notice: Callable[..., None]
    has_notice: Callable[[str], bool]
    scenario_problem: Callable[[str], str]
    selected_scenario: Callable[[], str | None]
    _update_controls: Callable[[], None]

    def _started(self) -> bool:
        sim = self.runner.simulation
        return sim is not None and sim.processed > 0

    def _choice_differs(self, sim: Simulation) -> bool:
        """"This campaign only" now asks for another run than the one set up."""
        wanted = self.window_.current_campaign_id() if self.only_campaign.isChecked() else None
        return sim.campaign != wanted

    def _moves_only(self, index: int) -> bool:
        """The undo stack went to ``index`` through moves alone (a drag, arrow keys, their
        undo): where nodes sit changes nothing a simulation does."""
        from ...editing.commands import MoveNodesCommand

        stack = self.window_.controller.undo_stack
        if not shiboken6.isValid(stack):  # the window is going: its stack was cleared
            return True
        before = self._last_index if self._last_index[0] is stack else (stack, index)
        self._last_index = (stack, index)
        old = before[1]
        changed = range(min(old, index), max(old, index)) if old != index \
            else range(index - 1, index)  # a step merged into the last command (a drag)
        commands = [stack.command(i) for i in changed if 0 <= i < stack.count()]
        return bool(commands) and all(isinstance(c, MoveNodesCommand) for c in commands)

    def workspace_edited(self, index: int = 0) -> None:
        if self._moves_only(index):
            return
        self.scenario_combo.check_current_soon()  # it may fit now, or no longer
        self._failed_scenario_fits_again()
        if self.has_notice("workspace") and \
                not self.window_.controller.workspace.validate():
            self._hide_notice("workspace")  # fixed (or undone): it can be simulated again
            self.window_.show_status("The workspace can be simulated again.")
        sim = self.runner.simulation
        if sim is not None and self._stale and self._same_as_run(sim):
            self._stale = False  # undone back to the version the run is of
            self._hide_notice("stale")
            return
        if self.runner.loaded and not self._stale:
            self._stale = True
            self.say_stale()

    def say_stale(self) -> None:
        """The notice of a run the workspace changed under: while it goes on, and once it
        ended (QA: a run that finished after the edit still said it "goes on")."""
        if not self._stale:
            return
        if self.runner.done:
            self._show_notice("The workspace changed after this run: the results on "
                              "show are of the earlier version. Run Again (F5) "
                              "simulates the changed one.", "stale")
        elif self._started():  # a run not started yet takes the edit when it starts
            self._show_notice("The workspace changed after this run started; it goes on "
                              "with the version it started with. Reset (Shift+F5) runs "
                              "the changed one.", "stale")

    def _failed_scenario_fits_again(self) -> None:
        """The scenario chosen failed to load because of the workspace (a campaign or
        product it names was deleted) and loads now (that delete undone): its notice goes
        and Run, Step and Run to End work again, as the Scenario box's mark goes (QA: the
        panel kept saying "Put it back" and its buttons stayed off, while the toolbar's
        Simulate ran the scenario)."""
        path = self.failed_scenario
        if path is None or path != self.selected_scenario() or self.scenario_problem(path):
            return
        self.failed_scenario = None
        self._hide_notice("problem")
        self._update_controls()
        self.window_.show_status(f"{Path(path).name} fits the workspace again: Simulate (F5) "
                                 "runs it.")

    def note_run_position(self, sim: Simulation) -> None:
        """Remembers where the undo stack is as ``sim`` is set up (see _back_at_run)."""
        stack = self.window_.controller.undo_stack
        index = stack.index()
        self._run_position = (sim, stack, index, stack.command(index - 1) if index else None)

    def _back_at_run(self, sim: Simulation) -> bool:
        """The undo stack is back where it was when the run was set up, through the same
        commands: the same index, the same command just below it (a command under it
        replaced, by undoing past it and editing, takes every command above it away).
        Commands that merge later edits into themselves are moves alone, which a run does
        not depend on. O(1): fit for every edit of a workspace of any size."""
        position = self._run_position
        if position is None or position[0] is not sim:
            return False
        _sim, stack, index, below = position
        if stack is not self.window_.controller.undo_stack or not shiboken6.isValid(stack) \
                or stack.index() != index:
            return False
        return (stack.command(index - 1) if index else None) is below

    def _same_as_run(self, sim: Simulation) -> bool:
        """The workspace is again as the run took it: undone (or redone) back to where the
        undo stack was when the run was set up, at any size; else, for workspaces of up to
        SAME_CHECK_MAX_NODES nodes (a bigger one is taken as changed), compared as data,
        the nodes' places and the order of nodes and links left out (undoing a deletion
        puts the nodes back in the order they were selected in)."""
        if self._back_at_run(sim):
            return True
        workspace = self.window_.controller.workspace
        if sum(len(c) for c in workspace.campaigns) > self.same_check_max_nodes:
            return False
        if _shape(workspace) != _shape(sim.workspace):  # cheaply told apart: no copy
            return False
        if self._run_data is None or self._run_data[0] is not sim:
            self._run_data = (sim, _comparable(workspace_to_data(sim.workspace)))
        return _comparable(workspace_to_data(workspace)) == self._run_data[1]

    def only_campaign_toggled(self, checked: bool) -> None:
        sim = self.runner.simulation
        if self._started() and sim is not None and (sim.campaign is not None) != checked:
            self._show_notice("The results on show are of the run as it was set up: Reset "
                              "(Shift+F5) runs it with the new choice.", "choice")
        else:
            self._hide_notice("choice")


def _shape(workspace: Any) -> list[tuple[str, int, int]]:
    """Each campaign's id and its numbers of nodes and links."""
    return [(c.id, len(c), c.graph.number_of_edges()) for c in workspace.campaigns]


def _comparable(data: dict) -> dict:
    """Workspace data as a run depends on it: without the nodes' places, its nodes and
    links in one order (by id)."""
    data = _without_places(data)
    for campaign in data.get("campaigns", []):
        campaign["nodes"] = sorted(campaign.get("nodes", []), key=lambda n: str(n.get("id")))
        campaign["edges"] = sorted(campaign.get("edges", []),
                                   key=lambda e: (str(e.get("source")), str(e.get("target"))))
    return data


def _without_places(data: dict) -> dict:
    """Workspace data with the nodes' places left out: a run does not depend on them."""
    for campaign in data.get("campaigns", []):
        for node in campaign.get("nodes", []):
            node.pop("x", None)
            node.pop("y", None)
    return data
