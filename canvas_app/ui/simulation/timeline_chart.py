"""A line chart over simulated time: how many contacts are in each sequence, and how many
have achieved each goal, in the campaign on show."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from ...domain.campaign import Campaign
from .funnel_chart import flow_order, set_nice_scale

MAX_LINES = 10

Timeline = list[tuple[int, dict[str, dict[str, int]]]]


def axis_ms(seconds: int) -> float:
    """The axis draws local time; simulated times are UTC (C5): shift each by the local
    offset at that moment, so the labels read UTC whatever the machine's zone."""
    offset = QDateTime.fromSecsSinceEpoch(seconds).offsetFromUtc()
    return (seconds - offset) * 1000.0


def from_axis_ms(ms: float) -> int:
    guess = int(ms // 1000)
    return guess + QDateTime.fromSecsSinceEpoch(guess).offsetFromUtc()


def line_value(kind: str, counts: dict[str, int]) -> int:
    """A sequence: contacts in it now; a goal: contacts that achieved it so far."""
    return counts.get("active", 0) if kind == "sequence" else counts.get("achieved", 0)


def line_name(kind: str, name: str) -> str:
    return f"{name} (in it)" if kind == "sequence" else f"{name} (achieved)"


class TimelineChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationTimeline")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)
        self._axis_x = QDateTimeAxis()
        self._axis_x.setFormat("d MMM")
        self._axis_y = QValueAxis()
        # Padded to one width: Qt Charts keeps the label room it first measured, and wider
        # numbers (the counts grow during a run) would show as "...".
        self._axis_y.setLabelFormat("%7d")
        chart.addAxis(self._axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._axis_y, Qt.AlignmentFlag.AlignLeft)
        self.lines: dict[str, QLineSeries] = {}
        self._key: tuple[tuple[str, str], ...] = ()

    def show_timeline(self, campaign: Campaign | None, timeline: Timeline) -> None:
        chart = self.chart()
        if campaign is None or not timeline:
            self._set_lines([], None)
            chart.setTitle("Run a scenario to see its contacts over time")
            return
        chart.setTitle(f"{campaign.name}: contacts over time (UTC)")
        nodes = flow_order(campaign)[:MAX_LINES]
        self._set_lines(nodes, campaign)
        biggest = 0
        for node_id in nodes:
            kind = campaign.node(node_id).kind
            points = []
            for at, counts in timeline:
                value = line_value(kind, counts.get(node_id, {}))
                biggest = max(biggest, value)
                points.append(QPointF(axis_ms(at), value))
            self.lines[node_id].replace(points)
        first, last = timeline[0][0], max(timeline[-1][0], timeline[0][0] + 3600)
        self._axis_x.setRange(QDateTime.fromMSecsSinceEpoch(int(axis_ms(first))),
                              QDateTime.fromMSecsSinceEpoch(int(axis_ms(last))))
        self._axis_x.setFormat("d MMM HH:mm" if last - first < 3 * 86400 else "d MMM")
        self._set_scale(biggest)

    def _set_scale(self, biggest: int) -> None:
        set_nice_scale(self._axis_y, biggest)

    def _set_lines(self, nodes: list[str], campaign: Campaign | None) -> None:
        """One line per node; rebuilt only when the nodes or their names change (a legend
        rebuilt on every refresh would never settle)."""
        names = [line_name(campaign.node(n).kind, campaign.node(n).name) for n in nodes] \
            if campaign is not None else []
        key = tuple(zip(nodes, names, strict=True))
        if key == self._key:
            return
        chart = self.chart()
        for series in self.lines.values():
            chart.removeSeries(series)
        self.lines = {}
        for node_id, name in key:
            series = QLineSeries()
            series.setName(name)
            chart.addSeries(series)
            series.attachAxis(self._axis_x)
            series.attachAxis(self._axis_y)
            self.lines[node_id] = series
        self._key = key

    def values(self, node_id: str) -> list[tuple[int, int]]:
        """(seconds since the epoch, value) of one node's line, for tests."""
        series = self.lines[node_id]
        return [(from_axis_ms(p.x()), int(p.y())) for p in series.points()]
