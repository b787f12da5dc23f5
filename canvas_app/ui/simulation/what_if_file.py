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
        "login_share": people.get("login_share", 0.0),
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
    tags = people.get("tags", [])
    if isinstance(tags, list):
        entries["tags"] = [
            {"tag": row.get("tag"), "chance": row.get("probability"),
             "within": _days(row.get("within", "P7D"))}
            for row in tags if isinstance(row, dict)]
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


# The form's entries in words, for what it cannot show of a file (see not_shown)
ENTRY_WORDS = {
    "description": "the description", "start": "the start", "days": "the days simulated",
    "seed": "the seed", "count": "the number of visitors", "arrival_days": "the arrival days",
    "campaign": "the campaign", "share_added": "the share added to it",
    "failure_rate": "the share declined", "error_rate": "the share of errors",
    "retry_share": "the share retried", "retry_after_hours": "the hours before a retry",
    "renewals": "the renewals", "renewal_every_days": "the days between renewals",
    "payment": "the payment types", "purchases": "the purchases",
    "login_share": "the share logging into the cart", "tags": "the tags applied",
}


def not_shown(file_data: object, form_data: dict[str, Any]) -> list[str]:
    """What of a what-if's file the form shows otherwise (a campaign or product since
    deleted, a number out of a field's range, a mix of payment types or of channels the
    form has no choice for), in words, in the form's order: Save would write the form's (QA 22i: it
    did so without a word)."""
    mine, theirs = form_entries(file_data), form_entries(form_data)
    if mine is None or theirs is None:
        return []
    differ = [key for key in ENTRY_WORDS if not _same(mine.get(key), theirs.get(key))]
    people = file_data.get("population", {}) if isinstance(file_data, dict) else {}
    mix = people.get("payment_types") if isinstance(people, dict) else None
    shown_mix = form_data.get("population", {}).get("payment_types")
    if "payment" not in differ and isinstance(mix, dict) and not _same(mix, shown_mix):
        differ.append("payment")
    return [f"{ENTRY_WORDS[key]} ({_why(key, mine.get(key))})"
            for key in ENTRY_WORDS if key in differ]


def _why(key: str, value: Any) -> str:
    """Why the form shows its own for ``key`` (QA 22k: one list of every cause, whatever
    the entry)."""
    if key == "campaign":
        return f'"{value}", not in this workspace' if value else "none"
    if key == "purchases":
        return "a product not in the catalog, or a mix of channels"
    if key == "tags":
        return "a chance or a number of days the form cannot show"
    if key == "payment":
        return "a mix of payment types the form has no choice for"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,}: out of the form's range"
    return "not one the form can show"


def _same(a: Any, b: Any) -> bool:
    """Equal, numbers within the form's rounding (a tenth of a per cent)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) <= 1e-3 * max(1.0, abs(a), abs(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b
