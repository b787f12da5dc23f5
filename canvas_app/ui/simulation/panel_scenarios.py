"""The Simulation panel's choice of scenario: the Scenario box, Open Scenario…, the What-If
form, and the scenario preselected when a workspace opens (one that fits it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from ...documents import is_url
from .runner import ScenarioDoesNotFit, SimulationError, open_scenario
from .scenario_box import MISFIT, UNLOADABLE, ScenarioBox, save_what_if
from .what_if_dialog import WhatIfDialog

if TYPE_CHECKING:
    from ...sim.what_if import WhatIf
    from ..main_window import MainWindow
    from .runner import SimRunner

SCENARIO_FILTER = "Scenarios (*.scenario.json *.json);;All files (*)"


def misfit_problem(exc: ScenarioDoesNotFit) -> str:
    """The check's problem for a scenario that names what the workspace lacks: "Written for
    another workspace: …" or 'Refers to product "mitt", not in this workspace: …'."""
    if exc.other_workspace:
        return f"{MISFIT}: {exc.reason}"
    return f"R{exc.short()[1:]}: {exc.reason}"

NONE_FITS = ("No scenario in the list fits this workspace: make one for it with New What-If "
             "Scenario…, or open one with Open Scenario File… in the Scenario box.")


class ScenarioChoice:
    """Mixed into :class:`~.panel.SimulationPanel`, which sets these attributes."""

    window_: MainWindow
    runner: SimRunner
    scenario_combo: ScenarioBox
    scenario_dir: Path
    failed_scenario: str | None
    what_if_dialog: WhatIfDialog | None
    last_what_if: WhatIf | None = None  # the form's entries when it last closed, this session
    ask_scenario: Callable[[str], str]  # a scenario file to open, or "" (tests replace it)
    load: Callable[[], bool]
    show_problem: Callable[[str], None]
    _show_notice: Callable[..., None]
    _hide_notice: Callable[..., None]

    def selected_scenario(self) -> str | None:
        return self.scenario_combo.selected()

    def select_scenario(self, path: str) -> None:
        self.scenario_combo.select(path)

    def _scenario_picked(self, index: int) -> None:
        if self.scenario_combo.itemData(index) is None:
            self.open_scenario_dialog()
            return
        if self.runner.loaded or self.failed_scenario is not None:
            self.load()  # a new choice starts a new run, paused at its start

    def _scenario_shown(self, index: int) -> None:
        """An empty box (no scenario fits the workspace) says what to do."""
        if index < 0:
            self._show_notice(NONE_FITS, "none", offer_what_if=True)
        else:
            self._hide_notice("none")

    def scenario_problem(self, path: str) -> str:
        """Why the scenario does not load against the workspace now ("" when it does)."""
        try:
            open_scenario(path, self.window_.controller.workspace)
        except ScenarioDoesNotFit as exc:
            return misfit_problem(exc)
        except SimulationError as exc:
            return f"{UNLOADABLE}: {exc}"
        return ""

    def workspace_key(self) -> str | None:
        """The open workspace's path (absolute) or URL; None for an untitled one."""
        document = self.window_.session.document
        if document is None:
            return None
        source = document.source
        return source if is_url(source) else str(Path(source).resolve())

    def preselect_scenario(self) -> str | None:
        """A workspace opened: the box shows a scenario that fits it (the one last used
        with it, else the most recent that fits), or none, with a word on making one."""
        chosen = self.scenario_combo.preselect(self.workspace_key())
        self._scenario_shown(self.scenario_combo.currentIndex())
        return chosen

    def _ask_scenario(self, start: str) -> str:
        parent = self if isinstance(self, QWidget) else None
        path, _ = QFileDialog.getOpenFileName(parent, "Open scenario", start, SCENARIO_FILTER)
        return path

    def open_scenario_dialog(self) -> bool:
        path = self.ask_scenario(str(self.scenario_combo.start_folder()))
        if not path:
            self.scenario_combo.back_to_last()
            self._hide_notice("problem")  # it was about a file not chosen after all
            return False
        self.select_scenario(path)
        return self.load()

    def new_what_if(self) -> WhatIfDialog:
        """Opens the What-If form; "Create and Run" saves the scenario and runs it."""
        dialog = WhatIfDialog(self.window_.controller.workspace,
                              self.window_.current_campaign_id(), self.window_)
        if self.last_what_if is not None:
            dialog.fill(self.last_what_if)
        dialog.accepted.connect(lambda: self._what_if_made(dialog))
        dialog.finished.connect(lambda _result: self._remember_what_if(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.what_if_dialog = dialog
        return dialog

    def _remember_what_if(self, dialog: WhatIfDialog) -> None:
        """What was entered, made or cancelled, opens the form next time (QA: it started
        from scratch each time); a form with a refused field is not kept."""
        refused = dialog.start.problem() or any(f.problem() for f in dialog.number_fields())
        if not refused:
            self.last_what_if = dialog.what_if()

    def _what_if_made(self, dialog: WhatIfDialog) -> None:
        try:
            path = save_what_if(self.scenario_dir, dialog.what_if().to_data())
        except OSError as exc:
            self.show_problem(f"{self.scenario_dir}: cannot write: {exc.strerror or exc}")
            return
        self.select_scenario(str(path))
        if self.load():
            self.window_.show_status(f"What-if saved as {path}; it stays in the Scenario list.")
            self.runner.play()
