"""C13: a journey's ``event`` is one of C13's names, and only those (QA 2, t4 and t5).

Two entries have no C13 name of their own: a ``wait_until`` whose time has passed (C13's
``step`` is "a delay or wait begins") and an order that meets a purchase goal but for its
payment type, for an eligible contact (recorded ``not_eligible``). They keep the nearest
name, written down in docs/decisions.md and docs/file-format.md; these tests run them through
``canvas-app simulate --json`` on real files and check the result, the schema and the docs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from canvas_app.cli import main
from canvas_app.sim.commerce import is_mismatch

from .helpers import CATALOG, CONTACTS, camp, email, pgoal, seq

ROOT = Path(__file__).resolve().parents[2]
# SPEC C13, word for word: the result's contract
C13 = ["added", "removed_from_campaign", "entered", "step", "completed", "removed", "waiting",
       "achieved", "achieved_again", "not_eligible", "skipped_reentry", "tag_applied",
       "tag_removed", "email_sent", "notify_team", "contact_type_set", "action_set",
       "contact_created", "purchase", "payment", "cart_login"]


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], campaign: dict[str, Any],
        events: list[dict[str, Any]]) -> dict[str, Any]:
    ws = {"format": "campaign-canvas", "version": 1, "catalog": CATALOG,
          "ecommerce": {"settings": {"product_actions_for_legacy_and_manual": False},
                        "action_sets": {}, "product_action_sets": {}},
          "contacts": CONTACTS, "campaigns": [campaign]}
    w, s = tmp_path / "w.campaign.json", tmp_path / "s.scenario.json"
    w.write_text(json.dumps(ws), encoding="utf-8")
    s.write_text(json.dumps({"start": "2026-01-01T00:00:00Z", "until": "2026-02-01T00:00:00Z",
                             "events": events}), encoding="utf-8")
    assert main(["simulate", str(w), "--scenario", str(s), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    schema = json.loads((ROOT / "resources/schema/result.schema.json").read_text("utf-8"))
    jsonschema.validate(result, schema)
    for contact in result["contacts"].values():
        assert {j["event"] for j in contact["journey"]} <= set(C13)
    return result


def added(contact: str, campaign: str, at: str = "2026-01-06T00:00:00Z") -> dict[str, Any]:
    return {"at": at, "type": "add_to_campaign", "contact": contact, "campaign": campaign}


def test_a_wait_until_already_past_is_a_step_passed_at_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    campaign = camp("w", [seq("s", {"kind": "wait_until", "until": "2025-06-01T00:00:00Z"},
                              email("past"),
                              {"kind": "wait_until", "until": "2026-01-07T00:00:00Z"},
                              email("later"))])
    journey = run(tmp_path, capsys, campaign, [added("ana", "w")])["contacts"]["ana"]["journey"]
    steps = [(j["at"], j["event"], j["detail"]) for j in journey if j["node"] == "s"]
    assert steps == [
        ("2026-01-06T00:00:00Z", "entered", 'entered "S"'),
        ("2026-01-06T00:00:00Z", "step",
         '"S" step 1: 2025-06-01T00:00:00Z has passed, goes straight through'),
        ("2026-01-06T00:00:00Z", "email_sent", '"S" step 2: "past"'),
        ("2026-01-06T00:00:00Z", "step", '"S" step 3: waits until 2026-01-07T00:00:00Z'),
        ("2026-01-07T00:00:00Z", "email_sent", '"S" step 4: "later"'),
        ("2026-01-07T00:00:00Z", "completed", 'completed "S"'),
    ]


def test_a_payment_type_mismatch_is_not_eligible_told_apart_from_r4(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    campaign = camp("b", [seq("n", {"kind": "delay", "duration": "P30D"}),
                          pgoal("by-card", any_purchase=True, payment_types=["credit_card"]),
                          pgoal("by-cash", any_purchase=True, payment_types=["cash"])],
                    "n>by-card", "n>by-cash")
    events = [added("ana", "b", "2026-01-01T00:00:00Z"),
              {"at": "2026-01-02T05:00:00Z", "type": "purchase", "contact": "ana",
               "channel": "order_form", "order_form": "form", "order_id": "o2",
               "products": ["mitt"], "payment_type": "cash", "outcome": "success"},
              # ben is in no campaign: R4's refusal, the same event, other words
              {"at": "2026-01-02T06:00:00Z", "type": "purchase", "contact": "ben",
               "channel": "order_form", "order_form": "form", "order_id": "o3",
               "products": ["mitt"], "payment_type": "cash", "outcome": "success"}]
    result = run(tmp_path, capsys, campaign, events)
    ana = [(j["event"], j["node"], j["detail"]) for j in result["contacts"]["ana"]["journey"]
           if j["node"] in ("by-card", "by-cash")]
    assert ana == [("not_eligible", "by-card", "order o2: payment type Cash not chosen"),
                   ("achieved", "by-cash", "order o2, Cash")]
    assert is_mismatch(ana[0][0], ana[0][2])
    ben = [(j["event"], j["node"], j["detail"]) for j in result["contacts"]["ben"]["journey"]
           if j["node"] is not None]
    # the payment type is named first, whoever the buyer (docs/file-format.md)
    assert ben == [("not_eligible", "by-card", "order o3: payment type Cash not chosen"),
                   ("not_eligible", "by-cash", 'order o3, Cash: not in "B"')]
    assert [is_mismatch(event, detail) for event, _, detail in ben] == [True, False]


def test_the_schema_holds_c13s_names_and_only_those() -> None:
    schema = json.loads((ROOT / "resources/schema/result.schema.json").read_text("utf-8"))
    journey = schema["properties"]["contacts"]["additionalProperties"]["properties"]["journey"]
    assert journey["items"]["properties"]["event"]["enum"] == C13


def test_the_result_format_docs_list_every_event_and_the_two_choices() -> None:
    text = (ROOT / "docs/file-format.md").read_text(encoding="utf-8")
    section = text.split("## Simulation result", 1)[1]
    for event in C13:
        assert f"`{event}`" in section, event
    assert "has passed, goes straight" in section
    assert "payment type Cash not chosen" in section
    decisions = (ROOT / "docs/decisions.md").read_text(encoding="utf-8")
    choice = decisions.split("**Journey events C13 names no better.**", 1)[1].split("\n- ")[0]
    assert "`step`" in choice and "`not_eligible`" in choice
