"""A link drawn as an arrow from one node to another; it follows its nodes when they move.

A link meets each node at the edge of its body, clear of the name drawn under it
(``link_way``, :mod:`.link_ends`); links that would meet a node at one point are spread apart
along its outline (:mod:`.link_spread`), so each arrowhead, and each start, has its own place.

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
from .link_ends import Way, clear_of_badges, link_way, sides_round_names
from .link_ends import way_points as way_points  # where routing and its tests look for it
from .link_spread import NO_SHIFT, ahead, shifted, spread

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
_TOUCHES = Qt.ItemSelectionMode.IntersectsItemShape


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
        self._natural: Way | None = None  # its way worked out alone (before spreading)
        self._shifts = [NO_SHIFT, NO_SHIFT]  # how far its start and its end were spread
        self._aheads: list[tuple[float, float] | None] = [None, None]  # see ``ahead``
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
        """Off its nodes; the links left on them spread again without it."""
        for node in (self.source, self.target):
            if self in node.links:
                node.links.remove(self)
                if self.canvas.router.active:
                    for link in spread(node):
                        link.reshape()

    def adjust(self) -> None:
        """Follows the nodes: new end points; the arrow is rebuilt when next painted.

        A link that points back against the flow over other nodes (see
        ``_goes_back_over_others``) is drawn as an arc below the straight way, so it does not
        run over the nodes and links between. A short one beside a link the other way arcs
        above instead when below it would leave or reach a node round its name while above
        it need not (that end would run along the link the other way). A link whose way
        (straight, or that arc) runs through another node's body or name bends round it
        (``LinkRouter.route``). Its ends and those of the other links on its nodes are then
        spread apart (``link_spread``; not in campaigns too large to route)."""
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
        self._natural = link_way(source, target, control)
        self._aheads = [None, None]
        if router.active:
            for node in (source, target):
                for link in spread(node):
                    if link is not self:
                        link.reshape()
        else:
            self._shifts = [NO_SHIFT, NO_SHIFT]
        self.reshape()

    def reshape(self) -> None:
        """Draws its way (as worked out alone) with its ends where they were spread to."""
        source, target = self.source, self.target
        assert self._natural is not None
        way = clear_of_badges(shifted(self._natural, *self._shifts), source, target)
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

    def natural_way(self) -> Way | None:
        """Its way as worked out alone, before its ends were spread (None until then)."""
        return self._natural

    def ahead(self, end: int) -> tuple[float, float]:
        """The point ``link_spread.AHEAD`` along its way as worked out alone from its start
        (``end`` 0) or its end (1): how it leaves the node there (worked out once)."""
        point = self._aheads[end]
        if point is None:
            assert self._natural is not None
            point = self._aheads[end] = ahead(self._natural, end == 0)
        return point

    def set_shift(self, end: int, shift: tuple[float, float]) -> bool:
        """How far its start (``end`` 0) or its end (1) is moved along the node's outline;
        whether that changed (then ``reshape`` draws it there)."""
        old = self._shifts[end]
        if abs(old[0] - shift[0]) < 1e-9 and abs(old[1] - shift[1]) < 1e-9:
            return False
        self._shifts[end] = shift
        return True

    def translate(self, dx: float, dy: float) -> None:
        """Both ends moved by (dx, dy) (a move of many nodes alike, no re-routing): the same
        way, shifted; nothing in it is worked out again (``adjust`` does per link what
        costs most in moving thousands)."""
        self._line.translate(dx, dy)
        if self._natural is not None:
            self._natural = tuple(v + (dy if k % 2 else dx) for k, v in enumerate(self._natural))
            self._aheads = [None, None]
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

    def collidesWithPath(self, path: QPainterPath,
                         mode: Qt.ItemSelectionMode = _TOUCHES) -> bool:
        """While a rubber band is drawn, a link is in it only when the band covers its whole
        way (arrowhead included): a band round some nodes selected, and Delete removed,
        every link it crossed, those between nodes left out too (QA 21g). The band is a
        rectangle, so covering the corners of the way's bounds is covering the way (a
        level link's bounds have no height, which ``contains(QRectF)`` refuses)."""
        if mode == _TOUCHES and self.canvas.band_drawn:
            way = self.path().boundingRect()
            return path.contains(way.topLeft()) and path.contains(way.bottomRight())
        return super().collidesWithPath(path, mode)

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
