"""Ctrl+L's menu of nodes to link to never covers its node, however long the list."""

from __future__ import annotations

import os

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest

from canvas_app.ui.link_menu import GAP, menu_place
from canvas_app.ui.main_window import MainWindow
from tests.ui.test_a11y_palette import menu_item_contrast

from .conftest import add_big_campaign

SCREEN = QRect(0, 0, 1000, 800)


def test_below_the_node_when_it_fits() -> None:
    node = QRect(100, 100, 120, 80)
    place = menu_place(node, QSize(150, 300), SCREEN)
    assert place == QRect(100, node.bottom() + 1 + GAP, 150, 300)


def test_above_when_there_is_no_room_below() -> None:
    node = QRect(100, 600, 120, 80)
    place = menu_place(node, QSize(150, 300), SCREEN)
    assert place.bottom() < node.top() and SCREEN.contains(place)
    assert place.left() == node.left()


def test_beside_when_neither_above_nor_below_has_room() -> None:
    node = QRect(100, 350, 120, 80)
    place = menu_place(node, QSize(150, 600), SCREEN)
    assert place.left() > node.right() and SCREEN.contains(place)
    node = QRect(850, 350, 120, 80)  # at the screen's right edge: on its left
    place = menu_place(node, QSize(150, 600), SCREEN)
    assert place.right() < node.left() and SCREEN.contains(place)


def test_a_list_taller_than_the_screen_is_cut_to_it_and_scrolls() -> None:
    node = QRect(100, 350, 120, 80)
    place = menu_place(node, QSize(150, 5000), SCREEN)
    assert place.height() == SCREEN.height() and SCREEN.contains(place)
    assert not place.intersects(node)
    wide = QRect(0, 350, 1000, 80)  # no room beside it: the larger room, below
    place = menu_place(wide, QSize(150, 5000), SCREEN)
    assert SCREEN.contains(place) and not place.intersects(wide)
    assert place.top() > wide.bottom() and place.height() == SCREEN.bottom() - wide.bottom() - GAP


def _node_on_screen(window: MainWindow, node_id: str) -> QRect:
    view = window.view
    box = view.mapFromScene(window.scene.nodes[node_id].sceneBoundingRect()).boundingRect()
    return QRect(view.viewport().mapToGlobal(box.topLeft()), box.size())


def _shot(window: MainWindow, menu, name: str) -> None:
    """The window with the menu over it, as on the screen, for a person to look at."""
    folder = os.environ.get("CANVAS_SHOTS")
    if not folder:
        return
    whole = window.geometry().united(menu.geometry())
    image = QImage(whole.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    painter.drawPixmap(window.geometry().topLeft() - whole.topLeft(), window.grab())
    painter.drawPixmap(menu.geometry().topLeft() - whole.topLeft(), menu.grab())
    painter.end()
    image.save(os.path.join(folder, name))


def test_a_long_menu_for_a_node_near_the_bottom_leaves_it_uncovered(
        qtbot, window: MainWindow) -> None:
    add_big_campaign(window, 300)
    view = window.view
    view.set_zoom(1.0)
    node_id = "big-205"  # row 10, column 5
    item = window.scene.nodes[node_id]
    view.centerOn(item)
    # The node at the bottom of the view, near the screen's bottom.
    screen = view.screen().availableGeometry()
    viewport = view.viewport()
    low = min(viewport.mapToGlobal(viewport.rect().bottomLeft()).y(), screen.bottom()) - 10
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() - (low - _node_on_screen(window, node_id).bottom()))
    window.scene.select_nodes([node_id])
    view.setFocus()
    node = _node_on_screen(window, node_id)
    assert node.bottom() == low  # little room below it
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    menu = window.link_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert len(menu.actions()) > 100  # a long list
    place = menu.geometry()
    _shot(window, menu, "link_menu_long.png")
    assert not place.intersects(node)
    assert screen.contains(place)
    assert place.height() < menu.sizeHint().height()  # it scrolls rather than cover
    # It still works: the node offered first is linked to by Enter.
    first = menu.activeAction()
    assert first in menu.actions()[1:]
    target = next(n.id for n in window.controller.campaign(window.current_campaign_id()).nodes
                  if n.name == first.text())
    first.trigger()
    assert window.controller.campaign(window.current_campaign_id()).has_edge(node_id, target)
    menu.close()


def test_a_short_menu_opens_below_its_node(qtbot, window: MainWindow) -> None:
    view = window.view
    window.scene.select_nodes(["nurture"])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    menu = window.link_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    node = _node_on_screen(window, "nurture")
    _shot(window, menu, "link_menu_short.png")
    assert menu.geometry().top() > node.bottom()
    assert abs(menu.geometry().left() - node.left()) <= 1
    assert menu.geometry().height() == menu.sizeHint().height()  # whole, no scrolling
    assert menu.pos() != QPoint(0, 0)
    menu.close()


def test_enter_links_ahead_not_back_to_where_the_node_came_from(
        qtbot, window: MainWindow) -> None:
    """The goal "Bought shock or chemicals" is linked from "Summer nurture" on its left; a
    node added on its right is the one Enter links it to, not the loop back (QA)."""
    controller = window.controller
    campaign_id = window.current_campaign_id()
    goal = controller.campaign(campaign_id).node("bought-shock")
    far = controller.add_node(campaign_id, "sequence", goal.x + 500, goal.y + 200)
    near = controller.add_node(campaign_id, "tag_goal", goal.x + 250, goal.y + 200)
    behind = controller.add_node(campaign_id, "tag_goal", goal.x - 120, goal.y + 200)
    view = window.view
    window.scene.select_nodes(["bought-shock"])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    menu = window.link_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    names = {n.id: n.name for n in controller.campaign(campaign_id).nodes}
    offered = [a.text() for a in menu.actions()[1:]]
    offered = offered[:offered.index("")]  # the links it has to remove follow
    assert sorted(offered) == sorted(names[i] for i in ("nurture", far, near, behind))
    assert menu.activeAction().text() == names[near]  # the nearest on its right
    QTest.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)
    assert controller.campaign(campaign_id).has_edge("bought-shock", near)
    assert not controller.campaign(campaign_id).has_edge("bought-shock", "nurture")


def test_the_heading_reads_as_text_not_as_a_disabled_entry(qtbot, window: MainWindow) -> None:
    """Its words say what the list is for: at least 4.5:1 on the menu (QA: #959595 on
    white, 2.9:1, drawn like a disabled entry), in bold, and still no choice."""
    window.scene.select_nodes(["nurture"])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    menu = window.link_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    header = menu.actions()[0]
    assert header.text().startswith('Link "') and not header.isEnabled()
    assert header.font().bold()
    assert menu_item_contrast(menu, header) >= 4.5
    menu.close()
