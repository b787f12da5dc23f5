"""The cohort path: exact counts for big synthetic populations, fast.

Contacts of a population never interact: each one's path depends only on its own events.
And a campaign without ``wait_until`` steps is *time-shift invariant*: a contact that
arrives an hour later does everything an hour later. So contacts with the same behaviour
(the same events relative to their arrival, see :mod:`.population`) form a cohort: the
exact engine (:class:`.engine.Simulation`) simulates one of them once, with no horizon,
recording every count change with its time offset; a member arriving at ``a`` has made
exactly the changes whose offset ``o`` satisfies ``a + o <= until``. Counting the members
per offset is a binary search in the cohort's sorted arrivals.

The result is the exact engine's per-node counts, action-set counts, emails and campaign
sizes for every contact (a test compares them with a full exact run), and any contact's
journey and end position can be rebuilt from its cohort's trace (:meth:`CohortRun.journey`).
Not covered (``NotCohortable`` is raised): scenarios with their own contacts or events
besides the population, and campaigns with ``wait_until`` steps (absolute times).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any

from ..domain.workspace import Workspace
from .engine import Simulation
from .model import Scenario, iso, to_seconds
from .plan import Plan
from .population import Population, generate

Trace = list[tuple[int, str, str, int]]


class NotCohortable(ValueError):
    """The scenario or campaign breaks an assumption of the cohort path."""


@dataclass
class Cohort:
    arrivals: list[int]  # sorted (population contacts are numbered in arrival order)
    members: list[int]  # contact indexes, in the order of ``arrivals``
    trace: Trace  # (offset, node | "@set" | "@email" | "@campaign" | "@event", key, delta)
    journey: list[tuple[int, str, str | None, str]]  # offsets, as the engine keeps them


@dataclass
class CohortRun:
    population: Population
    plan: Plan
    until: int | None
    cohorts: list[Cohort]
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    action_sets: dict[str, int] = field(default_factory=dict)
    emails_sent: int = 0
    campaign_contacts: dict[str, int] = field(default_factory=dict)
    events_handled: int = 0

    def counts(self) -> dict[str, dict[str, int]]:
        return {n: {k: v for k, v in d.items() if isinstance(v, int)}
                for n, d in self.nodes.items()}

    def _find(self, index: int) -> tuple[Cohort, int]:
        cohort = self.cohorts[self._cohort_of_kind[self.population.kinds[index]]]
        return cohort, self.population.arrivals[index]

    def journey(self, index: int) -> list[dict[str, Any]]:
        """The journey of population contact ``index`` (as in the result JSON)."""
        cohort, arrival = self._find(index)
        limit = None if self.until is None else self.until - arrival
        # the replayed member's order ids name it: rename them for this contact
        theirs = self.population.contact_id(cohort.members[0]) + "-o"
        mine = self.population.contact_id(index) + "-o"
        return [{"at": iso(arrival + off), "event": event, "node": node,
                 "detail": detail.replace(theirs, mine)}
                for off, event, node, detail in cohort.journey
                if limit is None or off <= limit]

    def position(self, index: int) -> list[str]:
        """Node ids where contact ``index`` is at the horizon (sorted)."""
        cohort, arrival = self._find(index)
        level: dict[str, int] = defaultdict(int)
        for off, node, key, delta in cohort.trace:
            if key in ("active", "waiting") and (self.until is None
                                                 or arrival + off <= self.until):
                level[node] += delta
        return sorted(n for n, v in level.items() if v > 0)

    _cohort_of_kind: list[int] = field(default_factory=list)


def run_cohorts(workspace: Workspace, scenario: Scenario, seed: int | None = None,
                campaign: str | None = None, until: datetime | None = None,
                progress: Callable[[float], None] | None = None) -> CohortRun:
    if scenario.population is None:
        raise NotCohortable("the scenario has no population")
    if scenario.events or scenario.contacts:
        raise NotCohortable("the cohort path runs population-only scenarios; this one also "
                            "has its own contacts or events")
    plan = Plan(workspace, campaign)
    for node in plan.nodes.values():
        if any(step.kind == "wait_until" for step in node.steps):
            raise NotCohortable(f'{node.label} has a wait_until step: contacts arriving at '
                                "different times do not move alike")
    horizon = to_seconds(until) if until is not None else scenario.until
    seed = seed if seed is not None else scenario.seed
    population = generate(scenario.population, workspace, scenario.start, seed)
    members: list[list[int]] = [[] for _ in population.behaviours]
    appenders = [m.append for m in members]
    for index, kind in enumerate(population.kinds):
        appenders[kind](index)  # arrivals are sorted, so each cohort is too
    arrivals = population.arrivals
    base = scenario.start
    cohorts: list[Cohort] = []
    cohort_of_kind = [-1] * len(members)
    for kind, indexes in enumerate(members):
        if not indexes:
            continue
        trace, journey = _replay(workspace, plan, population, indexes[0], base)
        cohort_of_kind[kind] = len(cohorts)
        times = list(itemgetter(*indexes)(arrivals)) if len(indexes) > 1 else [
            arrivals[indexes[0]]]
        cohorts.append(Cohort(times, indexes, trace, journey))
        if progress is not None and kind % 256 == 0:
            progress(0.9 * kind / len(members))
    run = CohortRun(population, plan, horizon, cohorts)
    run._cohort_of_kind = cohort_of_kind
    _aggregate(run)
    if progress is not None:
        progress(1.0)
    return run


def _replay(workspace: Workspace, plan: Plan, population: Population, index: int,
            base: int) -> tuple[Trace, list[tuple[int, str, str | None, str]]]:
    """One member's whole path from ``base`` with no horizon, as offsets."""
    scenario = Scenario(start=base, contacts=[population.contact(index)],
                        events=population.events_of(index, at=base))
    sim = Simulation(workspace, scenario, plan=plan, log=False, workspace_contacts=False)
    sim.recorder = []
    sim.run_to_end()
    trace = [(at - base, node, key, delta) for at, node, key, delta in sim.recorder]
    state = sim.contacts[population.contact_id(index)]
    journey = [(at - base, e, n, d) for at, e, n, d in state.journey or ()]
    return trace, journey


def _aggregate(run: CohortRun) -> None:
    plan = run.plan
    counts: dict[str, dict[str, int]] = {
        n: ({"achieved": 0, "waiting": 0} if p.is_goal
            else {"entered": 0, "completed": 0, "removed": 0, "active": 0})
        for n, p in plan.nodes.items()}
    sets = {k: 0 for k in plan.ecommerce.non_empty_keys()}
    campaigns = {c: 0 for c in plan.campaigns}
    emails = events = 0
    until = run.until
    for cohort in run.cohorts:
        arrivals = cohort.arrivals
        size = len(arrivals)
        cache: dict[int, int] = {}
        for off, node, key, delta in cohort.trace:
            if until is None:
                n = size
            else:
                n = cache.get(off, -1)
                if n < 0:
                    n = cache[off] = bisect_right(arrivals, until - off)
            if not n:
                continue
            if node == "@event":
                events += n
            elif node == "@email":
                emails += n
            elif node == "@set":
                sets[key] = sets.get(key, 0) + n
            elif node == "@campaign":
                campaigns[key] += n
            else:
                counts[node][key] += delta * n
    run.nodes = {n: {"kind": p.kind, "name": p.name, "campaign": p.campaign, **counts[n]}
                 for n, p in plan.nodes.items()}
    run.action_sets = sets
    run.emails_sent = emails
    run.campaign_contacts = campaigns
    run.events_handled = events
