"""A bar chart of the campaign on show, node by node in flow order, as the run goes on."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPoint, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter
from PySide6.QtWidgets import QFrame, QScrollArea, QToolTip, QWidget

from ...domain.campaign import Campaign
from .words import COMPLETED, LEFT_EARLY, capitalised

MAX_BARS = 24
LABEL_WIDTH = 200.0  # a row's label at most (px): longer names are shortened in the middle

# What each bar adds up: for a sequence, where its contacts are (in it now, completed,
# left early); for a goal, achieved and waiting.
SERIES = (
    ("In a sequence now", "#3b6fd8", lambda kind, c: c.get("active", 0) if kind == "sequence"
     else 0),
    (capitalised(COMPLETED), "#9ab6ee", lambda kind, c: c.get("completed", 0) if kind == "sequence"
     else 0),
    (capitalised(LEFT_EARLY), "#c3cad3", lambda kind, c: c.get("removed", 0)
     if kind == "sequence" else 0),
    ("Achieved", "#1f9d74", lambda kind, c: c.get("achieved", 0) if kind != "sequence" else 0),
    ("Waiting at a goal", "#e0b25b", lambda kind, c: c.get("waiting", 0) if kind != "sequence"
     else 0),
)


def flow_order(campaign: Campaign) -> list[str]:
    """Node ids left to right (then top to bottom), as the flow reads on the canvas."""
    return sorted(campaign.graph.nodes, key=lambda n: (campaign.node(n).x, campaign.node(n).y))


def nice_scale(biggest: int) -> tuple[int, int]:
    """(top, tick count) for an axis from 0 that shows ``biggest``: whole-number ticks
    1, 2 or 5 times a power of ten apart, at most six of them (0..5 for small values)."""
    if biggest <= 5:
        return 5, 6
    step = 1
    while True:
        for factor in (1, 2, 5):
            if biggest <= step * factor * 5:
                size = step * factor
                top = -(-biggest // size) * size
                return top, top // size + 1
        step *= 10


def set_nice_scale(axis: QValueAxis, biggest: int) -> None:
    top, ticks = nice_scale(biggest)
    axis.setRange(0, top)
    axis.setTickCount(ticks)


def unique_names(names: list[str]) -> tuple[str, ...]:
    """Category labels must differ: a repeated name gets " #2", " #3"... (not "(2)", which
    reads as the name of a pasted copy)."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        label = name or "(no name)"
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} #{seen[label]}")
    return tuple(out)


def set_up_chart(view: QChartView, name: str) -> QChart:
    """A chart for the panel: small margins, the legend below, no animation (the data
    change several times a second while a run plays)."""
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    chart = QChart()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view.setChart(chart)
    return chart


def elide_names(names: list[str], metrics: QFontMetricsF, width: float) -> list[str]:
    """Names that fit ``width`` (long ones shortened in the middle, where two similar names
    still differ at their start and end), told apart again if shortening made two alike."""
    elided = [metrics.elidedText(name or "(no name)", Qt.TextElideMode.ElideMiddle, width)
              for name in names]
    return list(unique_names(elided))


def describe_row(name: str, kind: str, counts: dict[str, int]) -> str:
    """A bar's tooltip: the node's full name and its numbers."""
    shown = [(label, pick(kind, counts)) for label, _colour, pick in SERIES]
    wanted = shown[:3] if kind == "sequence" else shown[3:]
    return f"{name}\n" + " · ".join(f"{label}: {value}" for label, value in wanted)


class BarView(QChartView):
    """The bars; as tall as its rows need (the scroll area around it scrolls)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Full names and numbers of each row (bottom-up, as the categories), for tooltips.
        self.rows: list[tuple[str, str, dict[str, int]]] = []
        self.series: QHorizontalStackedBarSeries | None = None

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip for a point of the view: the row's full name and counts, over its
        label or its bar."""
        chart = self.chart()
        if self.series is None or not self.rows:
            return ""
        at = chart.mapFromScene(self.mapToScene(pos))
        plot = chart.plotArea()
        if not plot.top() <= at.y() <= plot.bottom() or at.x() > plot.right():
            return ""
        index = round(chart.mapToValue(at, self.series).y())
        if not 0 <= index < len(self.rows):
            return ""
        return describe_row(*self.rows[index])

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


class FunnelChart(QScrollArea):
    """Contacts per node of the campaign on show, one labelled row per node: long names are
    shortened in the middle (the tooltip gives them in full), and when the rows do not fit
    the panel, the chart grows and scrolls rather than leave rows unlabelled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationChartArea")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view = BarView()
        chart = set_up_chart(self.view, "simulationChart")
        self.setWidget(self.view)
        self._key: tuple[str, ...] = ()
        self._sets: list[QBarSet] = []
        self._axis_x = QValueAxis()
        self._axis_x.setLabelFormat("%d")
        self._axis_y = QBarCategoryAxis()
        for axis in (self._axis_x, self._axis_y):
            # Qt Charts shortens labels it thinks do not fit to "…" (in a short panel, all
            # of them); the names are shortened here, to a width that leaves room for bars.
            axis.setTruncateLabels(False)
        chart.addAxis(self._axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._axis_y, Qt.AlignmentFlag.AlignLeft)
        self.labels: list[str] = []  # the row labels as drawn, top to bottom
        self._fit_rows(0)

    def chart(self) -> QChart:
        return self.view.chart()

    def row_height(self) -> int:
        """Room for one row: its label with space around it (Qt Charts leaves out labels
        that would touch)."""
        return int(QFontMetricsF(self._axis_y.labelsFont()).height() * 1.3) + 4

    def _fit_rows(self, rows: int) -> None:
        """At least as tall as the rows, the title, the axis and the legend need."""
        metrics = QFontMetricsF(self.chart().titleFont())
        chrome = int(metrics.height() * 5) + 36  # title, numbers, legend, margins
        self.view.setMinimumHeight(chrome + max(rows, 1) * self.row_height())

    def show_counts(self, campaign: Campaign | None, counts: dict[str, dict[str, int]],
                    absent: str | None = None) -> None:
        """The bars of ``campaign``; ``absent`` is the title for a campaign the run does
        not have."""
        chart = self.chart()
        nodes = flow_order(campaign)[:MAX_BARS] if campaign is not None else []
        full = [campaign.node(n).name for n in nodes] if campaign else []
        key = (campaign.id if campaign else absent or "", *nodes, *full)
        if key != self._key:
            metrics = QFontMetricsF(self._axis_y.labelsFont())
            self.labels = elide_names(full, metrics, LABEL_WIDTH)
            self._rebuild(nodes, tuple(self.labels))
            self._fit_rows(len(nodes))
            self._key = key
            # Nothing to chart: it says why, with no empty axes or legend (QA: an empty
            # campaign read "No campaign" over a bare 0-5 axis), as Over Time does.
            if campaign is None:
                title = absent or "Run a scenario to see its contacts per node"
            elif not nodes:
                title = f"{campaign.name} has no goals or sequences to chart yet"
            else:
                title = f"{campaign.name}: contacts per node"
            chart.setTitle(title)
            for part in (self._axis_x, self._axis_y, chart.legend()):
                part.setVisible(bool(nodes))
        if campaign is None:
            self.view.rows = []
            return
        # Bars read top to bottom in flow order: categories are listed bottom-up.
        kinds = [campaign.node(n).kind for n in reversed(nodes)]
        ids = list(reversed(nodes))
        self.view.rows = [(name, kind, counts.get(n, {}))
                          for name, kind, n in zip(reversed(full), kinds, ids, strict=True)]
        totals = [0] * len(ids)
        for bar_set, (_label, _colour, pick) in zip(self._sets, SERIES, strict=True):
            values = [pick(kind, counts.get(n, {})) for kind, n in zip(kinds, ids, strict=True)]
            for i, value in enumerate(values):
                if bar_set.at(i) != value:
                    bar_set.replace(i, value)
                totals[i] += value
        self._set_scale(max(totals, default=0))

    def _set_scale(self, biggest: int) -> None:
        set_nice_scale(self._axis_x, biggest)

    def values(self) -> dict[str, list[float]]:
        """What the bars show, per series (bottom-up), for tests and screen readers."""
        return {bar_set.label(): [bar_set.at(i) for i in range(bar_set.count())]
                for bar_set in self._sets}

    def _rebuild(self, nodes: list[str], names: tuple[str, ...]) -> None:
        chart = self.chart()
        if self.view.series is not None:
            chart.removeSeries(self.view.series)
        series = QHorizontalStackedBarSeries()
        self._sets = []
        for label, colour, _pick in SERIES:
            bar_set = QBarSet(label)
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour))
            bar_set.append([0.0] * len(nodes))
            series.append(bar_set)
            self._sets.append(bar_set)
        series.setBarWidth(0.6)
        chart.addSeries(series)
        self._axis_y.clear()
        self._axis_y.append(list(reversed(names)))
        series.attachAxis(self._axis_x)
        series.attachAxis(self._axis_y)
        self.view.series = series
