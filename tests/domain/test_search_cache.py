"""Find with cached folded names: a renamed node is found by its new name only, and the
answers are those of a plain search that folds every name afresh (no Qt)."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.nodes import Node
from canvas_app.domain.search import ROW, Match, find_nodes, folded
from canvas_app.domain.workspace import Workspace
from tests.strategies import workspaces


def plain_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def plain_find(workspace: Workspace, text: str, first: str | None) -> list[Match]:
    """The search without a cache or shortcuts, as the Find bar's rules say it."""
    wanted = plain_fold(text)
    if not wanted:
        return []
    campaigns = workspace.campaigns
    ids = [c.id for c in campaigns]
    start = ids.index(first) if first in ids else 0
    out = []
    for campaign in campaigns[start:] + campaigns[:start]:
        found = sorted((n for n in campaign.nodes if wanted in plain_fold(n.name)),
                       key=lambda n: (round(n.y / ROW), n.x, n.id))
        out += [Match(campaign.id, n.id) for n in found]
    return out


def one_campaign(*names: str) -> Workspace:
    workspace = Workspace()
    campaign = Campaign("c", "C")
    for i, name in enumerate(names):
        campaign.add_node(Node(f"n{i}", "sequence", name, 100.0 * i, 0.0))
    workspace.add_campaign(campaign)
    return workspace


def test_a_renamed_node_is_found_by_its_new_name_only():
    workspace = one_campaign("Welcome email", "Café offer")
    assert find_nodes(workspace, "welcome") == [Match("c", "n0")]  # its name now cached
    workspace.campaign("c").rename("n0", "Goodbye note")
    assert find_nodes(workspace, "welcome") == []
    assert find_nodes(workspace, "goodbye") == [Match("c", "n0")]
    assert find_nodes(workspace, "CAFE  Offer") == [Match("c", "n1")]


def test_matches_are_plain_matches():
    [match] = find_nodes(one_campaign("Offer"), "offer")
    assert type(match) is Match and match.campaign_id == "c" and match.node_id == "n0"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workspaces(max_campaigns=3, max_nodes=12), st.data())
def test_cached_search_answers_as_a_plain_one(workspace, data):
    names = [n.name for c in workspace.campaigns for n in c.nodes]
    # a piece of a name (a hit), any text (mostly a miss), or blank
    text = data.draw(st.sampled_from(names).flatmap(
        lambda name: st.integers(0, len(name)).flatmap(
            lambda a: st.integers(a, len(name)).map(lambda b: name[a:b])))
        if names else st.text(max_size=3))
    first = data.draw(st.none() | st.sampled_from([c.id for c in workspace.campaigns]
                                                  or ["none"]))
    for _ in range(2):  # cold, then from the cache
        assert find_nodes(workspace, text, first) == plain_find(workspace, text, first)
        assert folded(text) == plain_fold(text)
