"""Synthetic populations for what-if runs (R18): seeded contacts, arrivals and purchases.

A :class:`PopulationSpec` says how many contacts arrive over what spread of time, what
share is added to a campaign, how likely each product is bought and when, through which
channels and payment types, how often payments fail or error (and are retried), and how
many renewals a subscription gets. :func:`generate` draws one population from a seed.

Each contact's draws make a *behaviour*: its events relative to its arrival. Contacts with
the same behaviour share one entry of ``Population.behaviours``; the exact engine expands
them into events (:meth:`Population.events`), the cohort path (:mod:`.cohort`) replays each
behaviour once. Names and emails come from the contact's index, so they cost no memory.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from ..domain.contacts import Contact
from ..domain.workspace import Workspace
from .model import ScenarioEvent

FIRST_NAMES = (
    "Ana", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jamal", "Kira",
    "Liam", "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera",
    "Wes", "Ximena", "Yuki", "Zane", "Aisha", "Bruno", "Chloe", "Diego", "Emma", "Felix",
    "Hana", "Ivan", "Julia", "Kofi", "Lena", "Marco", "Nina", "Oscar", "Priya", "Rafael",
    "Sofia", "Theo", "Uma", "Victor", "Wen", "Yara",
)
LAST_NAMES = (
    "Diaz", "Okafor", "Rossi", "Patel", "Novak", "Haddad", "Kim", "Moreau", "Silva",
    "Johnson", "Ivanova", "Murphy", "Chen", "Garcia", "Schmidt", "Nakamura", "Mensah",
    "Lopez", "Brown", "Kowalski", "Andersen", "Ferreira", "Nguyen", "Cohen", "Okoro",
    "Smith", "Larsen", "Rahman", "Fischer", "Romero", "Tanaka", "Walsh", "Costa", "Singh",
    "Dubois", "Yilmaz", "Hughes", "Bianchi", "Sato", "Kaur", "Lindqvist", "Acheampong",
)

# A behaviour event: (offset seconds from arrival, type, *data)
#   ("add", campaign)   ("buy", k, product, channel, payment type, form, outcome)
#   ("pay", k, outcome)  -- k numbers the contact's orders
BehaviourEvent = tuple
Behaviour = tuple[BehaviourEvent, ...]


@dataclass
class PurchasePlan:
    product: str
    probability: float
    within: int = 7 * 86400  # seconds after arrival
    channel: str | None = None  # else drawn from the spec's channel mix
    order_form: str | None = None


@dataclass
class PopulationSpec:
    count: int
    arrival_spread: int = 0  # seconds after the scenario start
    campaign: str | None = None
    share_added: float = 1.0
    purchases: list[PurchasePlan] = field(default_factory=list)
    channels: dict[str, float] = field(default_factory=lambda: {"shopping_cart": 1.0})
    payment_types: dict[str, float] = field(default_factory=lambda: {"credit_card": 1.0})
    failure_rate: float = 0.0
    error_rate: float = 0.0
    retry_share: float = 0.0
    retry_after: int = 86400
    renewals: int = 0
    renewal_every: int = 30 * 86400
    resolution: int = 3600  # purchase times fall on whole multiples of this after arrival
    id_prefix: str = "p-"


def contact_name(index: int, seed: int) -> tuple[str, str, str]:
    mixed = (index * 2654435761 + seed * 40503 + 12345) & 0xFFFFFFFF
    first = FIRST_NAMES[mixed % len(FIRST_NAMES)]
    last = LAST_NAMES[(mixed // len(FIRST_NAMES)) % len(LAST_NAMES)]
    return first, last, f"{first}.{last}.{index + 1}@example.com".lower()


class _Chooser:
    def __init__(self, mix: dict[str, float]) -> None:
        self.keys = list(mix)
        self.cumulative = list(accumulate(mix.values()))
        self.total = self.cumulative[-1] if self.cumulative else 0.0

    def pick(self, rng: random.Random) -> str:
        if len(self.keys) == 1:
            return self.keys[0]
        return self.keys[min(bisect_right(self.cumulative, rng.random() * self.total),
                             len(self.keys) - 1)]


@dataclass
class Population:
    spec: PopulationSpec
    seed: int
    start: int
    arrivals: list[int]
    kinds: list[int]  # behaviour index per contact
    behaviours: list[Behaviour]

    def contact_id(self, index: int) -> str:
        width = len(str(self.spec.count))
        return f"{self.spec.id_prefix}{index + 1:0{width}d}"

    def contact(self, index: int) -> Contact:
        first, last, email = contact_name(index, self.seed)
        return Contact(self.contact_id(index), first, last, email)

    def contacts(self) -> list[Contact]:
        return [self.contact(i) for i in range(len(self.arrivals))]

    def events_of(self, index: int, at: int | None = None) -> list[ScenarioEvent]:
        cid = self.contact_id(index)
        base = self.arrivals[index] if at is None else at
        out = []
        for ev in self.behaviours[self.kinds[index]]:
            offset, kind = ev[0], ev[1]
            if kind == "add":
                out.append(ScenarioEvent(base + offset, "add_to_campaign", contact=cid,
                                         campaign=ev[2]))
            elif kind == "buy":
                _, _, k, product, channel, payment_type, form, outcome = ev
                out.append(ScenarioEvent(base + offset, "purchase", contact=cid,
                                         channel=channel, order_id=f"{cid}-o{k}",
                                         products=(product,), payment_type=payment_type,
                                         order_form=form, outcome=outcome))
            else:
                out.append(ScenarioEvent(base + offset, "payment", order_id=f"{cid}-o{ev[2]}",
                                         outcome=ev[3]))
        return out

    def events(self) -> list[ScenarioEvent]:
        out: list[ScenarioEvent] = []
        for index in range(len(self.arrivals)):
            out += self.events_of(index)
        return out


def _default_form(workspace: Workspace, channel: str) -> str | None:
    if channel not in ("order_form", "legacy_order_form"):
        return None
    legacy = channel == "legacy_order_form"
    for form in workspace.catalog.order_forms.values():
        if form.legacy == legacy:
            return form.id
    return None


def generate(spec: PopulationSpec, workspace: Workspace, start: int,
             seed: int | None) -> Population:
    """Draws the population; the same spec, workspace, start and seed give the same one."""
    seed = 0 if seed is None else seed
    rng = random.Random(seed)
    channels = _Chooser(spec.channels)
    payment_types = _Chooser(spec.payment_types)
    catalog = workspace.catalog
    resolution = max(1, spec.resolution)
    arrival_slots = max(0, spec.arrival_spread) // 60
    table: dict[Behaviour, int] = {}
    arrivals: list[int] = []
    kinds: list[int] = []
    random_ = rng.random
    randrange = rng.randrange
    fail, error = spec.failure_rate, spec.failure_rate + spec.error_rate
    for _ in range(spec.count):
        arrivals.append(start + 60 * randrange(arrival_slots + 1) if arrival_slots else start)
        events: list[BehaviourEvent] = []
        if spec.campaign is not None and random_() < spec.share_added:
            events.append((0, "add", spec.campaign))
        order = 0
        for plan in spec.purchases:
            if random_() >= plan.probability:
                continue
            order += 1
            at = resolution * (1 + randrange(max(1, plan.within // resolution)))
            channel = plan.channel or channels.pick(rng)
            payment_type = payment_types.pick(rng)
            form = plan.order_form or _default_form(workspace, channel)
            draw = random_()
            outcome = "failed" if draw < fail else "error" if draw < error else "success"
            events.append((at, "buy", order, plan.product, channel, payment_type, form,
                           outcome))
            paid_at: int | None = at if outcome == "success" else None
            if outcome != "success" and spec.retry_share and random_() < spec.retry_share:
                paid_at = at + spec.retry_after
                events.append((paid_at, "pay", order, "success"))
            product = catalog.products.get(plan.product)
            if paid_at is not None and product is not None and product.billing == "subscription":
                for k in range(1, spec.renewals + 1):
                    events.append((paid_at + k * spec.renewal_every, "pay", order, "success"))
        events.sort(key=lambda e: e[0])
        behaviour = tuple(events)
        index = table.get(behaviour)
        if index is None:
            index = table[behaviour] = len(table)
        kinds.append(index)
    return Population(spec, seed, start, arrivals, kinds, list(table))
