"""Bookkeeping shared by the engine's rule modules: clock, queue, counts, journeys, log.

:class:`EngineCore` holds the state of a run; :mod:`.movement` (campaign rules R3-R7) and
:mod:`.commerce` (purchase and e-commerce rules R8-R16) add the rules on top of it, and
:class:`canvas_app.sim.engine.Simulation` adds the event loop and the public API.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..domain.contacts import Contact, normalise_email, normalise_name
from ..domain.events import Emitter
from .log_lines import LogLines
from .model import to_datetime
from .plan import Plan
from .state import ContactState, Movement, Order

if TYPE_CHECKING:
    from .population import Population

# Kinds of scheduled queue entries (C11: they run after scenario events of the same instant).
RESUME = 0  # a delay or wait ends: (contact id, sequence id, next step index)
ACTION = 1  # a delayed e-commerce action: (contact id, action, set key)

Listener = Callable[[Movement], None]


class Deferred:
    """What waits for the goals of an instant while an action set runs (R16, C11).

    ``tags``: (tag, how) applied by the set's actions, or by sequence steps they started,
    whose tag goals are checked after the set's purchase goals, in this order.
    ``paused``: (sequence id, next step) of sequences an action started that applied such a
    tag with a goal downstream of them: they wait at that step until the goals are checked,
    so that reaching the goal cancels their remaining steps (R5, C8), as it does when no
    action set is running.
    """

    __slots__ = ("tags", "paused")

    def __init__(self) -> None:
        self.tags: list[tuple[str, str]] = []
        self.paused: list[tuple[str, int]] = []


def log_time(seconds: int) -> str:
    """``2026-01-02 09:00`` (seconds shown when there are any), as log lines start."""
    moment = to_datetime(seconds)
    # Not strftime's %Y: it writes years before 1000 without their leading zeros ("1-01-01").
    text = (f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
            f"{moment.hour:02d}:{moment.minute:02d}")
    return f"{text}:{moment.second:02d}" if moment.second else text


class EngineCore:
    # What keeps the log: compact (LogLines); tests and the benchmark put PlainLines here to
    # compare with the plain list of strings it was.
    log_type: Callable[[], LogLines] = LogLines

    def __init__(self, plan: Plan, keep_journey: Callable[[int], bool],
                 keep_log: bool) -> None:
        self.plan = plan
        self.now = 0
        self.contacts: dict[str, ContactState] = {}
        self.orders: dict[str, Order] = {}
        self._by_key: dict[tuple[str, str, str], str] = {}
        self._keep_journey = keep_journey
        self._details: dict[str, str] = {}  # journey details, each kept once
        self._created = 0
        self._queue: list[tuple[Any, ...]] = []
        self._seq = 0
        self.movements: Emitter[Movement] = Emitter()
        self.log: LogLines | None = self.log_type() if keep_log else None
        self._stamp_cache: tuple[int, str] = (-1, "")
        self.counts_by_node: dict[str, dict[str, int]] = {}
        for node_id, node in plan.nodes.items():
            self.counts_by_node[node_id] = (
                {"achieved": 0, "waiting": 0} if node.is_goal
                else {"entered": 0, "completed": 0, "removed": 0, "active": 0})
        self.action_sets: dict[str, int] = {k: 0 for k in plan.ecommerce.non_empty_keys()}
        self.emails_sent = 0
        self.campaign_contacts: dict[str, int] = {c: 0 for c in plan.campaigns}
        # (time, node or "@set"/"@email"/"@campaign", key, delta) when a recorder is set
        self.recorder: list[tuple[int, str, str, int]] | None = None
        # (contact, list) while an action set runs: tags applied to that contact at once
        # have their goals checked after the set's goals (R16, C11)
        self.deferring: tuple[str, Deferred] | None = None
        # What is left to do of the event being handled, last first (see MovementRules.work)
        self.pending_work: list[tuple[Any, ...]] = []
        # node id -> the nodes links lead to from it, directly or not (see MovementRules)
        self.reach_cache: dict[str, frozenset[str]] = {}
        # in_link_order's answer for a tuple of goal ids (the same goals recur: an order of
        # the same products meets the same goals)
        self.link_order_cache: dict[tuple[str, ...], tuple[str, ...]] = {}

    # -- contacts ---------------------------------------------------------------------
    def add_contact(self, contact: Contact) -> ContactState:
        index = len(self.contacts)
        state = ContactState(contact.id, contact.first_name, contact.last_name,
                             contact.email, contact.tags, contact.contact_type,
                             self._keep_journey(index))
        replaced = self.contacts.get(contact.id)
        self.contacts[contact.id] = state  # a replacement keeps the replaced one's place
        if replaced is None:
            self._by_key.setdefault(contact.match_key(), contact.id)
        else:  # the old identity may now belong to another contact, or to nobody
            for key in (replaced.match_key(), state.match_key()):
                self._by_key.pop(key, None)
                owner = next((cid for cid, c in self.contacts.items()
                              if c.match_key() == key), None)
                if owner is not None:
                    self._by_key[key] = owner
        return state

    def add_population(self, population: Population) -> None:
        """Adds a population's contacts, as :meth:`add_contact` would one by one (each with
        no tags and no contact type), without making a Contact for each."""
        contacts, by_key, keep = self.contacts, self._by_key, self._keep_journey
        names: dict[str, str] = {}  # a generated name, normalised (R15)
        for cid, first, last, email in population.names():
            if cid in contacts:  # it replaces a workspace or scenario contact
                self.add_contact(Contact(cid, first, last, email))
                continue
            state = ContactState(cid, first, last, email, (), None, keep(len(contacts)))
            contacts[cid] = state
            folded_first = names.get(first)
            if folded_first is None:
                folded_first = names[first] = normalise_name(first)
            folded_last = names.get(last)
            if folded_last is None:
                folded_last = names[last] = normalise_name(last)
            by_key.setdefault((folded_first, folded_last, normalise_email(email)), cid)

    def find_contact(self, key: tuple[str, str, str]) -> str | None:
        """The oldest contact with this first name, last name and email (R15, C10)."""
        return self._by_key.get(key)

    def new_contact_id(self) -> str:
        while True:
            self._created += 1
            candidate = f"new-{self._created}"
            if candidate not in self.contacts:
                return candidate

    # -- counting -----------------------------------------------------------------------
    def bump(self, node_id: str, key: str, delta: int = 1) -> None:
        self.counts_by_node[node_id][key] += delta
        if self.recorder is not None:
            self.recorder.append((self.now, node_id, key, delta))

    def count_set(self, key: str) -> None:
        self.action_sets[key] = self.action_sets.get(key, 0) + 1
        if self.recorder is not None:
            self.recorder.append((self.now, "@set", key, 1))

    def count_email(self) -> None:
        self.emails_sent += 1
        if self.recorder is not None:
            self.recorder.append((self.now, "@email", "", 1))

    def count_campaign_contact(self, campaign_id: str) -> None:
        self.campaign_contacts[campaign_id] += 1
        if self.recorder is not None:
            self.recorder.append((self.now, "@campaign", campaign_id, 1))

    # -- journeys, listeners, log ---------------------------------------------------------
    def journey(self, c: ContactState, event: str, node: str | None, detail: str,
                from_node: str | None = None, to_node: str | None = None) -> None:
        journey = c.journey
        if journey is not None:
            # Most details are the same words for many contacts ('entered "Nurture"'):
            # kept once, a 100,000-contact run's journeys take 110 MB less. (Journey.add,
            # inlined: this runs for every journey event.)
            journey.flat += (self.now, event, node, self._details.setdefault(detail, detail))
        if self.movements:
            self.movements.emit(Movement(self.now, c.id, event, node, from_node, to_node,
                                         detail))

    def stamp(self) -> str:
        if self._stamp_cache[0] != self.now:
            self._stamp_cache = (self.now, log_time(self.now))
        return self._stamp_cache[1]

    def say(self, text: str) -> None:
        log = self.log
        if log is not None:  # (stamp(), inlined: this runs for every log line)
            cache = self._stamp_cache
            stamp = cache[1] if cache[0] == self.now else self.stamp()
            log.append(f"{stamp} {text}")

    def reserve(self) -> int:
        """A place in the log for a line written once its consequences are known."""
        log = self.log
        return -1 if log is None else log.reserve()

    def fill(self, slot: int, text: str, parts: list[str] | None = None) -> None:
        log = self.log
        if log is None or slot < 0:
            return
        cache = self._stamp_cache
        stamp = cache[1] if cache[0] == self.now else self.stamp()
        if parts:
            log.fill(slot, f"{stamp} {text}" + "".join([f" \u2192 {p}" for p in parts if p]))
        else:
            log.fill(slot, f"{stamp} {text}")

    # -- scheduling -----------------------------------------------------------------------
    def schedule(self, at: int, kind: int, contact_id: str, what: Any, extra: Any) -> None:
        self._seq += 1
        heapq.heappush(self._queue, (at, self._seq, kind, contact_id, what, extra))

    def node_name(self, node_id: str) -> str:
        return self.plan.nodes[node_id].name
