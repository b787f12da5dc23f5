"""Playing "As fast as possible" and running to the end keep each tick to its time budget
even when one event takes milliseconds (a contact joining a campaign of 10,000 nodes takes
about 7 ms): the budget was looked at every 100 events, so such a tick froze the window
for most of a second."""

from __future__ import annotations

import time

import pytest

from canvas_app.io import load_workspace
from canvas_app.ui.simulation.runner import (
    SPEEDS,
    TICK_BUDGET_S,
    TO_END_BUDGET_S,
    SimRunner,
)
from tests.ui.canvas.conftest import SAMPLE

SCENARIO = SAMPLE.parent / "pool-store.scenario.json"


def slow_events(runner: SimRunner, monkeypatch: pytest.MonkeyPatch,
                seconds: float) -> list[float]:
    """Makes each of the runner's events take at least ``seconds`` (busy, as the engine's
    work is); returns the list each handled event's end time is added to."""
    real = runner._step
    ends: list[float] = []

    def slow_step() -> bool:
        until = time.perf_counter() + seconds
        handled = real()
        while time.perf_counter() < until:
            pass
        if handled:
            ends.append(time.perf_counter())
        return handled

    monkeypatch.setattr(runner, "_step", slow_step)
    return ends


@pytest.fixture
def runner(qtbot) -> SimRunner:
    runner = SimRunner()
    runner.load(load_workspace(SAMPLE), str(SCENARIO))
    assert runner.simulation is not None and not runner.simulation.done
    yield runner
    runner.clear()


def test_a_fast_tick_stops_at_its_budget_when_events_are_slow(runner, monkeypatch) -> None:
    each = 0.004
    ends = slow_events(runner, monkeypatch, each)
    runner.set_speed(next(i for i, s in enumerate(SPEEDS) if s.seconds_per_second is None))
    runner.play()
    start = time.perf_counter()
    runner._tick()
    took = time.perf_counter() - start
    runner.pause()
    # the sample's run has 29 events: all of them went in one tick before
    assert 1 <= len(ends) <= TICK_BUDGET_S / each + 1
    assert not runner.done
    # the budget and the event that crossed it, with room for a slow machine's other work
    assert took < TICK_BUDGET_S + 2 * each + 0.05
    assert ends[-2] - start <= TICK_BUDGET_S if len(ends) > 1 else True


def test_run_to_end_slices_keep_to_their_budget(runner, monkeypatch, qtbot) -> None:
    each = 0.010
    ends = slow_events(runner, monkeypatch, each)
    runner.run_to_end()
    start = time.perf_counter()
    runner._tick()
    in_first = len(ends)
    assert 1 <= in_first <= TO_END_BUDGET_S / each + 1
    assert ends[-1] - start < TO_END_BUDGET_S + 2 * each
    qtbot.waitUntil(lambda: runner.done, timeout=10_000)  # the rest, slice by slice
    assert len(ends) > in_first
