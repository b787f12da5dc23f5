"""A drag that ends with a moved node over another node: the moved nodes step clear.

Drops from the Palette and pastes land on a free spot (``editing.layout.nearest_free_spot``);
a drag-move ending on another node hid it completely (QA), so the moved nodes step
together to the nearest free spot, within the drag's own undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsScene

from ...domain.counting import counted
from ...domain.names import isolated
from ...editing.layout import NODE_FOOTPRINT, SPOT_REACH, nearest_free_spot
from .node_item import NodeItem, body_rect

if TYPE_CHECKING:
    from .scene import CampaignScene

_AROUND = Qt.ItemSelectionMode.IntersectsItemBoundingRect


def covered_node(scene: QGraphicsScene, moved: list[NodeItem]) -> NodeItem | None:
    """A node not in ``moved`` whose body one of ``moved``'s bodies overlaps (through the
    scene's index), or None."""
    ids = {item.node_id for item in moved}
    for item in moved:
        body = body_rect(item.kind).translated(*item.centre)
        for other in scene.items(body, _AROUND):
            if isinstance(other, NodeItem) and other.node_id not in ids \
                    and body.intersects(body_rect(other.kind).translated(*other.centre)):
                return other
    return None


def clear_offset(scene: QGraphicsScene, moved: list[NodeItem]) -> tuple[float, float]:
    """The nearest offset (on the grid, as ``layout.nearest_free_spot`` steps) that puts
    every node of ``moved`` at a free spot, clear of the nodes not in it; (0, 0) when none
    is within ``layout.SPOT_REACH`` node sizes. For the group: every other node's centre
    less each moved node's, so one free spot for a point is a free offset for them all."""
    ids = {item.node_id for item in moved}
    width, height = NODE_FOOTPRINT
    reach_x, reach_y = (SPOT_REACH + 1) * width, (SPOT_REACH + 1) * height
    taken: list[tuple[float, float]] = []
    for item in moved:
        x, y = item.centre
        around = QRectF(x - reach_x, y - reach_y, 2 * reach_x, 2 * reach_y)
        taken += [(other.centre[0] - x, other.centre[1] - y)
                  for other in scene.items(around, _AROUND)
                  if isinstance(other, NodeItem) and other.node_id not in ids]
    return nearest_free_spot(taken, 0.0, 0.0)


def step_clear(scene: CampaignScene, moved: list[NodeItem], drag_id: int) -> str:
    """When a drag ended with one of ``moved`` over another node's body: ``moved`` step
    together to the nearest free spot, as part of the drag ``drag_id`` (its one undo step
    puts them back where they were before it). What the status bar is to say once the
    step is pushed ("" for nothing): said before, a slow push of thousands of nodes made
    it stale, and it was cleared (QA 22h)."""
    covered = covered_node(scene, moved)
    if covered is None or scene.campaign_id is None:
        return ""
    one = len(moved) == 1
    what = f'"{isolated(scene.node_name(moved[0].node_id))}"' if one \
        else counted(len(moved), "node")
    other = f'"{isolated(scene.node_name(covered.node_id))}"'
    dx, dy = clear_offset(scene, moved)
    if (dx, dy) == (0.0, 0.0):  # (QA 22h: it stayed over the other, and nothing was said)
        return (f"{what} {'covers' if one else 'cover'} {other}: no free spot is near "
                "enough to move clear to; drag further to put it elsewhere.")
    scene.controller.drag_nodes(scene.campaign_id, {
        item.node_id: (item.centre[0] + dx, item.centre[1] + dy) for item in moved}, drag_id)
    return f"Moved {what} clear of {other}, which {'it' if one else 'they'} covered."
