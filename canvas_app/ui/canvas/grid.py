"""The canvas's grid: which lines to draw over a rectangle at a zoom, and how to draw them
one device pixel wide and on whole device pixels (``paint_grid``)."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsView

from .scene import GRID

MAX_GRID_LINES = 400  # per direction; a rect needing more is drawn without grid
MIN_GRID_PIXELS = 12


def grid_lines(rect: QRectF, scale: float) -> tuple[list[QLineF], list[QLineF]] | None:
    """The minor and major grid lines over ``rect`` at ``scale``, or None when there is no
    sensible grid: a rect or scale that is not finite, or more than MAX_GRID_LINES lines a
    direction. Lines are counted, not stepped to, so huge coordinates (where ``x + step``
    equals ``x``) cannot loop forever."""
    values = (rect.left(), rect.top(), rect.width(), rect.height(), scale)
    if not all(math.isfinite(v) for v in values) or scale <= 0 \
            or rect.width() <= 0 or rect.height() <= 0:
        return None
    step = GRID
    for _ in range(64):  # 20 * 5**64 is past any finite zoom's need
        if step * scale >= MIN_GRID_PIXELS:
            break
        step *= 5
    else:
        return None
    left = math.floor(rect.left() / step) * step
    top = math.floor(rect.top() / step) * step
    columns = math.ceil((rect.right() - left) / step)
    rows = math.ceil((rect.bottom() - top) / step)
    if columns > MAX_GRID_LINES or rows > MAX_GRID_LINES:
        return None
    major = step * 5
    minor: list[QLineF] = []
    majors: list[QLineF] = []
    for i in range(columns):
        x = left + i * step
        line = QLineF(x, rect.top(), x, rect.bottom())
        (majors if abs(math.remainder(x, major)) < 1e-6 else minor).append(line)
    for i in range(rows):
        y = top + i * step
        line = QLineF(rect.left(), y, rect.right(), y)
        (majors if abs(math.remainder(y, major)) < 1e-6 else minor).append(line)
    return minor, majors


def snap(value: float, scale: float, offset: float) -> float:
    """The scene coordinate near ``value`` that lands on the middle of a device pixel, for a
    device coordinate of ``value * scale + offset``. An aliased one-pixel line there covers
    exactly that pixel column (or row) whatever part of the view is being painted: a line
    halfway between two pixels may round to one in one repaint and to the next in another,
    and where two exposed strips meet, the grid then shows a double-width line or a jog."""
    return (math.floor(value * scale + offset + 1e-6) + 0.5 - offset) / scale


def paint_grid(painter: QPainter, rect: QRectF, scale: float, minor_pen: QPen,
               major_pen: QPen) -> None:
    """Draws the grid over ``rect`` (scene coordinates) with ``painter`` set up by a view's
    ``drawBackground``: lines one device pixel wide (cosmetic pens, no antialiasing), each
    on a whole device pixel, at every zoom and device pixel ratio. ``scale`` is the view's
    zoom (which lines to draw); the painter's device transform places them."""
    lines = grid_lines(rect, scale)
    if lines is None:
        return
    device = painter.deviceTransform()
    if device.isRotating():  # not a canvas view's transform: draw them as they are
        snapped = lines
    else:
        sx, ox, sy, oy = device.m11(), device.dx(), device.m22(), device.dy()
        snapped = tuple([QLineF(snap(line.x1(), sx, ox), line.y1(), snap(line.x2(), sx, ox),
                                line.y2()) if line.x1() == line.x2() else
                         QLineF(line.x1(), snap(line.y1(), sy, oy), line.x2(),
                                snap(line.y2(), sy, oy)) for line in group]
                        for group in lines)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for pen, group in zip((minor_pen, major_pen), snapped, strict=True):
        if pen.widthF() != 0 or not pen.isCosmetic():
            pen = QPen(pen)
            pen.setWidth(0)  # one device pixel at any zoom and pixel ratio
        painter.setPen(pen)
        painter.drawLines(group)
    painter.restore()


def background_cache_mode(device_pixel_ratio: float) -> QGraphicsView.CacheModeFlag:
    """The cache mode for a canvas view's background on a screen of this pixel ratio. Qt's
    background cache is moved by whole logical pixels when the view scrolls; on a fractional
    ratio (1.25, 1.5, ...) that is a fraction of a device pixel, so what was cached lands a
    pixel off what is painted beside it (grid lines that jog or pair up): there the
    background is painted afresh (it is only lines)."""
    if abs(device_pixel_ratio - round(device_pixel_ratio)) < 1e-6:
        return QGraphicsView.CacheModeFlag.CacheBackground
    return QGraphicsView.CacheModeFlag.CacheNone
