"""Adding and removing many nodes as one change: ``Campaign.add_many`` and ``remove_many``
emit an event per node and link (marked batched), then one naming them all."""

from __future__ import annotations

import pytest

from canvas_app.domain import events as ev
from canvas_app.domain.campaign import Campaign
from canvas_app.domain.errors import DomainError
from canvas_app.domain.nodes import Node
from canvas_app.domain.workspace import Workspace


@pytest.fixture
def campaign() -> Campaign:
    workspace = Workspace()
    campaign = workspace.new_campaign("c1", "Campaign")
    campaign.add_node(Node("a", "sequence", "A", 0, 0))
    return campaign


def record(campaign: Campaign) -> list[tuple]:
    seen: list[tuple] = []
    campaign.events.subscribe(lambda e: seen.append(
        (e.name, e.node_id, e.source, e.target, dict(e.extra))))
    return seen


def test_add_many_emits_each_node_and_link_then_one_naming_them_all(campaign) -> None:
    seen = record(campaign)
    campaign.add_many([Node("b", "sequence", "B", 10, 0), Node("c", "tag_goal", "C", 20, 0)],
                      [("a", "b"), ("b", "c")])
    batched = {"batched": True}
    assert seen == [
        (ev.NODE_ADDED, "b", None, None, batched),
        (ev.NODE_ADDED, "c", None, None, batched),
        (ev.EDGE_ADDED, None, "a", "b", batched),
        (ev.EDGE_ADDED, None, "b", "c", batched),
        (ev.NODES_ADDED, None, None, None,
         {"node_ids": ("b", "c"), "links": (("a", "b"), ("b", "c"))})]
    assert set(campaign.edges) == {("a", "b"), ("b", "c")}
    assert campaign.node("c").x == 20


@pytest.mark.parametrize("nodes, links, message", [
    ([Node("a", "sequence", "Again")], [], "already in this campaign"),
    ([Node("b", "sequence", "B"), Node("b", "sequence", "B2")], [], "one id twice"),
    ([Node("b", "sequence", "B")], [("b", "nowhere")], 'no node "nowhere"'),
    ([Node("b", "sequence", "B")], [("b", "b")], "cannot link to itself"),
    ([Node("b", "sequence", "B")], [("a", "b"), ("a", "b")], "already links"),
])
def test_add_many_refuses_and_adds_nothing(campaign, nodes, links, message) -> None:
    seen = record(campaign)
    with pytest.raises(DomainError, match=message):
        campaign.add_many(nodes, links)
    assert seen == []
    assert [n.id for n in campaign.nodes] == ["a"] and campaign.edges == []


def test_remove_many_emits_links_and_nodes_then_one_naming_them_all(campaign) -> None:
    campaign.add_many([Node("b", "sequence", "B"), Node("c", "sequence", "C")],
                      [("a", "b"), ("b", "c"), ("c", "a")])
    before = Campaign(campaign.id, campaign.name)
    before.add_many([n.copy() for n in campaign.nodes], campaign.edges)
    seen = record(campaign)
    nodes, links = campaign.remove_many(["b", "c", "b"])  # a second "b" counts once
    batched = {"batched": True}
    assert seen[:-1] == [
        (ev.EDGE_REMOVED, None, "a", "b", batched),
        (ev.EDGE_REMOVED, None, "b", "c", batched),
        (ev.NODE_REMOVED, "b", None, None, batched),
        (ev.EDGE_REMOVED, None, "c", "a", batched),
        (ev.NODE_REMOVED, "c", None, None, batched)]
    assert seen[-1] == (ev.NODES_REMOVED, None, None, None,
                        {"node_ids": ("b", "c"), "links": tuple(links)})
    assert [n.id for n in nodes] == ["b", "c"]
    assert links == [("a", "b"), ("b", "c"), ("c", "a")]  # each link once
    assert [n.id for n in campaign.nodes] == ["a"] and campaign.edges == []
    campaign.add_many(nodes, links)  # what an undo does
    assert campaign == before


def test_remove_many_refuses_an_unknown_id_and_removes_nothing(campaign) -> None:
    campaign.add_many([Node("b", "sequence", "B")], [("a", "b")])
    seen = record(campaign)
    with pytest.raises(DomainError, match='no node "zz"'):
        campaign.remove_many(["b", "zz"])
    assert seen == [] and len(campaign) == 2 and campaign.edges == [("a", "b")]
