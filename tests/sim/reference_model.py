"""A second, independent reading of SPEC R3-R16 and C7-C11, for differential tests.

It is written from SPEC.md alone, on the plain dicts of a workspace and a scenario (no
domain objects, no engine code), and keeps only what the counts need: per-node counts,
action-set counts, emails, and each contact's position, tags and contact type. Times are
whole minutes after the scenario's start. Where SPEC is silent it makes the engine's
documented choices (canvas_app/sim/__init__.py): the goals one event reaches taken campaign by
campaign, upstream first, then by node id (``link_order``); who may achieve
the goals one event reaches is settled before any of them is achieved; tags an action set
applies, or a sequence it starts applies, have their goals checked after the order's
purchase goals; such a sequence waits at a tag step whose goal is downstream of it (C8).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

CART = ("shopping_cart", "order_form")
LEGACY = ("legacy_order_form", "manual_order")
OUTCOME_SET = {"success": "successful_purchase", "failed": "failed_purchase",
               "error": "error_purchase"}


def _key(first: str, last: str, email: str) -> tuple[str, str, str]:
    return first.strip().casefold(), last.strip().casefold(), email.strip().casefold()


@dataclass
class Person:
    id: str
    key: tuple[str, str, str]
    tags: set[str]
    contact_type: str | None = None
    member: dict[str, str] = field(default_factory=dict)  # campaign -> "in" | "removed"
    entered: set[str] = field(default_factory=set)
    active: dict[str, int] = field(default_factory=dict)
    waiting: list[str] = field(default_factory=list)
    achieved: set[str] = field(default_factory=set)


@dataclass
class Pending:
    """Goals an action set's tags wait for, and sequences paused at such a tag (R16, C8)."""

    tags: list[str] = field(default_factory=list)
    paused: list[tuple[str, int]] = field(default_factory=list)


class Reference:
    def __init__(self, workspace: dict[str, Any], events: list[dict[str, Any]],
                 until: int | None = None) -> None:
        self.until = until
        self.category = {p["id"]: p["category"] for p in workspace["catalog"]["products"]}
        self.nodes: dict[str, dict[str, Any]] = {}
        self.campaign_nodes: dict[str, list[str]] = {}
        self.successors: dict[str, list[str]] = {}
        self.entries: dict[str, list[str]] = {}
        self.upstream: dict[str, list[str]] = {}
        for campaign in workspace["campaigns"]:
            self._add_campaign(campaign)
        self.counts = {n: ({"entered": 0, "completed": 0, "removed": 0, "active": 0}
                           if node["kind"] == "sequence" else {"achieved": 0, "waiting": 0})
                       for n, node in self.nodes.items()}
        eco = workspace["ecommerce"]
        self.sets: dict[str, list[dict[str, Any]]] = dict(eco["action_sets"])
        self.sets.update({f"product:{p}": v for p, v in eco["product_action_sets"].items()})
        self.legacy = eco["settings"]["product_actions_for_legacy_and_manual"]
        self.fired = {k: 0 for k, v in self.sets.items() if v}
        self.emails = 0
        self.people = {c["id"]: Person(c["id"], _key(c["first_name"], c["last_name"],
                                                     c["email"]), set(c.get("tags", [])),
                                       c.get("contact_type"))
                       for c in workspace["contacts"]}
        self.created = 0
        self.orders: dict[str, dict[str, Any]] = {}
        self.events = sorted(events, key=lambda e: e["at"])  # stable: file order (C11)
        self.queue: list[tuple[int, int, tuple[Any, ...]]] = []
        self.scheduled = 0
        self.now = 0
        self.pending: tuple[str, Pending] | None = None
        self.paused_any = False  # whether a sequence waited at a tag step (for coverage)

    def _add_campaign(self, campaign: dict[str, Any]) -> None:
        ids = [n["id"] for n in campaign["nodes"]]
        self.campaign_nodes[campaign["id"]] = ids
        before: dict[str, list[str]] = {i: [] for i in ids}
        after: dict[str, list[str]] = {i: [] for i in ids}
        for edge in campaign["edges"]:
            after[edge["source"]].append(edge["target"])
            before[edge["target"]].append(edge["source"])
        for node in campaign["nodes"]:
            self.nodes[node["id"]] = dict(node, campaign=campaign["id"])
        for i in ids:
            self.successors[i] = sorted(after[i], key=ids.index)
            seen: set[str] = set()
            stack = list(before[i])
            while stack:
                n = stack.pop()
                if n not in seen:
                    seen.add(n)
                    stack += before[n]
            self.upstream[i] = [n for n in ids
                                if n in seen and self.nodes[n]["kind"] == "sequence"]
        self.entries[campaign["id"]] = [i for i in ids if not before[i]]

    # -- the clock (R17, C11) -----------------------------------------------------------
    def run(self) -> Reference:
        index = 0
        while True:
            at_event = self.events[index]["at"] if index < len(self.events) else None
            at_queue = self.queue[0][0] if self.queue else None
            if at_event is None and at_queue is None:
                break
            take_event = at_event is not None and (at_queue is None or at_event <= at_queue)
            at = at_event if take_event else at_queue
            assert at is not None
            if self.until is not None and at > self.until:
                break
            self.now = at
            if take_event:
                self.handle(self.events[index])
                index += 1
                continue
            _, _, item = heapq.heappop(self.queue)
            person = self.people[item[1]]
            if item[0] == "resume":
                if item[2] in person.active:
                    self.steps(person, item[2], item[3])
            else:
                self.act(person, item[2], None)
        return self

    def schedule(self, at: int, item: tuple[Any, ...]) -> None:
        self.scheduled += 1
        heapq.heappush(self.queue, (at, self.scheduled, item))

    def handle(self, event: dict[str, Any]) -> None:
        kind = event["type"]
        if kind == "purchase":
            self.purchase(event)
            return
        if kind == "payment":
            self.payment(event)
            return
        person = self.people[event["contact"]]
        if kind == "add_to_campaign":
            self.add(person, event["campaign"])
        elif kind == "remove_from_campaign":
            self.remove(person, event["campaign"])
        elif kind == "apply_tag":
            self.tag(person, event["tag"], None)
        elif kind == "remove_tag":
            person.tags.discard(event["tag"])
        elif kind == "cart_login":
            pending = Pending()
            self.fire(person, "on_login", pending)
            self.after_sets(person, pending)

    # -- campaigns, sequences, goals (R3-R7, C7-C9, C14) ------------------------------
    def add(self, person: Person, campaign: str) -> None:
        if campaign not in self.campaign_nodes or person.member.get(campaign) == "in":
            return
        person.member[campaign] = "in"
        for node in self.entries[campaign]:
            self.enter(person, node)

    def remove(self, person: Person, campaign: str) -> None:
        if campaign not in self.campaign_nodes or person.member.get(campaign) != "in":
            return
        person.member[campaign] = "removed"
        for node in self.campaign_nodes[campaign]:
            if node in person.active:
                self.leave(person, node, "removed")
            elif node in person.waiting:
                person.waiting.remove(node)
                self.counts[node]["waiting"] -= 1

    def leave(self, person: Person, node: str, how: str) -> None:
        del person.active[node]
        self.counts[node][how] += 1
        self.counts[node]["active"] -= 1

    def enter(self, person: Person, node: str) -> None:
        if self.nodes[node]["kind"] != "sequence":
            if node not in person.achieved and node not in person.waiting:
                person.waiting.append(node)
                self.counts[node]["waiting"] += 1
            return
        if node in person.entered:
            return
        person.entered.add(node)
        person.active[node] = 0
        self.counts[node]["entered"] += 1
        self.counts[node]["active"] += 1
        self.steps(person, node, 0)

    def steps(self, person: Person, node: str, index: int) -> None:
        steps = self.nodes[node]["steps"]
        while index < len(steps):
            if node not in person.active:
                return
            person.active[node] = index
            step = steps[index]
            kind = step["kind"]
            if kind == "delay" and step["duration"] > 0:
                self.schedule(self.now + step["duration"], ("resume", person.id, node,
                                                            index + 1))
                return
            if kind == "wait_until" and step["until"] > self.now:
                self.schedule(step["until"], ("resume", person.id, node, index + 1))
                return
            if kind == "email":
                self.emails += 1
            elif kind == "apply_tag" and self.tag(person, step["tag"], None, (node, index)):
                return
            elif kind == "remove_tag":
                person.tags.discard(step["tag"])
            elif kind == "set_contact_type":
                person.contact_type = step["contact_type"]
            index += 1
        if node in person.active:
            self.leave(person, node, "completed")
            for successor in self.successors[node]:
                self.enter(person, successor)

    def tag(self, person: Person, tag: str, pending: Pending | None,
            step: tuple[str, int] | None = None) -> bool:
        """Applies a tag; True when the sequence step that applied it must wait (C8)."""
        if tag in person.tags:
            return False
        person.tags.add(tag)
        if pending is None and self.pending is not None and self.pending[0] == person.id:
            pending = self.pending[1]
        if pending is None:
            self.tag_goals(person, tag)
            return False
        pending.tags.append(tag)
        if step is not None and any(
                self.nodes[g]["kind"] == "tag_goal" and tag in self.nodes[g]["config"]["tags"]
                and step[0] in self.upstream[g] for g in self.nodes):
            pending.paused.append((step[0], step[1] + 1))
            self.paused_any = True
            return True
        return False

    def tag_goals(self, person: Person, tag: str) -> None:
        member = dict(person.member)
        hit = [goal for goal, node in self.nodes.items()
               if node["kind"] == "tag_goal" and tag in node["config"]["tags"]]
        for goal in self.link_order(hit):
            self.achieve(person, goal, member)

    def link_order(self, goals: list[str]) -> list[str]:
        """The goals one event reaches, in the order they are achieved: campaign by
        campaign, a goal before those it is strictly upstream of (links lead there and none
        lead back), else by node id."""
        out: list[str] = []
        for campaign in dict.fromkeys(self.nodes[g]["campaign"] for g in goals):
            mine = [g for g in goals if self.nodes[g]["campaign"] == campaign]
            graph = nx.DiGraph()
            for n in self.campaign_nodes[campaign]:
                graph.add_node(n)
                for s in self.successors[n]:
                    graph.add_edge(n, s)
            desc = {g: nx.descendants(graph, g) for g in mine}
            dag = nx.DiGraph()
            dag.add_nodes_from(mine)
            for a in mine:
                for b in mine:
                    if a != b and b in desc[a] and a not in desc[b]:
                        dag.add_edge(a, b)
            out += list(nx.lexicographical_topological_sort(dag, key=lambda n: n))
        return out

    def achieve(self, person: Person, goal: str, member: dict[str, str]) -> None:
        node = self.nodes[goal]
        campaign = node["campaign"]
        if node["config"].get("achieved_by") != "any_contact" and \
                member.get(campaign) != "in":
            return  # R4, R5: not eligible
        if goal not in person.achieved:
            person.achieved.add(goal)
            self.counts[goal]["achieved"] += 1
        person.member[campaign] = "in"  # R3 (C9: no start at the entry nodes)
        for sequence in self.upstream[goal]:
            if sequence in person.active and \
                    not self.nodes[sequence].get("runs_until_completed"):
                self.leave(person, sequence, "removed")
        if goal in person.waiting:
            person.waiting.remove(goal)
            self.counts[goal]["waiting"] -= 1
        for successor in self.successors[goal]:
            self.enter(person, successor)

    # -- purchases and action sets (R8-R16, C10) ----------------------------------------
    def fire(self, person: Person, key: str, pending: Pending) -> None:
        actions = self.sets.get(key) or []
        if not actions:
            return
        self.fired[key] += 1
        outer, self.pending = self.pending, (person.id, pending)
        for action in actions:
            if action.get("delay", 0) > 0:
                self.schedule(self.now + action["delay"], ("action", person.id, action))
            else:
                self.act(person, action, pending)
        self.pending = outer

    def act(self, person: Person, action: dict[str, Any], pending: Pending | None) -> None:
        kind = action["kind"]
        if kind == "apply_tag":
            self.tag(person, action["tag"], pending)
        elif kind == "remove_tag":
            person.tags.discard(action["tag"])
        elif kind == "send_email":
            self.emails += 1
        elif kind == "set_contact_type":
            person.contact_type = action["contact_type"]
        elif kind == "add_to_campaign":
            self.add(person, action["campaign"])
        elif kind == "remove_from_campaign":
            self.remove(person, action["campaign"])

    def after_sets(self, person: Person, pending: Pending) -> None:
        for tag in pending.tags:
            self.tag_goals(person, tag)
        for node, index in pending.paused:
            if node in person.active:
                self.steps(person, node, index)

    def buyer(self, who: str | dict[str, str]) -> tuple[Person, bool]:
        if isinstance(who, str):
            return self.people[who], False
        key = _key(who["first_name"], who["last_name"], who["email"])
        found = next((p for p in self.people.values() if p.key == key), None)
        if found is not None:
            return found, False
        self.created += 1
        person = Person(f"new-{self.created}", key, set())
        self.people[person.id] = person
        return person, True

    def purchase(self, event: dict[str, Any]) -> None:
        person, created = self.buyer(event["contact"])
        channel, outcome = event["channel"], event.get("outcome", "success")
        products = list(dict.fromkeys(event["products"]))
        order = {"person": person.id, "products": products, "form": event.get("order_form"),
                 "payment_type": event["payment_type"], "paid": outcome == "success"}
        self.orders[event["order_id"]] = order
        pending = Pending()
        keys: list[str] = []
        if channel in CART:
            if created:
                keys.append("contact_creation")
            if outcome in OUTCOME_SET:
                keys.append(OUTCOME_SET[outcome])
            if outcome == "success":
                keys += [f"product:{p}" for p in products]
        elif channel in LEGACY and self.legacy and outcome in ("success", "pending"):
            keys += [f"product:{p}" for p in products]
        for key in keys:
            self.fire(person, key, pending)
        if outcome == "success":
            self.purchase_goals(person, order, event["payment_type"])
        self.after_sets(person, pending)

    def payment(self, event: dict[str, Any]) -> None:
        order = self.orders[event["order_id"]]
        if event["outcome"] == "success" and not order["paid"]:
            order["paid"] = True
            self.purchase_goals(self.people[order["person"]], order,
                                event.get("payment_type") or order["payment_type"])

    def purchase_goals(self, person: Person, order: dict[str, Any], payment_type: str) -> None:
        member = dict(person.member)
        hit = []
        for goal, node in self.nodes.items():
            if node["kind"] != "purchase_goal":
                continue
            config = node["config"]
            products = order["products"]
            met = (config.get("any_purchase")
                   or order["form"] in config.get("order_forms", [])
                   or any(p in config.get("products", []) for p in products)
                   or any(self.category[p] in config.get("categories", []) for p in products))
            types = config["payment_types"]
            if met and (types == "any" or payment_type in types):
                hit.append(goal)
        for goal in self.link_order(hit):
            self.achieve(person, goal, member)

    def outcome(self) -> dict[str, Any]:
        return {
            "nodes": self.counts,
            "action_sets": self.fired,
            "emails_sent": self.emails,
            "contacts": {p.id: {"position": sorted([*p.active, *p.waiting]),
                                "tags": sorted(p.tags), "contact_type": p.contact_type}
                         for p in self.people.values()},
        }
