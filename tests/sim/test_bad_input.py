"""Bad simulation input is one located line, never a traceback (SPEC §6, C6, R14).

Times that do not fit the calendar, durations too long to add to a time, population purchase
plans that name an order form their channel cannot have, and a buyer missing a key.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from canvas_app.io.errors import LoadError
from canvas_app.sim import Simulation, load_scenario, scenario_from_data
from canvas_app.sim.model import LAST_SECOND, ClockOutOfRange, to_datetime
from canvas_app.sim.population import generate

from .helpers import (
    CATALOG,
    CONTACTS,
    add,
    at,
    buy,
    camp,
    delay,
    email,
    pgoal,
    scenario_data,
    seq,
    workspace,
)

ROOT = Path(__file__).resolve().parents[2]


def problem(data: dict[str, Any], ws: Any = None) -> str:
    ws = ws or workspace(camp("c", [seq("s", email("x"))]))
    with pytest.raises(LoadError) as info:
        scenario_from_data(data, ws, "scenario.json")
    message = str(info.value)
    assert "\n" not in message
    return message


def population(**spec: Any) -> dict[str, Any]:
    return scenario_data(population={"count": 2, **spec})


# -- D2: a population's purchase plan follows the explicit purchase's channel/form rules ----
@pytest.mark.parametrize(("plan", "extra", "expected"), [
    ({"channel": "api", "order_form": "classic"}, {},
     "population.purchases[0].order_form: an api purchase has no order form"),
    ({"channel": "shopping_cart", "order_form": "form"}, {},
     "population.purchases[0].order_form: a shopping_cart purchase has no order form"),
    ({"channel": "order_form", "order_form": "classic"}, {},
     'population.purchases[0].order_form: "classic" is a legacy order form, so the channel '
     "cannot be order_form"),
    ({"channel": "legacy_order_form", "order_form": "form"}, {},
     'population.purchases[0].order_form: "form" is not a legacy order form, so the channel '
     "cannot be legacy_order_form"),
    ({"channel": "order_form", "order_form": "nope"}, {},
     'population.purchases[0].order_form: no order form "nope" in the catalog'),
    # without its own channel, the plan's form must suit every form channel the mix draws
    ({"order_form": "form"}, {},
     "population.purchases[0].order_form: none of the population's channels (shopping_cart) "
     "has an order form: give this purchase its channel"),
    ({"order_form": "classic"}, {"channels": {"shopping_cart": 1, "order_form": 1}},
     'population.purchases[0].order_form: "classic" is a legacy order form, so the channel '
     "cannot be order_form"),
])
def test_D2_population_purchase_with_a_form_its_channel_cannot_have_is_refused(
        plan: dict[str, Any], extra: dict[str, Any], expected: str) -> None:
    data = population(purchases=[{"product": "shock", "probability": 1, **plan}], **extra)
    assert problem(data) == f"scenario.json: {expected}"


def test_a_population_with_two_rows_of_one_product_is_refused() -> None:
    """As New What-If refuses it: a contact buys a product at most once (QA 22i: 251
    contacts bought pool shock twice)."""
    data = population(purchases=[{"product": "shock", "probability": 0.5},
                                 {"product": "mitt", "probability": 0.5},
                                 {"product": "shock", "probability": 0.2}])
    assert problem(data) == (
        'scenario.json: population.purchases[2].product: "shock" has a row already '
        "(purchases[0]): a contact buys a product at most once; give each product one row")


def test_an_order_id_the_population_gives_too_is_refused() -> None:
    """QA 23a: an event's order "p-1-o1" and the population's first contact's first order
    were two orders of one id; the later took the earlier's payment."""
    pop = {"count": 5, "purchases": [{"product": "shock", "probability": 1}]}
    data = scenario_data(buy(at(1), CONTACTS[0]["id"], "p-1-o1", "shock"), population=pop)
    assert problem(data) == (
        'scenario.json: events[0].order_id: order id "p-1-o1" is one the population gives '
        'its contact "p-1": choose another order id, or another population.id_prefix')
    for order_id in ("p-6-o1", "p-1-x1", "p-01-o1", "o-1", "p-1-o0"):  # none it gives
        data["events"][0]["order_id"] = order_id
        assert scenario_from_data(data, workspace(camp("c", [seq("s", email("x"))])),
                                  "scenario.json").events
    data["events"][0]["order_id"] = "p-1-o1"
    data["population"]["id_prefix"] = "visitor-"  # another prefix: no clash
    assert scenario_from_data(data, workspace(camp("c", [seq("s", email("x"))])),
                              "scenario.json").events


@pytest.mark.parametrize(("channel", "form"), [
    ("api", "classic"), ("shopping_cart", "form"), ("order_form", "classic"),
    ("legacy_order_form", "form")])
def test_D2_explicit_purchase_and_population_plan_give_the_same_words(channel: str,
                                                                      form: str) -> None:
    explicit = problem(scenario_data(buy(at(2), "ana", "o-1", "shock", channel=channel,
                                         order_form=form)))
    planned = problem(population(purchases=[{"product": "shock", "probability": 1,
                                             "channel": channel, "order_form": form}]))
    assert explicit.split(": ", 2)[2] == planned.split(": ", 2)[2]


def test_D2_a_plan_form_goes_only_with_the_form_channels_its_mix_draws() -> None:
    ws = workspace(camp("c", [pgoal("g", order_forms=("form",), achieved_by="any_contact")]))
    data = scenario_data(seed=3, population={
        "count": 40, "purchases": [{"product": "shock", "probability": 1, "order_form": "form"}],
        "channels": {"shopping_cart": 1, "order_form": 1}})
    scenario = scenario_from_data(data, ws, "scenario.json")
    assert scenario.population is not None
    purchases = [e for e in generate(scenario.population, ws, scenario.start, 3).events()
                 if e.type == "purchase"]
    by_channel = {e.channel: {x.order_form for x in purchases if x.channel == e.channel}
                  for e in purchases}
    assert by_channel == {"shopping_cart": {None}, "order_form": {"form"}}
    result = Simulation(ws, scenario).run()
    assert result.nodes["g"]["achieved"] == sum(1 for e in purchases
                                                if e.channel == "order_form")


def test_D2_valid_plans_still_load() -> None:
    ws = workspace(camp("c", [seq("s", email("x"))]))
    data = population(purchases=[
        {"product": "shock", "probability": 1, "channel": "legacy_order_form",
         "order_form": "classic"},
        {"product": "mitt", "probability": 1, "channel": "order_form"},
        {"product": "sub", "probability": 1, "order_form": "form"}],  # each product once
        channels={"order_form": 1, "api": 1})
    spec = scenario_from_data(data, ws, "scenario.json").population
    assert spec is not None and [p.order_form for p in spec.purchases] == [
        "classic", None, "form"]


# -- D4: durations and times that do not fit the calendar -----------------------------------
@pytest.mark.parametrize(("data", "expected"), [
    (population(arrival_spread="P99999999999D"),
     'population.arrival_spread: "P99999999999D" is too long for a duration (more than '
     "2000 years)"),
    (population(purchases=[{"product": "sub", "probability": 1}], renewals=2,
                renewal_every="P3000000D"),
     'population.renewal_every: "P3000000D" is too long for a duration (more than 2000 '
     "years)"),
    (population(retry_after=1e300), "population.retry_after: 1e+300 is too long for a duration"),
    (population(purchases=[{"product": "sub", "probability": 1, "within": "P3000000D"}]),
     'population.purchases[0].within: "P3000000D" is too long'),
    (population(arrival_spread=-5),
     "population.arrival_spread: -5 is not a duration: use a number of minutes (0 or more) "
     "or an ISO 8601 duration like P2DT3H"),
    (scenario_data(until="9999-12-31T23:59:59-01:00"),
     "until: '9999-12-31T23:59:59-01:00' is out of range: in UTC it must fall in the years "
     "1 to 9999"),
    ({"start": "0001-01-01T00:30:00+01:00", "events": []},
     "start: '0001-01-01T00:30:00+01:00' is out of range"),
    (scenario_data(add("0001-01-01T00:00:00+00:01", "ana")),
     "events[0].at: '0001-01-01T00:00:00+00:01' is out of range"),
])
def test_D4_out_of_range_durations_and_times_are_located(data: dict[str, Any],
                                                         expected: str) -> None:
    assert problem(data).startswith(f"scenario.json: {expected}")


def write(tmp_path: Path, ws: dict[str, Any], scenario: dict[str, Any]) -> tuple[str, str]:
    wp, sp = tmp_path / "w.campaign.json", tmp_path / "s.scenario.json"
    wp.write_text(json.dumps(ws), encoding="utf-8")
    sp.write_text(json.dumps(scenario), encoding="utf-8")
    return str(wp), str(sp)


def ws_data(*campaigns: dict[str, Any]) -> dict[str, Any]:
    return {"format": "campaign-canvas", "version": 1, "catalog": CATALOG,
            "ecommerce": {"action_sets": {}, "product_action_sets": {}},
            "contacts": CONTACTS, "campaigns": list(campaigns)}


def simulate(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "canvas_app", "simulate", *argv],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_D4_until_option_out_of_range_is_one_line(tmp_path: Path) -> None:
    wp, sp = write(tmp_path, ws_data(camp("c", [seq("s", email("x"))])),
                   scenario_data(add(at(2), "ana")))
    proc = simulate(wp, "--scenario", sp, "--until", "9999-12-31T23:59:59-01:00")
    # a bad option value is bad usage (exit 2), on one line (QA 2)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == ("canvas-app simulate: error: argument --until: "
                           "'9999-12-31T23:59:59-01:00' is out of range: in UTC it must fall "
                           "in the years 1 to 9999\n")


def test_D4_a_delay_ending_past_the_calendar_stays_pending_like_one_past_the_horizon(
        tmp_path: Path) -> None:
    late = "9998-12-01T00:00:00Z"
    ws = ws_data(camp("c", [seq("s", delay("P1000D"), email("late"))]))
    scenario = {"start": late, "events": [add(late, "ana")]}
    wp, sp = write(tmp_path, ws, scenario)
    proc = simulate(wp, "--scenario", sp, "--json")
    assert proc.returncode == 0 and proc.stderr == ""
    result = json.loads(proc.stdout)
    assert result["nodes"]["s"]["active"] == 1 and result["nodes"]["s"]["completed"] == 0
    assert result["emails_sent"] == 0


def test_D4_the_engine_stops_at_the_calendars_last_second() -> None:
    ws = workspace(camp("c", [seq("s", delay("P1000D"), email("late"))]))
    scenario = scenario_from_data({"start": "9998-12-01T00:00:00Z",
                                   "events": [add("9998-12-01T00:00:00Z", "ana")]}, ws, "s")
    sim = Simulation(ws, scenario)
    result = sim.run()
    assert sim.done and result.nodes["s"]["active"] == 1
    assert sim.time.year == 9998


def test_D4_a_time_past_the_calendar_is_a_domain_error_not_a_value_error() -> None:
    assert to_datetime(LAST_SECOND).year == 9999
    with pytest.raises(ClockOutOfRange):
        to_datetime(LAST_SECOND + 1)


def test_D5_a_number_too_large_in_a_scenario_file_is_located(tmp_path: Path) -> None:
    path = tmp_path / "s.scenario.json"
    path.write_text(json.dumps(population(failure_rate="BIG")).replace('"BIG"', "1e400"),
                    encoding="utf-8")
    ws = workspace(camp("c", [seq("s", email("x"))]))
    with pytest.raises(LoadError) as info:
        load_scenario(path, ws)
    assert str(info.value) == (f"{path}: population.failure_rate: 1e400 is too large a number "
                               "for any field: use a number within the field's limits")


# -- D7: a buyer missing a key is described, not printed as a Python dict ---------------------
@pytest.mark.parametrize(("contact", "expected"), [
    ({"first_name": "Ann", "last_name": "Lee"}, 'events[0].contact: the key "email" is missing'),
    ({"first_name": "Ann", "last_name": "Lee", "email": "x"},
     'events[0].contact.email: "x" is too short (at least 3 characters)'),
    ({"first_name": "Ann", "last_name": "Lee", "email": "ann@x.com", "phone": "1"},
     'events[0].contact: unknown key "phone" (known: first_name, last_name, email)'),
    (5, "events[0].contact: expected a string or an object, found 5"),
])
def test_D7_buyer_problems_are_readable(contact: Any, expected: str) -> None:
    assert problem(scenario_data(buy(at(2), contact, "o-1", "shock"))) == (
        f"scenario.json: {expected}")


@pytest.mark.parametrize("key", ["count", "renewals", "seed"])
def test_whole_numbers_written_with_a_point_are_the_same_whole_numbers(key: str) -> None:
    """JSON has one kind of number: 10.0 is the integer the schema asks for, and it runs as
    10 would (it was passed on as a float and failed deep in the generator)."""
    from canvas_app.sim.model import Scenario

    def run(value: Any) -> Any:
        spec: dict[str, Any] = {"count": 20, "renewals": 2, "campaign": "c",
                                "purchases": [{"product": "sub", "probability": 0.5}]}
        data = scenario_data(seed=7, population=spec)
        if key == "seed":
            data["seed"] = value
        else:
            spec[key] = value
        ws = workspace(camp("c", [pgoal("g", any_purchase=True)]))
        scenario: Scenario = scenario_from_data(data, ws, "scenario.json")
        return Simulation(ws, scenario).run().to_json()

    whole = {"count": 20, "renewals": 2, "seed": 7}[key]
    assert run(float(whole)) == run(whole)
