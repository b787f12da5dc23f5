"""QA: Tab past the last node moves the focus on (to the Palette) and keeps the node
selected; Shift+Tab back to the canvas finds it still selected, and the keys go on from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow


def _key(key: Qt.Key) -> None:
    QTest.keyClick(QApplication.focusWidget(), key)


def test_tab_past_the_last_node_and_back_keeps_it_selected(qtbot,
                                                          window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    window.scene.clearSelection()
    for _ in range(3):  # nurture, bought-shock, post-purchase: the last one
        _key(Qt.Key.Key_Tab)
    assert window.scene.selected_node_ids() == ["post-purchase"]
    _key(Qt.Key.Key_Tab)  # past the last node: the focus moves on
    qtbot.waitUntil(lambda: not window.view.hasFocus(), timeout=1000)
    palette = window.findChild(object, "palette")
    assert QApplication.focusWidget() is palette or palette.isAncestorOf(
        QApplication.focusWidget())
    assert window.scene.selected_node_ids() == ["post-purchase"]
    _key(Qt.Key.Key_Backtab)  # back to the canvas
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    assert window.scene.selected_node_ids() == ["post-purchase"]
    # the keys go on from the node kept: Shift+Tab reaches the one before it
    _key(Qt.Key.Key_Backtab)
    assert window.scene.selected_node_ids() == ["bought-shock"]
    assert window.view.hasFocus()


def test_keys_typed_in_the_palette_leave_the_kept_selection_alone(
        qtbot, window: MainWindow) -> None:
    """The node stays selected while the Palette has the keys: Delete there deletes
    nothing on the canvas."""
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    window.scene.clearSelection()
    for _ in range(4):
        _key(Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not window.view.hasFocus(), timeout=1000)
    campaign = window.controller.campaign(window.scene.campaign_id)
    _key(Qt.Key.Key_Delete)
    assert campaign.has_node("post-purchase")
    assert window.scene.selected_node_ids() == ["post-purchase"]
