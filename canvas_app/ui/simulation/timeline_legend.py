"""The Over Time chart's legend entries: each line named by its node ("Nurture (in it)",
"Bought kit (achieved)"), names told apart and shortened to a fair share of the room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from .funnel_chart import unique_names

LEGEND_NAME_WIDTH = 170.0  # px; legend_names() has four of these when not told its room


def line_name(kind: str, name: str) -> str:
    return f"{name} (in it)" if kind == "sequence" else f"{name} (achieved)"


def fair_widths(wanted: list[float], room: float, most: float | None = None) -> list[float]:
    """Each entry's width within ``room``: as wanted when all fit, else the short ones
    whole and the long ones cut to one width, the widest that fits them all; none wider
    than ``most`` (a legend in a column)."""
    if most is not None:
        wanted = [min(width, most) for width in wanted]
    if sum(wanted) <= room or not wanted:
        return list(wanted)
    cap = 0.0
    ordered = sorted(wanted)
    left = room
    for i, width in enumerate(ordered):
        share = left / (len(ordered) - i)
        if width > share:
            cap = share
            break
        left -= width
    else:
        cap = ordered[-1]
    return [min(width, cap) for width in wanted]


def legend_names(kinds: list[str], names: list[str], metrics: QFontMetricsF,
                 room: float = LEGEND_NAME_WIDTH * 4,
                 most: float | None = None) -> tuple[list[str], list[str]]:
    """(shown, full) legend entries of the lines, their shown texts together no wider than
    ``room``: the node names told apart (" #2"), long ones shortened in the middle (where
    similar names still differ at their start and end) to a fair share of the room, then
    told apart again if shortening made two alike; "(in it)" or "(achieved)" always shows
    whole, so the legend itself never has to cut an entry. ``most``: no entry wider (a
    legend in a column beside the plot)."""
    full = list(unique_names(names))
    entries = [line_name(k, n) for k, n in zip(kinds, full, strict=True)]
    fits = fair_widths([metrics.horizontalAdvance(e) for e in entries], room, most)
    room_for_names = [max(width - metrics.horizontalAdvance(line_name(kind, "")),
                          metrics.height())
                      for kind, width in zip(kinds, fits, strict=True)]
    short = [metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width)
             for name, width in zip(full, room_for_names, strict=True)]
    # Names alike but for their ends ("Bought kit", "Bought kit (2)") can still come out
    # the same when the room is small: those keep their ends instead.
    alike = {n for n in short if short.count(n) > 1}
    short = [metrics.elidedText(name, Qt.TextElideMode.ElideLeft, width) if s in alike else s
             for name, s, width in zip(full, short, room_for_names, strict=True)]
    short = list(unique_names(short))
    return ([line_name(k, n) for k, n in zip(kinds, short, strict=True)], entries)
