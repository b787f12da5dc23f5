"""Visual QA: on the Over Time chart a goal's band at the top count or at 0 showed half its
width (the count axis ran from exactly 0 to the top, and Qt Charts clips a line at the
plot's edge), so the top line looked thinner than the others and a line at 0 went into
the axis. The plot now has room past both ends; its ticks stay whole numbers from 0."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.nodes import Node
from canvas_app.ui.simulation.funnel_chart import axis_ticks
from canvas_app.ui.simulation.time_axis import axis_ms
from canvas_app.ui.simulation.timeline_lines import GOAL_ALPHA, GOAL_WIDTH, LINE_COLOURS

from .conftest import lone_timeline

DAY = 86_400
START = 1_772_409_600  # 2 March 2026, 00:00 UTC
TOP = 2  # contacts that achieved the goal by the end: the top of the axis


def one_goal() -> tuple[Campaign, list[tuple[int, dict[str, dict[str, int]]]]]:
    """A campaign of one goal that nobody achieves for a day, then two contacts do."""
    campaign = Campaign("c", "Spring")
    campaign.add_node(Node("g", "purchase_goal", "Bought", 0, 0))
    timeline = [(START, {"g": {"achieved": 0}}), (START + DAY, {"g": {"achieved": 0}}),
                (START + DAY + 1, {"g": {"achieved": TOP}}),
                (START + 10 * DAY, {"g": {"achieved": TOP}})]
    return campaign, timeline


def band_colour() -> QColor:
    """The goal's band on the white plot: its colour at GOAL_ALPHA over white."""
    colour = QColor(LINE_COLOURS[0])
    return QColor(*(round(GOAL_ALPHA * c + (1 - GOAL_ALPHA) * 255)
                    for c in (colour.red(), colour.green(), colour.blue())))


def band_rows(image: QImage, x: int, y: int) -> int:
    """How many rows of pixels near ``y`` in column ``x`` show the band's colour."""
    wanted = band_colour()
    rows = 0
    for row in range(max(0, y - 12), min(image.height(), y + 13)):
        pixel = image.pixelColor(x, row)
        if abs(pixel.red() - wanted.red()) + abs(pixel.green() - wanted.green()) \
                + abs(pixel.blue() - wanted.blue()) <= 60:
            rows += 1
    return rows


@pytest.mark.parametrize("height", [320, 130])
def test_a_band_at_the_top_count_and_at_0_shows_its_whole_width(qtbot, height: int) -> None:
    chart = lone_timeline(qtbot, (700, height), *one_goal())
    qtbot.waitUntil(lambda: chart.chart().plotArea().height() > 20)
    image = chart.grab().toImage()
    series = chart.lines["g"]
    for at, value in ((START + DAY // 2, 0), (START + 6 * DAY, TOP)):
        scene = chart.chart().mapToPosition(QPointF(axis_ms(at), value), series)
        point = chart.mapFromScene(scene)
        # the band's width in the plot's pixels, all of it (clipped: 2 or 3 rows of 5)
        assert band_rows(image, point.x(), point.y()) >= GOAL_WIDTH - 1, value
    # the counts' numbers stay whole, from 0 to the first past the data
    axis = chart.chart().axes(Qt.Orientation.Vertical)[0]
    assert isinstance(axis, QValueAxis)
    ticks = axis_ticks(axis)
    assert ticks[0] == 0 and all(t == int(t) for t in ticks)
    assert ticks[-1] >= TOP > ticks[-1] - (ticks[1] - ticks[0])
