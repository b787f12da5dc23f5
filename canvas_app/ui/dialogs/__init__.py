"""The editor dialogs: node settings, the catalog and the e-commerce actions.

The canvas's controller and main window call the three ``open_*`` functions. Each opens its
dialog with ``open()`` (never a nested event loop) and returns it; edits reach the domain
only through undo commands on the given stack. Tests drive the returned dialogs directly:
set the widgets, click ``saveButton``, check the workspace (``value()`` gives a node editor's
result, or None while the domain reports a problem). A closed dialog deletes itself.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from ...domain.workspace import Workspace
from . import purchase_goal, sequence_editor, tag_goal  # noqa: F401  (register editors)
from .node_editor import NodeEditorDialog, node_editor_for, register_node_editor

__all__ = ["NodeEditorDialog", "node_editor_for", "open_catalog_manager",
           "open_ecommerce_actions", "open_node_editor", "register_node_editor"]


def open_node_editor(parent: QWidget | None, workspace: Workspace, undo_stack: QUndoStack,
                     campaign_id: str, node_id: str) -> QDialog:
    """Opens the editor registered for the node's kind; Save pushes one undo command."""
    kind = workspace.campaign(campaign_id).node(node_id).kind
    dialog = node_editor_for(kind)(workspace, campaign_id, node_id, parent,
                                   undo_stack=undo_stack)
    dialog.accepted.connect(lambda: dialog.push_to(undo_stack))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def open_catalog_manager(parent: QWidget | None, workspace: Workspace,
                         undo_stack: QUndoStack, section: str | None = None) -> QDialog:
    """The Catalog window, on the tab of ``section`` ("products", "order_forms", …) when
    one is given."""
    from .catalog_manager import TABS, CatalogManagerDialog

    dialog = CatalogManagerDialog(workspace, undo_stack, parent)
    if section in TABS:
        dialog.tabs.setCurrentIndex(list(TABS).index(section))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def open_ecommerce_actions(parent: QWidget | None, workspace: Workspace,
                           undo_stack: QUndoStack) -> QDialog:
    from .ecommerce_actions import EcommerceActionsDialog

    dialog = EcommerceActionsDialog(workspace, undo_stack, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
