"""Edit > Align: align and distribute the selected nodes (also in a node's context menu)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..editing.arrange import ARRANGEMENTS, BY_KEY, Box, arrange
from .busy import busy_cursor
from .canvas.node_item import body_rect
from .main_toolbar import action_icon

if TYPE_CHECKING:
    from .main_window import MainWindow

TIPS = {
    "left": "Line the selected nodes' left edges up with the leftmost",
    "centre": "Put the selected nodes' centres on one vertical line",
    "right": "Line the selected nodes' right edges up with the rightmost",
    "top": "Line the selected nodes' top edges up with the highest",
    "middle": "Put the selected nodes' middles on one horizontal line",
    "bottom": "Line the selected nodes' bottom edges up with the lowest",
    "horizontal": "Equal gaps between the selected nodes from left to right; the outermost "
                  "stay",
    "vertical": "Equal gaps between the selected nodes from top to bottom; the outermost "
                "stay",
}


class ArrangeMenu(QMenu):
    """The Align submenu; its entries are enabled for as many nodes as each needs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__("Ali&gn", window)
        self.setObjectName("alignMenu")
        self.window_ = window
        self.entries: dict[str, QAction] = {}
        for arrangement in ARRANGEMENTS:
            if arrangement.key == "horizontal":
                self.addSeparator()
            action = QAction(action_icon(f"align_{arrangement.key}"), arrangement.label,
                             self)
            action.setStatusTip(TIPS[arrangement.key])
            action.setToolTip(TIPS[arrangement.key])
            action.triggered.connect(
                lambda _checked=False, key=arrangement.key: self.apply(key))
            self.addAction(action)
            self.entries[arrangement.key] = action
        self.aboutToShow.connect(self.refresh)
        self.refresh()

    def selected_boxes(self) -> tuple[str | None, dict[str, Box]]:
        window = self.window_
        scene = window.scene
        if scene is None or scene.campaign_id is None:
            return None, {}
        campaign_id = scene.campaign_id
        node_ids = scene.selected_node_ids()
        campaign = window.controller.campaign(campaign_id)
        boxes: dict[str, Box] = {}
        for node_id in node_ids:
            node = campaign.node(node_id)
            body = body_rect(node.kind)
            boxes[node_id] = Box(node.x, node.y, body.width() / 2, body.height() / 2)
        return campaign_id, boxes

    def refresh(self, _menu: str = "") -> None:
        """Enables what the selection allows (called as the menu or a context menu opens)."""
        _campaign_id, boxes = self.selected_boxes()
        for key, action in self.entries.items():
            action.setEnabled(len(boxes) >= BY_KEY[key].least)
        self.menuAction().setEnabled(len(boxes) >= 2)

    def apply(self, key: str) -> None:
        campaign_id, boxes = self.selected_boxes()
        window = self.window_
        least = BY_KEY[key].least
        if campaign_id is None or len(boxes) < least:
            window.show_status(f"Select {'two' if least == 2 else 'three'} or more nodes "
                               f"to {'align' if least == 2 else 'distribute'} them.")
            return
        with busy_cursor(len(boxes)):
            moved = arrange(window.controller, campaign_id, boxes, key)
        if moved:
            window.show_status(f"{window.undo_group.undoText()}. Undo (Ctrl+Z) puts them "
                               "back.")
        else:
            window.show_status(f"The {len(boxes)} nodes are already "
                               f"{'aligned' if least == 2 else 'evenly spaced'}.")
