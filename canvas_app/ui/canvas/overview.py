"""The overview drawn instead of thousands of items when a large campaign is zoomed far out.

At that zoom a node is a few pixels wide; painting it as one item per node costs a Python
call each. The overview paints every node as a coloured square and every link as a line in a
handful of native calls, from lists it rebuilds only after the campaign changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from .. import theme
from .node_item import GOAL_RADIUS, SEQ_HEIGHT, SEQ_WIDTH

if TYPE_CHECKING:
    from .node_item import NodeItem
    from .scene import CampaignScene


_HALF_SIZES = {"sequence": (SEQ_WIDTH / 2, SEQ_HEIGHT / 2)}  # other kinds: round goals
_GOAL_HALF = (GOAL_RADIUS, GOAL_RADIUS)
RING = 3.5  # the selection's ring round a node, in pixels at any zoom


class OverviewItem(QGraphicsItem):
    def __init__(self, scene: CampaignScene) -> None:
        super().__init__()
        self.canvas = scene
        self._rects: dict[str, list[QRectF]] = {}
        self._by_id: dict[str, QRectF] = {}  # each node's square, to mark the selected
        self._lines: list[QLineF] = []
        # Each node's links' lines, and which end of each is the node's (True: its first):
        # made when nodes first move after a rebuild, so that a move changes what moved.
        self._ends: dict[str, list[tuple[QLineF, bool]]] | None = None
        self._bounds = QRectF()
        # Where the campaign has moved, as a whole, since the lists were built: moving every
        # node at once (Select All and an arrow key) shifts the drawing, not 10,000 squares.
        self._offset = (0.0, 0.0)
        self._dirty = True
        self._link_pen = QPen(QColor(theme.LINK), 0)  # as the links at full zoom (3:1)
        self._ring_brush = QColor(theme.SELECTION)
        self._ring_rects: list[QRectF] = []
        self._ring_key: tuple[set[str], float, dict[str, QRectF]] | None = None
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

    def moved_by(self, dx: float, dy: float) -> None:
        """Every node of the campaign moved by (dx, dy), its links with them."""
        if self._dirty:
            return  # the next rebuild reads the places anyway
        ox, oy = self._offset
        self._offset = (ox + dx, oy + dy)
        self._set_bounds(self._bounds.translated(dx, dy))
        self.update()

    def nodes_moved(self, items: Iterable[NodeItem]) -> None:
        """These nodes moved (some of the campaign's, or not alike): their squares and
        their links' ends follow, in place, while the overview shows; else it is rebuilt
        when next shown. (A held arrow key with 1,000 of 10,000 nodes selected rebuilt the
        whole of it at each press.)"""
        if self._dirty or not self.isVisible():
            self.invalidate()
            return
        by_id = self._by_id
        ends = self._ends
        if ends is None:
            ends = self._ends = self._line_ends()
        ox, oy = self._offset
        inf = float("inf")
        left, top, right, bottom = inf, inf, -inf, -inf  # of the moved nodes' centres
        for item in items:
            rect = by_id.get(item.node_id)
            if rect is None:  # not in the lists: an edit they missed
                self.invalidate()
                return
            x, y = item.centre
            centre = QPointF(x - ox, y - oy)  # the lists' coordinates (see moved_by)
            rect.moveCenter(centre)
            for line, first in ends.get(item.node_id, ()):
                if first:
                    line.setP1(centre)
                else:
                    line.setP2(centre)
            left, right = min(left, x), max(right, x)
            top, bottom = min(top, y), max(bottom, y)
        if left <= right:
            pad = SEQ_WIDTH  # as rebuild's
            moved = QRectF(left - pad, top - pad, right - left + 2 * pad,
                           bottom - top + 2 * pad)
            if not self._bounds.contains(moved):
                self._set_bounds(self._bounds.united(moved))
        self._ring_key = None  # the selection's rings are round the squares' new places
        self.update()

    def _line_ends(self) -> dict[str, list[tuple[QLineF, bool]]]:
        campaign = self.canvas.current_campaign()
        ends: dict[str, list[tuple[QLineF, bool]]] = {}
        if campaign is None:
            return ends
        for (source, target), line in zip(campaign.graph.edges, self._lines, strict=False):
            ends.setdefault(source, []).append((line, True))
            ends.setdefault(target, []).append((line, False))
        return ends

    def ensure_current(self) -> None:
        if self._dirty:
            self.rebuild()

    def rebuild(self) -> None:
        campaign = self.canvas.current_campaign()
        self._rects, self._lines, self._by_id = {}, [], {}
        self._ends = None
        self._offset = (0.0, 0.0)
        self._dirty = False
        if campaign is None or len(campaign) == 0:
            self._set_bounds(QRectF())
            return
        graph = campaign.graph
        positions: dict[str, tuple[float, float]] = {}
        by_id = self._by_id
        rects = self._rects
        for node_id, node in graph.nodes(data="node"):
            x, y = node.x, node.y
            positions[node_id] = (x, y)
            hw, hh = _HALF_SIZES.get(node.kind, _GOAL_HALF)
            rect = by_id[node_id] = QRectF(x - hw, y - hh, 2 * hw, 2 * hh)
            kind_rects = rects.get(node.kind)
            if kind_rects is None:
                kind_rects = rects[node.kind] = []
            kind_rects.append(rect)
        self._lines = [QLineF(*positions[s], *positions[t]) for s, t in graph.edges]
        xs = [x for x, _ in positions.values()]
        ys = [y for _, y in positions.values()]
        min_x, min_y, max_x, max_y = min(xs), min(ys), max(xs), max(ys)
        pad = SEQ_WIDTH
        self._set_bounds(QRectF(min_x - pad, min_y - pad, max_x - min_x + 2 * pad,
                                max_y - min_y + 2 * pad))
        self.update()

    def _set_bounds(self, bounds: QRectF) -> None:
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds

    def _rings(self, margin: float) -> list[QRectF]:
        """The squares behind the selected nodes, ``margin`` larger than theirs; kept while
        the selection (the scene sets a new set each time), the zoom and the lists last."""
        selection, by_id = self.canvas.overview_selection, self._by_id
        key = self._ring_key
        if key is not None and key[0] is selection and key[1] == margin and key[2] is by_id:
            return self._ring_rects
        self._ring_rects = [by_id[n].adjusted(-margin, -margin, margin, margin)
                            for n in selection if n in by_id]
        self._ring_key = (selection, margin, by_id)
        return self._ring_rects

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if self._offset != (0.0, 0.0):
            painter.translate(*self._offset)
        painter.setPen(self._link_pen)
        painter.drawLines(self._lines)
        painter.setPen(Qt.PenStyle.NoPen)
        rings = self._rings(RING / max(painter.worldTransform().m11(), 1e-6))
        if rings:  # a ring of the selection's colour, a few pixels wide at any zoom: a
            # larger square under the node's own (filling is far cheaper than stroking)
            painter.setBrush(self._ring_brush)
            painter.drawRects(rings)
        style = self.canvas.style_cache
        for kind, rects in self._rects.items():
            painter.setBrush(style.colour(kind))
            painter.drawRects(rects)
