"""The main window's canvas intents (a mixin of MainWindow): place, select, delete, rename,
view and edit, link and lay out nodes; undo and redo (and the History panel's jumps), which
show where the step was; grid, snap, navigator and zoom to the selection. Each turns into a
controller call; the scene follows the domain's events."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.counting import counted
from ..domain.names import short_name
from ..editing.commands import (
    LinkCommand,
    OnCanvas,
    UnlinkCommand,
    command_size,
    command_target,
)
from ..editing.layout import COLUMN
from .busy import busy_cursor
from .dialogs.widgets import ACTION_TEXT_LENGTH
from .link_menu import show_link_menu
from .window_actions import LINK_HINT

REVEAL_MARGIN = 40  # the view's reveal() keeps this much room round the nodes it shows


class StepLinks(NamedTuple):
    """The links an undo step (or a run of them) adds or deletes in one campaign, and the
    nodes its other parts touch."""

    keys: list[tuple[str, str]]
    other_nodes: list[str]


def _step_links(step: QUndoCommand, campaign_id: str) -> StepLinks:
    keys: dict[tuple[str, str], None] = {}
    others: dict[str, None] = {}

    def visit(part: QUndoCommand) -> None:
        if isinstance(part, LinkCommand | UnlinkCommand):
            if part.campaign_id == campaign_id:
                keys[(part.source, part.target)] = None
            return
        if isinstance(part, OnCanvas):
            target = part.canvas_target()
            if target is not None and target[0] == campaign_id:
                others.update(dict.fromkeys(target[1]))
            return
        for i in range(part.childCount()):
            visit(part.child(i))

    visit(step)
    return StepLinks(list(keys), list(others))

if TYPE_CHECKING:
    from .main_window import MainWindow


class CanvasIntents:
    def _selection(self: MainWindow) -> tuple[str | None, list[str], list[tuple[str, str]]]:
        if self.scene is None:
            return None, [], []
        return (self.scene.campaign_id, self.scene.selected_node_ids(),
                self.scene.selected_links())

    def place_node(self: MainWindow, kind: str) -> str | None:
        campaign_id = self.current_campaign_id()
        if campaign_id is None or self.scene is None:
            self.show_status("Create or choose a campaign first.")
            return None
        # From the canvas's context menu: where it was opened; with one node selected, the
        # next column after it (a flow is built left to right); else the middle of the view.
        after = None if self.view.context_pos else self._after_selected()
        if after is not None:  # in line with the selected node, on the grid or not (QA 23c:
            x, y = after.x(), after.y()  # snapped, it sat 10 px off an auto-laid-out row)
        else:
            where = self.view.context_pos or self.view.centre_scene_pos()
            x, y = self.scene.snap(where.x(), where.y())
        node_id = self.controller.add_node(campaign_id, kind, x, y, find_free_spot=True)
        self.scene.select_nodes([node_id])
        self.reveal_nodes([node_id])
        self.view.setFocus()
        return node_id

    def _after_selected(self: MainWindow) -> QPointF | None:
        """One column to the right of the only selected node, or None."""
        campaign_id, nodes, _links = self._selection()
        if campaign_id is None or len(nodes) != 1:
            return None
        node = self.controller.campaign(campaign_id).node(nodes[0])
        return QPointF(node.x + COLUMN, node.y)

    def reveal_nodes(self: MainWindow, node_ids: list[str]) -> None:
        """Scrolls the canvas so that these nodes (new ones, say) are in view."""
        self.view.reveal(node_ids)

    def undo(self: MainWindow) -> None:
        """Edit > Undo (and the toolbar's): see :meth:`stepping`. A name being typed in
        place is dropped first (the rename cancelled): Undo takes back the edit before it,
        and Redo still has what it had (committing would have pushed a rename instead).
        During a drag on the canvas (the button held), it takes back that drag, as Esc does:
        the drag is the edit under way, and not yet a step."""
        if self.view.cancel_press():
            return
        stack = self.undo_group.activeStack()
        if stack is not None and stack.canUndo():
            with self._name_editor_dropped(), self.stepping(stack, stack.index() - 1):
                stack.undo()

    def redo(self: MainWindow) -> None:
        self.view.cancel_press()  # a drag under way goes back first (see undo)
        stack = self.undo_group.activeStack()
        if stack is not None and stack.canRedo():
            with self._name_editor_dropped(), self.stepping(stack, stack.index() + 1):
                stack.redo()

    @contextmanager
    def _name_editor_dropped(self: MainWindow) -> Iterator[None]:
        """Closes a name being typed (the rename cancelled) before the step; after it, the
        whole canvas is drawn again (QA: the editor's going and the step's change in one
        event left a ghost of a moved node's name and link on the canvas)."""
        editing = self.view.name_editor is not None
        self.view.close_name_editor()
        yield
        if editing:
            self.view.viewport().update()

    @contextmanager
    def stepping(self: MainWindow, stack: QUndoStack,
                 index: int | None = None) -> Iterator[None]:
        """Around an Undo, a Redo or a jump in the History panel (to ``index``, when
        known): a wait cursor over a step of thousands of nodes; then the canvas shows the
        campaign the step changed (switching to it), its nodes there selected and in view,
        and the status bar says what was undone or redone. A step that changes no one
        campaign's nodes (the catalog, the e-commerce actions, the campaign list, which
        shows its own) leaves the view as it is; nodes it brings back to the campaign
        shown are selected."""
        before = stack.index()
        size = 0
        if index is not None:
            size = sum(command_size(stack.command(i))
                       for i in range(min(before, index), max(before, index)))
        scene = self.scene
        shown = scene.campaign_id if scene is not None else None
        nodes_before = set(scene.nodes) if scene is not None else set()
        with busy_cursor(size):
            yield
        after = stack.index()
        if after != before:
            self._show_step(stack, before, after, shown, nodes_before)

    def _show_step(self: MainWindow, stack: QUndoStack, before: int, after: int,
                   shown: str | None, nodes_before: set[str]) -> None:
        undone = after < before
        steps = [stack.command(i) for i in range(min(before, after), max(before, after))]
        # the step whose change is the last made: the earliest one undone, the latest redone
        last = steps[0] if undone else steps[-1]
        target = command_target(last)
        words = last.text()
        if len(words) > ACTION_TEXT_LENGTH:  # cut as Edit > Undo and History cut it (QA 21)
            words = words[:ACTION_TEXT_LENGTH - 1].rstrip() + "…"
            words += '"' if words.count('"') % 2 else ""
        if target is None:
            self._select_added(shown, nodes_before)
        else:
            # the nodes of that step alone, as one Undo or Redo selects (QA: a jump
            # selected the nodes of every step it went over, so a Delete after it took
            # more than the user had in mind)
            campaign_id, node_ids = target
            if campaign_id != shown and self.controller.workspace.has_campaign(campaign_id):
                self.campaign_list.select(campaign_id)
                name = self.controller.campaign(campaign_id).name
                words += f' in "{short_name(name)}"'  # (that edit's: others may be elsewhere)
            self._select_and_show(campaign_id, node_ids, _step_links(last, campaign_id))
        if len(steps) > 1:
            words += f" and {counted(len(steps) - 1, 'edit')} {'after' if undone else 'before'} it"
        self.show_status(f"{'Undid' if undone else 'Redid'} {words}.")

    def _select_added(self: MainWindow, shown: str | None, nodes_before: set[str]) -> None:
        """Selects the nodes of the campaign shown that are new since ``nodes_before``."""
        scene = self.scene
        if scene is None or scene.campaign_id != shown:
            return
        back = [n for n in scene.nodes if n not in nodes_before]
        if back:
            scene.select_nodes(back)

    def _select_and_show(self: MainWindow, campaign_id: str, node_ids: list[str],
                         links: StepLinks | None = None) -> None:
        """Selects those of the nodes on the canvas and scrolls them into view when they
        are not in it; the zoom changes only when they do not fit the view at this one.
        With ``links`` (the step's links and the nodes its other parts touch): a link the
        step brought back (Undo of its delete, Redo of its add) is selected in place of its
        two ends, with the nodes of the step's other parts (a node deleted with it)."""
        scene = self.scene
        if scene is None or scene.campaign_id != campaign_id:
            return
        chosen_links: list[tuple[str, str]] = []
        if links is not None and not scene.overview_mode:  # (its links are hidden)
            chosen_links = [key for key in links.keys if key in scene.links]
            if chosen_links:
                node_ids = links.other_nodes
        present = [n for n in dict.fromkeys(node_ids) if n in scene.nodes]
        if not present and not chosen_links:
            return
        if chosen_links:
            with scene.one_selection_signal():
                scene.clearSelection()
                for node_id in present:
                    scene.nodes[node_id].setSelected(True)
                for key in chosen_links:
                    scene.links[key].setSelected(True)
        else:
            scene.select_nodes(present)
        view = self.view
        rect = view.nodes_rect(present) if present else None
        for key in chosen_links:
            bounds = scene.links[key].sceneBoundingRect()
            rect = bounds if rect is None else rect.united(bounds)
        if rect is None:
            return
        room = view.mapToScene(view.viewport().rect()).boundingRect()
        if room.contains(rect):
            return  # in view already: the view stays where the user left it (QA)
        margin = 2 * REVEAL_MARGIN
        if rect.width() + margin > room.width() or rect.height() + margin > room.height():
            view.fitted = False
            view.fit_rect(rect)
        else:
            view.ensureVisible(rect, REVEAL_MARGIN, REVEAL_MARGIN)  # as view.reveal() does

    def delete_selection(self: MainWindow) -> None:
        campaign_id, nodes, links = self._selection()
        if campaign_id is not None and (nodes or links):
            # the links that go with the nodes count too (QA: "Deleted 1 node." for a node
            # that took two links with it)
            graph, gone = self.controller.campaign(campaign_id).graph, set(nodes)
            removed = set(links) | {edge for n in gone if n in graph
                                    for edge in (*graph.in_edges(n), *graph.out_edges(n))}
            with busy_cursor(len(nodes)):
                self.controller.delete(campaign_id, nodes, links)
            parts = [counted(len(nodes), "node")] if nodes else []
            if removed:
                parts.append(counted(len(removed), "link"))
            self.show_status(f"Deleted {' and '.join(parts)}. Undo (Ctrl+Z) brings "
                             f"{'them' if len(nodes) + len(removed) > 1 else 'it'} back.")

    def select_all(self: MainWindow) -> None:
        """Edit > Select All (Ctrl+A); the status bar says how many (see window_status)."""
        if self.scene is not None:
            self.follow_selection()
            self.scene.select_nodes(list(self.scene.nodes))

    def rename_selected(self: MainWindow) -> None:
        campaign_id, nodes, _links = self._selection()
        if campaign_id is not None and len(nodes) == 1:
            self.view.open_name_editor(nodes[0])

    def edit_selected(self: MainWindow) -> None:
        campaign_id, nodes, _links = self._selection()
        if campaign_id is not None and len(nodes) == 1:
            self.edit_node(campaign_id, nodes[0])
        elif campaign_id is not None:
            self.show_status("Select one node to view and edit it.")

    def _edit_requested(self: MainWindow, node_id: str) -> None:
        campaign_id = self.current_campaign_id()
        if campaign_id is not None:
            self.edit_node(campaign_id, node_id)

    def edit_node(self: MainWindow, campaign_id: str, node_id: str) -> None:
        self.controller.edit_node(campaign_id, node_id)

    def link_selected(self: MainWindow) -> None:
        """Keyboard linking: the two selected nodes, from the left one to the right one;
        with one selected, a menu of the nodes it can link to."""
        campaign_id, nodes, _links = self._selection()
        if campaign_id is not None and len(nodes) == 1:
            self.link_menu = show_link_menu(self, campaign_id, nodes[0])
            return
        if campaign_id is None or len(nodes) != 2:
            self.show_status(LINK_HINT)
            return
        campaign = self.controller.campaign(campaign_id)
        source, target = sorted(nodes, key=lambda n: (campaign.node(n).x, campaign.node(n).y))
        self.controller.link(campaign_id, source, target)

    def auto_layout(self: MainWindow) -> None:
        campaign_id = self.current_campaign_id()
        if campaign_id is not None:
            with busy_cursor(len(self.controller.campaign(campaign_id))):
                self.controller.auto_layout(campaign_id)
                self.view.fit()

    def set_grid_visible(self: MainWindow, visible: bool) -> None:
        self.view.show_grid = visible
        self.view.resetCachedContent()
        self.view.viewport().update()

    def zoom_to_selection(self: MainWindow) -> None:
        if not self.view.zoom_to_selection():
            self.show_status("Select the nodes to zoom to first.")

    def set_navigator_shown(self: MainWindow, shown: bool) -> None:
        self.navigator.set_enabled_by_user(shown)
        self.settings.setValue("view/navigator", shown)

    def set_snap(self: MainWindow, snap: bool) -> None:
        if self.scene is not None:
            self.scene.snap_to_grid = snap
