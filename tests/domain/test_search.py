"""Finding nodes by name across the workspace (the Find bar's model)."""

from __future__ import annotations

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.nodes import Node
from canvas_app.domain.search import Match, find_nodes, folded
from canvas_app.domain.workspace import Workspace


def workspace() -> Workspace:
    ws = Workspace()
    first = ws.add_campaign(Campaign("a", "First"))
    first.add_node(Node("a3", "sequence", "Offer follow-up", 480, 180))
    first.add_node(Node("a1", "sequence", "Café offer", 240, 0))
    first.add_node(Node("a2", "purchase_goal", "Bought", 0, 170))  # same row as a3
    second = ws.add_campaign(Campaign("b", "Second"))
    second.add_node(Node("b1", "tag_goal", "Special  OFFER", 0, 0))
    third = ws.add_campaign(Campaign("c", "Third"))
    third.add_node(Node("c1", "sequence", "offering", 0, 0))
    return ws


def test_folded_ignores_case_accents_and_runs_of_spaces() -> None:
    assert folded("  Café  OFFER ") == "cafe offer"
    assert folded("Straße") == folded("STRASSE")


def test_matches_in_reading_order_campaign_by_campaign() -> None:
    assert find_nodes(workspace(), "offer") == [
        Match("a", "a1"), Match("a", "a3"), Match("b", "b1"), Match("c", "c1")]


def test_search_starts_at_the_given_campaign_and_wraps_round() -> None:
    assert find_nodes(workspace(), "OFFER", first="b") == [
        Match("b", "b1"), Match("c", "c1"), Match("a", "a1"), Match("a", "a3")]


def test_accents_and_spacing_do_not_hide_a_match() -> None:
    assert find_nodes(workspace(), "cafe") == [Match("a", "a1")]
    assert find_nodes(workspace(), "special offer") == [Match("b", "b1")]


def test_blank_text_and_unknown_text_find_nothing() -> None:
    assert find_nodes(workspace(), "   ") == []
    assert find_nodes(workspace(), "zebra") == []
    assert find_nodes(workspace(), "offer", first="no-such-campaign")[0] == Match("a", "a1")
