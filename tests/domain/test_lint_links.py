"""Lint: a sequence or a goal linked to nothing, in a campaign whose other nodes are linked
(R3, R5): said alike for every kind, each with what it means for contacts."""

from __future__ import annotations

import pytest

from canvas_app.domain.nodes import Node
from canvas_app.domain.purchase import PurchaseGoalConfig
from canvas_app.domain.sequence import SequenceConfig
from canvas_app.domain.steps import Step
from canvas_app.domain.tag_goal import TagGoalConfig
from canvas_app.domain.workspace import Workspace


@pytest.fixture
def workspace() -> Workspace:
    """Nurture -> Bought -> After, and an action that adds contacts to the campaign (so an
    unlinked goal is not also an entry goal nobody is added to)."""
    ws = Workspace()
    c = ws.new_campaign("c1", "Spa")
    c.add_node(Node("s1", "sequence", "Nurture", config=SequenceConfig([Step("email",
                                                                             subject="Hi")])))
    c.add_node(Node("g1", "purchase_goal", "Bought",
                    config=PurchaseGoalConfig(any_purchase=True)))
    c.add_node(Node("s2", "sequence", "After", config=SequenceConfig([Step("apply_tag",
                                                                           tag="Spa interest")])))
    c.link("s1", "g1")
    c.link("g1", "s2")
    ws.ecommerce.action_sets["on_login"] = [Step("add_to_campaign", campaign="c1")]
    return ws


def not_linked(ws: Workspace) -> dict[str | None, str]:
    return {f.node_id: f.message for f in ws.lint() if "not linked" in f.message}


def test_the_workspace_as_built_says_nothing(workspace: Workspace) -> None:
    assert workspace.lint() == []


@pytest.mark.parametrize("kind, config", [
    ("tag_goal", TagGoalConfig(["Spa interest"])),
    ("purchase_goal", PurchaseGoalConfig(any_purchase=True)),
])
def test_a_goal_linked_to_nothing_is_pointed_out(workspace: Workspace, kind: str,
                                                 config: object) -> None:
    workspace.campaign("c1").add_node(Node("g2", kind, "Spa lover", config=config))
    findings = [f for f in workspace.lint() if f.node_id == "g2"]
    assert [(f.severity, f.campaign_id, f.message) for f in findings] == [(
        "warning", "c1",
        '"Spa lover" is not linked to anything, so achieving it moves no contact on and '
        "stops no sequence: link it into the flow, or delete it if it is not wanted")]


def test_sequences_and_goals_are_said_alike(workspace: Workspace) -> None:
    c = workspace.campaign("c1")
    c.add_node(Node("s3", "sequence", "Stray", config=SequenceConfig([Step("email",
                                                                           subject="Hi")])))
    c.add_node(Node("g2", "tag_goal", "Spa lover", config=TagGoalConfig(["Spa interest"])))
    said = not_linked(workspace)
    assert said == {
        "s3": '"Stray" is not linked to anything, so it starts for every contact added to '
              "the campaign: link it into the flow, or delete it if it is not wanted",
        "g2": '"Spa lover" is not linked to anything, so achieving it moves no contact on '
              "and stops no sequence: link it into the flow, or delete it if it is not "
              "wanted"}
    head, tail = "is not linked to anything, so ", ": link it into the flow, or delete it"
    assert all(head in m and tail in m for m in said.values())


def test_a_goal_with_a_link_either_way_is_not_pointed_out(workspace: Workspace) -> None:
    """A goal at the end of a flow stops the sequences before it (R5), and a goal that
    starts a flow moves contacts on: both do something."""
    c = workspace.campaign("c1")
    c.add_node(Node("end", "tag_goal", "Last", config=TagGoalConfig(["Spa interest"])))
    c.link("s2", "end")
    c.add_node(Node("start", "purchase_goal", "First",
                    config=PurchaseGoalConfig(any_purchase=True)))
    c.link("start", "s1")
    assert not_linked(workspace) == {}
    assert workspace.lint() == []


def test_nothing_is_said_while_no_node_of_the_campaign_is_linked() -> None:
    ws = Workspace()
    c = ws.new_campaign("c1", "Spa")
    c.add_node(Node("s1", "sequence", "First"))
    c.add_node(Node("g1", "tag_goal", "Tagged", config=TagGoalConfig(["vip"])))
    assert not_linked(ws) == {}


def test_a_link_in_another_campaign_does_not_count(workspace: Workspace) -> None:
    other = workspace.new_campaign("c2", "Other")
    other.add_node(Node("x", "tag_goal", "Alone", config=TagGoalConfig(["Spa interest"])))
    other.add_node(Node("y", "sequence", "Alone too"))
    assert not_linked(workspace) == {}  # nothing linked in c2 yet
    workspace.campaign("c1").add_node(Node("g2", "tag_goal", "Spa lover",
                                           config=TagGoalConfig(["Spa interest"])))
    assert list(not_linked(workspace)) == ["g2"]
