"""QA3 s25: a wait-until time is said in UTC, as the editor's field shows it
("2020-11-25 09:00 UTC"), whatever offset it was given with, the year in four digits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from canvas_app.domain.steps import Step


def test_the_row_says_utc() -> None:
    until = datetime(2020, 11, 25, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert Step("wait_until", until=until).describe() == "Wait until 2020-11-25 09:00 UTC"


def test_an_early_year_has_four_digits() -> None:
    until = datetime(1, 1, 1, 0, 0, tzinfo=UTC)
    assert Step("wait_until", until=until).describe() == "Wait until 0001-01-01 00:00 UTC"
