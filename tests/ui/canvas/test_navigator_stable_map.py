"""The navigator's map holds still while the user moves the view (QA: the frame dragged and
let go jumped 7-20 px away from the pointer as the map was fitted again to the campaign and
the part in view; a pan of the view fitted it again too). It is fitted again only when the
campaign's own bounds change, the map is resized, or the view leaves the map altogether."""

from __future__ import annotations

import os

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication

from canvas_app.ui.canvas.navigator import PAD, world_rect
from canvas_app.ui.main_window import MainWindow

from .conftest import add_big_campaign

LEFT = Qt.MouseButton.LeftButton


def settle(qtbot) -> None:
    qtbot.wait(200)  # longer than the map's pause (REDRAW_MS)
    QApplication.processEvents()


def mapping(nav) -> tuple[QPointF, QPointF]:
    """Where two points of the map are in the scene: the map's scale and place."""
    return nav.to_scene(QPointF(0, 0)), nav.to_scene(QPointF(100, 100))


def same_mapping(a: tuple[QPointF, QPointF], b: tuple[QPointF, QPointF]) -> bool:
    return all(abs(p.x() - q.x()) < 1e-6 and abs(p.y() - q.y()) < 1e-6
               for p, q in zip(a, b, strict=True))


def shot(widget, name: str) -> None:
    """A picture for a person to look at, when CANVAS_SHOTS names a folder."""
    folder = os.environ.get("CANVAS_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def content(window: MainWindow) -> QRectF:
    return world_rect(window.controller.campaign(window.current_campaign_id()).nodes)


def big_in_view(qtbot, window: MainWindow):
    add_big_campaign(window, 300)  # from about (0, 0) to (4560, 2520)
    view, nav = window.view, window.navigator
    view.set_zoom(1.0)
    view.centerOn(2000.0, 1200.0)
    settle(qtbot)
    nav.grab()  # painted: the map is drawn
    assert nav.isVisible()
    return view, nav


def drag(qtbot, nav, start: QPoint, end: QPoint, steps: int = 10) -> None:
    qtbot.mousePress(nav, LEFT, pos=start)
    for i in range(1, steps + 1):
        qtbot.mouseMove(nav, start + (end - start) * (i / steps))
        qtbot.wait(5)
    qtbot.mouseRelease(nav, LEFT, pos=end)


def test_navigator_frame_dragged_and_let_go_stays_under_the_pointer(
        qtbot, window: MainWindow) -> None:
    view, nav = big_in_view(qtbot, window)
    before = mapping(nav)
    frame = nav.shown_frame()
    start = frame.center().toPoint()
    # up and to the left, till the view reaches past the campaign's top edge, the frame
    # still whole on the map (the map was fitted to the campaign and the view, and shifted)
    end = QPoint(round(PAD + frame.width() / 2 + 2), round(PAD + frame.height() / 2 + 1))
    shot(nav, "navigator_before_frame_drag.png")
    drag(qtbot, nav, start, end)
    during = mapping(nav)
    settle(qtbot)
    shot(nav, "navigator_after_frame_drag.png")
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.top() < content(window).top()  # the view does reach past the campaign
    assert same_mapping(before, during)
    assert same_mapping(before, mapping(nav))  # not fitted again on release
    centre = nav.shown_frame().center()
    assert abs(centre.x() - end.x()) <= 1.5 and abs(centre.y() - end.y()) <= 1.5, (centre, end)
    assert abs(nav.frame_rect().center().x() - end.x()) <= 1.5  # where the view is, too


def test_navigator_frame_grabbed_off_centre_moves_with_the_pointer(
        qtbot, window: MainWindow) -> None:
    """A press inside the frame takes hold of it where pressed (no jump to centre it on the
    pointer); the frame follows the pointer's moves."""
    view, nav = big_in_view(qtbot, window)
    frame = nav.shown_frame()
    grip = QPoint(round(frame.left() + 4), round(frame.bottom() - 3))
    centre_before = view.centre_scene_pos()
    qtbot.mousePress(nav, LEFT, pos=grip)
    assert (view.centre_scene_pos() - centre_before).manhattanLength() < 2  # no jump
    qtbot.mouseRelease(nav, LEFT, pos=grip)
    end = grip + QPoint(30, -12)
    drag(qtbot, nav, grip, end)
    settle(qtbot)
    moved = nav.shown_frame()
    assert abs(moved.left() - frame.left() - 30) <= 1.5, (moved, frame)
    assert abs(moved.top() - frame.top() + 12) <= 1.5, (moved, frame)


def test_navigator_map_holds_still_while_the_view_pans(qtbot, window: MainWindow) -> None:
    view, nav = big_in_view(qtbot, window)
    before = mapping(nav)
    frame = nav.frame_rect()
    # a middle-button pan of the view, up and to the left past the campaign's edge
    viewport = view.viewport()
    start, step = QPoint(100, 50), QPoint(42, 26)
    for _ in range(4):  # four pans, each let go (each fitted the map again)
        qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, pos=start)
        for i in range(1, 11):
            qtbot.mouseMove(viewport, start + step * i)
            qtbot.wait(5)
        qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton, pos=start + step * 10)
        settle(qtbot)
        assert same_mapping(before, mapping(nav))
    seen = view.mapToScene(viewport.rect()).boundingRect()
    whole = content(window)
    assert seen.top() < whole.top() and seen.left() < whole.left()  # past its edge
    # the scroll bars too (the wheel, the arrow keys), down and to the right past the edge
    view.centerOn(4400.0, 2450.0)
    settle(qtbot)
    seen = view.mapToScene(viewport.rect()).boundingRect()
    assert seen.bottom() > whole.bottom() and seen.right() > whole.right()
    nav.grab()
    assert same_mapping(before, mapping(nav))
    assert nav.isVisible()
    # the frame is whole and keeps its size, on the map
    shown = nav.shown_frame()
    assert abs(shown.width() - frame.width()) < 0.5 and abs(shown.height() - frame.height()) < 0.5
    inner = nav.rect().adjusted(PAD, PAD, -PAD, -PAD)
    assert inner.toRectF().adjusted(-0.5, -0.5, 0.5, 0.5).contains(shown)


def test_navigator_map_fits_again_when_the_view_leaves_it(qtbot, window: MainWindow) -> None:
    view, nav = big_in_view(qtbot, window)
    before = mapping(nav)
    view.centerOn(50_000.0, 50_000.0)  # far away: the frame would be off the map
    settle(qtbot)
    assert not same_mapping(before, mapping(nav))
    inner = nav.rect().adjusted(PAD, PAD, -PAD, -PAD).toRectF().adjusted(-0.5, -0.5, 0.5, 0.5)
    assert inner.contains(nav.frame_rect())


def test_navigator_map_fits_again_only_when_the_campaigns_bounds_change(
        qtbot, window: MainWindow) -> None:
    view, nav = big_in_view(qtbot, window)
    cid = window.current_campaign_id()
    view.centerOn(300.0, 1200.0)  # the view reaches past the campaign's left edge
    settle(qtbot)
    before = mapping(nav)
    window.controller.move_nodes(cid, {"big-25": (1300.0, 700.0)})  # inside its bounds
    settle(qtbot)
    nav.grab()
    assert same_mapping(before, mapping(nav))
    window.controller.move_nodes(cid, {"big-0": (-3000.0, -2000.0)})  # its bounds grow
    settle(qtbot)
    nav.grab()
    assert not same_mapping(before, mapping(nav))
    assert nav.to_scene(QPointF(PAD, PAD)).x() < -2900
