"""QA: a node dragged on top of another hid it completely. A drag that ends with a moved
node over another node's body steps the moved nodes to the nearest free spot, within the
drag's one undo step, and the status bar says so."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from canvas_app.ui.canvas.node_item import body_rect
from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos


def _drag(qtbot, window: MainWindow, start: QPoint, end: QPoint,
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, start)
    for step in range(1, 11):
        qtbot.mouseMove(viewport, start + (end - start) * step / 10)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, end)


def _positions(window: MainWindow) -> dict[str, tuple[float, float]]:
    campaign = window.controller.campaign(window.scene.campaign_id)
    return {node.id: (node.x, node.y) for node in campaign.nodes}


def _bodies_overlap(window: MainWindow, a: str, b: str) -> bool:
    campaign = window.controller.campaign(window.scene.campaign_id)
    first, second = campaign.node(a), campaign.node(b)
    return body_rect(first.kind).translated(first.x, first.y).intersects(
        body_rect(second.kind).translated(second.x, second.y))


def _centre(window: MainWindow, node_id: str) -> QPoint:
    return view_pos(window, window.scene.nodes[node_id].mapToScene(QPointF(0, 0)))


def test_a_node_dragged_onto_another_steps_clear_in_one_undo(qtbot,
                                                            window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(240, 0))
    window.scene.clearSelection()
    before = _positions(window)
    depth = window.controller.undo_stack.count()
    _drag(qtbot, window, _centre(window, "nurture"), _centre(window, "bought-shock"))
    after = _positions(window)
    assert after["nurture"] != before["nurture"]  # it was moved
    assert not _bodies_overlap(window, "nurture", "bought-shock")  # and not on top
    assert after["bought-shock"] == before["bought-shock"]
    assert after["post-purchase"] == before["post-purchase"]
    # near where it was let go, not far away
    dx, dy = after["nurture"][0] - 240, after["nurture"][1]
    assert abs(dx) <= 3 * 180 and abs(dy) <= 3 * 120
    assert "clear" in window.statusBar().currentMessage()
    assert "Nurture" in window.statusBar().currentMessage()
    assert window.controller.undo_stack.count() == depth + 1  # the drag and the step: one
    window.controller.undo_stack.undo()
    assert _positions(window) == before
    assert window.scene.nodes["nurture"].centre == before["nurture"]


def test_a_dragged_group_steps_clear_together(qtbot, window: MainWindow) -> None:
    """Nurture and Bought pool shock dragged one column right: the goal lands on
    Post-purchase; both step clear by the same offset, and one Undo puts both back."""
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(240, 0))
    window.scene.select_nodes(["nurture", "bought-shock"])
    before = _positions(window)
    depth = window.controller.undo_stack.count()
    start = _centre(window, "bought-shock")
    _drag(qtbot, window, start, _centre(window, "post-purchase"))
    after = _positions(window)
    assert not _bodies_overlap(window, "bought-shock", "post-purchase")
    assert after["post-purchase"] == before["post-purchase"]
    moved = {n: (after[n][0] - before[n][0], after[n][1] - before[n][1])
             for n in ("nurture", "bought-shock")}
    assert moved["nurture"] == moved["bought-shock"] != (240.0, 0.0)  # one offset for both
    assert "2 nodes" in window.statusBar().currentMessage()
    assert window.controller.undo_stack.count() == depth + 1
    window.controller.undo_stack.undo()
    assert _positions(window) == before


def test_a_drag_into_free_space_stays_where_it_was_let_go(qtbot,
                                                         window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(240, 0))
    window.scene.clearSelection()
    start = _centre(window, "nurture")
    _drag(qtbot, window, start, start + QPoint(0, 200))
    assert _positions(window)["nurture"] == (0.0, 200.0)
    assert "clear" not in window.statusBar().currentMessage()


def test_a_drop_in_a_crowd_with_no_free_spot_near_says_so(qtbot, window: MainWindow) -> None:
    """QA 22h: it stayed over the other node, and nothing was said."""
    from canvas_app.domain.nodes import Node

    cid = window.scene.campaign_id
    grid = [Node(f"crowd-{i}-{j}", "tag_goal", f"Crowd {i} {j}", 600 + i * 70.0, j * 50.0)
            for i in range(14) for j in range(-7, 8)]
    window.controller.workspace.campaign(cid).add_many(grid, [])
    window.view.set_zoom(0.5)
    window.view.centerOn(QPointF(1000, 0))
    window.scene.clearSelection()
    _drag(qtbot, window, _centre(window, "post-purchase"), _centre(window, "crowd-7-0"))
    said = window.statusBar().currentMessage()
    assert said.startswith('"Post-purchase" covers "Crowd ')
    assert said.endswith(': no free spot is near enough to move clear to; drag further to '
                         'put it elsewhere.')


def test_the_step_clear_message_outlives_a_slow_push(qtbot, window: MainWindow,
                                                     monkeypatch) -> None:
    """QA 22h: moving 1,500 nodes clear, the words were said before the (slow) push, which
    then took them for stale and cleared them."""
    import time

    from canvas_app.ui import window_status

    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(240, 0))
    window.scene.clearSelection()
    finish = window.controller.finish_drag

    def slow(drag_id: int) -> bool:
        time.sleep(window_status.FRESH_S + 0.05)
        return finish(drag_id)

    monkeypatch.setattr(window.controller, "finish_drag", slow)
    _drag(qtbot, window, _centre(window, "nurture"), _centre(window, "bought-shock"))
    assert "clear" in window.statusBar().currentMessage()
