"""Copy and paste of nodes as plain data (no Qt): nodes, the links among them and the
catalog items they name (see :mod:`.paste_checks`, which checks a paste)."""

from __future__ import annotations

import json
import os
from typing import Any

from ..domain.campaign import Campaign
from ..domain.catalog import Catalog
from ..domain.nodes import Node, node_kind
from ..io.workspace_file import node_to_data
from .paste_checks import PastePlan, catalog_data

MIME_TYPE = "application/x-campaign-canvas-nodes"


def copy_nodes(campaign: Campaign, node_ids: list[str],
               catalog: Catalog | None = None) -> dict[str, Any]:
    """The selected nodes and every link whose two ends are both selected; with
    ``catalog``, the items of it that the nodes name (``"catalog"``, as a file holds it),
    so that a paste into another workspace can add those it lacks."""
    chosen = [n for n in node_ids if campaign.has_node(n)]
    keep = set(chosen)
    data: dict[str, Any] = {
        "nodes": [node_to_data(campaign.node(n)) for n in chosen],
        "edges": [{"source": s, "target": t} for s, t in campaign.edges
                  if s in keep and t in keep],
    }
    if catalog is not None:
        data["catalog"] = catalog_data(catalog, [campaign.node(n) for n in chosen])
    return data


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


def loads(text: str) -> dict[str, Any] | None:
    """The copied data, or None when ``text`` is not a copy of nodes."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        return None
    return data


def fresh_ids(count: int, taken: set[str]) -> list[str]:
    """``count`` new node ids, as ``new_id("n")`` makes them ("n-" and 8 hex digits), none
    in ``taken`` nor twice; drawn from one read of the system's random source, as 10,000
    calls to ``uuid4()`` took longer than the paste they serve."""
    out: list[str] = []
    used = set(taken)
    while len(out) < count:
        digits = os.urandom(4 * (count - len(out))).hex()
        for i in range(0, len(digits), 8):
            node_id = f"n-{digits[i:i + 8]}"
            if node_id not in used:
                used.add(node_id)
                out.append(node_id)
    return out


def fresh_copies(plan: PastePlan, taken: set[str], offset: tuple[float, float]
                 ) -> tuple[list[Node], list[tuple[str, str]]]:
    """A checked paste's nodes given fresh ids (not in ``taken``) and moved by ``offset``
    (the plan's own nodes, changed: a plan is pasted once), and their links."""
    mapping: dict[str, str] = {}
    for node, node_id in zip(plan.nodes, fresh_ids(len(plan.nodes), taken), strict=True):
        mapping[node.id] = node_id
        node.id = node_id
        node.x, node.y = node.x + offset[0], node.y + offset[1]
    return plan.nodes, [(mapping[s], mapping[t]) for s, t in plan.links]


def fresh_nodes(data: dict[str, Any], taken: set[str], offset: tuple[float, float]
                ) -> tuple[list[Node], list[tuple[str, str]]]:
    """New nodes with fresh ids (not in ``taken``), moved by ``offset``, and their links,
    from data known to be good (a copy of the workspace's own nodes: see
    :func:`.paste_checks.check_paste` for the clipboard's)."""
    mapping: dict[str, str] = {}
    nodes: list[Node] = []
    items = data.get("nodes", [])
    for item, node_id in zip(items, fresh_ids(len(items), taken), strict=True):
        kind = node_kind(item["kind"])
        mapping[item["id"]] = node_id
        nodes.append(Node(node_id, item["kind"], item["name"], float(item["x"]) + offset[0],
                          float(item["y"]) + offset[1], kind.from_data(item)))
    links = [(mapping[e["source"]], mapping[e["target"]]) for e in data.get("edges", [])
             if e.get("source") in mapping and e.get("target") in mapping]
    return nodes, links
