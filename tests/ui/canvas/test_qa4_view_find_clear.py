"""QA: the Find bar floats over the canvas's top-right corner and hid the node it found
("Post-purchase", the sample's rightmost node, on a short canvas zoomed in). The view scrolls the
found node out from under the bar."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtTest import QTest

from canvas_app.ui.canvas.node_item import body_rect
from canvas_app.ui.main_window import MainWindow


def _bar_on_canvas(window: MainWindow) -> QRect:
    bar = window.find_bar
    viewport = window.view.viewport()
    return QRect(viewport.mapFrom(window, bar.pos()), bar.size())


def _node_on_canvas(window: MainWindow, node_id: str) -> QRect:
    item = window.scene.nodes[node_id]
    return window.view.mapFromScene(item.sceneBoundingRect()).boundingRect()


def _find(qtbot, window: MainWindow, text: str) -> None:
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.find_bar.isVisible, timeout=1000)
    QTest.keyClicks(window.find_bar.field, text)


def test_the_node_found_is_not_under_the_bar(qtbot, window: MainWindow) -> None:
    """A short canvas (a low window, panels open) zoomed in: "Post-purchase", found from
    above, was scrolled just into view, its top under the bar."""
    window.resize(1200, 420)
    qtbot.waitUntil(lambda: window.view.viewport().height() < 300, timeout=1000)
    window.view.set_zoom(2.09)
    window.view.centerOn(QPointF(480, 400))  # the node above the view
    _find(qtbot, window, "post")
    assert window.find_bar.count.text() == "1 of 1"
    assert window.scene.selected_node_ids() == ["post-purchase"]
    node = _node_on_canvas(window, "post-purchase")
    body = window.view.mapFromScene(window.scene.nodes["post-purchase"].mapToScene(
        body_rect("sequence"))).boundingRect()
    assert window.view.viewport().rect().contains(body)  # its body in view
    assert not node.intersects(_bar_on_canvas(window))  # and none of it under the bar
    assert window.find_bar.field.hasFocus()  # the bar keeps the keyboard


def test_zoomed_in_further_the_node_goes_below_the_bar(qtbot, window: MainWindow) -> None:
    """Too wide to go beside the bar: below it."""
    window.view.set_zoom(4.0)
    window.view.centerOn(QPointF(480, 400))
    _find(qtbot, window, "post")
    node = _node_on_canvas(window, "post-purchase")
    assert not node.intersects(_bar_on_canvas(window))
    assert node.top() > _bar_on_canvas(window).bottom()


def test_a_node_found_at_the_left_is_shown_whole_and_clear_of_the_bar(
        qtbot, window: MainWindow) -> None:
    _find(qtbot, window, "nurt")
    assert window.scene.selected_node_ids() == ["nurture"]
    node = _node_on_canvas(window, "nurture")
    assert window.view.viewport().rect().contains(node)
    assert not node.intersects(_bar_on_canvas(window))
