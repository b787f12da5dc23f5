"""An edit undone leaves the workspace as the file held it, its order of nodes and links
included (QA: "Bought pool shock" deleted and undone was saved last of its campaign's
nodes, so a file under version control changed for nothing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack

from canvas_app.editing.controller import Controller
from canvas_app.io import load_workspace
from canvas_app.io.workspace_file import dumps_workspace

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / \
    "pool-store.campaign.json"


def test_deleting_a_linked_node_or_a_link_and_undoing_saves_the_same_file() -> None:
    workspace = load_workspace(SAMPLE)
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    opened = dumps_workspace(workspace)
    campaign = workspace.campaign("shock-nurture")
    middle = "bought-shock"  # linked on both sides, not last
    assert [n.id for n in campaign.nodes].index(middle) < len(campaign.nodes) - 1
    controller.delete(campaign.id, [middle])
    other = workspace.campaign("checkup-onboarding")
    first_link = other.edges[0]
    controller.delete(other.id, [], [first_link])
    assert dumps_workspace(workspace) != opened
    while stack.canUndo():
        stack.undo()
    assert dumps_workspace(workspace) == opened
    stack.clear()
