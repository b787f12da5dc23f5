"""The Simulation panel's Scenario box: the bundled samples, scenarios used before (kept in
the settings), every what-if made in the app (however long ago), and "Open Scenario…"; each
with its description as a tooltip. A scenario
that does not load against the workspace says so in its text (greyed in the list).

The box remembers which scenario was last used with each workspace (by its path or URL), and
when a workspace opens it preselects one that fits it: that one, else the most recent that
fits, else none."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QMenu, QWidget

from ...io.atomic import write_text_atomic
from ..theme import RESOURCES

SAMPLES = RESOURCES / "samples"
RECENT_KEY = "simulation/recent_scenarios"
RECENT_MAX = 8
BESIDE_MAX = 20  # scenario files listed from the open workspace's folder
# {workspace path or URL: the scenario last used with it}, as JSON.
USED_WITH_KEY = "simulation/scenario_used_with"
USED_WITH_MAX = 50
CHECK_MAX_BYTES = 256 * 1024  # bigger scenario files are not loaded just to open the list
# The grey of a scenario that does not fit (it can still be chosen, so it must be read):
# 4.77:1 on the pop-up's #efefef and 5.49:1 on white (WCAG asks 4.5:1), still plainly
# lighter than the black of one that fits (#8a929b was 2.74:1 there).
UNFIT_COLOUR = "#626a73"
CHECK_DELAY_MS = 200  # after an edit, the scenario on show is checked again this much later
# How a check's problem starts, and what the item's text then says after its name (so the
# current item, shown without the list's grey, tells it too).
MISFIT = "Written for another workspace"
UNLOADABLE = "Does not load"
MARKS = {MISFIT: "written for another workspace", UNLOADABLE: "does not load"}
# A scenario for this workspace that names something it no longer has (or a typo):
# 'Refers to product "mitt", not in this workspace: <the loader's line>'.
WHAT_IF_NAME = re.compile(r"what-if-(\d+)\.scenario\.json")  # as save_what_if names them
LABEL_MAX = 48  # characters of a what-if's description in the list
MISSING = "Refers to "
NOT_HERE = ", not in this workspace"


def problem_mark(problem: str) -> str:
    """What an item's text says after its name, for a check's problem."""
    if problem.startswith(MISSING) and NOT_HERE in problem:
        end = problem.index(NOT_HERE) + len(NOT_HERE)
        return "r" + problem[1:end]
    return next((m for start, m in MARKS.items() if problem.startswith(start)),
                "does not load")


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
    write_what_if(path, data)
    return path


def write_what_if(path: Path, data: dict) -> None:
    """Writes (or rewrites, once edited) a what-if scenario's file, whole or not at all."""
    write_text_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def is_what_if(path: str | None, folder: Path) -> bool:
    """Whether ``path`` is a what-if made in the app (saved in ``folder`` by
    :func:`save_what_if`), which the app may rewrite or delete; a sample, or a file the
    user opened, is theirs (or the app's) to keep, even if it is named like one."""
    if not path:
        return False
    file = Path(path)
    return WHAT_IF_NAME.fullmatch(file.name) is not None \
        and file.parent.resolve() == folder.resolve()


def item_label(path: Path) -> str:
    """How the list names a scenario: a what-if made in the app by its description (cut
    short) and number, "Spring rush (what-if 3)", as its file name says little; any other
    by its file name (the samples' descriptions are paragraphs)."""
    match = WHAT_IF_NAME.fullmatch(path.name)
    about = " ".join(scenario_description(path).split()) if match else ""
    if not about:
        return path.name
    if len(about) > LABEL_MAX:
        about = about[:LABEL_MAX - 1].rstrip() + "…"
    return f"{about} (what-if {match.group(1)})" if match else about


def where_kept(path: Path) -> str:
    """Where a scenario file is, in a word or two: "sample", or its folder's name."""
    return "sample" if path.parent == SAMPLES else f"in {path.parent.name or path.parent}"


def scenario_description(path: Path) -> str:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return ""
    text = data.get("description") if isinstance(data, dict) else None
    return text if isinstance(text, str) else ""


class ScenarioBox(QComboBox):
    """Items carry the scenario's path; the last one ("Open Scenario…") carries None."""

    # The scenario on show was checked anew after an edit of the workspace: its path, and
    # why it does not load now ("" when it does).
    marked = Signal(str, str)

    def __init__(self, settings: QSettings | None, parent: QWidget | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        # Where the what-ifs made in the app are kept: all of them are listed, also those
        # no longer among the RECENT_MAX scenarios used last.
        self.folder = folder
        # The open workspace's folder: the scenarios kept beside it are listed (QA 21: one
        # written beside the workspace was not, until found with Open Scenario…).
        self.beside: Path | None = None
        self.setObjectName("scenarioCombo")
        self.setAccessibleName("Scenario")
        self.setMinimumContentsLength(24)  # "pool-store.scenario.json" in full
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setPlaceholderText("No scenario chosen")  # none fits the workspace
        self.last: str | None = None  # the last scenario chosen (not "Open Scenario…")
        # Why each scenario did not load when last checked ("" when it did).
        self.problems: dict[str, str] = {}
        # Why a scenario does not load against the workspace now ("" when it does); asked
        # for each small file when the list opens (set by the panel).
        self.check: Callable[[str], str] | None = None
        # Its context menu (right click, the Menu key, Shift+F10): these actions on the
        # scenario chosen, None for a separator (set by the panel).
        self.menu_actions: list[QAction | None] = []
        self.menu: QMenu | None = None  # the context menu on show (kept for tests)
        self._alike: set[str] = set()  # labels two listed files have (see fill)
        self.currentIndexChanged.connect(self._changed)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_current)
        self.fill()

    def fill(self) -> None:
        self.clear()
        # The story (a handful of named contacts) first, what-ifs after.
        paths = [str(p) for p in sorted(SAMPLES.glob("*.scenario.json"),
                                        key=lambda p: ("what-if" in p.name, p.name))]
        # the what-ifs made in the app by number, as they were added while the app ran
        # (QA: after a restart, the 8 used last first and the older ones after them)
        for path in [*self.what_ifs(), *self.beside_files(), *self.recent()]:
            if path not in paths and Path(path).exists():
                paths.append(path)
        labels = [item_label(Path(path)) for path in paths]
        # two files of one name (a sample copied beside the workspace): each says where
        # it is (QA 22: they were listed alike, tooltips too)
        self._alike = {label for label in labels if labels.count(label) > 1}
        for path in paths:
            self.addItem(Path(path).name, path)
            self.describe(self.count() - 1)
        self.addItem("Open Scenario…", None)

    def what_ifs(self) -> list[str]:
        """The what-ifs made in the app that are in its folder, by number."""
        if self.folder is None:
            return []
        try:
            found = [(int(match.group(1)), str(file)) for file in self.folder.iterdir()
                     if (match := WHAT_IF_NAME.fullmatch(file.name)) and file.is_file()]
        except OSError:  # no folder yet (none made), or out of reach
            return []
        return [path for _number, path in sorted(found)]

    def beside_files(self) -> list[str]:
        """The scenario files in the open workspace's folder, by name (at most
        BESIDE_MAX)."""
        if self.beside is None:
            return []
        try:
            found = sorted(str(file) for file in self.beside.glob("*.scenario.json")
                           if file.is_file())
        except OSError:
            return []
        return found[:BESIDE_MAX]

    def set_beside(self, folder: Path | None) -> None:
        """Lists the scenarios in ``folder`` (the open workspace's) from now on; looked at
        again when the same folder's workspace is opened (a file put there since)."""
        if folder != self.beside or folder is not None:
            self.beside = folder
            self._refill()

    def set_folder(self, folder: Path) -> None:
        """Keeps the what-ifs in ``folder`` from now on: the list is made again with them
        in their place (the scenario on show stays)."""
        self.folder = folder
        self._refill()

    def _refill(self) -> None:
        """The list made again (the scenario on show stays)."""
        shown = self.currentData()
        was = self.blockSignals(True)
        try:
            self.fill()
            if shown is not None and self.findData(shown) < 0:
                self.describe(self._insert(shown))
            self.setCurrentIndex(self.findData(shown) if shown is not None else -1)
        finally:
            self.blockSignals(was)

    def _insert(self, path: str) -> int:
        """Lists ``path`` before "Open Scenario…"; its index. A file of the name another
        listed one has: both say where they are (QA 22g: a file chosen or found after
        the list was made was listed alike)."""
        self.insertItem(self.count() - 1, Path(path).name, path)
        index = self.count() - 2
        paths = [self.itemData(i) for i in range(self.count()) if self.itemData(i)]
        labels = [item_label(Path(p)) for p in paths]
        alike = {label for label in labels if labels.count(label) > 1}
        changed, self._alike = alike ^ self._alike, alike
        for i, item in enumerate(paths):
            if i != index and labels[i] in changed:
                self.describe(i, self.problems.get(item, ""))
        return index

    def describe(self, index: int, problem: str = "") -> None:
        """The item's tooltip (its description), and, when it does not load against the
        workspace, greyed with the reason, and its text saying so after its name."""
        path = self.itemData(index)
        if not path:
            return
        about = scenario_description(Path(path)) or path
        label = item_label(Path(path))
        if label in self._alike:
            label = f"{label} ({where_kept(Path(path))})"
        if about != path:  # the file is in the tip (two of one name: which one)
            about = f"{about}\n{path}"
        self.setItemData(index, f"{about}\n{problem}" if problem else about,
                         Qt.ItemDataRole.ToolTipRole)
        self.setItemData(index, QBrush(QColor(UNFIT_COLOUR)) if problem else None,
                         Qt.ItemDataRole.ForegroundRole)
        mark = problem_mark(problem) if problem else ""
        self.setItemText(index, f"{label} — {mark}" if mark else label)
        self.problems[path] = problem

    def problem(self, path: str, always: bool = False) -> str | None:
        """Why the scenario does not load against the workspace now ("" when it does);
        None when it is not checked (no check, or a file too big to load just to see)."""
        if self.check is None:
            return None
        if not always:
            try:
                if Path(path).stat().st_size > CHECK_MAX_BYTES:
                    return None
            except OSError:
                pass  # the check says it cannot be read
        return self.check(path)

    def check_current_soon(self) -> None:
        """Marks the scenario on show anew shortly (once for a burst of edits)."""
        self._check_timer.start()

    def check_current(self) -> None:
        """Marks the scenario on show anew (the workspace changed)."""
        path = self.currentData()
        problem = self.problem(path) if path else None
        if problem is not None:
            self.describe(self.currentIndex(), problem)
            self.marked.emit(path, problem)

    def mark(self, path: str, problem: str) -> None:
        """Tells the scenario's item what became of its load ("" when it loaded)."""
        index = self.findData(path)
        if index >= 0:
            self.describe(index, problem)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt's)
        """The panel's actions on the scenario chosen (Edit and Remove What-If…), each
        disabled one saying why in its tooltip."""
        if not self.menu_actions:
            super().contextMenuEvent(event)
            return
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.menu_from_keyboard()
        else:
            self.open_menu(event.globalPos())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's)
        """The Menu key and Shift+F10 open the context menu (Qt sends no context menu
        event for Shift+F10 on X11, nor for either key everywhere)."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self.menu_actions and (
                (event.key() == Qt.Key.Key_Menu and modifiers == Qt.KeyboardModifier.NoModifier)
                or (event.key() == Qt.Key.Key_F10
                    and modifiers == Qt.KeyboardModifier.ShiftModifier)):
            self.menu_from_keyboard()
            event.accept()
            return
        super().keyPressEvent(event)

    def menu_from_keyboard(self) -> None:
        """The context menu under the box's left part, where the keys are."""
        self.open_menu(self.mapToGlobal(QPoint(self.width() // 4, self.height())))

    def open_menu(self, where: QPoint) -> None:
        if self.menu is not None and shiboken6.isValid(self.menu) and self.menu.isVisible():
            return  # one key press may bring a key and a context menu event both
        menu = QMenu(self)
        menu.setObjectName("scenarioMenu")
        menu.setToolTipsVisible(True)  # a disabled action's tooltip says why
        for action in self.menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.aboutToHide.connect(menu.deleteLater)
        self.menu = menu
        menu.popup(where)

    def forget(self, path: str) -> int:
        """Takes the scenario out of the list and out of the settings (the scenarios used,
        and the one used with each workspace), so it is not listed at the next start
        either. Returns the row it had (-1 when it was not listed)."""
        index = self.findData(path)
        if index >= 0:
            self.removeItem(index)
        if self.last == path:
            self.last = None
        if self.settings is not None:
            if path in self.recent():
                self.settings.setValue(RECENT_KEY, [p for p in self.recent() if p != path])
            used = self._used_with()
            if path in used.values():
                self.settings.setValue(USED_WITH_KEY, json.dumps(
                    {k: v for k, v in used.items() if v != path}, ensure_ascii=False))
        return index

    def showPopup(self) -> None:
        self.check_items()
        super().showPopup()

    def check_items(self) -> None:
        """Marks the scenarios that do not load against the workspace as it is now (files
        small enough to load at once; the others are left as they are)."""
        for index in range(self.count()):
            path = self.itemData(index)
            if not path:
                continue
            problem = self.problem(path)
            if problem is not None:
                self.describe(index, problem)

    def recent(self) -> list[str]:
        if self.settings is None:
            return []
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def remember(self, path: str, workspace: str | None = None) -> None:
        """A scenario run from outside the samples stays in the list at the next start;
        with ``workspace`` (its path or URL), it is the one preselected when that opens."""
        if self.settings is None:
            return
        if workspace is not None:
            used = {workspace: path,
                    **{k: v for k, v in self._used_with().items() if k != workspace}}
            self.settings.setValue(USED_WITH_KEY, json.dumps(
                dict(list(used.items())[:USED_WITH_MAX]), ensure_ascii=False))
        if Path(path).parent == SAMPLES:
            return
        recent = [p for p in self.recent() if p != path]
        self.settings.setValue(RECENT_KEY, [path, *recent][:RECENT_MAX])

    def _used_with(self) -> dict[str, str]:
        value = self.settings.value(USED_WITH_KEY, "") if self.settings is not None else ""
        try:
            data = json.loads(value) if isinstance(value, str) and value else {}
        except ValueError:
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): v for k, v in data.items() if isinstance(v, str)}

    def used_with(self, workspace: str | None) -> str | None:
        """The scenario last used with that workspace, if its file is still there."""
        path = self._used_with().get(workspace) if workspace is not None else None
        return path if path is not None and Path(path).is_file() else None

    def preselect(self, workspace: str | None) -> str | None:
        """Chooses a scenario that fits the workspace now open: the one last used with it,
        else the first beside it that fits, else the most recent that fits, else the first
        sample that fits, else none (the box is left empty). One that does not fit is never
        chosen; the ones tried are marked. Returns the scenario chosen."""
        remembered = self.used_with(workspace)
        listed = [self.itemData(i) for i in range(self.count()) if self.itemData(i)]
        samples = [p for p in listed if Path(p).parent == SAMPLES]
        order = [remembered, *self.beside_files(), *self.recent(), *samples]
        chosen = None
        for path in dict.fromkeys(p for p in order if p and Path(p).is_file()):
            problem = self.problem(path, always=path == remembered)
            if problem is None:
                continue  # too big to check here: not chosen unseen
            if self.findData(path) < 0:
                self._insert(path)
            self.mark(path, problem)
            if not problem:
                chosen = path
                break
        self.last = chosen
        self.setCurrentIndex(self.findData(chosen) if chosen else -1)
        return chosen

    def _changed(self, _index: int) -> None:
        if self.currentData() is not None:
            self.last = self.currentData()

    def selected(self) -> str | None:
        return self.currentData()

    def back_to_last(self) -> None:
        """Shows the last scenario chosen again (after "Open Scenario…" was cancelled),
        or none when none was."""
        self.setCurrentIndex(self.findData(self.last) if self.last else -1)

    def start_folder(self, workspace_folder: Path | None = None) -> Path:
        """Where to look for a scenario file: the workspace's folder when it holds
        scenarios (QA: a newcomer with scenarios beside the workspace was shown the app's
        samples, or the folder of another workspace's), else beside the last one opened
        from a folder of the user's, else the samples."""
        if workspace_folder is not None:
            try:
                if next(workspace_folder.glob("*.scenario.json"), None) is not None:
                    return workspace_folder
            except OSError:
                pass  # a folder that cannot be listed: the others
        for path in (self.last, *self.recent()):
            if path and Path(path).parent != SAMPLES and Path(path).parent.is_dir():
                return Path(path).parent
        return SAMPLES

    def select(self, path: str) -> None:
        index = self.findData(path)
        if index < 0:
            index = self._insert(path)
        self.describe(index, self.problem(path) or "")
        self.setCurrentIndex(index)
