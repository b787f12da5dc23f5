"""The event loop and the public API of the exact engine (see the package docstring)."""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import datetime

from ..collector_pause import collector_paused
from ..domain.names import isolated
from ..domain.workspace import Workspace
from .commerce import CommerceRules
from .core import RESUME, Listener
from .model import LAST_SECOND, Scenario, ScenarioEvent, to_datetime, to_seconds
from .plan import Plan
from .population import Population, generate
from .result import SimResult, build_result

Journeys = str | int  # "all", "none", or keep the first N contacts' journeys


def journey_filter(journeys: Journeys) -> Callable[[int], bool]:
    if journeys == "all":
        return lambda index: True
    if journeys == "none":
        return lambda index: False
    if isinstance(journeys, int) and not isinstance(journeys, bool) and journeys >= 0:
        limit = journeys
        return lambda index: index < limit
    raise ValueError(f'journeys must be "all", "none" or a number, not {journeys!r}')


def _compact(numbers: list[int]) -> Sequence[int]:
    """The numbers in an array of 64-bit ints (a fifth of a list's memory), or the list when
    one does not fit (a renewal thousands of years ahead, refused when it comes due)."""
    try:
        return array("q", numbers)
    except OverflowError:
        return numbers


class Simulation(CommerceRules):
    """One run of a scenario over a workspace (R17-R19). Build, then step or run."""

    def __init__(self, workspace: Workspace, scenario: Scenario, seed: int | None = None,
                 campaign: str | None = None, until: datetime | None = None,
                 journeys: Journeys = "all", log: bool = True, plan: Plan | None = None,
                 workspace_contacts: bool = True) -> None:
        if plan is None:
            plan = Plan(workspace, campaign)
        super().__init__(plan, journey_filter(journeys), log)
        # The nodes whose counts changed since changed_counts() last gave them (every node
        # at first): a view that follows the run copies those, not every node's, each time.
        self._changed: set[str] = set(self.counts_by_node)
        self.workspace = workspace
        self.scenario = scenario
        self.campaign = campaign
        self.seed = seed if seed is not None else scenario.seed
        if self.seed is None and scenario.population is not None:
            self.seed = 0  # the one a population is drawn with: the result names it (QA 21)
        self.start = scenario.start
        self.until = to_seconds(until) if until is not None else scenario.until
        self.now = self.start
        self.cancelled = False
        self.processed = 0
        # Setting up makes hundreds of thousands of objects that all live on: Python's
        # cyclic garbage collector, run again and again as they are made, would find no
        # garbage among them and took most of the time (a 100,000-contact population:
        # about 4 s of 5.5). Nothing made here holds a cycle.
        with collector_paused():
            self._set_up(workspace, scenario, workspace_contacts)

    def _set_up(self, workspace: Workspace, scenario: Scenario,
                workspace_contacts: bool) -> None:
        for contact in workspace.contacts if workspace_contacts else ():
            self.add_contact(contact)
        for contact in scenario.contacts:
            self.add_contact(contact)  # a scenario contact replaces a workspace one
        self._given: list[ScenarioEvent] = list(scenario.events)
        times = [e.at for e in self._given]
        refs = list(range(len(times)))
        self._population: Population | None = None
        self._width = 1
        if scenario.population is not None:
            population = generate(scenario.population, workspace, self.start, self.seed)
            self.add_population(population)
            # The population's events are made one by one as they come due: a run holds
            # their times and references only (see _event).
            more_times, more_refs = population.event_times(len(times))
            times += more_times
            refs += more_refs
            self._population = population
            self._width = max(1, population.longest())
        # stable: file order within an instant, then the population's (C11)
        order = sorted(range(len(times)), key=times.__getitem__)
        self._times = _compact([times[i] for i in order])
        self._refs = _compact([refs[i] for i in order])
        self._next = 0
        until_ = self.until
        self.events_beyond_horizon = (0 if until_ is None
                                      else len(times) - bisect_right(self._times, until_))

    def _event(self, ref: int) -> ScenarioEvent:
        """The scenario event, or the population's, that ``ref`` names (see _set_up)."""
        given = len(self._given)
        if ref < given:
            return self._given[ref]
        assert self._population is not None
        index, number = divmod(ref - given, self._width)
        return self._population.event(index, number)

    # -- observing ----------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Calls ``listener(movement)`` for every journey event; returns an unsubscribe."""
        return self.movements.subscribe(listener)

    def counts(self) -> dict[str, dict[str, int]]:
        """Per node, now: goals ``achieved``/``waiting``; sequences ``entered``,
        ``completed``, ``removed``, ``active`` (a copy)."""
        return {node: dict(values) for node, values in self.counts_by_node.items()}

    def changed_counts(self) -> dict[str, dict[str, int]]:
        """As :meth:`counts`, for the nodes whose counts changed since this was last called
        (every node's at the first call; a count changed and changed back is there too).
        For one reader, which keeps its own copy up to date with it (the Simulation
        panel's runner): on a run of 5,000 nodes, copying them all for each moment shown
        took most of the window's time."""
        changed, self._changed = self._changed, set()
        counts = self.counts_by_node
        return {node: dict(counts[node]) for node in changed}

    def bump(self, node_id: str, key: str, delta: int = 1) -> None:
        # EngineCore.bump, noting the node for changed_counts() (inlined: calling it through
        # super() doubled the cost of every count)
        self.counts_by_node[node_id][key] += delta
        self._changed.add(node_id)
        if self.recorder is not None:
            self.recorder.append((self.now, node_id, key, delta))

    @property
    def time(self) -> datetime:
        return to_datetime(self.now)

    def next_time(self) -> datetime | None:
        at = self._peek()
        return None if at is None else to_datetime(at)

    @property
    def done(self) -> bool:
        return self._peek() is None

    def progress(self) -> float:
        """0..1: simulated time over the horizon, or events handled when there is none."""
        if self.done:
            return 1.0
        if self.until is not None and self.until > self.start:
            return min(1.0, max(0.0, (self.now - self.start) / (self.until - self.start)))
        return self._next / max(1, len(self._times)) * 0.99

    # -- running --------------------------------------------------------------------------
    def _peek(self) -> int | None:
        at: int | None = None
        if self._next < len(self._times):
            at = self._times[self._next]
        if self._queue and (at is None or self._queue[0][0] < at):
            at = self._queue[0][0]
        # Nothing runs past the horizon, nor past the calendar's last second (a very long
        # delay late in year 9999 stays pending, like one past the horizon, R6).
        horizon = LAST_SECOND if self.until is None else min(self.until, LAST_SECOND)
        if at is None or at > horizon:
            return None
        return at

    def step(self) -> bool:
        """Handles the next event (C11 order); False when nothing is left before the horizon."""
        at = self._peek()
        if at is None:
            return False
        self.now = at
        self.processed += 1
        if self.recorder is not None:
            self.recorder.append((at, "@event", "", 1))
        if self._next < len(self._times) and self._times[self._next] == at:
            event = self._event(self._refs[self._next])
            self._next += 1
            self.handle(event)
            return True
        _, _, kind, contact_id, what, extra = heapq.heappop(self._queue)
        c = self.contacts[contact_id]
        if kind == RESUME:
            self.resume(c, what, extra)
        else:
            self.delayed_action(c, what, extra)
        return True

    def run_until(self, moment: datetime) -> None:
        """Handles every event up to and including ``moment`` (and the horizon)."""
        limit = to_seconds(moment)
        while True:
            at = self._peek()
            if at is None or at > limit:
                break
            self.step()
        end = limit if self.until is None else min(limit, self.until)
        self.now = max(self.now, end)

    def run(self, progress: Callable[[float], None] | None = None,
            should_cancel: Callable[[], bool] | None = None, every: int = 2000) -> SimResult:
        """Runs to the end (or the horizon); reports progress and polls cancel every
        ``every`` events. Returns the result (``complete`` is False if cancelled)."""
        self.run_to_end(progress, should_cancel, every)
        return self.result()

    def run_to_end(self, progress: Callable[[float], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None, every: int = 2000) -> None:
        """As :meth:`run`, without building the result."""
        count = 0
        while self.step():
            count += 1
            if count % every == 0:
                if progress is not None:
                    progress(self.progress())
                if should_cancel is not None and should_cancel():
                    self.cancelled = True
                    break
        if progress is not None and not self.cancelled:
            progress(1.0)

    # -- events -------------------------------------------------------------------------
    def handle(self, event: ScenarioEvent) -> None:
        kind = event.type
        if kind == "purchase":
            self.purchase(event)
        elif kind == "payment":
            self.payment(event)
        else:
            assert isinstance(event.contact, str)
            c = self.contacts[event.contact]
            if kind == "add_to_campaign":
                self.add_to_campaign(c, event.campaign or "", "scenario event")
            elif kind == "remove_from_campaign":
                self.remove_from_campaign(c, event.campaign or "", "scenario event")
            elif kind == "cart_login":
                self.cart_login(c)
            elif kind == "apply_tag":  # logged first: the goals it reaches log after it
                who, tag = isolated(c.name), isolated(str(event.tag))
                if event.tag in c.tags:
                    self.say(f'{who} already has the tag "{tag}": nothing happens')
                else:
                    self.say(f'{who} was given the tag "{tag}" (scenario event)')
                self.apply_tag(c, event.tag or "", "scenario event", None)
            elif kind == "remove_tag":
                who, tag = isolated(c.name), isolated(str(event.tag))
                if event.tag in c.tags:
                    self.say(f'{who} lost the tag "{tag}" (scenario event)')
                else:
                    self.say(f'{who} does not have the tag "{tag}": nothing happens')
                self.remove_tag(c, event.tag or "", "scenario event")

    def result(self) -> SimResult:
        return build_result(self)
