"""The Simulation panel's choice of scenario: the Scenario box, Open Scenario…, the What-If
form, and the scenario preselected when a workspace opens (one that fits it).

The What-If form comes back as it was left with the same workspace, also after a restart:
its entries are kept per workspace (by its path or URL) in the app's settings, as a small
JSON form (see :func:`form_data`). Entries that no longer fit the workspace are dropped
when it is read back (:func:`form_from_data`), and a value that is not such a form is
ignored. The what-ifs made with it need nothing of this: each is saved as a scenario file
(:func:`~.scenario_box.save_what_if`) that the Scenario box lists at every start, and that
Edit What-If Scenario… reads back into the form (:mod:`.what_if_file`)."""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QWidget

from ...documents import is_url, settings_key
from ...sim.what_if import WhatIf, WhatIfPurchase, WhatIfTag
from .runner import ScenarioDoesNotFit, SimulationError, open_scenario
from .scenario_box import MISFIT, UNLOADABLE, ScenarioBox, save_what_if
from .what_if_dialog import ALL_PAYMENT_TYPES, WhatIfDialog
from .what_if_manage import WhatIfManaging

if TYPE_CHECKING:
    from ...domain.workspace import Workspace
    from ..main_window import MainWindow
    from .runner import SimRunner

# Scenarios first; a workspace (.campaign.json) is no scenario (QA: "*.json" listed them)
SCENARIO_FILTER = "Scenarios (*.scenario.json);;JSON files (*.json);;All files (*)"


def misfit_problem(exc: ScenarioDoesNotFit) -> str:
    """The check's problem for a scenario that names what the workspace lacks: "Written for
    another workspace: …" or 'Refers to product "mitt", not in this workspace: …'."""
    if exc.other_workspace:
        return f"{MISFIT}: {exc.reason}"
    return f"R{exc.short()[1:]}: {exc.reason}"

# {workspace path or URL (a password hidden): the What-If form as last left}, as JSON, the
# most recent first.
FORMS_KEY = "simulation/what_if_forms"
FORMS_MAX = 20  # workspaces whose form is kept
FORMS_MAX_CHARS = 64 * 1024  # the whole value at most; the oldest forms go first
FORM_ROWS_MAX = 200  # purchase rows kept (and tag rows)
DESCRIPTION_MAX = 500  # characters of the description kept
SAVE_DELAY_MS = 300  # after an entry changes, the form is kept this much later
NUMBERS = ("days", "count", "arrival_days", "share_added", "failure_rate", "error_rate",
           "retry_share", "retry_after_hours", "renewals", "renewal_every_days", "seed",
           "login_share")


def form_data(what_if: WhatIf) -> dict[str, Any]:
    """The form's entries as small JSON data (what :func:`form_from_data` reads back)."""
    mix = what_if.payment_types
    data: dict[str, Any] = {"description": what_if.description[:DESCRIPTION_MAX],
                            "start": what_if.start.isoformat(),
                            "campaign": what_if.campaign}
    data.update({name: getattr(what_if, name) for name in NUMBERS})
    data["payment"] = next(iter(mix)) if len(mix) == 1 else ALL_PAYMENT_TYPES
    data["purchases"] = [{"product": p.product, "chance": p.probability,
                          "within": p.within_days, "channel": p.channel,
                          "form": p.order_form} for p in what_if.purchases[:FORM_ROWS_MAX]]
    data["tags"] = [{"tag": t.tag[:DESCRIPTION_MAX], "chance": t.probability,
                     "within": t.within_days} for t in what_if.tags[:FORM_ROWS_MAX]]
    return data


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) \
        and math.isfinite(value)


def _purchase(entry: object, workspace: Workspace) -> WhatIfPurchase | None:
    """A kept purchase row; None when it is not one, or its product is gone."""
    if not isinstance(entry, dict):
        return None
    product, chance, within = entry.get("product"), entry.get("chance"), entry.get("within")
    if not isinstance(product, str) or product not in workspace.catalog.products:
        return None
    channel, form = entry.get("channel"), entry.get("form")
    return WhatIfPurchase(
        product, chance if _is_number(chance) else 0.2, within if _is_number(within) else 7,
        channel if isinstance(channel, str) else None, form if isinstance(form, str) else None)


def _tag(entry: object) -> WhatIfTag | None:
    """A kept tag row; None when it is not one. (Its tag need not be the workspace's: a
    what-if may give a tag nothing else uses.)"""
    if not isinstance(entry, dict) or not isinstance(entry.get("tag"), str):
        return None
    chance, within = entry.get("chance"), entry.get("within")
    return WhatIfTag(entry["tag"][:DESCRIPTION_MAX], chance if _is_number(chance) else 0.2,
                     within if _is_number(within) else 7)


def form_from_data(data: object, workspace: Workspace, base: WhatIf) -> WhatIf | None:
    """The form kept as ``data``, read against the workspace as it is now: ``base`` (the
    form as it opens) for each entry that is missing, of the wrong kind, or names a campaign
    or payment type no longer there; purchase rows whose product is gone are dropped. None
    when ``data`` is not a kept form at all. (The form also refuses numbers out of range:
    :meth:`~.what_if_dialog.WhatIfDialog.fill`.)"""
    if not isinstance(data, dict):
        return None
    values: dict[str, Any] = {n: data[n] for n in NUMBERS if _is_number(data.get(n))}
    for name in ("count", "renewals", "seed"):
        if name in values:
            values[name] = int(values[name])
    if isinstance(description := data.get("description"), str):
        values["description"] = description[:DESCRIPTION_MAX]
    try:
        start = datetime.fromisoformat(data["start"]) if isinstance(data.get("start"), str) \
            else None
    except ValueError:
        start = None
    if start is not None and start.tzinfo is not None:
        values["start"] = start
    campaign = data.get("campaign", "")
    if campaign is None or (isinstance(campaign, str) and workspace.has_campaign(campaign)):
        values["campaign"] = campaign
    payment, types = data.get("payment"), workspace.catalog.payment_types
    if payment == ALL_PAYMENT_TYPES:
        values["payment_types"] = {t: round(1 / len(types), 6) for t in types}
    elif isinstance(payment, str) and payment in types:
        values["payment_types"] = {payment: 1.0}
    rows = data.get("purchases")
    if isinstance(rows, list):
        kept = [_purchase(entry, workspace) for entry in rows[:FORM_ROWS_MAX]]
        values["purchases"] = [p for p in kept if p is not None]
        if rows and not values["purchases"]:
            del values["purchases"]  # every product gone: the form's own rows
    tags = data.get("tags")
    if isinstance(tags, list):
        values["tags"] = [t for t in map(_tag, tags[:FORM_ROWS_MAX]) if t is not None]
    return dataclasses.replace(base, **values)


def read_forms(settings: QSettings) -> dict[str, object]:
    """The kept forms by workspace; {} for a value that is not ours (or not JSON)."""
    value = settings.value(FORMS_KEY, "")
    try:
        data = json.loads(value) if isinstance(value, str) and value else {}
    except (ValueError, RecursionError):
        return {}
    return {str(k): v for k, v in data.items()} if isinstance(data, dict) else {}


def write_form(settings: QSettings, workspace: str, form: dict[str, Any]) -> None:
    """Keeps ``form`` for the workspace, first; the oldest others go past FORMS_MAX or
    FORMS_MAX_CHARS."""
    forms = {workspace: form,
             **{k: v for k, v in read_forms(settings).items() if k != workspace}}
    items = list(forms.items())[:FORMS_MAX]
    text = json.dumps(dict(items), ensure_ascii=False, separators=(",", ":"))
    while len(text) > FORMS_MAX_CHARS and len(items) > 1:
        items.pop()
        text = json.dumps(dict(items), ensure_ascii=False, separators=(",", ":"))
    settings.setValue(FORMS_KEY, text)


class _KeepOnClose(QObject):
    """Keeps the form when the main window closes with it still open (it is not finished
    then, and may be mid-delay)."""

    def __init__(self, keep: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.keep = keep

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's)
        if event.type() == QEvent.Type.Close:
            self.keep()
        return False


NONE_FITS = ("No scenario in the list fits this workspace: make one for it with New What-If "
             "Scenario…, or open one with Open Scenario… in the Scenario box.")


class ScenarioChoice(WhatIfManaging):
    """Mixed into :class:`~.panel.SimulationPanel`, which sets these attributes. (Editing
    and removing a what-if made here: :class:`~.what_if_manage.WhatIfManaging`.)"""

    window_: MainWindow
    runner: SimRunner
    scenario_combo: ScenarioBox
    scenario_dir: Path
    failed_scenario: str | None
    what_if_dialog: WhatIfDialog | None
    settings: QSettings | None
    # The form as last left with an untitled workspace (or with no settings), this session.
    forms_here: dict[str | None, dict[str, Any]] | None = None
    ask_scenario: Callable[[str], str]  # a scenario file to open, or "" (tests replace it)
    load: Callable[[], bool]
    show_problem: Callable[[str], None]
    _show_notice: Callable[..., None]
    _hide_notice: Callable[..., None]
    _load_failed: Callable[..., None]

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
            path = self.scenario_combo.itemData(index)
            if path:  # one marked as not loading says why at once
                self._scenario_marked(path, self.scenario_combo.problems.get(path, ""))

    def _scenario_marked(self, path: str, problem: str) -> None:
        """The scenario chosen was marked in the Scenario box as one that does not load
        (an edit deleted what it names, or it was chosen greyed) while no run is set up:
        the panel says why and Run, Step and Run to End wait, as after pressing one (QA:
        Step and Run to End stayed on until pressed). Its fitting again is
        ``_failed_scenario_fits_again``."""
        if not problem or self.runner.loaded or self.failed_scenario == path \
                or path != self.selected_scenario():
            return
        try:
            open_scenario(path, self.window_.controller.workspace)
        except SimulationError as exc:
            self._load_failed(path, exc, quiet=True)

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
        """The open workspace's path (absolute) or URL (without a password: the settings
        keep it); None for an untitled one."""
        document = self.window_.session.document
        if document is None:
            return None
        source = document.source
        return settings_key(source) if is_url(source) else str(Path(source).resolve())

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
        key = self.workspace_key()
        folder = Path(key).parent if key is not None and not is_url(key) else None
        path = self.ask_scenario(str(self.scenario_combo.start_folder(folder)))
        if not path:
            self.scenario_combo.back_to_last()
            if self.failed_scenario != self.selected_scenario():
                self._hide_notice("problem")  # it was about a file not chosen after all
            # (else it says why the scenario back on show does not load: QA, it went and
            # nothing said why Run was off)
            return False
        self.select_scenario(path)
        return self.load()

    def new_what_if(self) -> WhatIfDialog:
        """Opens the What-If form as it was last left with this workspace (else as new);
        "Create and run" saves the scenario and runs it."""
        workspace = self.window_.controller.workspace
        dialog = WhatIfDialog(workspace, self.window_.current_campaign_id(), self.window_)
        key = self.form_key()
        kept = self._kept_form(key)
        if kept is not None and (left := form_from_data(kept, workspace,
                                                        dialog.what_if())) is not None:
            dialog.fill(left)
        # Kept as the user types (shortly after), and when it closes, made or cancelled.
        later = QTimer(dialog)
        later.setSingleShot(True)
        later.setInterval(SAVE_DELAY_MS)
        later.timeout.connect(lambda: self._remember_what_if(dialog, key))
        dialog.edited.connect(later.start)
        self.window_.installEventFilter(
            _KeepOnClose(lambda: self._remember_what_if(dialog, key), dialog))
        dialog.accepted.connect(lambda: self._what_if_made(dialog))
        dialog.finished.connect(later.stop)
        dialog.finished.connect(lambda _result: self._remember_what_if(dialog, key))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.what_if_dialog = dialog
        return dialog

    def form_key(self) -> str | None:
        """The open workspace as the kept forms name it: its path or URL (a password
        hidden); None for an untitled one."""
        key = self.workspace_key()
        if key is not None and is_url(key) and "@" in key:
            from ...store.repository import safe_url

            return safe_url(key)
        return key

    def _kept_form(self, key: str | None) -> object:
        if key is None or self.settings is None:
            return (self.forms_here or {}).get(key)
        return read_forms(self.settings).get(key)

    def _remember_what_if(self, dialog: WhatIfDialog, key: str | None) -> None:
        """What was entered, made or cancelled, opens the form next time with this
        workspace, also after a restart (QA: it started from scratch each time); a form
        with a refused field is not kept (the last one that was stays)."""
        refused = dialog.start.problem() or any(f.problem() for f in dialog.number_fields())
        if refused:
            return
        form = form_data(dialog.what_if())
        if key is None or self.settings is None:
            self.forms_here = {**(self.forms_here or {}), key: form}
        else:
            write_form(self.settings, key, form)

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
