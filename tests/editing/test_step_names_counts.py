"""Undo steps of many nodes write their counts with thousands separated, as the status bar
does (QA 23e: "Undid Delete 7000 nodes." beside "Deleted 7,000 nodes and 6,066 links")."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from canvas_app.domain.nodes import Node
from canvas_app.domain.workspace import Workspace
from canvas_app.editing.arrange import Box, arrange
from canvas_app.editing.controller import Controller


def test_big_steps_name_their_counts_with_separators() -> None:
    workspace = Workspace()
    campaign = workspace.new_campaign("c", "Big")
    ids = [f"n{i}" for i in range(1200)]
    for i, node_id in enumerate(ids):
        campaign.add_node(Node(node_id, "sequence", f"S{i}", x=(i % 40) * 240.0,
                               y=(i // 40) * 180.0))
    for a, b in zip(ids, ids[1:], strict=False):
        campaign.link(a, b)
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    controller.move_nodes("c", {n: (campaign.node(n).x + 20, campaign.node(n).y)
                                for n in ids})
    assert stack.undoText() == "Move 1,200 nodes"
    boxes = {n: Box(campaign.node(n).x, campaign.node(n).y, 50, 30) for n in ids}
    assert arrange(controller, "c", boxes, "top") == 1160  # all but the top row of 40 move
    assert stack.undoText() == "Align top edges of 1,200 nodes"
    controller.duplicate("c", ids[:1001])
    assert stack.undoText() == "Duplicate 1,001 nodes"
    controller.delete("c", ids)
    assert stack.undoText() == "Delete 1,200 nodes"  # their links go with them
    stack.clear()
