"""R18 and C11: scenario files load with located errors; bad input is one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvas_app.io import load_workspace
from canvas_app.io.errors import LoadError
from canvas_app.sim import load_scenario, scenario_from_data

from .helpers import add, at, buy, camp, pay, scenario_data, seq, workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
SCENARIO = ROOT / "resources" / "samples" / "pool-store.scenario.json"


def problem(*events: dict, **extra: object) -> str:
    ws = workspace(camp("c", [seq("s", {"kind": "email", "subject": "x"})]))
    with pytest.raises(LoadError) as info:
        scenario_from_data(scenario_data(*events, **extra), ws, "scenario.json")
    return str(info.value)


def test_R18_sample_scenario_loads_with_contacts_events_and_horizon() -> None:
    ws = load_workspace(SAMPLE)
    scenario = load_scenario(SCENARIO, ws)
    assert scenario.until is not None and scenario.until > scenario.start
    assert scenario.seed == 7
    assert [c.id for c in scenario.contacts] == ["c-dev"]
    types = {e.type for e in scenario.events}
    assert types == {"add_to_campaign", "cart_login", "purchase", "payment", "apply_tag"}


@pytest.mark.parametrize(("events", "extra", "expected"), [
    ([add(at(2), "nobody")], {},
     'scenario.json: events[0].contact: no contact "nobody" in the workspace or the scenario'),
    ([buy(at(2), "ana", "o-1", "shock", "ghost")], {},
     'scenario.json: events[0].products[1]: no product "ghost" in the catalog'),
    ([buy(at(2), "ana", "o-1", "shock", channel="order_form", order_form="nope")], {},
     'scenario.json: events[0].order_form: no order form "nope" in the catalog'),
    ([add(at(2), "ana", "nope")], {},
     'scenario.json: events[0].campaign: no campaign "nope" in the workspace'),
    ([buy(at(2), "ana", "o-1", "shock", payment_type="bitcoin")], {},
     'scenario.json: events[0].payment_type: no payment type "bitcoin" in the catalog'),
    ([add("2026-13-40T09:00", "ana")], {},
     "scenario.json: events[0].at: '2026-13-40T09:00' is not an ISO 8601 time"),
    ([add("2025-12-31T09:00:00Z", "ana")], {},
     "scenario.json: events[0].at: 2025-12-31T09:00:00Z is before the scenario's start"),
    ([buy(at(2), "ana", "o-1", "shock"), buy(at(3), "ben", "o-1", "mitt")], {},
     'scenario.json: events[1].order_id: order "o-1" was already placed by events[0]'),
    ([add(at(2), "ana"), add(at(2), "ana"), add(at(2), "ana"), add(at(2), "ana"),
      pay(at(3), "o-9")], {},
     'scenario.json: events[4].order_id: no order "o-9" was placed before '
     "2026-01-03T09:00:00Z"),
    ([pay(at(2), "o-1"), buy(at(3), "ana", "o-1", "shock")], {},
     'scenario.json: events[0].order_id: order "o-1" is placed by events[1], after this '
     "payment: a payment must come after its order"),
    ([add(at(2), "ana")], {"until": "2025-01-01"},
     "scenario.json: until: the horizon 2025-01-01T00:00:00Z is before the start"),
    ([{"at": at(2), "type": "teleport", "contact": "ana"}], {},
     'scenario.json: events[0].type: "teleport" is not allowed here'),
    ([{"at": at(2), "type": "purchase", "contact": "ana"}], {},
     'scenario.json: events[0]: the key "channel" is missing'),
    ([buy(at(2), "ana", "o-1", "shock", channel="legacy_order_form", order_form="form")], {},
     'scenario.json: events[0].order_form: "form" is not a legacy order form'),
    ([], {"population": {"count": 5, "purchases": [{"product": "nope", "probability": 1}]}},
     'scenario.json: population.purchases[0].product: no product "nope" in the catalog'),
])
def test_C11_bad_input_is_one_located_line(events: list, extra: dict, expected: str) -> None:
    message = problem(*events, **extra)
    assert message.startswith(expected), message
    assert "\n" not in message


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    ws = load_workspace(SAMPLE)
    with pytest.raises(LoadError, match="no such file"):
        load_scenario(tmp_path / "missing.json", ws)
    bad = tmp_path / "bad.json"
    bad.write_text('{"start": ', encoding="utf-8")
    with pytest.raises(LoadError, match="line 1 column 11: the text ends before the JSON does"):
        load_scenario(bad, ws)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"start": "2026-01-01", "untill": "x"}), encoding="utf-8")
    with pytest.raises(LoadError, match="untill"):
        load_scenario(wrong, ws)


def test_population_ids_must_not_clash_with_contacts() -> None:
    message = problem(contacts=[{"id": "p-3", "first_name": "P"}],
                      population={"count": 5})
    assert message.startswith('scenario.json: population.id_prefix: generated contact ids '
                              'would clash with contact "p-3"')


def test_what_if_sample_loads_and_runs() -> None:
    from canvas_app.sim import Simulation

    ws = load_workspace(SAMPLE)
    scenario = load_scenario(ROOT / "resources" / "samples" /
                             "pool-store-what-if.scenario.json", ws)
    assert scenario.population is not None and scenario.population.count == 2000
    result = Simulation(ws, scenario, journeys="none", log=False).run()
    assert result.nodes["bought-shock"]["achieved"] > 0
    assert result.nodes["subscribed"]["achieved"] > 0


def test_a_workspace_file_given_as_the_scenario_is_called_a_workspace(
        capsys: pytest.CaptureFixture[str]) -> None:
    """QA: a .campaign.json chosen as the scenario said 'the key "start" is missing'."""
    from canvas_app.cli import main

    ws = load_workspace(SAMPLE)
    with pytest.raises(LoadError) as info:
        load_scenario(SAMPLE, ws)
    assert str(info.value) == (f"{SAMPLE}: this file is a workspace, not a scenario: choose a "
                               ".scenario.json file, or make one with New What-If Scenario… "
                               "(Simulate menu)")
    # The command line says the same, in one line.
    assert main(["simulate", str(SAMPLE), "--scenario", str(SAMPLE)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a workspace, not a scenario" in err
    # A scenario that lacks its start is still told so.
    with pytest.raises(LoadError, match='"start" is missing'):
        scenario_from_data({"events": []}, ws, "s.json")
