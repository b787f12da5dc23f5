"""Campaign graph editing (R1, R2), events and lint."""

from datetime import UTC, datetime

import pytest

from canvas_app.domain import events as ev
from canvas_app.domain.errors import DomainError
from canvas_app.domain.nodes import Node, node_kinds
from canvas_app.domain.steps import Step
from canvas_app.domain.workspace import Workspace


@pytest.fixture
def workspace() -> Workspace:
    ws = Workspace()
    campaign = ws.new_campaign("c1", "Campaign")
    campaign.add_node(Node("s1", "sequence", "Nurture"))
    campaign.add_node(Node("g1", "purchase_goal", "Bought"))
    campaign.add_node(Node("s2", "sequence", "After"))
    campaign.link("s1", "g1")
    campaign.link("g1", "s2")
    return ws


def test_R1_registry_holds_the_three_kinds():
    kinds = node_kinds()
    assert list(kinds) == ["purchase_goal", "tag_goal", "sequence"]
    assert kinds["purchase_goal"].is_goal and not kinds["sequence"].is_goal


def test_R2_no_self_links_no_duplicates(workspace):
    c = workspace.campaign("c1")
    assert c.can_link("s1", "s1") == "a node cannot link to itself"
    assert c.can_link("s1", "g1") == '"Nurture" already links to "Bought"'
    assert c.can_link("s1", "zz") == 'there is no node "zz" in this campaign'
    assert c.can_link("s2", "s1") is None
    with pytest.raises(DomainError):
        c.link("s1", "s1")


def test_remove_returns_node_and_links_for_undo(workspace):
    c = workspace.campaign("c1")
    node, links = c.remove_node("g1")
    assert node.name == "Bought" and sorted(links) == [("g1", "s2"), ("s1", "g1")]
    assert c.edges == []
    c.add_node(node)
    for s, t in links:
        c.link(s, t)
    assert sorted(c.edges) == [("g1", "s2"), ("s1", "g1")]


def test_every_edit_emits_one_event(workspace):
    seen = []
    workspace.events.subscribe(lambda e: seen.append((e.name, e.node_id, e.source)))
    c = workspace.campaign("c1")
    c.move("s1", 10, 20)
    c.rename("s1", "  Welcome ")
    c.unlink("s1", "g1")
    assert seen == [(ev.NODE_MOVED, "s1", None), (ev.NODE_CHANGED, "s1", None),
                    (ev.EDGE_REMOVED, None, "s1")]
    assert c.node("s1").name == "Welcome" and (c.node("s1").x, c.node("s1").y) == (10, 20)


def test_R5_upstream_is_every_ancestor(workspace):
    c = workspace.campaign("c1")
    assert c.upstream("s2") == {"s1", "g1"}
    assert c.entry_nodes() == ["s1"]


def test_lint_unreachable_loop_and_entry_goal_and_past_wait(workspace):
    c = workspace.campaign("c1")
    c.add_node(Node("a", "sequence", "Loop A", config=None))
    c.add_node(Node("b", "sequence", "Loop B"))
    c.link("a", "b")
    c.link("b", "a")
    c.add_node(Node("g2", "tag_goal", "Tagged"))
    c.node("g2").config.tags = ["vip"]
    c.node("s1").config.steps = [Step("wait_until", until=datetime(2020, 1, 1, tzinfo=UTC))]
    msgs = {(f.node_id, f.message) for f in workspace.lint()}
    assert ("a", '"Loop A" cannot be reached: no entry node or goal leads to it') in msgs
    assert ("b", '"Loop B" cannot be reached: no entry node or goal leads to it') in msgs
    assert any(n == "g2" and "starts the campaign" in m for n, m in msgs)
    assert any(n == "s1" and "which has passed" in m for n, m in msgs)


@pytest.mark.parametrize("achieved_by", ["any_contact", "campaign"])
def test_lint_a_goal_in_a_loop_is_reached_by_achieving_it(workspace, achieved_by):
    """QA: a goal in a loop nobody enters was called unreachable, yet an eligible contact
    achieves it without waiting at it (R4, R5) and enters what follows. Only a loop of
    sequences stays unreachable."""
    c = workspace.campaign("c1")
    c.add_node(Node("g", "purchase_goal", "Any buyer"))
    c.node("g").config.any_purchase = True
    c.node("g").config.achieved_by = achieved_by
    c.add_node(Node("s", "sequence", "Thanks"))
    c.add_node(Node("t", "sequence", "Later"))
    c.link("g", "s")
    c.link("s", "g")
    c.link("s", "t")
    assert c.unreachable() == set()
    assert not any("cannot be reached" in f.message for f in workspace.lint())
    c.add_node(Node("a", "sequence", "Loop A"))
    c.add_node(Node("b", "sequence", "Loop B"))
    c.link("a", "b")
    c.link("b", "a")
    assert c.unreachable() == {"a", "b"}


def test_R4_entry_goal_warning_goes_when_an_action_adds_contacts(workspace):
    c = workspace.campaign("c1")
    c.add_node(Node("g2", "tag_goal", "Tagged"))
    c.node("g2").config.tags = ["vip"]
    assert any(f.node_id == "g2" for f in workspace.lint())
    workspace.ecommerce.action_sets["on_login"] = [Step("add_to_campaign", campaign="c1")]
    assert not any(f.node_id == "g2" and "starts the campaign" in f.message
                   for f in workspace.lint())


def test_lint_warns_about_a_sequence_linked_to_nothing(workspace):
    c = workspace.campaign("c1")
    c.add_node(Node("s3", "sequence", "Stray"))
    stray = [f for f in workspace.lint() if f.node_id == "s3"]
    assert [f.message for f in stray] == [
        '"Stray" is not linked to anything, so it starts for every contact added to the '
        "campaign: link it into the flow, or delete it if it is not wanted",
        '"Stray" has no steps']
    c.link("s3", "g1")  # a second way in is a choice, not an accident
    assert not any(f.node_id == "s3" and "not linked" in f.message for f in workspace.lint())


def test_lint_says_nothing_of_unlinked_sequences_while_nothing_is_linked():
    ws = Workspace()
    c = ws.new_campaign("c1", "Campaign")
    c.add_node(Node("s1", "sequence", "First"))
    c.add_node(Node("s2", "sequence", "Second"))
    assert not any("not linked" in f.message for f in ws.lint())


def test_move_many_emits_a_move_each_then_one_naming_them_all(workspace):
    c = workspace.campaign("c1")
    first, second = [n.id for n in c.nodes][:2]
    seen = []
    workspace.events.subscribe(lambda e: seen.append((e.name, e.node_id, dict(e.extra))))
    c.move_many({first: (10, 20), second: (30, 40)})
    assert seen == [(ev.NODE_MOVED, first, {"batched": True}),
                    (ev.NODE_MOVED, second, {"batched": True}),
                    (ev.NODES_MOVED, None, {"node_ids": (first, second)})]
    assert (c.node(first).x, c.node(second).y) == (10, 40)
    with pytest.raises(DomainError):  # nothing moves when one position is refused
        c.move_many({first: (0, 0), second: (float("nan"), 0)})
    assert c.node(first).x == 10


def test_a_past_wait_is_warned_in_utc_as_the_editor_shows_it() -> None:
    """The step editor and its line say "2020-01-01 09:30 UTC"; the warning said the same
    time without "UTC" (and in the time's own offset), so it read as local time (QA)."""
    from datetime import timedelta, timezone

    workspace = Workspace()
    campaign = workspace.new_campaign("c1", "C")
    campaign.add_node(Node("s1", "sequence", "Wait"))
    paris = timezone(timedelta(hours=1))
    campaign.node("s1").config.steps = [
        Step("wait_until", until=datetime(2020, 1, 1, 10, 30, tzinfo=paris))]
    now = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    [message] = [f.message for f in workspace.lint(now) if "which has passed" in f.message]
    assert message.startswith('"Wait" step 1 waits until 2020-01-01 09:30 UTC, which has '
                              "passed (it is now 2026-05-01 12:00 UTC): live contacts")
