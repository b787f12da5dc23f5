"""QA: no auto-scroll while a drag was held near or past the view's edge (nodes dragged to
the bottom went out of sight; a node out of view could not be reached with a new link; a
Palette drag at the edge did nothing). The view scrolls while the drag is held there,
faster the further past, and the drag keeps following the pointer; it stops on release."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from canvas_app.ui.canvas.node_item import handle_centre
from canvas_app.ui.canvas.view_gestures import EDGE, edge_speed
from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos
from .test_canvas_editing import palette_mime

LEFT = Qt.MouseButton.LeftButton


def _mouse(window: MainWindow, kind: QEvent.Type, pos: QPoint,
           buttons: Qt.MouseButton = LEFT) -> None:
    viewport = window.view.viewport()
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else LEFT
    QApplication.sendEvent(viewport, QMouseEvent(
        kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons,
        Qt.KeyboardModifier.NoModifier))


def _press(window: MainWindow, pos: QPoint) -> None:
    _mouse(window, QEvent.Type.MouseButtonPress, pos)


def _move(window: MainWindow, pos: QPoint) -> None:
    _mouse(window, QEvent.Type.MouseMove, pos)


def _release(window: MainWindow, pos: QPoint) -> None:
    _mouse(window, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)


def _setup(window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(240, 0))
    window.view.setFocus()


def test_the_speed_grows_towards_and_past_the_edge() -> None:
    assert edge_speed(300, 600) == 0
    assert 0 < edge_speed(600 - EDGE, 600) < edge_speed(598, 600) < edge_speed(660, 600)
    assert edge_speed(5, 600) < 0 and edge_speed(-50, 600) < edge_speed(5, 600)


def test_nodes_dragged_past_the_bottom_edge_scroll_the_view_and_follow(
        qtbot, window: MainWindow) -> None:
    _setup(window)
    window.scene.select_nodes(["nurture", "bought-shock", "post-purchase"])
    view, bar = window.view, window.view.verticalScrollBar()
    depth = window.controller.undo_stack.count()
    start = view_pos(window, window.scene.nodes["bought-shock"].pos())
    below = QPoint(start.x(), view.viewport().height() + 30)  # past the bottom edge
    _press(window, start)
    try:
        for step in range(1, 9):
            _move(window, start + (below - start) * step / 8)
        top = bar.value()
        qtbot.waitUntil(lambda: bar.value() > top + 300, timeout=5000)
        # the node kept under the pointer while the view scrolled
        node = view_pos(window, window.scene.nodes["bought-shock"].pos())
        assert abs(node.y() - below.y()) <= 25, (node, below)
    finally:
        _release(window, below)
    assert not view.auto_scrolling()
    value = bar.value()
    qtbot.wait(60)
    assert bar.value() == value  # stopped with the release
    campaign = window.controller.campaign(window.scene.campaign_id)
    assert campaign.node("bought-shock").y > 300
    assert window.controller.undo_stack.count() == depth + 1  # one drag, one step


def test_a_new_link_dragged_to_the_edge_reaches_a_node_out_of_view(
        qtbot, window: MainWindow) -> None:
    _setup(window)
    view, bar = window.view, window.view.horizontalScrollBar()
    window.controller.campaign(window.scene.campaign_id)
    far = window.controller.add_node(window.scene.campaign_id, "tag_goal", 1600.0, 0.0)
    assert not view.mapToScene(view.viewport().rect()).boundingRect().contains(
        QPointF(1600, 0))
    item = window.scene.nodes["post-purchase"]
    start = view_pos(window, item.mapToScene(handle_centre(item.kind)))
    edge = QPoint(view.viewport().width() - 10, start.y())
    _press(window, start)
    try:
        for step in range(1, 6):
            _move(window, start + (edge - start) * step / 5)
        qtbot.waitUntil(lambda: view_pos(window, QPointF(1600, 0)).x()
                        < view.viewport().width() - 200, timeout=8000)
        # the link's loose end stays at the pointer
        end = window.scene._rubber.line().p2()
        assert (view.mapFromScene(end) - edge).manhattanLength() <= 4
        target = view_pos(window, QPointF(1600, 0))
        _move(window, target)
        assert not view.auto_scrolling()  # away from the edge: it stops
        value = bar.value()
        qtbot.wait(60)
        assert bar.value() == value
    finally:
        _release(window, view_pos(window, QPointF(1600, 0)))
    campaign = window.controller.campaign(window.scene.campaign_id)
    assert campaign.has_edge("post-purchase", far)


def test_a_palette_drag_held_at_the_right_edge_scrolls_and_drops_there(
        qtbot, window: MainWindow) -> None:
    _setup(window)
    view, bar = window.view, window.view.horizontalScrollBar()
    viewport = view.viewport()
    mime = palette_mime(window, "sequence")
    copy, none = Qt.DropAction.CopyAction, Qt.KeyboardModifier.NoModifier
    pos = QPoint(viewport.width() - 6, viewport.height() // 2)
    inside = QPoint(viewport.width() // 2, viewport.height() // 2)
    QApplication.sendEvent(viewport, QDragEnterEvent(inside, copy, mime, LEFT, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(inside, copy, mime, LEFT, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(pos, copy, mime, LEFT, none))
    left = bar.value()
    qtbot.waitUntil(lambda: bar.value() > left + 200, timeout=5000)
    campaign = window.controller.campaign(window.scene.campaign_id)
    before = set(campaign.graph.nodes)
    QApplication.sendEvent(viewport, QDropEvent(QPointF(pos), copy, mime, LEFT, none,
                                                QEvent.Type.Drop))
    assert not view.auto_scrolling()
    node = campaign.node((set(campaign.graph.nodes) - before).pop())
    assert node.x > 240 + 200  # where the scrolled view had the pointer


def test_a_palette_drag_that_leaves_stops_scrolling(qtbot, window: MainWindow) -> None:
    _setup(window)
    view = window.view
    viewport = view.viewport()
    mime = palette_mime(window, "sequence")
    copy, none = Qt.DropAction.CopyAction, Qt.KeyboardModifier.NoModifier
    pos = QPoint(viewport.width() - 6, 50)
    inside = QPoint(viewport.width() // 2, viewport.height() // 2)
    QApplication.sendEvent(viewport, QDragEnterEvent(inside, copy, mime, LEFT, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(inside, copy, mime, LEFT, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(pos, copy, mime, LEFT, none))
    assert view.auto_scrolling()
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    assert not view.auto_scrolling()


def test_a_palette_drag_coming_in_by_an_edge_does_not_scroll(qtbot, window: MainWindow) -> None:
    """QA 21: the Palette sits against the view's left edge, and every drag from it crossed
    the scrolling band: everything on the canvas moved as it came in (and stayed moved
    after Esc). The edge it came in by scrolls only once it has been inside."""
    _setup(window)
    view, bar = window.view, window.view.horizontalScrollBar()
    viewport = view.viewport()
    mime = palette_mime(window, "sequence")
    copy, none = Qt.DropAction.CopyAction, Qt.KeyboardModifier.NoModifier
    left = bar.value()
    for x in (0, 4, 10, 20):  # the band, slowly
        pos = QPoint(x, viewport.height() // 2)
        event = QDragEnterEvent if x == 0 else QDragMoveEvent
        QApplication.sendEvent(viewport, event(pos, copy, mime, LEFT, none))
        assert not view.auto_scrolling()
        qtbot.wait(60)
    assert bar.value() == left
    inside = QPoint(viewport.width() // 2, viewport.height() // 2)
    QApplication.sendEvent(viewport, QDragMoveEvent(inside, copy, mime, LEFT, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(QPoint(2, 60), copy, mime, LEFT, none))
    assert view.auto_scrolling()  # back at the edge once inside: it scrolls
    QApplication.sendEvent(viewport, QDragLeaveEvent())
