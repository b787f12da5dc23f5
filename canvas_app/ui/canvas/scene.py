"""The canvas scene: a projection of one campaign that follows the domain's events.

It keeps ``node_id -> NodeItem`` and ``(source, target) -> LinkItem`` and changes items only
in answer to domain events. Mouse gestures become intents for the controller: a drag of
selected nodes becomes merged move commands, a drag from a node's handle becomes a link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QToolTip,
    QWidget,
)

from ...domain.campaign import Campaign
from ...domain.names import isolated
from ...domain.nodes import Node
from ...editing.controller import Controller
from ..tooltip_text import wrapped_tooltip
from .drag_clear import step_clear
from .link_item import LinkItem
from .link_routing import LinkRouter
from .node_item import NodeItem, handle_centre, item_bounds
from .overview import OverviewItem
from .scene_events import FollowsDomain
from .scene_gestures import LINK_CANCELLED, LinkAiming, link_drag_hint
from .style import CanvasStyle

GRID = 20.0
POSITION_DECIMALS = 2  # positions dropped or dragged with Snap to Grid off
OVERVIEW_MIN_NODES = 400
SCENE_MARGIN = 2000.0
LINT_DELAY_MS = 150


LINK_DROP_HINT = "Drop the link on another node to connect them."


class CampaignScene(LinkAiming, FollowsDomain, QGraphicsScene):
    rename_requested = Signal(str)  # node id: open the inline name editor
    edit_requested = Signal(str)  # node id: "View and edit"
    findings_changed = Signal()
    # The campaign shown, or whether it has any node, changed: the view's empty-canvas hint
    # appears or goes, and the whole viewport must repaint (not just the items' rects).
    emptiness_changed = Signal(bool)  # True when no node is shown

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The BSP index finds the items in view without asking every item for its bounds,
        # so a repaint costs what is visible, not what is in the campaign.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.style_cache = CanvasStyle()
        self.controller = controller
        self.campaign_id: str | None = None
        self.snap_to_grid = True
        self.nodes: dict[str, NodeItem] = {}
        self.links: dict[tuple[str, str], LinkItem] = {}
        # Links bend round the nodes in their way, in campaigns too small for the overview
        # (larger ones keep straight links: routing there would slow opening and dragging,
        # and hidden nodes are not in the index the router searches).
        self.router = LinkRouter(self, max_nodes=OVERVIEW_MIN_NODES - 1)
        self._findings: dict[str, list[tuple[str, str]]] = {}  # (severity, message)
        self.overview = OverviewItem(self)
        self.overview.setVisible(False)
        self.addItem(self.overview)
        self.overview_mode = False
        self.band_drawn = False  # a rubber band is being drawn (see LinkItem.collidesWithPath)
        self.zoom = 1.0  # the view's, as set_zoom was last told
        self.overview_selection: set[str] = set()  # the selection while the overview shows
        self._nodes_rect: QRectF | None = None  # nodes_rect(), until the campaign changes
        # Links whose nodes moved while the overview hid them: they follow when shown again.
        self._stale_links: set[LinkItem] = set()
        # How far each node of a batched move went, while all went alike (else _UNEVEN).
        self._batch_delta: tuple[float, float] | object | None = None
        # Between the first per-node event of a batch and the event naming them all (see
        # scene_events): the selected items it removes go without a selectionChanged each
        # (remove_item), and the scene says once, at the end, that the selection changed.
        self._batch_open = False
        self._selection_changed_quietly = False
        # The links and nodes a batch removed, their items taken off at its end.
        self._going_links: list[tuple[str, str]] = []
        self._going_nodes: list[str] = []
        self._link_from: NodeItem | None = None
        self.link_target: NodeItem | None = None  # highlighted while a link is drawn
        # why the campaign refuses a link to ``link_target`` (drawn in another look), or None
        self.link_refusal: str | None = None
        self._link_said = ""  # what the status bar was told last while a link is drawn
        self._rubber: QGraphicsLineItem | None = None
        self._press: QPointF | None = None
        self._drag_start: dict[str, tuple[float, float]] = {}
        self._drag_id: int | None = None
        self._drag_on_grid = False  # every node dragged starts on the grid
        # More for a node's tooltip (the simulation's counts): (node id, kind) -> text or "".
        self.tooltip_extra: Callable[[str, str], str] | None = None
        # the node whose count pill (drawn by the Simulation layer) is at a scene point
        self.pill_owner: Callable[[QPointF], str | None] | None = None
        self._lint_timer = QTimer(self)
        self._lint_timer.setSingleShot(True)
        self._lint_timer.setInterval(LINT_DELAY_MS)
        self._lint_timer.timeout.connect(self.refresh_findings)
        self._unsubscribe = controller.workspace.events.subscribe(self.on_domain_event)

    # -- binding -------------------------------------------------------------------------
    def detach(self) -> None:
        """Stops following the workspace (before the scene is dropped)."""
        self._unsubscribe()
        self._lint_timer.stop()

    def current_campaign(self) -> Campaign | None:
        ws = self.controller.workspace
        if self.campaign_id is None or not ws.has_campaign(self.campaign_id):
            return None
        return ws.campaign(self.campaign_id)

    def domain_node(self, node_id: str) -> Node | None:
        campaign = self.current_campaign()
        if campaign is None or node_id not in campaign.graph:
            return None
        return campaign.graph.nodes[node_id]["node"]

    def icon_name(self, kind: str) -> str:
        return self.style_cache.icon_name(kind)

    def show_campaign(self, campaign_id: str | None) -> None:
        """Rebuilds the items from the campaign (opening, switching campaigns)."""
        if self._link_from is not None:  # (Ctrl+PgDown while drawing one) the bar said
            self.controller.status_message.emit(LINK_CANCELLED)  # why it could not be made
        self._clear_items()
        self.campaign_id = campaign_id
        campaign = self.current_campaign()
        if campaign is not None:
            for node in campaign.nodes:
                self._add_node_item(node)
        # the badges known before the links are made: each link's ends keep clear of them
        # from the start (made after, every link of a badged node was laid out twice)
        self._findings = self._campaign_findings()
        if campaign is not None:
            for source, target in campaign.edges:
                self._add_link_item(source, target)
        self._update_scene_rect(reset=True)
        self.overview.invalidate()
        self.findings_changed.emit()
        self.emptiness_changed.emit(not self.nodes)

    def _clear_items(self) -> None:
        self._cancel_gestures()
        if self.selectedItems():  # at once, not once for each selected item removed
            self.clearSelection()
        for link in self.links.values():
            self.removeItem(link)
        for item in self.nodes.values():
            self.removeItem(item)
        self.links.clear()
        self.nodes.clear()
        self._stale_links = set()
        self.router.clear()
        self.overview_selection = set()
        self._going_links, self._going_nodes = [], []
        self._nodes_rect: QRectF | None = None

    def _add_node_item(self, node: Node) -> NodeItem:
        item = NodeItem(self, node.id, node.kind)
        item.move_to(node.x, node.y)
        if self.overview_mode:
            item.setVisible(False)
        self.addItem(item)
        self.nodes[node.id] = item
        self.router.note(item)
        return item

    def _add_link_item(self, source: str, target: str) -> LinkItem:
        link = LinkItem(self, self.nodes[source], self.nodes[target])
        if self.overview_mode:
            link.setVisible(False)
        self.addItem(link)
        self.links[(source, target)] = link
        reverse = self.links.get((target, source))
        if reverse is not None:  # the pair is drawn apart now (LinkItem.adjust)
            link.adjust()
            self.router.link_changed(reverse)
        return link

    def _update_scene_rect(self, reset: bool = False) -> None:
        campaign = self.current_campaign()
        if campaign is None or len(campaign) == 0:
            self.setSceneRect(QRectF(-SCENE_MARGIN, -SCENE_MARGIN, 2 * SCENE_MARGIN,
                                     2 * SCENE_MARGIN))
            return
        xs = [n.x for n in campaign.nodes]
        ys = [n.y for n in campaign.nodes]
        wanted = QRectF(min(xs) - SCENE_MARGIN, min(ys) - SCENE_MARGIN,
                        max(xs) - min(xs) + 2 * SCENE_MARGIN,
                        max(ys) - min(ys) + 2 * SCENE_MARGIN)
        self.setSceneRect(wanted if reset else self.sceneRect().united(wanted))

    def nodes_rect(self) -> QRectF:
        """The rectangle around every node (names included) and every curved link, in scene
        coordinates; worked out once per change of the campaign (fitting the view, the
        simulation's overlay and the scene rectangle all ask)."""
        if self._nodes_rect is None:
            self.ensure_links_current()  # a curved link's bounds count
            self._nodes_rect = self._work_out_nodes_rect()
        return QRectF(self._nodes_rect)

    def _work_out_nodes_rect(self) -> QRectF:
        campaign = self.current_campaign()
        if campaign is None or len(campaign) == 0:
            return QRectF()
        bounds = {kind: item_bounds(kind) for kind in {n.kind for n in campaign.nodes}}
        left = min(n.x + bounds[n.kind].left() for n in campaign.nodes)
        top = min(n.y + bounds[n.kind].top() for n in campaign.nodes)
        right = max(n.x + bounds[n.kind].right() for n in campaign.nodes)
        bottom = max(n.y + bounds[n.kind].bottom() for n in campaign.nodes)
        rect = QRectF(left, top, right - left, bottom - top)
        for link in self.links.values():  # a curved link may bow out past the nodes
            if link.is_arc():
                rect = rect.united(link.rect())
        return rect

    def _grow_scene_rect(self, left: float, top: float, right: float, bottom: float) -> None:
        """Makes room round nodes whose centres span (left, top) to (right, bottom)."""
        rect = self.sceneRect()
        inner = rect.adjusted(SCENE_MARGIN / 2, SCENE_MARGIN / 2, -SCENE_MARGIN / 2,
                              -SCENE_MARGIN / 2)
        if not (inner.contains(QPointF(left, top)) and inner.contains(QPointF(right, bottom))):
            self.setSceneRect(rect.united(QRectF(left - SCENE_MARGIN, top - SCENE_MARGIN,
                                                 right - left + 2 * SCENE_MARGIN,
                                                 bottom - top + 2 * SCENE_MARGIN)))

    # -- lint badges ---------------------------------------------------------------------
    def _campaign_findings(self) -> dict[str, list[tuple[str, str]]]:
        """The lint's findings on the nodes of the campaign shown, as (severity, message)
        by node id."""
        # Locals, not attributes of this Qt object, in the loops: looking one up costs
        # more than a dict's, and there are several findings per node (50,000 at 20,000).
        findings: dict[str, list[tuple[str, str]]] = {}
        campaign_id = self.campaign_id
        for finding in self.controller.findings():
            if finding.node_id and finding.campaign_id == campaign_id:
                found = findings.get(finding.node_id)
                if found is None:
                    found = findings[finding.node_id] = []
                found.append((finding.severity, finding.message))
        return findings

    def refresh_findings(self) -> None:
        findings, before, nodes = self._campaign_findings(), self._findings, self.nodes
        changed = set(findings) ^ set(before) | {
            k for k, found in findings.items() if found != before.get(k)}
        self._findings = findings
        for node_id in changed:
            item = nodes.get(node_id)
            if item is not None:
                item.update()
                if (node_id in findings) != (node_id in before):  # a badge came or went:
                    for link in item.links:  # a link's end keeps clear of it
                        link.adjust()
        self.findings_changed.emit()

    def schedule_lint(self) -> None:
        self._lint_timer.start()

    def findings_for(self, node_id: str) -> list[str]:
        return [message for _, message in self._findings.get(node_id, [])]

    def findings_with_severity(self, node_id: str) -> list[tuple[str, str]]:
        """The node's findings as (severity, message): "error" or "warning"."""
        return list(self._findings.get(node_id, []))

    def has_badge(self, node_id: str) -> bool:
        """Whether the node shows a warning or error badge."""
        return node_id in self._findings

    def has_error(self, node_id: str) -> bool:
        """Whether a finding on the node is an error (it stops a simulation)."""
        return any(severity == "error" for severity, _ in self._findings.get(node_id, []))

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        item = self.node_at(event.scenePos())
        if item is None and self.pill_owner is not None:  # a count pill: its node's tip
            owner = self.pill_owner(event.scenePos())
            item = self.nodes.get(owner) if owner is not None else None
        if item is None:
            QToolTip.hideText()
            event.ignore()
            return
        node = self.domain_node(item.node_id)
        lines = [isolated(node.name)] if node else []
        if node is not None:
            lines.append(node.spec.describe(node.config, self.controller.workspace.catalog))
        lines += [f"✖ Error: {m}" if severity == "error" else f"⚠ {m}"
                  for severity, m in self._findings.get(item.node_id, [])]
        if self.tooltip_extra is not None:
            extra = self.tooltip_extra(item.node_id, item.kind)
            if extra:
                lines.append(extra)
        QToolTip.showText(event.screenPos(), wrapped_tooltip(lines))  # long lines wrap
        event.accept()

    # -- level of detail -----------------------------------------------------------------
    def set_zoom(self, scale: float, threshold: float) -> None:
        """Switches to the overview below ``threshold`` when the campaign is large."""
        self.zoom = scale
        wanted = scale < threshold and len(self.nodes) >= OVERVIEW_MIN_NODES
        if wanted == self.overview_mode:
            return
        with self.one_selection_signal():  # hiding or showing n selected items
            self._switch_overview(wanted)

    def _switch_overview(self, wanted: bool) -> None:
        if wanted:
            self._cancel_gestures()
            # Hidden items cannot be selected: the overview keeps the selection meanwhile.
            self.overview_selection = set(self.selected_node_ids())
            self.overview.ensure_current()
        self.overview_mode = wanted
        if not wanted:
            self.ensure_links_current()
        for item in self.nodes.values():
            item.setVisible(not wanted)
        for link in self.links.values():
            link.setVisible(not wanted)
        self.overview.setVisible(wanted)
        if not wanted:
            kept, self.overview_selection = self.overview_selection, set()
            for node_id in kept:
                if node_id in self.nodes:
                    self.nodes[node_id].setSelected(True)

    def names_shown(self) -> bool:
        """Whether the nodes' names are drawn at the view's zoom (and so can be hit)."""
        return self.zoom >= self.style_cache.detail_lod

    # -- selection helpers ---------------------------------------------------------------
    def node_at(self, pos: QPointF) -> NodeItem | None:
        for item in self.items(pos):
            if isinstance(item, NodeItem):
                return item
        return None

    def selected_node_ids(self) -> list[str]:
        if self.overview_mode:
            return [n for n in self.nodes if n in self.overview_selection]
        return [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_links(self) -> list[tuple[str, str]]:
        return [i.key for i in self.selectedItems() if isinstance(i, LinkItem)]

    def select_nodes(self, node_ids: list[str]) -> None:
        """Selects these nodes (and nothing else); ``selectionChanged`` is emitted once,
        when the selection changed."""
        if self.overview_mode:  # its items are hidden, which Qt never selects
            self.clearSelection()
            chosen = {n for n in node_ids if n in self.nodes}
            if chosen != self.overview_selection:
                self.overview_selection = chosen
                self.overview.update()
                self.selectionChanged.emit()  # as Qt does for items: the Edit menu follows
            return
        with self.one_selection_signal():
            self.clearSelection()
            for node_id in node_ids:
                item = self.nodes.get(node_id)
                if item is not None:
                    item.setSelected(True)

    @contextmanager
    def one_selection_signal(self) -> Iterator[None]:
        """Within, the scene's signals wait: a change of the selection emits
        ``selectionChanged`` once, at the end, instead of once for each item selected,
        deselected, hidden or removed (Qt's way). Its listeners read the whole selection
        (the Edit menu's actions): once per item, a change of n items cost n times n."""
        before = set(self.selectedItems())
        blocked = self.blockSignals(True)
        try:
            yield
        finally:
            self.blockSignals(blocked)
            if set(self.selectedItems()) != before:
                self.selectionChanged.emit()

    def remove_item(self, item: QGraphicsItem) -> None:
        """Takes the item off the scene. Within a batch, a selected one goes without a
        ``selectionChanged`` (Qt emits one for each selected item removed): the batch's
        end emits one for them all (``scene_events``)."""
        if not (self._batch_open and item.isSelected()):
            self.removeItem(item)
            return
        blocked = self.blockSignals(True)
        try:
            self.removeItem(item)
        finally:
            self.blockSignals(blocked)
        self._selection_changed_quietly = True

    def snap(self, x: float, y: float) -> tuple[float, float]:
        """A position for the controller: on the grid, or with Snap to Grid off, to the
        hundredth of a pixel (the view's transform left noise the file kept:
        -107.99999999999999)."""
        if not self.snap_to_grid:
            return round(float(x), POSITION_DECIMALS) + 0.0, \
                round(float(y), POSITION_DECIMALS) + 0.0
        return float(round(x / GRID) * GRID), float(round(y / GRID) * GRID)

    # -- gestures ------------------------------------------------------------------------
    def _cancel_gestures(self) -> None:
        if self._rubber is not None:
            self.removeItem(self._rubber)
        self._rubber = None
        self._link_from = None
        self._set_link_target(None)
        self._link_said = ""
        self._press = None
        self._set_links_live(False)
        if self._drag_id is not None:  # a drag cut short (another campaign, the overview):
            self.controller.finish_drag(self._drag_id)  # its nodes stay, as one step
        self._drag_start = {}
        self._drag_id = None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.overview_mode and event.button() == Qt.MouseButton.LeftButton \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.select_nodes([])  # a click on the overview clears, as on the canvas
        if event.button() != Qt.MouseButton.LeftButton or self.campaign_id is None:
            super().mousePressEvent(event)
            return
        item = self.node_at(event.scenePos())
        if item is not None and item.part_at(event.scenePos()) == "handle":
            self._link_from = item
            origin = item.mapToScene(handle_centre(item.kind))
            self._rubber = QGraphicsLineItem(QLineF(origin, event.scenePos()))
            self._rubber.setPen(self.style_cache.rubber_pen)
            self._rubber.setZValue(10)
            self.addItem(self._rubber)
            self._say_while_linking(link_drag_hint(self.node_name(item.node_id)))
            event.accept()
            return
        super().mousePressEvent(event)
        if item is not None and item.isSelected():
            campaign = self.current_campaign()
            if campaign is not None:
                self._press = event.scenePos()
                self._drag_start = {n: (campaign.node(n).x, campaign.node(n).y)
                                    for n in self.selected_node_ids()}
                self._drag_id = None
                # all on the grid: a step snaps their one offset, once (the places
                # snapping each gave; 10,000 nodes spent 20 ms a step rounding)
                self._drag_on_grid = all(x % GRID == 0 and y % GRID == 0
                                         for x, y in self._drag_start.values())

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._link_from is not None and self._rubber is not None:
            line = self._rubber.line()
            line.setP2(event.scenePos())
            self._rubber.setLine(line)
            self._aim_link(event.scenePos())
            event.accept()
            return
        if (self._press is not None and self._drag_start
                and event.buttons() & Qt.MouseButton.LeftButton and self.campaign_id):
            delta = event.scenePos() - self._press
            if self._drag_id is None and delta.manhattanLength() < 3:
                return
            if self._drag_id is None:
                self._drag_id = self.controller.new_drag_id()
                self._set_links_live(True)
            dx, dy, snap = delta.x(), delta.y(), self.snap  # once, not per node (10,000)
            if self.snap_to_grid and self._drag_on_grid:  # each on the grid: one offset
                sx, sy = snap(dx, dy)
                positions = {n: (x + sx, y + sy) for n, (x, y) in self._drag_start.items()}
            else:
                positions = {n: snap(x + dx, y + dy)
                             for n, (x, y) in self._drag_start.items()}
            self.controller.drag_nodes(self.campaign_id, positions, self._drag_id)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._link_from is not None:
            source = self._link_from
            if self._rubber is not None:
                self.removeItem(self._rubber)
            self._rubber = None
            self._link_from = None
            self._set_link_target(None)
            self._link_said = ""
            target = self.link_target_at(event.scenePos())
            if target is None:
                self.controller.status_message.emit(LINK_DROP_HINT)
            elif self.campaign_id is not None:
                self.controller.link(self.campaign_id, source.node_id, target.node_id)
            event.accept()
            return
        if self._drag_id is not None:
            said = step_clear(self, [self.nodes[n] for n in self._drag_start
                                     if n in self.nodes], self._drag_id)
            self.controller.finish_drag(self._drag_id)  # one step, or none if back
            if said:
                self.controller.status_message.emit(said)
        self._press = None
        self._set_links_live(False)
        self._drag_start = {}
        self._drag_id = None
        super().mouseReleaseEvent(event)

    def node_name(self, node_id: str) -> str:
        node = self.domain_node(node_id)
        return node.name if node is not None else ""

    def _set_links_live(self, live: bool) -> None:
        """The links of the nodes being dragged paint straight onto the view while the
        drag lasts (see ``LinkItem.set_live``)."""
        for node_id in self._drag_start:
            item = self.nodes.get(node_id)
            for link in item.links if item is not None else ():
                link.set_live(live)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.node_at(event.scenePos())
        if item is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        part = item.part_at(event.scenePos())
        if part == "name":
            self.rename_requested.emit(item.node_id)
        elif part in ("body", "badge"):
            self.edit_requested.emit(item.node_id)
        event.accept()
