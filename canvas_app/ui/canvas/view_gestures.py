"""The canvas view's drags (a mixin of CanvasView): auto-scroll while a drag is held near or
past the view's edge, Esc cancelling a press's drag while the button is held, and the view
revealing what a drag or a drop left near its edge.

Auto-scroll, as Qt's item views and diagram tools do: while the pointer is within
``EDGE`` px of the viewport's edge (or past it) during a drag of nodes, of a new link, of
the rubber band or of a kind from the Palette, a timer scrolls the view every
``AUTO_SCROLL_MS``, the faster the nearer the edge and the further past it; after each step a
mouse drag is sent its move again at the pointer's place, so the dragged nodes (or the
link's end, or the band) keep following the pointer while the view scrolls. The scene's
rectangle grows ahead of the view where the scroll reaches its end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from ...domain.nodes import COORDINATE_LIMIT
from .view_keys import NUDGE_FOLLOW_MAX

if TYPE_CHECKING:
    from .view import CanvasView

AUTO_SCROLL_MS = 20
EDGE = 40  # px inside the viewport's edge where a held drag starts scrolling
SLOWEST, FASTEST = 2, 60  # px per step: at the band's inner side, far past the edge
REVEAL_MARGIN = 40  # room kept round a node revealed after a drop or a drag


def edge_speed(pos: int, length: int) -> int:
    """Pixels to scroll along one axis for a pointer at ``pos`` in a viewport ``length``
    long: 0 away from the edges, negative near (or before) the start, positive near (or
    past) the end; faster the nearer the edge and the further past it."""
    if pos < EDGE:
        depth = EDGE - pos
    elif pos > length - 1 - EDGE:
        depth = pos - (length - 1 - EDGE)
    else:
        return 0
    step = min(FASTEST, SLOWEST + depth // 4)
    return -step if pos < EDGE else step


class DragGestures:
    """State made by ``_init_gestures`` (called from CanvasView.__init__)."""

    def _init_gestures(self: CanvasView) -> None:
        self._auto_timer = QTimer(self)
        self._auto_timer.setInterval(AUTO_SCROLL_MS)
        self._auto_timer.timeout.connect(self._auto_scroll_step)
        self._auto_pos: QPoint | None = None  # the pointer, viewport coordinates
        self._auto_buttons = Qt.MouseButton.NoButton  # held: a mouse drag (re-sent moves)
        self._auto_modifiers = Qt.KeyboardModifier.NoModifier
        self._press_cancelled = False  # Esc ended this press: the rest of it does nothing
        self._selection_at_press: tuple[list[str], list[tuple[str, str]]] = ([], [])

    # -- auto-scroll ---------------------------------------------------------------------
    def follow_drag(self: CanvasView, pos: QPoint,
                    buttons: Qt.MouseButton = Qt.MouseButton.NoButton,
                    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A drag is held at ``pos``: scrolls while it is near or past an edge.
        ``buttons``: the mouse drag's buttons (its moves are sent again after each step);
        none for a drag from the Palette."""
        self._auto_pos = QPoint(pos)
        self._auto_buttons, self._auto_modifiers = buttons, modifiers
        rect = self.viewport().rect()
        near = edge_speed(pos.x(), rect.width()) or edge_speed(pos.y(), rect.height())
        if near and not self._auto_timer.isActive():
            self._auto_timer.start()
        elif not near:
            self._auto_timer.stop()

    def stop_auto_scroll(self: CanvasView) -> None:
        self._auto_timer.stop()
        self._auto_pos = None

    def auto_scrolling(self: CanvasView) -> bool:
        return self._auto_timer.isActive()

    def _auto_scroll_step(self: CanvasView) -> None:
        pos = self._auto_pos
        if pos is None:
            self._auto_timer.stop()
            return
        rect = self.viewport().rect()
        dx, dy = edge_speed(pos.x(), rect.width()), edge_speed(pos.y(), rect.height())
        if not dx and not dy:
            self._auto_timer.stop()
            return
        self._make_room(dx, dy)
        bars = self.horizontalScrollBar(), self.verticalScrollBar()
        before = [bar.value() for bar in bars]
        bars[0].setValue(before[0] + dx)
        bars[1].setValue(before[1] + dy)
        if [bar.value() for bar in bars] == before:
            return  # at the end of the canvas
        self.fitted = False  # scrolled: the view is the user's now
        if self._auto_buttons != Qt.MouseButton.NoButton:
            # the drag follows the pointer over the canvas that scrolled under it
            move = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos),
                               QPointF(self.viewport().mapToGlobal(pos)),
                               Qt.MouseButton.NoButton, self._auto_buttons,
                               self._auto_modifiers)
            QApplication.sendEvent(self.viewport(), move)

    def _make_room(self: CanvasView, dx: int, dy: int) -> None:
        """Grows the scene's rectangle where the view would scroll past it (up to the
        canvas's limit), so a drag can go on into empty canvas."""
        scene = self.canvas()
        if scene is None:
            return
        seen = self.mapToScene(self.viewport().rect()).boundingRect()
        scale = self.zoom()
        wanted = seen.translated(dx / scale, dy / scale)
        rect = scene.sceneRect()
        if rect.contains(wanted):
            return
        limit = QRectF(-COORDINATE_LIMIT, -COORDINATE_LIMIT, 2 * COORDINATE_LIMIT,
                       2 * COORDINATE_LIMIT)
        scene.setSceneRect(rect.united(wanted).intersected(limit))

    # -- Esc while the button is held ----------------------------------------------------
    def _note_press(self: CanvasView) -> None:
        """A left press begins: what was selected, for Esc to put back."""
        scene = self.canvas()
        self._press_cancelled = False
        if scene is not None:
            self._selection_at_press = (scene.selected_node_ids(), scene.selected_links())

    def cancel_press(self: CanvasView) -> bool:
        """Esc while the left button is held: a drag of nodes goes back (no undo step), a
        link being drawn goes, a rubber band goes; the selection is as before the press,
        and the rest of the press does nothing. False when no such drag is under way."""
        scene = self.canvas()
        if self._click_start is None or scene is None:
            return False
        band = not self.rubberBandRect().isNull()
        if not scene.cancel_gesture() and not band:
            return False
        # Qt's own part of the press (the rubber band, the scene's mouse grabber) ends with
        # a release where the pointer is; the scene has nothing left to do with it.
        pos = QPointF(self._auto_pos if self._auto_pos is not None else self._click_start)
        self.stop_auto_scroll()
        release = QMouseEvent(QEvent.Type.MouseButtonRelease, pos,
                              QPointF(self.viewport().mapToGlobal(pos.toPoint())),
                              Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton,
                              Qt.KeyboardModifier.NoModifier)
        QGraphicsView.mouseReleaseEvent(self, release)
        # the selection as before the press, a band's or not: Qt took that release for a
        # click, which leaves the pressed node the only one selected
        nodes, links = self._selection_at_press
        with scene.one_selection_signal():
            scene.select_nodes(nodes)
            for key in links:
                if key in scene.links:
                    scene.links[key].setSelected(True)
        self._click_start = None
        self._press_cancelled = True
        return True

    def end_press(self: CanvasView) -> bool:
        """A press cut short while the button is held (a save, the keyboard going to
        another window or a dialog): a drag of nodes ends where it is, its one undo step
        pushed, as a release there would; a link being drawn goes (none is made); a band
        keeps what it selected. The rest of the press, while the button stays down, does
        nothing (QA 22h: a save during a drag wrote the nodes half-way and then said saved
        of a canvas it did not hold; a dialog taking the release left the drag open for
        good). False when no press is under way."""
        scene = self.canvas()
        if self._click_start is None or scene is None:
            return False
        if not scene.dragged_node_ids():
            scene.cancel_gesture()  # a link being drawn goes; a press not yet a drag
        pos = QPointF(self._auto_pos if self._auto_pos is not None else self._click_start)
        release = QMouseEvent(QEvent.Type.MouseButtonRelease, pos,
                              QPointF(self.viewport().mapToGlobal(pos.toPoint())),
                              Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton,
                              Qt.KeyboardModifier.NoModifier)
        self.mouseReleaseEvent(release)  # the drag's step pushed, as at a release
        self._click_start = None
        self._press_cancelled = True
        return True

    # -- revealing -----------------------------------------------------------------------
    def reveal_placed(self: CanvasView, node_ids: list[str]) -> None:
        """After a drop or a drag: scrolls these nodes into view (with a margin) when they
        are partly out of it and fit in it (a drag of a whole flow bigger than the view is
        not chased)."""
        if not node_ids or len(node_ids) > NUDGE_FOLLOW_MAX:
            return
        rect = self.nodes_rect(node_ids)
        if rect is None:
            return
        room = self.mapToScene(self.viewport().rect()).boundingRect()
        if room.contains(rect):
            return
        margin = 2 * REVEAL_MARGIN / self.zoom()
        if rect.width() + margin > room.width() or rect.height() + margin > room.height():
            return
        self.ensureVisible(rect, REVEAL_MARGIN, REVEAL_MARGIN)
        self.fitted = False
