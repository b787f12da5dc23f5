"""QUndoCommands for every canvas edit. Each changes the domain only, through its API; the
domain's events then update the views (DESIGN.md, rule 3)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtGui import QUndoCommand

from ..domain.campaign import Campaign, Order
from ..domain.names import short_name
from ..domain.nodes import Node
from ..domain.workspace import Workspace

MOVE_COMMAND_ID = 4001

Point = tuple[float, float]
CanvasTarget = tuple[str, list[str]]  # a campaign's id and the ids of nodes in it


@runtime_checkable
class OnCanvas(Protocol):
    def canvas_target(self) -> CanvasTarget | None:
        """The campaign this edit changes and the nodes it touches (whether there now or
        not), or None for an edit of the campaign list itself."""
        ...


class WorkspaceCommand(QUndoCommand):
    def __init__(self, workspace: Workspace, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.workspace = workspace

    @property
    def size(self) -> int:
        """How many nodes the command touches (a wait cursor shows over large ones)."""
        return 1

    def campaign(self, campaign_id: str) -> Campaign:
        return self.workspace.campaign(campaign_id)

    def canvas_target(self) -> CanvasTarget | None:
        """Where the edit shows on the canvas (see :class:`OnCanvas`); None here: the
        campaign commands change the campaign list, which shows them itself."""
        return None


def command_target(command: QUndoCommand | None) -> CanvasTarget | None:
    """The campaign an undo step changes and the nodes it touches, its parts' together
    for a macro (Cut; a paste adding catalog items with its nodes), or None when the step
    changes no campaign's nodes (the catalog, the e-commerce actions), the campaign list
    (adding, renaming or deleting a campaign), or more than one campaign."""
    campaigns: set[str] = set()
    nodes: dict[str, None] = {}  # in order, each once
    elsewhere = False

    def visit(part: QUndoCommand) -> None:
        nonlocal elsewhere
        if isinstance(part, OnCanvas):
            target = part.canvas_target()
            if target is None:
                elsewhere = True
                return
            campaigns.add(target[0])
            nodes.update(dict.fromkeys(target[1]))
            return
        for i in range(part.childCount()):
            visit(part.child(i))

    if command is not None:
        visit(command)
    if elsewhere or len(campaigns) != 1:
        return None
    return next(iter(campaigns)), list(nodes)


def command_size(command: QUndoCommand | None) -> int:
    """The nodes an undo step touches: a command's own size, a macro's (Cut) its parts'."""
    if command is None:
        return 0
    if isinstance(command, WorkspaceCommand):
        return command.size
    return sum(command_size(command.child(i)) for i in range(command.childCount()))


class AddNodesCommand(WorkspaceCommand):
    """Adds nodes and the links among them (a drop, a paste, a duplicate), as one batch of
    domain events (``Campaign.add_many``), so the canvas builds their items in one go.

    With ``copy`` (the default) the command keeps copies of ``nodes``, so the caller may
    go on using its own; a caller handing over nodes made for the command alone passes
    False. Redo adds the command's nodes themselves, undo takes them back (as Delete's undo
    puts back the very nodes it removed): the edits between a redo and its undo are undone
    by then, so they are as they were added."""

    def __init__(self, workspace: Workspace, campaign_id: str, nodes: list[Node],
                 links: list[tuple[str, str]], text: str,
                 parent: QUndoCommand | None = None, copy: bool = True) -> None:
        super().__init__(workspace, text, parent)
        self.campaign_id = campaign_id
        self.nodes = [n.copy() for n in nodes] if copy else list(nodes)
        self.links = list(links)

    @property
    def size(self) -> int:
        return len(self.nodes)

    def canvas_target(self) -> CanvasTarget | None:
        return self.campaign_id, [n.id for n in self.nodes]

    def redo(self) -> None:
        self.campaign(self.campaign_id).add_many(self.nodes, self.links)

    def undo(self) -> None:
        campaign = self.campaign(self.campaign_id)
        removed, _links = campaign.remove_many([n.id for n in reversed(self.nodes)])
        self.nodes = removed[::-1]


class RemoveNodesCommand(WorkspaceCommand):
    """Removes nodes with all their links; undo puts both back (one batch of domain events
    each way: see ``Campaign.remove_many`` and ``add_many``)."""

    def __init__(self, workspace: Workspace, campaign_id: str, node_ids: list[str],
                 text: str = "Delete", parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, text, parent)
        self.campaign_id = campaign_id
        self.node_ids = list(node_ids)
        self.removed: list[Node] = []
        self.links: list[tuple[str, str]] = []
        self.order: Order = (None, {})

    @property
    def size(self) -> int:
        return len(self.node_ids)

    def canvas_target(self) -> CanvasTarget | None:
        return self.campaign_id, list(self.node_ids)

    def redo(self) -> None:
        campaign = self.campaign(self.campaign_id)
        self.order = campaign.order_around(self.node_ids, whole=True)
        self.removed, self.links = campaign.remove_many(self.node_ids)

    def undo(self) -> None:
        campaign = self.campaign(self.campaign_id)
        campaign.add_many(self.removed, self.links)
        campaign.restore_order(self.order)  # as it was: the file too (see order_around)


class LinkCommand(WorkspaceCommand):
    def __init__(self, workspace: Workspace, campaign_id: str, source: str, target: str,
                 parent: QUndoCommand | None = None) -> None:
        campaign = workspace.campaign(campaign_id)
        text = (f'Link "{short_name(campaign.node(source).name)}" to '
                f'"{short_name(campaign.node(target).name)}"')
        super().__init__(workspace, text, parent)
        self.campaign_id, self.source, self.target = campaign_id, source, target

    def canvas_target(self) -> CanvasTarget | None:
        return self.campaign_id, [self.source, self.target]

    def redo(self) -> None:
        self.campaign(self.campaign_id).link(self.source, self.target)

    def undo(self) -> None:
        self.campaign(self.campaign_id).unlink(self.source, self.target)


class UnlinkCommand(WorkspaceCommand):
    def __init__(self, workspace: Workspace, campaign_id: str, source: str, target: str,
                 parent: QUndoCommand | None = None) -> None:
        campaign = workspace.campaign(campaign_id)
        text = (f'Delete link "{short_name(campaign.node(source).name)}" to '
                f'"{short_name(campaign.node(target).name)}"')
        super().__init__(workspace, text, parent)
        self.campaign_id, self.source, self.target = campaign_id, source, target
        self.order: Order = (None, {})

    def canvas_target(self) -> CanvasTarget | None:
        return self.campaign_id, [self.source, self.target]

    def redo(self) -> None:
        campaign = self.campaign(self.campaign_id)
        self.order = campaign.order_around([self.source, self.target])
        campaign.unlink(self.source, self.target)

    def undo(self) -> None:
        campaign = self.campaign(self.campaign_id)
        campaign.link(self.source, self.target)
        campaign.restore_order(self.order)


class MoveNodesCommand(WorkspaceCommand):
    """Moves nodes; consecutive moves of one drag (same ``drag_id``) merge into one step."""

    def __init__(self, workspace: Workspace, campaign_id: str, old: dict[str, Point],
                 new: dict[str, Point], drag_id: int | None = None, text: str = "Move",
                 parent: QUndoCommand | None = None, done: bool = False) -> None:
        super().__init__(workspace, text, parent)
        self.campaign_id = campaign_id
        self.old, self.new = dict(old), dict(new)
        self.drag_id = drag_id
        self._done = done  # the nodes are there already (a mouse drag): the push moves none

    @property
    def size(self) -> int:
        return len(self.new)

    def canvas_target(self) -> CanvasTarget | None:
        return self.campaign_id, list(self.new)

    def _apply(self, positions: dict[str, Point]) -> None:
        self.campaign(self.campaign_id).place(positions)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return MOVE_COMMAND_ID if self.drag_id is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveNodesCommand) or other.drag_id != self.drag_id:
            return False
        if other.campaign_id != self.campaign_id:
            return False
        for node_id, position in other.old.items():
            self.old.setdefault(node_id, position)
        self.new.update(other.new)
        return True


class RenameNodeCommand(WorkspaceCommand):
    def __init__(self, workspace: Workspace, campaign_id: str, node_id: str, old: str,
                 new: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, f'Rename "{short_name(old)}" to "{short_name(new)}"',
                         parent)
        self.campaign_id, self.node_id, self.old, self.new = campaign_id, node_id, old, new

    def canvas_target(self) -> CanvasTarget | None:
        return self.campaign_id, [self.node_id]

    def redo(self) -> None:
        self.campaign(self.campaign_id).rename(self.node_id, self.new)

    def undo(self) -> None:
        self.campaign(self.campaign_id).restore_name(self.node_id, self.old)


class AddCampaignCommand(WorkspaceCommand):
    """Adds a campaign (new, or a duplicate with its nodes) at ``index``."""

    def __init__(self, workspace: Workspace, campaign: Campaign, index: int | None = None,
                 text: str = "New campaign", parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, text, parent)
        self.added = campaign
        self.index = index

    def redo(self) -> None:
        self.workspace.add_campaign(self.added, self.index)

    def undo(self) -> None:
        self.workspace.remove_campaign(self.added.id)


class RemoveCampaignCommand(WorkspaceCommand):
    def __init__(self, workspace: Workspace, campaign_id: str,
                 parent: QUndoCommand | None = None) -> None:
        name = workspace.campaign(campaign_id).name
        super().__init__(workspace, f'Delete campaign "{short_name(name)}"', parent)
        self.campaign_id = campaign_id
        self.removed: Campaign | None = None
        self.index = 0

    def redo(self) -> None:
        self.removed, self.index = self.workspace.remove_campaign(self.campaign_id)

    def undo(self) -> None:
        if self.removed is not None:
            self.workspace.add_campaign(self.removed, self.index)


class RenameCampaignCommand(WorkspaceCommand):
    def __init__(self, workspace: Workspace, campaign_id: str, new: str,
                 parent: QUndoCommand | None = None) -> None:
        self.old = workspace.campaign(campaign_id).name
        super().__init__(workspace, f'Rename campaign "{short_name(self.old)}" to '
                                    f'"{short_name(new)}"', parent)
        self.campaign_id, self.new = campaign_id, new

    def redo(self) -> None:
        self.workspace.rename_campaign(self.campaign_id, self.new)

    def undo(self) -> None:
        self.workspace.rename_campaign(self.campaign_id, self.old)


class MoveCampaignCommand(WorkspaceCommand):
    """Puts a campaign at another place of the campaign list."""

    def __init__(self, workspace: Workspace, campaign_id: str, index: int,
                 parent: QUndoCommand | None = None) -> None:
        names = [c.id for c in workspace.campaigns]
        self.old = names.index(campaign_id)
        way = "up" if index < self.old else "down"
        name = workspace.campaign(campaign_id).name
        super().__init__(workspace, f'Move campaign "{short_name(name)}" {way}', parent)
        self.campaign_id, self.new = campaign_id, index

    def redo(self) -> None:
        self.workspace.move_campaign(self.campaign_id, self.new)

    def undo(self) -> None:
        self.workspace.move_campaign(self.campaign_id, self.old)
