"""Layout (no Qt): auto-layout in columns by distance from the entry nodes, and free spots
for new and pasted nodes so they never cover another node or its name."""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

import networkx as nx

from ..domain.campaign import Campaign

COLUMN = 240.0
ROW = 180.0


WRAP_COLUMNS = 16  # columns in a band of the auto-layout; a longer flow wraps below


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
    # A flow longer than WRAP_COLUMNS columns goes on in bands below, as lines of text do:
    # a chain of thousands of nodes in one row could only be seen at a zoom of a dot each.
    # Bands about as wide as the window is (8:5) for a long chain, never under WRAP_COLUMNS.
    wrap = max(WRAP_COLUMNS, round(math.sqrt(3.2 * ROW * len(columns) / COLUMN)))
    band_height: dict[int, int] = {}
    for col, members in columns.items():
        band = col // wrap
        band_height[band] = max(band_height.get(band, 0), len(members))
    band_top: dict[int, float] = {}  # each band's middle; a free row between two bands
    previous: int | None = None
    for band in sorted(band_height):
        band_top[band] = 0.0 if previous is None else band_top[previous] + (
            (band_height[previous] - 1) / 2 + (band_height[band] - 1) / 2 + 2) * ROW
        previous = band
    positions: dict[str, tuple[float, float]] = {}
    for col, members in columns.items():
        band = col // wrap
        centre = band_top[band] if len(band_height) > 1 else 0.0
        top = centre - (len(members) - 1) * ROW / 2
        for row, node_id in enumerate(members):
            positions[node_id] = ((col % wrap) * COLUMN, top + row * ROW)
    return positions


# What one node covers on the canvas, body and two-line name below it (the canvas's item
# bounds are 170 x 110; a UI test keeps them inside this). Two nodes whose centres are
# closer than this in both directions overlap, and their names may overprint.
NODE_FOOTPRINT = (180.0, 120.0)
SPOT_STEP = 20.0  # the canvas grid
_MAX_ROWS, _MAX_COLUMNS = 60, 40


class _Occupancy:
    """Node centres bucketed by footprint, so a test for overlap looks at nine buckets."""

    def __init__(self, points: Iterable[tuple[float, float]],
                 footprint: tuple[float, float]) -> None:
        self.width, self.height = footprint
        self.buckets: dict[tuple[int, int], list[tuple[float, float]]] = {}
        for x, y in points:
            self.buckets.setdefault(self._key(x, y), []).append((x, y))

    def _key(self, x: float, y: float) -> tuple[int, int]:
        return math.floor(x / self.width), math.floor(y / self.height)

    def overlaps(self, x: float, y: float) -> bool:
        bx, by = self._key(x, y)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for px, py in self.buckets.get((bx + dx, by + dy), ()):
                    if abs(px - x) < self.width and abs(py - y) < self.height:
                        return True
        return False


def free_offset(taken: Iterable[tuple[float, float]], group: list[tuple[float, float]],
                start: tuple[float, float] = (0.0, 0.0),
                footprint: tuple[float, float] = NODE_FOOTPRINT,
                step: float = SPOT_STEP) -> tuple[float, float]:
    """The first offset from ``start`` that moves every point of ``group`` clear of every
    ``taken`` point: stepping down by ``step``, then a footprint's width to the right and
    down again. ``start`` when no offset nearby is free."""
    occupancy = _Occupancy(taken, footprint)
    column = math.ceil(footprint[0] / step) * step
    for c in range(_MAX_COLUMNS):
        for r in range(_MAX_ROWS):
            ox, oy = start[0] + c * column, start[1] + r * step
            if not any(occupancy.overlaps(x + ox, y + oy) for x, y in group):
                return ox, oy
    return start


def free_spot(taken: Iterable[tuple[float, float]], x: float, y: float,
              footprint: tuple[float, float] = NODE_FOOTPRINT,
              step: float = SPOT_STEP) -> tuple[float, float]:
    """``(x, y)``, or the nearest spot below (then to the right) where a new node overlaps
    none of the ``taken`` centres."""
    dx, dy = free_offset(taken, [(x, y)], (0.0, 0.0), footprint, step)
    return x + dx, y + dy


SPOT_REACH = 3  # how many footprints a drop may move, at most, to land on a free spot


@lru_cache(maxsize=8)
def _spiral(footprint: tuple[float, float], step: float, reach: int
            ) -> tuple[tuple[float, float], ...]:
    """The offsets on the ``step`` grid within ``reach`` footprints of the origin (a box),
    nearest first: rings that grow outwards (ties: down, then right, as in reading)."""
    columns = math.ceil(reach * footprint[0] / step)
    rows = math.ceil(reach * footprint[1] / step)
    offsets = [(c * step, r * step) for c in range(-columns, columns + 1)
               for r in range(-rows, rows + 1) if c or r]
    offsets.sort(key=lambda o: (math.hypot(o[0], o[1]), -o[1], -o[0]))
    return tuple(offsets)


def nearest_free_spot(taken: Iterable[tuple[float, float]], x: float, y: float,
                      footprint: tuple[float, float] = NODE_FOOTPRINT,
                      step: float = SPOT_STEP, reach: int = SPOT_REACH) -> tuple[float, float]:
    """``(x, y)``, or the free spot nearest to it (on the ``step`` grid, in any direction)
    where a new node overlaps none of the ``taken`` centres: the search widens ring by ring
    round ``(x, y)`` up to ``reach`` footprints away, so a node dropped into a crowd lands
    on the nearest gap that fits it; ``(x, y)`` itself only when no spot that near is free.
    For a drop: a node dropped onto another steps just clear of it, never off into the
    distance (in a crowded campaign the search below-then-right went thousands of pixels
    away, out of sight)."""
    occupancy = _Occupancy(taken, footprint)
    if not occupancy.overlaps(x, y):
        return x, y
    for ox, oy in _spiral(footprint, step, reach):
        if not occupancy.overlaps(x + ox, y + oy):
            return x + ox, y + oy
    return x, y
