"""A link drawn as an arrow from one node to another; it follows its nodes when they move.

Like the Edge of Qt's elasticnodes example: the nodes call ``adjust()`` when they move
(``NodeItem.move_to``); ``adjust()`` calls ``prepareGeometryChange()`` before the geometry changes,
and ``paint()`` only draws.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from .node_item import edge_point

if TYPE_CHECKING:
    from .node_item import NodeItem
    from .scene import CampaignScene

ARROW_SIZE = 11.0
LONG_LINK = 1200.0
SHAFT_WIDTH = 2.0
LINK_TYPE = QGraphicsItem.UserType + 2


_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
          | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
_UNCACHED = QGraphicsItem.CacheMode.NoCache


class LinkItem(QGraphicsItem):
    def __init__(self, scene: CampaignScene, source: NodeItem, target: NodeItem,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.canvas = scene
        self.source = source
        self.target = target
        self._line = QLineF()
        self._bounds = QRectF()
        self._polygons: tuple[QPolygonF, QPolygonF, QPointF, QPointF] | None = None
        self._cached = False
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
        """Follows the nodes: new end points; the arrow is rebuilt when next painted."""
        source, target = self.source, self.target
        (sx, sy), (tx, ty) = source.centre, target.centre
        x1, y1 = edge_point(source.kind, sx, sy, tx, ty)
        x2, y2 = edge_point(target.kind, tx, ty, sx, sy)
        self.prepareGeometryChange()
        self._line = QLineF(x1, y1, x2, y2)
        self._polygons = None
        pad = ARROW_SIZE + 4
        self._bounds = QRectF(min(x1, x2) - pad, min(y1, y2) - pad, abs(x2 - x1) + 2 * pad,
                              abs(y2 - y1) + 2 * pad)
        # Short links paint once into a pixmap; long ones are clipped to the view instead.
        cached = math.hypot(x2 - x1, y2 - y1) < LONG_LINK
        if cached != self._cached:
            self._cached = cached
            self.setCacheMode(_CACHED if cached else _UNCACHED)

    def arrow(self) -> tuple[QPolygonF, QPolygonF, QPointF, QPointF]:
        """The filled outline (shaft and head), the head alone, the shaft's end, and the
        half-width offset across the shaft."""
        if self._polygons is not None:
            return self._polygons
        start, end = self._line.p1(), self._line.p2()
        if self._line.length() < 1.0:
            self._polygons = (QPolygonF(), QPolygonF(), end, QPointF())
            return self._polygons
        angle = math.atan2(end.y() - start.y(), end.x() - start.x())
        sin, cos = math.sin(angle), math.cos(angle)
        back = QPointF(end.x() - cos * ARROW_SIZE, end.y() - sin * ARROW_SIZE)
        side = ARROW_SIZE * 0.55
        half = SHAFT_WIDTH / 2

        def off(p: QPointF, d: float) -> QPointF:
            return QPointF(p.x() + sin * d, p.y() - cos * d)

        # One filled outline, shaft and head: filling is much cheaper than stroking.
        outline = QPolygonF([off(start, half), off(back, half), off(back, side), end,
                             off(back, -side), off(back, -half), off(start, -half)])
        head = QPolygonF([off(back, side), end, off(back, -side)])
        self._polygons = (outline, head, back, QPointF(sin * half, -cos * half))
        return self._polygons

    # -- Qt overrides --------------------------------------------------------------------
    def type(self) -> int:
        return LINK_TYPE

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath(self._line.p1())
        path.lineTo(self._line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        outline, head, shaft_end, offset = self.arrow()
        if outline.isEmpty():
            return
        style = self.canvas.style_cache
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
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


def clip_segment(p1: QPointF, p2: QPointF, rect: QRectF) -> tuple[QPointF, QPointF] | None:
    """The part of the segment p1-p2 inside ``rect`` (Liang-Barsky), or None."""
    dx, dy = p2.x() - p1.x(), p2.y() - p1.y()
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, p1.x() - rect.left()), (dx, rect.right() - p1.x()),
                 (-dy, p1.y() - rect.top()), (dy, rect.bottom() - p1.y())):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return (QPointF(p1.x() + t0 * dx, p1.y() + t0 * dy),
            QPointF(p1.x() + t1 * dx, p1.y() + t1 * dy))
