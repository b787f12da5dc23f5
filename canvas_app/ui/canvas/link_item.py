"""A link drawn as an arrow from one node to another; it follows its nodes when they move.

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
from .node_item import edge_point

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
        run over the nodes and links between. A link whose way (straight, or that arc) runs
        through another node's body or name bends round it (``LinkRouter.route``)."""
        source, target = self.source, self.target
        (sx, sy), (tx, ty) = source.centre, target.centre
        control = back_arc_control(sx, sy, tx, ty) \
            if self._goes_back_over_others(sx, tx) else None
        router = self.canvas.router
        if router.active:
            control = router.route(self, control)
        self._control = control
        aim_s = (tx, ty) if self._control is None else (self._control.x(), self._control.y())
        aim_t = (sx, sy) if self._control is None else aim_s
        x1, y1 = edge_point(source.kind, sx, sy, *aim_s, source.name_block)
        x2, y2 = edge_point(target.kind, tx, ty, *aim_t, target.name_block)
        self._line = QLineF(x1, y1, x2, y2)
        self._polygons = None
        self._curve = None
        self._shape: QPainterPath | None = None
        pad = ARROW_SIZE + 4
        xs, ys = [x1, x2], [y1, y2]
        if self._control is not None:  # the arc lies within its end points and control
            xs.append(self._control.x())
            ys.append(self._control.y())
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
        self._polygons = None
        self._curve = None
        self._shape = None
        self.setRect(self.rect().translated(dx, dy))

    def _update_cache_mode(self) -> None:
        # Short links paint once into a pixmap; long ones are clipped to the view instead.
        # A link following a drag changes every step: a pixmap would be painted and then
        # copied each time, so it is painted straight onto the view until the drag ends.
        line = self._line
        cached = not self._live and (line.length() < LONG_LINK or self._control is not None)
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
        return self._control is not None

    def control(self) -> QPointF | None:
        """The control point of the link's curve (scene coordinates), None when straight."""
        return None if self._control is None else QPointF(self._control)

    def path(self) -> QPainterPath:
        """The link's way from edge to edge: a straight line, or the curve of a link back or
        of one going round other nodes."""
        path = QPainterPath(self._line.p1())
        if self._control is None:
            path.lineTo(self._line.p2())
        else:
            path.quadTo(self._control, self._line.p2())
        return path

    def curve(self) -> tuple[QPainterPath, QPolygonF]:
        """For an arc: the shaft (to the arrowhead's back) and the head."""
        if self._curve is not None:
            return self._curve
        assert self._control is not None
        end, control = self._line.p2(), self._control
        dx, dy = end.x() - control.x(), end.y() - control.y()
        length = math.hypot(dx, dy) or 1.0
        cos, sin = dx / length, dy / length
        back = QPointF(end.x() - cos * ARROW_SIZE, end.y() - sin * ARROW_SIZE)
        side = ARROW_SIZE * 0.55
        head = QPolygonF([QPointF(back.x() + sin * side, back.y() - cos * side), end,
                          QPointF(back.x() - sin * side, back.y() + cos * side)])
        shaft = QPainterPath(self._line.p1())
        shaft.quadTo(control, back)
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
        if self._control is not None:
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
