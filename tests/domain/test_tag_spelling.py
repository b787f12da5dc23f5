"""Lint: a tag spelled with other capitals in another place never meets it (R7)."""

from __future__ import annotations

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.nodes import Node
from canvas_app.domain.sequence import SequenceConfig
from canvas_app.domain.steps import Step
from canvas_app.domain.tag_goal import TagGoalConfig
from canvas_app.domain.workspace import Workspace


def workspace(step_tag: str, goal_tag: str = "Visit booked") -> Workspace:
    ws = Workspace()
    c = ws.add_campaign(Campaign("c", "Checkup"))
    c.add_node(Node("s", "sequence", "Onboarding", 0, 0,
                    SequenceConfig([Step("email", subject="Hi"), Step("apply_tag", tag=step_tag)])))
    c.add_node(Node("g", "tag_goal", "Visit booked", 240, 0, TagGoalConfig([goal_tag])))
    c.link("s", "g")
    return ws


def spelling(ws: Workspace) -> list:
    return [f for f in ws.lint() if "spelled alike" in f.message]


def test_a_step_and_a_goal_spelling_one_tag_two_ways_are_both_pointed_out() -> None:
    findings = spelling(workspace("visit booked"))
    assert [(f.severity, f.campaign_id, f.node_id) for f in findings] == [
        ("warning", "c", "s"), ("warning", "c", "g")]
    assert findings[0].message == (
        'Step 2 of "Onboarding" applies the tag "visit booked", but the goal "Visit booked" '
        'waits for "Visit booked": tags match only when spelled alike, capitals and spaces '
        "included, so these never meet. Spell them the same.")
    assert findings[1].message.startswith(
        'The goal "Visit booked" waits for the tag "Visit booked", but step 2 of "Onboarding" '
        'applies "visit booked"')


def test_the_same_spelling_or_another_tag_says_nothing() -> None:
    assert spelling(workspace("Visit booked")) == []
    assert spelling(workspace("Visit cancelled")) == []


def test_spaces_around_a_tag_count_as_another_spelling() -> None:
    assert [f.node_id for f in spelling(workspace("Visit booked "))] == ["s", "g"]


def test_two_spaces_between_words_count_as_another_spelling() -> None:
    """The engine matches tags exactly, so "Visit  booked" never meets "Visit booked";
    the double space hardly shows, so it is pointed out like other capitals."""
    findings = spelling(workspace("visit  Booked"))
    assert [f.node_id for f in findings] == ["s", "g"]
    assert 'applies the tag "visit  Booked", but the goal' in findings[0].message


def test_an_e_commerce_action_is_named_by_its_set() -> None:
    ws = workspace("Visit booked")
    ws.ecommerce.action_sets["successful_purchase"] = [Step("remove_tag", tag="VISIT BOOKED")]
    findings = spelling(ws)
    action = [f for f in findings if f.node_id is None]
    assert len(action) == 1 and action[0].campaign_id is None
    # each other spelling is named once, by its first place
    assert action[0].message.startswith(
        'Action 1 of the "Successful Purchase Action" action set removes the tag '
        '"VISIT BOOKED", but step 2 of "Onboarding" applies "Visit booked": tags match only')
    assert {f.node_id for f in findings} == {"s", "g", None}
