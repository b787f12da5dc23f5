"""The Simulation panel following edits made while a run is set up: an edit, or a change of
"This campaign only", before the run starts is taken when it starts; after it started, the
panel says the run goes on with what it started with."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6

from ...io import workspace_to_data

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCheckBox, QLabel

    from ...sim import Simulation
    from ..main_window import MainWindow
    from .runner import SimRunner
    from .scenario_box import ScenarioBox

SAME_CHECK_MAX_NODES = 2000


class ChangeTracking:
    """Mixed into :class:`~.panel.SimulationPanel`, which sets these attributes."""

    window_: MainWindow
    runner: SimRunner
    notice: QLabel
    only_campaign: QCheckBox
    scenario_combo: ScenarioBox
    _stale: bool
    _run_data: tuple[Simulation, dict] | None
    _last_index: tuple[object, int]  # the undo stack and its index at the last edit
    _show_notice: Callable[..., None]
    _hide_notice: Callable[..., None]
    has_notice: Callable[[str], bool]

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
            if self.runner.done:
                self._show_notice("The workspace changed after this run: the results on "
                                  "show are of the earlier version. Run Again (F5) "
                                  "simulates the changed one.", "stale")
            elif self._started():  # a run not started yet takes the edit when it starts
                self._show_notice("The workspace changed after this run started; it goes on "
                                  "with the version it started with. Reset (Shift+F5) runs "
                                  "the changed one.", "stale")

    def _same_as_run(self, sim: Simulation) -> bool:
        """The workspace is again as the run took it (compared for workspaces of up to a
        few thousand nodes: a bigger one is taken as changed)."""
        workspace = self.window_.controller.workspace
        if sum(len(c) for c in workspace.campaigns) > SAME_CHECK_MAX_NODES:
            return False
        if self._run_data is None or self._run_data[0] is not sim:
            self._run_data = (sim, _without_places(workspace_to_data(sim.workspace)))
        return _without_places(workspace_to_data(workspace)) == self._run_data[1]

    def only_campaign_toggled(self, checked: bool) -> None:
        sim = self.runner.simulation
        if self._started() and sim is not None and (sim.campaign is not None) != checked:
            self._show_notice("The results on show are of the run as it was set up: Reset "
                              "(Shift+F5) runs it with the new choice.", "choice")
        else:
            self._hide_notice("choice")


def _without_places(data: dict) -> dict:
    """Workspace data with the nodes' places left out: a run does not depend on them."""
    for campaign in data.get("campaigns", []):
        for node in campaign.get("nodes", []):
            node.pop("x", None)
            node.pop("y", None)
    return data
