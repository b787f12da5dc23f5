"""The canvas view: drops from the palette, zoom, pan, the grid drawn behind, the keyboard,
the context menu and the inline name editor."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QGraphicsView, QMenu, QWidget

from ...domain.names import isolated
from ...editing.layout import NODE_FOOTPRINT
from .. import theme
from ..palette import KIND_MIME_TYPE
from .grid import background_cache_mode, paint_grid
from .name_editor import NameEditor
from .node_item import NodeItem, icon_centre
from .scene import CampaignScene
from .view_describe import SelectionDescription
from .view_gestures import DragGestures, edge_speed
from .view_keys import NUDGE_FAR, KeyboardMoves
from .view_menus import ContextMenus
from .view_rename import InlineRename

MIN_SCALE, MAX_SCALE = 0.02, 4.0
ZOOM_STEP = 1.2


def is_undo_key(event: QKeyEvent) -> bool:
    """Undo's or Redo's keys (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y)."""
    return event.matches(QKeySequence.StandardKey.Undo) \
        or event.matches(QKeySequence.StandardKey.Redo) \
        or (event.key() == Qt.Key.Key_Y
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier)

OVERVIEW_SCALE = 0.3  # large campaigns switch to the overview below this zoom
FIT_MAX_SCALE = 1.25


class CanvasView(ContextMenus, InlineRename, KeyboardMoves, SelectionDescription,
                 DragGestures, QGraphicsView):
    zoom_changed = Signal(float)
    node_reached = Signal(str)  # a node selected from the keyboard (Tab / Shift+Tab)
    menu_opening = Signal(str)  # a context menu ("node", "link", "canvas") is about to show
    # A left click (not a drag) on the canvas: the one node it left selected, or "".
    node_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvasView")
        self.setAccessibleName("Campaign canvas")
        self.setAcceptDrops(True)
        # No SmoothPixmapTransform here: with it, Qt blends every item's cached pixmap
        # through its slow transformed-image path even at 100 %, which cost a third of a
        # repaint. Node items turn it on themselves where they scale an icon.
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        # the overview hides the node items, which Qt's band never selects: the band is
        # mapped onto the nodes there (QA 21: it selected nothing zoomed out)
        self._band: QRectF | None = None
        self.rubberBandChanged.connect(self._band_changed)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QColor(theme.CANVAS_BACKGROUND))
        # cached on whole-number pixel ratios only (see background_cache_mode)
        self.setCacheMode(background_cache_mode(self.devicePixelRatioF()))
        # The view paints every pixel of its viewport (the background image covers it), so
        # Qt need not fill the viewport with the palette's colour first: that fill cost
        # two fifths of a full repaint.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # The frame around the view (not painted in the viewport, whose pixels move when it
        # scrolls) turns blue while the canvas has the keyboard focus.
        self.setStyleSheet(
            f"CanvasView {{ border: 2px solid {theme.CANVAS_FRAME}; }} "
            f"CanvasView:focus {{ border: 2px solid {theme.SELECTION}; }}")
        self.show_grid = True
        self.fitted = False  # fitted by fit() and not zoomed or scrolled since
        self._fitting = False
        # The scene rectangle stays 2000 px wider than the nodes on every side (scene.py):
        # room to pan past them (middle-drag, Space-drag, the arrows) and place nodes there.
        # QGraphicsView scrolls only through its scrollbars' ranges, and gives a bar turned
        # off no range, so with nodes the bars stay (hiding them would end panning). An
        # empty campaign has nothing to pan to: no bars (update_scrollbars).
        self.horizontalScrollBar().actionTriggered.connect(self._user_scrolled)
        self.verticalScrollBar().actionTriggered.connect(self._user_scrolled)
        self.name_editor: NameEditor | None = None
        self.context_actions: dict[str, list[object]] = {"node": [], "link": [], "canvas": []}
        self.context_menu: QMenu | None = None
        self.context_pos: QPointF | None = None  # scene point of an open canvas menu
        self._reached: str | None = None  # the node Tab or Ctrl+Tab last went to
        self._pan_start: QPoint | None = None
        self._click_start: QPoint | None = None  # where a left button went down, not panning
        self._space_down = False
        self._drag_inside = False  # a Palette drag has been inside, away from the edges
        self._nudged: tuple[str, frozenset[str]] | None = None  # the nodes nudged last
        self._nudged_at = 0.0
        self._nudge_id = 0
        self.node_reached.connect(self.describe_selection)  # Tab, also to the node selected
        self._minor_pen = QPen(QColor(theme.GRID_MINOR), 0)
        self._init_gestures()  # auto-scroll at the edge, Esc during a drag (view_gestures)
        self._major_pen = QPen(QColor(theme.GRID_MAJOR), 0)

    # -- scene ---------------------------------------------------------------------------
    def canvas(self) -> CampaignScene | None:
        scene = self.scene()
        return scene if isinstance(scene, CampaignScene) else None

    def bind(self, scene: CampaignScene) -> None:
        self.close_name_editor()
        self.setScene(scene)
        scene.rename_requested.connect(self.open_name_editor)
        scene.emptiness_changed.connect(self._emptiness_changed)
        # a screen reader hears what is selected (view_describe): the node's kind, name
        # and warnings, or how many
        scene.selectionChanged.connect(self.describe_selection)
        scene.findings_changed.connect(self.describe_selection)
        scene.emptiness_changed.connect(self.describe_selection)
        scene.set_zoom(self.zoom(), OVERVIEW_SCALE)
        self._emptiness_changed(not scene.nodes)
        self.describe_selection()

    def update_scrollbars(self) -> None:
        """No scrollbars on an empty campaign (nothing to scroll to; the view stays centred
        on the scene's middle, where Ctrl+1 places the first node); with nodes, both, as the
        scene rectangle keeps room to pan round them (see the note in __init__). Always
        both, whatever the zoom: bars that came and went with the zoom changed the view's
        size, which refitted a fitted view at another zoom, which took them away again,
        for ever (a wide campaign under the Simulation panel refitted ~500 times a
        second)."""
        scene = self.canvas()
        empty = scene is None or not scene.nodes
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if empty \
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOn
        if policy != self.horizontalScrollBarPolicy():
            self.setHorizontalScrollBarPolicy(policy)
            self.setVerticalScrollBarPolicy(policy)

    def _emptiness_changed(self, _empty: bool) -> None:
        """The hint is drawn over the whole viewport: repaint all of it, not the item rects
        the smart update would limit the repaint to; scrollbars only with nodes. (Sent
        too when another campaign is shown: a name being typed over a node of the one
        shown before is cancelled.)"""
        self.viewport().update()
        self.update_scrollbars()
        scene, editor = self.canvas(), self.name_editor
        if editor is not None and (scene is None or scene.domain_node(editor.node_id) is None):
            editor.finish(False)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802  (Qt's name)
        """Scrolling copies the pixels and paints only the strip uncovered; the empty
        canvas's hint is drawn at the view's middle, so it is painted again whole."""
        super().scrollContentsBy(dx, dy)
        if self.hint_text():
            self.viewport().update()

    def hint_text(self) -> str:
        """The empty-canvas hint drawn now, or "" when the campaign has nodes."""
        scene = self.canvas()
        if scene is None or scene.nodes:
            return ""
        return ("Drag a purchase goal, tag goal or sequence from the palette onto the canvas\n"
                "or press Ctrl+1, Ctrl+2 or Ctrl+3 to place one here"
                if scene.campaign_id is not None else "Create or choose a campaign")

    def centre_scene_pos(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    # -- zoom ----------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, scale: float, anchor: QPointF | None = None) -> None:
        scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        factor = scale / self.zoom()
        if abs(factor - 1.0) < 1e-9:
            return
        self.fitted = False
        if anchor is None:
            old = self.transformationAnchor()
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(factor, factor)
            self.setTransformationAnchor(old)
        else:
            self.scale(factor, factor)
        self._zoom_applied()

    def _zoom_applied(self) -> None:
        scene = self.canvas()
        if scene is not None:
            scene.set_zoom(self.zoom(), OVERVIEW_SCALE)
        if self.name_editor is not None:  # the name typed is kept, as a click elsewhere
            self.keep_name_editor()  # keeps it (QA 23c: Ctrl++ or the wheel threw it away)
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Shows every node; a small flow is magnified at most to 125 %. Until the user
        zooms or scrolls, the view fits again when it changes size (a panel opening, the
        window resized)."""
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False
        # An empty campaign is not fitted to anything: the first node dropped on it stays
        # where it was dropped, at the zoom it was dropped at (the scrollbars it brings
        # resize the view, which refitted it: the node jumped and the zoom went to 125 %).
        scene = self.canvas()
        self.fitted = scene is not None and bool(scene.nodes)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted and not self._fitting:
            self.fit()

    def _user_scrolled(self, _action: int = 0) -> None:
        self.fitted = False  # scrolled or panned by the user: the view is theirs now

    def _fit(self) -> None:
        scene = self.canvas()
        if scene is None:
            return
        rect = scene.nodes_rect()
        if rect.isNull() or rect.isEmpty():
            self.resetTransform()
            self.centerOn(0, 0)
            self._zoom_applied()
            return
        self.fit_rect(rect)

    def zoom_to_selection(self) -> bool:
        """Fits the view to the selected nodes (at most 125 %); False when none is."""
        scene = self.canvas()
        if scene is None:
            return False
        rect = self.nodes_rect(scene.selected_node_ids())
        if rect is None:
            return False
        self.fitted = False
        self.fit_rect(rect)
        return True

    def fit_rect(self, rect: QRectF) -> None:
        """Zooms and scrolls so that ``rect`` (scene) fills the view with a margin."""
        rect = rect.adjusted(-60, -60, 60, 60)
        view = self.viewport().rect()
        scale = min(view.width() / rect.width(), view.height() / rect.height(), FIT_MAX_SCALE)
        scale = max(MIN_SCALE, scale)
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())
        self._zoom_applied()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta == 0:
            return
        factor = math.pow(ZOOM_STEP, delta / 120.0)
        self.set_zoom(self.zoom() * factor, self.mapToScene(event.position().toPoint()))
        event.accept()

    # -- grid ----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:  # moved to another screen
            self.setCacheMode(background_cache_mode(self.devicePixelRatioF()))
            self.resetCachedContent()
        return super().event(event)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        if not self.show_grid:
            return
        paint_grid(painter, rect, self.zoom(), self._minor_pen, self._major_pen)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """On an empty campaign, a hint where to start."""
        super().drawForeground(painter, rect)
        text = self.hint_text()
        if not text:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor(theme.TEXT_MUTED))
        font = painter.font()
        font.setPointSizeF(11)
        painter.setFont(font)
        painter.drawText(self.viewport().rect().adjusted(24, 0, -24, 0),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
        painter.restore()

    # -- drops from the palette ----------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # QGraphicsView's own first: it notes the drag came in (without, a cancelled drag
        # printed "dragLeaveEvent: drag leave received before drag enter")
        super().dragEnterEvent(event)
        # the edge it came in by does not scroll: only once it has been inside, away from
        # the edges (QA 21: every drag from the Palette, beside the view's left edge,
        # crossed the band and moved everything on the canvas as it came in)
        self._drag_inside = False
        if event.mimeData().hasFormat(KIND_MIME_TYPE) and self.canvas() is not None \
                and self.canvas().campaign_id is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(KIND_MIME_TYPE):
            event.acceptProposedAction()
            pos = event.position().toPoint()
            rect = self.viewport().rect()
            if not edge_speed(pos.x(), rect.width()) and not edge_speed(pos.y(), rect.height()):
                self._drag_inside = True
            if self._drag_inside:
                self.follow_drag(pos)  # scrolls while held at the edge
            return
        super().dragMoveEvent(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.stop_auto_scroll()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.stop_auto_scroll()
        scene = self.canvas()
        if not event.mimeData().hasFormat(KIND_MIME_TYPE) or scene is None \
                or scene.campaign_id is None:
            super().dropEvent(event)
            return
        kind = bytes(event.mimeData().data(KIND_MIME_TYPE).data()).decode("utf-8")
        pos = self.mapToScene(event.position().toPoint())
        # the node's icon where the drag's picture of it was (a sequence's icon sits left
        # of its centre: it landed 33 px off at 125 %)
        icon = icon_centre(kind)
        x, y = scene.snap(pos.x() - icon.x(), pos.y() - icon.y())
        # Dropped onto another node: the nearest free spot, not stacked on top of it (nor
        # far from where it was let go: then on top, where the user put it).
        covered = self._node_covering(x, y)
        node_id = scene.controller.add_node(scene.campaign_id, kind, x, y, near=True)
        node = scene.domain_node(node_id)
        if covered is not None and node is not None and (node.x, node.y) != (x, y):
            # (dropped near it, maybe not on it: QA read "which was where it was dropped"
            # as wrong)
            scene.controller.status_message.emit(
                f'Placed "{isolated(node.name)}" beside "{isolated(scene.node_name(covered))}"'
                ", which it would have covered where it was dropped.")
        scene.select_nodes([node_id])
        self.reveal_placed([node_id])  # dropped at the view's edge: shown whole
        event.acceptProposedAction()
        self.setFocus()

    def _node_covering(self, x: float, y: float) -> str | None:
        """The node nearest to (x, y) whose spot (``layout.NODE_FOOTPRINT``) a new node
        there would take, or None."""
        scene = self.canvas()
        campaign = scene.current_campaign() if scene is not None else None
        width, height = NODE_FOOTPRINT
        near = [(abs(n.x - x) + abs(n.y - y), n.id) for n in campaign.nodes
                if abs(n.x - x) < width and abs(n.y - y) < height] if campaign else []
        return min(near)[1] if near else None

    # -- pan -----------------------------------------------------------------------------
    def _panning(self, event: QMouseEvent) -> bool:
        return event.button() == Qt.MouseButton.MiddleButton or (
            self._space_down and event.button() == Qt.MouseButton.LeftButton)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._panning(event):
            self._pan_start = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() == Qt.MouseButton.RightButton and self._on_selected(event):
            # A right-click on one of several selected nodes or links keeps them all, for
            # the menu to act on (Qt's scene clears the selection on a press its items
            # ignore); the context menu event follows.
            event.accept()
            return
        self._click_start = event.position().toPoint() \
            if event.button() == Qt.MouseButton.LeftButton else None
        if self._click_start is not None:
            self._note_press()
        super().mousePressEvent(event)

    def _on_selected(self, event: QMouseEvent) -> bool:
        scene = self.canvas()
        if scene is None:
            return False
        pos = self.mapToScene(event.position().toPoint())
        node = scene.node_at(pos)
        item = node if node is not None else self.itemAt(event.position().toPoint())
        return item is not None and item.isSelected() or (
            node is not None and node.node_id in scene.selected_node_ids())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_start is not None:
            pos = event.position().toPoint()
            delta = pos - self._pan_start
            self._pan_start = pos
            self._user_scrolled()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._press_cancelled:  # Esc (or a save, a dialog) ended this press's drag
            if event.buttons() & Qt.MouseButton.LeftButton:
                event.accept()
                return
            self._press_cancelled = False  # its release went elsewhere: over now
        super().mouseMoveEvent(event)
        scene = self.canvas()
        if self._click_start is not None and event.buttons() & Qt.MouseButton.LeftButton \
                and scene is not None \
                and (scene.gesture_active() or not self.rubberBandRect().isNull()):
            self.follow_drag(event.position().toPoint(), event.buttons(), event.modifiers())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_start is not None and event.button() in (
                Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan_start = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space_down
                                      else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        if self._press_cancelled and event.button() == Qt.MouseButton.LeftButton:
            self._press_cancelled = False  # the press Esc ended: nothing more
            event.accept()
            return
        self.stop_auto_scroll()
        scene = self.canvas()
        moved = scene.dragged_node_ids() if scene is not None else []
        super().mouseReleaseEvent(event)
        self.reveal_placed(moved)  # let go at (or past) the view's edge: shown whole
        start, self._click_start = self._click_start, None
        if start is not None and scene is not None \
                and event.button() == Qt.MouseButton.LeftButton \
                and (event.position().toPoint() - start).manhattanLength() \
                < QApplication.startDragDistance():
            selected = scene.selected_node_ids()
            self.node_clicked.emit(selected[0] if len(selected) == 1 else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.cancel_press():
            event.accept()  # a drag cancelled, as Esc cancels a rename
            return
        if is_undo_key(event) and self.cancel_press():
            # Undo (or Redo) greyed, its keys come here: during a drag they take it back
            # as Esc does, as they do when Undo has a step (QA 22h: the drag stayed)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            scene = self.canvas()
            if scene is not None and (scene.selected_node_ids() or scene.selected_links()):
                # nothing selected: the arrow keys scroll again and the Menu key gives the
                # canvas's menu (QA 21: no key cleared the selection)
                scene.select_nodes([])
                event.accept()
                return
        if event.key() == Qt.Key.Key_F10 \
                and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            # The Menu key's twin: Qt sends no context menu event for it on X11.
            scene = self.canvas()
            if scene is not None:
                self._keyboard_context_menu(scene)
            event.accept()
            return
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and self.step_through_nodes(event.key() == Qt.Key.Key_Tab, extend=True):
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down) \
                and not ctrl:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if self._nudge(event.key(), NUDGE_FAR if shift else 1):
                event.accept()
                return
            # Nothing selected: the arrows scroll the view (Shift: a page), as in any view.
            bar = self.horizontalScrollBar() if event.key() in (
                Qt.Key.Key_Left, Qt.Key.Key_Right) else self.verticalScrollBar()
            back = event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up)
            step = bar.pageStep() if shift else bar.singleStep() * 3
            bar.setValue(bar.value() - step if back else bar.value() + step)
            self.fitted = False
            event.accept()
            return
        super().keyPressEvent(event)

    def _band_changed(self, rect: QRect, start: QPointF, end: QPointF) -> None:
        """Keeps the band's scene rectangle while it is drawn; as it ends (an empty rect),
        selects in the overview the nodes it touches (added to those selected with Ctrl,
        as the band does on the canvas)."""
        scene = self.canvas()
        if scene is not None:
            scene.band_drawn = not rect.isNull()  # links then need all of them in it
        if not rect.isNull():
            self._band = QRectF(start, end).normalized()
            return
        band, self._band = self._band, None
        if band is None or scene is None or not scene.overview_mode:
            return
        touched = [node_id for node_id, item in scene.nodes.items()
                   if band.intersects(item.sceneBoundingRect())]
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier:
            touched = [*scene.selected_node_ids(), *touched]
        scene.select_nodes(list(dict.fromkeys(touched)))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Space released elsewhere (another widget or window has the keyboard) no longer
        holds the canvas in panning (QA 21: every drag panned, and a click selected nothing,
        until Space was pressed on the canvas again). A press under way ends where it is
        (a dialog that opens takes its release: see end_press)."""
        if self._click_start is not None:
            self.end_press()
        if self._space_down:
            self._space_down = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        super().focusOutEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def node_item(self, node_id: str) -> NodeItem | None:
        scene = self.canvas()
        return scene.nodes.get(node_id) if scene else None
