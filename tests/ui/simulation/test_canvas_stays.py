"""QA: choosing a contact in the results slid the whole flow sideways (7 px at 1280x800, 23
at 1024x700) though every node of its journey was in view: the canvas was scrolled to give
one node (picked in a set's order) 80 px of margin. A node wholly in view stays where it
is; one out of view is still brought into it."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow

from .test_simulation_panel import run_to_finish


def seen(window: MainWindow) -> QRectF:
    view = window.view
    return view.mapToScene(view.viewport().rect()).boundingRect()


def flow(window: MainWindow) -> QRectF:
    rect = QRectF()
    for item in window.scene.nodes.values():
        rect = rect.united(item.sceneBoundingRect())
    return rect


def scroll_by(window: MainWindow, dx: float, dy: float) -> None:
    """Scrolls the canvas so the drawing moves by (dx, dy) scene units."""
    view = window.view
    scale = view.transform().m11()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + round(dx * scale))
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + round(dy * scale))
    QApplication.processEvents()


def test_choosing_a_contact_whose_nodes_are_in_view_moves_nothing(qtbot,
                                                                  window: MainWindow) -> None:
    window.resize(1280, 800)
    window.show_simulation_panel()
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.contacts)
    qtbot.wait(200)  # the panel's share settled
    # The flow in the canvas's top-left corner, 12 px from its edges: every node whole, and
    # every one nearer an edge than the 80 x 60 px margins the view was scrolled to give.
    scale = window.view.transform().m11()
    scroll_by(window, flow(window).left() - seen(window).left() - 12 / scale,
              flow(window).top() - seen(window).top() - 12 / scale)
    assert seen(window).contains(flow(window))
    view = window.view
    where = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    for contact in ("c-ana", "c-ben", "c-dana", "c-dev"):
        panel.select_contact(contact)
        QApplication.processEvents()
        assert panel.layer.path_nodes or panel.layer.path_current, contact
        assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == where, \
            contact


def test_a_contacts_node_out_of_view_is_brought_into_it(qtbot, window: MainWindow) -> None:
    window.resize(1280, 800)
    window.show_simulation_panel()
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.contacts)
    qtbot.wait(200)
    # The flow scrolled off to the left, out of view.
    scroll_by(window, flow(window).right() - seen(window).left() + 50, 0)
    assert not seen(window).intersects(flow(window))
    panel.select_contact("c-dev")  # waiting at Bought pool shock
    QApplication.processEvents()
    node = window.scene.nodes["bought-shock"]
    assert seen(window).contains(node.sceneBoundingRect())
