"""Copy and paste of nodes as plain data (no Qt): nodes plus the links among them."""

from __future__ import annotations

import json
import os
from typing import Any

from ..domain.campaign import Campaign
from ..domain.nodes import Node, node_kind
from ..io.workspace_file import node_to_data

MIME_TYPE = "application/x-campaign-canvas-nodes"


def copy_nodes(campaign: Campaign, node_ids: list[str]) -> dict[str, Any]:
    """The selected nodes and every link whose two ends are both selected."""
    chosen = [n for n in node_ids if campaign.has_node(n)]
    keep = set(chosen)
    return {
        "nodes": [node_to_data(campaign.node(n)) for n in chosen],
        "edges": [{"source": s, "target": t} for s, t in campaign.edges
                  if s in keep and t in keep],
    }


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


def fresh_nodes(data: dict[str, Any], taken: set[str], offset: tuple[float, float]
                ) -> tuple[list[Node], list[tuple[str, str]]]:
    """New nodes with fresh ids (not in ``taken``), moved by ``offset``, and their links."""
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
