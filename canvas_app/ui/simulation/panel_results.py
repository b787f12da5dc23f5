"""Saving the Simulation panel's run as JSON (what ``canvas-app simulate --json`` writes)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from ...io.atomic import write_text_atomic

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from ..main_window import MainWindow
    from .runner import SimRunner


def readable_clock(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return f"{moment.day} {moment:%b %Y %H:%M} UTC"


class ResultSaving:
    """Mixed into :class:`~.panel.SimulationPanel`, which sets these attributes."""

    window_: MainWindow
    runner: SimRunner
    actions_by_name: dict[str, QAction]

    show_problem: Callable[[str], None]
    ask_result_path: Callable[[str], str]  # where to save, or "" (tests replace it)

    def _ask_result_path(self, start: str) -> str:
        parent = self if isinstance(self, QWidget) else None
        path, _ = QFileDialog.getSaveFileName(parent, "Save simulation result", start,
                                              "Result (*.result.json *.json)")
        return path

    def save_result_dialog(self) -> bool:
        if not self.runner.loaded or not self.actions_by_name["save_result"].isEnabled():
            self.window_.show_status("Nothing to save yet: run the scenario first.")
            return False
        scenario = Path(self.runner.scenario_path or "simulation")
        name = scenario.name.replace(".scenario.json", "").replace(".json", "")
        start = self.window_.files.start_directory() / f"{name}.result.json"
        path = self.ask_result_path(str(start))
        if path:  # "rés ult" typed: rés ult.result.json, asked about if it is there (QA 22i)
            path = self.window_.files.named_for_saving(path, result_file_name)
        return self.save_result(path) if path else False

    def save_result(self, path: str) -> bool:
        """Writes the result as of now (a run not finished says ``complete: false``);
        nothing before the run has started."""
        sim = self.runner.simulation
        if sim is None or not self.actions_by_name["save_result"].isEnabled():
            self.window_.show_status("Nothing to save yet: run the scenario first.")
            return False
        result = self.runner.result()
        if result is None:
            return False
        partial = not self.runner.done
        if partial:
            result.complete = False
        try:
            write_text_atomic(path, result.to_json())
        except OSError as exc:
            self.show_problem(f"{path}: cannot write: {exc.strerror or exc}")
            return False
        if partial:
            self.window_.show_status(
                f"Saved a partial result to {path}: the run stopped at "
                f"{readable_clock(sim.time)}, before the scenario's end "
                "(\"complete\": false).")
        else:
            self.window_.show_status(f"Simulation result saved to {path}.")
        return True


def result_file_name(path: str) -> str:
    """The file a result typed as ``path`` is saved in: ``.result.json`` added unless it
    ends in .json."""
    return path if path.lower().endswith(".json") else path + ".result.json"
