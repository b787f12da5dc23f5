"""Synthetic populations for what-if runs (R18): seeded contacts, arrivals and purchases.

A :class:`PopulationSpec` says how many contacts arrive over what spread of time, what
share is added to a campaign, how likely each product is bought and when, through which
channels and payment types, how often payments fail or error (and are retried), and how
many renewals a subscription gets, what share logs into the multi-step cart on arrival
(``login_share``: On Login's actions, R12) and how likely each tag is applied and when
(``tags``). :func:`generate` draws one population from a seed.

Each contact's draws make a *behaviour*: its events relative to its arrival. Contacts with
the same behaviour share one entry of ``Population.behaviours``; the exact engine expands
them into events (:meth:`Population.events`), the cohort path (:mod:`.cohort`) replays each
behaviour once. Names and emails come from the contact's index, so they cost no memory.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterator
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
#   ("login",)   ("tag", tag)
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
class TagPlan:
    tag: str
    probability: float
    within: int = 7 * 86400  # seconds after arrival


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
    login_share: float = 0.0  # logs into the multi-step cart on arrival (after its adding)
    tags: list[TagPlan] = field(default_factory=list)


def contact_name(index: int, seed: int) -> tuple[str, str, str]:
    mixed = (index * 2654435761 + seed * 40503 + 12345) & 0xFFFFFFFF
    first = FIRST_NAMES[mixed % len(FIRST_NAMES)]
    last = LAST_NAMES[(mixed // len(FIRST_NAMES)) % len(LAST_NAMES)]
    return first, last, f"{first}.{last}.{index + 1}@example.com".lower()


class _Chooser:
    """A weighted mix: key ``bisect_right(cumulative, u)`` for a uniform draw ``u``."""

    def __init__(self, mix: dict[str, float]) -> None:
        self.keys = [k for k, w in mix.items() if w > 0] or list(mix)
        weights = [mix[k] for k in self.keys]
        total = sum(weights) or 1.0
        self.cumulative = [c / total for c in accumulate(weights)]
        self.cumulative[-1] = 1.0


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

    def event(self, index: int, number: int, at: int | None = None) -> ScenarioEvent:
        """Event ``number`` of contact ``index`` (in its behaviour's order), at its arrival
        or ``at`` plus its offset."""
        cid = self.contact_id(index)
        base = self.arrivals[index] if at is None else at
        ev = self.behaviours[self.kinds[index]][number]
        kind = ev[1]
        if kind == "add":
            return ScenarioEvent(base + ev[0], "add_to_campaign", contact=cid, campaign=ev[2])
        if kind == "buy":
            offset, _, k, product, channel, payment_type, form, outcome = ev
            return ScenarioEvent(base + offset, "purchase", contact=cid, channel=channel,
                                 order_id=f"{cid}-o{k}", products=(product,),
                                 payment_type=payment_type, order_form=form, outcome=outcome)
        if kind == "login":
            return ScenarioEvent(base + ev[0], "cart_login", contact=cid)
        if kind == "tag":
            return ScenarioEvent(base + ev[0], "apply_tag", contact=cid, tag=ev[2])
        return ScenarioEvent(base + ev[0], "payment", order_id=f"{cid}-o{ev[2]}",
                             outcome=ev[3])

    def events_of(self, index: int, at: int | None = None) -> list[ScenarioEvent]:
        return [self.event(index, number, at)
                for number in range(len(self.behaviours[self.kinds[index]]))]

    def events(self) -> list[ScenarioEvent]:
        out: list[ScenarioEvent] = []
        for index in range(len(self.arrivals)):
            out += self.events_of(index)
        return out

    def longest(self) -> int:
        """The most events a contact has."""
        return max((len(b) for b in self.behaviours), default=0)

    def event_times(self, first: int) -> tuple[list[int], list[int]]:
        """Every event's time and reference, contact by contact in behaviour order (as
        :meth:`events` lists them), without making the events: reference ``first +
        index * longest() + number``; :meth:`event` makes one when it is due."""
        width = max(1, self.longest())
        offsets = [tuple(ev[0] for ev in b) for b in self.behaviours]
        times: list[int] = []
        refs: list[int] = []
        add_time, add_ref = times.append, refs.append
        kinds = self.kinds
        for index, arrival in enumerate(self.arrivals):
            ref = first + index * width
            for offset in offsets[kinds[index]]:
                add_time(arrival + offset)
                add_ref(ref)
                ref += 1
        return times, refs

    def names(self) -> Iterator[tuple[str, str, str, str]]:
        """(id, first name, last name, email) of every contact, in order: what
        :meth:`contacts` gives, without making Contact objects."""
        seed = self.seed
        prefix = self.spec.id_prefix
        width = len(str(self.spec.count))
        for index in range(len(self.arrivals)):
            first, last, email = contact_name(index, seed)
            yield f"{prefix}{index + 1:0{width}d}", first, last, email


FORM_CHANNELS: tuple[str, ...] = ("order_form", "legacy_order_form")  # the channels with a form


def _default_form(workspace: Workspace, channel: str) -> str | None:
    if channel not in FORM_CHANNELS:
        return None
    legacy = channel == "legacy_order_form"
    for form in workspace.catalog.order_forms.values():
        if form.legacy == legacy:
            return form.id
    return None


def generate(spec: PopulationSpec, workspace: Workspace, start: int,
             seed: int | None) -> Population:
    """Draws the population; the same spec, workspace, start and seed give the same one.

    Draws go column by column (arrivals, campaign shares, each purchase plan, then the
    cart logins and each tag plan), which keeps a million contacts to about a second. The
    logins and tags are drawn last, and only when asked for: a spec without them draws
    what it drew before they existed, and adding them changes no contact's purchases.
    """
    seed = 0 if seed is None else seed
    rng = random.Random(seed)
    r = rng.random
    n = spec.count
    slots = max(0, spec.arrival_spread) // 60 + 1
    arrivals = [start + 60 * int(r() * slots) for _ in range(n)] if slots > 1 else [start] * n
    arrivals.sort()  # contacts are numbered in the order they arrive
    if spec.campaign is not None:
        share = spec.share_added
        added = [r() < share for _ in range(n)]
    else:
        added = [False] * n
    channels = _Chooser(spec.channels)
    payment_types = _Chooser(spec.payment_types)
    resolution = max(1, spec.resolution)
    fail, error = spec.failure_rate, spec.failure_rate + spec.error_rate
    retry = spec.retry_share
    n_pt = len(payment_types.keys)
    pt_cum = payment_types.cumulative
    # each purchase is coded as one int: ((((unit * channels + channel) * payment types
    # + payment type) * 3 + outcome) * 2 + retried); _behaviour decodes it
    parts: dict[int, tuple[int, ...]] = {}
    for number, plan in enumerate(spec.purchases):
        p = plan.probability
        buyers = [i for i in range(n) if r() < p]
        units = max(1, plan.within // resolution)
        fixed = plan.channel is not None
        n_ch = 1 if fixed else len(channels.keys)
        ch_cum = [1.0] if fixed else channels.cumulative
        for i in buyers:
            code = int(r() * units) * n_ch + (bisect_right(ch_cum, r()) if n_ch > 1 else 0)
            code = code * n_pt + (bisect_right(pt_cum, r()) if n_pt > 1 else 0)
            draw = r()
            outcome = 1 if draw < fail else 2 if draw < error else 0
            retried = 1 if outcome and retry > 0 and r() < retry else 0
            previous = parts.get(i)
            entry = (number, (code * 3 + outcome) * 2 + retried)
            parts[i] = entry if previous is None else previous + entry
    login = spec.login_share
    logged = ({i for i in range(n) if r() < login} if login > 0 else set())
    # each tag applied is (plan number, time unit), in plan order
    tagged: dict[int, tuple[int, ...]] = {}
    for number, tag_plan in enumerate(spec.tags):
        p = tag_plan.probability
        takers = [i for i in range(n) if r() < p]
        units = max(1, tag_plan.within // resolution)
        for i in takers:
            entry = (number, int(r() * units))
            previous = tagged.get(i)
            tagged[i] = entry if previous is None else previous + entry
    # a behaviour's key: (added, purchases, logged in, tags); contacts of one key share it
    table: dict[tuple[object, ...], int] = {}
    plain = {flag: table.setdefault((flag, None, False, None), len(table))
             for flag in (False, True)}
    kinds = [plain[flag] for flag in added]
    # buyers first, in the order drawn (a spec without logins and tags keys its behaviours
    # as before), then those who only log in or are tagged
    others = sorted((logged | tagged.keys()) - parts.keys())
    for i in [*parts, *others]:
        key = (added[i], parts.get(i), i in logged, tagged.get(i))
        index = table.get(key)
        if index is None:
            index = table[key] = len(table)
        kinds[i] = index
    behaviours = [_behaviour(key, spec, workspace) for key in table]
    return Population(spec, seed, start, arrivals, kinds, behaviours)


def _behaviour(key: tuple[object, ...], spec: PopulationSpec,
               workspace: Workspace) -> Behaviour:
    added, bought, logged, tagged = key
    events: list[BehaviourEvent] = []
    if added:
        events.append((0, "add", spec.campaign))
    if logged:  # at arrival, after its adding (the sort below is stable)
        events.append((0, "login"))
    channels = _Chooser(spec.channels)
    payment_types = _Chooser(spec.payment_types)
    codes = list(bought or ())  # type: ignore[call-overload]
    resolution = max(1, spec.resolution)
    outcomes = ("success", "failed", "error")
    for order, k in enumerate(range(0, len(codes), 2), start=1):
        plan = spec.purchases[codes[k]]
        code = codes[k + 1]
        code, retried = divmod(code, 2)
        code, outcome_index = divmod(code, 3)
        code, pt_index = divmod(code, len(payment_types.keys))
        if plan.channel is not None:
            unit, channel = code, plan.channel
        else:
            unit, ch_index = divmod(code, len(channels.keys))
            channel = channels.keys[ch_index]
        at = resolution * (1 + unit)
        payment_type = payment_types.keys[pt_index]
        outcome = outcomes[outcome_index]
        # a plan's form goes with the order form channels its mix draws, not the others
        form = (plan.order_form or _default_form(workspace, channel)
                if channel in FORM_CHANNELS else None)
        events.append((at, "buy", order, plan.product, channel, payment_type, form, outcome))
        paid_at: int | None = at if outcome == "success" else None
        if retried:
            paid_at = at + spec.retry_after
            events.append((paid_at, "pay", order, "success"))
        product = workspace.catalog.products.get(plan.product)
        if paid_at is not None and product is not None and product.billing == "subscription":
            for j in range(1, spec.renewals + 1):
                events.append((paid_at + j * spec.renewal_every, "pay", order, "success"))
    tags = list(tagged or ())  # type: ignore[call-overload]
    for k in range(0, len(tags), 2):  # after the purchases of the same instant
        events.append((resolution * (1 + tags[k + 1]), "tag", spec.tags[tags[k]].tag))
    events.sort(key=lambda e: e[0])
    return tuple(events)
