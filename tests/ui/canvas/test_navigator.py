"""The navigator: a map of the campaign in the canvas's corner while it does not fit."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtWidgets import QApplication

from canvas_app.ui.canvas.navigator import PAD, world_rect
from canvas_app.ui.main_window import MainWindow

from .conftest import add_big_campaign, make_window


def settle(qtbot) -> None:
    qtbot.wait(200)  # the map is redrawn once changes pause (REDRAW_MS)
    QApplication.processEvents()


def test_hidden_while_the_campaign_fits(qtbot, window: MainWindow) -> None:
    window.view.fit()
    settle(qtbot)
    assert not window.navigator.isVisible()


def test_shown_for_a_campaign_bigger_than_the_view(qtbot, window: MainWindow) -> None:
    add_big_campaign(window, 300)
    window.view.fit()
    settle(qtbot)
    assert not window.navigator.isVisible()  # fitted: all of it is in view
    window.view.set_zoom(1.0)
    settle(qtbot)
    nav = window.navigator
    assert nav.isVisible()
    viewport = window.view.viewport().geometry()
    # In the viewport's bottom-right corner, inside it.
    assert viewport.contains(nav.geometry())
    assert viewport.right() - nav.geometry().right() < 20
    assert viewport.bottom() - nav.geometry().bottom() < 20
    assert nav.width() <= min(220, viewport.width() * 0.2 + 1)  # a fifth of the view at most


def test_the_map_shows_nodes_and_the_part_in_view(qtbot, window: MainWindow) -> None:
    add_big_campaign(window, 300)
    window.view.set_zoom(1.0)
    window.view.centerOn(0, 0)
    settle(qtbot)
    image = window.navigator.grab().toImage()
    sequence_blue = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            c = image.pixelColor(x, y)
            if c.blue() > 150 and c.red() < 120:
                sequence_blue += 1
    assert sequence_blue > 50  # 300 sequences as blue specks, and the frame of the view


def test_clicking_the_map_moves_the_view_there(qtbot, window: MainWindow) -> None:
    add_big_campaign(window, 300)  # 20 columns x 15 rows, 240 x 180 apart
    window.view.set_zoom(1.0)
    window.view.centerOn(0, 0)
    settle(qtbot)
    nav = window.navigator
    target = QPointF(19 * 240, 14 * 180)  # the last node, bottom right
    where = nav.to_scene(QPointF(0, 0))  # map -> scene is linear: find the map point
    scale = nav.to_scene(QPointF(1, 1)) - where
    point = QPoint(round((target.x() - where.x()) / scale.x()),
                   round((target.y() - where.y()) / scale.y()))
    qtbot.mouseClick(nav, Qt.MouseButton.LeftButton, pos=point)
    centre = window.view.centre_scene_pos()
    assert abs(centre.x() - target.x()) < 2 * abs(scale.x()) + 60
    assert abs(centre.y() - target.y()) < 2 * abs(scale.y()) + 60
    assert not window.view.fitted


def test_the_map_follows_edits_once_they_pause(qtbot, window: MainWindow) -> None:
    cid = add_big_campaign(window, 300)
    window.view.set_zoom(1.0)
    settle(qtbot)
    nav = window.navigator
    world = nav._world
    window.controller.move_nodes(cid, {"big-0": (-3000.0, -2000.0)})
    settle(qtbot)
    nav.grab()  # paints, drawing the new map
    assert nav._world.left() < world.left() - 2000
    assert nav._world.top() < world.top() - 1500


def test_the_map_follows_edits_made_while_another_campaign_showed(
        qtbot, window: MainWindow) -> None:
    """Its rectangle is worked out once per campaign shown; a campaign edited while an
    empty one showed (no map) gets a new one when it shows again."""
    cid = add_big_campaign(window, 300)
    window.view.set_zoom(1.0)
    settle(qtbot)
    nav = window.navigator
    world = nav._world
    empty = window.controller.new_campaign("Empty")
    window.campaign_list.select(empty)
    settle(qtbot)
    assert not nav.isVisible()
    window.controller.move_nodes(cid, {"big-0": (-3000.0, -2000.0)})
    window.campaign_list.select(cid)
    settle(qtbot)
    nav.grab()
    assert nav._world.left() < world.left() - 2000
    assert nav._world.top() < world.top() - 1500


def test_view_menu_turns_it_off_and_the_choice_is_kept(qtbot, tmp_path: Path,
                                                       sample_file: Path) -> None:
    window = make_window(qtbot, str(sample_file), tmp_path)
    add_big_campaign(window, 300)
    window.view.set_zoom(1.0)
    settle(qtbot)
    action = window.actions_by_name["navigator"]
    assert action.isChecked() and window.navigator.isVisible()
    assert action in window.menus["view"].actions()
    action.trigger()
    settle(qtbot)
    assert not window.navigator.isVisible()
    window.settings.sync()
    window.close()
    again = make_window(qtbot, str(sample_file), tmp_path)
    assert not again.actions_by_name["navigator"].isChecked()
    add_big_campaign(again, 300)
    again.view.set_zoom(1.0)
    settle(qtbot)
    assert not again.navigator.isVisible()


def test_not_shown_in_a_small_view(qtbot, window: MainWindow) -> None:
    add_big_campaign(window, 300)
    window.resize(700, 500)
    window.view.set_zoom(1.0)
    settle(qtbot)
    assert not window.navigator.isVisible()


def test_zoom_to_selection_shows_just_the_selected_nodes(qtbot, window: MainWindow) -> None:
    add_big_campaign(window, 300)
    window.view.fit()
    window.scene.select_nodes(["big-21", "big-23"])  # row 2, columns 2 and 4
    window.actions_by_name["zoom_selection"].trigger()
    view = window.view
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    for node_id in ("big-21", "big-23"):
        assert seen.contains(window.scene.nodes[node_id].sceneBoundingRect())
    assert 0.5 < view.zoom() <= 1.25
    assert not seen.contains(window.scene.nodes["big-200"].sceneBoundingRect())
    window.scene.select_nodes([])
    zoom = view.zoom()
    window.actions_by_name["zoom_selection"].trigger()
    assert view.zoom() == zoom
    assert window.statusBar().currentMessage() == "Select the nodes to zoom to first."


def test_not_shown_for_a_small_campaign_scrolled_a_little(qtbot, window: MainWindow) -> None:
    window.view.set_zoom(1.25)
    window.view.centerOn(window.scene.nodes["nurture"])  # the others partly out of view
    settle(qtbot)
    view = window.view
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert not seen.contains(window.scene.nodes_rect())
    assert not window.navigator.isVisible()
    view.centerOn(50_000, 50_000)  # far away: the campaign is out of sight
    settle(qtbot)
    assert window.navigator.isVisible()


# -- the frame of the view is whole; the map steps out of the way of work ------------------
def _shot(widget, name: str) -> None:
    """A picture for a person to look at, when CANVAS_SHOTS names a folder."""
    folder = os.environ.get("CANVAS_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def _inside(nav, frame: QRectF) -> bool:
    inner = QRectF(nav.rect()).adjusted(PAD - 0.5, PAD - 0.5, 0.5 - PAD, 0.5 - PAD)
    return inner.contains(frame)


def _blue_on_map(nav, frame: QRectF) -> int:
    """Specks of sequences (blue) on the map outside the frame of the view."""
    image = nav.grab().toImage()
    count = 0
    for x in range(PAD, image.width() - PAD):
        for y in range(PAD, image.height() - PAD):
            if frame.adjusted(-2, -2, 2, 2).contains(QPointF(x, y)):
                continue
            c = image.pixelColor(x, y)
            if c.blue() > 150 and c.red() < 120:
                count += 1
    return count


def test_the_frame_is_whole_with_the_view_beyond_the_campaign(qtbot, window: MainWindow) -> None:
    add_big_campaign(window, 300)  # from (0, 0) to (4560, 2520)
    view, nav = window.view, window.navigator
    view.set_zoom(1.0)
    for x, y in ((-300.0, -200.0), (4900.0, 2800.0), (2000.0, -400.0), (50_000.0, 50_000.0)):
        view.centerOn(x, y)
        settle(qtbot)
        assert nav.isVisible()
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        campaign = window.controller.campaign(window.current_campaign_id())
        assert not world_rect(campaign.nodes).contains(seen)  # the view reaches past it
        # drawn whole and its own size: the map holds still as the view moves, so the
        # frame is moved back onto it where the view reaches past its edge (shown_frame)
        frame, exact = nav.shown_frame(), nav.frame_rect()
        assert _inside(nav, frame), (x, y, frame)
        assert abs(frame.width() - exact.width()) < 0.5, (x, y, frame, exact)
        assert abs(frame.height() - exact.height()) < 0.5, (x, y, frame, exact)
        assert frame.width() > 1 and frame.height() > 1
        assert _blue_on_map(nav, frame) > 0  # the campaign is on the map too
    view.centerOn(-300.0, -200.0)
    settle(qtbot)
    _shot(window, "navigator_view_past_top_left.png")
    _shot(nav, "navigator_view_past_top_left_map.png")


def test_the_frame_stays_whole_while_the_view_scrolls_before_the_map_is_redrawn(
        qtbot, window: MainWindow) -> None:
    add_big_campaign(window, 300)
    view, nav = window.view, window.navigator
    view.set_zoom(1.0)
    view.centerOn(2000.0, 1000.0)
    settle(qtbot)
    corner = nav.to_scene(QPointF(0, 0))
    view.centerOn(-200.0, -150.0)  # no pause; partly past the campaign's top left
    nav.grab()
    assert _inside(nav, nav.shown_frame())
    assert nav.to_scene(QPointF(0, 0)) == corner  # the map held still
    settle(qtbot)
    assert _inside(nav, nav.shown_frame())
    assert nav.to_scene(QPointF(0, 0)) == corner


def _nav_centre(window: MainWindow) -> QPoint:
    """The navigator's middle, in the viewport's coordinates."""
    nav = window.navigator
    return window.view.viewport().mapFrom(window.view, nav.geometry().center())


def _drag(qtbot, viewport, start: QPoint, end: QPoint, steps: int = 12) -> None:
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, steps + 1):
        qtbot.mouseMove(viewport, start + (end - start) * (i / steps))
        qtbot.wait(5)


def _big_in_view(qtbot, window: MainWindow) -> None:
    add_big_campaign(window, 300)
    window.view.set_zoom(1.0)
    window.view.centerOn(1200, 900)
    settle(qtbot)
    assert window.navigator.isVisible() and not window.navigator.faded


def test_a_node_dragged_under_it_fades_it_and_stays_visible_and_clickable(
        qtbot, window: MainWindow) -> None:
    _big_in_view(qtbot, window)
    view, nav, scene = window.view, window.navigator, window.scene
    viewport = view.viewport()
    centre = _nav_centre(window)
    # A node in the view's upper left, dragged by its icon to the navigator's middle.
    item = next(i for i in scene.nodes.values()
                if viewport.rect().adjusted(40, 40, -600, -300).contains(
                    view.mapFromScene(i.sceneBoundingRect().center())))
    start = view.mapFromScene(item.sceneBoundingRect().center() + QPointF(-30, -20))
    assert view.childAt(viewport.mapTo(view, centre)) is nav  # it takes the mouse
    _drag(qtbot, viewport, start, centre)
    assert nav.faded  # the drag came near
    assert view.childAt(viewport.mapTo(view, centre)) is viewport  # the mouse goes through
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=centre)
    settle(qtbot)
    moved = view.mapFromScene(item.sceneBoundingRect().center())
    assert QRect(nav.pos(), nav.size()).contains(viewport.mapTo(view, moved))  # under it
    assert nav.faded  # the node dropped under it is selected: it stays faded
    _shot(window, "navigator_faded_over_node.png")
    # The node shows through: its blue icon, where the navigator is.
    image = view.grab().toImage()
    icon = viewport.mapTo(view, view.mapFromScene(
        item.sceneBoundingRect().center() + QPointF(-40, 0)))
    colour = image.pixelColor(icon)
    assert colour.blue() > 150 and colour.red() < 150, colour.name()
    # Clickable: a click there goes to the widget under the mouse, the canvas, and reaches
    # the node (Ctrl+click takes it out of the selection).
    target = view.childAt(icon)
    assert target is viewport
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     pos=target.mapFrom(view, icon))
    settle(qtbot)
    assert item.node_id not in scene.selected_node_ids()
    assert not nav.faded  # nothing selected under it: back, opaque, taking the mouse
    assert view.childAt(icon) is nav
    _shot(window, "navigator_back_over_node.png")
    scene.select_nodes([item.node_id])  # selected another way (Find, Tab): faded again
    settle(qtbot)
    assert nav.faded
    scene.select_nodes(["big-0"])
    settle(qtbot)
    assert not nav.faded


def test_a_rubber_band_near_it_fades_it_until_released(qtbot, window: MainWindow) -> None:
    _big_in_view(qtbot, window)
    view, nav = window.view, window.navigator
    viewport = view.viewport()
    centre = _nav_centre(window)
    # From empty canvas (between rows of nodes) towards the navigator, stopping short.
    start = view.mapFromScene(QPointF(1320, 990))
    assert window.scene.node_at(view.mapToScene(start)) is None
    end = centre - QPoint(nav.width() // 2 + 20, nav.height() // 2 + 20)
    _drag(qtbot, viewport, start, start + (end - start) * 0.5)
    assert not nav.faded  # far yet
    qtbot.mouseMove(viewport, end)
    qtbot.wait(20)
    assert nav.faded
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    settle(qtbot)
    assert not nav.faded  # what the band selected is not under it



def test_a_link_drawn_towards_it_fades_it_and_can_end_on_a_node_under_it(
        qtbot, window: MainWindow) -> None:
    from canvas_app.ui.canvas.node_item import handle_centre

    _big_in_view(qtbot, window)
    view, nav, scene = window.view, window.navigator, window.scene
    viewport = view.viewport()
    # A node brought under the navigator's middle, and one well away from it to draw a
    # link from.
    under = scene.nodes["big-150"]
    shift = _nav_centre(window) - view.mapFromScene(under.sceneBoundingRect().center())
    for bar, by in ((view.horizontalScrollBar(), shift.x()),
                    (view.verticalScrollBar(), shift.y())):
        bar.setValue(bar.value() - by)
    settle(qtbot)
    assert nav.isVisible() and not nav.faded
    source = next(i for i in scene.nodes.values()
                  if viewport.rect().adjusted(40, 40, -600, -300).contains(
                      view.mapFromScene(i.sceneBoundingRect().center())))
    campaign = window.controller.campaign(window.current_campaign_id())
    assert campaign.can_link(source.node_id, under.node_id) is None
    start = view.mapFromScene(source.mapToScene(handle_centre(source.kind)))
    end = view.mapFromScene(under.sceneBoundingRect().center())
    _drag(qtbot, viewport, start, end)
    assert nav.faded  # the link's end came near it
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    settle(qtbot)
    assert campaign.has_edge(source.node_id, under.node_id)  # dropped on the node under it
    assert not nav.faded  # the drag is over, no node selected under it


def test_a_node_brought_from_the_palette_fades_it_and_lands_in_sight(
        qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    _big_in_view(qtbot, window)
    view, nav = window.view, window.navigator
    view.centerOn(5300, 1200)  # past the campaign's right edge: empty canvas under the map
    settle(qtbot)
    assert nav.isVisible()
    viewport = view.viewport()
    model = window.palette.palette_model
    mime = model.mimeData([model.index_of("tag_goal")])
    copy, left, none = (Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)
    far = QPoint(100, 100)
    QApplication.sendEvent(viewport, QDragEnterEvent(far, copy, mime, left, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(far, copy, mime, left, none))
    assert not nav.faded
    centre = _nav_centre(window)
    QApplication.sendEvent(viewport, QDragMoveEvent(centre, copy, mime, left, none))
    assert nav.faded
    before = set(window.scene.nodes)
    QApplication.sendEvent(viewport, QDropEvent(QPointF(centre), copy, mime, left, none,
                                                QEvent.Type.Drop))
    settle(qtbot)
    added = set(window.scene.nodes) - before
    assert len(added) == 1 and window.scene.selected_node_ids() == list(added)
    item = window.scene.nodes[added.pop()]
    area = QRect(viewport.mapFrom(view, nav.pos()), nav.size())
    assert area.contains(view.mapFromScene(item.sceneBoundingRect().center()))
    assert nav.faded  # the new node, selected, is under it: it stays faded


def test_a_selected_node_beside_it_leaves_it_opaque(qtbot, window: MainWindow) -> None:
    """Only what a node draws counts: QA selected a node whose short name ended 50 px
    left of the map, and the map faded and let clicks through (the room kept for a long
    name reached under it)."""
    _big_in_view(qtbot, window)
    view, nav, scene = window.view, window.navigator, window.scene
    area = QRect(view.viewport().mapFrom(view, nav.pos()), nav.size())
    left = view.mapToScene(area.topLeft())
    middle_y = view.mapToScene(area.center()).y()
    cid = window.current_campaign_id()
    node_id = window.controller.add_node(cid, "tag_goal", 0.0, 0.0)
    window.controller.rename_node(cid, node_id, "A")
    item = scene.nodes[node_id]
    bounds = item.boundingRect()
    # its bounds reach 20 px under the map; its body, handle and name end well before
    window.controller.move_nodes(cid, {node_id: (left.x() + 20 - bounds.right(), middle_y)})
    scene.select_nodes([node_id])
    settle(qtbot)
    assert item.sceneBoundingRect().intersects(view.mapToScene(area).boundingRect())
    assert item.mapToScene(item.shape()).boundingRect().right() < left.x() - 20
    assert nav.isVisible() and not nav.faded
    window.controller.move_nodes(cid, {node_id: (left.x() + 10, middle_y)})  # under it
    settle(qtbot)
    assert nav.faded


def test_the_frame_keeps_its_size_dragged_past_the_campaign(qtbot, window: MainWindow) -> None:
    """QA: dragging the frame on the map past the campaign's edge cut it at the map's edge,
    so it looked as if it shrank; it keeps its size and stays on the map."""
    add_big_campaign(window, 300)
    view, nav = window.view, window.navigator
    view.set_zoom(1.0)
    view.centerOn(2000.0, 1000.0)
    settle(qtbot)
    start = nav.shown_frame()
    middle = start.center().toPoint()
    qtbot.mousePress(nav, Qt.MouseButton.LeftButton, pos=middle)
    try:
        for corner in (QPoint(nav.width() + 60, nav.height() + 60), QPoint(-60, -60),
                       QPoint(nav.width() + 60, -60)):
            event_pos = QPointF(corner)
            nav.mouseMoveEvent(_move_event(nav, event_pos))
            QApplication.processEvents()
            frame = nav.shown_frame()
            assert abs(frame.width() - start.width()) < 0.5, (corner, frame, start)
            assert abs(frame.height() - start.height()) < 0.5, (corner, frame, start)
            assert _inside(nav, frame), (corner, frame)
    finally:
        qtbot.mouseRelease(nav, Qt.MouseButton.LeftButton, pos=middle)


def _move_event(widget, pos: QPointF):
    from PySide6.QtGui import QMouseEvent

    return QMouseEvent(QEvent.Type.MouseMove, pos, widget.mapToGlobal(pos),
                       Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
