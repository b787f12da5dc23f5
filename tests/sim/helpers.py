"""Small builders for simulation tests: workspaces and scenarios as compact dicts."""

from __future__ import annotations

from typing import Any

from canvas_app.domain.workspace import Workspace
from canvas_app.io.workspace_file import workspace_from_data
from canvas_app.sim import SimResult, Simulation, scenario_from_data

CATALOG = {
    "categories": [{"id": "chem", "name": "Chemicals"}, {"id": "care", "name": "Care"},
                   {"id": "services", "name": "Services"}],
    "products": [
        {"id": "shock", "name": "Shock", "category": "chem", "price": 20, "billing": "one_time"},
        {"id": "mitt", "name": "Mitt", "category": "care", "price": 10, "billing": "one_time"},
        {"id": "sub", "name": "Checkup", "category": "services", "price": 49,
         "billing": "subscription"},
    ],
    "order_forms": [{"id": "form", "name": "Form", "legacy": False},
                    {"id": "classic", "name": "Classic", "legacy": True}],
    "payment_types": ["credit_card", "paypal", "cash", "check", "money_order", "adjustment"],
}
CONTACTS = [
    {"id": "ana", "first_name": "Ana", "last_name": "Diaz", "email": "ana@example.com"},
    {"id": "ben", "first_name": "Ben", "last_name": "Okafor", "email": "ben@example.com"},
    {"id": "cy", "first_name": "Cy", "last_name": "Rossi", "email": "cy@example.com"},
]


def seq(node_id: str, *steps: dict[str, Any], ruc: bool = False) -> dict[str, Any]:
    return {"id": node_id, "kind": "sequence", "name": node_id.capitalize(), "x": 0, "y": 0,
            "steps": list(steps), "runs_until_completed": ruc}


def pgoal(node_id: str, products: tuple[str, ...] = (), any_purchase: bool = False,
          categories: tuple[str, ...] = (), order_forms: tuple[str, ...] = (),
          payment_types: Any = "any", achieved_by: str = "campaign") -> dict[str, Any]:
    return {"id": node_id, "kind": "purchase_goal", "name": node_id.capitalize(), "x": 0,
            "y": 0, "config": {"any_purchase": any_purchase, "products": list(products),
                               "categories": list(categories),
                               "order_forms": list(order_forms),
                               "payment_types": payment_types, "achieved_by": achieved_by}}


def tgoal(node_id: str, *tags: str, achieved_by: str = "campaign") -> dict[str, Any]:
    return {"id": node_id, "kind": "tag_goal", "name": node_id.capitalize(), "x": 0, "y": 0,
            "config": {"tags": list(tags), "achieved_by": achieved_by}}


def email(subject: str = "Hi") -> dict[str, Any]:
    return {"kind": "email", "subject": subject}


def delay(duration: Any) -> dict[str, Any]:
    return {"kind": "delay", "duration": duration}


def tag(name: str) -> dict[str, Any]:
    return {"kind": "apply_tag", "tag": name}


def camp(camp_id: str, nodes: list[dict[str, Any]], *edges: str) -> dict[str, Any]:
    """Edges as "a>b" strings."""
    return {"id": camp_id, "name": camp_id.capitalize(), "nodes": nodes,
            "edges": [{"source": e.split(">")[0], "target": e.split(">")[1]} for e in edges]}


def workspace(*campaigns: dict[str, Any], action_sets: dict[str, Any] | None = None,
              product_sets: dict[str, Any] | None = None, legacy: bool = False,
              contacts: list[dict[str, Any]] | None = None) -> Workspace:
    data = {"format": "campaign-canvas", "version": 1, "catalog": CATALOG,
            "ecommerce": {"settings": {"product_actions_for_legacy_and_manual": legacy},
                          "action_sets": action_sets or {},
                          "product_action_sets": product_sets or {}},
            "contacts": CONTACTS if contacts is None else contacts,
            "campaigns": list(campaigns)}
    return workspace_from_data(data, "test.campaign.json")


def at(day: int, hour: int = 9, minute: int = 0) -> str:
    return f"2026-01-{day:02d}T{hour:02d}:{minute:02d}:00Z"


def ev(when: str, kind: str, **kw: Any) -> dict[str, Any]:
    return {"at": when, "type": kind, **kw}


def buy(when: str, contact: Any, order_id: str, *products: str, channel: str = "shopping_cart",
        payment_type: str = "credit_card", outcome: str = "success",
        order_form: str | None = None) -> dict[str, Any]:
    data = {"at": when, "type": "purchase", "contact": contact, "channel": channel,
            "order_id": order_id, "products": list(products), "payment_type": payment_type,
            "outcome": outcome}
    if order_form is not None:
        data["order_form"] = order_form
    return data


def pay(when: str, order_id: str, outcome: str = "success", **kw: Any) -> dict[str, Any]:
    return {"at": when, "type": "payment", "order_id": order_id, "outcome": outcome, **kw}


def add(when: str, contact: str, campaign: str = "c") -> dict[str, Any]:
    return ev(when, "add_to_campaign", contact=contact, campaign=campaign)


def scenario_data(*events: dict[str, Any], until: str | None = None,
                  **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"start": "2026-01-01T00:00:00Z", "events": list(events), **extra}
    if until is not None:
        data["until"] = until
    return data


def simulate(ws: Workspace, *events: dict[str, Any], until: str | None = None,
             campaign: str | None = None, **extra: Any) -> tuple[Simulation, SimResult]:
    scenario = scenario_from_data(scenario_data(*events, until=until, **extra), ws,
                                  "scenario.json")
    sim = Simulation(ws, scenario, campaign=campaign)
    return sim, sim.run()


def events_of(result: SimResult, contact: str, kind: str | None = None) -> list[dict[str, Any]]:
    journey = result.contacts[contact]["journey"]
    return [j for j in journey if kind is None or j["event"] == kind]
