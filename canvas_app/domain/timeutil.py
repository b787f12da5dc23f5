"""Durations and times as the files write them (C5).

A duration is a number of minutes or an ISO 8601 duration in weeks, days, hours, minutes and
seconds (``P1W``, ``P2DT3H``, ``PT90M``); months and years are refused, and so is a duration
longer than :data:`MAX_DURATION` (2000 years: far beyond any campaign, yet more than the
longest delay the step editor offers, 100000 weeks). Times are ISO 8601; a time without an
offset is UTC, and once in UTC it must fall in the years 1 to 9999 (the calendar Python and the
step editor know). Output times are UTC with a ``Z``.
"""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime, timedelta

MAX_DURATION_YEARS = 2000
MAX_DURATION = timedelta(days=365.25 * MAX_DURATION_YEARS)

_ISO_DURATION = re.compile(
    r"^P(?!$)(?:(?P<weeks>\d+(?:\.\d+)?)W)?(?:(?P<days>\d+(?:\.\d+)?)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?$"
)


DURATION_ADVICE = "use a number of minutes (0 or more) or an ISO 8601 duration like P2DT3H"


def shown_value(value: object) -> str:
    """A value as the file writes it (JSON: ``"P1M"``, ``-5``, ``true``, ``null``), cut
    short when long: how every message about a file's value quotes it."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # not a JSON value (a caller's own object)
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def not_a_duration(value: object, why: str = "") -> str:
    """The one wording of a refused duration, wherever it is read (workspace and scenario
    files, their schemas, the app): ``"P" is not a duration: use a number of minutes (0 or
    more) or an ISO 8601 duration like P2DT3H``, with ``why`` in brackets when the value
    needs more than the advice (``(months and years are not allowed)``)."""
    reason = f" ({why})" if why else ""
    return f"{shown_value(value)} is not a duration{reason}: {DURATION_ADVICE}"


def parse_duration(value: object) -> timedelta:
    """Minutes (int or float >= 0) or an ISO 8601 duration; raises ValueError with a reason
    (:func:`not_a_duration`'s words, or too long)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(not_a_duration(value))
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(not_a_duration(value))
        if value < 0:
            raise ValueError(not_a_duration(value))
        _check_length(value, value * 60.0)
        return timedelta(minutes=value)
    text = value.strip().upper()
    date_part = text.split("T")[0]
    if text.startswith("P") and ("Y" in date_part or "M" in date_part):
        raise ValueError(not_a_duration(value, "months and years are not allowed"))
    match = _ISO_DURATION.match(text)
    if not match:
        raise ValueError(not_a_duration(value))
    parts = {k: float(v) for k, v in match.groupdict().items() if v}
    _check_length(value, sum(amount * _UNIT_SECONDS[unit] for unit, amount in parts.items()))
    return timedelta(**parts)


_UNIT_SECONDS = {"weeks": 604800.0, "days": 86400.0, "hours": 3600.0, "minutes": 60.0,
                 "seconds": 1.0}


def _check_length(value: object, seconds: float) -> None:
    """A ValueError when ``seconds`` is longer than MAX_DURATION (checked before building
    the timedelta, which overflows on huge values)."""
    if not seconds <= MAX_DURATION.total_seconds():
        raise ValueError(f"{shown_value(value)} is too long for a duration (more than "
                         f"{MAX_DURATION_YEARS} years)")


def format_duration(delta: timedelta) -> str:
    """Canonical ISO 8601 form, e.g. ``P1DT2H``, ``PT30M``, ``PT0S``."""
    total = int(round(delta.total_seconds()))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    out = "P"
    if days:
        out += f"{days}D"
    clock = ""
    if hours:
        clock += f"{hours}H"
    if minutes:
        clock += f"{minutes}M"
    if seconds:
        clock += f"{seconds}S"
    if clock:
        out += "T" + clock
    return out if out != "P" else "PT0S"


def describe_duration(delta: timedelta) -> str:
    """Plain words in one unit, the largest that holds the duration whole: ``90 days``,
    ``2 weeks``, ``51 hours``, ``90 seconds``. The step editor shows a duration in that
    same unit (its amount and unit picker), so a wait of 90 days typed there is "90 days"
    in the step's row too, never "12 weeks 6 days" (QA3)."""
    total = int(round(delta.total_seconds()))
    if total == 0:
        return "no time"
    units = [("week", 604800), ("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)]
    name, size = next((name, size) for name, size in units if total % size == 0)
    count = total // size
    return f"{count:,} {name}{'s' if count != 1 else ''}"


def parse_time(value: object) -> datetime:
    """An ISO 8601 date-time (or date); naive values are UTC. Raises ValueError."""
    if not isinstance(value, str):
        raise ValueError("a time is an ISO 8601 string like 2026-01-02T09:00:00Z")
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO 8601 time like 2026-01-02T09:00:00Z") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # e.g. 9999-12-31T23:59:59-01:00 is in the year 10000 in UTC
        raise ValueError(f"{value!r} is out of range: in UTC it must fall in the years 1 to "
                         "9999") from None


def utc_minute(moment: datetime) -> str:
    """"2026-05-01 09:00": ``moment`` in UTC to the minute, as the step editor shows a time
    (the year in four digits: strftime's %Y writes the year 1 as "1")."""
    moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return f"{moment.year:04d}-{moment:%m-%d %H:%M}"


def format_time(moment: datetime) -> str:
    """ISO 8601 UTC with a ``Z``; seconds always shown, microseconds when present."""
    moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    # Not strftime's %Y: it writes years before 1000 without the leading zeros.
    text = f"{moment.year:04d}-" + moment.strftime("%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}"
    return text + "Z"
