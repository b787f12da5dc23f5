"""The canvas's grid: which lines to draw over a rectangle at a zoom."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRectF

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
