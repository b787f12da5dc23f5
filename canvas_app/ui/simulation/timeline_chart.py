"""A line chart over simulated time: how many contacts are in each sequence, and how many
have achieved each goal, in the campaign on show.

Lines often hold the same value for long stretches (nobody in two sequences; as many
achieved as completed), so they must not hide one another: a goal's line is a wide,
see-through band, a sequence's a thin broken line on top of it (dashes, dots or dash-dots,
so two sequences differ too), and a goal's band carries marks of a shape of its own, its
piece in the legend, so two goals differ by more than their colours; hovering a name in the
legend brings its line forward and fades the others, and clicking it hides or shows the line.
The keyboard does both in the chart menu's Lines (the Menu key or Shift+F10): an entry per
line, checked while it shows; moving onto an entry brings its line forward.

At most MAX_LINES lines are drawn at once; a campaign with more nodes says so in the title
("10 of 13 nodes") and lists every node in Lines, where an unchecked node can take the
place of a hidden line (QA: the nodes past the tenth were dropped without a word, and read
as nodes nobody reached).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCharts import (
    QCategoryAxis,
    QChartView,
    QLegend,
    QLegendMarker,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QGraphicsView, QMenu, QToolTip, QWidget

from ...domain.campaign import Campaign
from ...domain.counting import counted
from ...domain.timeutil import utc_minute
from .chart_export import ChartExport, Table, paint_focus
from .chart_heading import ChartHeading
from .funnel_chart import (
    SteadyScale,
    flow_order,
    set_count_scale,
    set_up_chart,
    unique_names,
)
from .legend_measure import cut_by_qt, remeasure
from .picture_stage import whole_timeline
from .time_axis import axis_labels, axis_ms, from_axis_ms, steps
from .timeline_arrange import (
    BOTTOM_MARGIN,
    SIDE_MARGIN,
    TOP_MARGIN,
    LegendGrid,
    TimelineArrangement,
)
from .timeline_legend import (
    GOAL_SHAPES,
    MARK_EDGE,
    MARK_SIZE,
    add_lines_menu,
    line_name,
    mark_xs,
    shape_path,
    value_at,
)
from .timeline_lines import (
    FADED_ALPHA,
    HOVERED_WIDER,
    LINE_COLOURS,
    LINE_ROOM,
    SEQUENCE_DASHES,
    Look,
    assign_looks,
    line_pen,
    line_value,
)

# Lines drawn at once, at most: one per colour of LINE_COLOURS (each 3:1 on white, told
# apart from the others); more would repeat colours and crowd the legend and the plot past
# reading. A campaign with more nodes charts the first ten in flow order until the user
# chooses others in the menu's Lines (see choose_line); the title says how many of how many.
MAX_LINES = 10
END_LABEL_GAP = 6  # px between the last date's right end and what is beside it
# The run's end, labelled, at least this share of a step past the last round date: nearer,
# it takes that date's place (see axis_labels)
END_LABEL_APART = 0.75

Timeline = list[tuple[int, dict[str, dict[str, int]]]]


class TimelineChart(QChartView, TimelineArrangement):
    """The chart; in a short panel its legend goes beside the plot and its title out of Qt
    Charts' title into a line over the plot (``heading``, see ChartHeading), so the plot
    keeps MIN_PLOT px (see arrange)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = set_up_chart(self, "simulationTimeline")
        self.setFrameShape(QChartView.Shape.NoFrame)
        # The tab is the chart's frame: no more room around the chart than its margins.
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.setMargins(QMargins(SIDE_MARGIN, TOP_MARGIN, SIDE_MARGIN, BOTTOM_MARGIN))
        chart.setBackgroundRoundness(0)
        self.heading_label = ChartHeading(self, "simulationTimelineHeading")
        # A panel shorter than the chart's least (its plot alone, its dates and its counts
        # whole): the chart keeps that height and scrolls (see fit_chart).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.heading_label.place())
        # each name beside a piece of its line, drawn with its pen: its width and dashes
        # (a square of colour could not tell a dashed sequence from a goal's line: QA)
        chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        self._legend_font = QFont(chart.legend().font())  # as the app's font makes it
        self._end_overhang = 0  # px: how far the last date reaches past the plot's end
        # the legend's layout's own margins (the style's), as Qt Charts made them
        self._legend_layout_margins: tuple[float, float, float, float] | None = None
        self.title = ""  # the chart's title, in it or as the heading
        self.heading = ""  # the title over the plot, out of Qt Charts' title ("": none)
        self.beside = False  # the legend beside the plot (a short chart)
        self.bare = False  # no legend, no title: a chart too short for them and a plot
        self.grid: LegendGrid | None = None  # the legend in rows and columns (see arrange)
        self.setToolTip("A goal's line is a wide band with marks of its own shape, a "
                        "sequence's a broken line. Point at a name in the legend to bring its "
                        "line forward; click it to hide or show the line (or, from the "
                        f"keyboard, the menu's Lines). At most {MAX_LINES} lines show at "
                        "once: the menu's Lines lists every node, to choose which.")
        # Not a QDateTimeAxis: its ticks are evenly spread from its start to its end, so
        # round ticks made it end on one, up to a step after the run's end.
        self._axis_x = QCategoryAxis()
        self._axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self._axis_key: tuple[object, ...] = ()
        self._axis_y = QValueAxis()
        # Padded to one width: Qt Charts keeps the label room it first measured, and wider
        # numbers (the counts grow during a run) would show as "...".
        self._axis_y.setLabelFormat("%7d")
        for axis in (self._axis_x, self._axis_y):
            # Qt Charts shortens labels it thinks do not fit to "…" (in a short panel, all
            # of them); full labels, even if they crowd, are what people need to read.
            axis.setTruncateLabels(False)
        chart.addAxis(self._axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._axis_y, Qt.AlignmentFlag.AlignLeft)
        self._biggest = 0  # the highest count drawn
        self._steady = SteadyScale()  # the count axis settles (see SteadyScale)
        # after a layout: a legend name Qt Charts cut is measured again (see _mend_cut_names)
        self._cut_check = QTimer(self)
        self._cut_check.setSingleShot(True)
        self._cut_check.setInterval(0)
        self._cut_check.timeout.connect(self._mend_cut_names)
        self._mended_at: tuple[int, int] | None = None
        chart.plotAreaChanged.connect(lambda _rect: self._set_scale())
        self.lines: dict[str, QLineSeries] = {}
        self.pens: dict[str, QPen] = {}  # each line's own pen (hovering changes them)
        self.full_names: dict[str, str] = {}  # each line's legend entry, unshortened
        self.shapes: dict[str, QLegend.MarkerShape] = {}  # each goal line's shape
        self._data: dict[str, tuple[list[float], list[float]]] = {}  # points, for marks
        self._forward: str | None = None  # the line brought forward (see highlight)
        self.lines_menu: QMenu | None = None  # the chart menu's Lines, while it shows
        self._key: tuple[tuple[str, str, str], ...] = ()
        # Every node of the campaign on show, in flow order: (id, kind, name told apart);
        # the lines are MAX_LINES of them at most (see charted)
        self.all_nodes: list[tuple[str, str, str]] = []
        self._choice: dict[str, list[str]] = {}  # campaign id: the nodes the user charted
        self._looks: dict[str, dict[str, Look]] = {}  # campaign id: its lines' looks
        self.hidden: set[str] = set()  # nodes whose lines are hidden (struck out)
        # what show_timeline was last given, to draw again when the lines chosen change
        self._shown: tuple[Campaign, Timeline, str | None] | None = None
        # the run's timeline now (the Simulation panel's runner), for Copy Data of a
        # campaign with more nodes than lines; None: the lines' own points only
        self.source: Callable[[], Timeline] | None = None
        self._names_key: tuple[object, ...] = ()
        # What show_timeline drew last: (campaign id, first moment, last moment, biggest
        # value), which follow() extends; None when it drew no lines.
        self._drawn: tuple[str, int, int, int] | None = None
        self.campaign_name = ""  # the campaign charted ("": none)
        self._show_axes(False)  # until there is a run to chart
        self.setAccessibleName("Over Time")
        self.export = ChartExport(self, self, "Over Time", lambda: self.title, self.table,
                                  more=self._add_lines_menu,
                                  stage=lambda: whole_timeline(self),
                                  campaign=lambda: self.campaign_name)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # The focus frame (where Ctrl+C and the Menu key act), not in a copy of the chart.
        if self.hasFocus() and not self.export.painting:
            painter = QPainter(self.viewport())
            paint_focus(self, painter, self.viewport().rect())
            painter.end()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        self.paint_marks(painter)

    def paint_marks(self, painter: QPainter) -> None:
        """Each shown goal line's marks (see mark_xs), in its colour with a white edge,
        faded with its line while another is brought forward."""
        goals = [node_id for node_id in self.lines if node_id in self.shapes]
        if self._drawn is None or not goals:
            return
        chart = self.chart()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for number, node_id in enumerate(goals):
            series = self.lines[node_id]
            if not series.isVisible():
                continue
            colour = QColor(self.pens[node_id].color())
            colour.setAlphaF(FADED_ALPHA if self._forward not in (None, node_id) else 1.0)
            edge = QColor(Qt.GlobalColor.white)
            edge.setAlphaF(colour.alphaF())
            painter.setPen(QPen(edge, MARK_EDGE))
            painter.setBrush(QBrush(colour))
            for place in self.marks(node_id, number, len(goals)):
                painter.drawPath(shape_path(self.shapes[node_id], chart.mapToScene(place),
                                            MARK_SIZE))
        painter.restore()

    def marks(self, node_id: str, number: int, count: int) -> list[QPointF]:
        """Where the ``number``-th of ``count`` goal lines has its marks, in the chart's
        coordinates: on its line, spread along it (see mark_xs)."""
        data = self._data.get(node_id)
        series = self.lines[node_id]
        if data is None:
            points = series.points()
            data = ([p.x() for p in points], [p.y() for p in points])
            self._data[node_id] = data
        xs, ys = data
        if not xs:
            return []
        chart = self.chart()
        left = chart.mapToPosition(QPointF(xs[0], ys[0]), series).x()
        right = chart.mapToPosition(QPointF(xs[-1], ys[-1]), series).x()
        places = []
        for x in mark_xs(left, right, number, count):
            at = chart.mapToValue(QPointF(x, 0.0), series).x()
            places.append(chart.mapToPosition(QPointF(at, value_at(xs, ys, at)), series))
        return places

    def table(self) -> Table:
        """The lines' numbers: a row at the start, at each moment some line changes and at
        the end (UTC, to the minute), a column per line (its legend entry in full), each
        line's count as of that moment; what Copy Data copies. With more nodes than are
        drawn, a column for every node, from the run's whole timeline (``source``)."""
        if self._drawn is None or not self.lines:
            return [], []
        if self.source is not None and len(self.all_nodes) > len(self.lines):
            # a spreadsheet has room for every node, not only the MAX_LINES drawn (QA)
            timeline = self.source()
            headings = ["Time (UTC)", *(line_name(kind, name)
                                        for _n, kind, name in self.all_nodes)]
            values = [[(at, line_value(kind, counts.get(node_id, {})))
                       for at, counts in timeline] for node_id, kind, _name in self.all_nodes]
        else:
            headings = ["Time (UTC)", *(self.full_names.get(n, s.name())
                                        for n, s in self.lines.items())]
            values = [self.values(node_id) for node_id in self.lines]
        moments = sorted({at for points in values for at, _v in points})
        rows: list[list[object]] = []
        where = [0] * len(values)  # each line's next point
        current = [0] * len(values)
        for at in moments:
            for i, points in enumerate(values):
                while where[i] < len(points) and points[where[i]][0] <= at:
                    current[i] = points[where[i]][1]
                    where[i] += 1
            if not rows or rows[-1][1:] != current or at == moments[-1]:
                rows.append([utc_minute(datetime.fromtimestamp(at, UTC)), *current])
        return headings, rows

    def show_timeline(self, campaign: Campaign | None, timeline: Timeline,
                      absent: str | None = None) -> None:
        """The lines of ``campaign`` over ``timeline``; ``absent`` is the title for a
        campaign the run does not have."""
        self._drawn: tuple[str, int, int, int] | None = None
        self._data = {}
        self._shown = (campaign, timeline, absent) if campaign is not None else None
        self.campaign_name = campaign.name if campaign is not None else ""
        if campaign is None or not timeline:
            self.all_nodes = []
            self._set_lines([], None)
            self._show_axes(False)
            self._set_title(absent or "Run a scenario to see its contacts over time")
            return
        every = flow_order(campaign)
        self.all_nodes = list(zip(every, [campaign.node(n).kind for n in every],
                                  unique_names([campaign.node(n).name for n in every]),
                                  strict=True))
        nodes = self.charted(campaign.id)
        if not nodes:
            self._set_lines([], None)
            self._show_axes(False)
            self._set_title(f"{campaign.name} has no goals or sequences to chart yet")
            return
        self._show_axes(True)
        self._set_lines(nodes, campaign)
        title = f"{campaign.name}: contacts over time (UTC)"
        if len(nodes) < len(every):  # said, not left to look like nodes nobody reached
            title += f", {len(nodes):,} of {counted(len(every), 'node')}"
        self._set_title(title)
        biggest = 0
        for node_id in nodes:
            kind = campaign.node(node_id).kind
            values = [(at, line_value(kind, counts.get(node_id, {}))) for at, counts in timeline]
            biggest = max([biggest, *(v for _at, v in values)])
            self.lines[node_id].replace([QPointF(axis_ms(at), v) for at, v in steps(values)])
        self._set_time_axis(timeline[0][0], timeline[-1][0])
        self._name_lines()  # the axis's end label may have narrowed the legend
        self._set_scale(biggest)
        self._drawn = (campaign.id, timeline[0][0], timeline[-1][0], biggest)

    def follow(self, campaign: Campaign | None, at: int,
               counts: dict[str, dict[str, int]]) -> bool:
        """Brings the lines drawn by :meth:`show_timeline` up to the clock ``at`` with the
        counts now, cheaply (a point or two per line, not the whole history): called on
        each step of a playing run, so the chart's end keeps up with the clock and the
        nodes' badges between two full redraws. False when there is nothing of this
        campaign drawn to extend (a full redraw is wanted)."""
        drawn = self._drawn
        if campaign is None or drawn is None or drawn[0] != campaign.id or at < drawn[2] \
                or any(campaign.node(n).kind != k for n, k, _name in self._key
                       if campaign.has_node(n)) \
                or not all(campaign.has_node(n) for n in self.lines):
            return False
        if at == drawn[2]:
            return True
        x = axis_ms(at)
        biggest = drawn[3]
        self._data = {}
        for node_id, series in self.lines.items():
            value = line_value(campaign.node(node_id).kind, counts.get(node_id, {}))
            biggest = max(biggest, value)
            count = series.count()
            if count == 0:
                series.append(QPointF(x, value))
                continue
            last = series.at(count - 1)
            if int(last.y()) != value:  # a step up or down, now
                series.append(QPointF(x, last.y()))
                series.append(QPointF(x, value))
            elif count >= 2 and series.at(count - 2).y() == last.y() \
                    and series.at(count - 2).x() < last.x():
                series.replace(count - 1, QPointF(x, value))  # the flat end, longer
            else:
                series.append(QPointF(x, value))
        self._drawn = (drawn[0], drawn[1], at, biggest)
        self._set_time_axis(drawn[1], at)
        self._name_lines()
        if biggest > drawn[3]:
            self._set_scale(biggest)
        return True

    def charted(self, campaign_id: str) -> list[str]:
        """The nodes drawn as lines, in flow order: those the user chose in Lines (still in
        the campaign), then the first in flow order, MAX_LINES at most."""
        order = [node_id for node_id, _kind, _name in self.all_nodes]
        chosen = [n for n in self._choice.get(campaign_id, []) if n in order][:MAX_LINES]
        for node_id in order:
            if len(chosen) >= MAX_LINES:
                break
            if node_id not in chosen:
                chosen.append(node_id)
        return sorted(chosen, key=order.index)

    def choose_line(self, node_id: str) -> bool:
        """Draws the line of a node not drawn yet (chosen in Lines): in a free place, or
        in place of the first hidden line when MAX_LINES are drawn; False (nothing done)
        when they all show (hide one first) or nothing is on show."""
        if self._shown is None or node_id in self.lines:
            return False
        campaign = self._shown[0]
        lines = list(self.lines)
        if len(lines) >= MAX_LINES:
            hidden = [n for n in lines if n in self.hidden]
            if not hidden:
                return False
            lines.remove(hidden[0])
            self.hidden.discard(hidden[0])
            looks = self._looks.setdefault(campaign.id, {})
            if hidden[0] in looks:  # drawn in its place: in its colour (and its style)
                looks[node_id] = looks.pop(hidden[0])
        self._choice[campaign.id] = [*lines, node_id]
        self.show_timeline(*self._shown)
        return True

    def free_places(self) -> bool:
        """Whether a node not drawn can be drawn now (see choose_line)."""
        return len(self.lines) < MAX_LINES or any(n in self.hidden for n in self.lines)

    def _set_time_axis(self, first: int, last: int) -> None:
        """From a round tick to the run's end (or its clock, while it runs): labels on
        round ticks, none past the end (see axis_labels)."""
        start, labels = axis_labels(first, last, apart=END_LABEL_APART)
        end = max(last, start + 60)
        key = (start, end, tuple(labels))
        if key == self._axis_key:
            return
        self._axis_key = key
        axis = self._axis_x
        for label in axis.categoriesLabels():
            axis.remove(label)
        # Labels sit at the ends of categories: the first, at the start, ends just there.
        axis.setStartValue(axis_ms(start) - 1)
        for at, label in labels:
            axis.append(label, axis_ms(at))
        axis.setRange(axis_ms(start), axis_ms(end))
        # The last label is centred on the axis's end: room for its right half.
        metrics = QFontMetricsF(axis.labelsFont())
        self._end_overhang = int(metrics.horizontalAdvance(labels[-1][1]) / 2) + END_LABEL_GAP
        self._place_legend()

    def _show_axes(self, shown: bool) -> None:
        """No lines, no axes: an empty chart must not keep an earlier run's times."""
        for axis in (self._axis_x, self._axis_y):
            axis.setVisible(shown)
        if not shown:
            for label in self._axis_x.categoriesLabels():
                self._axis_x.remove(label)
            self._axis_key = ()
            self._axis_x.setRange(0.0, 3600 * 1000.0)
            self._set_scale(0)

    def _set_scale(self, biggest: int | None = None) -> None:
        """The count axis for ``biggest`` (by default the last one), with as many ticks as
        the plot's height holds their numbers."""
        if biggest is not None:
            self._biggest = biggest
        self._steady.apply(self._set_count_scale)

    def _set_count_scale(self) -> None:
        """The count axis from the plot's height now, settling (see SteadyScale): in a
        short chart the plot's height changed with the axis's numbers and the numbers with
        it, for good (QA: the window hung)."""
        metrics = QFontMetricsF(self._axis_y.labelsFont())
        chart = self.chart()
        margins = chart.margins()
        # no more than the chart holds (Qt Charts gave a plot 259 px tall in a 60 px chart
        # too short for its axis's numbers)
        room = min(chart.plotArea().height(),
                   chart.size().height() - margins.top() - margins.bottom())
        size = self.size()
        set_count_scale(self._axis_y, self._biggest, room, metrics.height(), LINE_ROOM,
                        steady=self._steady,
                        state=(size.width(), size.height(), self.beside, self.grid,
                               self.bare, self.heading, chart.legend().font().pointSizeF()))

    def _set_lines(self, nodes: list[str], campaign: Campaign | None) -> None:
        """One line per node; rebuilt only when the nodes or their names change (a legend
        rebuilt on every refresh would never settle)."""
        # names told apart among all the campaign's nodes, as Lines lists them
        known = {node_id: (kind, name) for node_id, kind, name in self.all_nodes}
        if campaign is not None:
            kinds = [campaign.node(n).kind for n in nodes]
            names = [known.get(n, ("", campaign.node(n).name))[1] for n in nodes]
        else:
            kinds, names = [], []
        key = tuple(zip(nodes, kinds, names, strict=True))
        if key != self._key:
            self._build_lines(key)
        self._name_lines()

    def _build_lines(self, key: tuple[tuple[str, str, str], ...]) -> None:
        chart = self.chart()
        for series in self.lines.values():
            chart.removeSeries(series)
        self.lines = {}
        self.pens = {}
        self.shapes = {}
        self._data = {}
        self._forward = None
        campaign_id = self._shown[0].id if self._shown is not None else ""
        looks = assign_looks([(node_id, kind) for node_id, kind, _name in key],
                             self._looks.get(campaign_id, {}),
                             {True: len(SEQUENCE_DASHES), False: len(GOAL_SHAPES)})
        self._looks[campaign_id] = looks
        for node_id, kind, _name in key:
            series = QLineSeries()
            chart.addSeries(series)
            series.attachAxis(self._axis_x)
            series.attachAxis(self._axis_y)
            colour_index, style, _sequence = looks[node_id]
            pen = line_pen(kind, QColor(LINE_COLOURS[colour_index]), style)
            if kind != "sequence":
                self.shapes[node_id] = GOAL_SHAPES[style]
            series.setPen(pen)
            # pointing at a line names it (the plot alone has no legend to read)
            series.hovered.connect(lambda _at, on, s=series: self.line_hovered(s, on))
            self.lines[node_id] = series
            self.pens[node_id] = pen
        self._key = key
        self._names_key = ()
        for node_id, series in self.lines.items():
            for marker in chart.legend().markers(series):
                marker.hovered.connect(lambda on, m=marker: self.highlight(m.series(), on))
                marker.clicked.connect(lambda m=marker: self._toggle(m))
                shape = self.shapes.get(node_id)
                if shape is not None:  # a goal: its shape, as its marks on the plot
                    marker.setShape(shape)
                    marker.setBrush(QBrush(QColor(self.pens[node_id].color().rgb())))
                    marker.setPen(QPen(Qt.PenStyle.NoPen))
        self.hidden &= set(self.lines)
        for node_id in sorted(self.hidden):  # hidden still, drawn again
            self.show_line(node_id, False)

    def _set_title(self, title: str) -> None:
        self.title = title
        self.arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Not QChartView's: it sets the view's minimum to the largest its chart ever asked
        # for and never lowers it, so once the chart had been tall (its title and legend
        # over and under the plot, 87 px) a panel shorter than that cut the chart's bottom
        # off, the dates in half (QA).
        QGraphicsView.resizeEvent(self, event)
        self.fit_chart()

    def fit_chart(self) -> None:
        """The chart as wide and tall as the view's viewport, arranged for that room; never
        shorter than Qt Charts can lay it out (its labels whole): in a shorter panel it
        keeps that height and the view scrolls, rather than cut its text."""
        room = self.viewport().size()
        if self.minimumHeight() != 1:
            self.setMinimumHeight(1)  # the panel's tab may be shorter: the chart scrolls
        chart = self.chart()
        chart.resize(QSizeF(room))  # no shorter than its layout's least (Qt's)
        self.arrange()
        least = chart.effectiveSizeHint(Qt.SizeHint.MinimumSize)
        if self.minimumWidth() < least.width():
            self.setMinimumWidth(math.ceil(least.width()))
        tall = max(float(room.height()), least.height(),
                   math.ceil(self.least_height()) if self.lines else 0.0)
        size = QSizeF(room.width(), tall)
        if chart.size() != size:
            chart.resize(size)
        if self.sceneRect() != chart.geometry():
            self.setSceneRect(chart.geometry())
            # placed while the scene was the size before (the view centred it: the title
            # and its note sat off the plot, past the chart's right end when it widened)
            self.heading_label.place()
        # Laid out again for this size: Qt Charts sometimes kept the plot of the size
        # before (resized from 104 px to 84, its plot stayed 63 px tall, the dates under
        # it past the chart's bottom: QA saw their top half).
        chart.layout().invalidate()
        legend = chart.legend().layout()
        if legend is not None:  # its entries too (shown again after the plot alone, a
            legend.invalidate()  # grid of them kept the widths of a hidden legend's)
        self._cut_check.start()  # once laid out: a name Qt Charts cut is measured again

    def _mend_cut_names(self) -> None:
        """A name Qt Charts cut though its column has room ("(achiev...": regression QA,
        one time in six after a picture of the plot alone and a campaign switched): the
        legend measured again, once for this size (it cannot go round for good)."""
        legend = self.chart().legend()
        size = self.size().toTuple()
        if self._mended_at == size or not legend.isVisible() \
                or not legend.isAttachedToChart():
            return
        if cut_by_qt(legend, {line.name() for line in self.lines.values()}):
            self._mended_at = size
            remeasure(legend)

    def highlight(self, series: object, on: bool, tip: bool = True) -> None:
        """One line forward (wider, the others and their marks faded), or all as they
        were; with ``tip``, the hovered name shows in full beside the pointer."""
        self._forward = None
        for node_id, line in self.lines.items():
            if on and line is series:
                self._forward = node_id
            if tip and on and line is series \
                    and self.full_names.get(node_id, "") != line.name():
                QToolTip.showText(QCursor.pos(), self.full_names[node_id], self)
            pen = QPen(self.pens[node_id])
            if on and line is series:
                colour = pen.color()
                colour.setAlphaF(1.0)
                pen.setColor(colour)
                pen.setWidthF(pen.widthF() + HOVERED_WIDER)
            elif on:
                colour = pen.color()
                colour.setAlphaF(FADED_ALPHA)
                pen.setColor(colour)
            line.setPen(pen)
        if not on and tip:
            QToolTip.hideText()
        self.viewport().update()  # the marks

    def line_hovered(self, series: QLineSeries, on: bool) -> None:
        """The pointer on a line, or off it: the line forward and its name in full beside
        the pointer (a legend shortens names, and a chart too short for one has none)."""
        self.highlight(series, on, tip=False)
        node_id = next((n for n, line in self.lines.items() if line is series), None)
        if on and node_id is not None:
            QToolTip.showText(QCursor.pos(), self.full_names.get(node_id, series.name()),
                              self)
        elif not on:
            QToolTip.hideText()

    def _toggle(self, marker: QLegendMarker) -> None:
        """A click on a name in the legend hides its line, or shows it again."""
        series = marker.series()
        node_id = next(n for n, line in self.lines.items() if line is series)
        self.show_line(node_id, not series.isVisible())

    def show_line(self, node_id: str, shown: bool) -> None:
        """Shows or hides a line (and its marks); its name stays in the legend, struck out
        while it is hidden, to click again. What a click on the name and the Lines entry
        do."""
        series = self.lines[node_id]
        series.setVisible(shown)
        if shown:
            self.hidden.discard(node_id)
        else:
            self.hidden.add(node_id)
        for marker in self.chart().legend().markers(series):
            marker.setVisible(True)  # the name stays, greyed, to click again
            font = marker.font()
            font.setStrikeOut(not shown)
            marker.setFont(font)
        self.viewport().update()

    def _add_lines_menu(self, menu: QMenu) -> None:
        """The chart menu's Lines (see add_lines_menu)."""
        self.lines_menu = add_lines_menu(self, menu, MAX_LINES)

    def values(self, node_id: str) -> list[tuple[int, int]]:
        """(seconds since the epoch, value) of one node's line, for tests."""
        series = self.lines[node_id]
        return [(from_axis_ms(p.x()), int(p.y())) for p in series.points()]

