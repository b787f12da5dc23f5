"""Links meeting a node at one point spread apart along its outline.

Each link's way is first worked out alone (``link_way``): it meets a node where the way
towards the other node (or the curve's control point) leaves the body, or on the ray above
the name's corner when that way would cross the name. Several links can so meet a node at
one point (two curves whose control points lie in one direction from the node, links from
below going round the name on one side, ...) and share one arrowhead: nobody could tell
which ends where. So, per node, the ends that fall closer than SPACING along the outline
(arrowheads and starts alike) are moved apart along it (``spread``): SPACING between
neighbours, in the order their ways leave the node (seen ``AHEAD`` along each way, so that
they do not cross near it), centred where they met it, but never into the stretch of the
outline under the name, between the points where ways going round the name meet the body
(``under_name``), so that they stay clear of the name. A moved end takes its curve's handle
with it (the way keeps its direction there).

Each link keeps its own way as worked out alone (``LinkItem.natural_way``) and the shift of
each of its ends: a node's spread depends only on the ways of its links, so every link ends
where it would were everything worked out afresh, whatever the order of the edits.

Plain floats: a node's links are spread each time one of them is adjusted (at every step of
a drag); a node whose ends lie apart costs one sort of its ends.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .link_ends import NAME_MARGIN, Way, body_edge, name_top, way_points
from .node_item import GOAL_RADIUS, SEQ_HEIGHT, SEQ_WIDTH

if TYPE_CHECKING:
    from .link_item import LinkItem
    from .node_item import NodeItem

SPACING = 18.0  # along the outline between two ends: an arrowhead's width (12) and a gap
AHEAD = 40.0  # how far along the ways their order round the node is seen
NO_SHIFT = (0.0, 0.0)

_RING = GOAL_RADIUS + 2  # the outlines as links meet them (2 px out: ``body_edge``)
_HW, _HH = SEQ_WIDTH / 2 + 2, SEQ_HEIGHT / 2 + 2
_BOX_ROUND = 4 * (_HW + _HH)
_CIRCLE_ROUND = 2 * math.pi * _RING

End = tuple["LinkItem", int]  # a link and which end: 0 its start, 1 its end (the head)


# -- the outline, measured along it --------------------------------------------------------
def perimeter(kind: str) -> float:
    return _BOX_ROUND if kind == "sequence" else _CIRCLE_ROUND


def along(kind: str, dx: float, dy: float) -> float:
    """Where the ray from the centre along (dx, dy) meets the outline, as the distance along
    it, clockwise on the screen from the middle of the right side (0 to ``perimeter``)."""
    if kind != "sequence":
        return math.atan2(dy, dx) % (2 * math.pi) * _RING
    if abs(dx) * _HH >= abs(dy) * _HW:  # a side (left or right)
        y = dy * _HW / abs(dx) if dx else 0.0
        if dx > 0:
            return y % _BOX_ROUND
        return _HH + 2 * _HW + _HH - y
    x = dx * _HH / abs(dy)
    if dy > 0:  # the bottom, right to left
        return _HH + _HW - x
    return 3 * _HH + 2 * _HW + _HW + x  # the top, left to right


def at(kind: str, distance: float) -> tuple[float, float]:
    """The point of the outline (from the centre) ``distance`` along it (see ``along``)."""
    if kind != "sequence":
        angle = distance / _RING
        return _RING * math.cos(angle), _RING * math.sin(angle)
    d = distance % _BOX_ROUND
    if d <= _HH:
        return _HW, d
    d -= _HH
    if d <= 2 * _HW:
        return _HW - d, _HH
    d -= 2 * _HW
    if d <= 2 * _HH:
        return -_HW, _HH - d
    d -= 2 * _HH
    if d <= 2 * _HW:
        return -_HW + d, -_HH
    return _HW, -_HH + d - 2 * _HW


def under_name(node: NodeItem) -> tuple[float, float]:
    """The stretch of the outline (from, to: clockwise, see ``along``) where a way leaving
    the centre straight would run into the name: between the two points where ways going
    round the name meet the body (``link_end``). No end is spread into it."""
    kind = node.kind
    half, _height = node.name_block()
    cx, cy = half + 2 * NAME_MARGIN, name_top(kind) - NAME_MARGIN
    right = body_edge(kind, 0.0, 0.0, cx, cy)
    left = body_edge(kind, 0.0, 0.0, -cx, cy)
    return along(kind, *right), along(kind, *left)


def ahead(way: Way, at_start: bool) -> tuple[float, float]:
    """The point AHEAD along the way from one of its ends (its other end, if nearer)."""
    points = way_points(way, 8)
    if not at_start:
        points.reverse()
    (px, py), left = points[0], AHEAD
    for qx, qy in points[1:]:
        step = math.hypot(qx - px, qy - py)
        if step >= left:
            share = left / step
            return px + (qx - px) * share, py + (qy - py) * share
        left -= step
        px, py = qx, qy
    return px, py


# -- spreading -----------------------------------------------------------------------------
def spread(node: NodeItem) -> list[LinkItem]:
    """Spreads the ends of the node's links (those worked out) along its outline, and sets
    each one's shift (``LinkItem.set_shift``): the links whose shift here changed."""
    x, y = node.centre
    ends: list[End] = []
    points: list[tuple[float, float]] = []
    for link in node.links:
        way = link.natural_way()
        if way is None:
            continue
        if link.source is node:
            ends.append((link, 0))
            points.append((way[0] - x, way[1] - y))
        if link.target is node:
            ends.append((link, 1))
            points.append((way[-2] - x, way[-1] - y))
    shifts = spread_ends(node, ends, points) if len(ends) > 1 else [NO_SHIFT] * len(ends)
    return [link for (link, end), shift in zip(ends, shifts, strict=True)
            if link.set_shift(end, shift)]


def spread_ends(node: NodeItem, ends: list[End], points: list[tuple[float, float]]
                ) -> list[tuple[float, float]]:
    """The shift (dx, dy) of each end (at ``points``, from the node's centre).

    The ends are placed on the outline outside the stretch under the name, measured from
    its left end clockwise (over the top) to its right end (``free``: 0 to ``room``); one
    that met the node in that stretch counts at its nearer end."""
    kind = node.kind
    lap = perimeter(kind)
    name_from, name_to = under_name(node)
    free = name_to % lap  # where the free stretch starts
    room = (name_from - name_to) % lap
    spots = {}
    for i, (dx, dy) in enumerate(points):
        spot = (along(kind, dx, dy) - free) % lap
        if spot > room:  # under the name: at its nearer end
            spot = room if spot - room < lap - spot else 0.0
        spots[i] = spot
    order = sorted(spots, key=lambda i: (spots[i], ends[i][0].key, ends[i][1]))
    gap = min(SPACING, room / (len(order) - 1))
    if all(spots[j] - spots[i] >= gap - 1e-6 for i, j in zip(order, order[1:], strict=False)):
        return [NO_SHIFT] * len(ends)
    natural = dict(spots)
    leaving: dict[int, float] = {}  # per end, worked out when first in a group
    groups = [[i] for i in order]
    merged = True
    while merged:  # the first two neighbours too close become one group, placed anew
        merged = False
        for k in range(len(groups) - 1):
            if spots[groups[k + 1][0]] - spots[groups[k][-1]] < gap - 1e-6:
                group = groups[k] = groups[k] + groups.pop(k + 1)
                _place_group(node, group, ends, natural, leaving, gap, (free, room), spots)
                merged = True
                break
    shifts = [NO_SHIFT] * len(ends)
    for group in groups:
        if len(group) > 1:
            for i in group:
                px, py = at(kind, free + spots[i])
                shifts[i] = (px - points[i][0], py - points[i][1])
    return shifts


def _place_group(node: NodeItem, group: list[int], ends: list[End],
                 natural: dict[int, float], leaving: dict[int, float], gap: float,
                 free: tuple[float, float], spots: dict[int, float]) -> None:
    """Places the group's ends ``gap`` apart round the middle of where they met the node
    (``natural``), in the order their ways leave it (the direction, from the centre, of
    the point AHEAD along each: ``leaving``, filled in as needed), within the free stretch
    (``free``: its start and length) (sets ``spots``, and orders ``group``)."""
    kind = node.kind
    x, y = node.centre
    start, room = free
    middle = sum(natural[i] for i in group) / len(group)
    mx, my = at(kind, start + middle)
    facing = math.atan2(my, mx)
    for i in group:
        if i not in leaving:
            link, end = ends[i]
            ax, ay = link.ahead(end)
            leaving[i] = math.atan2(ay - y, ax - x)

    def order(i: int) -> tuple[float, float, tuple[str, str], int]:
        turn = (leaving[i] - facing + math.pi) % (2 * math.pi) - math.pi
        return turn, natural[i], ends[i][0].key, ends[i][1]

    group.sort(key=order)
    first = middle - (len(group) - 1) / 2 * gap
    first = min(max(first, 0.0), room - (len(group) - 1) * gap)
    for k, i in enumerate(group):
        spots[i] = first + k * gap


def shifted(way: Way, start: tuple[float, float], end: tuple[float, float]) -> Way:
    """The way with its start and end moved by these shifts (a curve's handles with them)."""
    if start == NO_SHIFT and end == NO_SHIFT:
        return way
    (ax, ay), (bx, by) = start, end
    if len(way) == 4:
        x1, y1, x2, y2 = way
        return x1 + ax, y1 + ay, x2 + bx, y2 + by
    x1, y1, c1x, c1y, c2x, c2y, x2, y2 = way
    return x1 + ax, y1 + ay, c1x + ax, c1y + ay, c2x + bx, c2y + by, x2 + bx, y2 + by
