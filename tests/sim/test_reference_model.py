"""Differential test: the engine against an independent reading of SPEC (reference_model).

Random small workspaces (sequences with delays, waits and tag steps; tag and purchase goals
with every purchase option and payment-type setting; either "achieved by"; links that may
loop; every action set with delayed and campaign actions) and random scenarios (every event
type, every channel and outcome, buyers matched or created, failed payments paid later,
repeat purchases, several events in one instant) must give the same per-node counts,
action-set counts, emails, and each contact's position, tags and contact type.
"""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest

from .helpers import CATALOG, CONTACTS, simulate, workspace
from .reference_model import Reference

TAGS = ("t1", "t2", "t3")
CAMPAIGN_SIZE = (2, 6)
SEEDS = 400


def at(minute: int) -> str:
    day, rest = divmod(minute, 24 * 60)
    return f"2026-01-{1 + day:02d}T{rest // 60:02d}:{rest % 60:02d}:00Z"


def _step(r: random.Random) -> dict[str, Any]:
    kind = r.choice(["email", "delay", "wait_until", "apply_tag", "apply_tag", "remove_tag",
                     "set_contact_type"])
    if kind == "email":
        return {"kind": kind, "subject": "s"}
    if kind == "delay":
        return {"kind": kind, "duration": r.choice([0, 10, 60, 200])}
    if kind == "wait_until":
        return {"kind": kind, "until": r.choice([0, 90, 400])}  # minutes; made ISO below
    if kind == "set_contact_type":
        return {"kind": kind, "contact_type": r.choice(["lead", "customer"])}
    return {"kind": kind, "tag": r.choice(TAGS)}


def _purchase_config(r: random.Random) -> dict[str, Any]:
    config: dict[str, Any] = {"any_purchase": False, "products": [], "categories": [],
                              "order_forms": []}
    for option in r.sample(["any", "products", "categories", "order_forms"], r.randint(1, 2)):
        if option == "any":
            config["any_purchase"] = True
        elif option == "products":
            config["products"] = r.sample(["shock", "mitt", "sub"], r.randint(1, 2))
        elif option == "categories":
            config["categories"] = r.sample(["chem", "care", "services"], 1)
        else:
            config["order_forms"] = r.sample(["form", "classic"], 1)
    config["payment_types"] = ("any" if r.random() < 0.5 else
                               r.sample(["credit_card", "paypal", "cash"], r.randint(1, 2)))
    config["achieved_by"] = r.choice(["campaign", "campaign", "any_contact"])
    return config


def _campaigns(r: random.Random) -> list[dict[str, Any]]:
    campaigns = []
    number = 0
    for c in range(r.choice([1, 1, 2])):
        nodes = []
        for _ in range(r.randint(*CAMPAIGN_SIZE)):
            number += 1
            kind = r.choice(["sequence", "sequence", "tag_goal", "purchase_goal"])
            node: dict[str, Any] = {"id": f"n{number}", "kind": kind, "name": f"N{number}",
                                    "x": 0, "y": 0}
            if kind == "sequence":
                node["steps"] = [_step(r) for _ in range(r.randint(0, 4))]
                node["runs_until_completed"] = r.random() < 0.3
            elif kind == "tag_goal":
                node["config"] = {"tags": r.sample(TAGS, r.randint(1, 2)),
                                  "achieved_by": r.choice(["campaign", "any_contact"])}
            else:
                node["config"] = _purchase_config(r)
            nodes.append(node)
        ids = [n["id"] for n in nodes]
        links = sorted({tuple(r.sample(ids, 2)) for _ in range(r.randint(0, len(ids) + 2))})
        campaigns.append({"id": f"c{c}", "name": f"C{c}", "nodes": nodes,
                          "edges": [{"source": a, "target": b} for a, b in links]})
    return campaigns


def _actions(r: random.Random, campaigns: list[str]) -> list[dict[str, Any]]:
    actions = []
    for _ in range(r.randint(0, 3)):
        kind = r.choice(["apply_tag", "apply_tag", "remove_tag", "send_email",
                         "set_contact_type", "add_to_campaign", "add_to_campaign",
                         "remove_from_campaign"])
        action: dict[str, Any] = {"kind": kind}
        if kind in ("apply_tag", "remove_tag"):
            action["tag"] = r.choice(TAGS)
        elif kind == "send_email":
            action["subject"] = "x"
        elif kind == "set_contact_type":
            action["contact_type"] = "prospect"
        else:
            action["campaign"] = r.choice(campaigns)
        if r.random() < 0.25:
            action["delay"] = r.choice([5, 60])
        actions.append(action)
    return actions


def _events(r: random.Random, campaigns: list[str]) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    orders: list[dict[str, Any]] = []
    for _ in range(r.randint(2, 12)):
        minute = r.choice([0, 0, 5, 30, 60, 61, 120, 300])
        kind = r.choice(["add_to_campaign", "add_to_campaign", "remove_from_campaign",
                         "apply_tag", "remove_tag", "cart_login", "purchase", "purchase",
                         "purchase", "payment"])
        who = r.choice(["ana", "ben", "cy"])
        event: dict[str, Any] = {"at": minute, "type": kind}
        if kind in ("add_to_campaign", "remove_from_campaign"):
            event.update(contact=who, campaign=r.choice(campaigns))
        elif kind in ("apply_tag", "remove_tag"):
            event.update(contact=who, tag=r.choice(TAGS))
        elif kind == "cart_login":
            event.update(contact=who)
        elif kind == "purchase":
            channel = r.choice(["shopping_cart", "order_form", "legacy_order_form",
                                "manual_order", "api"])
            buyer = r.choice([who, who, {"first_name": "Zed", "last_name": "Q",
                                         "email": "z@q.com"},
                              {"first_name": " ana", "last_name": "DIAZ",
                               "email": "Ana@Example.com"}])
            event.update(contact=buyer, channel=channel, order_id=f"o{len(orders)}",
                         products=r.sample(["shock", "mitt", "sub"], r.randint(1, 2)),
                         payment_type=r.choice(["credit_card", "paypal", "cash"]),
                         outcome=r.choice(["success", "success", "failed", "error",
                                           "pending"]))
            if channel in ("order_form", "legacy_order_form"):
                event["order_form"] = "form" if channel == "order_form" else "classic"
            orders.append(event)
        elif orders:
            order = r.choice(orders)
            event.update(order_id=order["order_id"], at=max(minute, order["at"]),
                         outcome=r.choice(["success", "success", "failed", "error"]))
            if r.random() < 0.3:
                event["payment_type"] = r.choice(["credit_card", "paypal", "cash"])
        else:
            continue
        events.append(event)
    return events


def random_case(seed: int) -> tuple[dict[str, Any], list[dict[str, Any]], int | None]:
    """A workspace as file data, scenario events (times in minutes) and a horizon."""
    r = random.Random(seed)
    campaigns = _campaigns(r)
    ids = [c["id"] for c in campaigns]
    sets = {k: _actions(r, ids) for k in ("on_login", "contact_creation",
                                          "successful_purchase", "failed_purchase",
                                          "error_purchase") if r.random() < 0.7}
    product_sets = {p: _actions(r, ids) for p in ("shock", "mitt", "sub") if r.random() < 0.6}
    data = {"catalog": CATALOG, "campaigns": campaigns,
            "contacts": [dict(c, tags=r.sample(TAGS, r.randint(0, 1))) for c in CONTACTS],
            "ecommerce": {"action_sets": sets, "product_action_sets": product_sets,
                          "settings": {"product_actions_for_legacy_and_manual":
                                       r.random() < 0.5}}}
    return data, _events(r, ids), r.choice([None, None, 150])


def engine_outcome(data: dict[str, Any], events: list[dict[str, Any]],
                   until: int | None) -> dict[str, Any]:
    campaigns = copy.deepcopy(data["campaigns"])
    for campaign in campaigns:
        for node in campaign["nodes"]:
            for step in node.get("steps", []):
                if step["kind"] == "wait_until":
                    step["until"] = at(step["until"])
    eco = data["ecommerce"]
    ws = workspace(*campaigns, action_sets=copy.deepcopy(eco["action_sets"]),
                   product_sets=copy.deepcopy(eco["product_action_sets"]),
                   legacy=eco["settings"]["product_actions_for_legacy_and_manual"],
                   contacts=copy.deepcopy(data["contacts"]))
    timed = [dict(e, at=at(e["at"])) for e in events]
    _, result = simulate(ws, *timed, until=None if until is None else at(until))
    return {
        "nodes": {n: {k: v for k, v in counts.items() if isinstance(v, int)}
                  for n, counts in result.nodes.items()},
        "action_sets": result.action_sets,
        "emails_sent": result.emails_sent,
        "contacts": {cid: {k: c[k] for k in ("position", "tags", "contact_type")}
                     for cid, c in result.contacts.items()},
    }


def reference_outcome(data: dict[str, Any], events: list[dict[str, Any]],
                      until: int | None) -> dict[str, Any]:
    return Reference(copy.deepcopy(data), copy.deepcopy(events), until).run().outcome()


@pytest.mark.parametrize("first", range(0, SEEDS, 100))
def test_engine_agrees_with_an_independent_reading_of_the_spec(first: int) -> None:
    for seed in range(first, first + 100):
        data, events, until = random_case(seed)
        engine = engine_outcome(data, events, until)
        reference = reference_outcome(data, events, until)
        for key in ("nodes", "action_sets", "emails_sent", "contacts"):
            assert engine[key] == reference[key], f"seed {seed}: {key} differ"


def test_the_reference_sees_what_the_engine_must_get_right() -> None:
    """The random cases do reach the rules: goals achieved, sequences removed by goals and
    by campaign removal, sets fired, buyers created, contacts left waiting and active."""
    totals: dict[str, int] = {}
    for seed in range(SEEDS):
        data, events, until = random_case(seed)
        ref = Reference(copy.deepcopy(data), copy.deepcopy(events), until).run()
        seen = {"achieved": sum(c.get("achieved", 0) for c in ref.counts.values()),
                "removed": sum(c.get("removed", 0) for c in ref.counts.values()),
                "completed": sum(c.get("completed", 0) for c in ref.counts.values()),
                "active": sum(c.get("active", 0) for c in ref.counts.values()),
                "waiting": sum(c.get("waiting", 0) for c in ref.counts.values()),
                "fired": sum(ref.fired.values()), "created": ref.created,
                "paused": int(ref.paused_any)}
        for key, value in seen.items():
            totals[key] = totals.get(key, 0) + value
    assert all(totals[k] >= 20 for k in ("achieved", "removed", "completed", "active",
                                         "waiting", "fired", "created")), totals
    assert totals["paused"] >= 3, totals
