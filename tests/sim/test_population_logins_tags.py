"""A population's cart logins (``login_share``) and tags (``tags``): On Login's actions and
a tag goal nothing else applies can be previewed from a what-if (QA 23g), drawn
deterministically, without changing what a population without them draws (R17)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from canvas_app.io import LoadError, load_workspace
from canvas_app.sim import Simulation, scenario_from_data
from canvas_app.sim.cohort import run_cohorts
from canvas_app.sim.files import scenario_schema
from canvas_app.sim.population import generate

from .helpers import camp, scenario_data, seq, tgoal, workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"

BASE = {
    "count": 600, "arrival_spread": "P10D", "campaign": "shock-nurture", "share_added": 0.5,
    "purchases": [{"product": "shock", "probability": 0.3, "within": "P5D"},
                  {"product": "checkup", "probability": 0.2, "within": "P3D"}],
    "payment_types": {"credit_card": 2, "paypal": 1}, "failure_rate": 0.1,
    "retry_share": 0.5, "renewals": 2, "renewal_every": "P7D", "resolution": "PT6H",
}
MORE = {"login_share": 0.4,
        "tags": [{"tag": "Visit booked", "probability": 0.5, "within": "P30D"},
                 {"tag": "VIP", "probability": 0.25}]}


def data(**population: object) -> dict:
    return {"start": "2026-03-01T00:00:00Z", "until": "2026-04-20T00:00:00Z", "seed": 5,
            "population": {**BASE, **population}}


def run(ws, scenario_data_: dict, **kw):
    scenario = scenario_from_data(scenario_data_, ws, "what-if.scenario.json")
    return Simulation(ws, scenario, **kw).run()


def test_none_asked_for_draws_the_same_population_as_without_the_keys() -> None:
    """login_share 0 and no tags are the population of a file without the keys (whose
    results the sample files' check, before and after, found byte-identical)."""
    ws = load_workspace(SAMPLE)
    plain = run(ws, data()).to_json()
    assert run(ws, data(login_share=0, tags=[])).to_json() == plain


def test_logins_and_tags_change_no_contacts_purchases_nor_ids() -> None:
    """Drawn after everything else: the same contacts arrive at the same times and place
    the same orders, with the same ids."""
    ws = load_workspace(SAMPLE)

    def drawn(given: dict):
        scenario = scenario_from_data(given, ws)
        assert scenario.population is not None
        population = generate(scenario.population, ws, scenario.start, scenario.seed)
        orders = [(e.at, e.contact, e.order_id, e.products, e.outcome, e.type)
                  for e in population.events() if e.type in ("purchase", "payment")]
        return population.arrivals, [c.id for c in population.contacts()], orders

    assert drawn(data(**MORE)) == drawn(data())


def test_a_login_is_a_cart_login_at_arrival_after_the_adding() -> None:
    ws = load_workspace(SAMPLE)
    result = run(ws, data(login_share=0.4))
    logged = {cid: c for cid, c in result.contacts.items()
              if any(j["event"] == "cart_login" for j in c["journey"])}
    assert 180 < len(logged) < 300  # about 40 % of 600
    assert result.action_sets["on_login"] == len(logged)
    for contact in logged.values():
        journey = contact["journey"]
        login = next(i for i, j in enumerate(journey) if j["event"] == "cart_login")
        arrival = journey[0]["at"]
        assert journey[login]["at"] == arrival
        # added by the population first (when drawn so), then On Login's actions
        assert all(j["event"] != "action_set" for j in journey[:login])
        assert "Logged into cart" in contact["tags"]  # On Login's apply_tag
    # On Login adds to shock-nurture: every contact who logged in is in it
    nurtured = {cid for cid, c in result.contacts.items()
                if any(j["event"] == "added" for j in c["journey"])}
    assert set(logged) <= nurtured
    assert run(ws, data(login_share=0.4)).to_json() == result.to_json()  # R17


def test_a_tag_applied_by_the_population_achieves_a_tag_goal() -> None:
    """The tag goal nothing applies (a tag of no step or action) is reached by a what-if's
    tag, at a time drawn within its window at the population's resolution."""
    ws = workspace(camp("c", [tgoal("vip-goal", "VIP"), seq("thanks", {"kind": "email",
                                                                     "subject": "Hi"})],
                        "vip-goal>thanks"), contacts=[])
    given = scenario_data(seed=3, population={
        "count": 200, "campaign": "c", "resolution": "PT1H",
        "tags": [{"tag": "VIP", "probability": 0.3, "within": "PT10H"}]})
    result = run(ws, given)
    tagged = {cid: c for cid, c in result.contacts.items() if "VIP" in c["tags"]}
    assert 35 < len(tagged) < 85
    assert result.nodes["vip-goal"]["achieved"] == len(tagged)
    assert result.nodes["thanks"]["entered"] == len(tagged)
    for contact in tagged.values():
        journey = contact["journey"]
        applied = next(j for j in journey if j["event"] == "tag_applied")
        hours = (int(applied["at"][11:13]) - int(journey[0]["at"][11:13]))
        assert 1 <= hours <= 10 and applied["at"][14:] == "00:00Z"  # whole hours after
    # a second tag row: drawn independently, the first's draws unchanged
    more = scenario_data(seed=3, population={
        "count": 200, "campaign": "c", "resolution": "PT1H",
        "tags": [{"tag": "VIP", "probability": 0.3, "within": "PT10H"},
                 {"tag": "Newsletter", "probability": 1}]})
    again = run(ws, more)
    assert {cid for cid, c in again.contacts.items() if "VIP" in c["tags"]} == set(tagged)
    assert all("Newsletter" in c["tags"] for c in again.contacts.values())


@pytest.mark.parametrize("campaign", [None, "shock-nurture"])
def test_the_cohort_path_gives_the_exact_engines_counts_with_logins_and_tags(
        campaign: str | None) -> None:
    ws = load_workspace(SAMPLE)
    given = data(**MORE)
    exact = run(ws, given, campaign=campaign, journeys="none", log=False)
    fast = run_cohorts(ws, scenario_from_data(given, ws), campaign=campaign)
    assert fast.counts() == exact.counts()
    assert fast.action_sets == exact.action_sets
    assert fast.action_sets["on_login"] > 0
    assert fast.emails_sent == exact.emails_sent
    assert fast.campaign_contacts == {c: v["contacts"] for c, v in exact.campaigns.items()}
    assert fast.events_handled == exact.events_handled
    if campaign is None:  # the tag goal nothing applies is reached
        assert exact.nodes["visit-booked"]["achieved"] > 0
    # contacts of one behaviour share it: the new draws are part of its key
    population = fast.population
    assert len(population.behaviours) < 600
    for kind, behaviour in enumerate(population.behaviours):
        members = [i for i, k in enumerate(population.kinds) if k == kind]
        assert all([ev[1:] for ev in population.behaviours[population.kinds[i]]]
                   == [ev[1:] for ev in behaviour] for i in members)
    exact_all = run(ws, given, campaign=campaign)
    for index in range(0, 600, 37):
        cid = population.contact_id(index)
        assert fast.journey(index) == exact_all.contacts[cid]["journey"], cid


@pytest.mark.parametrize(("tags", "message"), [
    ([{"tag": "VIP", "probability": 0.1}, {"tag": "Gold", "probability": 0.2},
      {"tag": "VIP", "probability": 0.3}],
     'population.tags[2].tag: "VIP" has a row already (tags[0]): a tag is applied at most '
     "once; give each tag one row"),
    ([{"tag": "VIP", "probability": 0.1}, {"tag": "   ", "probability": 0.2}],
     "population.tags[1].tag: a tag cannot be empty or spaces only"),
    ([{"tag": "", "probability": 0.2}],
     "population.tags[0].tag: a tag cannot be empty or spaces only"),
    ([{"tag": "VIP", "probability": 1.5}],
     "population.tags[0].probability: 1.5 is too large"),
    ([{"tag": "VIP", "probability": 0.5, "within": "P1M"}],
     'population.tags[0].within: "P1M" is not a duration'),
    ([{"tag": "VIP"}], "population.tags[0]: "),
    ([{"tag": "VIP", "probability": 0.5, "channel": "api"}],
     'population.tags[0]: unknown key "channel"'),
])
def test_bad_tag_rows_are_refused_at_their_place(tags: list, message: str) -> None:
    ws = load_workspace(SAMPLE)
    with pytest.raises(LoadError) as caught:
        scenario_from_data(data(tags=tags), ws, "w.scenario.json")
    assert str(caught.value).splitlines()[0].startswith(f"w.scenario.json: {message}"), \
        str(caught.value)


@pytest.mark.parametrize("share", [-0.1, 1.2, "half"])
def test_a_login_share_out_of_0_to_1_is_refused_at_its_place(share: object) -> None:
    ws = load_workspace(SAMPLE)
    with pytest.raises(LoadError) as caught:
        scenario_from_data(data(login_share=share), ws, "w.scenario.json")
    assert str(caught.value).startswith("w.scenario.json: population.login_share: ")


def test_the_schema_and_the_what_if_know_both_keys() -> None:
    from canvas_app.sim.what_if import WhatIf, WhatIfTag

    population = scenario_schema()["properties"]["population"]["properties"]
    assert population["login_share"]["maximum"] == 1
    assert population["tags"]["items"]["required"] == ["tag", "probability"]
    committed = json.loads((ROOT / "resources" / "schema" / "scenario.schema.json")
                           .read_text(encoding="utf-8"))
    assert "tags" in committed["properties"]["population"]["properties"]
    what_if = WhatIf("w", datetime(2026, 3, 1, tzinfo=UTC), 30, 10, login_share=0.25,
                     tags=[WhatIfTag("VIP", 0.5, 3)])
    people = what_if.to_data()["population"]
    assert people["login_share"] == 0.25
    assert people["tags"] == [{"tag": "VIP", "probability": 0.5, "within": "P3D"}]
    assert "login_share" not in WhatIf("w", what_if.start, 30, 10).to_data()["population"]
    assert "tags" not in WhatIf("w", what_if.start, 30, 10).to_data()["population"]
    scenario_from_data(what_if.to_data(), load_workspace(SAMPLE), "what-if")  # loads
