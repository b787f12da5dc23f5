"""Simulation.changed_counts: a reader that keeps its own copy of the counts up to date with
it, node by node, holds exactly what counts() gives, at every step of random runs."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvas_app.sim import Simulation, load_scenario, scenario_from_data

from .test_properties import WS, populations  # the random what-ifs the engine's laws run

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"

def follow(sim: Simulation, every: int) -> int:
    """Steps ``sim`` to its end, taking the changed counts every ``every`` steps into a
    copy that must equal counts() then; returns how many node copies were taken."""
    copy = sim.changed_counts()
    assert copy == sim.counts()  # every node's, at first
    assert sim.changed_counts() == {}  # nothing changed since
    taken, steps = 0, 0
    while sim.step():
        steps += 1
        if steps % every == 0:
            changed = sim.changed_counts()
            taken += len(changed)
            for node, values in changed.items():
                assert values == sim.counts_by_node[node]
                assert values is not sim.counts_by_node[node]  # a copy
            copy.update(changed)
            assert copy == sim.counts()
    copy.update(sim.changed_counts())
    assert copy == sim.counts()
    return taken


def test_the_sample_scenario_followed_step_by_step() -> None:
    sim = Simulation(WS, load_scenario(SAMPLES / "pool-store.scenario.json", WS))
    taken = follow(sim, 1)
    assert sim.processed > 0 and taken > 0
    # a step changes the counts of a few nodes, not all of them each time
    assert taken < sim.processed * len(sim.counts())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(population=populations, seed=st.integers(0, 10_000), every=st.sampled_from([1, 3, 50]),
       until=st.sampled_from([None, "2026-05-04T00:00:00Z", "2026-05-20T12:00:00Z"]))
def test_random_runs_followed_through_changed_counts(population: dict, seed: int, every: int,
                                                     until: str | None) -> None:
    data = {"start": "2026-05-01T00:00:00Z", "until": until, "seed": seed,
            "population": population}
    followed = Simulation(WS, scenario_from_data(data, WS), journeys="none", log=False)
    follow(followed, every)
    # asking changes nothing of the run: the same run not asked ends the same
    plain = Simulation(WS, scenario_from_data(data, WS), journeys="none", log=False)
    assert followed.result().to_json() == plain.run().to_json()
