"""The navigator: a map of the campaign in the canvas's corner while it does not fit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

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
