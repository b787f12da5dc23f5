"""QA: a node dropped from the Palette at the canvas's corner was centred on the pointer and
mostly clipped, and nodes let go at the view's edge stayed cut off. After a drop, and after
a drag let go at the edge, the view scrolls to show the node(s) whole, with a margin."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos
from .test_canvas_editing import drop


def _in_view(window: MainWindow, node_id: str) -> bool:
    view = window.view
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    return seen.contains(window.scene.nodes[node_id].sceneBoundingRect())


def test_a_node_dropped_in_the_corner_is_shown_whole(window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(240, 0))
    campaign = window.controller.campaign(window.scene.campaign_id)
    before = set(campaign.graph.nodes)
    viewport = window.view.viewport()
    drop(window, "sequence", QPoint(viewport.width() - 3, viewport.height() - 3))
    node_id = (set(campaign.graph.nodes) - before).pop()
    assert _in_view(window, node_id)
    assert not window.view.fitted


def test_a_node_dragged_to_the_edge_and_let_go_is_shown_whole(qtbot,
                                                              window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(240, 0))
    window.scene.clearSelection()
    viewport = window.view.viewport()
    start = view_pos(window, window.scene.nodes["nurture"].pos())
    end = QPoint(start.x(), viewport.height() - 2)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)
    qtbot.mouseMove(viewport, start + (end - start) / 2)
    qtbot.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       end)
    assert window.controller.campaign(window.scene.campaign_id).node("nurture").y > 100
    assert _in_view(window, "nurture")


def test_a_drop_in_the_middle_leaves_the_view_where_it_is(window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(240, 0))
    centre = window.view.centre_scene_pos()
    viewport = window.view.viewport()
    drop(window, "tag_goal", QPoint(viewport.width() // 2, viewport.height() - 200))
    after = window.view.centre_scene_pos()
    assert (after - centre).manhattanLength() < 1
