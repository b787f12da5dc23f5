"""The navigator: a small map of the whole campaign in the canvas's corner, with the part
in view outlined; clicking or dragging in it moves the view there.

It shows only while the campaign is well beyond the view (half as wide or high again, or
out of sight altogether; a small campaign is better seen whole than covered by its own
map) and View > Show Navigator is on. The map of nodes and links is drawn into a
pixmap once the campaign has stopped changing for ``REDRAW_MS`` (a drag moves nodes at
every step; the map follows when it pauses), so painting it while the view scrolls or
zooms costs one pixmap and a rectangle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from ...domain import events as ev
from .. import theme
from .node_item import body_rect, item_bounds

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
FRAME = QColor(theme.CANVAS_FRAME)
VIEW_FILL = QColor(theme.SELECTION)
VIEW_FILL.setAlpha(36)


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
        self._world = QRectF()  # the scene rectangle the map shows
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self.campaign_changed)
        view.horizontalScrollBar().valueChanged.connect(self.view_changed)
        view.verticalScrollBar().valueChanged.connect(self.view_changed)
        view.zoom_changed.connect(self.view_changed)
        view.installEventFilter(self)  # resized: move to the new corner
        self.hide()

    # -- following the campaign and the view ---------------------------------------------
    def bind(self, scene: CampaignScene) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._scene = scene
        self._unsubscribe = scene.controller.workspace.events.subscribe(self._domain_event)
        self.campaign_changed()

    def _domain_event(self, event: DomainEvent) -> None:
        scene = self._scene
        if scene is None:
            return
        ours = event.name == ev.WORKSPACE_RESET or (
            event.campaign_id is not None and event.campaign_id == scene.campaign_id)
        if ours:
            # Restarted by each change: a drag or a run of arrow keys redraws the map once
            # it pauses (drawing the map of 10,000 nodes takes a few tens of ms).
            self._redraw.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.view_changed)  # once the viewport has its new size
        return False

    def set_enabled_by_user(self, on: bool) -> None:
        self.enabled_by_user = on
        self.campaign_changed()

    def campaign_changed(self) -> None:
        """The campaign shown changed (another one, or its nodes and links): a new map."""
        self._map = None
        self.view_changed()

    def view_changed(self, *_args: object) -> None:
        """The view scrolled, zoomed or was resized: show or hide, move, repaint."""
        wanted = self._wanted()
        if wanted != self.isVisible():
            self.setVisible(wanted)
        if wanted:
            self.place()
            self.update()

    def _wanted(self) -> bool:
        scene = self._scene
        if not self.enabled_by_user or scene is None or not scene.nodes:
            return False
        viewport = self.view.viewport()
        if viewport.width() < 3 * WIDTH or viewport.height() < 2.5 * HEIGHT:
            return False  # a small view: the map would cover too much of it
        visible = self.view.mapToScene(viewport.rect()).boundingRect()
        whole = scene.nodes_rect()
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

    def _scale(self) -> tuple[float, float, float]:
        """Scene-to-map scale and offsets for the world rectangle, kept in proportion."""
        inner, world = self._inner(), self._world
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
        if campaign is None or len(campaign) == 0:
            self._world = QRectF()
            return pixmap
        nodes = campaign.nodes
        self._world = world_rect(nodes)
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

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802  (Qt's name)
        if self._map is None:
            self._map = self._draw_map()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(FRAME, 1))
        painter.setBrush(PANEL)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.drawPixmap(0, 0, self._map)
        scale, dx, dy = self._scale()
        seen = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        frame = QRectF(seen.left() * scale + dx, seen.top() * scale + dy,
                       seen.width() * scale, seen.height() * scale)
        painter.setClipRect(self._inner().adjusted(-2, -2, 2, 2))
        painter.setPen(QPen(QColor(theme.SELECTION), 1.5))
        painter.setBrush(VIEW_FILL)
        painter.drawRect(frame)
        painter.end()

    # -- moving the view -----------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self._centre_on(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._centre_on(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        event.accept()

    def _centre_on(self, point: QPointF) -> None:
        if self._map is None:
            self._map = self._draw_map()
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
