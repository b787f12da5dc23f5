"""The Over Time chart's time axis: simulated times (UTC, C5) on Qt's local-time axis, ticks a
round step apart, their labels, and counts drawn as steps."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

from PySide6.QtCore import QDateTime


@lru_cache(maxsize=1 << 16)
def axis_ms(seconds: int) -> float:
    """The axis draws local time; simulated times are UTC (C5): shift each by the local
    offset at that moment, so the labels read UTC whatever the machine's zone. Kept for
    each moment: a run's chart is redrawn every few tenths of a second with the same
    moments, thousands of them."""
    offset = QDateTime.fromSecsSinceEpoch(seconds).offsetFromUtc()
    return (seconds - offset) * 1000.0


def from_axis_ms(ms: float) -> int:
    guess = int(ms // 1000)
    return guess + QDateTime.fromSecsSinceEpoch(guess).offsetFromUtc()


TICK_STEPS = (3600, 2 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 14 * 86400,
              28 * 86400, 91 * 86400, 182 * 86400, 364 * 86400)


def time_ticks(first: int, last: int, most: int = 8) -> tuple[int, int, int]:
    """(start, step, tick count) for a time axis over first..last: ticks a round step apart
    (an hour up to a year), the start on a whole step (in UTC), at most ``most`` ticks, none
    after ``last`` (the axis ends there, between two ticks or on one)."""
    span = max(last - first, 3600)
    step = next((s for s in TICK_STEPS if span / s <= most - 1), TICK_STEPS[-1])
    if step > 86400 and step % 86400 == 0:
        start = first - first % 86400  # whole days; weeks from the first day, not Thursdays
    else:
        start = first - first % step
    return start, step, max(0, last - start) // step + 1


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def time_label(seconds: int, with_time: bool) -> str:
    """``2 Mar`` or ``2 Mar 08:00`` (UTC, C5), the way the axis labels its ticks."""
    moment = datetime.fromtimestamp(seconds, UTC)
    day = f"{moment.day} {MONTHS[moment.month - 1]}"
    return f"{day} {moment:%H:%M}" if with_time else day


def axis_labels(first: int, last: int, most: int = 8,
                apart: float = 0.5) -> tuple[int, list[tuple[int, str]]]:
    """(axis start, [(moment, label)]) for a time axis from the round tick at or before
    ``first`` to ``last`` itself: a label at each round tick, and the end labelled too when
    it is not on a tick and not so near the last one that their labels would meet (half a
    step past it at least). With ``apart`` over a half, an end less than ``apart`` of a step
    past the last tick (and half a step at least) takes that tick's label's place rather
    than stand beside it (QA: "10 Apr" four days after "6 Apr", on a weekly axis, crowded
    it)."""
    if last - first > CALENDAR_FROM:
        start, step, labels = calendar_ticks(first, last, most)
        hourly = False
    else:
        start, step, count = time_ticks(first, last, most)
        hourly = step < 86400
        labels = [(start + i * step, time_label(start + i * step, hourly))
                  for i in range(count)]
    end_tick = labels[-1][0]
    if last > end_tick and (last - end_tick) * 2 >= step:
        label = time_label(last, hourly or last % 86400 != 0)
        if last - first > CALENDAR_FROM:  # (which year: the ticks name years or months)
            label = f"{label} {datetime.fromtimestamp(last, UTC).year}"
        if label not in {text for _at, text in labels}:
            if last - end_tick < apart * step and len(labels) > 1:
                labels.pop()
            labels.append((last, label))
    return start, labels


# Longer than this (seconds), the axis's ticks are months or years of the calendar, named
# with their year: steps of 364 days drifted a day a tick ("1 Dec, 30 Nov, 28 Nov…" over
# ten years, no year anywhere) and a century's made labels on top of each other (QA 22i).
CALENDAR_FROM = 300 * 86400
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000)


def calendar_ticks(first: int, last: int, most: int = 8
                   ) -> tuple[int, int, list[tuple[int, str]]]:
    """(start, a step's length in seconds, [(moment, label)]) for a long axis: the first of
    every k-th month ("Mar 2027"), or 1 January of every k-th year ("2030"), at most
    ``most`` ticks, from the one at or before ``first`` to ``last``."""
    begin, end = datetime.fromtimestamp(first, UTC), datetime.fromtimestamp(last, UTC)
    months = (end.year - begin.year) * 12 + end.month - begin.month + 1
    k = next((m for m in MONTH_STEPS if months / m <= most - 1), MONTH_STEPS[-1])
    index = begin.year * 12 + begin.month - 1
    index -= index % k  # on a whole step (years: a year k divides; months: of the year)
    ticks = []
    while True:
        year, month = divmod(index, 12)
        if year > 9999:
            break
        moment = int(datetime(year, month + 1, 1, tzinfo=UTC).timestamp())
        if moment > last and ticks:
            break
        label = str(year) if k >= 12 else f"{MONTHS[month]} {year}"
        ticks.append((moment, label))
        index += k
    return ticks[0][0], int(k * 30.44 * 86400), ticks


def steps(values: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Counts hold until they change: a step line, not a slope between samples."""
    out: list[tuple[int, int]] = []
    for at, value in values:
        if out and out[-1][1] != value:
            out.append((at, out[-1][1]))
        out.append((at, value))
    return out
