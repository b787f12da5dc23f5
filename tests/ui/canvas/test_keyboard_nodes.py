"""Reaching nodes from the keyboard: Tab and Shift+Tab walk the nodes in reading order, then
leave the canvas; the canvas shows a frame while it has the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui import theme
from canvas_app.ui.main_window import MainWindow


def test_tab_walks_the_nodes_then_leaves_the_canvas(qtbot, window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    window.scene.clearSelection()
    reached = []
    for _ in range(3):
        QTest.keyClick(window.view, Qt.Key.Key_Tab)
        reached += window.scene.selected_node_ids()
    assert reached == ["nurture", "bought-shock", "post-purchase"]  # left to right
    assert "Enter edits it" in window.statusBar().currentMessage()
    QTest.keyClick(window.view, Qt.Key.Key_Backtab)
    assert window.scene.selected_node_ids() == ["bought-shock"]
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)  # past the last node: on to the next widget
    assert window.scene.selected_node_ids() == ["post-purchase"]  # the selection stays
    assert not window.view.hasFocus()
    # the words on what the keys do to the node go with it (QA: they stayed)
    qtbot.waitUntil(lambda: "Enter edits it" not in window.statusBar().currentMessage())


def test_enter_on_a_node_reached_by_tab_opens_its_editor(qtbot, window: MainWindow) -> None:
    opened: list[str] = []
    window.edit_node = lambda _campaign, node_id: opened.append(node_id)  # type: ignore
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    window.scene.clearSelection()
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert opened == ["bought-shock"]


def test_the_canvas_shows_a_frame_while_it_has_the_focus(qtbot, window: MainWindow) -> None:
    def frame_colour() -> QColor:
        return window.view.grab().toImage().pixelColor(0, 40)

    window.campaign_list.setFocus()
    qtbot.waitUntil(lambda: not window.view.hasFocus(), timeout=1000)
    assert frame_colour() == QColor(theme.CANVAS_FRAME)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    assert frame_colour() == QColor(theme.SELECTION)


def test_scrolling_with_the_focus_leaves_no_frame_lines_on_the_canvas(
        qtbot, window: MainWindow) -> None:
    """The frame is the view's border, not painted in the viewport, whose pixels move when
    it scrolls (drawn there, it left blue lines across the canvas)."""
    window.view.reset_zoom()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    bar = window.view.horizontalScrollBar()
    for _ in range(5):
        bar.setValue(bar.value() + 37)
        QApplication.processEvents()
    image = window.view.viewport().grab().toImage()
    blue = QColor(theme.SELECTION)
    columns = {x for x in range(image.width()) for y in (image.height() // 3, image.height() // 2)
               if image.pixelColor(x, y) == blue}
    assert not columns


def _focus_canvas(qtbot, window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    window.scene.clearSelection()


def test_ctrl_tab_adds_nodes_so_two_can_be_linked_by_keyboard(qtbot, window: MainWindow) -> None:
    campaign = window.controller.campaign(window.current_campaign_id())
    assert not campaign.has_edge("nurture", "post-purchase")
    _focus_canvas(qtbot, window)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)  # Nurture
    QTest.keyClick(window.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert sorted(window.scene.selected_node_ids()) == ["bought-shock", "nurture"]
    QTest.keyClick(window.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert len(window.scene.selected_node_ids()) == 3
    # Plain Shift+Tab: one node again, the one before the last reached (Post-purchase).
    QTest.keyClick(window.view, Qt.Key.Key_Backtab)
    assert window.scene.selected_node_ids() == ["bought-shock"]
    _focus_canvas(qtbot, window)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)  # Nurture
    QTest.keyClick(window.view, Qt.Key.Key_Tab)  # Bought pool shock
    QTest.keyClick(window.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier)
    assert sorted(window.scene.selected_node_ids()) == ["bought-shock", "nurture"]


def test_ctrl_l_on_one_node_offers_the_nodes_it_can_link_to(qtbot, window: MainWindow) -> None:
    campaign = window.controller.campaign(window.current_campaign_id())
    _focus_canvas(qtbot, window)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)  # Nurture, which links to Bought pool shock
    window.actions_by_name["link"].trigger()
    menu = window.link_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    names = [a.text() for a in menu.actions()]
    assert names[:2] == ['Link "Nurture" to:', "Post-purchase"]  # not the one it links to
    assert names[2:] == ["", 'Remove a link of "Nurture":', "to Bought pool shock"]
    # below the node's name, which it would cover otherwise
    name_bottom = window.view.viewport().mapToGlobal(window.view.mapFromScene(
        window.scene.nodes["nurture"].sceneBoundingRect().bottomLeft()))
    assert menu.geometry().top() >= name_bottom.y() - 1
    menu.actions()[1].trigger()
    assert campaign.has_edge("nurture", "post-purchase")
    menu.close()


def _menu_key():
    """What the Menu key sends: a context menu event of the keyboard, at the corner."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent

    return QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0),
                             Qt.KeyboardModifier.NoModifier)


def test_menu_key_opens_the_selected_nodes_menu_at_the_node(qtbot, window: MainWindow) -> None:
    _focus_canvas(qtbot, window)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)  # Nurture
    QApplication.sendEvent(window.view, _menu_key())
    menu = window.view.context_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0].replace("&", "") == "View and Edit…"
    node = window.scene.nodes["nurture"]
    at = window.view.viewport().mapToGlobal(
        window.view.mapFromScene(node.sceneBoundingRect().center()))
    assert (menu.pos() - at).manhattanLength() < 40
    assert window.scene.selected_node_ids() == ["nurture"]  # not changed by the corner
    menu.close()
    window.scene.clearSelection()  # nothing selected: the canvas's own menu
    QApplication.sendEvent(window.view, _menu_key())
    menu = window.view.context_menu
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts[0].startswith("Add ")
    menu.close()


def test_shift_f10_opens_the_selected_nodes_menu_too(qtbot, window: MainWindow) -> None:
    _focus_canvas(qtbot, window)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)  # Nurture
    window.view.context_menu = None
    QTest.keyClick(window.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = window.view.context_menu
    assert menu is not None
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "View and Edit…"
    menu.close()


def test_ctrl_l_lists_the_nodes_links_to_remove(qtbot, window: MainWindow) -> None:
    """QA 21: a keyboard-only user could not remove a link (Tab walks nodes only, and the
    Link menu listed only links to add)."""
    campaign = window.controller.campaign(window.current_campaign_id())
    assert campaign.has_edge("nurture", "bought-shock")
    _focus_canvas(qtbot, window)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)  # Bought pool shock: a link in, one out
    assert window.scene.selected_node_ids() == ["bought-shock"]
    window.actions_by_name["link"].trigger()
    menu = window.link_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    heading = names.index('Remove a link of "Bought pool shock":')
    removals = names[heading + 1:]
    outgoing = [f"to {campaign.node(n).name}" for n in campaign.successors("bought-shock")]
    incoming = [f"from {campaign.node(n).name}"
                for n in campaign.predecessors("bought-shock")]
    assert sorted(removals) == sorted(outgoing + incoming) and "from Nurture" in removals
    [unlink] = [a for a in menu.actions() if a.text() == "from Nurture"]
    unlink.trigger()
    menu.close()
    assert not campaign.has_edge("nurture", "bought-shock")
    window.controller.undo_stack.undo()
    assert campaign.has_edge("nurture", "bought-shock")


def test_esc_on_the_canvas_selects_nothing(qtbot, window: MainWindow) -> None:
    """QA 21: no key cleared the selection, so the arrow keys could only move nodes."""
    _focus_canvas(qtbot, window)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.scene.selected_node_ids()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.scene.selected_node_ids() == [] and not window.scene.selected_links()
    campaign = window.controller.campaign(window.current_campaign_id())
    places = {n.id: (n.x, n.y) for n in campaign.nodes}
    QTest.keyClick(window.view, Qt.Key.Key_Right)  # scrolls now: no node moves
    assert {n.id: (n.x, n.y) for n in campaign.nodes} == places


def test_the_link_menu_cuts_long_names(qtbot, window: MainWindow) -> None:
    """QA 21: a 220-character name made the Ctrl+L menu as wide as the screen."""
    campaign_id = window.current_campaign_id()
    window.controller.rename_node(campaign_id, "post-purchase", "P" * 220)
    window.scene.select_nodes(["bought-shock"])
    window.view.setFocus()
    window.actions_by_name["link"].trigger()
    menu = window.link_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert "to " + "P" * 39 + "…" in texts
    assert all(len(t) < 80 for t in texts)
    assert menu.width() < window.width()
    menu.close()


def test_space_released_elsewhere_no_longer_pans(qtbot, window: MainWindow) -> None:
    """QA 21: Space held on the canvas and released over the Campaigns list left the
    canvas panning: every drag panned, and a click selected nothing."""
    _focus_canvas(qtbot, window)
    QTest.keyPress(window.view, Qt.Key.Key_Space)
    assert window.view._space_down
    window.campaign_list.setFocus()
    qtbot.waitUntil(lambda: not window.view.hasFocus(), timeout=1000)
    QTest.keyRelease(window.campaign_list, Qt.Key.Key_Space)
    assert not window.view._space_down
    assert window.view.viewport().cursor().shape() == Qt.CursorShape.ArrowCursor
    item = window.scene.nodes["nurture"]
    where = window.view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.scene.selected_node_ids() == ["nurture"]
