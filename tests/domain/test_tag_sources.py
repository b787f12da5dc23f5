"""Lint: a tag goal whose tags no step or action of the workspace applies (R7, C7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvas_app.domain.contacts import Contact
from canvas_app.domain.nodes import Node
from canvas_app.domain.sequence import SequenceConfig
from canvas_app.domain.steps import Step
from canvas_app.domain.tag_goal import TagGoalConfig
from canvas_app.domain.workspace import Workspace
from canvas_app.io import load_workspace

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"
NOBODY_APPLIES = "which no step or action applies"


def workspace(*goal_tags: str, step: Step | None = None) -> Workspace:
    """Welcome (an email, then ``step``) -> the goal "Spa lover" -> Offer."""
    ws = Workspace()
    c = ws.new_campaign("c1", "Spa")
    steps = [Step("email", subject="Hi")] + ([step] if step else [])
    c.add_node(Node("s1", "sequence", "Welcome", config=SequenceConfig(steps)))
    c.add_node(Node("g1", "tag_goal", "Spa lover",
                    config=TagGoalConfig(list(goal_tags or ["Spa interest"]))))
    c.add_node(Node("s2", "sequence", "Offer", config=SequenceConfig([Step("email",
                                                                           subject="Offer")])))
    c.link("s1", "g1")
    c.link("g1", "s2")
    ws.ecommerce.action_sets["on_login"] = [Step("add_to_campaign", campaign="c1")]
    return ws


def unapplied(ws: Workspace) -> list:
    return [f for f in ws.lint() if "step or action applies" in f.message]


def test_a_tag_goal_whose_tag_nothing_applies_says_what_will_happen() -> None:
    findings = unapplied(workspace())
    assert [(f.severity, f.campaign_id, f.node_id) for f in findings] == [
        ("warning", "c1", "g1")]
    assert findings[0].message == (
        'The goal "Spa lover" waits for the tag "Spa interest", which no step or action '
        "applies: contacts wait here until someone applies it by hand (in a simulation, a "
        "scenario's apply_tag event, as New What-If Scenario's \"Logins and tags\" tab "
        'makes). To have the campaign apply it, add an "Apply tag" step or action.')
    assert [f.message for f in workspace().lint()] == [findings[0].message]  # nothing else


def test_an_apply_tag_step_says_nothing_more() -> None:
    assert unapplied(workspace(step=Step("apply_tag", tag="Spa interest"))) == []


def test_a_step_in_another_campaign_applies_it_too() -> None:
    ws = workspace()
    other = ws.new_campaign("c2", "Newsletter")
    other.add_node(Node("n", "sequence", "Tag readers",
                        config=SequenceConfig([Step("apply_tag", tag="Spa interest")])))
    assert unapplied(ws) == []


@pytest.mark.parametrize("set_name", ["on_login", "contact_creation", "successful_purchase",
                                      "failed_purchase", "error_purchase"])
def test_every_e_commerce_action_set_applies_it(set_name: str) -> None:
    ws = workspace()
    ws.ecommerce.action_sets.setdefault(set_name, []).append(
        Step("apply_tag", tag="Spa interest", delay=60))
    assert unapplied(ws) == []


def test_a_product_s_own_actions_apply_it() -> None:
    ws = workspace()
    ws.ecommerce.product_action_sets["massage"] = [Step("apply_tag", tag="Spa interest")]
    assert unapplied(ws) == []


def test_removing_the_tag_or_another_goal_waiting_for_it_does_not_apply_it() -> None:
    ws = workspace(step=Step("remove_tag", tag="Spa interest"))
    ws.ecommerce.action_sets["successful_purchase"] = [Step("remove_tag", tag="Spa interest"),
                                                       Step("apply_tag", tag="Customer")]
    ws.campaign("c1").add_node(Node("g2", "tag_goal", "Also waiting",
                                    config=TagGoalConfig(["Spa interest"])))
    ws.campaign("c1").link("s2", "g2")
    assert [f.node_id for f in unapplied(ws)] == ["g1", "g2"]


def test_one_of_several_tags_applied_is_enough() -> None:
    ws = workspace("Spa interest", "Sauna interest",
                   step=Step("apply_tag", tag="Sauna interest"))
    assert unapplied(ws) == []


def test_several_tags_none_applied_are_named_together() -> None:
    findings = unapplied(workspace("Spa interest", "Sauna interest"))
    assert [f.node_id for f in findings] == ["g1"]
    assert findings[0].message.startswith(
        'The goal "Spa lover" waits for the tags "Spa interest" or "Sauna interest", none '
        "of which a step or action applies: contacts wait here until someone applies one by "
        "hand")
    assert findings[0].message.endswith('To have the campaign apply one, add an "Apply tag" '
                                        "step or action.")


def test_a_tag_applied_with_other_capitals_is_left_to_the_spelling_warning() -> None:
    ws = workspace(step=Step("apply_tag", tag="spa  Interest"))
    assert unapplied(ws) == []
    spelling = [f for f in ws.lint() if "spelled alike" in f.message]
    assert {f.node_id for f in spelling} == {"s1", "g1"}  # one warning for it, not two


def test_contacts_already_holding_the_tag_do_not_silence_it_and_are_counted() -> None:
    """C7: a goal reacts to the tag being applied; a contact who holds it achieves
    nothing by reaching the goal, and applying it again changes nothing."""
    ws = workspace()
    ws.set_contacts([Contact("a", "Ann", tags=["Spa interest"]),
                     Contact("b", "Bo", tags=["Newsletter"])])
    message = unapplied(ws)[0].message
    assert message.endswith(
        'add an "Apply tag" step or action. 1 contact already has it, which does not '
        "count: the goal is achieved when the tag is applied, and applying a tag a contact "
        "has changes nothing.")
    ws.set_contacts(ws.contacts + [Contact("c", "Cy", tags=["Newsletter", "Spa interest"])])
    assert ". 2 contacts already have it, which does not count" in unapplied(ws)[0].message
    ws.set_contacts([Contact("d", "Di", tags=["spa interest"])])  # another tag (R7: exact)
    assert "already" not in unapplied(ws)[0].message


def test_several_tags_held_say_one_of_them() -> None:
    ws = workspace("Spa interest", "Sauna interest")
    ws.set_contacts([Contact("a", tags=["Sauna interest"])])
    assert ". 1 contact already has one of them, which does not count" in (
        unapplied(ws)[0].message)


def test_a_goal_without_a_tag_is_an_error_of_its_own_not_this_warning() -> None:
    ws = workspace()
    ws.campaign("c1").node("g1").config.tags = []
    assert unapplied(ws) == []
    assert any(f.severity == "error" and f.node_id == "g1" for f in ws.lint())
    ws.campaign("c1").node("g1").config.tags = ["  "]
    assert unapplied(ws) == []


def test_the_sample_warns_only_of_the_goal_its_scenario_tags_by_hand() -> None:
    """The sample's one tag goal, "Visit booked", is reached through its scenario's
    "apply tag" event (someone books a visit): the warning says so, and goes once an
    action applies the tag."""
    ws = load_workspace(SAMPLE)
    assert [(f.campaign_id, f.node_id) for f in ws.lint()] == [
        ("checkup-onboarding", "visit-booked")]
    assert NOBODY_APPLIES in ws.lint()[0].message
    ws.ecommerce.product_action_sets["checkup"].append(Step("apply_tag", tag="Visit booked"))
    assert ws.lint() == []


def test_the_tags_applied_are_those_the_spelling_check_sees_applied() -> None:
    """Two walks over the workspace (one makes descriptions, one is lean): they agree."""
    from canvas_app.domain.tag_sources import applied_tags
    from canvas_app.domain.tag_spelling import tag_uses

    ws = load_workspace(SAMPLE)
    ws.ecommerce.product_action_sets["checkup"].append(Step("remove_tag", tag="Customer"))
    ws.campaign("checkup-onboarding").node("onboarding").config.steps.append(
        Step("apply_tag", tag="Onboarded"))
    expected = {u.tag for u in tag_uses(ws) if u.kind == "apply_tag"}
    assert applied_tags(ws) == expected
    assert {"Onboarded", "Customer", "Shock customer", "Logged into cart"} <= expected


def test_a_contact_holding_several_of_the_tags_counts_once() -> None:
    ws = workspace("Spa interest", "Sauna interest")
    ws.set_contacts([Contact("a", tags=["Sauna interest", "Spa interest"]),
                     Contact("b", tags=["Spa interest"]), Contact("c", tags=["Other"])])
    assert ". 2 contacts already have one of them, which does not count" in (
        unapplied(ws)[0].message)
