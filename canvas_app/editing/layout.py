"""Layout (no Qt): auto-layout in columns by distance from the entry nodes, ordered to
cross few links, and free spots for new and pasted nodes so they never cover another node
or its name."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from functools import lru_cache

import networkx as nx

from ..domain.campaign import Campaign

COLUMN = 240.0
ROW = 180.0


WRAP_COLUMNS = 16  # columns in a band of the auto-layout; a longer flow wraps below


def layered_positions(campaign: Campaign) -> dict[str, tuple[float, float]]:
    """A layered (Sugiyama) layout, left to right. Columns: in a flow without loops each
    node sits one column after its furthest predecessor; with loops, columns follow the
    shortest distance from an entry node. Within each column the nodes are ordered to
    cross as few links as the barycentre heuristic finds (sweeps down and up the columns,
    the best order kept), a link that skips columns passing through a free row in each
    column between; then each node takes a whole row as near its neighbours' as the order
    allows, a node with one predecessor level with it when there is room, so a chain is one
    straight row. The same campaign always gives the same layout. The rows are centred on
    y = 0 (to a whole row: every position is on the grid); a flow longer than a band of
    columns wraps into bands below."""
    graph = campaign.graph
    names = list(graph.nodes)
    layer = _layers(campaign)
    if not layer:
        return {}
    grid = _Grid(names, [layer[n] for n in names],
                 [(s, t) for s, t in graph.edges if layer[t] > layer[s]])
    grid.order()
    rows = grid.place()
    columns = max(layer.values()) + 1
    # A flow longer than WRAP_COLUMNS columns goes on in bands below, as lines of text do:
    # a chain of thousands of nodes in one row could only be seen at a zoom of a dot each.
    # Bands about as wide as the window is (8:5) for a long chain, never under WRAP_COLUMNS.
    wrap = max(WRAP_COLUMNS, round(math.sqrt(3.2 * ROW * columns / COLUMN)))
    extent: dict[int, tuple[int, int]] = {}  # each band's first and last row
    for index, name in enumerate(names):
        band, row = layer[name] // wrap, rows[index]
        low, high = extent.get(band, (row, row))
        extent[band] = (min(low, row), max(high, row))
    shift: dict[int, float] = {}  # y = (row + shift) * ROW; a free row between two bands
    bottom = 0.0
    for band in sorted(extent):
        low, high = extent[band]
        # centred on y = 0 to a whole row, so rows stay on the grid (QA 23c: a half row
        # put them at y = 90, off the 20 px grid, and nodes placed beside snapped away)
        shift[band] = -((low + high) // 2) if not shift else bottom + 2 - low
        bottom = high + shift[band]
    return {name: ((layer[name] % wrap) * COLUMN, (rows[i] + shift[layer[name] // wrap]) * ROW)
            for i, name in enumerate(names)}


def _layers(campaign: Campaign) -> dict[str, int]:
    graph = campaign.graph
    layer: dict[str, int] = {}
    if nx.is_directed_acyclic_graph(graph):
        for node_id in nx.topological_sort(graph):
            preds = [layer[p] + 1 for p in graph.predecessors(node_id)]
            layer[node_id] = max(preds, default=0)
    else:
        starts = [campaign.entry_nodes(), *([n] for n in graph.nodes)]
        for sources in starts:
            queue = deque(n for n in sources if n not in layer)
            for node_id in queue:
                layer[node_id] = 0
            while queue:
                current = queue.popleft()
                for succ in graph.successors(current):
                    if succ not in layer:
                        layer[succ] = layer[current] + 1
                        queue.append(succ)
    return layer


SWEEPS = 6  # rounds of ordering sweeps (down, then up the columns) at most
MAX_SPARE = 4  # a link may pass through this many free rows per node; longer links do not
# Row placement: how strongly a node keeps level with its neighbours on one side. A node
# with one (a chain's) most; a free row a long link passes through next; one with none
# hardly (it stays where it is unless something needs the room).
ONE_NEIGHBOUR, SPARE_ROW, MANY, NO_NEIGHBOUR = 16.0, 4.0, 1.0, 0.25


class _Grid:
    """The layered graph as integers: the nodes 0..n-1 (in the campaign's order) and a
    spare node for each column a long link passes through, the columns' orders, and each
    node's neighbours one column before and one after."""

    def __init__(self, names: list[str], layers: list[int],
                 edges: list[tuple[str, str]]) -> None:
        index = {name: i for i, name in enumerate(names)}
        self.real = len(names)
        self.layer = list(layers)
        self.before: list[list[int]] = [[] for _ in names]
        self.after: list[list[int]] = [[] for _ in names]
        spare_left = MAX_SPARE * len(names) + 64
        for source, target in edges:
            s, t = index[source], index[target]
            span = self.layer[t] - self.layer[s]
            if span > 1 and span - 1 <= spare_left:
                spare_left -= span - 1
                for step in range(1, span):
                    spare = len(self.layer)
                    self.layer.append(self.layer[s] + step)
                    self.before.append([])
                    self.after.append([])
                    self._join(s, spare)
                    s = spare
            self._join(s, t)
        self.columns: list[list[int]] = [[] for _ in range(max(self.layer, default=-1) + 1)]
        for node, column in enumerate(self.layer):
            self.columns[column].append(node)

    def _join(self, s: int, t: int) -> None:
        self.after[s].append(t)
        self.before[t].append(s)

    # -- order within the columns ----------------------------------------------------
    def order(self) -> None:
        """Barycentre sweeps; keeps the order with the fewest crossings (the first found)."""
        best, least = [list(c) for c in self.columns], self.crossings()
        for _round in range(SWEEPS):
            if least == 0:
                break
            improved = False
            for down in (True, False):
                self._sweep(down)
                count = self.crossings()
                if count < least:
                    best, least, improved = [list(c) for c in self.columns], count, True
            if not improved:
                break
        self.columns = best

    def _sweep(self, down: bool) -> None:
        position = self._positions()
        sides = range(1, len(self.columns)) if down else range(len(self.columns) - 2, -1, -1)
        neighbours = self.before if down else self.after
        for column in sides:
            members = self.columns[column]
            keys = []
            for here, node in enumerate(members):
                near = neighbours[node]
                # no neighbour on that side: where it is, on the scale of that column's
                centre = (sum(position[n] for n in near) / len(near) if near
                          else here * len(self.columns[column + (-1 if down else 1)])
                          / max(len(members), 1))
                keys.append((centre, here, node))
            keys.sort()
            members[:] = [node for _c, _h, node in keys]
            for here, node in enumerate(members):
                position[node] = here

    def _positions(self) -> list[int]:
        position = [0] * len(self.layer)
        for members in self.columns:
            for here, node in enumerate(members):
                position[node] = here
        return position

    def crossings(self) -> int:
        position = self._positions()
        total = 0
        for members in self.columns[:-1]:
            ends = sorted((position[s], position[t]) for s in members for t in self.after[s])
            total += _inversions([t for _s, t in ends])
        return total

    # -- rows -------------------------------------------------------------------------
    def place(self) -> list[int]:
        """Each node's row: in its column's order, rows strictly increasing, each as near
        its neighbours' (on the side of the pass) as they allow: passes down, up, down."""
        rows = [0] * len(self.layer)
        for members in self.columns:
            for here, node in enumerate(members):
                rows[node] = here - (len(members) - 1) // 2
        for down in (True, False, True):
            sides = (range(1, len(self.columns)) if down
                     else range(len(self.columns) - 2, -1, -1))
            neighbours = self.before if down else self.after
            for column in sides:
                self._place_column(self.columns[column], neighbours, rows)
        return rows[:self.real]

    def _place_column(self, members: list[int], neighbours: list[list[int]],
                      rows: list[int]) -> None:
        wanted: list[float] = []
        weights: list[float] = []
        real = self.real
        for here, node in enumerate(members):
            near = neighbours[node]
            if len(near) == 1:
                wanted.append(rows[near[0]] - here)
                weights.append(ONE_NEIGHBOUR if node < real else SPARE_ROW)
            elif not near:
                wanted.append(rows[node] - here)
                weights.append(NO_NEIGHBOUR)
            else:
                levels = sorted(rows[n] for n in near)
                middle = len(levels) // 2
                want = (levels[middle] if len(levels) % 2
                        else (levels[middle - 1] + levels[middle]) / 2)
                wanted.append(want - here)
                weights.append(MANY)
        floor = math.floor
        for here, (node, level) in enumerate(zip(members, _increasing(wanted, weights),
                                                  strict=True)):
            rows[node] = floor(level + 0.5) + here


def _increasing(values: list[float], weights: list[float]) -> list[float]:
    """The non-decreasing sequence nearest to ``values`` (weighted least squares): pool
    adjacent violators."""
    means: list[float] = []
    totals: list[float] = []
    counts: list[int] = []
    for value, weight in zip(values, weights, strict=True):
        count = 1
        while means and means[-1] > value:
            last_weight = totals.pop()
            value = (means.pop() * last_weight + value * weight) / (last_weight + weight)
            weight += last_weight
            count += counts.pop()
        means.append(value)
        totals.append(weight)
        counts.append(count)
    out: list[float] = []
    for mean, count in zip(means, counts, strict=True):
        out.extend([mean] * count)
    return out


def _inversions(values: list[int]) -> int:
    """How many pairs stand in the wrong order (a Fenwick tree)."""
    if not values:
        return 0
    size = max(values) + 2
    tree = [0] * (size + 1)
    count = 0
    for seen, value in enumerate(values):
        i = value + 1  # how many seen so far are greater than value
        below = 0
        while i > 0:
            below += tree[i]
            i -= i & -i
        count += seen - below
        i = value + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return count


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
    down again. When no offset that near is free (a group larger than the stretch
    searched, in a crowded campaign), the one that puts the group below every taken
    point, at ``start``'s x (QA 23e: 1,400 nodes pasted were given ``start`` back, each
    copy half over its original)."""
    taken = list(taken)
    occupancy = _Occupancy(taken, footprint)
    column = math.ceil(footprint[0] / step) * step
    for c in range(_MAX_COLUMNS):
        for r in range(_MAX_ROWS):
            ox, oy = start[0] + c * column, start[1] + r * step
            if not any(occupancy.overlaps(x + ox, y + oy) for x, y in group):
                return ox, oy
    if not taken or not group:
        return start
    below = max(y for _, y in taken) + footprint[1] - min(y for _, y in group)
    return start[0], math.ceil(max(below, start[1]) / step) * step


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
