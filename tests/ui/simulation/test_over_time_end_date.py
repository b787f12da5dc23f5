"""Visual QA: on a weekly Over Time axis the run's end, "10 Apr", stood four days after
"6 Apr", crowding it. The end's date keeps its label, and the round date too near it gives
way."""

from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCore import QPointF, Qt

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.nodes import Node
from canvas_app.ui.simulation.timeline_chart import TimelineChart

from .conftest import lone_timeline

DAY = 86_400
START = 1_772_409_600  # 2 March 2026, 00:00 UTC


def label_centres(chart: TimelineChart) -> list[tuple[str, float]]:
    """Each date label of the time axis, and where (px) it stands along the plot."""
    axis = chart.chart().axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(axis, QCategoryAxis)
    series = next(iter(chart.lines.values()))
    return [(label, chart.chart().mapToPosition(QPointF(axis.endValue(label), 0), series).x())
            for label in axis.categoriesLabels()]


def test_the_end_date_stands_as_far_from_the_date_before_as_the_dates_do(qtbot) -> None:
    campaign = Campaign("c", "Spring")
    campaign.add_node(Node("g", "purchase_goal", "Bought", 0, 0))
    end = START + 39 * DAY  # 10 April: four days after the last weekly date, 6 April
    chart = lone_timeline(qtbot, (1000, 300), campaign,
                          [(START, {"g": {"achieved": 0}}), (end, {"g": {"achieved": 1}})])
    labels = label_centres(chart)
    assert labels[0][0] == "2 Mar" and labels[-1][0] == "10 Apr"  # the run's ends
    gaps = [b - a for (_l, a), (_m, b) in zip(labels, labels[1:], strict=False)]
    week = gaps[0]
    assert all(abs(gap - week) < 1 for gap in gaps[:-1])  # the round dates, a week apart
    assert gaps[-1] >= 0.75 * week  # the end's date not crowding the one before
