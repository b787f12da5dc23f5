"""An undone rename gives the node back the name it had, exactly: a blank one too (files
and the editors refuse blank names, but the lint reports them, and the incremental lint's
property test made one with a node editor's command: the Undo of a rename after it failed
inside Undo, "a name cannot be empty")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack

from canvas_app.editing.controller import Controller
from canvas_app.editing.settings_commands import ReplaceNodeCommand
from canvas_app.io import load_workspace

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"


def test_undo_of_renaming_a_nameless_node_gives_its_blank_name_back(qapp) -> None:
    workspace = load_workspace(SAMPLE)
    campaign = workspace.campaigns[0]
    node = campaign.nodes[0]
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    stack.push(ReplaceNodeCommand(workspace, campaign.id, node, node.copy(name=" ")))
    assert controller.rename_node(campaign.id, node.id, "Welcome")
    stack.undo()
    assert campaign.node(node.id).name == " "
    stack.undo()
    assert campaign.node(node.id).name == node.name
    stack.redo()
    stack.redo()
    assert campaign.node(node.id).name == "Welcome"
