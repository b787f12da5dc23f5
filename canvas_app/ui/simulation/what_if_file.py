"""A what-if scenario made in the app, read back from its file as the What-If form's
entries (to edit it), so that what the form shows is what the file says.

A what-if is kept as nothing but its file, ``what-if-N.scenario.json`` in the app's folder
of scenarios (:func:`~.scenario_box.save_what_if`); the Scenario box lists it because the
settings remember it among the scenarios used (:meth:`~.scenario_box.ScenarioBox.remember`).
Its file is what the command line runs too: the form's entries are rebuilt from it here,
not kept beside it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from ...domain.timeutil import parse_duration, parse_time
from ...io.errors import LoadError
from ...io.json_reading import parse_json
from .what_if_values import ALL_PAYMENT_TYPES

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


def _days(value: object) -> float | None:
    try:
        return parse_duration(value) / DAY
    except ValueError:
        return None


def _hours(value: object) -> float | None:
    try:
        return parse_duration(value) / HOUR
    except ValueError:
        return None


def form_entries(data: object) -> dict[str, Any] | None:
    """A what-if's scenario data (what :meth:`~canvas_app.sim.what_if.WhatIf.to_data`
    wrote) as the form's kept entries (what :func:`~.panel_scenarios.form_from_data`
    reads); None when it is not such data (no population, or times that do not read).
    Entries of the wrong kind are left out here and the form keeps its own for them."""
    if not isinstance(data, dict) or not isinstance(data.get("population"), dict):
        return None
    try:
        start, until = parse_time(data.get("start")), parse_time(data.get("until"))
    except ValueError:
        return None
    people: dict[str, Any] = data["population"]
    entries: dict[str, Any] = {
        "description": data.get("description", ""),
        "start": start.isoformat(),
        "days": (until - start) / DAY,
        "seed": data.get("seed"),
        "count": people.get("count"),
        "arrival_days": _days(people.get("arrival_spread", 0)),
        "campaign": people.get("campaign"),  # none: they only shop
        "share_added": people.get("share_added", 1.0),
        "failure_rate": people.get("failure_rate", 0.0),
        "error_rate": people.get("error_rate", 0.0),
        "retry_share": people.get("retry_share", 0.0),
        "renewals": people.get("renewals", 0),
    }
    if "retry_after" in people:
        entries["retry_after_hours"] = _hours(people["retry_after"])
    if "renewal_every" in people:
        entries["renewal_every_days"] = _days(people["renewal_every"])
    mix = people.get("payment_types")
    if isinstance(mix, dict) and mix:
        entries["payment"] = next(iter(mix)) if len(mix) == 1 else ALL_PAYMENT_TYPES
    rows = people.get("purchases")
    if isinstance(rows, list):
        entries["purchases"] = [
            {"product": row.get("product"), "chance": row.get("probability"),
             "within": _days(row.get("within", 0)), "channel": row.get("channel"),
             "form": row.get("order_form")}
            for row in rows if isinstance(row, dict)]
    return entries


def read_what_if(path: str | Path) -> dict[str, Any]:
    """The form's entries for the what-if in that file. Raises ValueError saying what is
    wrong (the file cannot be read, is not JSON, or is not a what-if's scenario)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    try:  # the loader's words, as the panel says them of the same file (QA 22i)
        data = parse_json(text, str(path))
    except LoadError as exc:
        raise ValueError(str(exc)) from None
    entries = form_entries(data)
    if entries is None:
        raise ValueError(f"{path}: is not a what-if scenario (it has no population, or no "
                         "start and end)")
    return entries
