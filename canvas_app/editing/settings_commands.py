"""Undo commands for settings edited in dialogs: node settings, catalog, e-commerce.

Each command changes only the domain (``campaign.replace_node``, ``workspace.set_catalog``,
``workspace.set_ecommerce``) and keeps its own copies of the before and after states, so a
later change to the objects the dialog handed over cannot leak into the history. The domain
emits its events; views follow them.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..domain.catalog import Catalog
from ..domain.ecommerce import Ecommerce
from ..domain.names import short_name
from ..domain.nodes import Node
from ..domain.usage import Deletion, copy_catalog
from ..domain.workspace import Workspace


class ReplaceNodeCommand(QUndoCommand):
    """A node's name and settings (one dialog Save)."""

    def __init__(self, workspace: Workspace, campaign_id: str, before: Node, after: Node,
                 text: str | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(text or f'Edit "{short_name(after.name)}"', parent)
        self._workspace = workspace
        self._campaign_id = campaign_id
        self._before = before.copy()
        self._after = after.copy()

    def canvas_target(self) -> tuple[str, list[str]] | None:
        """The campaign and node edited (see commands.OnCanvas: Undo shows them)."""
        return self._campaign_id, [self._after.id]

    def redo(self) -> None:
        self._workspace.campaign(self._campaign_id).replace_node(self._after.copy())

    def undo(self) -> None:
        self._workspace.campaign(self._campaign_id).replace_node(self._before.copy())


class SetCatalogCommand(QUndoCommand):
    def __init__(self, workspace: Workspace, before: Catalog, after: Catalog,
                 text: str = "Edit catalog", parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self._workspace = workspace
        self._before = copy_catalog(before)
        self._after = copy_catalog(after)

    def redo(self) -> None:
        self._workspace.set_catalog(copy_catalog(self._after))

    def undo(self) -> None:
        self._workspace.set_catalog(copy_catalog(self._before))


class SetEcommerceCommand(QUndoCommand):
    def __init__(self, workspace: Workspace, before: Ecommerce, after: Ecommerce,
                 text: str = "Edit e-commerce actions",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self._workspace = workspace
        self._before = before.copy()
        self._after = after.copy()

    def redo(self) -> None:
        self._workspace.set_ecommerce(self._after.copy())

    def undo(self) -> None:
        self._workspace.set_ecommerce(self._before.copy())


class DeleteCatalogItemCommand(QUndoCommand):
    """One undo step for deleting a catalog item with its references: the catalog, the
    goals that named the item and the action sets, changed together.

    The parts are plain commands held in a Python list (not Qt children, whose Python
    wrappers could be collected while Qt still points at them); redo runs them in order,
    undo in reverse.
    """

    def __init__(self, workspace: Workspace, deletion: Deletion, text: str) -> None:
        super().__init__(text)
        self._parts: list[QUndoCommand] = [
            SetCatalogCommand(workspace, workspace.catalog, deletion.catalog, text)]
        self._parts += [ReplaceNodeCommand(workspace, campaign_id, before, after, text)
                        for campaign_id, before, after in deletion.nodes]
        if deletion.ecommerce is not None:
            self._parts.append(SetEcommerceCommand(workspace, workspace.ecommerce,
                                                   deletion.ecommerce, text))

    def redo(self) -> None:
        for part in self._parts:
            part.redo()

    def undo(self) -> None:
        for part in reversed(self._parts):
            part.undo()
