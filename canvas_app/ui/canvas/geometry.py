"""Plain-float geometry shared by the canvas's links and their routing."""

from __future__ import annotations


def clip_range(x1: float, y1: float, x2: float, y2: float, left: float, top: float,
               right: float, bottom: float) -> tuple[float, float] | None:
    """The part of the segment (x1, y1)-(x2, y2) inside the box, as the fractions (t0, t1)
    of the way where it enters and leaves (Liang-Barsky); None when it misses the box."""
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
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
    return t0, t1
