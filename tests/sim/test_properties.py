"""Invariants over random populations (hypothesis): counts add up, cohort == exact."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvas_app.io import load_workspace
from canvas_app.sim import Simulation, scenario_from_data
from canvas_app.sim.cohort import run_cohorts

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / \
    "pool-store.campaign.json"
WS = load_workspace(SAMPLE)

populations = st.fixed_dictionaries({
    "count": st.integers(0, 120),
    "arrival_spread": st.sampled_from(["PT0S", "P1D", "P9D"]),
    "campaign": st.sampled_from(["shock-nurture", "checkup-onboarding"]),
    "share_added": st.floats(0, 1),
    "purchases": st.lists(st.fixed_dictionaries({
        "product": st.sampled_from(["shock", "checkup", "mitt"]),
        "probability": st.floats(0, 1),
        "within": st.sampled_from(["PT2H", "P2D", "P6D"]),
    }), max_size=3, unique_by=lambda row: row["product"]),  # each product once, as checked
    "channels": st.sampled_from([{"shopping_cart": 1}, {"order_form": 1, "api": 1},
                                 {"manual_order": 1, "legacy_order_form": 2}]),
    "payment_types": st.sampled_from([{"credit_card": 1}, {"paypal": 1, "check": 1}]),
    "failure_rate": st.floats(0, 0.5),
    "retry_share": st.floats(0, 1),
    "renewals": st.integers(0, 2),
    "resolution": st.sampled_from(["PT1H", "P1D"]),
    # cart logins (On Login) and tags (the tag goal "Visit booked"): QA 23g
    "login_share": st.sampled_from([0, 0.3, 1]),
    "tags": st.lists(st.fixed_dictionaries({
        "tag": st.sampled_from(["Visit booked", "VIP", "Logged into cart"]),
        "probability": st.floats(0, 1),
        "within": st.sampled_from(["PT3H", "P4D", "P20D"]),
    }), max_size=2, unique_by=lambda row: row["tag"]),  # each tag once, as checked
})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(population=populations, seed=st.integers(0, 10_000),
       until=st.sampled_from([None, "2026-05-04T00:00:00Z", "2026-05-20T12:00:00Z"]))
def test_R19_counts_add_up_and_the_cohort_path_agrees(population: dict, seed: int,
                                                      until: str | None) -> None:
    data = {"start": "2026-05-01T00:00:00Z", "until": until, "seed": seed,
            "population": population}
    exact = Simulation(WS, scenario_from_data(data, WS), journeys="none", log=False).run()
    for node in exact.nodes.values():
        if node["kind"] == "sequence":
            assert node["entered"] == node["completed"] + node["removed"] + node["active"]
        assert all(v >= 0 for v in node.values() if isinstance(v, int))
    positions = [p for c in exact.contacts.values() for p in c["position"]]
    active = sum(n["active"] for n in exact.nodes.values() if n["kind"] == "sequence")
    waiting = sum(n["waiting"] for n in exact.nodes.values() if n["kind"] != "sequence")
    assert len(positions) == active + waiting
    fast = run_cohorts(WS, scenario_from_data(data, WS))
    assert fast.counts() == exact.counts()
    assert fast.action_sets == exact.action_sets and fast.emails_sent == exact.emails_sent
