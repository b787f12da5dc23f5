"""The Chart tab's bars and its place in the Tab chain (accessibility QA): each part of a bar
stands 3:1 against the white plot, in its kind's colour family, and two parts side by side
are parted by a white gap; the scroll area round the bars is no Tab stop of its own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from canvas_app.ui import theme
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.funnel_chart import SERIES

from .test_chart_export import finished_chart

contrast = theme.contrast_ratio


COLOURS = {label: colour for label, colour, _pick in SERIES}


def test_the_contrast_formula_gives_wcags_figures() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#c3cad3", "#ffffff"), 2) == 1.65  # QA's "Left early" before


def test_every_part_of_a_bar_stands_three_to_one_against_the_white_plot() -> None:
    for label, colour in COLOURS.items():
        assert contrast(colour, "#ffffff") >= 3.0, (label, colour)


def test_the_parts_keep_their_kinds_colour_family() -> None:
    # the canvas's own colours for a sequence and a purchase goal, whatever they are now
    assert COLOURS["In a sequence now"] == theme.KIND_COLOURS["sequence"]
    assert COLOURS["Achieved"] == theme.KIND_COLOURS["purchase_goal"]
    for label in ("In a sequence now", "Completed", "Left early"):  # blues, a blue-grey
        assert 200 <= QColor(COLOURS[label]).hue() <= 240, label
    assert 120 <= QColor(COLOURS["Achieved"]).hue() <= 170  # green
    assert 30 <= QColor(COLOURS["Waiting at a goal"]).hue() <= 50  # amber
    assert len(set(COLOURS.values())) == len(COLOURS)


def segment_gaps(image: QImage, colours: set[str]) -> tuple[int, int]:
    """(places where one part's colour meets another's along a pixel row, how many of
    them have a white pixel between)."""
    meets = parted = 0
    for y in range(image.height()):
        last, between = None, []
        for x in range(image.width()):
            name = image.pixelColor(x, y).name()
            if name in colours:
                if last is not None and name != last and len(between) <= 4:
                    meets += 1
                    parted += any(min(c.red(), c.green(), c.blue()) >= 240 for c in between)
                last, between = name, []
            else:
                between.append(image.pixelColor(x, y))
                if len(between) > 4:
                    last = None
    return meets, parted


def test_two_parts_side_by_side_are_parted_by_a_white_gap(qtbot, window: MainWindow) -> None:
    window.campaign_list.select("checkup-onboarding")  # Completed | Left early, Achieved |
    chart, view = finished_chart(qtbot, window, "chart")  # Waiting: side by side
    for bar_set in view.series.barSets():
        assert bar_set.pen().color() == QColor(Qt.GlobalColor.white)
        assert bar_set.pen().widthF() >= 1
    image = view.grab().toImage()
    meets, parted = segment_gaps(image, set(COLOURS.values()))
    assert meets > 0
    assert parted == meets


def test_the_bars_scroll_area_is_no_tab_stop_of_its_own(qtbot, window: MainWindow) -> None:
    chart, view = finished_chart(qtbot, window, "chart")
    assert not chart.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert chart.accessibleName()
    window.activateWindow()
    qtbot.waitActive(window)
    tab_bar = window.simulation_panel.tabs.tabBar()
    tab_bar.setFocus()
    qtbot.waitUntil(tab_bar.hasFocus)
    qtbot.keyClick(tab_bar, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view  # the named chart, "Contacts per node"
    assert view.accessibleName() == "Contacts per node"
