"""Finding nodes by name across a workspace (the canvas's Find bar, Ctrl+F)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from .nodes import Node
from .workspace import Workspace

ROW = 90.0  # nodes whose y differs by less than this read as one row (as Tab steps)


class Match(NamedTuple):
    campaign_id: str
    node_id: str


# Names are folded at every keystroke of the Find bar: each name once, then from here
# (folding 14,000 names took 100 ms). Keyed by the text, so a renamed node is folded
# anew; room for far more names than a workspace holds, so a search never evicts its own.
@lru_cache(maxsize=1 << 18)
def folded(text: str) -> str:
    """``text`` compared as a person reads it: case, accents and runs of spaces ignored
    ("Café  Offer" and "cafe offer" are the same)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


def natural_key(text: str) -> tuple[str | int, ...]:
    """``text`` ordered as a person counts: "Size 2" before "Size 10" (as text, "10" came
    before "2"); the text between numbers compared as it is."""
    parts = _DIGITS.split(text)
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))


_DIGITS = re.compile(r"(\d+)")


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
    new_match = tuple.__new__  # Match(a, b) runs a Python function per match
    for campaign in campaigns[start:] + campaigns[:start]:
        found = [node for node in campaign.nodes if wanted in folded(node.name)]
        found.sort(key=_reading_order)
        campaign_id = campaign.id
        matches.extend([new_match(Match, (campaign_id, node.id)) for node in found])
    return matches


def _reading_order(node: Node) -> tuple[int, float, str]:
    return round(node.y / ROW), node.x, node.id
