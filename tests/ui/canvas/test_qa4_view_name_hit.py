"""QA: blank canvas beside a node's name is blank canvas. A node's name is hit only where its
lines are drawn (a few px of slack), not in a fixed 170 x 34 box under the node, and not at
all where names are not drawn (zoomed out)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from canvas_app.ui.canvas.node_item import NAME_WIDTH, name_rect
from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos

NODE = "nurture"  # "Nurture": a short name under a 132 px wide sequence


def _at_100(qtbot, window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(window.scene.nodes[NODE])
    assert window.view.zoom() >= window.scene.style_cache.detail_lod  # names drawn


def _name_lines(window: MainWindow) -> tuple[list[float], float]:
    """The widths of the node's name's lines as painted, and their spacing."""
    style = window.scene.style_cache
    name = window.controller.campaign(window.scene.campaign_id).node(NODE).name
    lines = style.elide_name(name, NAME_WIDTH, 2).split("\n")
    metrics = style.name_metrics
    return [metrics.horizontalAdvance(line) for line in lines], metrics.lineSpacing()


def _beside_name(window: MainWindow, left: float = 50.0) -> QPoint:
    """Viewport point ``left`` px left of the drawn name's first letter, a little below
    its top: inside the old 170 px box, where nothing is drawn."""
    item = window.scene.nodes[NODE]
    widths, _spacing = _name_lines(window)
    x = -widths[0] / 2 - left
    assert x > -NAME_WIDTH / 2  # still inside the box that used to count as the name
    y = name_rect(item.kind).top() + 8
    return view_pos(window, item.mapToScene(QPointF(x, y)))


def _drag(window: MainWindow, start: QPoint, end: QPoint) -> None:
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       end)


def test_a_drag_from_blank_space_beside_a_name_starts_a_selection_box(
        qtbot, window: MainWindow) -> None:
    _at_100(qtbot, window)
    window.scene.clearSelection()
    node = window.controller.campaign(window.scene.campaign_id).node(NODE)
    before = (node.x, node.y)
    depth = window.controller.undo_stack.count()
    start = _beside_name(window)
    # down and to the left, away from every node: the box it draws holds none
    _drag(window, start, start + QPoint(-40, 40))
    assert (node.x, node.y) == before
    assert window.controller.undo_stack.count() == depth
    assert window.scene.selected_node_ids() == []


def test_a_double_click_beside_a_name_does_not_rename(qtbot, window: MainWindow) -> None:
    _at_100(qtbot, window)
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, _beside_name(window))
    assert window.view.name_editor is None


def test_the_drawn_name_is_still_clicked_and_double_clicked(qtbot,
                                                             window: MainWindow) -> None:
    _at_100(qtbot, window)
    window.scene.clearSelection()
    item = window.scene.nodes[NODE]
    widths, spacing = _name_lines(window)
    top = name_rect(item.kind).top()
    # the first letter's left edge and the middle of the line: both the name
    for x in (-widths[0] / 2 + 2, 0.0):
        point = view_pos(window, item.mapToScene(QPointF(x, top + spacing / 2)))
        QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, point)
        assert window.scene.selected_node_ids() == [NODE]
        window.scene.clearSelection()
    middle = view_pos(window, item.mapToScene(QPointF(0.0, top + spacing / 2)))
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, middle)
    qtbot.waitUntil(lambda: window.view.name_editor is not None, timeout=1000)
    assert window.view.name_editor.node_id == NODE
    QTest.keyClick(window.view.name_editor, Qt.Key.Key_Escape)
    assert window.view.name_editor is None


def test_a_name_not_drawn_is_not_hit(qtbot, window: MainWindow) -> None:
    """Zoomed out past the names' level of detail, a press where the name would be is on
    blank canvas: it starts a selection box and moves nothing."""
    style = window.scene.style_cache
    window.view.set_zoom(style.detail_lod * 0.9)
    window.view.centerOn(window.scene.nodes[NODE])
    assert window.view.zoom() < style.detail_lod
    window.scene.clearSelection()
    item = window.scene.nodes[NODE]
    node = window.controller.campaign(window.scene.campaign_id).node(NODE)
    before = (node.x, node.y)
    start = view_pos(window, item.mapToScene(QPointF(0.0, name_rect(item.kind).top() + 6)))
    assert window.scene.node_at(window.view.mapToScene(start)) is None
    _drag(window, start, start + QPoint(-30, 30))
    assert (node.x, node.y) == before
    assert window.scene.selected_node_ids() == []
    # the body itself is still a node there
    body = view_pos(window, item.mapToScene(QPointF(0.0, 0.0)))
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, body)
    assert window.scene.selected_node_ids() == [NODE]
