"""How each line of the Over Time chart looks: a goal's a wide see-through band, a
sequence's a thin broken line (its pattern by its number among the sequences), each in a
colour of its own, kept while it is drawn (:func:`assign_looks`); and the value a line
shows at each moment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

GOAL_WIDTH = 5.0  # a goal's band
GOAL_ALPHA = 0.75  # see-through: a line under it shows
# The lines' colours, in turn: each at least 3:1 against the white plot (WCAG's least for
# graphics), a goal's band at GOAL_ALPHA too (3.1 to 4.1:1; QA: Qt's theme gave a goal a
# pale green band, 1.5:1, and a sequence orange dots, 2:1).
LINE_COLOURS = ("#1f6fb5", "#2e7d32", "#c2410c", "#6a3fa0", "#b0306a", "#00777a",
                "#8a6d00", "#4b5563", "#a63a3a", "#3558c9")
SEQUENCE_WIDTH = 2.0
# A sequence's line: dashed, dotted, dash-dotted, in the pen's widths. Dashes shorter than
# Qt's own (4 on, 2 off) so the legend's piece of each line (some 14 px) shows its pattern:
# Qt's dash filled it, and a dashed sequence's piece looked solid (QA).
SEQUENCE_DASHES: tuple[tuple[float, ...], ...] = ((2.5, 1.5), (1.0, 2.0),
                                                  (2.5, 1.5, 0.5, 1.5))
FADED_ALPHA = 0.15  # the other lines, while one is hovered in the legend
HOVERED_WIDER = 1.5  # px a line hovered in the legend gets wider by
# px of plot past the counts' ends (0 and the top): half the widest line's width and its
# smoothed edge, so a line there shows whole (Qt Charts clips a line at the plot's edge)
LINE_ROOM = (GOAL_WIDTH + HOVERED_WIDER) / 2 + 1


def line_value(kind: str, counts: dict[str, int]) -> int:
    """A sequence: contacts in it now; a goal: contacts that achieved it so far."""
    return counts.get("active", 0) if kind == "sequence" else counts.get("achieved", 0)


def line_pen(kind: str, colour: QColor, sequence_number: int) -> QPen:
    """A goal: a wide see-through band; a sequence: a thin broken line, its pattern by its
    number among the sequences."""
    colour = QColor(colour)
    if kind == "sequence":
        pen = QPen(colour, SEQUENCE_WIDTH)
        pen.setDashPattern(list(SEQUENCE_DASHES[sequence_number % len(SEQUENCE_DASHES)]))
    else:
        colour.setAlphaF(GOAL_ALPHA)
        pen = QPen(colour, GOAL_WIDTH, Qt.PenStyle.SolidLine)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


# A line's look: (colour index in LINE_COLOURS, style index: a sequence's dash pattern in
# SEQUENCE_DASHES, a goal's shape in the legend's GOAL_SHAPES), and whether it was a
# sequence's (a style is kept only for a line of the same sort)
Look = tuple[int, int, bool]


def assign_looks(lines: list[tuple[str, str]], kept: dict[str, Look],
                 styles: dict[bool, int]) -> dict[str, Look]:
    """Each line of ``lines`` ((node id, kind), in the order drawn) gets a look: the one
    it had (``kept``) while no line before it took its colour, else the first colour free
    and the style its sort has used least (the first, on a tie); ``styles`` gives how many
    styles each sort has (True: sequences). With nothing kept, the n-th line gets the n-th
    colour and each sort's styles in turn. A line drawn in another's place is given that
    one's look in ``kept``, so the lines that stay keep theirs (QA: drawing an eleventh
    node moved every later line on a colour)."""
    looks: dict[str, Look] = {}
    taken: set[int] = set()
    used: dict[bool, dict[int, int]] = {True: {}, False: {}}
    for node_id, kind in lines:  # first, those whose look is kept
        sequence = kind == "sequence"
        look = kept.get(node_id)
        if look is None or look[0] in taken or look[0] >= len(LINE_COLOURS):
            continue
        colour, style, was_sequence = look
        if was_sequence != sequence or style >= styles[sequence]:
            continue  # its colour stays; its style is chosen below
        looks[node_id] = (colour, style, sequence)
        taken.add(colour)
        used[sequence][style] = used[sequence].get(style, 0) + 1
    for node_id, kind in lines:
        if node_id in looks:
            continue
        sequence = kind == "sequence"
        look = kept.get(node_id)
        if look is not None and look[0] not in taken and look[0] < len(LINE_COLOURS):
            colour = look[0]
        else:
            colour = next((c for c in range(len(LINE_COLOURS)) if c not in taken),
                          len(looks) % len(LINE_COLOURS))
        style = min(range(styles[sequence]), key=lambda s, u=used[sequence]: (u.get(s, 0), s))
        looks[node_id] = (colour, style, sequence)
        taken.add(colour)
        used[sequence][style] = used[sequence].get(style, 0) + 1
    return looks
