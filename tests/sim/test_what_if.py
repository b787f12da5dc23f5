"""A what-if in a marketer's terms becomes a scenario the loader accepts, key for key."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from canvas_app.io import load_workspace
from canvas_app.sim import Simulation, scenario_from_data
from canvas_app.sim.what_if import WhatIf, WhatIfPurchase

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / \
    "pool-store.campaign.json"


def test_what_if_becomes_a_population_scenario() -> None:
    what_if = WhatIf("Spring", datetime(2026, 5, 1, tzinfo=UTC), days=30, count=200,
                     arrival_days=14, campaign="shock-nurture", share_added=0.8,
                     purchases=[WhatIfPurchase("shock", 0.35, 10),
                                WhatIfPurchase("checkup", 0.1, 14, "order_form",
                                               "spring-form")],
                     failure_rate=0.05, retry_share=0.5, retry_after_hours=6,
                     renewals=3, renewal_every_days=7, seed=9)
    data = what_if.to_data()
    assert data["start"] == "2026-05-01T00:00:00Z"
    assert data["until"] == "2026-05-31T00:00:00Z"
    population = data["population"]
    assert population["arrival_spread"] == "P14D"
    assert population["purchases"][0] == {"product": "shock", "probability": 0.35,
                                          "within": "P10D"}
    assert population["purchases"][1]["order_form"] == "spring-form"
    assert population["retry_after"] == "PT6H" and population["renewal_every"] == "P7D"
    workspace = load_workspace(SAMPLE)
    scenario = scenario_from_data(data, workspace, "what-if")
    result = Simulation(workspace, scenario).run()
    assert len([c for c in result.contacts if c.startswith("p-")]) == 200
    assert result.nodes["bought-shock"]["achieved"] > 0


def test_without_a_campaign_or_retries_those_keys_are_left_out() -> None:
    data = WhatIf("Shop only", datetime(2026, 5, 1, tzinfo=UTC), days=7, count=10).to_data()
    assert "campaign" not in data["population"]
    assert "retry_share" not in data["population"]
    assert "renewals" not in data["population"]
