"""The Over Time chart's legend entries: each line named by its node ("Nurture (in it)",
"Bought kit (achieved)"), names told apart and shortened to a fair share of the room; the
same lines as entries of the chart's menu (the keyboard's legend); and each goal line's
shape, its legend piece and its marks along the line."""

from __future__ import annotations

import bisect
import math
from typing import TYPE_CHECKING

from PySide6.QtCharts import QLegend
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainterPath, QPolygonF

from ..theme import menu_note
from .funnel_chart import unique_names

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from .timeline_chart import TimelineChart

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


ELLIPSIS = "\u2026"


def telling_start(name: str, others: list[str]) -> str:
    """The start of ``name`` up to the end of the word where it first differs from every
    other of ``others`` ("Sequence 02" of "Sequence 02 with a long name" among "Sequence
    00 with a long name"...); the whole name when another starts with all of it."""
    shared = 0
    for other in others:
        if other == name:
            continue
        same = 0
        for a, b in zip(name, other, strict=False):
            if a != b:
                break
            same += 1
        shared = max(shared, same)
    if shared >= len(name):
        return name
    end = name.find(" ", shared + 1)
    return name if end < 0 else name[:end]


def apart_text(name: str, names: list[str], metrics: QFontMetricsF, width: float) -> str:
    """``name`` shortened to ``width`` keeping what tells it from ``names``: its start to
    the word where it differs (see telling_start), "…", and as much of its end as fits;
    when even its telling start does not fit, as much of that start as does."""
    if metrics.horizontalAdvance(name) <= width:
        return name
    head = telling_start(name, names)
    if metrics.horizontalAdvance(head + ELLIPSIS) > width:
        return metrics.elidedText(head + ELLIPSIS, Qt.TextElideMode.ElideRight, width)
    # whole words of its end, as many as fit
    words = name[len(head):].split()
    tail = ""
    for start in range(len(words) - 1, -1, -1):
        candidate = " ".join(words[start:])
        if metrics.horizontalAdvance(f"{head} {ELLIPSIS} {candidate}") > width:
            break
        tail = candidate
    return f"{head} {ELLIPSIS} {tail}" if tail else f"{head}{ELLIPSIS}"


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
    # Names that come out the same when the room is small: each keeps its start up to the
    # word that tells it from the others, then as much of its end as fits (QA: "Sequence
    # 00 with a fairly long descriptive name" and its like read "…criptive name",
    # "…criptive name #2", with their numbers cut off).
    alike = {n for n in short if short.count(n) > 1}
    short = [apart_text(name, full, metrics, width) if s in alike else s
             for name, s, width in zip(full, short, room_for_names, strict=True)]
    short = list(unique_names(short))
    return ([line_name(k, n) for k, n in zip(kinds, short, strict=True)], entries)


# -- the keyboard's way to the lines: the chart menu's Lines ------------------------------


# Letters of the entries past the tenth: not "a", Show &All Lines's, the only other entry
# of the Lines submenu (QA: the entries had numbers alone, and an eleventh had none)
ENTRY_LETTERS = "bcdefghijklmnopqrstuvwxyz"


def entry_letter(number: int) -> str:
    """The ``number``-th entry's own letter in the chart menu's Lines: 1 to 9, then 0 (the
    tenth), then B, C, D... (not A: Show All Lines has it); "" when the letters run out
    (the 36th entry on: Up and Down still reach it)."""
    if number < 10:
        return str(number)
    if number == 10:
        return "0"
    index = number - 11
    return ENTRY_LETTERS[index].upper() if index < len(ENTRY_LETTERS) else ""


def line_entry(number: int, name: str) -> str:
    """A line's entry in the chart menu's Lines: its name after its number, each entry with
    a letter of its own (see entry_letter): "&1 Bought kit (achieved)", the tenth "1&0 …"
    (its 0 underlined, not its 1, which is the first's), the eleventh "&B …" in place of
    its number, and so on; an "&" in the name shows as one."""
    name = name.replace("&", "&&")
    letter = entry_letter(number)
    if number == 10:
        return f"1&0 {name}"
    if number < 10:
        return f"&{letter} {name}"
    return f"&{letter} {name}" if letter else f"{number} {name}"


def add_lines_menu(chart: TimelineChart, menu: QMenu, most: int) -> QMenu:
    """The chart menu's Lines of an Over Time ``chart`` that draws ``most`` lines at most:
    an entry per node of the campaign in flow order (the legend's), checked while its line
    shows (choosing it hides or shows the line, as a click on its name in the legend does);
    moving onto an entry brings its line forward, as pointing at its name does. A campaign
    of more nodes than lines: a note first, and an unchecked entry for each node not
    drawn, which draws it (see choose_line; greyed while ``most`` lines show). Then Show
    All Lines."""
    lines = menu.addMenu("&Lines")
    lines.setObjectName("chartLinesMenu")
    lines.setEnabled(chart._drawn is not None and bool(chart.lines))
    nodes = [n for n, _kind, _name in chart.all_nodes] if chart._drawn is not None \
        else list(chart.lines)
    if len(nodes) > len(chart.lines):
        hidden = len(chart.hidden & set(chart.lines))
        if hidden:  # a hidden line's place is free (QA: "10 … drawn" with 9 showing)
            said = (f"{len(chart.lines) - hidden} of {len(nodes):,} nodes showing, {most} "
                    "at most: check one to draw it in a hidden line's place")
        elif chart.free_places():
            said = f"{len(chart.lines)} of {len(nodes):,} nodes drawn: check one to draw it"
        else:
            said = (f"{len(chart.lines)} of {len(nodes):,} nodes drawn, {most} at most: "
                    "hide a line to draw another")
        note = lines.addAction(said)
        note.setObjectName("linesNote")
        menu_note(note)  # words, not a choice, that read (not a disabled entry's grey)
        lines.addSeparator()
    names = {node_id: line_name(kind, name) for node_id, kind, name in chart.all_nodes}
    for number, node_id in enumerate(nodes, 1):
        series = chart.lines.get(node_id)
        name = chart.full_names.get(node_id, names.get(node_id, "")) if series is None \
            else chart.full_names.get(node_id, series.name())
        action = lines.addAction(line_entry(number, name))
        action.setObjectName(f"line:{node_id}")
        action.setCheckable(True)
        if series is None:  # not drawn: checking it draws it
            action.setChecked(False)
            action.setEnabled(chart.free_places())
            action.toggled.connect(lambda on, n=node_id: on and chart.choose_line(n))
            action.hovered.connect(lambda: chart.highlight(None, False, tip=False))
            continue
        action.setChecked(series.isVisible())
        action.toggled.connect(lambda on, n=node_id: chart.show_line(n, on))
        action.hovered.connect(lambda s=series: chart.highlight(s, True, tip=False))
    lines.addSeparator()
    every = lines.addAction("Show &All Lines")
    every.setObjectName("showAllLines")
    every.setEnabled(any(not series.isVisible() for series in chart.lines.values()))
    every.triggered.connect(lambda: [chart.show_line(n, True) for n in chart.lines])
    lines.aboutToHide.connect(lambda: chart.highlight(None, False, tip=False))
    return lines


# -- a goal's shape: its marks along its line and its piece in the legend ------------------

# Goal lines are all wide solid bands: each has a shape of its own too, drawn along its
# line and as its legend piece, so two goals differ by more than their colours (QA). Qt
# Charts' legend draws these shapes; marks() draws the same ones on the plot.
GOAL_SHAPES = (
    QLegend.MarkerShape.MarkerShapeCircle,
    QLegend.MarkerShape.MarkerShapeTriangle,
    QLegend.MarkerShape.MarkerShapeRectangle,
    QLegend.MarkerShape.MarkerShapeRotatedRectangle,
    QLegend.MarkerShape.MarkerShapeStar,
    QLegend.MarkerShape.MarkerShapePentagon,
)
MARK_SIZE = 11.0  # px across a mark (a goal's band is 5 px wide)
MARK_EDGE = 1.5  # px of white round a mark: it shows on a band of its own colour
MARK_SPACING = 80.0  # px between two marks of one line, at least
MOST_MARKS = 24  # marks on a line at most, however many points it has


def shape_path(shape: QLegend.MarkerShape, centre: QPointF, size: float) -> QPainterPath:
    """The outline of ``shape`` (as Qt Charts' legend draws it), ``size`` px across."""
    half = size / 2
    x, y = centre.x(), centre.y()
    path = QPainterPath()
    if shape == QLegend.MarkerShape.MarkerShapeCircle:
        path.addEllipse(centre, half, half)
        return path
    if shape == QLegend.MarkerShape.MarkerShapeRectangle:
        side = half * 0.85  # a square looks bigger than a circle as wide
        path.addRect(QRectF(x - side, y - side, 2 * side, 2 * side))
        return path
    if shape == QLegend.MarkerShape.MarkerShapeRotatedRectangle:
        points = [(0.0, -half), (half, 0.0), (0.0, half), (-half, 0.0)]
    elif shape == QLegend.MarkerShape.MarkerShapeTriangle:
        points = [(0.0, -half), (half, half * 0.8), (-half, half * 0.8)]
    elif shape == QLegend.MarkerShape.MarkerShapeStar:
        points = []
        for i in range(10):
            radius = half if i % 2 == 0 else half * 0.45
            angle = -math.pi / 2 + i * math.pi / 5
            points.append((radius * math.cos(angle), radius * math.sin(angle)))
    else:  # a pentagon
        points = [(half * math.cos(-math.pi / 2 + i * 2 * math.pi / 5),
                   half * math.sin(-math.pi / 2 + i * 2 * math.pi / 5)) for i in range(5)]
    path.addPolygon(QPolygonF([QPointF(x + dx, y + dy) for dx, dy in points]))
    path.closeSubpath()
    return path


def mark_xs(left: float, right: float, number: int, count: int) -> list[float]:
    """Where (px across the plot) one goal line from ``left`` to ``right`` has its marks:
    evenly, MARK_SPACING px apart at least and MOST_MARKS at most however many points the
    line has (a calm chart, quickly drawn); the ``number``-th of ``count`` goal lines a
    share of a step on from the one before, so goals with the same values for a while
    show their shapes in turn, not one over another."""
    if right < left or count <= 0:
        return []
    spacing = max(MARK_SPACING, (right - left) / MOST_MARKS)
    x = left + spacing * (number + 0.5) / count
    places = []
    while x <= right and len(places) < MOST_MARKS:
        places.append(x)
        x += spacing
    return places


def value_at(xs: list[float], ys: list[float], x: float) -> float:
    """A step line's value at ``x``: that of its last point at or before ``x`` (after a
    step, the new value)."""
    index = bisect.bisect_right(xs, x) - 1
    return ys[max(index, 0)]
