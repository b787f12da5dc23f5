"""Align and distribute selected nodes (no Qt in the arithmetic; the edit is one undo step).

A node is given as a box: its centre and the half width and half height of its body (the
round icon of a goal, the rounded rectangle of a sequence; the name under it does not
count). Aligning lines the bodies' edges or centres up with the selection's outermost
body; distributing keeps the first and last node where they are and leaves equal gaps
between the bodies of those between, in their order along the axis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.counting import counted
from .commands import MoveNodesCommand

if TYPE_CHECKING:
    from .controller import Controller

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    half_width: float
    half_height: float


@dataclass(frozen=True)
class Arrangement:
    key: str
    label: str  # for the menu, with its Alt letter
    verb: str  # for the undo text: "Align 3 nodes' left edges"
    least: int  # how many nodes it needs


ARRANGEMENTS: tuple[Arrangement, ...] = (
    Arrangement("left", "Align &Left Edges", "Align left edges of", 2),
    Arrangement("centre", "Align &Centres", "Align centres of", 2),
    Arrangement("right", "Align &Right Edges", "Align right edges of", 2),
    Arrangement("top", "Align &Top Edges", "Align top edges of", 2),
    Arrangement("middle", "Align &Middles", "Align middles of", 2),
    Arrangement("bottom", "Align &Bottom Edges", "Align bottom edges of", 2),
    Arrangement("horizontal", "Distribute &Horizontally", "Distribute", 3),
    Arrangement("vertical", "Distribute &Vertically", "Distribute", 3),
)
BY_KEY = {a.key: a for a in ARRANGEMENTS}


def arranged(boxes: Mapping[str, Box], key: str) -> dict[str, Point]:
    """The new centres of the nodes that move (the others keep theirs)."""
    arrangement = BY_KEY[key]
    if len(boxes) < arrangement.least:
        return {}
    if key in ("horizontal", "vertical"):
        new = _distributed(boxes, key == "horizontal")
    else:
        new = _aligned(boxes, key)
    return {n: p for n, p in new.items() if p != (boxes[n].x, boxes[n].y)}


def _aligned(boxes: Mapping[str, Box], key: str) -> dict[str, Point]:
    left = min(b.x - b.half_width for b in boxes.values())
    right = max(b.x + b.half_width for b in boxes.values())
    top = min(b.y - b.half_height for b in boxes.values())
    bottom = max(b.y + b.half_height for b in boxes.values())
    new: dict[str, Point] = {}
    for node_id, b in boxes.items():
        x, y = b.x, b.y
        if key == "left":
            x = left + b.half_width
        elif key == "centre":
            x = (left + right) / 2
        elif key == "right":
            x = right - b.half_width
        elif key == "top":
            y = top + b.half_height
        elif key == "middle":
            y = (top + bottom) / 2
        elif key == "bottom":
            y = bottom - b.half_height
        new[node_id] = (x, y)
    return new


def _distributed(boxes: Mapping[str, Box], horizontal: bool) -> dict[str, Point]:
    def centre(b: Box) -> float:
        return b.x if horizontal else b.y

    def half(b: Box) -> float:
        return b.half_width if horizontal else b.half_height

    order = list(boxes)  # ties keep the given (selection) order: sorted() is stable
    order.sort(key=lambda n: centre(boxes[n]))
    first, last = boxes[order[0]], boxes[order[-1]]
    start = centre(first) - half(first)
    end = centre(last) + half(last)
    sizes = sum(2 * half(boxes[n]) for n in order)
    gap = (end - start - sizes) / (len(order) - 1)
    places: list[float] = []
    if gap >= 0:
        edge = start
        for node_id in order:
            b = boxes[node_id]
            places.append(edge + half(b))
            edge += 2 * half(b) + gap
    else:  # the bodies do not fit side by side: equal steps between the centres instead
        step = (centre(last) - centre(first)) / (len(order) - 1)
        places = [centre(first) + i * step for i in range(len(order))]
    new: dict[str, Point] = {}
    for node_id, place in zip(order, places, strict=True):
        b = boxes[node_id]
        new[node_id] = (place, b.y) if horizontal else (b.x, place)
    # The first and last stay exactly where they were (no rounding drift).
    new[order[0]] = (first.x, first.y)
    new[order[-1]] = (last.x, last.y)
    return new


def arrange(controller: Controller, campaign_id: str, boxes: Mapping[str, Box],
            key: str) -> int:
    """Aligns or distributes the nodes as one undo step; returns how many moved."""
    new = arranged(boxes, key)
    if not new:
        return 0
    campaign = controller.campaign(campaign_id)
    old = {n: (campaign.node(n).x, campaign.node(n).y) for n in new}
    count = len(boxes)
    text = f"{BY_KEY[key].verb} {counted(count, 'node')}"
    if key in ("horizontal", "vertical"):
        text += f" {key}ly"
    controller.undo_stack.push(MoveNodesCommand(controller.workspace, campaign_id, old, new,
                                                text=text))
    return len(new)
