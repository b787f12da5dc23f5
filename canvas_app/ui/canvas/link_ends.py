"""Where a link meets its nodes, and its way from edge to edge (``link_way``).

A link meets each node at the edge of its body (the round icon or the sequence's box). A
node's name is drawn under its body and is wider than it, so a link that would run through
the name to reach the body (one coming from below, or leaving downwards) meets the body on
the side instead, along the ray that just clears the name's upper corner, and curves round
the name from there: it never ends at the name or crosses it. (Several links meeting a node
at one point are then spread apart along its outline: :mod:`.link_spread`.)

Plain floats throughout: this runs twice per link at every step of a drag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

from .geometry import clip_range
from .node_item import GOAL_RADIUS, SEQ_HEIGHT, SEQ_WIDTH, badge_rect, name_rect

if TYPE_CHECKING:
    from .node_item import NodeItem

NAME_MARGIN = 4.0  # how far a link keeps from the name of a node it meets
PASS_BY = 22.0  # how far past the name's side a link leaving sideways reaches before it turns

Way = tuple[float, ...]  # x1, y1, x2, y2 (straight) or x1, y1, c1x, c1y, c2x, c2y, x2, y2

_NAME_TOPS: dict[str, float] = {}  # per kind: how far below the centre a name starts


def body_edge(kind: str, x: float, y: float, dx: float, dy: float) -> tuple[float, float]:
    """Where the ray from the centre (x, y) along (dx, dy) leaves the node's body (2 px out,
    so the arrowhead's tip touches the outline)."""
    if kind != "sequence":
        length = (dx * dx + dy * dy) ** 0.5 or 1.0
        r = GOAL_RADIUS + 2
        return x + dx / length * r, y + dy / length * r
    hw, hh = SEQ_WIDTH / 2 + 2, SEQ_HEIGHT / 2 + 2
    scale = min(hw / abs(dx) if dx else float("inf"), hh / abs(dy) if dy else float("inf"))
    if scale == float("inf"):  # both centres at one point
        return x + hw, y
    return x + dx * scale, y + dy * scale


def name_top(kind: str) -> float:
    top = _NAME_TOPS.get(kind)
    if top is None:
        top = _NAME_TOPS[kind] = name_rect(kind).top()
    return top


for _kind in ("purchase_goal", "tag_goal", "sequence"):
    name_top(_kind)


def link_end(node: NodeItem, aim_x: float, aim_y: float, default_side: float
             ) -> tuple[float, float, float, float, float]:
    """Where a link aiming from the node towards (aim_x, aim_y) meets its body: (x, y,
    reach, ux, uy). ``reach`` is 0 when the straight way misses the name (then (ux, uy) is
    not worked out: 0, 0); else the link leaves along the unit direction (ux, uy) and must
    run ``reach`` along it before it may turn (past the name's side). A way through the name
    leaves on the side the aim lies (``default_side``, +1 right or -1 left, when straight
    below), along the ray just above the name's upper corner."""
    x, y = node.centre
    dx, dy = aim_x - x, aim_y - y
    kind = node.kind
    if dy > 0 and dy > name_top(kind) - NAME_MARGIN:  # only a way going down meets the name
        top = name_top(kind)
        half, height = node.name_block()
        m = NAME_MARGIN
        if clip_range(x, y, aim_x, aim_y, x - half - m, y + top - m, x + half + m,
                      y + top + height + m) is not None:
            side = 1.0 if dx > 0 else -1.0 if dx < 0 else default_side
            cx, cy = side * (half + 2 * m), top - m  # just above the name's corner
            length = (cx * cx + cy * cy) ** 0.5
            ux, uy = cx / length, cy / length
            ex, ey = body_edge(kind, x, y, ux, uy)
            reach = (half + m + PASS_BY - abs(ex - x)) / abs(ux)
            return ex, ey, max(reach, 1.0), ux, uy
    if kind != "sequence":  # body_edge, inlined: this runs twice per link at every move
        scale = _RING / ((dx * dx + dy * dy) ** 0.5 or 1.0)
        return x + dx * scale, y + dy * scale, 0.0, 0.0, 0.0
    ex, ey = body_edge(kind, x, y, dx, dy)
    return ex, ey, 0.0, 0.0, 0.0


# Per kind: the centre of a node's warning badge from the node's centre, and the radius a
# link keeps round it.
_BADGE_RINGS = {kind: (badge_rect(kind).center(), badge_rect(kind).width() / 2 + 2)
                for kind in ("purchase_goal", "tag_goal", "sequence")}


def clear_of_badges(way: Way, source: NodeItem, target: NodeItem) -> Way:
    """The way with an end that meets its node under the node's warning badge moved out to
    the badge's edge (routing looks at the ways without: a badge comes and goes with the
    lint, and no other link's way depends on it)."""
    for node, ix, iy in ((source, 0, 1), (target, len(way) - 2, len(way) - 1)):
        x, y = node.centre
        ex, ey = way[ix], way[iy]
        dx, dy = ex - x, ey - y
        if dx > 0 and dy < 0 and node.canvas.has_badge(node.node_id):
            near = past_badge(node.kind, x, y, dx, dy, ex, ey)
            if near != (ex, ey):
                moved = list(way)
                moved[ix], moved[iy] = near
                way = tuple(moved)
    return way


def past_badge(kind: str, x: float, y: float, dx: float, dy: float, ex: float, ey: float
               ) -> tuple[float, float]:
    """The end (ex, ey) of a link leaving the node's centre (x, y) along (dx, dy), moved
    out along it to the edge of the node's warning badge when the way runs under it (QA:
    the arrowhead of a link from the upper right hid under the badge)."""
    centre, radius = _BADGE_RINGS[kind]
    length = (dx * dx + dy * dy) ** 0.5
    ux, uy = dx / length, dy / length
    cx, cy = centre.x(), centre.y()
    along = ux * cx + uy * cy  # the ray's closest approach to the badge's centre
    room = along * along - (cx * cx + cy * cy) + radius * radius
    if room <= 0:
        return ex, ey  # the way passes beside the badge
    far = along + room ** 0.5
    if far * far <= (ex - x) ** 2 + (ey - y) ** 2:
        return ex, ey
    return x + ux * far, y + uy * far


_RING = GOAL_RADIUS + 2


def link_way(source: NodeItem, target: NodeItem, control: QPointF | None) -> Way:
    """The link's way from edge to edge: straight (4 numbers) or a cubic curve (8: start,
    two handles, end). ``control`` is the router's (or a back arc's) quadratic control point:
    with both ends clear of their names the curve is exactly that quadratic; an end whose
    way runs through its node's name meets the body from the side (``link_end``) and its
    handle reaches past the name before the curve turns."""
    if control is None:
        (at_x, at_y), (as_x, as_y) = source.centre, target.centre
    else:
        as_x = at_x = control.x()
        as_y = at_y = control.y()
    x1, y1, reach1, u1x, u1y = link_end(source, as_x, as_y, 1.0)
    x2, y2, reach2, u2x, u2y = link_end(target, at_x, at_y, -1.0)
    if not reach1 and not reach2:
        if control is None:
            return x1, y1, x2, y2
        return (x1, y1, x1 + (as_x - x1) * 2 / 3, y1 + (as_y - y1) * 2 / 3,
                x2 + (at_x - x2) * 2 / 3, y2 + (at_y - y2) * 2 / 3, x2, y2)
    if control is not None:  # a clear end leaves towards the control point
        if not reach1:
            u1x, u1y = unit(as_x - x1, as_y - y1)
        if not reach2:
            u2x, u2y = unit(at_x - x2, at_y - y2)
    span = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    # A handle's length: a third of the way between the ends (two thirds of the way to a
    # control point), and for an end leaving sideways at least far enough to pass the name.
    if control is None:
        len1 = len2 = span / 3
    else:
        len1 = ((as_x - x1) ** 2 + (as_y - y1) ** 2) ** 0.5 * 2 / 3
        len2 = ((at_x - x2) ** 2 + (at_y - y2) ** 2) ** 0.5 * 2 / 3
    len1, len2 = max(len1, reach1), max(len2, reach2)
    names = [name_box(item) for item, reach in ((source, reach1), (target, reach2)) if reach]
    way: Way = ()
    for grow in GROWTHS:  # the sideways handles reach further until the curve clears
        l1, l2 = len1 * grow if reach1 else len1, len2 * grow if reach2 else len2
        v1x, v1y, v2x, v2y = u1x, u1y, u2x, u2y
        if control is None:  # a clear end aims at the other end's handle
            if not reach1:
                v1x, v1y = unit(x2 + u2x * l2 - x1, y2 + u2y * l2 - y1)
            if not reach2:
                v2x, v2y = unit(x1 + u1x * l1 - x2, y1 + u1y * l1 - y2)
        way = (x1, y1, x1 + v1x * l1, y1 + v1y * l1, x2 + v2x * l2, y2 + v2y * l2, x2, y2)
        points = way_points(way, 12)
        if not any(points_in_box(points, box) for box in names):
            break
    return way


GROWTHS = (1.0, 1.2, 1.45, 1.8, 2.3, 3.0)


def unit(dx: float, dy: float) -> tuple[float, float]:
    norm = (dx * dx + dy * dy) ** 0.5 or 1.0
    return dx / norm, dy / norm


def name_box(node: NodeItem) -> tuple[float, float, float, float]:
    """The node's name as drawn, with a little room round it (left, top, right, bottom)."""
    x, y = node.centre
    half, height = node.name_block()
    top = y + name_top(node.kind) - 2
    return x - half - 2, top, x + half + 2, top + height + 4


def points_in_box(points: list[tuple[float, float]], box: tuple[float, float, float, float]
                  ) -> bool:
    """Whether the line through the points meets the box."""
    left, top, right, bottom = box
    return any(clip_range(ax, ay, bx, by, left, top, right, bottom) is not None
               for (ax, ay), (bx, by) in zip(points, points[1:], strict=False))


def sides_round_names(source: NodeItem, target: NodeItem, control: QPointF) -> bool:
    """Whether a curve pulled towards ``control`` leaves or reaches a node from the side,
    round its name (``link_end``)."""
    x, y = control.x(), control.y()
    return bool(link_end(source, x, y, 1.0)[2] or link_end(target, x, y, -1.0)[2])


def way_points(way: Way, samples: int = 16) -> list[tuple[float, float]]:
    """Points along the way (its two ends when straight)."""
    if len(way) == 4:
        return [(way[0], way[1]), (way[2], way[3])]
    x0, y0, x1, y1, x2, y2, x3, y3 = way
    out = []
    for i in range(samples + 1):
        u = i / samples
        v = 1 - u
        a, b, c, d = v * v * v, 3 * u * v * v, 3 * u * u * v, u * u * u
        out.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return out
