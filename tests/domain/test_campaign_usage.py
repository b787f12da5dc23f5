"""Actions that name a campaign: found, flagged when dangling, dropped with the campaign."""

from pathlib import Path

from canvas_app.domain.campaign_usage import (
    actions_using_campaign,
    dangling_campaign_actions,
    ecommerce_without_campaign,
)
from canvas_app.io import load_workspace

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / \
    "pool-store.campaign.json"


def test_the_sample_on_login_set_adds_to_the_nurture_campaign():
    ws = load_workspace(SAMPLE)
    refs = actions_using_campaign(ws, "shock-nurture")
    assert [(r.set_key, r.index) for r in refs] == [("on_login", 1)]
    assert refs[0].where == ('action 2 of the "On Login (Multi-Step Cart)" action set adds '
                             "contacts to it")
    assert actions_using_campaign(ws, "checkup-onboarding") == []


def test_deleting_the_campaign_leaves_a_dangling_action_that_lint_reports():
    ws = load_workspace(SAMPLE)
    ws.remove_campaign("shock-nurture")
    assert [r.campaign for r in dangling_campaign_actions(ws)] == ["shock-nurture"]
    messages = [f.message for f in ws.lint()]
    assert any("no longer exists" in m and "On Login" in m for m in messages)
    assert any(p.path == "ecommerce.action_sets.on_login[1].campaign" for p in ws.validate())


def test_ecommerce_without_campaign_drops_only_those_actions():
    ws = load_workspace(SAMPLE)
    eco = ecommerce_without_campaign(ws.ecommerce, "shock-nurture")
    assert [a.kind for a in eco.action_sets["on_login"]] == ["apply_tag"]
    assert ws.ecommerce.action_sets["on_login"][1].campaign == "shock-nurture"  # a copy
    ws.remove_campaign("shock-nurture")
    ws.set_ecommerce(eco)
    assert ws.validate() == []
