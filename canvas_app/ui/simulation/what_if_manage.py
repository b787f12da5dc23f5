"""Edit What-If Scenario… and Remove What-If Scenario…: a what-if made in the app, chosen in
the Scenario box, opened again in its form and saved over its file, or deleted (after a
question naming it) along with the settings' memory of it, so neither comes back at the next
start. Bundled samples and scenario files the user opened are not the app's to change: the
actions are disabled for them and say why (:func:`why_not_own`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...io.json_reading import parse_json
from ..dialogs.widgets import plain_destructive
from .scenario_box import SAMPLES, ScenarioBox, is_what_if, item_label, write_what_if
from .what_if_dialog import WhatIfDialog
from .what_if_file import not_shown, read_what_if

if TYPE_CHECKING:
    from ..main_window import MainWindow
    from .runner import SimRunner

NONE_CHOSEN = "No scenario chosen in the Scenario box"
REMOVE_TITLE = "Remove What-If Scenario"


def why_not_own(path: str | None, folder: Path) -> str:
    """Why the scenario ``path`` cannot be edited or removed as a what-if ("" when it
    can): only what-ifs made with New What-If Scenario… (kept in ``folder``) can."""
    if path is None:
        return f"{NONE_CHOSEN}: choose a what-if made with New What-If Scenario…"
    if is_what_if(path, folder):
        return ""
    what = "a sample that comes with the app" if Path(path).parent == SAMPLES \
        else "a scenario file you opened, not a what-if made here"
    return (f"{Path(path).name} is {what}: only what-ifs made with New What-If Scenario… "
            "can be edited or removed here")


class WhatIfManaging:
    """Mixed into :class:`~.panel.SimulationPanel` (through
    :class:`~.panel_scenarios.ScenarioChoice`), which sets these attributes."""

    window_: MainWindow
    runner: SimRunner
    scenario_combo: ScenarioBox
    scenario_dir: Path
    what_if_dialog: WhatIfDialog | None
    remove_box: QMessageBox | None = None  # the question on show (kept for tests)
    load: Callable[[], bool]
    stop: Callable[[], None]
    show_problem: Callable[[str], None]
    _scenario_picked: Callable[[int], None]
    _scenario_shown: Callable[[int], None]

    def chosen_what_if(self) -> str | None:
        """The what-if chosen in the Scenario box, when it is one made in the app."""
        path = self.scenario_combo.selected()
        return path if is_what_if(path, self.scenario_dir) else None

    def what_if_name(self, path: str) -> str:
        """How the Scenario box names it ("Spring rush (what-if 3)"), without its mark."""
        return item_label(Path(path))

    # -- Edit ------------------------------------------------------------------------------
    def edit_what_if(self) -> WhatIfDialog | None:
        """Opens the What-If form on the chosen what-if's entries; Save rewrites its file
        (the same place in the list) and, as choosing a scenario does, sets a run of it up
        again. None when no what-if made in the app is chosen, or its file does not read
        (the panel says why)."""
        path = self.chosen_what_if()
        if path is None:
            return None
        from .panel_scenarios import form_from_data

        workspace = self.window_.controller.workspace
        try:
            entries = read_what_if(path)
            file_data = parse_json(Path(path).read_text(encoding="utf-8"), path)
        except (ValueError, OSError) as exc:
            self.show_problem(f"Cannot edit the what-if: {exc}")
            return None
        dialog = WhatIfDialog(workspace, self.window_.current_campaign_id(), self.window_)
        what_if = form_from_data(entries, workspace, dialog.what_if())
        if what_if is not None:
            dialog.fill(what_if)
        dialog.for_editing(self.what_if_name(path), Path(path).name)
        dialog.set_not_shown(not_shown(file_data, dialog.what_if().to_data()))
        dialog.accepted.connect(lambda: self._what_if_edited(dialog, path))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.what_if_dialog = dialog
        return dialog

    def _what_if_edited(self, dialog: WhatIfDialog, path: str) -> None:
        try:
            write_what_if(Path(path), dialog.what_if().to_data())
        except OSError as exc:
            self.show_problem(f"{path}: cannot write: {exc.strerror or exc}")
            return
        box = self.scenario_combo
        index = box.findData(path)
        if index < 0:  # gone from the list meanwhile: listed again
            box.select(path)
            index = box.findData(path)
        box.describe(index, box.problem(path) or "")
        box.setCurrentIndex(index)
        self.window_.show_status(f"What-if \u201c{self.what_if_name(path)}\u201d saved "
                                 f"({path}).")
        self._scenario_picked(index)  # a run of it (or a failed one) starts over

    # -- Remove ----------------------------------------------------------------------------
    def remove_what_if(self) -> QMessageBox | None:
        """Asks whether to remove the chosen what-if, naming it; Remove deletes its file.
        Cancel (the default, and Esc) leaves it. None when no what-if made in the app is
        chosen."""
        path = self.chosen_what_if()
        if path is None:
            return None
        name = self.what_if_name(path)
        parent = self if isinstance(self, QWidget) else None
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, REMOVE_TITLE,
                          f"Remove the what-if \u201c{name}\u201d?\n\nIts file is deleted "
                          f"({Path(path).name}); it cannot be brought back.",
                          buttons.Yes | buttons.Cancel, parent)
        box.setObjectName("removeWhatIfBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a description's "<i>" is shown
        box.setDefaultButton(buttons.Cancel)
        box.setEscapeButton(buttons.Cancel)
        remove = plain_destructive(box.button(buttons.Yes), "&Remove")
        box.finished.connect(
            lambda _result: self._remove_answered(box.clickedButton() is remove, path))
        box.finished.connect(box.deleteLater)
        self.remove_box = box
        box.open()
        return box

    def _remove_answered(self, agreed: bool, path: str) -> None:
        self.remove_box = None
        if agreed:
            self.forget_what_if(path)

    def forget_what_if(self, path: str) -> None:
        """Deletes the what-if's file and every memory of it; the box then shows the
        nearest scenario that fits the workspace, taken as choosing it would (none when
        none fits, and a run of the removed one is forgotten)."""
        name = self.what_if_name(path)
        try:
            Path(path).unlink(missing_ok=True)
        except OSError as exc:
            self.show_problem(f"{path}: cannot delete: {exc.strerror or exc}")
            return
        box = self.scenario_combo
        was_at = box.forget(path)
        neighbour = self._neighbour(max(was_at, 0))
        if neighbour < 0 and self.runner.scenario_path == path:
            self.stop()  # a run of a scenario no longer there, and nothing to take its place
        box.setCurrentIndex(neighbour)
        if neighbour >= 0:
            self._scenario_picked(neighbour)
        self._scenario_shown(box.currentIndex())  # none chosen: the panel says what to do
        shown = f"; \u201c{box.currentText()}\u201d chosen" if neighbour >= 0 else ""
        self.window_.show_status(f"What-if \u201c{name}\u201d removed ({path} deleted){shown}.")

    def _neighbour(self, row: int) -> int:
        """The scenario nearest ``row`` (the next one first, then the one before) that
        fits the workspace; -1 when none does (or none was checked: too big to load)."""
        box = self.scenario_combo
        after = list(range(row, box.count()))
        before = list(range(row - 1, -1, -1))
        for index in [i for pair in zip(after, before, strict=False) for i in pair] \
                + after[len(before):] + before[len(after):]:
            path = box.itemData(index)
            if path and box.problem(path) == "":
                return index
        return -1
