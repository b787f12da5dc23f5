"""A link drawn as an arrow from one node to another; it follows its nodes when they move.

Like the Edge of Qt's elasticnodes example: the nodes call ``adjust()`` from their
``itemChange``; ``adjust()`` calls ``prepareGeometryChange()`` before the geometry changes,
and ``paint()`` only draws.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

if TYPE_CHECKING:
    from .node_item import NodeItem
    from .scene import CampaignScene

ARROW_SIZE = 11.0
LINK_TYPE = QGraphicsItem.UserType + 2


class LinkItem(QGraphicsItem):
    def __init__(self, scene: CampaignScene, source: NodeItem, target: NodeItem,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.canvas = scene
        self.source = source
        self.target = target
        self._line = QLineF()
        self._arrow = QPolygonF()
        self._shaft_end = QPointF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(-1)
        source.links.append(self)
        target.links.append(self)
        self.adjust()

    @property
    def key(self) -> tuple[str, str]:
        return self.source.node_id, self.target.node_id

    def detach(self) -> None:
        for node in (self.source, self.target):
            if self in node.links:
                node.links.remove(self)

    def adjust(self) -> None:
        start_c, end_c = self.source.pos(), self.target.pos()
        start = self.source.edge_point(end_c)
        end = self.target.edge_point(start_c)
        self.prepareGeometryChange()
        self._line = QLineF(start, end)
        length = self._line.length()
        if length < 1.0:
            self._arrow = QPolygonF()
            return
        angle = math.atan2(end.y() - start.y(), end.x() - start.x())
        back = QPointF(end.x() - math.cos(angle) * ARROW_SIZE,
                       end.y() - math.sin(angle) * ARROW_SIZE)
        side = ARROW_SIZE * 0.55
        left = QPointF(back.x() + math.sin(angle) * side, back.y() - math.cos(angle) * side)
        right = QPointF(back.x() - math.sin(angle) * side, back.y() + math.cos(angle) * side)
        self._arrow = QPolygonF([end, left, right])
        self._shaft_end = back

    # -- Qt overrides --------------------------------------------------------------------
    def type(self) -> int:
        return LINK_TYPE

    def boundingRect(self) -> QRectF:
        pad = ARROW_SIZE + 4
        return QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(
            -pad, -pad, pad, pad)

    def shape(self) -> QPainterPath:
        path = QPainterPath(self._line.p1())
        path.lineTo(self._line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._arrow.isEmpty():
            return
        style = self.canvas.style_cache
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(style.link_selected_pen if selected else style.link_pen)
        painter.drawLine(QLineF(self._line.p1(), self._shaft_end))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.link_selected_brush if selected else style.link_brush)
        painter.drawPolygon(self._arrow)
