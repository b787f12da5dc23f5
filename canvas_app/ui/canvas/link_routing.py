"""Links routed around the nodes in their way.

A link is drawn straight from edge to edge unless that way runs through the body or the name
of another node: then it bends, a curve pulled towards a control point off the straight way,
on the side that needs less bend, just far enough to clear the nodes it goes round (worked
out from where they lie along the way, then checked by sampling the curve exactly as
``link_way`` draws it, ends that go round their own node's name included).

The router also keeps, for every node, the links bent because of it (``bent_by``), so that
when a node moves, is renamed, added or removed, the links it no longer blocks re-route;
the links it now blocks are found through the scene's BSP index near its new place (never
by looping over every node or link) and re-route too; so do the links that bent and tried
a way the node now lies in (``_tries_met``: the way kept may change with it), so that after
any edit every link takes the way it would take worked out afresh. In a batch
(``Campaign.move_many``, ``add_many``, ``remove_many``) the scene ``hold``s the router: the
links each node's change concerns are gathered, and each is routed once when the batch ends
(``release``), with every node in its final place (never a link whose end goes in the same
batch).

The nodes a way may run through are looked up in a grid of CELL-sized squares, each node
filed under the square of its centre (``_candidates``): a way is checked against the nodes
near it, not against every node of the campaign. The grid only narrows the search: the
nodes it returns are checked exactly as before, so the routes are the same.

Campaigns of more than ``max_nodes`` nodes (the scene passes the size at which it starts to
show the overview, 400) are not routed: links there stay straight (back arcs aside), so a
10,000-node campaign opens and drags as fast as before. Real campaigns have 5 to 100 nodes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt

from .link_clearance import (
    Box,
    Tried,
    bows_to_clear,
    grown,
    node_boxes,
    pieces,
    pieces_hit,
)
from .link_ends import link_way, way_points
from .link_item import LinkItem
from .node_item import NodeItem, item_bounds

if TYPE_CHECKING:
    from .scene import CampaignScene

TOUCH = 3.0  # a way closer than this to a node's body or name runs through it
MIN_BOW = 40.0  # the least bend: a curve that looks meant, not a slightly crooked line
MAX_BOW_RATIO = 1.0  # the most bend, as a share of the link's length (no wild loops) ...
MAX_BOW_FLOOR = 160.0  # ... but short links may bend this far
GROWTH = 1.4  # a bend that still hits what it was meant to clear grows by this much
ROUNDS = 4  # tries per side before the least bad curve is kept
SAMPLES = 16  # straight pieces a curve is checked as
CELL = 256.0  # the side of a square of the grid the router files the nodes in


class LinkRouter:
    """Chooses each link's bend (``route``) and re-routes the links a node's change concerns.

    ``bent_by`` maps a node id to the links whose way it blocked (straight, or a curve tried
    on the way to the one kept): those links re-route when that node moves or goes."""

    def __init__(self, scene: CampaignScene, max_nodes: int) -> None:
        self.scene = scene
        self.max_nodes = max_nodes
        self.bent_by: dict[str, set[LinkItem]] = {}
        self._blockers: dict[LinkItem, frozenset[str]] = {}
        # For each link whose first way met a node (or was a curve): the ways tried, each
        # with its bounds, and the bounds of them all. A node that comes into a way tried
        # and dropped (not the one kept) may change the link's choice: such a link
        # re-routes too when a node is moved, added or renamed into one of them
        # (``_tries_met``). A straight way that met nothing was the only one tried: the
        # scene's index finds the links it meets (``_blocked_now``). _ways gathers them
        # while a link is routed.
        self._tried: dict[LinkItem, tuple[Box, list[Tried]]] = {}
        self._ways: list[Tried] | None = None
        # node -> (its centre, its body and name boxes, the same grown by TOUCH, and the
        # bounds of those): worked out once per place (and name), not in every try of
        # every link routed past it (a drag step routes a dozen links, each tried up to
        # nine ways)
        self._places: dict[NodeItem, tuple[tuple[float, float], tuple[Box, Box],
                                           tuple[Box, Box], Box]] = {}
        # The grid (see the module's text): square -> the nodes whose centre lies in it (a
        # dict for its order), node -> its square; nodes added, moved or renamed since they
        # were filed wait in _unfiled (filed when a way is next checked); the farthest any
        # filed node's boxes reach from its centre, across and down. _grid_stale: the grid
        # is rebuilt from the scene's nodes when next needed (nothing is filed while the
        # campaign is too large to route).
        self._grid: dict[tuple[int, int], dict[NodeItem, None]] = {}
        self._cell_of: dict[NodeItem, tuple[int, int]] = {}
        self._unfiled: set[NodeItem] = set()
        self._reach = (0.0, 0.0)
        self._grid_stale = False
        # While a batch holds the router: the links to route when it ends (see release).
        self._pending: set[LinkItem] | None = None

    @property
    def active(self) -> bool:
        """Routing runs for campaigns up to ``max_nodes`` nodes (see the module's text)."""
        return len(self.scene.nodes) <= self.max_nodes

    # -- choosing a way ------------------------------------------------------------------
    def route(self, link: LinkItem, preferred: QPointF | None) -> QPointF | None:
        """The control point of the link's curve, or None for a straight link.

        ``preferred`` is the way the link takes when nothing is in it (None: straight; a
        point: a back arc). If that way runs through another node, the curve that clears
        with the least bend is chosen; when none clears, the one hitting fewest nodes."""
        source, target = link.source, link.target
        (sx, sy), (tx, ty) = source.centre, target.centre
        length = math.hypot(tx - sx, ty - sy)
        self._ways = []
        try:
            return self._choose(link, preferred, length)
        finally:
            self._ways = None

    def _choose(self, link: LinkItem, preferred: QPointF | None, length: float
                ) -> QPointF | None:
        """``route``'s work (while ``_ways`` gathers the ways tried)."""
        (sx, sy), (tx, ty) = link.source.centre, link.target.centre
        first = self._hits(link, preferred)
        if not first or length < 1.0:
            self._record(link, frozenset(), self._ways if preferred is not None else None)
            return preferred
        mx, my = (sx + tx) / 2, (sy + ty) / 2
        nx, ny = -(ty - sy) / length, (tx - sx) / length  # the left of the way
        if preferred is None:
            floor, preferred_side = MIN_BOW, -1 if ny > 0 else 1  # above, on a tie
        else:
            offset = (preferred.x() - mx) * nx + (preferred.y() - my) * ny
            floor, preferred_side = max(abs(offset), MIN_BOW), 1 if offset >= 0 else -1
        cap = max(length * MAX_BOW_RATIO, MAX_BOW_FLOOR, floor)
        known = {item: self._place(item)[1] for item in first}
        blockers = {item.node_id for item in first}
        best, best_score = preferred, (len(first), 0.0)
        growth = {1: 1.0, -1: 1.0}
        tried: set[tuple[int, int]] = set()
        for _ in range(ROUNDS):
            boxes = [box for item_boxes in known.values() for box in item_boxes]
            options = []
            needs = bows_to_clear(sx, sy, tx, ty, boxes)
            for side in (1, -1):
                bow = max(needs[side], floor) * growth[side]
                options.append((min(bow, cap), side != preferred_side, side))
            options.sort()
            for bow, _, side in options:
                if (side, round(bow)) in tried:
                    continue
                tried.add((side, round(bow)))
                control = QPointF(mx + nx * side * bow, my + ny * side * bow)
                hits = self._hits(link, control)
                if not hits:
                    self._record(link, frozenset(blockers), self._ways)
                    return control
                blockers.update(item.node_id for item in hits)
                if (len(hits), bow) < best_score:
                    best, best_score = control, (len(hits), bow)
                if all(item in known for item in hits):
                    growth[side] *= GROWTH  # it underestimated: bend further
                else:
                    known.update((item, self._place(item)[1]) for item in hits)
        self._record(link, frozenset(blockers), self._ways)
        return best

    def _place(self, item: NodeItem) -> tuple[tuple[float, float], tuple[Box, Box],
                                              tuple[Box, Box], Box]:
        """The node's boxes where it is now (see ``_places``)."""
        place = self._places.get(item)
        if place is None or place[0] != item.centre:
            boxes = node_boxes(item)
            body, name = (grown(box, TOUCH) for box in boxes)
            bounds = (min(body[0], name[0]), min(body[1], name[1]),
                      max(body[2], name[2]), max(body[3], name[3]))
            place = self._places[item] = (item.centre, boxes, (body, name), bounds)
        return place

    def _hits(self, link: LinkItem, control: QPointF | None) -> list[NodeItem]:
        """The nodes other than its ends whose body or name the link's way runs through,
        drawn as ``link_way`` draws it for ``control`` (straight when None).

        The nodes filed near the way (``_candidates``) have their bounds checked against
        the way's (plain comparisons of cached numbers, several times quicker than asking
        the scene's index for a band along the way); only the nodes they meet are checked
        against the way, piece by piece."""
        source, target = link.source, link.target
        points = way_points(link_way(source, target, control), SAMPLES)
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
        if self._ways is not None:
            self._ways.append((low_x, low_y, high_x, high_y, points))
        hits = []
        line = None
        for item in self._candidates(points):
            if item is source or item is target:
                continue
            _centre, _boxes, grown_boxes, (left, top, right, bottom) = self._place(item)
            if right < low_x or left > high_x or bottom < low_y or top > high_y:
                continue
            if line is None:
                line = pieces(points)
            if pieces_hit(line, grown_boxes):
                hits.append(item)
        return hits

    # -- the grid ------------------------------------------------------------------------
    def note(self, item: NodeItem) -> None:
        """The node was added to the scene, or is about to move (before its links follow),
        or its name changed: it is filed again before a way is next checked."""
        if self._grid_stale:
            return
        if len(self.scene.nodes) > self.max_nodes:  # not routed: filed when it is again
            self._drop_grid()
            self._grid_stale = True
            return
        self._unfiled.add(item)

    def _unfile(self, item: NodeItem) -> None:
        self._unfiled.discard(item)
        cell = self._cell_of.pop(item, None)
        if cell is not None:
            items = self._grid[cell]
            del items[item]
            if not items:
                del self._grid[cell]

    def _drop_grid(self) -> None:
        self._grid = {}
        self._cell_of = {}
        self._unfiled = set()
        self._reach = (0.0, 0.0)

    def _file_waiting(self) -> None:
        """Files the nodes added, moved or renamed since the last check of a way."""
        if self._grid_stale:
            self._grid_stale = False
            self._drop_grid()
            self._unfiled = set(self.scene.nodes.values())
        if not self._unfiled:
            return
        grid, cell_of = self._grid, self._cell_of
        reach_x, reach_y = self._reach
        for item in self._unfiled:
            (x, y), _boxes, _grown, (left, top, right, bottom) = self._place(item)
            reach_x = max(reach_x, x - left, right - x)
            reach_y = max(reach_y, y - top, bottom - y)
            cell = (math.floor(x / CELL), math.floor(y / CELL))
            old = cell_of.get(item)
            if old == cell:
                continue
            if old is not None:
                items = grid[old]
                del items[item]
                if not items:
                    del grid[old]
            grid.setdefault(cell, {})[item] = None
            cell_of[item] = cell
        self._reach = (reach_x, reach_y)
        self._unfiled = set()

    def _candidates(self, points: list[tuple[float, float]]) -> Iterable[NodeItem]:
        """Every node whose bounds may meet the line through the points (and some that do
        not): those filed in the squares within reach of it. The line is walked in runs
        whose bounds span at most CELL each way (a piece longer than that is cut), and
        each run's bounds, grown by the farthest a node's boxes reach from its centre (and
        1 more against rounding), give the squares to look in."""
        self._file_waiting()
        grid = self._grid
        if not grid:
            return ()
        reach_x, reach_y = self._reach[0] + 1.0, self._reach[1] + 1.0
        cells: set[tuple[int, int]] = set()
        floor = math.floor

        def look(low_x: float, low_y: float, high_x: float, high_y: float) -> None:
            rows = range(floor((low_y - reach_y) / CELL), floor((high_y + reach_y) / CELL) + 1)
            for i in range(floor((low_x - reach_x) / CELL),
                           floor((high_x + reach_x) / CELL) + 1):
                for j in rows:
                    cells.add((i, j))

        px, py = points[0]
        low_x = high_x = px
        low_y = high_y = py
        for x2, y2 in points[1:]:
            dx, dy = x2 - px, y2 - py
            span = abs(dx) if abs(dx) > abs(dy) else abs(dy)
            steps = math.ceil(span / CELL) if span > CELL else 1
            for k in range(1, steps + 1):
                x, y = (px + dx * k / steps, py + dy * k / steps) if k < steps else (x2, y2)
                lx, hx = (x, high_x) if x < low_x else (low_x, x if x > high_x else high_x)
                ly, hy = (y, high_y) if y < low_y else (low_y, y if y > high_y else high_y)
                if hx - lx > CELL or hy - ly > CELL:  # the run ends at the point before
                    look(low_x, low_y, high_x, high_y)
                    (ax, ay) = (px + dx * (k - 1) / steps, py + dy * (k - 1) / steps) \
                        if k > 1 else (px, py)
                    lx, hx = (ax, x) if ax < x else (x, ax)
                    ly, hy = (ay, y) if ay < y else (y, ay)
                low_x, high_x, low_y, high_y = lx, hx, ly, hy
            px, py = x2, y2
        look(low_x, low_y, high_x, high_y)
        found: dict[NodeItem, None] = {}
        for cell in cells:
            items = grid.get(cell)
            if items:
                found.update(items)
        return found

    def _record(self, link: LinkItem, blockers: frozenset[str],
                ways: list[Tried] | None = None) -> None:
        if ways:
            self._tried[link] = ((min(way[0] for way in ways), min(way[1] for way in ways),
                                  max(way[2] for way in ways), max(way[3] for way in ways)),
                                 ways)
        else:
            self._tried.pop(link, None)
        old = self._blockers.get(link, frozenset())
        if old == blockers:
            return
        for node_id in old - blockers:
            links = self.bent_by.get(node_id)
            if links is not None:
                links.discard(link)
                if not links:
                    del self.bent_by[node_id]
        for node_id in blockers - old:
            self.bent_by.setdefault(node_id, set()).add(link)
        if blockers:
            self._blockers[link] = blockers
        else:
            self._blockers.pop(link, None)

    # -- following the nodes -------------------------------------------------------------
    def hold(self) -> None:
        """A batch of changes starts: the links they concern are routed once, at
        ``release``."""
        if self._pending is None:
            self._pending = set()

    @property
    def holding(self) -> bool:
        return self._pending is not None

    def release(self, links: Iterable[LinkItem] = ()) -> None:
        """The batch ended: the links it concerned (and ``links``) that are still on the
        scene are routed, each once, with every node in its final place."""
        pending, self._pending = self._pending or set(), None
        pending.update(links)
        for link in pending:
            if link.scene() is self.scene:
                link.adjust()

    def _adjust(self, links: Iterable[LinkItem]) -> None:
        """Routes the links again now, or at ``release`` while a batch holds the router."""
        if self._pending is not None:
            self._pending.update(links)
            return
        for link in links:
            if link.scene() is self.scene:
                link.adjust()

    def node_moved(self, item: NodeItem) -> None:
        """A node moved (its own links have followed): re-routes the links it blocked where
        it was and the links it blocks where it is now."""
        if self.active:
            self._adjust(self._concerned(item))

    def nodes_moved(self, items: list[NodeItem]) -> None:
        """Several nodes moved at once (their items have moved, their links not yet): their
        links, the links they blocked where they were and those they block where they are
        now re-route, each once."""
        if not self.active:
            return
        links = {link for item in items for link in item.links}
        ids = {item.node_id for item in items}
        # Those they blocked, as recorded before any of them re-routes ...
        for node_id in ids:
            links.update(self.bent_by.get(node_id, ()))
        # ... and those they now block: any other link's way is as it was before the batch
        if len(links) < len(self.scene.links):  # (all of them re-route anyway: no search)
            for item in items:
                links.update(self._blocked_now(item, links))
            links.update(self._tries_met(items, links))
        self._adjust(links)

    def node_placed(self, item: NodeItem) -> None:
        """A node was added, or its name changed width: the links it blocked re-route (it
        may no longer be in their way) and so do the links it now blocks."""
        self._places.pop(item, None)  # its name box, at least, is new
        self.note(item)
        if self.active:
            self._adjust(self._concerned(item))

    def nodes_added(self, items: list[NodeItem]) -> None:
        """Nodes were added at once, with their links (routed as they were added, every new
        node in place): the links they now block re-route, each once."""
        if not self.active:
            return
        new = {link for item in items for link in item.links}
        if len(new) == len(self.scene.links):  # no link but theirs (all undeleted, say)
            return
        links = set(new)  # routed as they were added, all of these nodes in place
        for item in items:
            links.update(self.bent_by.get(item.node_id, ()))
            links.update(self._blocked_now(item, links))
        links.update(self._tries_met(items, links))
        self._adjust(links - new)

    def node_removed(self, item: NodeItem) -> None:
        """A node was taken off the scene: the links bent round it may straighten."""
        links = self.bent_by.pop(item.node_id, set())
        self._places.pop(item, None)
        if not self._grid_stale:
            self._unfile(item)
        if self.active:
            self._adjust(links)

    def link_changed(self, link: LinkItem) -> None:
        """The link's way may have changed for a reason of its own (a link the other way
        added or removed): routed now, or when the batch ends."""
        self._adjust((link,))

    def _concerned(self, item: NodeItem) -> set[LinkItem]:
        """The links ``bent_by`` the node (where it was, it blocked them: they may
        straighten or bend less) and the links near the node now whose drawn way meets its
        body or name, except the node's own. A link the node did not block before is not
        changed by where it was: its way was chosen without meeting it."""
        links = set(self.bent_by.get(item.node_id, ()))
        links.update(self._blocked_now(item, links))
        links.update(self._tries_met([item], links))
        return {link for link in links if link.source is not item and link.target is not item}

    def _blocked_now(self, item: NodeItem, known: set[LinkItem]) -> list[LinkItem]:
        """The links not in ``known`` whose drawn way (as last routed) meets the node's
        body or name where it is now (found through the scene's index)."""
        boxes = [QRectF(QPointF(left, top), QPointF(right, bottom)).adjusted(
            -TOUCH, -TOUCH, TOUCH, TOUCH) for left, top, right, bottom in node_boxes(item)]
        area = item_bounds(item.kind).translated(*item.centre)
        found = []
        for other in self.scene.items(area, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(other, LinkItem) and other not in known:
                shape = other.shape()  # a band along its way, cached by the link
                if any(shape.intersects(box) for box in boxes):
                    found.append(other)
        return found

    def _tries_met(self, items: list[NodeItem], known: set[LinkItem]) -> list[LinkItem]:
        """The links not in ``known`` one of whose ways tried (``_tried``) runs through one
        of the nodes where it is now, by the test ``_hits`` makes."""
        if not self._tried:
            return []
        places = [self._place(item)[2:] for item in items]
        found = []
        for link, ((low_x, low_y, high_x, high_y), ways) in self._tried.items():
            if link in known:
                continue
            for grown_boxes, (left, top, right, bottom) in places:
                if right < low_x or left > high_x or bottom < low_y or top > high_y:
                    continue
                if any(not (right < way[0] or left > way[2] or bottom < way[1]
                            or top > way[3]) and pieces_hit(pieces(way[4]), grown_boxes)
                       for way in ways):
                    found.append(link)
                    break
        return found

    def forget(self, link: LinkItem) -> None:
        """A link was removed."""
        self._record(link, frozenset())

    def clear(self) -> None:
        self.bent_by.clear()
        self._blockers.clear()
        self._tried.clear()
        self._places.clear()
        self._drop_grid()
        self._grid_stale = False
        self._pending = None if self._pending is None else set()
