"""Durations and times (C5)."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canvas_app.domain.timeutil import format_duration, format_time, parse_duration, parse_time


@pytest.mark.parametrize("text,expected", [
    (90, timedelta(minutes=90)), (1.5, timedelta(seconds=90)), ("P1W", timedelta(days=7)),
    ("P2DT3H", timedelta(days=2, hours=3)), ("PT45M", timedelta(minutes=45)),
    ("PT30S", timedelta(seconds=30)), ("p1d", timedelta(days=1)),
])
def test_C5_durations(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("bad", ["P1M", "P1Y", "P", "PT", "1 day", -5, True, None])
def test_C5_bad_durations_are_refused(bad):
    with pytest.raises(ValueError):
        parse_duration(bad)


@given(st.integers(min_value=0, max_value=10**8))
def test_duration_round_trip(seconds):
    delta = timedelta(seconds=seconds)
    assert parse_duration(format_duration(delta)) == delta


def test_C5_times_without_offset_are_utc_and_print_with_z():
    assert parse_time("2026-01-02T09:00") == datetime(2026, 1, 2, 9, tzinfo=UTC)
    assert format_time(parse_time("2026-01-02T10:00:00+01:00")) == "2026-01-02T09:00:00Z"
    with pytest.raises(ValueError):
        parse_time("tomorrow")
