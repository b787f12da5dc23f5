"""QA 4: undoing a link's delete (and redoing a link's add) selects the link, not its two
end nodes, and scrolls it into view; undoing a node's delete still selects the node."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos

LINK = ("bought-shock", "post-purchase")


def focus_canvas(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)


def click_link(qtbot, window: MainWindow, key: tuple[str, str]) -> None:
    middle = window.scene.links[key].path().pointAtPercent(0.5)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_pos(window, middle))


def press(qtbot, window: MainWindow, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.view, key, modifier)


def test_undo_of_a_link_delete_selects_the_link(qtbot, window: MainWindow) -> None:
    window.controller.rename_node(window.current_campaign_id(), "bought-shock",
                                  "Bought any chemical")
    focus_canvas(qtbot, window)
    click_link(qtbot, window, LINK)
    assert window.scene.selected_links() == [LINK]
    press(qtbot, window, Qt.Key.Key_Delete)
    assert LINK not in window.scene.links
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert LINK in window.scene.links
    assert window.scene.selected_links() == [LINK]
    assert window.scene.selected_node_ids() == []
    assert window.statusBar().currentMessage().startswith(
        'Undid Delete link "Bought any chemical" to "Post-purchase"')
    # Redo deletes it again; Undo again selects it again
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert LINK not in window.scene.links
    window.undo()
    assert window.scene.selected_links() == [LINK]


def test_redo_of_a_link_add_selects_the_link(qtbot, window: MainWindow) -> None:
    cid = window.current_campaign_id()
    focus_canvas(qtbot, window)
    window.scene.select_nodes(["nurture", "post-purchase"])
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.campaign(cid).has_edge("nurture", "post-purchase")
    window.scene.clearSelection()
    window.undo()
    assert ("nurture", "post-purchase") not in window.scene.links
    window.redo()
    assert window.scene.selected_links() == [("nurture", "post-purchase")]
    assert window.scene.selected_node_ids() == []


def test_undo_of_a_link_delete_scrolls_the_link_into_view(qtbot, window: MainWindow) -> None:
    focus_canvas(qtbot, window)
    click_link(qtbot, window, LINK)
    press(qtbot, window, Qt.Key.Key_Delete)
    view = window.view
    view.set_zoom(1.0)
    view.centerOn(5000.0, 5000.0)  # far away from the sample's nodes
    room = view.mapToScene(view.viewport().rect()).boundingRect()
    item_rect = window.scene.nodes["bought-shock"].sceneBoundingRect()
    assert not room.intersects(item_rect)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.scene.selected_links() == [LINK]
    room = view.mapToScene(view.viewport().rect()).boundingRect()
    assert room.contains(window.scene.links[LINK].sceneBoundingRect())


def test_undo_of_a_node_delete_still_selects_the_node(qtbot, window: MainWindow) -> None:
    focus_canvas(qtbot, window)
    window.scene.select_nodes(["bought-shock"])
    press(qtbot, window, Qt.Key.Key_Delete)
    assert "bought-shock" not in window.scene.nodes
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.scene.selected_node_ids() == ["bought-shock"]
    assert window.scene.selected_links() == []


def test_undo_of_a_node_and_a_link_deleted_together_selects_both(
        qtbot, window: MainWindow) -> None:
    focus_canvas(qtbot, window)
    window.scene.select_nodes(["nurture"])
    window.scene.links[LINK].setSelected(True)
    press(qtbot, window, Qt.Key.Key_Delete)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.scene.selected_node_ids() == ["nurture"]
    assert window.scene.selected_links() == [LINK]
