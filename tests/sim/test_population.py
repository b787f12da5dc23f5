"""R18 population what-ifs, and the cohort path giving the exact engine's counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvas_app.domain.contacts import Contact
from canvas_app.io import load_workspace
from canvas_app.sim import Simulation, scenario_from_data
from canvas_app.sim.cohort import NotCohortable, run_cohorts
from canvas_app.sim.population import generate
from canvas_app.sim.summary import summary_text

from .helpers import add, at, camp, scenario_data, seq, workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"

POPULATION = {
    "count": 3000, "arrival_spread": "P20D", "campaign": "shock-nurture", "share_added": 0.8,
    "purchases": [{"product": "shock", "probability": 0.4, "within": "P8D"},
                  {"product": "checkup", "probability": 0.15, "within": "P10D"},
                  {"product": "mitt", "probability": 0.1, "within": "P3D",
                   "channel": "legacy_order_form"}],
    "channels": {"shopping_cart": 3, "order_form": 1, "manual_order": 0.5, "api": 0.5},
    "payment_types": {"credit_card": 5, "paypal": 3, "check": 1},
    "failure_rate": 0.08, "error_rate": 0.02, "retry_share": 0.6, "retry_after": "PT6H",
    "renewals": 2, "renewal_every": "P7D", "resolution": "PT6H",
}


def scenario(ws, **extra):
    data = {"start": "2026-03-01T00:00:00Z", "until": "2026-03-25T00:00:00Z", "seed": 11,
            "population": POPULATION, **extra}
    return scenario_from_data(data, ws, "what-if.scenario.json")


def test_R18_population_is_seeded_and_realistic() -> None:
    ws = load_workspace(SAMPLE)
    one = Simulation(ws, scenario(ws), journeys="none", log=False).run()
    two = Simulation(ws, scenario(ws), journeys="none", log=False).run()
    other = Simulation(ws, scenario(ws), seed=12, journeys="none", log=False).run()
    assert one.to_json() == two.to_json()
    assert one.counts() != other.counts()
    people = [c for cid, c in one.contacts.items() if cid.startswith("p-")]
    assert len(people) == 3000
    assert len({p["email"] for p in people}) == 3000
    assert all(p["first_name"].isalpha() and "@" in p["email"] for p in people)
    added = one.campaigns["shock-nurture"]["contacts"]
    assert 2200 < added < 2700  # about 80 % share added, plus none joined by goals
    assert one.action_sets["failed_purchase"] > 0 and one.action_sets["error_purchase"] > 0


def test_R18_population_summary_shows_the_funnel_per_goal() -> None:
    ws = load_workspace(SAMPLE)
    text = summary_text(Simulation(ws, scenario(ws), journeys="none").run(), log_lines=5)
    assert "Funnel" in text and "Bought pool shock:" in text and "more lines" in text


@pytest.mark.parametrize("campaign", [None, "shock-nurture"])
def test_cohort_path_gives_the_exact_engines_counts(campaign: str | None) -> None:
    ws = load_workspace(SAMPLE)
    exact = Simulation(ws, scenario(ws), campaign=campaign, journeys="none", log=False).run()
    fast = run_cohorts(ws, scenario(ws), campaign=campaign)
    assert fast.counts() == exact.counts()
    assert fast.action_sets == exact.action_sets
    assert fast.emails_sent == exact.emails_sent
    assert fast.campaign_contacts == {c: v["contacts"] for c, v in exact.campaigns.items()}
    assert fast.events_handled == exact.events_handled
    assert len(fast.cohorts) < 3000  # contacts were shared out into cohorts


def test_cohort_journeys_and_positions_match_the_exact_engine() -> None:
    ws = load_workspace(SAMPLE)
    exact = Simulation(ws, scenario(ws)).run()
    fast = run_cohorts(ws, scenario(ws))
    for index in range(0, 3000, 97):
        cid = fast.population.contact_id(index)
        assert fast.journey(index) == exact.contacts[cid]["journey"], cid
        assert fast.position(index) == exact.contacts[cid]["position"], cid


def test_cohort_path_refuses_what_it_cannot_do_exactly() -> None:
    ws = workspace(camp("c", [seq("s", {"kind": "wait_until", "until": at(5)})]))
    data = scenario_data(population={"count": 3, "campaign": "c"})
    with pytest.raises(NotCohortable, match="wait_until"):
        run_cohorts(ws, scenario_from_data(data, ws))
    mixed = scenario_data(add(at(2), "ana", "c"), population={"count": 3, "campaign": "c"})
    with pytest.raises(NotCohortable, match="population-only"):
        run_cohorts(ws, scenario_from_data(mixed, ws))


def spelt_out(ws, data: dict) -> tuple:
    """The scenario, and the same with its population spelt out as contacts and events
    (contacts after the scenario's own, events after its own: how they are run)."""
    lazy = scenario_from_data(data, ws)
    eager = scenario_from_data(data, ws)
    assert eager.population is not None
    population = generate(eager.population, ws, eager.start, eager.seed)
    eager.contacts = [*eager.contacts, *population.contacts()]
    eager.events = [*eager.events, *population.events()]
    eager.population = None
    eager.seed = 0 if eager.seed is None else eager.seed  # the seed it was drawn with
    return lazy, eager


def test_population_set_up_runs_as_its_contacts_and_events_spelt_out() -> None:
    """The engine makes a population's contacts and events as they are needed; the run is
    the one its contacts and events, given in full, make (the log and journeys included)."""
    ws = load_workspace(SAMPLE)
    data = {"start": "2026-03-01T00:00:00Z", "until": "2026-03-25T00:00:00Z", "seed": 11,
            "population": {**POPULATION, "count": 400}}
    lazy, eager = spelt_out(ws, data)
    assert Simulation(ws, lazy).run().to_json() == Simulation(ws, eager).run().to_json()


def test_population_contact_replaces_a_scenario_contact_of_its_id() -> None:
    """A scenario built in code may give a contact a population's id (a file may not): the
    population contact replaces it, as a scenario contact replaces a workspace one; scenario
    events run first within an instant."""
    ws = workspace(camp("c", [seq("s", {"kind": "delay", "duration": 60})]))
    data = scenario_data(add(at(1), "ana", "c"), add(at(1), "ben", "c"),
                         population={"count": 3, "campaign": "c", "arrival_spread": "PT5M"})
    lazy, eager = spelt_out(ws, data)
    old = Contact("p-1", "Old", "One", "old@example.com")
    lazy.contacts.insert(0, old)
    eager.contacts.insert(0, old)
    one = Simulation(ws, lazy).run()
    assert one.to_json() == Simulation(ws, eager).run().to_json()
    assert one.seed == 0  # no seed given: the one the population was drawn with (QA 21)
    assert one.contacts["p-1"]["first_name"] != "Old"
    assert list(one.contacts)[:4] == ["ana", "ben", "cy", "p-1"]
