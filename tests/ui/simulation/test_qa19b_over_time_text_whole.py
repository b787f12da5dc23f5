"""QA 19b: with the Simulation panel dragged short (the Over Time chart ~80 px tall, the window
1024x720 on a 1366x768 screen), the dates under the plot showed their top half and the
count axis lost its top number: the chart view kept the tallest minimum its chart had ever
asked for (Qt Charts' own), so a shorter tab cut its bottom off, and its plot sometimes
kept the height of the size before. Now the chart fits its tab, laid out for it, and a tab
shorter than the chart's least scrolls it; no text is cut at any height."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QWidget

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.timeline_chart import TimelineChart

from .conftest import paged_timeline
from .test_qa19_chart_settles import many_nodes, month_of_counts
from .test_simulation_panel import finished_on_tab

TEXT_ITEM = 8  # QGraphicsTextItem.Type: Qt Charts draws its labels (and legend) with them


def drawn_texts(chart: TimelineChart) -> dict[str, QRectF]:
    """Every text Qt Charts draws (axes' labels, legend entries), in scene coordinates."""
    texts = {}
    for item in chart.scene().items():
        if item.type() != TEXT_ITEM or not item.isVisible():
            continue
        text = item.toGraphicsObject()
        if isinstance(text, QGraphicsTextItem) and text.toPlainText():
            texts[text.toPlainText()] = item.sceneBoundingRect()
    return texts


def assert_text_whole(chart: TimelineChart, page: QWidget, where: object) -> None:
    """The chart view no taller than its page (nothing of it cut off by the page), every
    text inside the chart, the chart scrolling when it is taller than the view, and the
    count axis showing its 0 and its top number."""
    assert chart.height() <= page.height(), (where, chart.height(), page.height())
    body = chart.chart().geometry().adjusted(-1, -1, 1, 1)
    texts = drawn_texts(chart)
    for text, box in texts.items():
        assert body.contains(box), (where, text, box, body)
    if body.height() - 2 > chart.viewport().height() + 0.5:
        assert chart.verticalScrollBar().isVisible(), where
    numbers = [text for text in texts if text.strip().isdigit()]
    assert len(numbers) >= 2, (where, numbers)


def test_the_sample_run_keeps_its_dates_whole_in_a_short_panel(qtbot,
                                                               window: MainWindow) -> None:
    finished_on_tab(qtbot, window, (1024, 720), "timeline")
    panel = window.simulation_panel
    chart = panel.timeline
    dock = window.docks["simulation"]
    page = chart.parentWidget()
    for wanted in (300, 240, 220, 210, 200, 190, 180, 170, 230, 160, 250):
        window.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)
        qtbot.waitUntil(lambda: not window._canvas_room_check.isActive())
        QApplication.processEvents()
        QApplication.processEvents()
        assert_text_whole(chart, page, (wanted, page.height()))


@pytest.mark.parametrize("width", [1000, 640])
def test_no_text_is_cut_at_any_height(qtbot, width: int) -> None:
    campaign = many_nodes()
    page, chart = paged_timeline(qtbot, (width, 300), campaign, month_of_counts(campaign))
    for height in [*range(300, 29, -9), *range(30, 241, 11)]:
        page.resize(width, height)
        QApplication.processEvents()
        QApplication.processEvents()
        assert_text_whole(chart, page, (width, height))
