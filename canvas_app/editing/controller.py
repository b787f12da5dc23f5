"""The controller: turns the views' intents into undo commands on the workspace.

Views never change the domain themselves; they call a method here. Each method checks the
domain's rules (``can_link``, non-empty names), tells the user why an intent is refused
(``status_message``), and pushes one command, or one macro for a group edit.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from ..domain.campaign import Campaign, Finding
from ..domain.campaign_usage import actions_using_campaign, ecommerce_without_campaign
from ..domain.counting import counted
from ..domain.ids import new_id
from ..domain.lint_cache import LintCache
from ..domain.names import name_key, short_name, tidy_name
from ..domain.nodes import COORDINATE_LIMIT, Node, node_kind, on_canvas
from ..domain.workspace import Workspace
from . import clipboard
from .commands import (
    AddCampaignCommand,
    AddNodesCommand,
    LinkCommand,
    MoveCampaignCommand,
    MoveNodesCommand,
    RemoveCampaignCommand,
    RemoveNodesCommand,
    RenameCampaignCommand,
    RenameNodeCommand,
    UnlinkCommand,
)
from .layout import free_offset, free_spot, layered_positions, nearest_free_spot
from .paste_checks import PastePlan, PasteRefused, check_paste
from .settings_commands import SetCatalogCommand, SetEcommerceCommand

PASTE_OFFSET = (40.0, 40.0)



def unused_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``, … the first not in ``taken`` (compared
    without case); a name that already ends in a number in brackets counts on from it."""
    return FreeNames(taken).claim(name)


class FreeNames:
    """Hands out names no other holds (see :func:`unused_name`), many in a row: pasting
    10,000 nodes folds the campaign's names once, not once per node, and a stem's next
    number is remembered, so 10,000 copies of "Sequence" do not count up from 2 each."""

    def __init__(self, taken: set[str]) -> None:
        self.folded = {t.casefold() for t in taken}
        self._next: dict[str, int] = {}  # folded stem -> the number to try first

    def claim(self, name: str) -> str:
        if name.casefold() not in self.folded:
            self.folded.add(name.casefold())
            return name
        match = re.fullmatch(r"(.*) \((\d+)\)", name)
        if match:  # "Name (7)" counts on from 8
            stem, n = match.group(1), int(match.group(2)) + 1
            while f"{stem} ({n})".casefold() in self.folded:
                n += 1
        else:  # every "Name (k)" below the remembered number is taken already
            stem, key = name, name.casefold()
            n = self._next.get(key, 2)
            while f"{stem} ({n})".casefold() in self.folded:
                n += 1
            self._next[key] = n + 1
        chosen = f"{stem} ({n})"
        self.folded.add(chosen.casefold())
        return chosen


def deletion_text(campaign: Campaign, node_ids: list[str],
                  links: list[tuple[str, str]]) -> str:
    """What Undo and History call a deletion: 'Delete "Nurture"', 'Delete link "A" to
    "B"', 'Delete 3 nodes and 1 link'."""
    if len(node_ids) == 1 and not links:
        return f'Delete "{short_name(campaign.node(node_ids[0]).name)}"'
    if not node_ids and len(links) == 1:
        source, target = links[0]
        return (f'Delete link "{short_name(campaign.node(source).name)}" to '
                f'"{short_name(campaign.node(target).name)}"')
    parts = [counted(len(node_ids), "node")] if node_ids else []  # "7,000 nodes" (QA 23e)
    if links:
        parts.append(counted(len(links), "link"))
    return "Delete " + " and ".join(parts)


def copy_stem(name: str) -> str:
    """The name a copy was made from: "X" for "X (copy)" and "X (copy 2)", else ``name``."""
    return re.sub(r" \(copy(?: \d+)?\)$", "", name)


def copy_name(name: str, taken: set[str]) -> str:
    """The name of a copy of ``name``: "X (copy)", then "X (copy 2)", "X (copy 3)", … the
    first not in ``taken`` (without case); a copy of a copy counts on ("X (copy)" gives
    "X (copy 2)", not "X (copy) (copy)")."""
    folded = {t.casefold() for t in taken}
    stem = copy_stem(name)
    n = 1
    while True:
        candidate = f"{stem} (copy)" if n == 1 else f"{stem} (copy {n})"
        if candidate.casefold() not in folded:
            return candidate
        n += 1


class Controller(QObject):
    """One per open workspace, with its undo stack."""

    status_message = Signal(str)

    def __init__(self, workspace: Workspace, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.undo_stack = undo_stack
        self.dialog_parent: QWidget | None = None
        self._drag_counter = 0
        # Mouse drags under way: drag id -> (campaign, where its nodes were before it)
        self._drags: dict[int, tuple[str, dict[str, tuple[float, float]]]] = {}
        self._lint = LintCache(workspace)
        workspace.events.subscribe(self._lint.changed)

    # -- lint ------------------------------------------------------------------------------
    def findings(self, now: datetime | None = None) -> list[Finding]:
        """The workspace's lint, ``workspace.lint(now)`` exactly, kept between edits: the
        Warnings panel, the canvas's badges and Save all ask after an edit, and an edit
        makes again only the part of the lint it concerns, mostly its own campaign's (the
        whole lint of 12,000 nodes took a quarter of a second after renaming one). The
        same list as last time while nothing changed."""
        return self._lint.findings(now or datetime.now(UTC))

    # -- helpers ---------------------------------------------------------------------------
    def campaign(self, campaign_id: str) -> Campaign:
        return self.workspace.campaign(campaign_id)

    def fresh_node_id(self) -> str:
        taken = self.workspace.all_node_ids()
        node_id = new_id("n")
        while node_id in taken:
            node_id = new_id("n")
        return node_id

    def default_name(self, campaign_id: str, kind: str) -> str:
        """"Purchase goal 1", "Purchase goal 2", ...: one past the highest number in use."""
        label = node_kind(kind).label
        pattern = re.compile(rf"^{re.escape(label)} (\d+)$")
        numbers = [int(m.group(1)) for n in self.campaign(campaign_id).nodes
                   if (m := pattern.match(n.name))]
        return f"{label} {max(numbers, default=0) + 1}"

    def new_drag_id(self) -> int:
        """A key that makes the moves of one mouse drag merge into one undo step."""
        self._drag_counter += 1
        return self._drag_counter

    def drag_nodes(self, campaign_id: str, positions: dict[str, tuple[float, float]],
                   drag_id: int) -> None:
        """A step of the mouse drag ``drag_id``: the nodes go there at once (the canvas,
        its links and counts follow them), but nothing is pushed until the drag ends
        (:meth:`finish_drag`), so an undone edit stays redoable until then, and Esc
        (:meth:`cancel_drag`) leaves Undo and Redo as they were (QA 22: the first step of
        a drag was pushed, and Redo's edits were gone even when it was cancelled)."""
        campaign = self.campaign(campaign_id)
        lim = COORDINATE_LIMIT  # within it (nearly always): no call per node of 10,000
        positions = {n: (x if -lim <= x <= lim else on_canvas(x),
                         y if -lim <= y <= lim else on_canvas(y))
                     for n, (x, y) in positions.items()}
        _campaign, start = self._drags.setdefault(drag_id, (campaign_id, {}))
        node = campaign.node
        moves = {}
        for node_id, place in positions.items():
            item = node(node_id)
            if node_id not in start:
                start[node_id] = (item.x, item.y)
            if (item.x, item.y) != place:
                moves[node_id] = place
        campaign.place(moves)

    def finish_drag(self, drag_id: int) -> bool:
        """The drag ``drag_id`` ended: one undo step from where its nodes were to where they
        are, none when they are back where they were (QA 22: that pushed an empty Move,
        and the title said unsaved). True when a step was pushed."""
        record = self._drags.pop(drag_id, None)
        if record is None or not self.workspace.has_campaign(record[0]):
            return False
        campaign_id, start = record
        campaign = self.campaign(campaign_id)
        old = {n: p for n, p in start.items() if campaign.has_node(n)}
        new = {n: (campaign.node(n).x, campaign.node(n).y) for n in old}
        if old == new:
            return False
        first = campaign.node(next(iter(new)))
        text = f'Move "{first.name}"' if len(new) == 1 else f"Move {counted(len(new), 'node')}"
        self.undo_stack.push(MoveNodesCommand(self.workspace, campaign_id, old, new,
                                              drag_id, text=text, done=True))
        return True

    def cancel_drag(self, drag_id: int) -> bool:
        """Puts the nodes of the drag ``drag_id`` back where they were (Esc while the button
        is held), pushing nothing. False when it moved nothing."""
        record = self._drags.pop(drag_id, None)
        if record is None or not self.workspace.has_campaign(record[0]):
            return False
        campaign_id, start = record
        campaign = self.campaign(campaign_id)
        campaign.place({n: p for n, p in start.items() if campaign.has_node(n)
                        and (campaign.node(n).x, campaign.node(n).y) != p})
        return bool(start)

    # -- nodes -----------------------------------------------------------------------------
    def add_node(self, campaign_id: str, kind: str, x: float, y: float,
                 find_free_spot: bool = False, near: bool = False) -> str:
        """Adds a node at (x, y); with ``find_free_spot``, at the nearest spot below or to
        the right where it covers no other node (placing by keyboard); with ``near``, at
        the free spot nearest to (x, y) in any direction, or at (x, y) when none is within
        three node sizes (``layout.SPOT_REACH``; a drop: the node lands near where the user
        let go)."""
        if find_free_spot or near:
            taken = [(n.x, n.y) for n in self.campaign(campaign_id).nodes]
            x, y = nearest_free_spot(taken, x, y) if near else free_spot(taken, x, y)
        x, y = on_canvas(x), on_canvas(y)
        node = Node(self.fresh_node_id(), kind, self.default_name(campaign_id, kind), x, y)
        self.undo_stack.push(AddNodesCommand(self.workspace, campaign_id, [node], [],
                                             f'Add "{node.name}"', copy=False))
        return node.id

    def rename_node(self, campaign_id: str, node_id: str, name: str) -> bool:
        node = self.campaign(campaign_id).node(node_id)
        name = tidy_name(name)  # as the canvas shows it: one space between words
        if not name:
            self.status_message.emit("A name cannot be empty; the old name is kept.")
            return False
        if name == node.name:
            return False
        self.undo_stack.push(RenameNodeCommand(self.workspace, campaign_id, node_id,
                                               node.name, name))
        return True

    def move_nodes(self, campaign_id: str, positions: dict[str, tuple[float, float]],
                   drag_id: int | None = None) -> None:
        """Moves nodes as one undo step; the moves of one drag (``drag_id``) merge into one.
        (The arrow keys' caller shows the wait cursor over thousands of nodes.)"""
        campaign = self.campaign(campaign_id)
        nodes = [campaign.node(n) for n in positions]
        # Not past the canvas's edge (a file could not hold it): dragged far out, a node
        # stops there.
        positions = {n: (on_canvas(x), on_canvas(y)) for n, (x, y) in positions.items()}
        old = {node.id: (node.x, node.y) for node in nodes}
        if all(old[n] == (float(x), float(y)) for n, (x, y) in positions.items()):
            return
        text = f'Move "{nodes[0].name}"' if len(nodes) == 1 \
            else f"Move {counted(len(nodes), 'node')}"
        self.undo_stack.push(MoveNodesCommand(self.workspace, campaign_id, old, positions,
                                              drag_id, text=text))

    def delete(self, campaign_id: str, node_ids: list[str],
               links: list[tuple[str, str]] | None = None) -> None:
        """Deletes nodes with their links, and the given links, as one undo step."""
        campaign = self.campaign(campaign_id)
        node_ids = [n for n in node_ids if campaign.has_node(n)]
        gone = set(node_ids)
        links = [(s, t) for s, t in links or [] if campaign.has_edge(s, t)
                 and s not in gone and t not in gone]
        if not node_ids and not links:
            return
        self.undo_stack.beginMacro(deletion_text(campaign, node_ids, links))
        for source, target in links:
            self.undo_stack.push(UnlinkCommand(self.workspace, campaign_id, source, target))
        if node_ids:
            self.undo_stack.push(RemoveNodesCommand(self.workspace, campaign_id, node_ids))
        self.undo_stack.endMacro()

    # -- links -----------------------------------------------------------------------------
    def link(self, campaign_id: str, source: str, target: str) -> bool:
        """Links two nodes, or says in the status bar why not (and changes nothing)."""
        reason = self.campaign(campaign_id).can_link(source, target)
        if reason:
            self.status_message.emit(f"Cannot link: {reason}.")
            return False
        self.undo_stack.push(LinkCommand(self.workspace, campaign_id, source, target))
        return True

    def unlink(self, campaign_id: str, source: str, target: str) -> None:
        self.delete(campaign_id, [], [(source, target)])

    # -- clipboard -------------------------------------------------------------------------
    def copy_data(self, campaign_id: str, node_ids: list[str]) -> dict[str, Any]:
        """The nodes, their links and the catalog items they name, as the clipboard
        holds them."""
        return clipboard.copy_nodes(self.campaign(campaign_id), node_ids,
                                    self.workspace.catalog)

    def check_paste(self, data: Any) -> PastePlan | None:
        """Clipboard ``data`` checked for a paste (see :func:`.paste_checks.check_paste`),
        or None after saying in the status bar why it cannot be pasted."""
        try:
            return check_paste(data, self.workspace)
        except PasteRefused as exc:
            self.status_message.emit(str(exc))
            return None

    def paste_data(self, campaign_id: str, data: Any,
                   offset: tuple[float, float] = PASTE_OFFSET, text: str = "Paste"
                   ) -> list[str]:
        """Checks clipboard ``data``, then pastes it (:meth:`paste_plan`); returns the new
        ids, none when it is refused (the status bar says why; nothing is pushed)."""
        plan = self.check_paste(data)
        return [] if plan is None else self.paste_plan(campaign_id, plan, offset, text)

    def paste_plan(self, campaign_id: str, plan: PastePlan,
                   offset: tuple[float, float] = PASTE_OFFSET, text: str = "Paste"
                   ) -> list[str]:
        """Adds copies of a checked paste's nodes with fresh ids and the links among them,
        and the catalog items they need that the workspace lacks, as one undo step;
        returns the new ids.

        The copies go ``offset`` away from the originals, or further down or right until
        none of them covers a node of the campaign (or its name)."""
        if not plan.nodes:
            return []
        group = [(n.x, n.y) for n in plan.nodes]
        taken = [(n.x, n.y) for n in self.campaign(campaign_id).nodes]
        offset = free_offset(taken, group, offset)
        nodes, links = clipboard.fresh_copies(plan, self.workspace.all_node_ids(), offset)
        names = FreeNames({n.name for n in self.campaign(campaign_id).nodes})
        for node in nodes:  # copies beside their originals get "Name (2)", as a file would
            node.name = names.claim(node.name)
            node.x, node.y = on_canvas(node.x), on_canvas(node.y)
        label = f"{text} {counted(len(nodes), 'node')}"
        add = AddNodesCommand(self.workspace, campaign_id, nodes, links, label,
                              copy=False)  # made for it alone
        if plan.catalog is None:
            self.undo_stack.push(add)
        else:  # the items first, so that the goals never name a missing one
            added = len(plan.added)
            if added:  # Undo and the History name them too: "Paste 2 nodes and 1 ..."
                label += f" and {added} catalog item{'s' if added != 1 else ''}"
            self.undo_stack.beginMacro(label)
            self.undo_stack.push(SetCatalogCommand(self.workspace, self.workspace.catalog,
                                                   plan.catalog, label))
            self.undo_stack.push(add)
            self.undo_stack.endMacro()
        return [n.id for n in nodes]

    def duplicate(self, campaign_id: str, node_ids: list[str]) -> list[str]:
        """Copies of the campaign's own nodes and their links, beside them: no clipboard
        data to check (and a goal naming an item the catalog lacks, as a draft file may
        hold, is copied as it is, with the same warning)."""
        campaign = self.campaign(campaign_id)
        chosen = [n for n in node_ids if campaign.has_node(n)]
        keep = set(chosen)
        plan = PastePlan([campaign.node(n).copy() for n in chosen],
                         [(s, t) for s, t in campaign.edges if s in keep and t in keep])
        return self.paste_plan(campaign_id, plan, text="Duplicate")

    # -- layout ----------------------------------------------------------------------------
    def auto_layout(self, campaign_id: str) -> None:
        campaign = self.campaign(campaign_id)
        if len(campaign) == 0:
            return
        new = layered_positions(campaign)
        old = {n: (campaign.node(n).x, campaign.node(n).y) for n in new}
        if old == new:
            return
        self.undo_stack.push(MoveNodesCommand(self.workspace, campaign_id, old, new,
                                              text="Auto-Layout"))

    # -- campaigns -------------------------------------------------------------------------
    def new_campaign(self, name: str = "") -> str:
        names = {name_key(c.name) for c in self.workspace.campaigns}
        if not name:
            n = 1
            while name_key(f"Campaign {n}") in names:  # as a rename compares names
                n += 1
            name = f"Campaign {n}"
        ids = {c.id for c in self.workspace.campaigns}
        campaign_id = new_id("c")
        while campaign_id in ids:
            campaign_id = new_id("c")
        self.undo_stack.push(AddCampaignCommand(self.workspace, Campaign(campaign_id, name),
                                                text=f'New campaign "{short_name(name)}"'))
        return campaign_id

    def rename_campaign(self, campaign_id: str, name: str) -> bool:
        name = tidy_name(name)
        if not name:
            self.status_message.emit("A campaign name cannot be empty.")
            return False
        if name == self.campaign(campaign_id).name:
            return False
        other = next((c for c in self.workspace.campaigns
                      if c.id != campaign_id and name_key(c.name) == name_key(name)), None)
        if other is not None:  # named as it is (the typed name may differ in capitals)
            self.status_message.emit(f'Another campaign is already named '
                                     f'"{short_name(other.name)}": choose another name.')
            return False
        self.undo_stack.push(RenameCampaignCommand(self.workspace, campaign_id, name))
        return True

    def move_campaign(self, campaign_id: str, index: int) -> bool:
        """Puts the campaign at ``index`` of the campaign list, as one undo step; False
        when it is there already (nothing pushed)."""
        ids = [c.id for c in self.workspace.campaigns]
        index = max(0, min(index, len(ids) - 1))
        if ids.index(campaign_id) == index:
            return False
        self.undo_stack.push(MoveCampaignCommand(self.workspace, campaign_id, index))
        return True

    def duplicate_campaign(self, campaign_id: str) -> str:
        source = self.campaign(campaign_id)
        ids = {c.id for c in self.workspace.campaigns}
        copy_id = new_id("c")
        while copy_id in ids:
            copy_id = new_id("c")
        duplicate = Campaign(copy_id, copy_name(source.name,
                                                {c.name for c in self.workspace.campaigns}))
        data = clipboard.copy_nodes(source, [n.id for n in source.nodes])
        nodes, links = clipboard.fresh_nodes(data, self.workspace.all_node_ids(), (0.0, 0.0))
        for node in nodes:
            duplicate.add_node(node)
        for s, t in links:
            duplicate.link(s, t)
        # After the campaign and the copies of it already there: "X", "X (copy)",
        # "X (copy 2)", in the order they were made.
        campaigns = self.workspace.campaigns
        index = [c.id for c in campaigns].index(campaign_id) + 1
        stem = copy_stem(source.name).casefold()
        while index < len(campaigns) and \
                copy_stem(campaigns[index].name).casefold() == stem \
                and campaigns[index].name.casefold() != stem:
            index += 1
        self.undo_stack.push(AddCampaignCommand(
            self.workspace, duplicate, index,
            f'Duplicate campaign "{source.name}" as "{duplicate.name}"'))
        return copy_id

    def delete_campaign(self, campaign_id: str) -> None:
        """Deletes a campaign and the e-commerce actions that name it, as one undo step.

        The caller has already asked the user (see :meth:`campaign_deletion_effects`).
        """
        name = self.campaign(campaign_id).name
        uses = actions_using_campaign(self.workspace, campaign_id)
        self.undo_stack.beginMacro(f'Delete campaign "{short_name(name)}"')
        self.undo_stack.push(RemoveCampaignCommand(self.workspace, campaign_id))
        if uses:
            before = self.workspace.ecommerce
            self.undo_stack.push(SetEcommerceCommand(
                self.workspace, before, ecommerce_without_campaign(before, campaign_id),
                f'Remove the actions naming campaign "{name}"'))
        self.undo_stack.endMacro()

    def campaign_deletion_effects(self, campaign_id: str) -> tuple[int, list[str]]:
        """What deleting a campaign takes with it: its node count and, for each e-commerce
        action naming it, a sentence saying where that action is."""
        uses = actions_using_campaign(self.workspace, campaign_id)
        return len(self.campaign(campaign_id)), [u.where for u in uses]

    # -- editors (one entry point each) ----------------------------------------------------
    def edit_node(self, campaign_id: str, node_id: str) -> QDialog:
        """"View and edit": opens the node's editor; it pushes one command on Save."""
        from ..ui.dialogs import open_node_editor

        return open_node_editor(self.dialog_parent, self.workspace, self.undo_stack,
                                campaign_id, node_id)

    def open_catalog(self) -> QDialog:
        from ..ui.dialogs import open_catalog_manager

        return open_catalog_manager(self.dialog_parent, self.workspace, self.undo_stack)

    def open_ecommerce(self) -> QDialog:
        from ..ui.dialogs import open_ecommerce_actions

        return open_ecommerce_actions(self.dialog_parent, self.workspace, self.undo_stack)

