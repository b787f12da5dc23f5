"""The event loop and the public API of the exact engine (see the package docstring)."""

from __future__ import annotations

import heapq
from collections.abc import Callable
from datetime import datetime

from ..domain.workspace import Workspace
from .commerce import CommerceRules
from .core import RESUME, Listener
from .model import LAST_SECOND, Scenario, ScenarioEvent, to_datetime, to_seconds
from .plan import Plan
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


class Simulation(CommerceRules):
    """One run of a scenario over a workspace (R17-R19). Build, then step or run."""

    def __init__(self, workspace: Workspace, scenario: Scenario, seed: int | None = None,
                 campaign: str | None = None, until: datetime | None = None,
                 journeys: Journeys = "all", log: bool = True, plan: Plan | None = None,
                 workspace_contacts: bool = True) -> None:
        if plan is None:
            plan = Plan(workspace, campaign)
        super().__init__(plan, journey_filter(journeys), log)
        self.workspace = workspace
        self.scenario = scenario
        self.campaign = campaign
        self.seed = seed if seed is not None else scenario.seed
        self.start = scenario.start
        self.until = to_seconds(until) if until is not None else scenario.until
        self.now = self.start
        self.cancelled = False
        self.processed = 0
        for contact in workspace.contacts if workspace_contacts else ():
            self.add_contact(contact)
        for contact in scenario.contacts:
            self.add_contact(contact)  # a scenario contact replaces a workspace one
        events = list(scenario.events)
        if scenario.population is not None:
            from .population import generate

            population = generate(scenario.population, workspace, self.start, self.seed)
            for contact in population.contacts():
                self.add_contact(contact)
            events += population.events()
        events.sort(key=lambda e: e.at)  # stable: file order within an instant (C11)
        self._events: list[ScenarioEvent] = events
        self._next = 0
        until_ = self.until
        self.events_beyond_horizon = (0 if until_ is None
                                      else sum(1 for e in events if e.at > until_))

    # -- observing ----------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Calls ``listener(movement)`` for every journey event; returns an unsubscribe."""
        return self.movements.subscribe(listener)

    def counts(self) -> dict[str, dict[str, int]]:
        """Per node, now: goals ``achieved``/``waiting``; sequences ``entered``,
        ``completed``, ``removed``, ``active`` (a copy)."""
        return {node: dict(values) for node, values in self.counts_by_node.items()}

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
        return self._next / max(1, len(self._events)) * 0.99

    # -- running --------------------------------------------------------------------------
    def _peek(self) -> int | None:
        at: int | None = None
        if self._next < len(self._events):
            at = self._events[self._next].at
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
        if self._next < len(self._events) and self._events[self._next].at == at:
            event = self._events[self._next]
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
            elif kind == "apply_tag":
                if event.tag in c.tags:
                    self.say(f'{c.name} already has the tag "{event.tag}": nothing happens')
                self.apply_tag(c, event.tag or "", "scenario event", None)
            elif kind == "remove_tag":
                self.remove_tag(c, event.tag or "", "scenario event")

    def result(self) -> SimResult:
        return build_result(self)
