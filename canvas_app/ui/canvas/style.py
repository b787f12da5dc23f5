"""Pens, brushes, fonts and icons the canvas items paint with, made once per scene."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen

from ...domain.nodes import node_kind
from .. import theme


class CanvasStyle:
    def __init__(self) -> None:
        self.icons = theme.IconCache()
        self._colours = {kind: theme.kind_colour(kind) for kind in theme.KIND_COLOURS}
        self.selection_pen = QPen(QColor(theme.SELECTION), 2.5)
        self.selection_pen.setCosmetic(True)
        halo = QColor(theme.SELECTION)
        halo.setAlpha(56)
        self.selection_halo = QBrush(halo)  # behind a selected node: told apart at a glance
        self.target_pen = QPen(QColor(theme.SELECTION), 3, Qt.PenStyle.DashLine)
        self.handle_pen = QPen(QColor("#ffffff"), 2)
        self.handle_brush = QBrush(QColor(theme.SELECTION))
        self.shadow_brush = QBrush(QColor(15, 23, 42, 38))
        self.text_pen = QPen(QColor(theme.TEXT))
        self.muted_pen = QPen(QColor(theme.TEXT_MUTED))
        self.name_font = QFont()
        self.name_font.setPointSizeF(9.5)
        self.name_font.setWeight(QFont.Weight.DemiBold)
        self.detail_font = QFont()
        self.detail_font.setPointSizeF(8.5)
        self.name_metrics = QFontMetricsF(self.name_font)
        self.link_pen = QPen(QColor(theme.LINK), 2)
        self.link_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.link_selected_pen = QPen(QColor(theme.LINK_SELECTED), 3)
        self.link_brush = QBrush(QColor(theme.LINK))
        self.link_selected_brush = QBrush(QColor(theme.LINK_SELECTED))
        self.rubber_pen = QPen(QColor(theme.SELECTION), 2, Qt.PenStyle.DashLine)
        # a node's badge as a dot when zoomed out (the icons' own colours)
        self.error_brush = QBrush(QColor("#d64545"))
        self.warning_brush = QBrush(QColor("#f2b705"))
        self.badge_outline_pen = QPen(QColor("#ffffff"), 1.5)
        self.badge_outline_pen.setCosmetic(True)
        self._icon_names: dict[str, str] = {}
        self._elided: dict[tuple[str, float, int], str] = {}
        self._blocks: dict[tuple[str, float, int], tuple[float, float]] = {}

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
