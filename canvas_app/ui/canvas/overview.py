"""The overview drawn instead of thousands of items when a large campaign is zoomed far out.

At that zoom a node is a few pixels wide; painting it as one item per node costs a Python
call each. The overview paints every node as a coloured square and every link as a line in a
handful of native calls, from lists it rebuilds only after the campaign changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from .. import theme
from .node_item import GOAL_RADIUS, SEQ_HEIGHT, SEQ_WIDTH

if TYPE_CHECKING:
    from .scene import CampaignScene


class OverviewItem(QGraphicsItem):
    def __init__(self, scene: CampaignScene) -> None:
        super().__init__()
        self.canvas = scene
        self._rects: dict[str, list[QRectF]] = {}
        self._by_id: dict[str, QRectF] = {}  # each node's square, to mark the selected
        self._lines: list[QLineF] = []
        self._bounds = QRectF()
        self._dirty = True
        self._link_pen = QPen(QColor("#9aa5b1"), 0)
        # Rebuilding costs a pass over the campaign: coalesce the edits of one event loop.
        self._timer = QTimer(scene)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.ensure_current)

    def invalidate(self) -> None:
        """The campaign changed: rebuild soon if shown, else when next shown."""
        if not self._dirty:
            self._dirty = True
            if self.isVisible():
                self._timer.start()

    def ensure_current(self) -> None:
        if self._dirty:
            self.rebuild()

    def rebuild(self) -> None:
        campaign = self.canvas.current_campaign()
        self._rects, self._lines, self._by_id = {}, [], {}
        self._dirty = False
        if campaign is None:
            self._set_bounds(QRectF())
            return
        graph = campaign.graph
        positions: dict[str, tuple[float, float]] = {}
        min_x = min_y = float("inf")
        max_x = max_y = float("-inf")
        for node_id, data in graph.nodes(data=True):
            node = data["node"]
            x, y = node.x, node.y
            positions[node_id] = (x, y)
            if node.kind == "sequence":
                w, h = SEQ_WIDTH, SEQ_HEIGHT
            else:
                w = h = 2 * GOAL_RADIUS
            rect = QRectF(x - w / 2, y - h / 2, w, h)
            self._rects.setdefault(node.kind, []).append(rect)
            self._by_id[node_id] = rect
            min_x, min_y = min(min_x, x), min(min_y, y)
            max_x, max_y = max(max_x, x), max(max_y, y)
        self._lines = [QLineF(*positions[s], *positions[t]) for s, t in graph.edges]
        pad = SEQ_WIDTH
        self._set_bounds(QRectF(min_x - pad, min_y - pad, max_x - min_x + 2 * pad,
                                max_y - min_y + 2 * pad) if positions else QRectF())
        self.update()

    def _set_bounds(self, bounds: QRectF) -> None:
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(self._link_pen)
        painter.drawLines(self._lines)
        painter.setPen(Qt.PenStyle.NoPen)
        style = self.canvas.style_cache
        for kind, rects in self._rects.items():
            painter.setBrush(style.colour(kind))
            painter.drawRects(rects)
        selected = [self._by_id[n] for n in self.canvas.overview_selection if n in self._by_id]
        if selected:  # a ring of the selection's colour, a few pixels wide at any zoom
            pen = QPen(QColor(theme.SELECTION), 3)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            margin = 2 / max(painter.worldTransform().m11(), 1e-6)
            painter.drawRects([r.adjusted(-margin, -margin, margin, margin) for r in selected])
