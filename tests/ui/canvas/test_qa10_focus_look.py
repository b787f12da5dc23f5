"""One can see which panel has the keyboard (QA10): the palette gets the focus frame the
other lists have, and a list without the focus shows its selection dimmed (Inactive
colours), so only the list that has the keys shows the strong blue."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from canvas_app.ui import theme
from canvas_app.ui.light_palette import light_palette
from canvas_app.ui.main_window import MainWindow

Group = QPalette.ColorGroup
Role = QPalette.ColorRole


contrast = theme.contrast_ratio


def focus_on(qtbot, window: MainWindow, widget: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=3000)


def near(a: QColor, b: QColor, room: int = 8) -> bool:
    """The same colour give or take the style's shading (Fusion tints a selection)."""
    return all(abs(x - y) <= room for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def colour_at(widget: QWidget, point: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(point)


def test_inactive_selection_is_dimmed_and_still_readable() -> None:
    palette = light_palette()
    active = palette.color(Group.Active, Role.Highlight)
    inactive = palette.color(Group.Inactive, Role.Highlight)
    assert inactive != active
    assert inactive.lightness() > active.lightness()  # lighter: less loud than the blue
    assert contrast(inactive, palette.color(Group.Inactive, Role.HighlightedText)) >= 4.5
    assert contrast(active, palette.color(Group.Active, Role.HighlightedText)) >= 3.0


def test_the_campaign_list_shows_its_selection_blue_only_with_the_keys(
        qtbot, window: MainWindow) -> None:
    listing = window.campaign_list.list
    item = listing.currentItem()
    assert item is not None and item.isSelected()
    inside = listing.visualItemRect(item).center()
    inside.setX(listing.visualItemRect(item).right() - 3)  # past the text
    palette = QApplication.palette()
    focus_on(qtbot, window, window.view)
    dim = colour_at(listing.viewport(), inside)
    assert near(dim, palette.color(Group.Inactive, Role.Highlight))
    focus_on(qtbot, window, listing)
    blue = colour_at(listing.viewport(), inside)
    assert near(blue, palette.color(Group.Active, Role.Highlight))
    assert not near(dim, blue)


def test_the_palette_has_the_focus_frame(qtbot, window: MainWindow) -> None:
    palette = window.palette
    edge = QPoint(0, palette.height() // 2)
    focus_on(qtbot, window, window.view)
    assert colour_at(palette, edge) != QColor(theme.SELECTION)
    focus_on(qtbot, window, palette)
    assert colour_at(palette, edge) == QColor(theme.SELECTION)


def test_the_canvas_selection_looks_the_same_with_or_without_the_keys(
        qtbot, window: MainWindow) -> None:
    scene = window.view.scene()
    node = next(item for item in scene.items() if item.flags()
                & item.GraphicsItemFlag.ItemIsSelectable)
    scene.clearSelection()
    node.setSelected(True)
    area = window.view.mapFromScene(node.sceneBoundingRect()).boundingRect()
    focus_on(qtbot, window, window.view)
    with_keys = window.view.viewport().grab(area).toImage()
    focus_on(qtbot, window, window.campaign_list.list)
    without = window.view.viewport().grab(area).toImage()
    assert with_keys == without
