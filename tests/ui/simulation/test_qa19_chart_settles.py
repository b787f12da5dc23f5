"""QA 19: the Over Time chart of a campaign of many nodes with long names, a run of a few
hundred contacts, resized through small heights, hung the window for good: its count axis
chose its ticks from the plot's height, and the plot's height changed with the axis's
numbers, back and forth inside Qt's own resize. Each resize now settles in a few
changes of scale; the Chart tab's bars (the same count axis, from their width) too."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCharts import QChart, QValueAxis
from PySide6.QtWidgets import QApplication

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.nodes import Node
from canvas_app.ui.simulation.timeline_chart import Timeline

from .conftest import lone_bars, lone_timeline

NODES = 24
# changes of the count axis's range one resize may cause: a handful, not thousands
MOST_CHANGES = 40


def count_changes(chart: QChart, axis: QValueAxis) -> list[int]:
    """A list that grows by one at each change of ``axis``'s range; past MOST_CHANGES in
    a row the chart stops telling its plot's changes (the loop QA met ends, and the test
    fails rather than the process dying of a stack overflow)."""
    changes: list[int] = []

    def changed() -> None:
        changes.append(1)
        if len(changes) > MOST_CHANGES:
            chart.blockSignals(True)

    axis.rangeChanged.connect(changed)
    return changes


def many_nodes() -> Campaign:
    """A chain of 24 nodes, every other one a sequence with a long name (QA's campaign)."""
    campaign = Campaign("many", "Many nodes")
    for i in range(NODES):
        if i % 2 == 0:
            node = Node(f"n{i:02}", "sequence",
                        f"Sequence {i:02} with a fairly long descriptive name", 240.0 * i)
        else:
            node = Node(f"n{i:02}", "tag_goal", f"Goal {i:02}", 240.0 * i)
        campaign.add_node(node)
    for i in range(NODES - 1):
        campaign.link(f"n{i:02}", f"n{i + 1:02}")
    return campaign


def month_of_counts(campaign: Campaign) -> Timeline:
    """A month of a 300-contact run: the first sequence fills, then the goals, up to 255."""
    start = int(datetime(2026, 5, 1, tzinfo=UTC).timestamp())
    timeline: Timeline = []
    for hour in range(0, 31 * 24, 12):
        counts: dict[str, dict[str, int]] = {}
        for i, node in enumerate(campaign.nodes):
            value = max(0, min(255, hour // 2 - 12 * i))
            key = "active" if node.kind == "sequence" else "achieved"
            counts[node.id] = {key: value}
        timeline.append((start + hour * 3600, counts))
    return timeline


def test_over_time_settles_at_every_small_height(qtbot) -> None:
    campaign = many_nodes()
    for width in (500, 640):
        chart = lone_timeline(qtbot, (width, 300), campaign, month_of_counts(campaign))
        changes = count_changes(chart.chart(), chart._axis_y)
        heights = [*range(60, 39, -10), *range(40, 201, 2)]
        for height in heights:
            changes.clear()
            chart.resize(width, height)
            QApplication.processEvents()
            assert len(changes) <= MOST_CHANGES, (width, height, len(changes))
            chart.chart().blockSignals(False)
            assert chart._axis_y.tickCount() >= 2
        chart.close()


def test_contacts_per_node_settles_at_every_small_size(qtbot) -> None:
    campaign = many_nodes()
    area = lone_bars(qtbot, (600, 300))
    counts = {node.id: {"active" if node.kind == "sequence" else "achieved": 10 * i}
              for i, node in enumerate(campaign.nodes)}
    area.show_counts(campaign, counts)
    QApplication.processEvents()
    changes = count_changes(area.chart(), area._axis_x)
    for width in [*range(120, 401, 6), *range(400, 119, -14)]:
        for height in (60, 100, 140):
            changes.clear()
            area.resize(width, height)
            QApplication.processEvents()
            assert len(changes) <= MOST_CHANGES, (width, height, len(changes))
