"""QA 4: Cut says "Cut", not "Copied" (Undo already said "Undo Cut")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow


def focus_canvas(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)


def test_ctrl_x_on_two_nodes_says_cut(qtbot, window: MainWindow) -> None:
    focus_canvas(qtbot, window)
    window.scene.select_nodes(["nurture", "bought-shock"])
    qtbot.keyClick(window.view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert "nurture" not in window.scene.nodes and "bought-shock" not in window.scene.nodes
    assert window.statusBar().currentMessage() == "Cut 2 nodes."
    assert window.controller.undo_stack.undoText() == "Cut 2 nodes"  # as History lists it
    qtbot.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    names = sorted(n.name for n in window.controller.campaign(
        window.current_campaign_id()).nodes)
    assert names == ["Bought pool shock", "Nurture", "Post-purchase"]  # on the clipboard


def test_cut_and_copy_of_one_node_name_it(qtbot, window: MainWindow) -> None:
    focus_canvas(qtbot, window)
    window.scene.select_nodes(["post-purchase"])
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == 'Copied "Post-purchase".'
    qtbot.keyClick(window.view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == 'Cut "Post-purchase".'
    assert "post-purchase" not in window.scene.nodes
