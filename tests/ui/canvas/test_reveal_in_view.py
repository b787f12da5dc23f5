"""QA: placing a node with Ctrl+2 scrolled the canvas by 13 px when the new node was in
view but near its edge, and the next double-click missed the node it aimed at. Revealing
nodes scrolls only when they are not in view."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow


def scroll(window: MainWindow) -> tuple[int, int]:
    view = window.view
    return view.horizontalScrollBar().value(), view.verticalScrollBar().value()


def test_a_node_placed_in_view_near_its_edge_moves_nothing(qtbot, window: MainWindow) -> None:
    view = window.view
    view.set_zoom(1.0)
    room = view.mapToScene(view.viewport().rect()).boundingRect()
    cid = window.current_campaign_id()
    # a node whose body and name are in view, 10 px from the view's bottom edge
    node_id = window.controller.add_node(cid, "tag_goal", room.center().x(),
                                         room.bottom() - 80)
    QApplication.processEvents()
    rect = view.nodes_rect([node_id])
    assert rect is not None and room.contains(rect) and room.bottom() - rect.bottom() < 40
    before = scroll(window)
    window.reveal_nodes([node_id])
    assert scroll(window) == before


def test_a_node_out_of_view_is_scrolled_into_it(qtbot, window: MainWindow) -> None:
    view = window.view
    view.set_zoom(1.0)
    room = view.mapToScene(view.viewport().rect()).boundingRect()
    cid = window.current_campaign_id()
    node_id = window.controller.add_node(cid, "tag_goal", room.right() + 400,
                                         room.center().y())
    QApplication.processEvents()
    window.reveal_nodes([node_id])
    room = view.mapToScene(view.viewport().rect()).boundingRect()
    rect = view.nodes_rect([node_id])
    assert rect is not None and room.contains(rect)
    assert room.contains(QPointF(rect.right() + 30, rect.center().y()))  # with a margin
