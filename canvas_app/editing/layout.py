"""Auto-layout (no Qt): nodes in columns by their distance from the entry nodes."""

from __future__ import annotations

import networkx as nx

from ..domain.campaign import Campaign

COLUMN = 240.0
ROW = 180.0


def layered_positions(campaign: Campaign) -> dict[str, tuple[float, float]]:
    """Left to right: in a flow without loops each node sits one column after its furthest
    predecessor; with loops, columns follow the shortest distance from an entry node.
    Rows are centred on y = 0, in the campaign's node order."""
    graph = campaign.graph
    layer: dict[str, int] = {}
    if nx.is_directed_acyclic_graph(graph):
        for node_id in nx.topological_sort(graph):
            preds = [layer[p] + 1 for p in graph.predecessors(node_id)]
            layer[node_id] = max(preds, default=0)
    else:
        starts = [campaign.entry_nodes(), *([n] for n in graph.nodes)]
        for sources in starts:
            queue = [n for n in sources if n not in layer]
            for node_id in queue:
                layer[node_id] = 0
            while queue:
                current = queue.pop(0)
                for succ in graph.successors(current):
                    if succ not in layer:
                        layer[succ] = layer[current] + 1
                        queue.append(succ)
    columns: dict[int, list[str]] = {}
    for node_id in graph.nodes:
        columns.setdefault(layer[node_id], []).append(node_id)
    positions: dict[str, tuple[float, float]] = {}
    for col, members in columns.items():
        top = -(len(members) - 1) * ROW / 2
        for row, node_id in enumerate(members):
            positions[node_id] = (col * COLUMN, top + row * ROW)
    return positions
