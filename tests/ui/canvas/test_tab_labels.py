"""Every tab label has clear room above and below: in Fusion an unselected tab's label sits
2 px lower, and the descenders of "journeys" and "Warnings" touched the tab's edge."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTabBar, QTabWidget

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.theme import AppStyle

# What is left between a label's ink and the edges of its tab, at the least, in pixels.
CLEAR_PX = 4


def label_gaps(bar: QTabBar, index: int) -> tuple[int, int]:
    """(rows of the tab's face above the label's ink, rows below it), on the tab bar's
    pixels: the ink is what is much darker than the face; the face is the run of rows of
    the face's shade through the label's middle, in a column the label leaves blank."""
    image = bar.grab().toImage()
    rect = bar.tabRect(index)

    def light(x: int, y: int) -> int:
        return image.pixelColor(x, y).lightness()

    columns = range(rect.left() + 4, rect.right() - 3)
    ink = [y for y in range(rect.top(), rect.bottom() + 1)
           if any(light(x, y) < 110 for x in columns)]
    assert ink, f"no label drawn in tab {bar.tabText(index)!r}"
    middle = (ink[0] + ink[-1]) // 2
    blank = next(x for x in columns if all(light(x, y) > 200 for y in ink))
    face = light(blank, middle)
    top = bottom = middle
    while top > rect.top() and abs(light(blank, top - 1) - face) <= 4:
        top -= 1
    while bottom < rect.bottom() and abs(light(blank, bottom + 1) - face) <= 4:
        bottom += 1
    return ink[0] - top, bottom - ink[-1]


def test_the_app_style_gives_tabs_room(window: MainWindow) -> None:
    assert isinstance(QApplication.style(), AppStyle)
    assert QApplication.style().baseStyle().name().lower() == "fusion"


def test_every_tab_label_is_clear_of_its_edges(qtbot, window: MainWindow) -> None:
    window.docks["simulation"].raise_()
    qtbot.wait(50)
    panel_tabs = window.simulation_panel.findChild(QTabWidget).tabBar()
    dock_tabs = next(bar for bar in window.findChildren(QTabBar)
                     if bar.parent() is window and bar.isVisible())
    seen = []
    for bar in (panel_tabs, dock_tabs):
        assert bar.isVisible()
        for index in range(bar.count()):
            above, below = label_gaps(bar, index)
            seen.append(bar.tabText(index))
            assert min(above, below) >= CLEAR_PX, (bar.tabText(index), above, below)
    assert "Contacts and journeys" in seen and "Warnings" in seen
