"""Pens, brushes, fonts and icons the canvas items paint with, made once per scene.

The canvas's text follows the app's font: its sizes are given for a 9 pt app font and grow
(or shrink) with it, as far as the nodes' room for them holds: a node's size, its name's
box under it and the count pills are fixed in scene units (node_item, simulation.overlay),
and the links are routed round them. At a 9 pt app font the canvas looks as it always did.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPen,
    QPolygonF,
)

from ...domain.nodes import node_kind
from .. import theme
from .node_item import DETAIL_LOD, ICON_LOD, NAME_HEIGHT, body_rect, sequence_icon_rect

DEFAULT_APP_POINTS = 9.0  # the app font the sizes below are for
DEFAULT_APP_PIXELS = 12.0  # the same, for a font sized in pixels (9 pt at 96 dpi)
NAME_POINTS = 9.5  # a node's name (demi-bold, two lines at most)
DETAIL_POINTS = 8.5  # "Sequence" and its steps, beside a sequence's icon
BADGE_POINTS = 8.0  # the simulation's count pills (demi-bold)
BADGE_HEIGHT = 18.0  # a count pill's height (simulation.overlay.PILL_HEIGHT)
SCALE_STEP = 0.05  # the scale is tried in these steps down to what fits


def app_font_scale() -> float:
    """The app's font size over the one the canvas's sizes are for (1.0 at 9 pt)."""
    font = QGuiApplication.font()
    if font.pointSizeF() > 0:
        return font.pointSizeF() / DEFAULT_APP_POINTS
    if font.pixelSize() > 0:
        return font.pixelSize() / DEFAULT_APP_PIXELS
    return 1.0


def scaled_font(points: float, scale: float, weight: QFont.Weight | None = None) -> QFont:
    font = QFont()
    font.setPointSizeF(points * scale)
    if weight is not None:
        font.setWeight(weight)
    return font


def text_fits(scale: float) -> bool:
    """Whether the canvas's text at ``scale`` fits the room the nodes give it: a name's two
    lines in its box, "Sequence" and its steps beside the icon, a count in its pill."""
    name = QFontMetricsF(scaled_font(NAME_POINTS, scale, QFont.Weight.DemiBold))
    detail = QFontMetricsF(scaled_font(DETAIL_POINTS, scale))
    badge = QFontMetricsF(scaled_font(BADGE_POINTS, scale, QFont.Weight.DemiBold))
    body = body_rect("sequence")
    beside_icon = body.right() - sequence_icon_rect(body).right() - 12  # node_item's room
    return (2 * name.lineSpacing() <= NAME_HEIGHT
            and 2 * detail.lineSpacing() <= body.height()
            and detail.horizontalAdvance("Sequence") <= beside_icon
            and badge.height() <= BADGE_HEIGHT - 2)


def text_scale(wanted: float | None = None) -> float:
    """The canvas's text scale: the app font's (``wanted``), or less where the nodes have
    no room for it (at a 14 pt app font a name's two lines would not fit its box)."""
    scale = app_font_scale() if wanted is None else wanted
    while scale > 1.0 and not text_fits(scale):
        scale = max(1.0, scale - SCALE_STEP)
    return scale


def detail_lod(name_font: QFont) -> float:
    """The zoom below which names (and the details drawn with them) drop out: DETAIL_LOD
    for the usual 9.5 pt names at 96 dpi, less for names drawn larger (a larger app font,
    a screen of more dots per inch or scaled by Qt), whose letters stay legible further
    out; never less
    than ICON_LOD (QA at 144 dpi: a campaign fitted at 41 % showed no name at all, though
    its names were as large on screen as at 62 % with the usual font)."""
    screen = QGuiApplication.primaryScreen()
    # dots per inch, Qt's scaling of the whole window (QT_FONT_DPI=144, 150 %) included
    dpi = screen.logicalDotsPerInchY() * screen.devicePixelRatio() if screen is not None \
        else 96.0
    drawn = name_font.pointSizeF() * max(dpi, 1.0)  # the names' size on screen, as a ratio
    return max(ICON_LOD, min(DETAIL_LOD, DETAIL_LOD * NAME_POINTS * 96.0 / drawn))


def warning_triangle(rect: QRectF) -> QPolygonF:
    """An upright triangle filling ``rect``'s width, its base on ``rect``'s bottom (as
    warning.svg's, in a square)."""
    return QPolygonF([QPointF(rect.center().x(), rect.top()),
                      QPointF(rect.right(), rect.bottom()),
                      QPointF(rect.left(), rect.bottom())])


class CanvasStyle:
    def __init__(self) -> None:
        self.icons = theme.IconCache()
        self._colours = {kind: theme.kind_colour(kind) for kind in theme.KIND_COLOURS}
        self.selection_pen = QPen(QColor(theme.SELECTION), 2.5)
        self.selection_pen.setCosmetic(True)
        # zoomed right out, a selected node's edge: white between its body and the ring
        self.lod_edge_pen = QPen(QColor("white"), 2)
        self.lod_edge_pen.setCosmetic(True)
        halo = QColor(theme.SELECTION)
        halo.setAlpha(56)
        self.selection_halo = QBrush(halo)  # behind a selected node: told apart at a glance
        self.target_pen = QPen(QColor(theme.SELECTION), 3, Qt.PenStyle.DashLine)
        self.handle_pen = QPen(QColor("#ffffff"), 2)
        self.handle_brush = QBrush(QColor(theme.SELECTION))
        self.shadow_brush = QBrush(QColor(15, 23, 42, 38))
        self.text_pen = QPen(QColor(theme.TEXT))
        self.muted_pen = QPen(QColor(theme.TEXT_MUTED))
        self.scale = text_scale()
        self.name_font = scaled_font(NAME_POINTS, self.scale, QFont.Weight.DemiBold)
        self.detail_font = scaled_font(DETAIL_POINTS, self.scale)
        self.badge_font = scaled_font(BADGE_POINTS, self.scale, QFont.Weight.DemiBold)
        self.name_metrics = QFontMetricsF(self.name_font)
        self.detail_lod = detail_lod(self.name_font)
        self.link_pen = QPen(QColor(theme.LINK), 2)
        self.link_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.link_selected_pen = QPen(QColor(theme.LINK_SELECTED), 3)
        self.link_brush = QBrush(QColor(theme.LINK))
        self.link_selected_brush = QBrush(QColor(theme.LINK_SELECTED))
        self.rubber_pen = QPen(QColor(theme.SELECTION), 2, Qt.PenStyle.DashLine)
        # a node's badge zoomed out, where its icon would be a smudge: the icon's shape
        # and colours (a warning an amber triangle, an error a red circle), its dark edge
        # a pixel and a half wide at any zoom (a white one vanished on the canvas)
        self.error_brush = QBrush(QColor(theme.ERROR_FILL))
        self.warning_brush = QBrush(QColor(theme.WARNING_FILL))
        self.error_pen = QPen(QColor(theme.ERROR_EDGE), 1.5)
        self.warning_pen = QPen(QColor(theme.WARNING_EDGE), 1.5)
        for pen in (self.error_pen, self.warning_pen):
            pen.setCosmetic(True)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self._icon_names: dict[str, str] = {}
        self._elided: dict[tuple[str, float, int], str] = {}
        self._blocks: dict[tuple[str, float, int], tuple[float, float]] = {}
        self._lines: dict[tuple[str, float, int], tuple[tuple[float, ...], float]] = {}

    def draw_badge_mark(self, painter: QPainter, rect: QRectF, error: bool) -> None:
        """A node's warning or error badge zoomed out, in ``rect``: as its icon at full
        zoom (warning.svg, error.svg), a red circle for an error, an amber triangle for a
        warning, each with its dark edge; they differ in shape, not in colour alone."""
        if error:
            painter.setPen(self.error_pen)
            painter.setBrush(self.error_brush)
            painter.drawEllipse(rect)
            return
        painter.setPen(self.warning_pen)
        painter.setBrush(self.warning_brush)
        painter.drawPolygon(warning_triangle(rect))

    def icon_name(self, kind: str) -> str:
        name = self._icon_names.get(kind)
        if name is None:
            name = self._icon_names[kind] = node_kind(kind).icon
        return name

    def colour(self, kind: str) -> QColor:
        colour = self._colours.get(kind)
        if colour is None:
            colour = self._colours[kind] = theme.kind_colour(kind)
        return colour

    @staticmethod
    def icon_bucket(device_size: float) -> int:
        """The cached icon size to draw a ``device_size`` icon from (sharp, not huge)."""
        for size in (32, 64, 128, 256):
            if device_size * 1.5 <= size:
                return size
        return 512

    def name_block(self, name: str, width: float, lines: int) -> tuple[float, float]:
        """Half the width and the height of a node's name as drawn (wrapped and elided)."""
        key = (name, width, lines)
        block = self._blocks.get(key)
        if block is None:
            text = self.elide_name(name, width, lines).split("\n")
            metrics = self.name_metrics
            half = max(metrics.horizontalAdvance(line) for line in text) / 2
            block = self._blocks[key] = (half, len(text) * metrics.lineSpacing())
            if len(self._blocks) > 20000:
                self._blocks.clear()
        return block

    def name_lines(self, name: str, width: float, lines: int
                   ) -> tuple[tuple[float, ...], float]:
        """The widths of a node's name's lines as drawn (wrapped and elided) and their
        spacing: where the name can be clicked (node_item.item_shape)."""
        key = (name, width, lines)
        found = self._lines.get(key)
        if found is None:
            metrics = self.name_metrics
            text = self.elide_name(name, width, lines).split("\n")
            found = self._lines[key] = (
                tuple(metrics.horizontalAdvance(line) for line in text if line),
                metrics.lineSpacing())
            if len(self._lines) > 20000:
                self._lines.clear()
        return found

    def elide_name(self, name: str, width: float, lines: int) -> str:
        """The name wrapped to at most ``lines`` lines, the last one elided."""
        key = (name, width, lines)
        cached = self._elided.get(key)
        if cached is not None:
            return cached
        metrics = self.name_metrics
        words = name.split()
        out: list[str] = []
        current = ""
        for word in words:
            trial = f"{current} {word}".strip()
            if metrics.horizontalAdvance(trial) <= width or not current:
                current = trial
            else:
                out.append(current)
                current = word
        if current:
            out.append(current)
        if len(out) > lines:
            out = out[:lines - 1] + [" ".join(out[lines - 1:])]
        out = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in out]
        text = "\n".join(out)
        if len(self._elided) > 20000:
            self._elided.clear()
        self._elided[key] = text
        return text
