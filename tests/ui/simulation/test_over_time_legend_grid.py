"""Over Time's legend with ten lines (QA: "Shock Plan", 13 nodes, ten drawn): in one row
under the plot its names were cut to nothing ("B…k (achieved)", "Seq…e 1 (in it)"). Names
one row or one column cannot hold go in rows and columns, under the plot or beside it in a
short panel, and read whole where there is room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.timeline_arrange import MIN_PLOT
from canvas_app.ui.simulation.timeline_chart import MAX_LINES, TimelineChart

from .conftest import lone_timeline
from .test_legend_names import TEXT_ITEM, legend_drawn
from .test_simulation_panel import finished_on_tab

ADDED = 10  # empty sequences added to the sample's 3 nodes


@pytest.fixture
def many(window: MainWindow) -> MainWindow:
    campaign = window.current_campaign_id()
    for i in range(ADDED):
        window.controller.add_node(campaign, "sequence", 900 + 60 * i, 100 + 40 * i)
    return window


def name_boxes(chart: TimelineChart) -> list[QRectF]:
    legend = chart.chart().legend()
    return [item.sceneBoundingRect() for item in chart.scene().items()
            if item.type() == TEXT_ITEM and item.isVisible() and legend.isAncestorOf(item)]


def assert_names_whole_and_apart(chart: TimelineChart) -> None:
    drawn = legend_drawn(chart)
    assert len(drawn) == MAX_LINES
    metrics = QFontMetricsF(chart.chart().legend().font())
    for label, width in drawn:
        assert width >= metrics.horizontalAdvance(label)  # drawn whole, not cut by Qt
    assert sorted(label for label, _w in drawn) == sorted(chart.full_names.values())
    boxes = name_boxes(chart)
    scene = QRectF(chart.chart().rect())
    for i, box in enumerate(boxes):
        assert scene.contains(box), (box, scene)
        assert not any(box.intersects(other) for other in boxes[i + 1:])


def test_ten_names_read_whole_beside_the_plot_in_a_short_panel(qtbot, many: MainWindow) -> None:
    finished_on_tab(qtbot, many, (1280, 800), "timeline")
    chart = many.simulation_panel.timeline
    assert len(chart.lines) == MAX_LINES
    assert_names_whole_and_apart(chart)
    plot = chart.chart().plotArea()
    assert all(box.left() >= plot.right() for box in name_boxes(chart))  # beside the plot
    assert chart.grid is not None and chart.grid.beside and chart.grid.columns >= 2
    # a taller plot than with the legend under it (QA: 73 px)
    assert plot.height() >= chart.height() - 40 - chart.heading_label.room()


def test_ten_names_go_in_rows_under_a_tall_plot(qtbot, many: MainWindow) -> None:
    finished_on_tab(qtbot, many, (1280, 800), "timeline")
    panel = many.simulation_panel
    chart = lone_timeline(qtbot, (900, 420), panel.current_campaign(), panel.runner.timeline())
    assert_names_whole_and_apart(chart)
    plot = chart.chart().plotArea()
    assert plot.height() >= MIN_PLOT
    boxes = name_boxes(chart)
    assert all(box.top() > plot.bottom() for box in boxes)  # under the plot and its dates
    assert len({round(box.top()) for box in boxes}) >= 2  # in rows
    assert chart.chart().title() == chart.title  # the title above, as before
    # made wide, they fit one row again: Qt Charts' own legend, as before
    chart.resize(2400, 420)
    QApplication.processEvents()
    assert chart.grid is None and chart.chart().legend().isAttachedToChart()
    assert_names_whole_and_apart(chart)


def test_a_taller_panel_never_gives_a_smaller_legend_or_drops_the_title(
        qtbot, many: MainWindow) -> None:
    """QA, ten lines: at about 190 px the legend was one column in 7 pt and the title (with
    its "10 of 13 nodes") was dropped, while 40 px less gave two columns in the legend's
    own font; in a shorter panel still there was no legend at all. From the chart's least
    height up, the names show in the legend's own font, and the title too."""
    finished_on_tab(qtbot, many, (1280, 800), "timeline")
    panel = many.simulation_panel
    chart = lone_timeline(qtbot, (1270, 300), panel.current_campaign(),
                          panel.runner.timeline())
    natural = chart._legend_font.pointSizeF()
    # The least height with the names whole in the legend: below it they are shortened,
    # then the plot shows alone (and, shorter than its own least, scrolls: see
    # test_qa19b_over_time_text_whole).
    least = None
    for height in range(30, 200, 2):
        chart.resize(1270, height)
        QApplication.processEvents()
        if not chart.bare and sorted(label for label, _w in legend_drawn(chart)) == \
                sorted(chart.full_names.values()):
            least = height
            break
    assert least is not None and least <= 100, least  # 91 px before the plot could scroll
    for height in range(least, 330, 10):
        chart.resize(1270, height)
        QApplication.processEvents()
        assert chart.height() == height
        assert not chart.bare and chart.chart().legend().isVisible(), height
        assert chart.chart().legend().font().pointSizeF() == natural, height
        assert chart.title in (chart.heading, chart.chart().title()), height
        assert_names_whole_and_apart(chart)
