"""The simulation drawn on the canvas: live counts on every node, contacts moving on links.

One item above the nodes paints, for the campaign on show, a count pill on each node (how
many contacts are in a sequence now; how many achieved a goal, and how many wait at it) and
the contacts that are moving: a dot that travels along the link a contact just followed,
or a ring that pulses on a node a contact entered from outside the flow (added to the
campaign, or a goal achieved directly). It reads node positions from the scene's items and
numbers from the runner; it changes nothing in the workspace.

The pills sit above a node, outside the node item's own rectangle, so a node that moves
(dragged, undone, redone), comes or goes does not repaint them: the layer follows the
workspace's events itself, repaints where a node's pills were and where they are now, and
grows its bounds to wherever a node went (Qt draws nothing of an item outside them).
"""

from __future__ import annotations

import time
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...domain import events as ev
from ...domain.events import DomainEvent
from ...sim import Movement
from ..canvas.node_item import (
    ICON_LOD,
    NAME_WIDTH,
    NodeItem,
    badges_top,
    body_rect,
    item_bounds,
    name_rect,
)
from ..canvas.style import BADGE_HEIGHT
from ..theme import kind_colour
from .words import COMPLETED, LEFT_EARLY

if TYPE_CHECKING:
    from ..canvas.scene import CampaignScene

TRAVEL_S = 0.7  # a dot's trip along a link, in real seconds
PULSE_S = 0.6
MAX_TOKENS = 150  # beyond this many at once, movements show only in the counts
FRAME_MS = 33
TOKEN_RADIUS = 6.0
# Between the links (-1) and the nodes (0): dots travel along a link and pass under the
# nodes, rings spread out from under them, and nothing covers a node's name or icon.
SIM_Z = -0.5
PILLS_WIDTH = 200.0  # how far a node's count pills may reach from its body, right or left
PILL_HEIGHT = BADGE_HEIGHT  # the canvas's text grows with the app's font only as far as
# its count fits this (see canvas.style.text_fits)
# The pills' bottom edge, above the node's centre: over the warning badge that sticks out
# above a node's top right corner (QA: the badge covered the bottom of "3149 waiting"), for
# every kind of node alike, so the pills of a row of nodes stay in line.
PILLS_BOTTOM = min(badges_top(), body_rect("sequence").top(),
                   body_rect("purchase_goal").top()) - 4.0
FAR_FONT_PX = 26  # zoomed out (ICON_LOD to DETAIL_LOD): 8-12 px on screen, in a name's place
PILL_GAP = 4.0  # between two pills of a node, side by side or one row above another
ROW_STEP = BADGE_HEIGHT + PILL_GAP  # from one row of a node's pills to the next
MOST_ROWS = 3  # a node shows at most three pills: wrapped, one a row
# How far above or below a node's item its pills may reach (wrapped into rows).
PILLS_REACH_Y = 40.0 + (MOST_ROWS - 1) * ROW_STEP
# room around the nodes for the rings, the path outlines and the pills above
MARGIN = PILLS_REACH_Y
# At most this many nodes' counts changed: only round those nodes is repainted (see set_counts).
FEW_CHANGED = 500
NODE_EVENTS = frozenset({ev.NODE_MOVED, ev.NODE_ADDED, ev.NODE_REMOVED})
BATCH_ENDS = frozenset({ev.NODES_MOVED, ev.NODES_ADDED, ev.NODES_REMOVED})
PATH_COLOUR = "#c026d3"  # one contact's journey: a colour no node kind uses

ARRIVING = frozenset({"entered", "waiting"})
# Where a contact goes on from along a link: a goal it achieved, a sequence it completed.
# (A sequence it was removed from is not left along a link: a goal took it elsewhere.)
LEFT_ALONG_A_LINK = frozenset({"achieved", "achieved_again", "completed"})


@dataclass
class Token:
    start: QPointF
    end: QPointF | None  # None: a pulse on ``start``
    colour: QColor
    born: float
    way: QPainterPath | None = None  # the link's way, when it is an arc


def journey_path(journey: list[tuple[int, str, str | None, str]]
                 ) -> tuple[set[str], set[tuple[str, str]]]:
    """The nodes a contact's journey visited and the links it followed (as the dots move:
    from a goal achieved or a sequence completed to the node entered next)."""
    visited: set[str] = set()
    links: set[tuple[str, str]] = set()
    came_from: str | None = None
    for _at, event, node, _detail in journey:
        if not node:
            continue
        if event in LEFT_ALONG_A_LINK:
            visited.add(node)
            came_from = node
        elif event in ARRIVING:
            visited.add(node)
            if came_from is not None:
                links.add((came_from, node))
            came_from = None
    return visited, links


def badge_texts(kind: str, counts: dict[str, int]) -> list[tuple[str, str]]:
    """The pills a node shows: (text, role), role "main" or "muted"."""
    if kind == "sequence":
        pills = [(f"{counts.get('active', 0):,} in", "main")]
        done = counts.get("completed", 0)
        if done:
            pills.append((f"{done:,} {COMPLETED}", "muted"))
        left = counts.get("removed", 0)  # taken out by a goal before the end (R5)
        if left:
            pills.append((f"{left:,} {LEFT_EARLY}", "muted"))
        return pills
    pills = [(f"✓ {counts.get('achieved', 0):,}", "main")]
    waiting = counts.get("waiting", 0)
    if waiting:
        pills.append((f"{waiting:,} waiting", "muted"))
    return pills


def describe_counts(kind: str, counts: dict[str, int]) -> str:
    """The counts in words, for the node's tooltip."""
    if kind == "sequence":
        return (f"Simulation: {counts.get('active', 0):,} in it now · "
                f"{counts.get('entered', 0):,} entered · "
                f"{counts.get('completed', 0):,} {COMPLETED} · "
                f"{counts.get('removed', 0):,} {LEFT_EARLY} (a goal took them out)")
    return (f"Simulation: {counts.get('achieved', 0):,} achieved · "
            f"{counts.get('waiting', 0):,} waiting")


PILLS_AWAY = 12.0  # from the body to pills beside it: clear of a selected node's glow (HALO)
SIDES = ("above", "below", "left", "right")  # where a node's pills may go, in that order


def wrap_rows(widths: list[float], room: float) -> list[list[int]]:
    """The pills (by index) in rows at most ``room`` wide, in order, as many to a row as fit
    (one at least)."""
    rows: list[list[int]] = []
    used = 0.0
    for i, width in enumerate(widths):
        if rows and used + PILL_GAP + width <= room:
            rows[-1].append(i)
            used += PILL_GAP + width
        else:
            rows.append([i])
            used = width
    return rows


def pills_origin(item: NodeItem, total: float, side: str) -> tuple[float, float]:
    """The top left corner of a node's row of pills, ``total`` wide, on that side of it
    (scene coordinates): above its body from its left edge (over the warning badge), below
    its name centred, or beside its body in the middle of its height."""
    pos = item.pos()
    cx, cy = pos.x(), pos.y()
    body = body_rect(item.kind)
    if side == "above":
        return cx + body.left(), cy + PILLS_BOTTOM - PILL_HEIGHT
    if side == "below":
        _half, height = item.name_block()
        return cx - total / 2, cy + name_rect(item.kind).top() + height + PILL_GAP
    if side == "left":
        return cx + body.left() - PILLS_AWAY - total, cy - PILL_HEIGHT / 2
    return cx + body.right() + PILLS_AWAY, cy - PILL_HEIGHT / 2


class SimulationLayer(QGraphicsItem):
    def __init__(self, scene: CampaignScene) -> None:
        super().__init__()
        self.canvas = scene
        self.counts: dict[str, dict[str, int]] = {}
        self.tokens: list[Token] = []
        self._arrived_from: dict[str, str] = {}  # contact -> the node it just left
        # One contact's journey, highlighted: nodes visited, where it is now, links followed.
        self.path_nodes: set[str] = set()
        self.path_current: set[str] = set()
        self.path_links: set[tuple[str, str]] = set()
        self._bounds = QRectF()
        # The nodes changed since the bounds were last fitted to them, while nothing was
        # drawn: the bounds are fitted again when something is to be drawn (``_drawing``).
        # (QA: refitting after every move, with no run loaded, went through every node and
        # brought every link the zoomed-out view had left behind up to date: 60 % of an
        # arrow key's press with 1,000 nodes selected.)
        self._stale = False
        # Where each node's pills were last painted (scene coordinates): repainted when the
        # node moves or goes, so nothing stays behind.
        self._painted: dict[str, QRectF] = {}
        self.setZValue(SIM_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._font = QFont(scene.style_cache.badge_font)  # as the app's font, see style
        # a larger font makes wider pills: they reach further
        self._pills_width = PILLS_WIDTH * max(1.0, scene.style_cache.scale)
        self._metrics = QFontMetricsF(self._font)
        self._frames = QTimer(scene)  # goes with the scene, which deletes this item
        self._frames.setInterval(FRAME_MS)
        self._frames.timeout.connect(self._frame)
        scene.addItem(self)
        # After the scene's own listener (subscribed when it was made): its items have moved.
        self._unsubscribe = scene.controller.workspace.events.subscribe(self._on_domain_event)
        scene.pill_owner = self.pill_owner  # a pill hovered shows its node's tooltip (QA)
        self.refit()

    def dispose(self) -> None:
        self._unsubscribe()
        self._frames.stop()
        if shiboken6.isValid(self.canvas) and self.canvas.pill_owner == self.pill_owner:
            self.canvas.pill_owner = None
        if self.scene() is not None:
            self.scene().removeItem(self)

    # -- following the canvas ----------------------------------------------------------------
    def _on_domain_event(self, event: DomainEvent) -> None:
        if event.extra.get("batched"):
            return  # one node or link of several: followed once, at the event naming them
        if not shiboken6.isValid(self):  # its scene went without dispose(): stop listening
            self._unsubscribe()
            return
        name = event.name
        if name == ev.WORKSPACE_RESET:
            self.refit()
            return
        if event.campaign_id != self.canvas.campaign_id or self.scene() is None:
            return
        if not self.draws():
            # Nothing drawn to follow: only the bounds, and those only round nodes added
            # (one at once, a batch at its end: an undone delete of 5,000 nodes went through
            # each node's pills and links for nothing). Nodes that moved or went leave the
            # bounds stale, fitted again when something is drawn.
            if name == ev.NODES_ADDED:
                self._include(self._nodes_area(event.extra.get("node_ids", ()), 0.0))
            elif name == ev.NODE_ADDED:
                item = self.canvas.nodes.get(event.node_id or "")
                if item is not None:
                    self._include(item.sceneBoundingRect())
            elif name in NODE_EVENTS or name in BATCH_ENDS:
                self._stale = True
            return
        if name in (ev.EDGE_ADDED, ev.EDGE_REMOVED):
            if self.path_links or self.counts:
                self.update()  # a highlighted journey follows its links; pills avoid them
            return
        if name in BATCH_ENDS:
            self._follow_many(name, event.extra.get("node_ids", ()))
        elif name in NODE_EVENTS and event.node_id:
            self._follow_node(name, event.node_id)

    def _follow_many(self, name: str, node_ids: Collection[str]) -> None:
        """Several nodes moved, came or went as one change (their items have): a few are
        followed each as one alone; many at once, the whole layer repainted (perf QA: each
        node's own event went through its pills and its neighbours' for thousands)."""
        removed = name == ev.NODES_REMOVED
        if len(node_ids) <= FEW_CHANGED:
            one = ev.NODE_REMOVED if removed else ev.NODE_MOVED
            for node_id in node_ids:
                self._follow_node(one, node_id)
            if self.path_links or self.counts:
                self.update()  # their links came or went: see EDGE_ADDED above
            return
        painted = self._painted
        for node_id in node_ids:
            painted.pop(node_id, None)
        if removed:
            self.tokens.clear()  # contacts on their way to or from them would go on
        else:
            self._include(self._nodes_area(node_ids, self._pills_width + PILLS_AWAY + 10))
        self.update()

    def _nodes_area(self, node_ids: Collection[str], reach: float) -> QRectF:
        """Round these nodes' items (those on the canvas), ``reach`` to the left and the
        right (where their pills may be) and as far above and below (PILLS_REACH_Y)."""
        nodes = self.canvas.nodes
        inf = float("inf")
        left, top, right, bottom = inf, inf, -inf, -inf
        sizes: dict[str, tuple[float, float, float, float]] = {}
        for node_id in node_ids:  # numbers, not a QRectF united 10,000 times (an undo)
            item = nodes.get(node_id)
            if item is None:
                continue
            size = sizes.get(item.kind)
            if size is None:
                b = item_bounds(item.kind)
                size = sizes[item.kind] = (b.left(), b.top(), b.right(), b.bottom())
            x, y = item.centre
            left, top = min(left, x + size[0]), min(top, y + size[1])
            right, bottom = max(right, x + size[2]), max(bottom, y + size[3])
        if left > right:
            return QRectF()
        return QRectF(left - reach, top - PILLS_REACH_Y, right - left + 2 * reach,
                      bottom - top + 2 * PILLS_REACH_Y)

    def _follow_node(self, name: str, node_id: str) -> None:
        """One node moved, came or went (its item has): its pills are repainted where they
        were and where they are now, its neighbours' too (theirs avoid its links)."""
        old = self._painted.pop(node_id, None)
        if old is not None:
            self.update(old)
        if name == ev.NODE_REMOVED and self.counts:
            self.update()  # its neighbours' pills may go back above them, where its links were
        if name == ev.NODE_REMOVED and self.tokens:
            # Moving contacts on their way to or from it would go on where it was.
            self.tokens.clear()
            self.update()
        item = self.canvas.nodes.get(node_id)
        if item is not None and name != ev.NODE_REMOVED:
            area = self.pills_area(item)
            if not area.isEmpty():
                self._include(area)
                self.update(area)
            self._include(item.sceneBoundingRect())
            for link in item.links:  # the nodes at their other ends: their pills avoid them
                other = link.target if link.source is item else link.source
                self._repaint_pills(other)
            if self.counts:  # neighbours' pills wrap round it where it was and where it is
                self._repaint_near(item.sceneBoundingRect(), item)
                if old is not None:
                    self._repaint_near(old, item)
        if node_id in self.path_nodes or node_id in self.path_current or any(
                node_id in link for link in self.path_links):
            self.update()  # its outline and the links it is on moved with it

    def _repaint_near(self, rect: QRectF, moved: NodeItem) -> None:
        """Repaints the pills of the nodes whose rows of pills may reach ``rect``."""
        reach = self._pills_width + PILLS_AWAY + NAME_WIDTH
        for other in self.canvas.items(rect.adjusted(-reach, -PILLS_REACH_Y, reach,
                                                     PILLS_REACH_Y),
                                       Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(other, NodeItem) and other is not moved \
                    and other.node_id in self.counts:
                self._repaint_pills(other)

    def _repaint_pills(self, item: NodeItem) -> None:
        """Repaints where a node's pills were painted and where they are now."""
        old = self._painted.pop(item.node_id, None)
        if old is not None:
            self.update(old)
        area = self.pills_area(item)
        if not area.isEmpty():
            self._include(area)
            self.update(area)

    def _include(self, rect: QRectF) -> None:
        """Grows the bounds to cover ``rect`` (a node moved or added out of them)."""
        if not rect.isEmpty() and not self._bounds.contains(rect):
            self.prepareGeometryChange()
            self._bounds = self._bounds.united(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    # -- what is shown -----------------------------------------------------------------------
    def draws(self) -> bool:
        """Whether the layer draws anything now (a run's counts, moving contacts, a
        contact's journey)."""
        return bool(self.counts or self.tokens or self.path_nodes or self.path_links)

    def _drawing(self) -> None:
        """Something is to be drawn: the bounds, if left stale meanwhile, cover every node
        again."""
        if self._stale:
            self.refit()

    def refit(self) -> None:
        """Covers every node of the campaign on show (call after it changed). While the
        layer draws nothing, it only notes that the bounds are stale: they are fitted when
        something is to be drawn."""
        if not self.draws():
            self._stale = True
            return
        self._stale = False
        rect = self.canvas.nodes_rect()
        if not rect.isEmpty():
            wide = max(MARGIN, self._pills_width + PILLS_AWAY)  # pills to the left or the right
            rect = rect.adjusted(-wide, -MARGIN, wide, MARGIN)
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = rect
        self.update()

    def set_counts(self, counts: dict[str, dict[str, int]],
                   changed: Collection[str] | None = None) -> None:
        """The counts to show. Given the same dict as before (the runner's, updated in
        place) and ``changed``, the nodes whose counts may differ from those last shown,
        only round those nodes is repainted, where their pills may be (QA: on 5,000 nodes
        every tick repainted the whole canvas); otherwise all of it."""
        same = counts is self.counts
        self.counts = counts
        if self._stale and counts:
            self.refit()
            return
        if not same or changed is None or len(changed) > FEW_CHANGED:
            self.update()
            return
        nodes = self.canvas.nodes
        reach = self._pills_width + PILLS_AWAY + 10  # as far as _paint_counts looks
        for node_id in changed:
            item = nodes.get(node_id)
            if item is not None:
                self.update(item.sceneBoundingRect().adjusted(-reach, -PILLS_REACH_Y, reach,
                                                              PILLS_REACH_Y))

    def show_path(self, visited: set[str], current: set[str],
                  links: set[tuple[str, str]]) -> None:
        self.path_nodes, self.path_current, self.path_links = visited, current, links
        self._drawing()
        self.update()

    def clear(self) -> None:
        self.path_nodes, self.path_current, self.path_links = set(), set(), set()
        self.counts = {}
        self.tokens.clear()
        self._arrived_from.clear()
        self._frames.stop()
        self.update()

    def add_movements(self, movements: list[Movement]) -> None:
        nodes, links = self.canvas.nodes, self.canvas.links
        now = time.perf_counter()
        for m in movements:
            if m.kind in LEFT_ALONG_A_LINK:
                left = m.node or m.from_node
                if left:
                    self._arrived_from[m.contact] = left
                continue
            if m.kind not in ARRIVING or not m.to_node:
                continue
            source = self._arrived_from.pop(m.contact, None)
            target = nodes.get(m.to_node)
            if target is None or len(self.tokens) >= MAX_TOKENS:
                continue
            colour = kind_colour(target.kind)
            link = links.get((source, m.to_node)) if source is not None else None
            if link is not None and source is not None:
                way = link.path() if link.is_arc() else None
                self.tokens.append(Token(nodes[source].pos(), target.pos(), colour, now, way))
            else:
                self.tokens.append(Token(target.pos(), None, colour, now))
        if self.tokens:
            self._drawing()
        if self.tokens and not self._frames.isActive():
            self._frames.start()

    def _frame(self) -> None:
        now = time.perf_counter()
        self.tokens = [t for t in self.tokens
                       if now - t.born < (TRAVEL_S if t.end is not None else PULSE_S)]
        if not self.tokens:
            self._frames.stop()
        self.update()

    # -- Qt ----------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never hit: clicks, menus and tooltips reach the nodes below

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = painter.worldTransform().m11()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.path_nodes or self.path_links:
            self._paint_path(painter)
        if self.tokens:
            self._paint_tokens(painter, lod)
        if self.counts and lod >= self.canvas.style_cache.detail_lod:  # last: readable
            self._paint_counts(painter, option.exposedRect)
        elif self.counts and lod >= ICON_LOD:
            self._paint_far_counts(painter, option.exposedRect)

    def pills(self, item: NodeItem) -> list[tuple[QRectF, str, str]]:
        """A node's count pills where they are drawn now: (rect, text, role), in scene
        coordinates (the layer sits at the scene's origin).

        Above the node (over its warning badge) unless one of the node's links runs through
        that place (a link coming in from above would have its arrowhead hidden): then below
        its name, else left or right of its body, whichever no link of the node runs
        through (``_side_and_rects``); the least crossed one when every side is. Above or below,
        a row that would run into a neighbour (its body, the pills over it, its name) wraps
        into rows, the first nearest the node (QA: "25,000 left early" covered the next
        goal's "✓ 41,159")."""
        counts = self.counts.get(item.node_id)
        if counts is None:
            return []
        texts = badge_texts(item.kind, counts)
        widths = [self._metrics.horizontalAdvance(text) + 12 for text, _role in texts]
        rects = self._placed(item, widths)
        return [(rect, text, role) for rect, (text, role) in zip(rects, texts, strict=True)]

    def _placed(self, item: NodeItem, widths: list[float]) -> list[QRectF]:
        return self._side_and_rects(item, widths, self._neighbours(item))[1]

    def _side_and_rects(self, item: NodeItem, widths: list[float],
                        around: list[QRectF]) -> tuple[str, list[QRectF]]:
        links = item.links
        best: tuple[str, list[QRectF]] | None = None
        fewest = len(links) + 1
        for side in SIDES:
            rects = self._laid_out(item, widths, side, around)
            if not links:
                return side, rects
            crossed = sum(1 for link in links
                          if any(link.shape().intersects(rect) for rect in rects))
            if not crossed:
                return side, rects
            if crossed < fewest:
                best, fewest = (side, rects), crossed
        assert best is not None
        return best

    def _neighbours(self, item: NodeItem) -> list[QRectF]:
        """What the other nodes near ``item`` take up where its pills may go: each one's
        body with the row of pills over it, and its name (scene coordinates)."""
        x, y = item.centre
        reach = self._pills_width + PILLS_AWAY + NAME_WIDTH
        near = self.canvas.items(QRectF(x - reach, y - 2 * PILLS_REACH_Y, 2 * reach,
                                        4 * PILLS_REACH_Y),
                                 Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        out = []
        for other in near:
            if other is item or not isinstance(other, NodeItem) or not other.isVisible():
                continue
            ox, oy = other.centre
            body = body_rect(other.kind).translated(ox, oy)
            out.append(QRectF(body.left(), oy + PILLS_BOTTOM - PILL_HEIGHT, body.width(),
                              body.bottom() - (oy + PILLS_BOTTOM - PILL_HEIGHT)))
            half, height = other.name_block()
            out.append(QRectF(ox - half, oy + name_rect(other.kind).top(), 2 * half, height))
        return out

    def _laid_out(self, item: NodeItem, widths: list[float], side: str,
                  around: list[QRectF]) -> list[QRectF]:
        """The pills' rectangles on that side: one row, wrapped (above or below) where it
        would meet something of ``around``."""
        total = sum(widths) + PILL_GAP * (len(widths) - 1)
        x, y = pills_origin(item, total, side)
        if side not in ("above", "below") or not around:
            rows = [list(range(len(widths)))]
        else:
            rows = wrap_rows(widths, self._room(item, side, x, y, total, around))
        cx = item.centre[0]
        rects: list[QRectF] = []
        for number, row in enumerate(rows):
            width = sum(widths[i] for i in row) + PILL_GAP * (len(row) - 1)
            left = x if side != "below" else cx - width / 2
            top = y - number * ROW_STEP if side == "above" else y + number * ROW_STEP
            for i in row:
                rects.append(QRectF(left, top, widths[i], PILL_HEIGHT))
                left += widths[i] + PILL_GAP
        return rects

    @staticmethod
    def _room(item: NodeItem, side: str, x: float, y: float, total: float,
              around: list[QRectF]) -> float:
        """How wide a row of pills at (x, y) may be on that side before it meets one of
        ``around``: running right from x above the node, centred on it below."""
        band_top, band_bottom = y, y + PILL_HEIGHT
        cx = item.centre[0]
        room = total
        for rect in around:
            if rect.bottom() <= band_top or rect.top() >= band_bottom:
                continue
            if side == "above":
                if x < rect.left() < x + total:
                    room = min(room, rect.left() - x - 2 * PILL_GAP)
            elif rect.left() > cx:
                room = min(room, 2 * (rect.left() - cx - 2 * PILL_GAP))
            elif rect.right() < cx:
                room = min(room, 2 * (cx - rect.right() - 2 * PILL_GAP))
        return room

    def pill_owner(self, pos: QPointF) -> str | None:
        """The node whose count pill is at ``pos`` (scene coordinates), as drawn now."""
        if not self.counts:
            return None
        lod = self.canvas.views()[0].transform().m11() if self.canvas.views() else 1.0
        reach = self._pills_width + PILLS_AWAY + NAME_WIDTH
        near = self.canvas.items(QRectF(pos.x() - reach, pos.y() - reach, 2 * reach,
                                        2 * reach),
                                 Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        for item in near:
            if not isinstance(item, NodeItem) or item.node_id not in self.counts:
                continue
            if lod >= self.canvas.style_cache.detail_lod:
                if any(rect.contains(pos) for rect, _t, _r in self.pills(item)):
                    return item.node_id
            elif self._painted.get(item.node_id, QRectF()).contains(pos):
                return item.node_id  # the one large pill of a zoomed-out node
        return None

    def pills_area(self, item: NodeItem) -> QRectF:
        """The rectangle a node's pills cover now (empty when it shows none)."""
        area = QRectF()
        for rect, _text, _role in self.pills(item):
            area = area.united(rect)
        return area

    def _paint_counts(self, painter: QPainter, exposed: QRectF) -> None:
        painter.setFont(self._font)
        # The nodes whose pills may show in the exposed part (pills sit above a node's body
        # and run to its right, or below its name, or beside it), found through the scene's
        # index, not by visiting them all.
        reach = self._pills_width + PILLS_AWAY + 10
        near = self.canvas.items(exposed.adjusted(-reach, -PILLS_REACH_Y, reach, PILLS_REACH_Y),
                                 Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        for item in near:
            if not isinstance(item, NodeItem):
                continue
            pills = self.pills(item)
            if pills:
                self._painted[item.node_id] = self.pills_area(item)
            for pill, text, role in pills:
                if role == "main":
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(kind_colour(item.kind))
                    painter.drawRoundedRect(pill, 9, 9)
                    painter.setPen(QColor("#ffffff"))
                else:
                    painter.setPen(QPen(QColor("#cbd2d9"), 1))
                    painter.setBrush(QColor("#ffffff"))
                    painter.drawRoundedRect(pill, 9, 9)
                    painter.setPen(QColor("#52606d"))
                painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_far_counts(self, painter: QPainter, exposed: QRectF) -> None:
        """Zoomed out, where names and pills would be unreadable: each node's main count
        (in it now, or achieved) alone, large, where its name was (QA: zoomed out to 43 %
        a run's counts were gone)."""
        font = QFont(self._font)
        font.setPixelSize(FAR_FONT_PX)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        nodes = self.canvas.items(exposed.adjusted(-NAME_WIDTH, -40, NAME_WIDTH, 40),
                                  Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        for item in nodes:
            if not isinstance(item, NodeItem):
                continue
            counts = self.counts.get(item.node_id)
            if counts is None:
                continue
            text, _role = badge_texts(item.kind, counts)[0]
            place = name_rect(item.kind).translated(item.pos())
            width = metrics.horizontalAdvance(text) + FAR_FONT_PX
            pill = QRectF(place.center().x() - width / 2, place.top(), width, place.height())
            self._painted[item.node_id] = pill
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(kind_colour(item.kind))
            painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_path(self, painter: QPainter) -> None:
        nodes, links = self.canvas.nodes, self.canvas.links
        trail = QPen(QColor(PATH_COLOUR), 6)
        trail.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(trail)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for key in self.path_links:
            link = links.get(key)
            if link is not None:
                painter.drawPath(link.path())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for node_id in self.path_nodes | self.path_current:
            item = nodes.get(node_id)
            if item is None:
                continue
            now = node_id in self.path_current
            painter.setPen(QPen(QColor(PATH_COLOUR), 5 if now else 3,
                                Qt.PenStyle.SolidLine if now else Qt.PenStyle.DashLine))
            outline = body_rect(item.kind).translated(item.pos()).adjusted(-7, -7, 7, 7)
            if item.kind == "sequence":
                painter.drawRoundedRect(outline, 16, 16)
            else:
                painter.drawEllipse(outline)

    def _paint_tokens(self, painter: QPainter, lod: float) -> None:
        now = time.perf_counter()
        radius = max(TOKEN_RADIUS, 3.0 / max(lod, 0.01))  # still visible zoomed out
        rim = QPen(QColor("#ffffff"), 2)  # one pen for every travelling dot
        for token in self.tokens:
            age = now - token.born
            if token.end is not None:
                t = min(1.0, age / TRAVEL_S)
                t = t * t * (3 - 2 * t)  # ease in and out
                p = token.way.pointAtPercent(t) if token.way is not None \
                    else token.start + (token.end - token.start) * t
                painter.setPen(rim)
                painter.setBrush(QBrush(token.colour))
                painter.drawEllipse(p, radius, radius)
            else:
                t = min(1.0, age / PULSE_S)
                colour = QColor(token.colour)
                colour.setAlphaF(1.0 - t)
                painter.setPen(QPen(colour, 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                ring = radius * 3 + 30 * t
                painter.drawEllipse(token.start, ring, ring)
