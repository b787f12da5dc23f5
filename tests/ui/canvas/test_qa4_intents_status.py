"""QA 4: the status bar says how many are selected once more than one is (after Ctrl+A it
still named the node clicked before), and a hint on a gesture that did nothing (a link
dropped on no node) goes as the next gesture starts (it stayed up into the next rename)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui.canvas.node_item import handle_centre
from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos


def focus_canvas(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)


def click_node(qtbot, window: MainWindow, node_id: str) -> None:
    item = window.scene.nodes[node_id]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_pos(window, item.sceneBoundingRect().center()))


def message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_select_all_says_how_many_are_selected(qtbot, window: MainWindow) -> None:
    focus_canvas(qtbot, window)
    click_node(qtbot, window, "nurture")
    assert message(window).startswith('Sequence "Nurture" selected:')
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.scene.selected_node_ids()) == 3
    assert message(window).startswith("3 nodes selected: Delete deletes them")
    assert "Nurture" not in message(window)
    # one node clicked again: its own words
    click_node(qtbot, window, "post-purchase")
    assert window.scene.selected_node_ids() == ["post-purchase"]
    assert message(window).startswith('Sequence "Post-purchase" selected:')


def test_two_nodes_selected_by_ctrl_click_say_ctrl_l_links_them(
        qtbot, window: MainWindow) -> None:
    focus_canvas(qtbot, window)
    click_node(qtbot, window, "nurture")
    item = window.scene.nodes["post-purchase"]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier,
                     view_pos(window, item.sceneBoundingRect().center()))
    assert sorted(window.scene.selected_node_ids()) == ["nurture", "post-purchase"]
    assert message(window).startswith("2 nodes selected:")
    assert "Ctrl+L links them" in message(window)


def test_a_paste_still_says_pasted(qtbot, window: MainWindow) -> None:
    focus_canvas(qtbot, window)
    click_node(qtbot, window, "nurture")
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(window.scene.selected_node_ids()) == 3  # the copies
    assert message(window) == "Pasted 3 nodes."


def drag_link_to_nowhere(qtbot, window: MainWindow, source: str) -> None:
    item = window.scene.nodes[source]
    start = view_pos(window, item.mapToScene(handle_centre(item.kind)))
    end = view_pos(window, item.sceneBoundingRect().center() + QPointF(0, 400))
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, QPoint(start.x(), (start.y() + end.y()) // 2))
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_the_link_drop_hint_goes_as_a_rename_starts(qtbot, window: MainWindow) -> None:
    focus_canvas(qtbot, window)
    window.view.set_zoom(0.6)
    window.view.centerOn(window.scene.nodes["bought-shock"])
    edges = list(window.controller.campaign(window.current_campaign_id()).edges)
    drag_link_to_nowhere(qtbot, window, "nurture")
    assert list(window.controller.campaign(window.current_campaign_id()).edges) == edges
    assert message(window) == "Drop the link on another node to connect them."
    window.scene.select_nodes(["post-purchase"])
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    editor = window.view.name_editor
    assert editor is not None
    assert message(window) != "Drop the link on another node to connect them."
    editor.selectAll()
    QTest.keyClicks(editor, "After buy")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.controller.campaign(window.current_campaign_id()).node(
        "post-purchase").name == "After buy"
    assert message(window) != "Drop the link on another node to connect them."


def test_the_link_drop_hint_goes_with_the_next_click(qtbot, window: MainWindow) -> None:
    focus_canvas(qtbot, window)
    window.view.set_zoom(0.6)
    window.view.centerOn(window.scene.nodes["bought-shock"])
    drag_link_to_nowhere(qtbot, window, "nurture")
    assert message(window) == "Drop the link on another node to connect them."
    empty = window.scene.nodes["bought-shock"].sceneBoundingRect().center() + QPointF(0, 300)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_pos(window, empty))
    assert message(window) == ""


def test_a_selection_made_before_any_key_or_click_is_counted_too(
        qtbot, window: MainWindow) -> None:
    """The words follow the selection of every workspace shown from its start (Find or a
    warning selecting nodes before the canvas had a press or a key)."""
    window.statusBar().clearMessage()  # (the start-up hint, fresh, is not written over)
    window.scene.select_nodes(["nurture", "bought-shock"])
    assert message(window).startswith("2 nodes selected:")
