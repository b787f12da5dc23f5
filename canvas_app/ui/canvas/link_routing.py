"""Links routed around the nodes in their way.

A link is drawn straight from edge to edge unless that way runs through the body or the name
of another node: then it bends, a curve pulled towards a control point off the straight way,
on the side that needs less bend, just far enough to clear the nodes it goes round (worked
out from where they lie along the way, then checked by sampling the curve exactly as
``link_way`` draws it, ends that go round their own node's name included).

The router also keeps, for every node, the links bent because of it (``bent_by``), so that
when a node moves, is renamed, added or removed, the links it no longer blocks re-route;
the links it now blocks are found through the scene's BSP index near its new place (never
by looping over every node or link) and re-route too.

Campaigns of more than ``max_nodes`` nodes (the scene passes the size at which it starts to
show the overview, 400) are not routed: links there stay straight (back arcs aside), so a
10,000-node campaign opens and drags as fast as before. Real campaigns have 5 to 100 nodes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt

from .geometry import clip_range
from .link_item import LinkItem, link_way, way_points
from .node_item import NodeItem, body_rect, item_bounds, name_rect

if TYPE_CHECKING:
    from .scene import CampaignScene

Box = tuple[float, float, float, float]  # left, top, right, bottom (scene coordinates)

TOUCH = 3.0  # a way closer than this to a node's body or name runs through it
CLEARANCE = 14.0  # how far a bent link is meant to pass from the nodes it goes round
MIN_BOW = 40.0  # the least bend: a curve that looks meant, not a slightly crooked line
MAX_BOW_RATIO = 1.0  # the most bend, as a share of the link's length (no wild loops) ...
MAX_BOW_FLOOR = 160.0  # ... but short links may bend this far
GROWTH = 1.4  # a bend that still hits what it was meant to clear grows by this much
ROUNDS = 4  # tries per side before the least bad curve is kept
SAMPLES = 16  # straight pieces a curve is checked as


def node_boxes(item: NodeItem) -> tuple[Box, Box]:
    """The node's body (with the corner where a warning badge shows, as one may come at
    any edit) and its name as drawn (wrapped and elided), in scene coordinates."""
    x, y = item.centre
    body = body_rect(item.kind).united(item.badge_rect())
    top = y + name_rect(item.kind).top()
    half, height = item.name_block()
    return ((x + body.left(), y + body.top(), x + body.right(), y + body.bottom()),
            (x - half, top, x + half, top + height))


def segment_hits_box(x1: float, y1: float, x2: float, y2: float, box: Box) -> bool:
    """Whether the segment (x1, y1)-(x2, y2) meets the box."""
    return clip_range(x1, y1, x2, y2, *box) is not None


Piece = tuple[float, float, float, float, float, float, float, float]  # ends, then bounds


def pieces(points: list[tuple[float, float]]) -> list[Piece]:
    """The straight pieces between the points, each with its bounds (left, right, top,
    bottom) for a quick reject."""
    return [(x1, y1, x2, y2, min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2))
            for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False)]


def pieces_hit(line: list[Piece], boxes: Iterable[Box]) -> bool:
    """Whether the line made of these pieces meets any of the boxes."""
    for box in boxes:
        left, top, right, bottom = box
        for x1, y1, x2, y2, low_x, high_x, low_y, high_y in line:
            if high_x < left or low_x > right or high_y < top or low_y > bottom:
                continue
            if segment_hits_box(x1, y1, x2, y2, box):
                return True
    return False


def grown(box: Box, by: float) -> Box:
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by


def bows_to_clear(sx: float, sy: float, tx: float, ty: float,
                  boxes: Iterable[Box]) -> dict[int, float]:
    """How far off the middle of the straight way (sx, sy)-(tx, ty) the control point must
    lie, on each side (+1: the left of the way, in screen coordinates; -1: the right), for
    the curve to pass CLEARANCE from every box.

    With the control point over the middle, a quadratic curve at the share s of the way
    stands 2 s (1 - s) times the bow off it; a box is cleared when the curve stands beyond
    its far corner all along the box's stretch of the way."""
    dx, dy = tx - sx, ty - sy
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    # Both measures grow or shrink steadily along x and along y: each box's least and
    # most lie at the corners these signs pick (no need to measure all four).
    x_grows_along, y_grows_along = ux >= 0, uy >= 0
    x_grows_off, y_grows_off = uy <= 0, ux >= 0
    left_need = right_need = 0.0
    for left, top, right, bottom in boxes:
        low_x, high_x = (left, right) if x_grows_along else (right, left)
        low_y, high_y = (top, bottom) if y_grows_along else (bottom, top)
        a0 = max(((low_x - sx) * ux + (low_y - sy) * uy) / length, 0.0)
        a1 = min(((high_x - sx) * ux + (high_y - sy) * uy) / length, 1.0)
        if a0 >= a1:  # beside the way's ends
            continue
        low_x, high_x = (left, right) if x_grows_off else (right, left)
        low_y, high_y = (top, bottom) if y_grows_off else (bottom, top)
        off = ((low_y - sy) * ux - (low_x - sx) * uy,  # towards the left of the way
               (high_y - sy) * ux - (high_x - sx) * uy)
        s = a0 if abs(a0 - 0.5) > abs(a1 - 0.5) else a1
        lift = 2 * max(s * (1 - s), 0.01)
        height = off[1] + CLEARANCE  # to pass on its left; <= 0: it lies to the right
        if height > 0:
            left_need = max(left_need, height / lift)
        height = CLEARANCE - off[0]
        if height > 0:
            right_need = max(right_need, height / lift)
    return {1: left_need, -1: right_need}


def bow_to_clear(sx: float, sy: float, tx: float, ty: float, boxes: Iterable[Box],
                 side: int) -> float:
    """``bows_to_clear`` for one side."""
    return bows_to_clear(sx, sy, tx, ty, boxes)[side]


class LinkRouter:
    """Chooses each link's bend (``route``) and re-routes the links a node's change concerns.

    ``bent_by`` maps a node id to the links whose way it blocked (straight, or a curve tried
    on the way to the one kept): those links re-route when that node moves or goes."""

    def __init__(self, scene: CampaignScene, max_nodes: int) -> None:
        self.scene = scene
        self.max_nodes = max_nodes
        self.bent_by: dict[str, set[LinkItem]] = {}
        self._blockers: dict[LinkItem, frozenset[str]] = {}
        # node -> (its centre, its body and name boxes, the same grown by TOUCH, and the
        # bounds of those): worked out once per place (and name), not in every try of
        # every link routed past it (a drag step routes a dozen links, each tried up to
        # nine ways)
        self._places: dict[NodeItem, tuple[tuple[float, float], tuple[Box, Box],
                                           tuple[Box, Box], Box]] = {}

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
        first = self._hits(link, preferred)
        if not first or length < 1.0:
            self._record(link, frozenset())
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
                    self._record(link, frozenset(blockers))
                    return control
                blockers.update(item.node_id for item in hits)
                if (len(hits), bow) < best_score:
                    best, best_score = control, (len(hits), bow)
                if all(item in known for item in hits):
                    growth[side] *= GROWTH  # it underestimated: bend further
                else:
                    known.update((item, self._place(item)[1]) for item in hits)
        self._record(link, frozenset(blockers))
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

        Every node's bounds are checked against the way's (a routed campaign has at most
        ``max_nodes``: plain comparisons of cached numbers, several times quicker than
        asking the scene's index for a band along the way); only the nodes they meet are
        checked against the way, piece by piece."""
        source, target = link.source, link.target
        points = way_points(link_way(source, target, control), SAMPLES)
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
        hits = []
        line = None
        for item in self.scene.nodes.values():
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

    def _record(self, link: LinkItem, blockers: frozenset[str]) -> None:
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
    def node_moved(self, item: NodeItem) -> None:
        """A node moved (its own links have followed): re-routes the links it blocked where
        it was and the links it blocks where it is now."""
        if self.active:
            self._reroute(item)

    def node_placed(self, item: NodeItem) -> None:
        """A node was added, or its name changed width: the links it blocked re-route (it
        may no longer be in their way) and so do the links it now blocks."""
        self._places.pop(item, None)  # its name box, at least, is new
        if self.active:
            self._reroute(item)

    def node_removed(self, item: NodeItem) -> None:
        """A node was taken off the scene: the links bent round it may straighten."""
        links = self.bent_by.pop(item.node_id, set())
        self._places.pop(item, None)
        if self.active:
            for link in list(links):
                if link.scene() is self.scene:
                    link.adjust()

    def _reroute(self, item: NodeItem) -> None:
        """Adjusts the links ``bent_by`` the node (where it was, it blocked them: they may
        straighten or bend less) and the links near the node now (found through the index)
        whose drawn way meets its body or name. A link the node did not block before is not
        changed by where it was: its way was chosen without meeting it."""
        links = set(self.bent_by.get(item.node_id, ()))
        boxes = [QRectF(QPointF(left, top), QPointF(right, bottom)).adjusted(
            -TOUCH, -TOUCH, TOUCH, TOUCH) for left, top, right, bottom in node_boxes(item)]
        area = item_bounds(item.kind).translated(*item.centre)
        for other in self.scene.items(area, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(other, LinkItem) and other not in links:
                shape = other.shape()  # a band along its way, cached by the link
                if any(shape.intersects(box) for box in boxes):
                    links.add(other)
        for link in links:
            if link.source is not item and link.target is not item and \
                    link.scene() is self.scene:
                link.adjust()

    def forget(self, link: LinkItem) -> None:
        """A link was removed."""
        self._record(link, frozenset())

    def clear(self) -> None:
        self.bent_by.clear()
        self._blockers.clear()
        self._places.clear()
