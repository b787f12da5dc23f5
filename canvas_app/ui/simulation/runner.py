"""Plays a simulation in the window: the engine stepped by a timer, in simulated time.

The engine (``canvas_app.sim``) knows nothing of Qt. A :class:`SimRunner` builds a
:class:`~canvas_app.sim.Simulation` over a *copy* of the workspace as it is when the run
starts (editing the canvas during a run changes nothing in it), then advances it on a timer:
each tick runs the engine up to the next moment of simulated time at the chosen speed, and
tells the view what moved. It runs in the GUI thread in short slices (a tick stops after a
time budget), so the window never freezes and nothing needs locking.
"""

from __future__ import annotations

import gc
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain.campaign import Finding
from ...domain.lint import finding_text, ordered_findings
from ...domain.workspace import Workspace
from ...io import LoadError
from ...io.snapshot import workspace_snapshot
from ...sim import Movement, Scenario, SimResult, Simulation, load_scenario, to_datetime
from ...sim.scenario_file import NOT_A_SCENARIO
from .what_if_values import WINDOW_MOST_VISITORS

SAMPLES = 240  # buckets over a run's horizon for the chart over time
POINTS_PER_BUCKET = 8  # changes kept at their own time in one bucket at most
LOOKS_PER_BUCKET = 32  # instants whose counts are compared in one bucket at most
TICK_MS = 40
TICK_BUDGET_S = 0.025  # engine time per tick at most, so the window stays responsive
LATE_TICKS = 3  # ticks in a row that cannot keep the speed chosen: the panel says so
MAX_FAST_EVENTS = 5000  # "as fast as possible": events per tick at most
TO_END_BUDGET_S = 0.1  # "run to the end": longer slices, still a responsive window
FREEZE_FROM = 10_000  # contacts in a run from which its objects are set aside (gc.freeze)


@dataclass(frozen=True)
class Speed:
    label: str
    seconds_per_second: float | None  # simulated seconds per real second; None: no limit


SPEEDS = (
    Speed("1 hour per second", 3600.0),
    Speed("6 hours per second", 6 * 3600.0),
    Speed("1 day per second", 86400.0),
    Speed("1 week per second", 7 * 86400.0),
    Speed("As fast as possible", None),
)
DEFAULT_SPEED = 2


class SimulationError(Exception):
    """Why a simulation cannot start, in one line for the user."""


class WorkspaceNotRunnable(SimulationError):
    """The workspace has errors (R11): fixing them makes it runnable again."""


class ScenarioDoesNotFit(SimulationError):
    """The scenario file is sound but names a campaign, contact, product, payment type or
    order form this workspace does not have. ``missing`` names it ('product "mitt"') when
    the scenario otherwise refers to this workspace (a product since deleted, a typo);
    None when nothing it names is here: it was written for another workspace."""

    def __init__(self, reason: str, missing: str | None = None, *, named: str = "",
                 where: str = "", source: str = "") -> None:
        super().__init__(reason)
        self.reason = reason  # the loader's located line
        self.missing = missing
        self.named = named  # what it names that is not here ('campaign "x"'), when known
        self.where = where  # where in the file (``events[0].campaign``), when known
        self.source = source  # the file

    @property
    def other_workspace(self) -> bool:
        return self.missing is None

    def short(self) -> str:
        """What does not fit, after the scenario's name: "written for another workspace",
        or 'refers to product "mitt", not in this workspace'."""
        if self.missing is None:
            return "written for another workspace"
        return f"refers to {self.missing}, not in this workspace"

    def place(self) -> str:
        """Where in the file, without saying the problem again (the notice's lead says
        it): 'At events[0].campaign in /x/s.scenario.json.'; for a scenario written for
        another workspace, the first thing it names that is not here as well. The
        loader's whole line when its parts are not known."""
        if not self.where:
            return self.reason
        at = f"at {self.where} in {self.source}" if self.source else f"at {self.where}"
        if self.missing is None and self.named:
            return f"The first thing it names that is not here: {self.named}, {at}."
        return f"{at[0].upper()}{at[1:]}."


class NotAScenario(SimulationError):
    """The file chosen as the scenario is a workspace (.campaign.json)."""


# The scenario loader's words for a reference to something the workspace lacks, e.g.
# 'no campaign "shock-nurture" in the workspace', 'no product "mitt" in the catalog'.
MISSING_IN_WORKSPACE = re.compile(r'^no ([a-z ]+ ".*") in the (workspace|catalog)\b')


def snapshot(workspace: Workspace) -> Workspace:
    """An independent copy of the workspace, so the run does not see later edits: the same
    workspace as writing it to a file's data and reading that back gave, without checking
    the app's own data against the JSON Schema again (see ``io/snapshot.py``)."""
    return workspace_snapshot(workspace)


def check_runnable(workspace: Workspace, campaign: str | None = None,
                   findings: Callable[[], list[Finding]] | None = None) -> None:
    """Refuses a workspace with errors, naming the first by campaign and node names. With
    ``campaign``, only the errors that touch that run count: its own, and the workspace's
    (catalog, e-commerce actions); other campaigns are left out of the run (C14).

    The lint that names the first error is asked for only when there is one: ``findings``
    when given (the lint of the workspace ``workspace`` was copied from, as the controller
    keeps it between edits and the Warnings panel lists it), else ``workspace.lint()`` (a
    quarter of a second at 12,000 nodes, at every F5)."""
    problems = workspace.validate()
    if campaign is not None:
        index = next((i for i, c in enumerate(workspace.campaigns) if c.id == campaign), -1)
        others = tuple(f"campaigns[{i}]" for i in range(len(workspace.campaigns))
                       if i != index)
        problems = [p for p in problems if not p.path.startswith(others)]
    if not problems:
        return
    found = findings() if findings is not None else workspace.lint()
    errors = [f for f in found if f.severity == "error"]
    if campaign is not None:
        errors = [f for f in errors if f.campaign_id in (campaign, None)]
    if not errors:  # lint reports every problem validate() finds (workspace_lint); else:
        raise WorkspaceNotRunnable(f"Fix the workspace before simulating: {problems[0]}")
    # the first as the Warnings panel lists it, in the same words (names, not ids)
    first = finding_text(workspace, ordered_findings(workspace, errors, limit=1)[0])
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    raise WorkspaceNotRunnable(f"Fix the workspace before simulating: {first.rstrip('.')}"
                               f"{more}. The Warnings panel lists every problem.")


def named_in(data: object, keys: tuple[str, ...]) -> set[str]:
    """Every string the scenario's data gives under one of ``keys`` (or in a list there)."""
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key in keys and isinstance(value, str):
                found.add(value)
            elif key in keys and isinstance(value, list):
                found.update(v for v in value if isinstance(v, str))
            else:
                found |= named_in(value, keys)
    elif isinstance(data, list):
        for value in data:
            found |= named_in(value, keys)
    return found


def refers_to_workspace(path: str, workspace: Workspace) -> bool:
    """Whether the scenario names at least one campaign, contact or product this
    workspace has: then it was written for this workspace, and what it lacks was deleted
    since (or mistyped); otherwise it was written for another."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return False
    campaigns = {c.id for c in workspace.campaigns}
    contacts = {c.id for c in workspace.contacts}
    products = set(workspace.catalog.products)
    return bool(named_in(data, ("campaign",)) & campaigns
                or named_in(data, ("contact",)) & contacts
                or named_in(data, ("product", "products")) & products)


def open_scenario(path: str, workspace: Workspace) -> Scenario:
    """The scenario as the window runs it; raises SimulationError (the Scenario box's
    check and a run's set-up say the same)."""
    try:
        scenario = load_scenario(path, workspace)
    except LoadError as exc:
        missing = MISSING_IN_WORKSPACE.match(exc.problem.message)
        if missing is not None:
            ours = refers_to_workspace(path, workspace)
            raise ScenarioDoesNotFit(str(exc), missing.group(1) if ours else None,
                                     named=missing.group(1), where=exc.problem.path,
                                     source=exc.source) from None
        if exc.problem.message == NOT_A_SCENARIO:
            raise NotAScenario(str(exc)) from None
        raise SimulationError(str(exc)) from None
    except OSError as exc:
        raise SimulationError(f"{path}: cannot read: {exc.strerror or exc}") from None
    count = scenario.population.count if scenario.population is not None else 0
    if count > WINDOW_MOST_VISITORS:
        # set up on the window's thread, 5,000,000 froze it for minutes and took 9 GB (QA
        # 22i); the command line has no window to freeze
        raise SimulationError(
            f"{path}: population.count: {count:,} visitors are more than the window "
            f"simulates ({WINDOW_MOST_VISITORS:,}, as New What-If allows): run it with "
            "canvas-app simulate, or make the count smaller")
    return scenario


class SimRunner(QObject):
    """One simulation run that the view plays, pauses, steps and resets."""

    started = Signal()
    advanced = Signal()  # the clock moved; counts and log may have grown
    moved = Signal(list)  # the movements of one tick (list[Movement])
    running_changed = Signal(bool)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.simulation: Simulation | None = None
        self.scenario_path: str | None = None
        self.speed = SPEEDS[DEFAULT_SPEED]
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.to_end = False  # running to the end, as fast as it goes
        self._pending: list[Movement] = []
        self._unsubscribe: Callable[[], None] | None = None
        self._clock: float = 0.0  # simulated seconds since the epoch, as played so far
        self._last_tick = 0.0
        self._late_ticks = 0  # ticks in a row that could not keep the speed chosen
        # Per-node counts over simulated time: (seconds since the epoch, counts). Its
        # entries share the inner dicts of the nodes whose counts did not change between
        # them (nothing changes those dicts: a node's new counts come in a new one).
        self.history: list[tuple[int, dict[str, dict[str, int]]]] = []
        # Every node's counts as last taken from the engine (see _take): updated in place,
        # one node's dict replaced when its counts change.
        self.counts: dict[str, dict[str, int]] = {}
        self._since_kept: set[str] = set()  # nodes taken since the history's last point
        self._unseen: set[str] = set()  # nodes taken since the view last asked (changes())
        self._sample_every = 3600
        self._origin = 0
        self._bucket = 0
        self._looked = 0
        self._kept = 0
        self._skipped = False
        self._last_instant = 0
        self._frozen = False  # the garbage collector leaves this run's objects alone

    # -- state -----------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self.simulation is not None

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def done(self) -> bool:
        return self.simulation is not None and self.simulation.done

    def clock(self) -> datetime | None:
        return self.simulation.time if self.simulation is not None else None

    @property
    def behind(self) -> bool:
        """Playing at a speed the engine cannot keep (a busy campaign, a large run)."""
        return self.running and not self.to_end and self._late_ticks >= LATE_TICKS

    def title(self) -> str:
        return Path(self.scenario_path).name if self.scenario_path else ""

    # -- set-up ----------------------------------------------------------------------------
    def load(self, workspace: Workspace, scenario_path: str, campaign: str | None = None,
             findings: Callable[[], list[Finding]] | None = None) -> Simulation:
        """A new run of the scenario over a copy of ``workspace`` (of that one campaign
        alone when given, C14); raises SimulationError. ``findings``: the lint of
        ``workspace`` as kept between edits (``Controller.findings``), to name what stops
        a run without linting it all again."""
        copy = snapshot(workspace)
        check_runnable(copy, campaign, findings)
        scenario = open_scenario(scenario_path, copy)
        self.clear()
        try:
            sim = Simulation(copy, scenario, campaign=campaign)
        except MemoryError:
            problem = scenario.memory_problem()  # the half-made run is gone by now
            where = f"{scenario_path}: {problem.path}" if problem.path else scenario_path
            raise SimulationError(f"{where}: {problem.message}") from None
        # A big run's contacts (hundreds of thousands of objects, none ever cyclic garbage)
        # would otherwise be looked through by the cyclic garbage collector again and again
        # while they live: about 0.6 s of CPU for 100,000 contacts at once after set-up, and
        # more as the run goes. Set aside (with what else lives now) until the run is cleared.
        if len(sim.contacts) >= FREEZE_FROM:
            gc.freeze()
            self._frozen = True
        self.simulation = sim
        self.scenario_path = scenario_path
        self._listen(True)
        self._clock = float(sim.now)
        self._start_history(sim)
        self.started.emit()
        self.advanced.emit()
        return sim

    def clear(self) -> None:
        self.pause()
        self._listen(False)
        self.simulation = None
        if self._frozen:
            gc.unfreeze()  # collected as usual again
            self._frozen = False
        self.scenario_path = None
        self._pending.clear()
        self.history = []
        self.counts = {}
        self._since_kept = set()
        self._unseen = set()

    # -- history -----------------------------------------------------------------------------
    def _start_history(self, sim: Simulation) -> None:
        span = (sim.until - sim.start) if sim.until is not None else 0
        self._sample_every = max(60, span // SAMPLES) if span > 0 else 3600
        self.counts = sim.changed_counts()  # every node's, at the first call
        self._since_kept = set()
        self._unseen = set(self.counts)
        self.history = [(sim.now, dict(self.counts))]
        self._origin = sim.now
        self._bucket = 0
        self._looked = 0  # instants looked at in the current bucket
        self._kept = 0  # points kept in it
        self._skipped = False  # instants of a full bucket went unrecorded
        self._last_instant = sim.now

    def _step(self) -> bool:
        """One engine step, keeping the history: the counts each instant leaves, at that
        instant's own time, so the chart's steps fall where the log's events do. A bucket
        (1/240 of the horizon) keeps at most POINTS_PER_BUCKET points; past that, its
        remaining changes show at the last of its instants (exact there, at most one bucket
        late between). The history depends only on the events, never on how the run was
        played (steps, speed, run to the end)."""
        sim = self.simulation
        assert sim is not None
        at = sim.next_time()
        if at is None:
            return False
        when = int(at.timestamp())
        bucket = (when - self._origin) // self._sample_every
        if bucket != self._bucket:
            if self._skipped:  # the counts the full bucket's last instant left
                self._keep(self._last_instant)
            self._bucket, self._looked, self._kept, self._skipped = bucket, 0, 0, False
        handled = sim.step()
        following = sim.next_time()
        if following is None or int(following.timestamp()) != when:
            # Everything at that instant is done: the counts it leaves.
            self._last_instant = when
            if self._looked < LOOKS_PER_BUCKET and self._kept < POINTS_PER_BUCKET:
                self._looked += 1
                self._keep(when)
            else:
                self._skipped = True
        if following is None and self._skipped:
            # no later event comes to close the full bucket: its changes shown where they
            # were, not at the horizon (QA 22i: 222 goals achieved in May 2026 showed in
            # 2126, a flat line till then)
            self._keep(self._last_instant)
            self._skipped = False
        return handled

    def _take(self) -> None:
        """Brings :attr:`counts` up to date: copies of the counts of the nodes whose counts
        changed since last taken (the engine notes them), not of every node's."""
        sim = self.simulation
        assert sim is not None
        changed = sim.changed_counts()
        if changed:
            self.counts.update(changed)
            self._since_kept.update(changed)
            self._unseen.update(changed)

    def _keep(self, at: int) -> None:
        """A point of the history at ``at``: the counts now, when they differ from the last
        point's (only the nodes taken since can)."""
        self._take()
        last = self.history[-1][1]
        counts = self.counts
        differs = any(counts[node] != last[node] for node in self._since_kept)
        self._since_kept = set()
        if differs:
            if self.history[-1][0] == at:
                self.history[-1] = (at, dict(counts))
            else:
                self.history.append((at, dict(counts)))
            self._kept += 1

    def counts_now(self) -> dict[str, dict[str, int]]:
        """Every node's counts now (as ``Simulation.counts()``; not a copy, and updated in
        place as the run goes: read it, do not change it)."""
        if self.simulation is not None:
            self._take()
        return self.counts

    def changes(self) -> tuple[dict[str, dict[str, int]], set[str]]:
        """:meth:`counts_now`, and the nodes whose counts may have changed since this was
        last called (every node at the first call of a run)."""
        counts = self.counts_now()
        unseen, self._unseen = self._unseen, set()
        return counts, unseen

    def timeline(self) -> list[tuple[int, dict[str, dict[str, int]]]]:
        """The history, and the counts now at the clock."""
        sim = self.simulation
        if sim is None:
            return []
        return [*self.history, (sim.now, dict(self.counts_now()))]

    # -- playing ---------------------------------------------------------------------------
    def set_speed(self, index: int) -> None:
        self.speed = SPEEDS[index]

    def play(self) -> None:
        if self.simulation is None or self.simulation.done or self.running:
            return
        self._last_tick = time.perf_counter()
        self._late_ticks = 0
        self._timer.start()
        self.running_changed.emit(True)

    def _listen(self, on: bool) -> None:
        """Movements are only wanted to draw them: running to the end, the engine goes
        about 40 % faster without making them."""
        if on and self._unsubscribe is None and self.simulation is not None:
            self._unsubscribe = self.simulation.subscribe(self._pending.append)
        elif not on and self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def pause(self) -> None:
        if self.to_end:
            self._listen(True)
        self.to_end = False
        if self.running:
            self._timer.stop()
            self.running_changed.emit(False)

    def step(self) -> bool:
        """Handles the next event (and everything else at that instant)."""
        sim = self.simulation
        if sim is None or sim.done:
            return False
        self.pause()
        at = sim.next_time()
        assert at is not None
        while (nxt := sim.next_time()) is not None and nxt <= at:
            self._step()
        self._clock = float(sim.now)
        self._publish()
        return True

    def run_to_end(self) -> None:
        """Everything left, as fast as the engine goes, in slices on the timer: the window
        stays responsive, the progress bar moves, and Pause stops it."""
        sim = self.simulation
        if sim is None or sim.done:
            return
        self.pause()
        self.to_end = True
        self._listen(False)
        self.play()

    def finish(self) -> None:
        """Everything left, at once, without the event loop (scripts and the bench)."""
        sim = self.simulation
        if sim is None:
            return
        self.pause()
        while self._step():
            pass
        self._clock = float(sim.now)
        self._publish()

    def _tick(self) -> None:
        sim = self.simulation
        if sim is None:
            self.pause()
            return
        now = time.perf_counter()
        elapsed, self._last_tick = now - self._last_tick, now
        rate = None if self.to_end else self.speed.seconds_per_second
        deadline = now + (TO_END_BUDGET_S if self.to_end else TICK_BUDGET_S)
        if rate is None:
            # The budget is looked at after every event (perf_counter costs ~60 ns): one
            # contact joining a campaign of 10,000 nodes can take 7 ms, and a look every
            # 100 events let a tick freeze the window for most of a second.
            handled = 0
            most = None if self.to_end else MAX_FAST_EVENTS
            clock = time.perf_counter
            while (most is None or handled < most) and self._step():
                handled += 1
                if clock() > deadline:
                    break
            self._clock = float(sim.now)
        else:
            target = self._clock + rate * min(elapsed, 0.25)
            if sim.until is not None:
                target = min(target, float(sim.until))
            late = False
            while (nxt := sim.next_time()) is not None and nxt.timestamp() <= target:
                self._step()
                if time.perf_counter() > deadline:
                    target = float(sim.now)  # slow down rather than freeze the window
                    late = True
                    break
            # behind the speed chosen: once three ticks in a row could not keep it (one
            # busy instant is no news), until a tick does
            self._late_ticks = self._late_ticks + 1 if late else 0
            self._clock = target
            sim.run_until(to_datetime(int(target)))  # nothing is left before it: the clock
        self._publish()

    def _publish(self) -> None:
        sim = self.simulation
        finished = sim is not None and sim.done
        if finished and sim is not None and sim.until is not None:
            sim.run_until(to_datetime(sim.until))  # the clock shows the end of the run
        movements, self._pending[:] = list(self._pending), []
        if movements:
            self.moved.emit(movements)
        self.advanced.emit()
        if finished:
            self.pause()
            self.finished.emit()

    # -- results ---------------------------------------------------------------------------
    def result(self) -> SimResult | None:
        return self.simulation.result() if self.simulation is not None else None

    def horizon(self) -> datetime | None:
        sim = self.simulation
        if sim is None or sim.until is None:
            return None
        return to_datetime(sim.until)
