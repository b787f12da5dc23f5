"""One name for Open Scenario…; palette icons in their own colours when selected; no
scrollbars on an empty campaign (with nodes they stay: the scene keeps room to pan)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QTest

from canvas_app.ui import theme
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.panel_scenarios import NONE_FITS


def test_open_scenario_has_one_name(window: MainWindow) -> None:
    menu_entry = window.actions_by_name["sim_open"]
    name = menu_entry.text().replace("&", "")
    assert name == "Open Scenario…"
    assert menu_entry in window.menus["simulate"].actions()
    box = window.simulation_panel.scenario_combo
    assert box.itemText(box.count() - 1) == name
    assert f"with {name} in the Scenario box" in NONE_FITS


def test_a_selected_palette_entry_keeps_its_icon_colours(qtbot, window: MainWindow) -> None:
    palette = window.palette
    tag = palette.model().index(1, 0)
    assert tag.data() == "Tag goal"
    icon: QIcon = palette.palette_model.itemFromIndex(tag).icon()
    size = QSize(36, 36)
    normal = icon.pixmap(size, QIcon.Mode.Normal).toImage()
    assert icon.pixmap(size, QIcon.Mode.Selected).toImage() == normal
    palette.setCurrentIndex(tag)
    palette.setFocus()
    qtbot.waitUntil(lambda: palette.selectionModel().isSelected(tag))
    picture = palette.viewport().grab().toImage()
    rect = palette.visualRect(tag)
    # the icon's orange disc, left of the name, in the selected (blue) row
    disc = picture.pixelColor(rect.left() + 4 + 18 - 10, rect.center().y() + 10)
    orange = theme.kind_colour("tag_goal")
    assert abs(disc.red() - orange.red()) + abs(disc.green() - orange.green()) \
        + abs(disc.blue() - orange.blue()) < 40, disc.name()


def test_no_scrollbars_on_an_empty_campaign(qtbot, window: MainWindow) -> None:
    view = window.view
    bars = view.horizontalScrollBar(), view.verticalScrollBar()
    assert all(bar.isVisible() for bar in bars)  # the sample: room to pan round its nodes
    window.campaign_list.new_campaign()
    qtbot.waitUntil(lambda: not any(bar.isVisible() for bar in bars))
    centre = view.centre_scene_pos()
    assert abs(centre.x()) < 2 and abs(centre.y()) < 2  # the first node lands at the middle
    window.activateWindow()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert len(window.scene.nodes) == 1
    qtbot.waitUntil(lambda: all(bar.isVisible() for bar in bars))
    node = next(iter(window.scene.nodes.values()))
    assert view.viewport().rect().contains(view.mapFromScene(node.sceneBoundingRect().center()))
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undone: empty
    qtbot.waitUntil(lambda: not any(bar.isVisible() for bar in bars))
