"""Load a scenario file: JSON, then its schema, then its references (R18, C4, C11).

Every problem is located by a JSON path, e.g.
``scenario.json: events[4].order_id: no order "o-9" was placed before 2026-01-03T09:00:00Z``,
and raised as a :class:`canvas_app.io.errors.LoadError` (the CLI prints its first line).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match

from ..domain.contacts import Contact
from ..domain.errors import Problem
from ..domain.timeutil import parse_duration, parse_time
from ..domain.workspace import Workspace
from ..io.errors import LoadError
from ..io.schema_messages import schema_problem
from ..io.workspace_file import read_json
from .files import scenario_schema
from .model import Buyer, Scenario, ScenarioEvent, iso, to_seconds
from .population import FORM_CHANNELS, PopulationSpec, PurchasePlan, TagPlan


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(scenario_schema())


# The keys each type of event has (SPEC §6 and C4), beside "at", "type" and "note". The
# schema names every event key once, for all types; a key of another type of event (a
# payment's "contact": its order's buyer pays) would be ignored, so it is refused.
EVENT_KEYS: dict[str, tuple[str, ...]] = {
    "add_to_campaign": ("contact", "campaign"),
    "remove_from_campaign": ("contact", "campaign"),
    "apply_tag": ("contact", "tag"),
    "remove_tag": ("contact", "tag"),
    "cart_login": ("contact",),
    "purchase": ("contact", "channel", "order_id", "products", "payment_type", "order_form",
                 "outcome"),
    "payment": ("order_id", "outcome", "payment_type"),
}
_EVERY_EVENT = ("at", "type", "note")


def _own_key(kind: str, key: str) -> bool:
    return key in _EVERY_EVENT or key in EVENT_KEYS[kind]

# Said of a workspace file (.campaign.json) given as the scenario.
NOT_A_SCENARIO = ("this file is a workspace, not a scenario: choose a .scenario.json file, "
                  "or make one with New What-If Scenario… (Simulate menu)")


def looks_like_workspace(data: dict[str, Any]) -> bool:
    return "start" not in data and ("campaigns" in data or "catalog" in data)


def load_scenario(path: str | os.PathLike[str], workspace: Workspace,
                  source: str | None = None) -> Scenario:
    source = source or str(path)
    return scenario_from_data(read_json(path, source), workspace, source)


def scenario_from_data(data: Any, workspace: Workspace, source: str = "") -> Scenario:
    if not isinstance(data, dict):
        raise LoadError(source, Problem("", "a scenario file holds a JSON object"))
    if looks_like_workspace(data):
        raise LoadError(source, Problem("", NOT_A_SCENARIO))
    error = best_match(_validator().iter_errors(data),
                       key=lambda e: (-len(e.absolute_path), 0))
    if error is not None:
        raise LoadError(source, schema_problem(error))
    problems: list[Problem] = []
    scenario = _Checker(workspace, problems).build(data)
    if problems:
        raise LoadError(source, problems)
    scenario.source = source
    return scenario


class _Checker:
    def __init__(self, workspace: Workspace, problems: list[Problem]) -> None:
        self.ws = workspace
        self.catalog = workspace.catalog
        self.problems = problems

    def bad(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def time(self, value: Any, path: str) -> int | None:
        try:
            return to_seconds(parse_time(value))
        except (ValueError, OverflowError, OSError) as exc:
            self.bad(path, str(exc) if isinstance(exc, ValueError) else
                     f"{value!r} is out of range")
            return None

    def duration(self, data: dict[str, Any], key: str, path: str, default: int) -> int:
        if key not in data:
            return default
        try:
            return int(round(parse_duration(data[key]).total_seconds()))
        except ValueError as exc:
            self.bad(f"{path}.{key}", str(exc))
            return default

    def build(self, data: dict[str, Any]) -> Scenario:
        start = self.time(data["start"], "start") or 0
        until = None
        if data.get("until") is not None:
            until = self.time(data["until"], "until")
            if until is not None and until < start:
                self.bad("until", f"the horizon {iso(until)} is before the start {iso(start)}")
        known = [c.id for c in self.ws.contacts]
        contacts: list[Contact] = []
        seen: set[str] = set()
        for i, c in enumerate(data.get("contacts", [])):
            if c["id"] in seen:
                self.bad(f"contacts[{i}].id", f'contact id "{c["id"]}" is used twice')
            seen.add(c["id"])
            contacts.append(Contact(c["id"], c.get("first_name", ""), c.get("last_name", ""),
                                    c.get("email", ""), list(c.get("tags", [])),
                                    c.get("contact_type")))
        self.contact_ids = set(known) | seen
        events = [ev for i, raw in enumerate(data.get("events", []))
                  if (ev := self.event(raw, i, start)) is not None]
        self.orders(events)
        population = None
        if "population" in data:
            population = self.population(data["population"])
            self.generated_orders(events, population)
        seed = data.get("seed")
        # JSON has one kind of number: the schema's "integer" takes 10.0 too
        return Scenario(start, until, None if seed is None else int(seed), contacts, events,
                        population)

    def event(self, given: dict[str, Any], i: int, start: int) -> ScenarioEvent | None:
        where = f"events[{i}]"
        self.foreign_keys(given, where)
        raw = {key: value for key, value in given.items()  # the keys of its type alone
               if _own_key(given["type"], key) or key == "products"}  # (said below)
        at = self.time(raw["at"], f"{where}.at")
        if at is None:
            return None
        if at < start:
            self.bad(f"{where}.at", f"{iso(at)} is before the scenario's start {iso(start)}")
        contact: str | Buyer | None = None
        who = raw.get("contact")
        if isinstance(who, str):
            if who not in self.contact_ids:
                self.bad(f"{where}.contact", f'no contact "{who}" in the workspace or the '
                                             "scenario")
            contact = who
        elif isinstance(who, dict):
            if raw["type"] != "purchase":
                self.bad(f"{where}.contact", "only a purchase may name a new buyer; give a "
                                             "contact id")
            contact = Buyer(who["first_name"], who["last_name"], who["email"])
        campaign = raw.get("campaign")
        if campaign is not None and not self.ws.has_campaign(campaign):
            self.bad(f"{where}.campaign", f'no campaign "{campaign}" in the workspace')
        event = ScenarioEvent(at, raw["type"], contact=contact, campaign=campaign,
                              tag=raw.get("tag"), channel=raw.get("channel"),
                              order_id=raw.get("order_id"),
                              products=tuple(dict.fromkeys(raw.get("products", []))),
                              payment_type=raw.get("payment_type"),
                              order_form=raw.get("order_form"), outcome=raw.get("outcome"),
                              index=i)
        if raw["type"] == "purchase":
            self.purchase(event, raw, where)
        elif event.payment_type is not None:
            self.payment_type(event.payment_type, f"{where}.payment_type")
        if raw["type"] != "purchase" and "products" in raw:
            self.bad(f"{where}.products", "only a purchase lists products")
        return event

    def foreign_keys(self, raw: dict[str, Any], where: str) -> None:
        """A key that another type of event has (the schema takes each key on any event):
        it would be ignored, so it is refused (C4)."""
        kind = raw["type"]
        own = EVENT_KEYS[kind]
        for key in raw:
            if _own_key(kind, key) or key == "products":  # (products: said by event())
                continue
            a_kind = f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}"
            why = ("; the order's buyer pays" if kind == "payment" and key == "contact"
                   else "")
            self.bad(f"{where}.{key}", f'{a_kind} event has no "{key}"{why} (its keys: '
                                       f'{", ".join(own)}): remove it')

    def payment_type(self, value: str, path: str) -> None:
        if value not in self.catalog.payment_types:
            self.bad(path, f'no payment type "{value}" in the catalog (known: '
                           f'{", ".join(self.catalog.payment_types)})')

    def purchase(self, event: ScenarioEvent, raw: dict[str, Any], where: str) -> None:
        for j, product in enumerate(raw["products"]):
            if product not in self.catalog.products:
                self.bad(f"{where}.products[{j}]", f'no product "{product}" in the catalog')
        self.payment_type(raw["payment_type"], f"{where}.payment_type")
        problem = self.form_problem(event.channel or "", event.order_form)
        if problem is not None:
            self.bad(f"{where}.order_form", problem)
        if event.outcome is None:
            event.outcome = "success"

    def form_problem(self, channel: str, form_id: str | None,
                     required: bool = True) -> str | None:
        """What is wrong with a purchase through ``channel`` naming order form ``form_id``:
        only the order form channels have one, and a legacy form goes with the legacy
        channel (R14). ``required``: the channel's form must be named."""
        needs_form = channel in FORM_CHANNELS
        a_channel = f"{'an' if channel[:1] in 'aeiou' else 'a'} {channel}"
        if form_id is None:
            return (f"{a_channel} purchase names its order form" if needs_form and required
                    else None)
        form = self.catalog.order_forms.get(form_id)
        if form is None:
            return f'no order form "{form_id}" in the catalog'
        if not needs_form:
            return f"{a_channel} purchase has no order form"
        if form.legacy != (channel == "legacy_order_form"):
            kind = "a legacy" if form.legacy else "not a legacy"
            return f'"{form_id}" is {kind} order form, so the channel cannot be {channel}'
        return None

    def plan_form_problem(self, channel: str | None, form_id: str | None,
                          mix: dict[str, float]) -> str | None:
        """As :meth:`form_problem` for a population's purchase plan: its own channel, or
        else every channel of the mix that the draw can give it. Without a form, the
        generator takes the catalog's first fitting one."""
        if channel is not None or form_id is None:
            return self.form_problem(channel or "", form_id, required=False)
        takers = [name for name, weight in mix.items() if weight > 0 and name in FORM_CHANNELS]
        drawn = ", ".join(name for name, weight in mix.items() if weight > 0)
        if not takers and drawn:  # (a mix of no weight is refused on its own)
            return (f"none of the population's channels ({drawn}) has an order form: give "
                    "this purchase its channel")
        return next((problem for name in takers
                     if (problem := self.form_problem(name, form_id, required=False))), None)

    def orders(self, events: list[ScenarioEvent]) -> None:
        """Duplicate order ids, and payments of orders not placed before them (C11)."""
        placed: dict[str, ScenarioEvent] = {}
        for event in events:
            if event.type == "purchase" and event.order_id is not None:
                first = placed.get(event.order_id)
                if first is not None:
                    self.bad(f"events[{event.index}].order_id",
                             f'order "{event.order_id}" was already placed by '
                             f"events[{first.index}]")
                else:
                    placed[event.order_id] = event
        for event in events:
            if event.type != "payment" or event.order_id is None:
                continue
            order = placed.get(event.order_id)
            if order is None:
                self.bad(f"events[{event.index}].order_id",
                         f'no order "{event.order_id}" was placed before {iso(event.at)}')
            elif (order.at, order.index) > (event.at, event.index):
                when = (" (at the same time, later in the file)" if order.at == event.at
                        else "")
                self.bad(f"events[{event.index}].order_id",
                         f'order "{event.order_id}" is placed by events[{order.index}], after '
                         f"this payment{when}: a payment must come after its order")
        self.problems.sort(key=_problem_order)

    def generated_orders(self, events: list[ScenarioEvent], spec: PopulationSpec) -> None:
        """An event's order id that the population's orders may take too (its contact's id
        then "-o" and a number): two orders of one id, the later one taking the earlier's
        payments (QA 23a), refused as two events' are (C11)."""
        width = len(str(spec.count))
        for event in events:
            order_id = event.order_id
            if event.type != "purchase" or order_id is None:
                continue
            contact, _, number = order_id.rpartition("-o")
            digits = contact[len(spec.id_prefix):]
            if (contact.startswith(spec.id_prefix) and number.isdigit() and int(number) >= 1
                    and len(digits) == width and digits.isdigit()
                    and 1 <= int(digits) <= spec.count):
                self.bad(f"events[{event.index}].order_id",
                         f'order id "{order_id}" is one the population gives its contact '
                         f'"{contact}": choose another order id, or another '
                         "population.id_prefix")
        self.problems.sort(key=_problem_order)

    def population(self, data: dict[str, Any]) -> PopulationSpec:
        where = "population"
        spec = PopulationSpec(count=int(data["count"]))  # 10.0 is an integer in JSON
        spec.arrival_spread = self.duration(data, "arrival_spread", where, 0)
        spec.retry_after = self.duration(data, "retry_after", where, spec.retry_after)
        spec.renewal_every = self.duration(data, "renewal_every", where, spec.renewal_every)
        spec.resolution = max(1, self.duration(data, "resolution", where, spec.resolution))
        if "campaign" in data:
            spec.campaign = data["campaign"]
            if not self.ws.has_campaign(spec.campaign):
                self.bad(f"{where}.campaign", f'no campaign "{spec.campaign}" in the workspace')
        for key in ("share_added", "failure_rate", "error_rate", "retry_share", "login_share"):
            if key in data:
                setattr(spec, key, float(data[key]))
        if spec.failure_rate + spec.error_rate > 1:
            self.bad(f"{where}.error_rate", "failure_rate and error_rate add up to more than 1")
        spec.renewals = int(data.get("renewals", 0))
        spec.id_prefix = data.get("id_prefix", spec.id_prefix)
        width = len(str(spec.count))
        for contact_id in sorted(self.contact_ids):
            number = contact_id[len(spec.id_prefix):]
            if (contact_id.startswith(spec.id_prefix) and len(number) == width
                    and number.isdigit() and 1 <= int(number) <= spec.count):
                self.bad(f"{where}.id_prefix", f'generated contact ids would clash with '
                                               f'contact "{contact_id}": choose another '
                                               "id_prefix")
                break
        for key, known, word in (("channels", None, "channel"),
                                 ("payment_types", self.catalog.payment_types,
                                  "payment type")):
            if key not in data:
                continue
            mix = {k: float(v) for k, v in data[key].items()}
            if sum(mix.values()) <= 0:
                self.bad(f"{where}.{key}", "the weights add up to nothing")
            for name in mix:
                if known is not None and name not in known:
                    self.bad(f"{where}.{key}.{name}", f'no {word} "{name}" in the catalog')
            setattr(spec, key, mix)
        for name in spec.channels:
            if name not in ("shopping_cart", "order_form", "legacy_order_form", "manual_order",
                            "api"):
                self.bad(f"{where}.channels.{name}", f'no channel "{name}"')
        rows: dict[str, int] = {}  # product -> its first row
        for i, p in enumerate(data.get("purchases", [])):
            path = f"{where}.purchases[{i}]"
            if p["product"] not in self.catalog.products:
                self.bad(f"{path}.product", f'no product "{p["product"]}" in the catalog')
            elif p["product"] in rows:  # as New What-If refuses (QA 22i: bought it twice)
                self.bad(f"{path}.product", f'"{p["product"]}" has a row already '
                         f"(purchases[{rows[p['product']]}]): a contact buys a product at "
                         "most once; give each product one row")
            rows.setdefault(p["product"], i)
            form = p.get("order_form")
            problem = self.plan_form_problem(p.get("channel"), form, spec.channels)
            if problem is not None:
                self.bad(f"{path}.order_form", problem)
            spec.purchases.append(PurchasePlan(
                p["product"], float(p["probability"]),
                max(1, self.duration(p, "within", path, 7 * 86400)), p.get("channel"), form))
        spec.tags = self.tag_plans(data.get("tags", []), where)
        for channel in ("order_form", "legacy_order_form"):
            legacy = channel == "legacy_order_form"
            used = channel in spec.channels or any(p.channel == channel
                                                   for p in spec.purchases)
            if used and not any(f.legacy == legacy for f in self.catalog.order_forms.values()):
                self.bad(f"{where}.channels", f"{channel} purchases need a "
                                              f"{'legacy ' if legacy else ''}order form in "
                                              "the catalog")
        return spec


    def tag_plans(self, rows: list[dict[str, Any]], where: str) -> list[TagPlan]:
        """population.tags: each a tag applied with a probability within a time after
        arrival; a tag has one row, as a product has (and is not empty)."""
        plans: list[TagPlan] = []
        first: dict[str, int] = {}  # tag -> its first row
        for i, row in enumerate(rows):
            path = f"{where}.tags[{i}]"
            tag = row["tag"]
            if not tag.strip():
                self.bad(f"{path}.tag", "a tag cannot be empty or spaces only")
            elif tag in first:
                self.bad(f"{path}.tag", f'"{tag}" has a row already (tags[{first[tag]}]): a '
                                        "tag is applied at most once; give each tag one row")
            first.setdefault(tag, i)
            plans.append(TagPlan(tag, float(row["probability"]),
                                 max(1, self.duration(row, "within", path, 7 * 86400))))
        return plans


def _problem_order(problem: Problem) -> tuple[int, int, str]:
    path = problem.path
    if path.startswith("events["):
        return (1, int(path[7:path.index("]")]), path)
    return (0 if not path.startswith("population") else 2, 0, path)
