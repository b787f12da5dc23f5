"""The navigator: a small map of the whole campaign in the canvas's corner, with the part
in view outlined; clicking or dragging in it moves the view there.

It shows only while the campaign is well beyond the view (half as wide or high again, or
out of sight altogether; a small campaign is better seen whole than covered by its own
map) and View > Show Navigator is on. The map of nodes and links is drawn into a
pixmap once the campaign has stopped changing for ``REDRAW_MS`` (a drag moves nodes at
every step; the map follows when it pauses), so painting it while the view scrolls or
zooms costs one pixmap and a rectangle.

The map holds still while the user moves the view (drags the frame, pans, scrolls, zooms),
as a navigator or minimap does: it is fitted (to the campaign and the part in view
together) only when it first shows, when the campaign's own bounds change, when the map is
resized, and when the view has left the map altogether. A map fitted again whenever the
view moved shifted under the mouse: the frame dragged and let go jumped 7-20 px away from
the pointer (QA). The frame is drawn whole and its own size, moved back onto the map where
the view reaches past the map's edge (``shown_frame``). After a fit, the map drawn last is
scaled to the new fit until it is drawn again, crisp, once changes pause.

It never hides work: while a drag in the canvas (of nodes, of a link, of the rubber band,
or of a new node from the palette) comes near it, or while a selected node lies under it,
it fades to a faint outline and lets the mouse through to the nodes under it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QLineF,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QDragMoveEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from ...domain import events as ev
from .. import theme
from .node_item import NodeItem, body_rect, item_bounds

if TYPE_CHECKING:
    from ...domain.events import DomainEvent
    from ...domain.nodes import Node
    from .scene import CampaignScene
    from .view import CanvasView

WIDTH, HEIGHT = 220, 140  # at the most; a fifth of the view's width at the least
SHARE = 0.2
MARGIN = 12  # from the viewport's corner
PAD = 6  # inside the frame
REDRAW_MS = 120
MIN_BODY = 2.0  # pixels: a node never shrinks out of sight
BEYOND = 1.5  # shown while the campaign is this many times the view's width or height
PANEL = QColor(255, 255, 255)
FRAME = QColor(theme.OVERLAY_FRAME)
SHADOW = QColor(15, 23, 42, 46)  # under the panel's right and bottom edges, as a node's
SHADOW_PX = 2
VIEW_FILL = QColor(theme.SELECTION)
VIEW_FILL.setAlpha(36)
NEAR = 32  # pixels: a drag this close to the navigator fades it
FADED = 0.15  # its opacity while faded: a faint outline of the map


class Navigator(QWidget):
    def __init__(self, view: CanvasView) -> None:
        # A child of the view, not of its viewport: the viewport's children move with
        # its pixels when it scrolls.
        super().__init__(view)
        self.view = view
        self.setObjectName("navigator")
        self.setAccessibleName("Navigator")
        self.setToolTip("The whole campaign; the blue frame is the part in view. Click or "
                        "drag to move the view.")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.resize(WIDTH, HEIGHT)
        self.enabled_by_user = True
        self._scene: CampaignScene | None = None
        self._unsubscribe = None
        self._map: QPixmap | None = None
        self._world = QRectF()  # the scene rectangle the map is fitted to (kept: see _fit)
        self._fitted_to = QRectF()  # the campaign's rectangle when the map was fitted
        self._fitted_size = QSize()  # and the map's size then
        self._content = QRectF()  # the campaign's nodes with their names
        self._content_of: str | None = None  # the id of the campaign it is of
        self._map_world = QRectF()  # the scene rectangle the map pixmap was drawn for
        self._held = False  # pressed in the map: never fitted again until released
        self._grip = QPointF()  # where the frame was taken hold of, from its centre
        self.faded = False
        self._drag_near = False  # a drag in the canvas is near
        self._fade_check = QTimer(self)  # at most one check per turn of the event loop
        self._fade_check.setSingleShot(True)
        self._fade_check.setInterval(0)
        self._fade_check.timeout.connect(self.check_fade)
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self._draw_again)
        self._stale = True  # the campaign changed since its rectangle was worked out
        view.horizontalScrollBar().valueChanged.connect(self.view_changed)
        view.verticalScrollBar().valueChanged.connect(self.view_changed)
        view.zoom_changed.connect(self.view_changed)
        view.installEventFilter(self)  # resized: move to the new corner
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)  # drags near the map fade it
        self.hide()

    # -- following the campaign and the view ---------------------------------------------
    def bind(self, scene: CampaignScene) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self._scene is not scene:
            # A slot of the timer: Qt drops the connection when the old scene goes.
            scene.selectionChanged.connect(self._fade_check.start)
        self._scene = scene
        self._unsubscribe = scene.controller.workspace.events.subscribe(self._domain_event)
        self.campaign_changed()

    def _domain_event(self, event: DomainEvent) -> None:
        scene = self._scene
        if scene is None or event.extra.get("batched"):  # the event naming them all follows
            return
        if event.name == ev.NODE_CHANGED:  # a name or settings: the map shows neither
            return
        if event.campaign_id is not None and event.campaign_id == self._content_of:
            self._stale = True  # the rectangle kept is of it (shown or not: see campaign_shown)
        ours = event.name == ev.WORKSPACE_RESET or (
            event.campaign_id is not None and event.campaign_id == scene.campaign_id)
        if ours:
            # Restarted by each change: a drag or a run of arrow keys redraws the map once
            # it pauses (drawing the map of 10,000 nodes takes a few tens of ms).
            self._stale = True
            self._redraw.start()
            if self.isVisible():
                self._fade_check.start()  # moved nodes may have come under it, or left

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if watched is self.view and kind == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self.view_changed)  # once the viewport has its new size
        elif watched is not self._viewport:
            pass
        # Only events of the user's hands: the viewport also has events while the view is
        # taken down, when this navigator may be gone already.
        elif kind in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress,
                      QEvent.Type.MouseButtonRelease) and isinstance(event, QMouseEvent):
            held = event.buttons() != Qt.MouseButton.NoButton
            self._set_drag_near(held and self._near(event.position().toPoint()), held)
        elif kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) \
                and isinstance(event, QDragMoveEvent):  # a new node from the palette
            self._set_drag_near(self._near(event.position().toPoint()), True)
        elif kind in (QEvent.Type.DragLeave, QEvent.Type.Drop):
            self._set_drag_near(False, False)
        return False

    # -- fading out of the way -----------------------------------------------------------
    def _area(self) -> QRect:
        """The navigator's rectangle in the viewport's coordinates."""
        return QRect(self.view.viewport().mapFrom(self.view, self.pos()), self.size())

    def _near(self, point: QPoint) -> bool:
        """A drag at ``point`` (in the viewport) is near: the pointer, or the rubber band
        it draws, is within ``NEAR`` pixels."""
        if not self.isVisible():
            return False
        area = self._area().adjusted(-NEAR, -NEAR, NEAR, NEAR)
        band = self.view.rubberBandRect()
        return area.contains(point) or (not band.isNull() and band.intersects(area))

    def _set_drag_near(self, near: bool, dragging: bool) -> None:
        if near != self._drag_near:
            self._drag_near = near
            self.check_fade()
        elif dragging and self.isVisible():
            self._fade_check.start()  # dragged nodes may have come under it

    def _selected_under(self) -> bool:
        """A selected node (or part of one) lies under the navigator."""
        scene = self._scene
        if scene is None:
            return False
        under = self.view.mapToScene(self._area()).boundingRect()
        chosen = scene.overview_selection if scene.overview_mode else None
        # what is drawn (its body, handle, badge and name as wide as its text), not its
        # bounds: the room kept for a name of 170 px faded it with nothing in sight (QA)
        for item in scene.items(under, Qt.ItemSelectionMode.IntersectsItemShape):
            if isinstance(item, NodeItem) and (
                    item.isSelected() if chosen is None else item.node_id in chosen):
                return True
        return False

    def check_fade(self) -> None:
        """Faded while a drag is near or a selected node is under it; opaque again (and
        taking the mouse) once neither holds."""
        faded = self.isVisible() and (self._drag_near or self._selected_under())
        if faded != self.faded:
            self.faded = faded
            self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, faded)
            self.update()

    def set_enabled_by_user(self, on: bool) -> None:
        self.enabled_by_user = on
        self.campaign_changed()

    def campaign_changed(self) -> None:
        """The campaign shown changed (another one, or its nodes and links): a new map."""
        self._stale = True
        self._draw_again()

    def campaign_shown(self) -> None:
        """Another campaign is shown: a new map. Its rectangle is worked out once, for the
        campaign it is of (``_campaign_rect``): the view's fit may have done it already."""
        self._draw_again()

    def _draw_again(self) -> None:
        """The campaign changed, or another is shown: the map is drawn again when next
        painted (and the campaign's rectangle worked out again if it changed)."""
        self._map = None
        self.view_changed()
        self._fade_check.start()

    def view_changed(self, *_args: object) -> None:
        """The view scrolled, zoomed or was resized: show or hide, move, repaint."""
        wanted = self._wanted()
        if wanted != self.isVisible():
            if wanted:
                self._world = QRectF()  # shown again: fitted to where things are now
            self.setVisible(wanted)
            self._fade_check.start()
        if wanted:
            self.place()
            self._fit()
            if self._map is not None and self._world != self._map_world:
                self._redraw.start()  # fitted again: drawn again once changes pause
            if self.faded:
                self._fade_check.start()  # nodes came under it, or left
            self.update()

    def _fit(self) -> None:
        """Fits the map to the campaign and the part in view, only when it must: not
        fitted yet, the campaign's rectangle changed, the map was resized, or the view
        left the map altogether (and never while the mouse holds it, unless not fitted
        yet). Scrolling, panning and dragging the frame leave it be."""
        content = self._content
        if content.isEmpty():
            self._world = QRectF()
            return
        if not self._world.isEmpty() and (self._held or (
                content == self._fitted_to and self.size() == self._fitted_size
                and self.frame_rect().intersects(self._inner()))):
            return
        self._world = content.united(self._seen())
        self._fitted_to = QRectF(content)
        self._fitted_size = self.size()

    def _campaign_rect(self) -> QRectF:
        """Every node of the campaign with its name (worked out again after it changed)."""
        scene = self._scene
        shown = scene.campaign_id if scene is not None else None
        if self._stale or shown != self._content_of:  # another campaign shown: stale too
            campaign = scene.current_campaign() if scene is not None else None
            self._content = world_rect(campaign.nodes) if campaign is not None and len(
                campaign) else QRectF()
            self._content_of = shown
            self._stale = False
        return self._content

    def _ensure_map(self) -> QPixmap:
        if self._map is None:
            self._campaign_rect()
            self._fit()
            self._map = self._draw_map()
        return self._map

    def _seen(self) -> QRectF:
        """The part of the scene in view."""
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()

    def _wanted(self) -> bool:
        scene = self._scene
        if not self.enabled_by_user or scene is None or not scene.nodes:
            return False
        viewport = self.view.viewport()
        if viewport.width() < 3 * WIDTH or viewport.height() < 2.5 * HEIGHT:
            return False  # a small view: the map would cover too much of it
        visible = self.view.mapToScene(viewport.rect()).boundingRect()
        # The map's own rectangle, not the scene's nodes_rect(): that brings up to date
        # every link the zoomed-out view left behind (perf QA: 60 ms of the 160 this took
        # after a run of arrow presses at 10,000 nodes), and a curved link's bow changes
        # nothing here.
        whole = self._campaign_rect()
        # Only a campaign well beyond the view: a small one scrolled a little is better
        # seen whole (Ctrl+0) than partly covered by a map of itself.
        return (whole.width() > BEYOND * visible.width()
                or whole.height() > BEYOND * visible.height()
                or not visible.intersects(whole))


    def place(self) -> None:
        """In the viewport's bottom-right corner (the viewport sits inside the view's
        frame and beside its scroll bars)."""
        viewport = self.view.viewport().geometry()
        width = min(WIDTH, int(viewport.width() * SHARE))
        height = round(width * HEIGHT / WIDTH)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
            self._map = None  # drawn again at the new size
        self.move(viewport.right() - width - MARGIN + 1, viewport.bottom() - height - MARGIN + 1)
        self.raise_()

    # -- the map -------------------------------------------------------------------------
    def _inner(self) -> QRectF:
        return QRectF(PAD, PAD, self.width() - 2 * PAD, self.height() - 2 * PAD)

    def _scale(self, world: QRectF | None = None) -> tuple[float, float, float]:
        """Scene-to-map scale and offsets for the world rectangle (by default the one
        shown now), kept in proportion."""
        inner = self._inner()
        world = self._world if world is None else world
        if world.width() <= 0 or world.height() <= 0:
            return 1.0, inner.left(), inner.top()
        scale = min(inner.width() / world.width(), inner.height() / world.height())
        dx = inner.left() + (inner.width() - world.width() * scale) / 2 - world.left() * scale
        dy = inner.top() + (inner.height() - world.height() * scale) / 2 - world.top() * scale
        return scale, dx, dy

    def to_scene(self, point: QPointF) -> QPointF:
        scale, dx, dy = self._scale()
        return QPointF((point.x() - dx) / scale, (point.y() - dy) / scale)

    def _draw_map(self) -> QPixmap:
        scene = self._scene
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        campaign = scene.current_campaign() if scene is not None else None
        self._map_world = QRectF(self._world)
        if campaign is None or len(campaign) == 0 or self._world.isEmpty():
            return pixmap
        nodes = campaign.nodes
        scale, dx, dy = self._scale()
        painter = QPainter(pixmap)
        centres = {n.id: (n.x * scale + dx, n.y * scale + dy) for n in nodes}
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.LINK), 1))
        painter.drawLines([QLineF(*centres[a], *centres[b]) for a, b in campaign.graph.edges])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # specks: crisp
        painter.setPen(Qt.PenStyle.NoPen)
        halves = {}
        for kind in {n.kind for n in nodes}:
            body = body_rect(kind)
            halves[kind] = (max(body.width() * scale, MIN_BODY) / 2,
                            max(body.height() * scale, MIN_BODY) / 2)
        by_kind: dict[str, list[QRectF]] = {kind: [] for kind in halves}
        for node in nodes:
            x, y = centres[node.id]
            w, h = halves[node.kind]
            by_kind[node.kind].append(QRectF(x - w, y - h, 2 * w, 2 * h))
        for kind, rects in by_kind.items():
            painter.setBrush(theme.kind_colour(kind))
            painter.drawRects(rects)
        painter.end()
        return pixmap

    def frame_rect(self) -> QRectF:
        """The part of the campaign in view, on the map."""
        scale, dx, dy = self._scale()
        seen = self._seen()
        return QRectF(seen.left() * scale + dx, seen.top() * scale + dy,
                      seen.width() * scale, seen.height() * scale)

    def shown_frame(self) -> QRectF:
        """The frame as drawn: its own size, moved back onto the map where the view is
        past the map's edge (QA: dragged past the campaign, the frame was cut at the edge
        and looked as if it shrank); only a frame bigger than the map is cut to it."""
        frame, inner = self.frame_rect(), self._inner()
        for size, low, high, start, move in (
                (frame.width(), inner.left(), inner.right(), frame.left(),
                 lambda d: frame.translate(d, 0)),
                (frame.height(), inner.top(), inner.bottom(), frame.top(),
                 lambda d: frame.translate(0, d))):
            if size <= high - low:
                move(min(max(start, low), high - size) - start)
        return frame.intersected(inner)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802  (Qt's name)
        pixmap = self._ensure_map()
        painter = QPainter(self)
        if self.faded:
            painter.setOpacity(FADED)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # a white panel with a frame that stands out on the canvas (3:1 at least) and a
        # soft shadow: it lies over the campaign's own nodes and links
        panel = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5 - SHADOW_PX, -0.5 - SHADOW_PX)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SHADOW)
        painter.drawRoundedRect(panel.translated(SHADOW_PX, SHADOW_PX), 6, 6)
        painter.setPen(QPen(FRAME, 1))
        painter.setBrush(PANEL)
        painter.drawRoundedRect(panel, 6, 6)
        painter.setClipRect(self._inner().adjusted(-2, -2, 2, 2))
        if self._world == self._map_world:
            painter.drawPixmap(0, 0, pixmap)
        else:
            # Fitted again since the map was drawn: the same map, scaled to the new
            # fit, until changes pause and it is drawn again.
            old, old_dx, old_dy = self._scale(self._map_world)
            new, new_dx, new_dy = self._scale()
            k = new / old
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(QRectF(new_dx - old_dx * k, new_dy - old_dy * k,
                                      self.width() * k, self.height() * k),
                               pixmap, QRectF(pixmap.rect()))
        painter.setPen(QPen(QColor(theme.SELECTION), 1.5))
        painter.setBrush(VIEW_FILL)
        painter.drawRect(self.shown_frame())
        painter.end()

    # -- moving the view -----------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            # The map holds still while the mouse drags the view over it (and after: see
            # _fit): a map that moved under the mouse would run away from it.
            self._held = True
            self._ensure_map()
            frame, point = self.shown_frame(), event.position()
            if frame.contains(point):  # taken hold of where pressed: it does not jump
                self._grip = point - frame.center()
            else:  # elsewhere on the map: the view goes there
                self._grip = QPointF()
                self._centre_on(point)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._held and event.buttons() & Qt.MouseButton.LeftButton:
            self._centre_on(event.position() - self._grip)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if self._held:
            self._held = False
            self.view_changed()
        event.accept()

    def _centre_on(self, point: QPointF) -> None:
        self._ensure_map()
        self.view.fitted = False  # the view is the user's now, as after any scroll
        self.view.centerOn(self.to_scene(point))


def world_rect(nodes: list[Node]) -> QRectF:
    """What the map shows: every node with its name (a link's bow may fall outside)."""
    bounds = {kind: item_bounds(kind) for kind in {n.kind for n in nodes}}
    left = min(n.x + bounds[n.kind].left() for n in nodes)
    top = min(n.y + bounds[n.kind].top() for n in nodes)
    right = max(n.x + bounds[n.kind].right() for n in nodes)
    bottom = max(n.y + bounds[n.kind].bottom() for n in nodes)
    return QRectF(left, top, right - left, bottom - top)
