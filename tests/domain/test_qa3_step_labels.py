"""QA3 s12: 'Notify team: "Call…"' had a colon where 'Send email "…"' and 'Apply tag "…"'
had none. Every step's line is its kind's label, a space, then its quoted text."""

from __future__ import annotations

import pytest

from canvas_app.domain.steps import ACTION_KINDS, STEP_KINDS, Step


@pytest.mark.parametrize(("kind", "field"), [
    ("email", "subject"), ("send_email", "subject"), ("apply_tag", "tag"),
    ("remove_tag", "tag"), ("notify_team", "message"),
])
def test_label_then_quoted_text(kind: str, field: str) -> None:
    step = Step(kind, **{field: "Call the customer"})
    label = {**STEP_KINDS, **ACTION_KINDS}[kind][0]
    assert step.describe() == f'{label} "Call the customer"'
