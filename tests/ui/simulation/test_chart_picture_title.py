"""A chart copied or saved always carries its title (QA: the Chart tab of a campaign of 13
nodes had no room for its title on screen, and a picture copied for slides said nothing of
which campaign it showed); on screen it may stay without."""

from __future__ import annotations

import math

from PySide6.QtGui import QFontMetricsF, QImage

from canvas_app.ui.main_window import MainWindow

from .test_simulation_panel import finished_on_tab

ADDED = 10  # empty sequences added to the sample's 3 nodes


def title_extent(image: QImage, rows: range) -> tuple[int, int]:
    """The leftmost and rightmost x (in px of the image) of dark text in ``rows``."""
    xs = [x for y in rows for x in range(image.width())
          if max(image.pixelColor(x, y).getRgb()[:3]) < 140]
    assert xs, "no text there"
    return min(xs), max(xs)


def test_a_chart_without_room_for_its_title_keeps_it_in_its_pictures(
        qtbot, window: MainWindow) -> None:
    campaign = window.current_campaign_id()
    for i in range(ADDED):
        window.controller.add_node(campaign, "sequence", 900 + 60 * i, 100 + 40 * i)
    finished_on_tab(qtbot, window, (1280, 800), "chart")
    chart = window.simulation_panel.chart
    title = f"{window.simulation_panel.current_campaign().name}: contacts per node"
    assert chart.title == title
    # on screen: no room for it, left out (as before)
    assert chart.chart().title() == "" and chart.heading == ""
    export = chart.export
    body = chart.body.size()
    font = chart.chart().titleFont()
    advance = QFontMetricsF(font).horizontalAdvance(title)
    for image in (export.image(), export.file_image()):
        ratio = image.devicePixelRatio()
        assert image.width() == math.ceil(body.width() * ratio)
        band = image.height() / ratio - body.height()
        assert band >= QFontMetricsF(font).height()  # a line for the title over the chart
        left, right = title_extent(image, range(0, int(band * ratio)))
        assert abs((right - left) / ratio - advance) <= 6  # the title, whole, one line
        assert abs((left + right) / 2 - image.width() / 2) <= 4 * ratio  # centred
    svg = export.svg().decode()
    assert svg.count("contacts per node") >= 2  # the file's title, and drawn in it


def test_a_chart_that_shows_its_title_gets_no_second_one(qtbot, window: MainWindow) -> None:
    finished_on_tab(qtbot, window, (1280, 860), "chart")
    chart = window.simulation_panel.chart
    assert chart.chart().title() or chart.heading
    image = chart.export.image()
    assert image.height() / image.devicePixelRatio() == chart.body.height()
    assert chart.export.title_band() == 0
