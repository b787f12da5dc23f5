"""Arrow keys on the canvas: move the selected nodes (Shift: further), or scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt

from canvas_app.ui.canvas.scene import GRID
from canvas_app.ui.canvas.view import NUDGE_FAR
from canvas_app.ui.main_window import MainWindow

from .conftest import add_big_campaign


def test_arrows_move_the_selection_one_step_and_shift_five(qtbot, window: MainWindow) -> None:
    view = window.view
    view.setFocus()
    window.scene.select_nodes(["nurture"])
    node = window.controller.campaign(window.current_campaign_id()).node("nurture")
    x, y = node.x, node.y
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert (node.x, node.y) == (x + GRID, y)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert (node.x, node.y) == (x + GRID, y + NUDGE_FAR * GRID)
    assert window.scene.nodes["nurture"].pos().y() == y + NUDGE_FAR * GRID
    stack = window.session.undo_stack
    assert stack.undoText() == 'Move "Nurture"'
    count = stack.count()
    qtbot.keyClick(view, Qt.Key.Key_Left)  # presses in a row: one undo step
    assert stack.count() == count
    stack.undo()
    assert (node.x, node.y) == (x, y)


def test_the_view_follows_a_node_moved_out_of_sight(qtbot, window: MainWindow) -> None:
    view = window.view
    view.set_zoom(1.0)
    view.setFocus()
    window.scene.select_nodes(["post-purchase"])
    view.centerOn(window.scene.nodes["post-purchase"])
    for _ in range(12):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.contains(window.scene.nodes["post-purchase"].sceneBoundingRect())


def test_arrows_scroll_the_view_when_nothing_is_selected(qtbot, window: MainWindow) -> None:
    add_big_campaign(window, 300)
    view = window.view
    view.set_zoom(1.0)
    view.centerOn(2000, 1200)
    view.setFocus()
    window.scene.select_nodes([])
    campaign = window.controller.campaign(window.current_campaign_id())
    before = {n.id: (n.x, n.y) for n in campaign.nodes}
    h, v = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.horizontalScrollBar().value() > h
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert view.verticalScrollBar().value() <= v - view.verticalScrollBar().pageStep() + 1
    assert {n.id: (n.x, n.y) for n in campaign.nodes} == before  # nothing moved
