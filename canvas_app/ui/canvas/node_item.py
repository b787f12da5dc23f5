"""A node on the canvas: goals as round icons, sequences as rounded rectangles.

The item holds only the node's id and kind; everything it shows (name, step count,
warnings) is read from the domain (through its scene) when it paints. Its position is set by
the scene from the domain's NODE_MOVED events, through ``move_to``, which also tells its
links. (Qt's elasticnodes example does this from ``itemChange``; that costs a call into
Python for every change of every item, thousands when a large campaign opens or hides.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from .. import theme

if TYPE_CHECKING:
    from ..theme import IconCache
    from .link_item import LinkItem
    from .scene import CampaignScene

GOAL_RADIUS = 30.0
SEQ_WIDTH, SEQ_HEIGHT = 132.0, 60.0
NAME_WIDTH = 170.0
NAME_GAP = 6.0
NAME_HEIGHT = 34.0
NAME_SLACK = 3.0  # px round a name's drawn lines that still count as a click on the name
HANDLE_RADIUS = 7.0
HALO = 8.0  # how far a selected node's glow reaches past its body (within its bounds)
DETAIL_LOD = 0.45  # below this zoom names and badges drop out (unreadable), and counts
# (the usual font; larger names stay further out: style.detail_lod)
ICON_LOD = 0.3  # shrink to one pill below the body; below this, icons and counts drop out too
NODE_TYPE = QGraphicsItem.UserType + 1


def body_rect(kind: str) -> QRectF:
    if kind == "sequence":
        return QRectF(-SEQ_WIDTH / 2, -SEQ_HEIGHT / 2, SEQ_WIDTH, SEQ_HEIGHT)
    return QRectF(-GOAL_RADIUS, -GOAL_RADIUS, 2 * GOAL_RADIUS, 2 * GOAL_RADIUS)


def name_rect(kind: str) -> QRectF:
    body = body_rect(kind)
    return QRectF(-NAME_WIDTH / 2, body.bottom() + NAME_GAP, NAME_WIDTH, NAME_HEIGHT)


def handle_centre(kind: str) -> QPointF:
    return QPointF(body_rect(kind).right(), 0.0)


def _badge_rect(kind: str) -> QRectF:
    body = body_rect(kind)
    if kind == "sequence":
        return QRectF(body.right() - 14, body.top() - 10, 22, 22)
    return QRectF(body.right() - 16, body.top() - 6, 22, 22)


_BADGES = {kind: _badge_rect(kind) for kind in ("purchase_goal", "tag_goal", "sequence")}


def badge_rect(kind: str) -> QRectF:
    """Where a node's warning or error badge is drawn (its body's top right corner, a
    little above it), around its centre. The simulation's count pills sit above it
    (overlay.PILLS_BOTTOM): neither covers the other."""
    return QRectF(_BADGES.get(kind) or _badge_rect(kind))


def badges_top() -> float:
    """How far above its centre the highest badge of any node kind reaches."""
    return min(rect.top() for rect in _BADGES.values())


def _bounds(kind: str) -> QRectF:
    pad = HANDLE_RADIUS + 3
    return body_rect(kind).adjusted(-pad, -pad, pad, pad).united(name_rect(kind))


_BOUNDS = {kind: _bounds(kind) for kind in ("purchase_goal", "tag_goal", "sequence")}


def item_bounds(kind: str) -> QRectF:
    """The bounding rectangle of a node item of this kind, around its centre."""
    return _BOUNDS.get(kind) or _bounds(kind)


def name_line_rects(kind: str, widths: tuple[float, ...], spacing: float,
                    slack: float = 0.0) -> list[QRectF]:
    """The boxes of a name's lines as drawn under the body (each centred, ``widths``
    across, ``spacing`` apart), grown by ``slack`` on every side."""
    top = name_rect(kind).top()
    return [QRectF(-width / 2 - slack, top + i * spacing - slack, width + 2 * slack,
                   spacing + 2 * slack) for i, width in enumerate(widths)]


def _shape(kind: str, badge: bool, name_lines: tuple[float, ...],
           spacing: float) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)  # overlapping parts add up, never cancel
    if kind == "sequence":
        path.addRoundedRect(body_rect(kind), 12, 12)
    else:
        path.addEllipse(body_rect(kind))
    path.addEllipse(handle_centre(kind), HANDLE_RADIUS + 2, HANDLE_RADIUS + 2)
    for rect in name_line_rects(kind, name_lines, spacing, NAME_SLACK):
        path.addRect(rect)
    if badge:
        path.addEllipse(badge_rect(kind))
    return path


_SHAPES: dict[tuple[str, bool, tuple[float, ...], float], QPainterPath] = {}


def item_shape(kind: str, badge: bool = False, name_lines: tuple[float, ...] = (),
               spacing: float = 0.0) -> QPainterPath:
    """The clickable outline of a node item of this kind: its body, its handle, its name's
    lines as drawn (``name_lines``: their widths, ``spacing`` apart, a few px of slack round
    them; none where names are not drawn), and with ``badge`` its warning badge, all of it,
    where it stands out above the body. Made once per kind and name size: Qt asks for it on
    every hover and click test. (It counted a fixed 170 x 34 box under the body as the name,
    however short: a press on blank canvas beside "Nurture" grabbed the node, QA.)"""
    key = (kind, badge, name_lines, spacing)
    shape = _SHAPES.get(key)
    if shape is None:
        if len(_SHAPES) > 20000:
            _SHAPES.clear()
        shape = _SHAPES[key] = _shape(kind, badge, name_lines, spacing)
    return shape


_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_NO_PEN = QPen(Qt.PenStyle.NoPen)
REFUSED_PEN = QPen(QColor(theme.ERROR_FILL), 3, Qt.PenStyle.DotLine)



def sequence_icon_rect(body: QRectF) -> QRectF:
    """Where a sequence's icon sits in its body: a square at its left."""
    return QRectF(body.left() + 8, body.top() + 8, body.height() - 16, body.height() - 16)


def icon_rect(kind: str) -> QRectF:
    """A node's icon relative to its centre: a goal's is its round body; a sequence's,
    the square at the left of its box (the palette's picture of the kind)."""
    body = body_rect(kind)
    return sequence_icon_rect(body) if kind == "sequence" else body


def icon_centre(kind: str) -> QPointF:
    return icon_rect(kind).center()


def draw_icon(painter: QPainter, rect: QRectF, icons: IconCache, name: str,
              size: int) -> None:
    """An icon in ``rect``: its picture rendered once at ``size`` px (quick to draw on
    screen), or, painting into an SVG picture (File > Export Image), its own vector
    shapes, which stay sharp at any scale (they were 128 px pictures inside the SVG)."""
    engine = painter.paintEngine()
    if engine is not None and engine.type() == QPaintEngine.Type.SVG:
        icons.renderer(name).render(painter, rect)
    else:
        painter.drawImage(rect, icons.image(name, size))

RUNS_TO_END = "runs to end"  # a sequence set to run until completed (R5), on its node
TO_END_MARK = "\u21bb"  # ↻ after the step count, where a third line has no room


def sequence_lines(steps: int, to_end: bool, metrics: QFontMetricsF,
                   room: QRectF) -> list[str]:
    """The text beside a sequence's icon: "Sequence", its step count, and "runs to end"
    when it runs until completed (only its tooltip said so, QA), or a ↻ after the count
    where a third line does not fit (a large font)."""
    count = f"{steps} step{'s' if steps != 1 else ''}"
    if not to_end:
        return ["Sequence", count]
    if 3 * metrics.lineSpacing() <= room.height() \
            and metrics.horizontalAdvance(RUNS_TO_END) <= room.width():
        return ["Sequence", count, RUNS_TO_END]
    return ["Sequence", f"{count} {TO_END_MARK}"]


class NodeItem(QGraphicsRectItem):
    """One goal or sequence. ``node_id`` keys it to the domain."""

    def __init__(self, scene: CampaignScene, node_id: str, kind: str,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.canvas = scene
        self.node_id = node_id
        self.kind = kind
        self.links: list[LinkItem] = []
        self._bounds = item_bounds(kind)
        # The bounds are a C++ rectangle: Qt asks for them dozens of times a frame, and a
        # Python boundingRect() would be a call into Python each time.
        self.setPen(_NO_PEN)
        self.setRect(self._bounds)
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)
        # Painted once into a pixmap per zoom level; moving or repainting reuses it.
        self.setCacheMode(_CACHE)
        self._hover = False
        self.centre = (0.0, 0.0)  # scene coordinates, kept by move_to
        self.name_hidden = False  # while the inline editor covers the name (view_rename)

    # -- Qt overrides --------------------------------------------------------------------
    def type(self) -> int:
        return NODE_TYPE

    def shape(self) -> QPainterPath:
        # A node with a warning: its badge's tooltip shows wherever the badge is pointed at.
        badge = bool(self.canvas.findings_for(self.node_id))
        lines = self.name_lines()
        if lines is None:
            return item_shape(self.kind, badge)
        return item_shape(self.kind, badge, *lines)

    def move_to(self, x: float, y: float, follow: bool = True) -> None:
        """Moves the item (scene coordinates of its centre); its links follow, unless
        ``follow`` is False (several nodes moving: the scene adjusts each link once)."""
        self.setPos(x, y)
        self.centre = (x, y)
        if follow:
            for link in self.links:
                link.adjust()

    def hoverEnterEvent(self, event: Any) -> None:
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: Any) -> None:
        self._hover = False
        self.update()
        super().hoverLeaveEvent(event)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = painter.worldTransform().m11()
        style = self.canvas.style_cache
        selected = self.isSelected()
        body = body_rect(self.kind)
        colour = style.colour(self.kind)
        if lod < style.detail_lod:
            if lod >= ICON_LOD:  # still told apart by their icons (QA: only blobs at 43 %)
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                if self.kind == "sequence":
                    self._paint_sequence(painter, body, colour, None, lod)
                else:
                    self._paint_goal(painter, body, lod)
                if selected:
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.setPen(style.selection_pen)
                    outline = body.adjusted(-4, -4, 4, 4)
                    if self.kind == "sequence":
                        painter.drawRoundedRect(outline, 15, 15)
                    else:
                        painter.drawEllipse(outline)
            else:
                painter.setPen(style.lod_edge_pen if selected else Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                if self.kind == "sequence":
                    painter.drawRoundedRect(body, 12, 12)
                else:
                    painter.drawEllipse(body)
                if selected:  # a white edge, then the blue ring round it: a blue ring
                    # on the blue sequence's own edge was hardly seen (QA 23c)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.setPen(style.selection_pen)
                    outline = body.adjusted(-HALO + 1, -HALO + 1, HALO - 1, HALO - 1)
                    if self.kind == "sequence":
                        painter.drawRoundedRect(outline, 12 + HALO, 12 + HALO)
                    else:
                        painter.drawEllipse(outline)
            if self.canvas.findings_for(self.node_id):  # zoomed out: the badge's shape
                style.draw_badge_mark(painter, self.badge_rect().adjusted(-4, -4, 4, 4),
                                      self.canvas.has_error(self.node_id))
            return
        node = self.canvas.domain_node(self.node_id)
        if node is None:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # scaled icons
        findings = self.canvas.findings_for(self.node_id)
        if selected:  # a soft blue glow round the body, under it
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.selection_halo)
            glow = body.adjusted(-HALO, -HALO, HALO, HALO)
            if self.kind == "sequence":
                painter.drawRoundedRect(glow, 12 + HALO, 12 + HALO)
            else:
                painter.drawEllipse(glow)
        if self.kind == "sequence":
            self._paint_sequence(painter, body, colour, len(node.config.steps), lod,
                                 node.config.runs_until_completed)
        else:
            self._paint_goal(painter, body, lod)
        target = self.canvas.link_target is self
        if selected or target:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            # a target that would refuse the link (already linked, say): a red dotted ring,
            # not the blue dashes of one that takes it
            painter.setPen((REFUSED_PEN if self.canvas.link_refusal else style.target_pen)
                           if target else style.selection_pen)
            outline = body.adjusted(-4, -4, 4, 4)
            if self.kind == "sequence":
                painter.drawRoundedRect(outline, 15, 15)
            else:
                painter.drawEllipse(outline)
        if self._hover or selected:
            painter.setPen(style.handle_pen)
            painter.setBrush(style.handle_brush)
            painter.drawEllipse(handle_centre(self.kind), HANDLE_RADIUS, HANDLE_RADIUS)
        if not self.name_hidden:
            painter.setPen(style.text_pen)
            painter.setFont(style.name_font)
            rect = name_rect(self.kind)
            text = style.elide_name(node.name, rect.width(), 2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, text)
        if findings:
            badge = "error.svg" if self.canvas.has_error(self.node_id) else "warning.svg"
            draw_icon(painter, self.badge_rect(), style.icons, badge, 64)

    # -- painting helpers ----------------------------------------------------------------
    def _paint_goal(self, painter: QPainter, body: QRectF, lod: float) -> None:
        style = self.canvas.style_cache
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.shadow_brush)
        painter.drawEllipse(body.translated(0, 2))
        draw_icon(painter, body, style.icons, self.canvas.icon_name(self.kind),
                  style.icon_bucket(body.width() * lod))

    def _paint_sequence(self, painter: QPainter, body: QRectF, colour: QColor,
                        steps: int | None, lod: float, to_end: bool = False) -> None:
        """The body and its icon; ``steps`` None: without "Sequence" and the step count
        (zoomed out, where they would be a grey smudge)."""
        style = self.canvas.style_cache
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.shadow_brush)
        painter.drawRoundedRect(body.translated(0, 2), 12, 12)
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.setPen(QPen(colour, 2))
        painter.drawRoundedRect(body, 12, 12)
        icon = sequence_icon_rect(body)
        if steps is None:  # the icon alone, in the middle
            icon.moveCenter(body.center())
        draw_icon(painter, icon, style.icons, self.canvas.icon_name(self.kind),
                  style.icon_bucket(icon.width() * lod))
        if steps is None:
            return
        text_rect = QRectF(icon.right() + 8, body.top(), body.right() - icon.right() - 12,
                           body.height())
        painter.setPen(style.muted_pen)
        painter.setFont(style.detail_font)
        lines = sequence_lines(steps, to_end, QFontMetricsF(style.detail_font), text_rect)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         "\n".join(lines))

    def badge_rect(self) -> QRectF:
        return badge_rect(self.kind)

    # -- hit areas (scene coordinates in, part name out) ---------------------------------
    def part_at(self, scene_pos: QPointF) -> str:
        """"handle", "name", "body", "badge" or "" for a point in scene coordinates."""
        p = self.mapFromScene(scene_pos)
        c = handle_centre(self.kind)
        dx, dy = p.x() - c.x(), p.y() - c.y()
        if dx * dx + dy * dy <= (HANDLE_RADIUS + 3) ** 2:
            return "handle"
        if self.canvas.findings_for(self.node_id) and self.badge_rect().contains(p):
            return "badge"
        if body_rect(self.kind).contains(p):
            return "body"
        if self.name_path().contains(p):
            return "name"
        return ""

    def name_lines(self) -> tuple[tuple[float, ...], float] | None:
        """The widths of the name's lines as drawn and their spacing; None where names
        are not drawn (zoomed out past ``style.detail_lod``): there they are not hit."""
        canvas = self.canvas
        if not canvas.names_shown():
            return None
        node = canvas.domain_node(self.node_id)
        if node is None:
            return None
        return canvas.style_cache.name_lines(node.name, NAME_WIDTH, 2)

    def set_name_hidden(self, hidden: bool) -> None:
        """Hides the name (the inline editor is over it) or shows it again."""
        if hidden != self.name_hidden:
            self.name_hidden = hidden
            self.update()

    def name_box(self) -> QRectF:
        """The box round the name's lines as drawn (item coordinates), without slack;
        its place under the body, empty, where names are not drawn."""
        lines = self.name_lines()
        rect = QRectF(0, name_rect(self.kind).top(), 0, 0)
        for line in name_line_rects(self.kind, *lines) if lines is not None else ():
            rect = rect.united(line)
        return rect

    def name_path(self) -> QPainterPath:
        """Where a click counts as one on the name (item coordinates): its lines' own
        boxes, a few px of slack round them; empty where names are not drawn."""
        path = QPainterPath()
        lines = self.name_lines()
        if lines is not None:
            for rect in name_line_rects(self.kind, *lines, NAME_SLACK):
                path.addRect(rect)
        return path

    def name_block(self) -> tuple[float, float]:
        """Half the width and the height of the name as drawn under the body."""
        node = self.canvas.domain_node(self.node_id)
        if node is None:
            return NAME_WIDTH / 2, NAME_HEIGHT
        return self.canvas.style_cache.name_block(node.name, NAME_WIDTH, 2)
