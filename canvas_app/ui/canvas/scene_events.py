"""How the canvas scene follows the domain's events (a mixin of CampaignScene): each event
changes the items it concerns; a batch of them (``Campaign.move_many``, ``add_many``,
``remove_many``: per-node events marked ``batched``, then one naming them all) changes each
item at once and does once, at the end, what concerns the batch as a whole: the links it
concerns are routed once each (the router holds them meanwhile), and a selection it changed
(selected items removed) is told once (Qt tells each item: its listeners read the whole
selection each time, n times n for a batch of n)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain import events as ev
from ...domain.events import DomainEvent

if TYPE_CHECKING:
    from .node_item import NodeItem
    from .scene import CampaignScene

_UNEVEN = object()  # the nodes of a batched move went different ways


class FollowsDomain:
    """``on_domain_event`` and the helpers it uses; the state they keep (``nodes``,
    ``links``, ``_stale_links``, ``_batch_delta`` ...) is made in CampaignScene.__init__."""

    def on_domain_event(self: CampaignScene, event: DomainEvent) -> None:
        if event.extra.get("batched"):  # one of several: the event naming them follows
            if event.campaign_id == self.campaign_id:
                self._nodes_rect = None
                if not self._batch_open:
                    self._batch_open = True
                    self.router.hold()  # links are routed once, when the batch ends
                self._follow_one_of_many(event)
            return
        try:
            self._follow(event)
        finally:
            if self._batch_open:
                self._end_batch()

    def _end_batch(self: CampaignScene) -> None:
        """The event naming a batch's nodes came: the links it concerned are routed, each
        once, and the selection's change, if any, is told once."""
        if not self._batch_open:
            return
        self._drop_going()  # selected items among them go quietly: the batch is open
        self._batch_open = False
        self.router.release()
        self._nodes_rect = None  # a curved link's bounds count
        if self._selection_changed_quietly:
            self._selection_changed_quietly = False
            self.selectionChanged.emit()

    def _follow(self: CampaignScene, event: DomainEvent) -> None:
        name = event.name
        if event.campaign_id == self.campaign_id or name == ev.WORKSPACE_RESET:
            self._nodes_rect = None  # the campaign on show changed
        if name in (ev.CATALOG_CHANGED, ev.ECOMMERCE_CHANGED, ev.CAMPAIGN_ADDED):
            self._lint_timer.start()
            return
        if name == ev.WORKSPACE_RESET:
            self.show_campaign(self.campaign_id)
            return
        if name == ev.CAMPAIGN_REMOVED and event.campaign_id == self.campaign_id:
            self.show_campaign(None)
            return
        if event.campaign_id != self.campaign_id:
            self._lint_timer.start()
            return
        campaign = self.current_campaign()
        if campaign is None:
            return
        if name == ev.NODE_MOVED and event.node_id in self.nodes:
            node = campaign.node(event.node_id)
            item = self.nodes[event.node_id]
            self.router.note(item)
            item.move_to(node.x, node.y)
            self.router.node_moved(item)
            self._grow_scene_rect(node.x, node.y, node.x, node.y)
            self.overview.nodes_moved((item,))
            return
        if name == ev.NODES_MOVED:  # after their NODE_MOVED: each link follows once
            self._many_moved(event.extra.get("node_ids", ()))
            return
        if name == ev.NODES_ADDED:
            self._many_added(event.extra.get("node_ids", ()))
        elif name == ev.NODES_REMOVED:
            self._end_batch()
            if not self.nodes:
                self.emptiness_changed.emit(True)
            if self._stale_links and self.router.active:
                self.ensure_links_current()
        elif name == ev.NODE_ADDED and event.node_id:
            node = campaign.node(event.node_id)
            self.router.node_placed(self._add_node_item(node))
            self._grow_scene_rect(node.x, node.y, node.x, node.y)
            if len(self.nodes) == 1:
                self.emptiness_changed.emit(False)
        elif name == ev.NODE_REMOVED and event.node_id in self.nodes:
            self._remove_node_item(event.node_id)
            if not self.nodes:
                self.emptiness_changed.emit(True)
        elif name == ev.NODE_CHANGED and event.node_id in self.nodes:
            item = self.nodes[event.node_id]
            item.update()
            for link in item.links:  # a renamed node's links go round its new name
                link.adjust()
            self.router.node_placed(item)  # and the links its name now blocks, or not
            self._lint_timer.start()  # the overview draws no names or settings: as it was
            return
        elif name == ev.EDGE_ADDED and event.source and event.target:
            self._add_link_item(event.source, event.target)
        elif name == ev.EDGE_REMOVED and event.source and event.target:
            self._remove_link((event.source, event.target))
        self.overview.invalidate()
        self._lint_timer.start()

    def _follow_one_of_many(self: CampaignScene, event: DomainEvent) -> None:
        """One node or link of a batch (``Campaign.move_many``, ``add_many``,
        ``remove_many``): an item moved or added follows at once; items removed go at the
        batch's end, all together (``_drop_going``), before anyone hears of the event
        naming them all (none of the listeners reads the items meanwhile). What concerns
        the batch as a whole (links between moved nodes, the scene rectangle, the overview,
        the lint, re-routing) waits for that event too."""
        name = event.name
        if name == ev.NODE_MOVED:
            item = self.nodes.get(event.node_id or "")
            if item is not None:
                node = self.controller.workspace.campaign(event.campaign_id or "").node(
                    item.node_id)
                x, y = item.centre
                delta = (node.x - x, node.y - y)
                if self._batch_delta is None:
                    self._batch_delta = delta
                elif delta != self._batch_delta:
                    self._batch_delta = _UNEVEN
                self.router.note(item)
                item.move_to(node.x, node.y, follow=False)
        elif name == ev.NODE_ADDED and event.node_id:
            campaign = self.controller.workspace.campaign(event.campaign_id or "")
            self._add_node_item(campaign.node(event.node_id))
        elif name == ev.EDGE_ADDED and event.source and event.target:
            self._add_link_item(event.source, event.target)
        elif name == ev.EDGE_REMOVED and event.source and event.target:
            self._going_links.append((event.source, event.target))
        elif name == ev.NODE_REMOVED and event.node_id in self.nodes:
            self._going_nodes.append(event.node_id or "")

    def _drop_going(self: CampaignScene) -> None:
        """The items of the nodes and links a batch removed go (they wait for its end, to
        be seen together): when they are every node of the campaign, all at once (perf QA:
        deleting 10,000 nodes one item at a time took most of a second); else each."""
        links, nodes = self._going_links, self._going_nodes
        if not links and not nodes:
            return
        self._going_links, self._going_nodes = [], []
        if len(nodes) == len(self.nodes):  # every node of the campaign goes
            if self.overview_selection or self.selectedItems():
                blocked = self.blockSignals(True)
                try:
                    self._clear_items()
                finally:
                    self.blockSignals(blocked)
                self._selection_changed_quietly = True  # told at the batch's end
            else:
                self._clear_items()
            return
        for key in links:
            self._remove_link(key)
        for node_id in nodes:
            if node_id in self.nodes:
                self._remove_node_item(node_id)

    def _many_moved(self: CampaignScene, node_ids: tuple[str, ...]) -> None:
        """After the NODE_MOVED of each of these (their items have moved): each link among
        and around them follows once; while the overview shows in their place, the links
        (hidden) follow only when they show again (``ensure_links_current``)."""
        delta, self._batch_delta = self._batch_delta, None
        items = [item for n in node_ids if (item := self.nodes.get(n)) is not None]
        if not items:
            return
        links = {link for item in items for link in item.links}
        if self.overview_mode and not self.router.active:
            self._stale_links |= links
        elif delta is not None and delta is not _UNEVEN and not self.router.active:
            moved = {item.node_id for item in items}  # all by one delta: shift, not redo
            for link in links:
                if link.source.node_id in moved and link.target.node_id in moved:
                    link.translate(*delta)
                else:
                    link.adjust()
        elif self.router.active:  # each link re-routes once, when the batch ends
            self.router.nodes_moved(items)
        else:
            for link in links:
                link.adjust()
        self._end_batch()  # the links routed before anyone hears of the scene's change
        self._grow_scene_rect(*self._extent(items))
        if len(items) == len(self.nodes) and delta is not None and delta is not _UNEVEN:
            self.overview.moved_by(*delta)  # all of them, alike: the drawing shifts
        else:
            self.overview.nodes_moved(items)  # their squares and links' ends, in place

    def _many_added(self: CampaignScene, node_ids: tuple[str, ...]) -> None:
        """After the NODE_ADDED and EDGE_ADDED of a batch (their items are built)."""
        items = [item for n in node_ids if (item := self.nodes.get(n)) is not None]
        if not items:
            return
        self.router.nodes_added(items)  # the links they block, routed once, at the end
        self._end_batch()  # the links routed before anyone hears of the scene's change
        self._grow_scene_rect(*self._extent(items))
        if len(self.nodes) == len(items):
            self.emptiness_changed.emit(False)

    @staticmethod
    def _extent(items: list[NodeItem]) -> tuple[float, float, float, float]:
        """Left, top, right, bottom of these nodes' centres."""
        xs = [item.centre[0] for item in items]
        ys = [item.centre[1] for item in items]
        return min(xs), min(ys), max(xs), max(ys)

    def ensure_links_current(self: CampaignScene) -> None:
        """Brings up to date the links left behind while the overview hid them (see
        ``_many_moved``); anything that reads a link's way in the overview calls this first."""
        stale, self._stale_links = self._stale_links, set()
        for link in stale:
            if link.scene() is self:
                link.adjust()

    def _remove_node_item(self: CampaignScene, node_id: str) -> None:
        item = self.nodes.pop(node_id)
        for link in list(item.links):
            self._remove_link(link.key)
        self.remove_item(item)  # a selected one told once for the batch
        self.router.node_removed(item)

    def _remove_link(self: CampaignScene, key: tuple[str, str]) -> None:
        link = self.links.pop(key, None)
        if link is not None:
            link.detach()
            self.remove_item(link)
            self.router.forget(link)
            self._stale_links.discard(link)
            reverse = self.links.get((key[1], key[0]))
            if reverse is not None:  # drawn straight again, now or when the batch ends
                self.router.link_changed(reverse)

