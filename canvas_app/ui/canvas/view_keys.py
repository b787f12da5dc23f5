"""The canvas view's keyboard moves (a mixin of CanvasView): Tab and Ctrl+Tab through the
nodes in reading order, the arrow keys moving the selected nodes (one undo step for presses
in a row, the view following them), and bringing nodes into view."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt

from ..busy import busy_cursor
from .scene import GRID

if TYPE_CHECKING:
    from .view import CanvasView

NUDGE_FAR = 5  # grid steps a Shift+arrow moves the selected nodes
NUDGE_RUN_S = 1.5  # arrow presses on the same nodes at most this far apart: one undo step
READABLE_ZOOM = 0.5  # a node gone to in a view zoomed out further is shown at 100 %
NUDGE_FOLLOW_MAX = 50  # the view scrolls to keep up to this many nudged nodes in sight


class KeyboardMoves:
    """The state these use (``_reached``, ``_nudged``, ``_nudged_at``, ``_nudge_id``) is
    made in CanvasView.__init__."""

    # -- keyboard: Tab through the nodes, then on to the next widget -----------------------
    def focusNextPrevChild(self: CanvasView, next: bool) -> bool:  # noqa: A002 - Qt's name
        """Tab selects the next node in reading order (rows, then left to right) and
        brings it into view; Shift+Tab the previous one. Past the last (or first) node the
        focus moves on as usual, so the keyboard is never trapped in the canvas. The
        selection stays as it was (it was cleared here: Tab on to the Palette lost the node
        just reached, and Shift+Tab back showed nothing selected, QA). The canvas's keys
        (Delete, Ctrl+X…) act on it only while the canvas has the focus (their shortcuts
        are the view's own, window_actions), so keys typed elsewhere never reach it."""
        if self.hasFocus() and self.step_through_nodes(next):
            return True
        return super().focusNextPrevChild(next)

    def step_through_nodes(self: CanvasView, forward: bool, extend: bool = False) -> bool:
        """Selects the next (or previous) node in reading order after the one last reached
        and brings it into view; with ``extend`` (Ctrl+Tab), adds it to the selection, so
        the keyboard can select several nodes (to link two, move or copy them). False past
        the last or first node."""
        scene = self.canvas()
        if scene is None or not scene.nodes or self.name_editor is not None:
            return False
        order = sorted(scene.nodes.values(),
                       key=lambda item: (round(item.centre[1] / 90), item.centre[0]))
        ids = [item.node_id for item in order]
        selected = scene.selected_node_ids()
        current = self._reached if self._reached in selected else (
            selected[0] if len(selected) == 1 else None)
        if current in ids:
            index = ids.index(current) + (1 if forward else -1)
        else:
            index = 0 if forward else len(ids) - 1
        if extend:  # past the end, go round: Ctrl+Tab never leaves the canvas
            index %= len(ids)
        if not 0 <= index < len(ids):
            return False
        node_id = ids[index]
        scene.select_nodes([*selected, node_id] if extend else [node_id])
        self._reached = node_id
        self.ensureVisible(scene.nodes[node_id], 40, 40)
        self.node_reached.emit(node_id)
        return True

    def _nudge(self: CanvasView, key: int, steps: int = 1) -> bool:
        """Arrow keys move the selected nodes by one grid step (Shift: ``NUDGE_FAR``);
        False when no node is selected."""
        scene = self.canvas()
        if scene is None or scene.campaign_id is None:
            return False
        ids = scene.selected_node_ids()
        if not ids:
            return False
        far = GRID * steps
        dx, dy = {Qt.Key.Key_Left: (-far, 0), Qt.Key.Key_Right: (far, 0),
                  Qt.Key.Key_Up: (0, -far), Qt.Key.Key_Down: (0, far)}[Qt.Key(key)]
        campaign = scene.controller.campaign(scene.campaign_id)
        nodes = [campaign.node(n) for n in ids]
        # Presses in a row on the same nodes (a key held down) are one undo step.
        now, key = time.monotonic(), (scene.campaign_id, frozenset(ids))
        if key != self._nudged or now - self._nudged_at > NUDGE_RUN_S:
            self._nudge_id = scene.controller.new_drag_id()
        self._nudged, self._nudged_at = key, now
        # a tenth of a second or more at 10,000 nodes: the wait cursor, as their Undo shows
        with busy_cursor(len(nodes)):
            scene.controller.move_nodes(
                scene.campaign_id, {node.id: (node.x + dx, node.y + dy) for node in nodes},
                self._nudge_id)
        if len(ids) <= NUDGE_FOLLOW_MAX:  # the view follows them (not a thousand off-screen)
            self.reveal(ids)
        return True

    def nodes_rect(self: CanvasView, node_ids: list[str]) -> QRectF | None:
        """The scene rectangle round these nodes' items (names included), or None."""
        scene = self.canvas()
        items = [scene.nodes[n] for n in node_ids if n in scene.nodes] if scene else []
        if not items:
            return None
        rect = items[0].sceneBoundingRect()
        for item in items[1:]:
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def reveal(self: CanvasView, node_ids: list[str]) -> None:
        """Scrolls so that these nodes are in view (with a margin), if they are not; the
        view stays where it is when they are in view already (QA: a node placed with
        Ctrl+2 near the view's edge scrolled the canvas 13 px, and the next double-click
        missed the node it aimed at)."""
        rect = self.nodes_rect(node_ids)
        if rect is None:
            return
        if self.mapToScene(self.viewport().rect()).boundingRect().contains(rect):
            return
        self.ensureVisible(rect, 40, 40)

    def go_to_node(self: CanvasView, node_id: str) -> None:
        """Shows a node gone to (a warning, a match found, a journey's step): zoomed out
        too far to read, at 100 % in the middle; else scrolled only as far as needed, by
        80 px more, when it is not in view. The view never jumps when the node is in view
        already (QA: clicking a warning centred its node and pushed the campaign's first
        node out of a view that showed it whole)."""
        scene = self.canvas()
        item = scene.nodes.get(node_id) if scene is not None else None
        if item is None:
            return
        if self.zoom() < READABLE_ZOOM:  # a dot in a large campaign: bring it close
            self.set_zoom(1.0)
            self.centerOn(item)
        self.ensureVisible(item, 80, 80)
