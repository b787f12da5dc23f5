"""Finding nodes by name across a workspace (the canvas's Find bar, Ctrl+F)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple

from .workspace import Workspace

ROW = 90.0  # nodes whose y differs by less than this read as one row (as Tab steps)


class Match(NamedTuple):
    campaign_id: str
    node_id: str


@lru_cache(maxsize=65536)  # names are folded at every keystroke of the Find bar
def folded(text: str) -> str:
    """``text`` compared as a person reads it: case, accents and runs of spaces ignored
    ("Café  Offer" and "cafe offer" are the same)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


def find_nodes(workspace: Workspace, text: str, first: str | None = None) -> list[Match]:
    """Every node whose name contains ``text`` (see :func:`folded`), campaign by campaign
    in the workspace's order (from ``first`` on, then wrapping round to the ones before
    it), each campaign's nodes in reading order: rows from the top, left to right. Empty
    or blank text finds nothing."""
    wanted = folded(text)
    if not wanted:
        return []
    campaigns = workspace.campaigns
    ids = [campaign.id for campaign in campaigns]
    start = ids.index(first) if first in ids else 0
    matches: list[Match] = []
    for campaign in campaigns[start:] + campaigns[:start]:
        found = [node for node in campaign.nodes if wanted in folded(node.name)]
        found.sort(key=lambda node: (round(node.y / ROW), node.x, node.id))
        matches.extend(Match(campaign.id, node.id) for node in found)
    return matches
