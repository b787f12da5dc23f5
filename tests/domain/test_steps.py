"""How steps and actions read in lists: names, not ids; times as people write them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from canvas_app.domain.steps import Step


def test_campaign_actions_name_the_campaign() -> None:
    step = Step("add_to_campaign", campaign="shock-nurture")
    assert step.describe({"shock-nurture": "Pool Shock Nurture"}) == (
        'Add to campaign "Pool Shock Nurture"')
    assert step.describe() == "Add to campaign shock-nurture"  # no names known: the id
    assert Step("remove_from_campaign").describe() == "Remove from campaign …"
    delayed = Step("remove_from_campaign", campaign="x", delay=timedelta(hours=2))
    assert delayed.describe({"x": "X"}) == 'Remove from campaign "X" (after 2 hours)'


def test_wait_until_reads_as_a_utc_date_and_time() -> None:
    step = Step("wait_until", until=datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    assert step.describe() == "Wait until 2026-11-23 09:00 UTC"
