"""The geometry of a link routed round nodes (:mod:`.link_routing`): the boxes a node
takes (its body and its name), whether a way made of straight pieces meets them, and how
far a curve must bend to pass them by CLEARANCE."""

from __future__ import annotations

import math
from collections.abc import Iterable

from .geometry import clip_range
from .node_item import NodeItem, body_rect, name_rect

Box = tuple[float, float, float, float]  # left, top, right, bottom (scene coordinates)

CLEARANCE = 14.0  # how far a bent link is meant to pass from the nodes it goes round


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
Tried = tuple[float, float, float, float, list[tuple[float, float]]]  # bounds, then points


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
