"""The stepping API the canvas drives: step, run_until, subscribe, counts, progress, cancel."""

from __future__ import annotations

from datetime import UTC, datetime

from canvas_app.sim import Movement, Simulation, scenario_from_data, to_datetime

from .helpers import add, at, buy, camp, delay, email, pgoal, scenario_data, seq, workspace

WS = workspace(camp("c", [seq("nurture", email(), delay("P2D"), email()),
                          pgoal("g", ("shock",)), seq("post", email(), delay("P1D"))],
                    "nurture>g", "g>post"))
EVENTS = (add(at(1), "ana"), add(at(1, 10), "ben"), buy(at(2), "ana", "o-1", "shock"))


def make(**kw: object) -> Simulation:
    return Simulation(WS, scenario_from_data(scenario_data(*EVENTS), WS), **kw)


def test_step_handles_one_event_at_a_time() -> None:
    sim = make()
    assert sim.next_time() == datetime(2026, 1, 1, 9, tzinfo=UTC)
    assert sim.step()
    assert sim.counts()["nurture"] == {"entered": 1, "completed": 0, "removed": 0,
                                       "active": 1}
    steps = 1
    while sim.step():
        steps += 1
    assert sim.done and not sim.step()
    assert steps == sim.processed == 6  # 3 scenario events + 3 delay ends


def test_run_until_a_time_then_to_the_end() -> None:
    sim = make()
    sim.run_until(datetime(2026, 1, 2, 12, tzinfo=UTC))
    assert sim.time == datetime(2026, 1, 2, 12, tzinfo=UTC)
    counts = sim.counts()
    assert counts["g"]["achieved"] == 1 and counts["post"]["active"] == 1
    assert counts["nurture"]["active"] == 1  # Ben still in it
    result = sim.run()
    assert result.counts()["nurture"]["completed"] == 1
    assert result.counts() == sim.counts()


def test_subscribe_receives_movements_and_can_unsubscribe() -> None:
    sim = make()
    seen: list[Movement] = []
    unsubscribe = sim.subscribe(seen.append)
    sim.run_until(datetime(2026, 1, 2, 9, tzinfo=UTC))
    moves = [(m.contact, m.kind, m.from_node, m.to_node) for m in seen
             if m.kind in ("entered", "removed", "achieved")]
    assert moves == [("ana", "entered", None, "nurture"), ("ben", "entered", None, "nurture"),
                     ("ana", "achieved", None, "g"), ("ana", "removed", "nurture", None),
                     ("ana", "entered", "g", "post")]
    assert to_datetime(seen[-1].at) == datetime(2026, 1, 2, 9, tzinfo=UTC)
    unsubscribe()
    count = len(seen)
    sim.run()
    assert len(seen) == count


def test_progress_and_cancel() -> None:
    ws = WS
    data = scenario_data(add(at(1), "ana"),
                         population={"count": 300, "arrival_spread": "P10D",
                                     "campaign": "c"}, until=at(28))
    sim = Simulation(ws, scenario_from_data(data, ws))
    fractions: list[float] = []
    result = sim.run(progress=fractions.append, every=50)
    assert result.complete and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    cancelled = Simulation(ws, scenario_from_data(data, ws)).run(
        should_cancel=lambda: True, every=10)
    assert not cancelled.complete
    assert cancelled.events_handled == 10
    assert cancelled.log[-1].endswith("the run was cancelled here")


def test_journeys_option_keeps_all_none_or_a_sample() -> None:
    assert "journey" not in make(journeys="none").run().contacts["ana"]
    sample = make(journeys=1).run()
    assert "journey" in sample.contacts["ana"] and "journey" not in sample.contacts["ben"]
    assert make(log=False).run().log == []


def test_scenario_built_in_code_without_files() -> None:
    from canvas_app.domain.contacts import Contact
    from canvas_app.sim import Buyer, Scenario, ScenarioEvent, to_seconds

    scenario = Scenario.at("2026-01-01T00:00:00Z", "2026-01-10T00:00:00Z",
                           contacts=[Contact("zoe", "Zoe", "Park", "zoe@x.com")])
    t = to_seconds(datetime(2026, 1, 2, 9, tzinfo=UTC))
    scenario.events = [
        ScenarioEvent(t, "add_to_campaign", contact="zoe", campaign="c"),
        ScenarioEvent(t + 3600, "purchase", contact=Buyer("Zoe", "Park", "ZOE@x.com"),
                      channel="shopping_cart", order_id="o-1", products=("shock",),
                      payment_type="paypal", outcome="success"),
    ]
    result = Simulation(WS, scenario).run()
    assert result.nodes["g"]["achieved"] == 1  # the buyer matched Zoe (R15)
    assert "new-1" not in result.contacts
