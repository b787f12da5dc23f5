"""Selecting in the overview (a large campaign zoomed far out): its node items are hidden,
which Qt never selects, so the overview keeps the selection and marks it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from canvas_app.ui import theme
from canvas_app.ui.canvas.scene import OVERVIEW_MIN_NODES
from canvas_app.ui.canvas.view import OVERVIEW_SCALE
from canvas_app.ui.main_window import MainWindow

from .conftest import add_big_campaign


def big_campaign_in_overview(window: MainWindow) -> str:
    cid = add_big_campaign(window, OVERVIEW_MIN_NODES)
    window.view.set_zoom(OVERVIEW_SCALE / 2)
    assert window.scene.overview_mode
    return cid


def test_select_all_then_delete_in_the_overview(window: MainWindow) -> None:
    cid = big_campaign_in_overview(window)
    window.view.setFocus()
    window.actions_by_name["select_all"].trigger()
    assert len(window.scene.selected_node_ids()) == OVERVIEW_MIN_NODES
    window.actions_by_name["delete"].trigger()
    assert len(window.controller.campaign(cid)) == 0
    window.controller.undo_stack.undo()
    assert len(window.controller.campaign(cid)) == OVERVIEW_MIN_NODES


def test_arrow_keys_move_what_find_selected_in_the_overview(window: MainWindow) -> None:
    cid = big_campaign_in_overview(window)
    bar = window.find_bar
    bar.open()
    QTest.keyClicks(bar.field, "S 1")
    QTest.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    chosen = window.scene.selected_node_ids()
    assert len(chosen) == 111  # S 1, S 10-19, S 100-199
    before = window.controller.campaign(cid).node("big-1").x
    bar.close_bar()
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    assert window.controller.campaign(cid).node("big-1").x > before
    assert window.controller.campaign(cid).node("big-2").x == 2 * 240  # not chosen


def test_the_overview_marks_the_selection_and_zooming_in_keeps_it(window: MainWindow) -> None:
    big_campaign_in_overview(window)
    window.scene.select_nodes(["big-0"])
    window.view.centerOn(window.scene.nodes["big-0"])
    image = window.view.grab().toImage()
    ring = QColor(theme.SELECTION)
    marked = sum(1 for x in range(image.width()) for y in range(0, image.height(), 3)
                 if image.pixelColor(x, y) == ring)
    assert marked > 0
    window.view.reset_zoom()
    assert not window.scene.overview_mode
    assert window.scene.nodes["big-0"].isSelected()
    assert window.scene.selected_node_ids() == ["big-0"]


def test_a_click_on_the_overview_clears_the_selection(window: MainWindow) -> None:
    big_campaign_in_overview(window)
    window.scene.select_nodes(["big-3", "big-4"])
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.view.viewport().rect().center())
    assert window.scene.selected_node_ids() == []


def test_a_rubber_band_in_the_overview_selects_the_nodes_it_touches(
        qtbot, window: MainWindow) -> None:
    """QA 21: zoomed out on a big campaign, the band was drawn and selected nothing (Qt's
    band never selects the hidden node items)."""
    from PySide6.QtCore import QPoint

    big_campaign_in_overview(window)
    view, scene = window.view, window.scene
    items = sorted(scene.nodes.values(), key=lambda i: (i.pos().y(), i.pos().x()))
    first, last = items[0], items[5]
    top_left = view.mapFromScene(first.sceneBoundingRect().topLeft()) - QPoint(3, 3)
    bottom_right = view.mapFromScene(last.sceneBoundingRect().bottomRight()) + QPoint(6, 6)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     top_left)
    for step in range(1, 6):
        QTest.mouseMove(viewport, top_left + (bottom_right - top_left) * step / 5)
    QTest.mouseMove(viewport, bottom_right + QPoint(1, 1))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       bottom_right + QPoint(1, 1))
    chosen = set(scene.selected_node_ids())
    assert {item.node_id for item in items[:6]} <= chosen
    assert len(chosen) < 12  # the band's nodes, not the campaign's
