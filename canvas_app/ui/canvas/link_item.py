"""A link drawn as an arrow from one node to another; it follows its nodes when they move.

A link meets each node at the edge of its body (the round icon or the sequence's box). A
node's name is drawn under its body and is wider than it, so a link that would run through
the name to reach the body (one coming from below, or leaving downwards) meets the body on
the side instead, along the ray that just clears the name's upper corner, and curves round
the name from there (``link_way``): it never ends at the name or crosses it.

Like the Edge of Qt's elasticnodes example: the nodes call ``adjust()`` when they move
(``NodeItem.move_to``); ``adjust()`` calls ``prepareGeometryChange()`` before the geometry changes,
and ``paint()`` only draws.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from .geometry import clip_range
from .node_item import GOAL_RADIUS, SEQ_HEIGHT, SEQ_WIDTH, badge_rect, name_rect

if TYPE_CHECKING:
    from .node_item import NodeItem
    from .scene import CampaignScene

ARROW_SIZE = 11.0
LONG_LINK = 1200.0
SHAFT_WIDTH = 2.0
LINK_TYPE = QGraphicsItem.UserType + 2
BACK_ARC_MIN_SPAN = 1.5 * 240.0  # one and a half auto-layout columns


_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
          | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
_UNCACHED = QGraphicsItem.CacheMode.NoCache
_NO_PEN = QPen(Qt.PenStyle.NoPen)


class LinkItem(QGraphicsRectItem):
    """Its bounds are the C++ rectangle (``setRect``): Qt asks for them often, and a Python
    ``boundingRect()`` would be a call into Python each time."""

    def __init__(self, scene: CampaignScene, source: NodeItem, target: NodeItem,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.canvas = scene
        self.source = source
        self.target = target
        self._line = QLineF()
        self.setPen(_NO_PEN)
        self._polygons: tuple[QPolygonF, QPolygonF, QPointF, QPointF] | None = None
        self._cached = False
        self._live = False  # following a node being dragged: painted directly, not cached
        self._control: QPointF | None = None  # a curve's control point (a link back or round)
        self._handles: tuple[QPointF, QPointF] | None = None  # the drawn curve's handles
        self._curve: tuple[QPainterPath, QPolygonF] | None = None
        self.setFlags(_FLAGS)
        self.setZValue(-1)
        source.links.append(self)
        target.links.append(self)
        self.adjust()

    def line(self) -> QLineF:
        """From the edge of the source to the edge of the target (scene coordinates)."""
        return QLineF(self._line)

    @property
    def key(self) -> tuple[str, str]:
        return self.source.node_id, self.target.node_id

    def detach(self) -> None:
        for node in (self.source, self.target):
            if self in node.links:
                node.links.remove(self)

    def adjust(self) -> None:
        """Follows the nodes: new end points; the arrow is rebuilt when next painted.

        A link that points back against the flow over other nodes (see
        ``_goes_back_over_others``) is drawn as an arc below the straight way, so it does not
        run over the nodes and links between. A short one beside a link the other way arcs
        above instead when below it would leave or reach a node round its name while above
        it need not (that end would run along the link the other way). A link whose way
        (straight, or that arc) runs through another node's body or name bends round it
        (``LinkRouter.route``)."""
        source, target = self.source, self.target
        (sx, sy), (tx, ty) = source.centre, target.centre
        control = None
        if self._goes_back_over_others(sx, tx):
            control = back_arc_control(sx, sy, tx, ty)
            if sx - tx <= BACK_ARC_MIN_SPAN and sides_round_names(source, target, control):
                above = QPointF(sx + tx - control.x(), sy + ty - control.y())
                if not sides_round_names(source, target, above):
                    control = above
        router = self.canvas.router
        if router.active:
            control = router.route(self, control)
        self._control = control
        way = clear_of_badges(link_way(source, target, control), source, target)
        if len(way) == 4:
            x1, y1, x2, y2 = way
            self._handles = None
            xs, ys = (x1, x2), (y1, y2)
        else:  # the curve lies within its end points and handles
            x1, y1, x2, y2 = way[0], way[1], way[6], way[7]
            self._handles = (QPointF(way[2], way[3]), QPointF(way[4], way[5]))
            xs, ys = way[0::2], way[1::2]
        self._line = QLineF(x1, y1, x2, y2)
        self._polygons = None
        self._curve = None
        self._shape: QPainterPath | None = None
        pad = ARROW_SIZE + 4
        bounds = QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad,
                        max(ys) - min(ys) + 2 * pad)
        if bounds == self.rect():
            self.update()  # same bounds, other drawing (a link flipped across them)
        else:
            self.setRect(bounds)  # prepares the geometry change and repaints
        self._update_cache_mode()

    def translate(self, dx: float, dy: float) -> None:
        """Both ends moved by (dx, dy) (a move of many nodes alike, no re-routing): the same
        way, shifted; nothing in it is worked out again (``adjust`` does per link what
        costs most in moving thousands)."""
        self._line.translate(dx, dy)
        if self._control is not None:
            self._control = QPointF(self._control.x() + dx, self._control.y() + dy)
        if self._handles is not None:
            shift = QPointF(dx, dy)
            self._handles = (self._handles[0] + shift, self._handles[1] + shift)
        self._polygons = None
        self._curve = None
        self._shape = None
        self.setRect(self.rect().translated(dx, dy))

    def _update_cache_mode(self) -> None:
        # Short links paint once into a pixmap; long ones are clipped to the view instead.
        # A link following a drag changes every step: a pixmap would be painted and then
        # copied each time, so it is painted straight onto the view until the drag ends.
        line = self._line
        cached = not self._live and (line.length() < LONG_LINK or self._handles is not None)
        if cached != self._cached:
            self._cached = cached
            self.setCacheMode(_CACHED if cached else _UNCACHED)

    def set_live(self, live: bool) -> None:
        """A node at one of its ends is being dragged (True), or was let go (False)."""
        if live != self._live:
            self._live = live
            self._update_cache_mode()

    def _goes_back_over_others(self, sx: float, tx: float) -> bool:
        """A link back (to a node further left) that would overlap other things if drawn
        straight: it reaches past the next column (auto-layout puts nodes one COLUMN
        apart, so it runs over the nodes between), or it pairs with a link the other way
        (drawn straight, the two would lie on one another)."""
        if tx >= sx - 1:
            return False
        if sx - tx > BACK_ARC_MIN_SPAN:
            return True
        return (self.target.node_id, self.source.node_id) in self.canvas.links

    def is_arc(self) -> bool:
        """Whether the link is drawn as a curve (a link back, round other nodes, or round
        the name of one of its own nodes)."""
        return self._handles is not None

    def control(self) -> QPointF | None:
        """The control point of the link's curve (scene coordinates), None when straight."""
        return None if self._control is None else QPointF(self._control)

    def path(self) -> QPainterPath:
        """The link's way from edge to edge: a straight line, or the curve of a link back or
        of one going round other nodes."""
        path = QPainterPath(self._line.p1())
        if self._handles is None:
            path.lineTo(self._line.p2())
        else:
            path.cubicTo(self._handles[0], self._handles[1], self._line.p2())
        return path

    def curve(self) -> tuple[QPainterPath, QPolygonF]:
        """For an arc: the shaft (to the arrowhead's back) and the head."""
        if self._curve is not None:
            return self._curve
        assert self._handles is not None
        end, (first, control) = self._line.p2(), self._handles
        dx, dy = end.x() - control.x(), end.y() - control.y()
        length = math.hypot(dx, dy) or 1.0
        cos, sin = dx / length, dy / length
        back = QPointF(end.x() - cos * ARROW_SIZE, end.y() - sin * ARROW_SIZE)
        side = ARROW_SIZE * 0.55
        head = QPolygonF([QPointF(back.x() + sin * side, back.y() - cos * side), end,
                          QPointF(back.x() - sin * side, back.y() + cos * side)])
        shaft = QPainterPath(self._line.p1())
        shaft.cubicTo(first, control, back)
        self._curve = (shaft, head)
        return self._curve

    def arrow(self) -> tuple[QPolygonF, QPolygonF, QPointF, QPointF]:
        """The filled outline (shaft and head), the head alone, the shaft's end, and the
        half-width offset across the shaft."""
        if self._polygons is not None:
            return self._polygons
        start, end = self._line.p1(), self._line.p2()
        if self._line.length() < 1.0:
            self._polygons = (QPolygonF(), QPolygonF(), end, QPointF())
            return self._polygons
        # Plain floats, then one QPointF per corner: each call into a QPointF costs more
        # than the arithmetic (this runs at every step of a drag, for each moving link).
        x1, y1, x2, y2 = start.x(), start.y(), end.x(), end.y()
        length = math.hypot(x2 - x1, y2 - y1)
        cos, sin = (x2 - x1) / length, (y2 - y1) / length
        bx, by = x2 - cos * ARROW_SIZE, y2 - sin * ARROW_SIZE
        side = ARROW_SIZE * 0.55
        half = SHAFT_WIDTH / 2
        hx, hy = sin * half, -cos * half  # half the shaft's width, across it
        sx, sy = sin * side, -cos * side  # half the head's width, across it
        left, right = QPointF(bx + sx, by + sy), QPointF(bx - sx, by - sy)
        # One filled outline, shaft and head: filling is much cheaper than stroking.
        outline = QPolygonF([QPointF(x1 + hx, y1 + hy), QPointF(bx + hx, by + hy), left, end,
                             right, QPointF(bx - hx, by - hy), QPointF(x1 - hx, y1 - hy)])
        head = QPolygonF([left, end, right])
        self._polygons = (outline, head, QPointF(bx, by), QPointF(hx, hy))
        return self._polygons

    # -- Qt overrides --------------------------------------------------------------------
    def type(self) -> int:
        return LINK_TYPE

    def shape(self) -> QPainterPath:
        """A band 12 wide along the way (made once per geometry: Qt asks on every hover
        and click test)."""
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(12)
            self._shape = stroker.createStroke(self.path())
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._handles is not None:
            self._paint_curve(painter, self.isSelected())
            return
        outline, head, shaft_end, offset = self.arrow()
        if outline.isEmpty():
            return
        style = self.canvas.style_cache
        selected = self.isSelected()
        painter.setPen(style.link_selected_pen if selected else Qt.PenStyle.NoPen)
        painter.setBrush(style.link_selected_brush if selected else style.link_brush)
        if self._line.length() < LONG_LINK:
            painter.drawPolygon(outline)
            return
        # A long link crossing the view: rasterising all of it costs far more than the
        # visible part, so draw only the part inside the exposed rectangle.
        exposed = option.exposedRect.adjusted(-ARROW_SIZE, -ARROW_SIZE, ARROW_SIZE, ARROW_SIZE)
        part = clip_segment(self._line.p1(), shaft_end, exposed)
        if part is not None:
            a, b = part
            painter.drawPolygon(QPolygonF([a + offset, b + offset, b - offset, a - offset]))
        if exposed.contains(self._line.p2()):
            painter.drawPolygon(head)


    def _paint_curve(self, painter: QPainter, selected: bool) -> None:
        style = self.canvas.style_cache
        shaft, head = self.curve()
        brush = style.link_selected_brush if selected else style.link_brush
        pen = QPen(brush.color(), SHAFT_WIDTH + (1 if selected else 0))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(shaft)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(brush)
        painter.drawPolygon(head)

def back_arc_control(sx: float, sy: float, tx: float, ty: float) -> QPointF:
    """The control point of the arc a link back (to a node further left) takes: below the
    straight way by a third of its length (60 to 200)."""
    dx, dy = tx - sx, ty - sy
    length = math.hypot(dx, dy) or 1.0
    bow = min(max(length / 3, 60.0), 200.0)
    # The normal (dy, -dx) of a leftward way points down the screen.
    return QPointF((sx + tx) / 2 + dy / length * bow, (sy + ty) / 2 - dx / length * bow)


def clip_segment(p1: QPointF, p2: QPointF, rect: QRectF) -> tuple[QPointF, QPointF] | None:
    """The part of the segment p1-p2 inside ``rect``, or None."""
    x1, y1, x2, y2 = p1.x(), p1.y(), p2.x(), p2.y()
    part = clip_range(x1, y1, x2, y2, rect.left(), rect.top(), rect.right(), rect.bottom())
    if part is None:
        return None
    t0, t1 = part
    dx, dy = x2 - x1, y2 - y1
    return QPointF(x1 + t0 * dx, y1 + t0 * dy), QPointF(x1 + t1 * dx, y1 + t1 * dy)


# -- where a link meets its nodes ----------------------------------------------------------
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
