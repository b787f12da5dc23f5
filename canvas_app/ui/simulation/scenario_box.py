"""The Simulation panel's Scenario box: the bundled samples, scenarios used before (kept in
the settings), and "Open Scenario File…"; each with its description as a tooltip."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QWidget

from ...io.atomic import write_text_atomic
from ..theme import RESOURCES

SAMPLES = RESOURCES / "samples"
RECENT_KEY = "simulation/recent_scenarios"
RECENT_MAX = 8
CHECK_MAX_BYTES = 256 * 1024  # bigger scenario files are not loaded just to open the list
UNFIT_COLOUR = "#8a929b"


def default_scenario_dir() -> Path:
    """Where What-If scenarios made in the app are kept: beside the recovery snapshots."""
    from ...documents import default_recovery_dir

    return default_recovery_dir().parent / "scenarios"


def save_what_if(folder: Path, data: dict) -> Path:
    """Writes a what-if scenario as ``what-if-N.scenario.json`` (the first free N)."""
    number = 1
    while (folder / f"what-if-{number}.scenario.json").exists():
        number += 1
    path = folder / f"what-if-{number}.scenario.json"
    write_text_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return path


def scenario_description(path: Path) -> str:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return ""
    text = data.get("description") if isinstance(data, dict) else None
    return text if isinstance(text, str) else ""


class ScenarioBox(QComboBox):
    """Items carry the scenario's path; the last one ("Open Scenario File…") carries None."""

    def __init__(self, settings: QSettings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("scenarioCombo")
        self.setAccessibleName("Scenario")
        self.setMinimumContentsLength(24)  # "pool-store.scenario.json" in full
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.last: str | None = None  # the last scenario chosen (not "Open Scenario File…")
        # Why a scenario does not load against the workspace now ("" when it does); asked
        # for each small file when the list opens (set by the panel).
        self.check: Callable[[str], str] | None = None
        self.currentIndexChanged.connect(self._changed)
        self.fill()

    def fill(self) -> None:
        self.clear()
        # The story (a handful of named contacts) first, what-ifs after.
        paths = [str(p) for p in sorted(SAMPLES.glob("*.scenario.json"),
                                        key=lambda p: ("what-if" in p.name, p.name))]
        for path in self.recent():
            if path not in paths and Path(path).exists():
                paths.append(path)
        for path in paths:
            self.addItem(Path(path).name, path)
            self.describe(self.count() - 1)
        self.addItem("Open Scenario File…", None)

    def describe(self, index: int, problem: str = "") -> None:
        """The item's tooltip (its description), and, when it does not load against the
        workspace, greyed with the reason."""
        path = self.itemData(index)
        if not path:
            return
        about = scenario_description(Path(path)) or path
        self.setItemData(index, f"{about}\n{problem}" if problem else about,
                         Qt.ItemDataRole.ToolTipRole)
        self.setItemData(index, QBrush(QColor(UNFIT_COLOUR)) if problem else None,
                         Qt.ItemDataRole.ForegroundRole)

    def showPopup(self) -> None:
        self.check_items()
        super().showPopup()

    def check_items(self) -> None:
        """Marks the scenarios that do not load against the workspace as it is now (files
        small enough to load at once; the others are left as they are)."""
        if self.check is None:
            return
        for index in range(self.count()):
            path = self.itemData(index)
            if not path:
                continue
            try:
                small = Path(path).stat().st_size <= CHECK_MAX_BYTES
            except OSError:
                small = True  # the check says it cannot be read
            if small:
                self.describe(index, self.check(path))

    def recent(self) -> list[str]:
        if self.settings is None:
            return []
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def remember(self, path: str) -> None:
        """A scenario run from outside the samples stays in the list at the next start."""
        if self.settings is None or Path(path).parent == SAMPLES:
            return
        recent = [p for p in self.recent() if p != path]
        self.settings.setValue(RECENT_KEY, [path, *recent][:RECENT_MAX])

    def _changed(self, _index: int) -> None:
        if self.currentData() is not None:
            self.last = self.currentData()

    def selected(self) -> str | None:
        return self.currentData()

    def back_to_last(self) -> None:
        """Shows the last scenario chosen again (after "Open Scenario File…" was cancelled)."""
        index = self.findData(self.last) if self.last else -1
        self.setCurrentIndex(index if index >= 0 else 0)

    def start_folder(self) -> Path:
        """Where to look for a scenario file: beside the last one opened from a folder of
        the user's, else the samples."""
        for path in (self.last, *self.recent()):
            if path and Path(path).parent != SAMPLES and Path(path).parent.is_dir():
                return Path(path).parent
        return SAMPLES

    def select(self, path: str) -> None:
        index = self.findData(path)
        if index < 0:
            self.insertItem(self.count() - 1, Path(path).name, path)
            index = self.count() - 2
        self.describe(index)
        self.setCurrentIndex(index)
