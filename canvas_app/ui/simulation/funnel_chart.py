"""A bar chart of the campaign on show, node by node in flow order, as the run goes on."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QLocale, QMargins, QPoint, Qt
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractSlider,
    QFrame,
    QGraphicsView,
    QGridLayout,
    QScrollArea,
    QToolTip,
    QWidget,
)

from ...domain.campaign import Campaign
from ..theme import KIND_COLOURS
from .chart_export import ChartExport, Table, paint_focus
from .chart_heading import ChartHeading
from .chart_legend import ChartLegend
from .chart_pins import ChartPins
from .picture_stage import rows_in_full
from .words import COMPLETED, LEFT_EARLY, capitalised

MAX_BARS = 24
LABEL_WIDTH = 200.0  # a row's label at most (px): longer names are shortened in the middle
# The chart's height less its plot's (px, Qt Charts 6.11 with the chart's layout margins
# off, to spare; the legend is not in the chart, see ChartLegend): Qt Charts' title above
# the plot; no title, and no margin above or below the plot (the axis's numbers only; a
# heading over the plot adds its room, see ChartHeading).
TITLE_CHROME = 50
PLAIN_CHROME = 26
TITLE_MARGINS, PLAIN_MARGINS = QMargins(4, 4, 4, 4), QMargins(4, 0, 4, 0)

# What each bar adds up: for a sequence, where its contacts are (in it now, completed,
# left early); for a goal, achieved and waiting. Each colour at least 3:1 against the white
# plot (WCAG's least for graphics; QA: "Left early" #c3cad3 was 1.65:1, "Completed" #9ab6ee
# 2.04:1, "Waiting at a goal" #e0b25b 1.96:1), in its kind's family: blues and a blue-grey
# for a sequence (the sequence's own blue, the canvas's, for those in it now), the purchase
# goal's green for achieved, amber for waiting. Two parts side by side are told apart by a
# white gap (SEGMENT_GAP), not by their colours' contrast alone.
SERIES = (
    ("In a sequence now", KIND_COLOURS["sequence"],
     lambda kind, c: c.get("active", 0) if kind == "sequence" else 0),
    (capitalised(COMPLETED), "#1e3a8a", lambda kind, c: c.get("completed", 0) if kind == "sequence"
     else 0),
    (capitalised(LEFT_EARLY), "#6b7a90", lambda kind, c: c.get("removed", 0)
     if kind == "sequence" else 0),
    ("Achieved", KIND_COLOURS["purchase_goal"],
     lambda kind, c: c.get("achieved", 0) if kind != "sequence" else 0),
    ("Waiting at a goal", "#b07a00", lambda kind, c: c.get("waiting", 0) if kind != "sequence"
     else 0),
)
# px: each part's border, in the plot's white. 2, not 1: a 1 px border, smoothed, fell
# across two pixels, and the gap showed grey (#d7dbe1 between a blue-grey and a navy part)
SEGMENT_GAP = 2.0


def flow_order(campaign: Campaign) -> list[str]:
    """Node ids left to right (then top to bottom), as the flow reads on the canvas."""
    return sorted(campaign.graph.nodes, key=lambda n: (campaign.node(n).x, campaign.node(n).y))


def count_scale(biggest: int, most: int = 6) -> tuple[int, int]:
    """(top, tick count) for a count axis from 0 that shows ``biggest``: whole-number ticks
    1, 2 or 5 times a power of ten apart, at most ``most`` of them (2 at least), ending at
    the first tick at or past ``biggest`` (0..1 for nothing yet). No tick is a fraction (half
    a contact), none stands far past the data (0..5 for a biggest count of 1)."""
    biggest = max(biggest, 1)
    most = max(most, 2)
    step = 1
    while True:
        for factor in (1, 2, 5):
            size = step * factor
            top = -(-biggest // size) * size
            if top // size + 1 <= most:
                return top, top // size + 1
        step *= 10


def most_ticks(room: float, label: float) -> int:
    """How many ticks an axis ``room`` px long holds with a label ``label`` px long (along
    the axis) at each and as much room again between two: at most six, two at least (Qt
    Charts leaves out labels that would touch, and left 5, 4, 2, 0 of six in a short
    plot)."""
    if room <= 0 or label <= 0:
        return 6
    return max(2, min(6, int(room // (2 * label)) + 1))


Scale = tuple[int, int, float, float]  # a count axis's (top, ticks, low end, high end)
# Scales one SteadyScale takes in one state of its chart before it keeps one for good
STEADY_TRIES = 6


class SteadyScale:
    """What set_count_scale chose for one state of a chart (its size, the count...), so
    that the chart settles: the plot's room depends on the axis's numbers (their width,
    and how Qt Charts lays out a plot too short for them), which depend on the scale
    chosen from that room. In a small chart the two went back and forth for good, each
    change of scale changing the plot again inside Qt's own resize (QA: the window hung,
    its CPU busy). A scale chosen again after another one in the same state (a cycle), or
    more than STEADY_TRIES scales in it, and the one with the fewest ticks of those tried
    stays until the state changes."""

    def __init__(self) -> None:
        self.state: object = None
        self.tried: list[Scale] = []
        self.kept: Scale | None = None
        self.busy = False  # setting the axis now (see apply)
        self.again = False  # the plot changed while it did

    def apply(self, set_scale: Callable[[], None]) -> None:
        """Calls ``set_scale`` (which calls set_count_scale with this) and again, from the
        plot as it then is, while setting the axis changed the plot (Qt Charts lays the
        chart out again at once, and the plot's change called set_scale inside itself: the
        outer call then finished with the room it had measured before, undoing the inner
        one's scale); a few times at most."""
        if self.busy:
            self.again = True
            return
        self.busy = True
        try:
            for _time in range(STEADY_TRIES + 2):
                self.again = False
                set_scale()
                if not self.again:
                    break
        finally:
            self.busy = False

    def choose(self, state: object, wanted: Scale) -> Scale:
        """``wanted``, or the scale kept in ``state`` (see the class)."""
        if state != self.state:
            self.state, self.tried, self.kept = state, [], None
        if self.kept is not None:
            return self.kept
        if self.tried and wanted == self.tried[-1]:
            return wanted
        if wanted in self.tried or len(self.tried) >= STEADY_TRIES:
            self.kept = min([*self.tried, wanted], key=lambda scale: (scale[1], scale[0]))
            return self.kept
        self.tried.append(wanted)
        return wanted


def set_count_scale(axis: QValueAxis, biggest: int, room: float, label: float,
                    pad: float = 0.0, steady: SteadyScale | None = None,
                    state: object = None) -> None:
    """The axis from 0 to a whole number at or past ``biggest``, whole-number ticks as many
    as its ``room`` holds (see most_ticks). ``pad`` px: room past both ends of the range,
    in the axis's units (Qt Charts clips a line at the plot's edge: a line 5 px wide at
    the top value or at 0 showed half its width, and one at 0 hid in the axis); the ticks
    then go from 0 by a whole step (dynamic ticks), none in the padding. With ``steady``,
    the scale settles in one ``state`` of the chart (see SteadyScale)."""
    top, ticks = count_scale(biggest, most_ticks(room - 2 * pad, label))
    low, high = 0.0, float(top)
    if pad > 0 and room > 4 * pad:
        extra = pad * top / (room - 2 * pad)  # pad px at the scale the plot then has
        low, high = -extra, top + extra
    if steady is not None:
        top, ticks, low, high = steady.choose((state, biggest, pad), (top, ticks, low, high))
    # With dynamic ticks, the range and the step never make thousands of ticks between
    # them, not even for a moment: a wider step goes first, a narrower one after the range
    # (QA 22: from 0-3 by 1 to 0-200,000, Qt Charts made 200,000 tick items and the window
    # froze for good).
    step = top // (ticks - 1) if pad > 0 else None
    if step is not None and step > axis.tickInterval():
        axis.setTickInterval(step)
    if axis.min() != low or axis.max() != high:
        axis.setRange(low, high)
    if step is not None:
        if axis.tickInterval() != step:
            axis.setTickInterval(step)
        if axis.tickType() != QValueAxis.TickType.TicksDynamic:
            axis.setTickType(QValueAxis.TickType.TicksDynamic)
            axis.setTickAnchor(0)
    if axis.tickCount() != ticks:
        axis.setTickCount(ticks)


def axis_ticks(axis: QValueAxis) -> list[float]:
    """The values an axis set by set_count_scale has its ticks (and numbers) at."""
    if axis.tickType() != QValueAxis.TickType.TicksDynamic:
        count = axis.tickCount()
        span = axis.max() - axis.min()
        return [axis.min() + span * i / (count - 1) for i in range(count)]
    step, anchor = axis.tickInterval(), axis.tickAnchor()
    first = anchor + math.ceil((axis.min() - anchor) / step) * step
    return [first + i * step for i in range(int((axis.max() - first) // step) + 1)]


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
    # Repainted whole at each change: Qt Charts does not mark the room an axis label left
    # when the labels widen as a run's counts grow, and bits of the old ones stayed beside
    # the new ("ı0" by the 0) until the tab was shown again (regression QA). A chart of a
    # few hundred px repaints whole in well under a millisecond, a few times a second.
    view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
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


_Slider = QAbstractSlider.SliderAction
SCROLL_KEYS = {Qt.Key.Key_Down: _Slider.SliderSingleStepAdd,
               Qt.Key.Key_Up: _Slider.SliderSingleStepSub,
               Qt.Key.Key_PageDown: _Slider.SliderPageStepAdd,
               Qt.Key.Key_PageUp: _Slider.SliderPageStepSub,
               Qt.Key.Key_Home: _Slider.SliderToMinimum,
               Qt.Key.Key_End: _Slider.SliderToMaximum}


class BarView(QChartView):
    """The bars; as tall as its rows need (the scroll area around it scrolls)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Full names and numbers of each row (bottom-up, as the categories), for tooltips.
        self.rows: list[tuple[str, str, dict[str, int]]] = []
        self.series: QHorizontalStackedBarSeries | None = None
        self.export: ChartExport | None = None  # set by FunnelChart

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # The focus frame (where Ctrl+C and the Menu key act), not in a copy of the chart.
        if self.hasFocus() and (self.export is None or not self.export.painting):
            painter = QPainter(self.viewport())
            paint_focus(self, painter, self.viewport().rect())
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Up, Down, Page Up, Page Down, Home and End scroll the rows of a chart taller
        than its panel (the scroll area round the bars is no Tab stop of its own, so they
        would scroll only with the mouse)."""
        step = SCROLL_KEYS.get(event.key())
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        bar = area.verticalScrollBar() if area is not None else None
        if step is None or bar is None or bar.maximum() == 0 \
                or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        bar.triggerAction(step)
        event.accept()

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
    shortened in the middle (the tooltip gives them in full). In a short panel the legend
    goes beside the plot, in columns if need be, and then the title out of Qt Charts'
    title into a line over the plot (``heading``, see ChartHeading: less room) and the rows
    closer together, so the rows, their axis and the legend stay in view (QA: the legend
    half cut at 1280x800, axis and legend a scroll away at 1024x700, then still 18 px away
    with a notice above the tabs); a chart too short for that heading too leaves it out;
    only rows that do not fit even so make the chart grow and scroll, rather than go
    unlabelled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationChartArea")
        # Not a stop of its own on Tab: the bars' view inside takes the keys (QA: an unnamed
        # stop before "Contacts per node"); named for whoever walks the window's parts.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Contacts per node, scrolling area")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view = BarView()
        chart = set_up_chart(self.view, "simulationChart")
        # The legend: beside the plot in as many columns as the height needs, or under it
        # (Qt Charts' own has one entry on a line of 22 px).
        chart.legend().hide()
        self.legend_box = ChartLegend()
        self.beside = True  # the legend beside the plot (else under it)
        self.body = QWidget()  # the bars and their legend, on one white (the chart's
        # own, in Qt Charts' light theme, but drawn as a gradient with rounded corners)
        self.body.setObjectName("simulationChartBody")
        white = QColor(Qt.GlobalColor.white)
        chart.setBackgroundBrush(white)
        chart.setBackgroundRoundness(0)
        palette = self.body.palette()
        palette.setColor(QPalette.ColorRole.Window, white)
        palette.setColor(QPalette.ColorRole.WindowText, chart.titleBrush().color())
        self.body.setPalette(palette)
        self.body.setAutoFillBackground(True)
        self._grid = QGridLayout(self.body)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(0)
        self._grid.addWidget(self.view, 0, 0)
        self._grid.addWidget(self.legend_box, 0, 1, Qt.AlignmentFlag.AlignTop)
        self._grid.setColumnStretch(0, 1)
        self._grid.setRowStretch(0, 1)
        self.setWidget(self.body)
        self._key: tuple[str, ...] = ()
        self._sets: list[QBarSet] = []
        self._axis_x = QValueAxis()
        # counts with thousands separators, as the pills and the panel write them ("50,000";
        # QA 22c: the axis read 50000 beside pills of 46,762); Qt Charts groups digits only
        # for a chart whose numbers follow a locale, and then only with %f
        chart.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        chart.setLocalizeNumbers(True)
        self._axis_x.setLabelFormat("%.0f")
        self._axis_y = QBarCategoryAxis()
        for axis in (self._axis_x, self._axis_y):
            # Qt Charts shortens labels it thinks do not fit to "…" (in a short panel, all
            # of them); the names are shortened here, to a width that leaves room for bars.
            axis.setTruncateLabels(False)
        chart.addAxis(self._axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._axis_y, Qt.AlignmentFlag.AlignLeft)
        self._biggest = 0  # the longest bar's count
        self._steady = SteadyScale()  # the count axis settles (see SteadyScale)
        chart.plotAreaChanged.connect(lambda _rect: self._set_scale())
        # Qt's 9 px round the chart's parts: rows of plot in a short panel instead.
        chart.layout().setContentsMargins(0, 0, 0, 0)
        self.labels: list[str] = []  # the row labels as drawn, top to bottom
        self.full_labels: list[str] = []  # the rows' names in full, bottom-up (a picture's)
        self.campaign_name = ""  # the campaign charted ("": none)
        self.rows = 0
        self.title = ""  # the chart's title, in it or as the heading
        self.heading = ""  # the title over the plot, out of Qt Charts' title ("": none)
        self.heading_label = ChartHeading(self.view, "simulationChartHeading")
        self.view.setAccessibleName("Contacts per node")
        # The bars and their legend, copied and saved as one picture; the bars' view takes
        # the keys (Ctrl+C, Menu), the menu opens anywhere on the chart.
        self.export = ChartExport(self.view, self.body, "Contacts per node", lambda: self.title,
                                  self.table, anchor=self.viewport(),
                                  stage=lambda: rows_in_full(self),
                                  campaign=lambda: self.campaign_name)
        self.view.export = self.export
        # The legend and the count axis, kept in view while the rows scroll.
        self.pins = ChartPins(self, self._axis_x)
        self._fit_rows(0)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """A right-click on the legend or round the plot: the chart's menu too."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.export.menu_from_keyboard()
        else:
            self.export.show_menu(event.globalPos())
        event.accept()

    def chart(self) -> QChart:
        return self.view.chart()

    def row_height(self) -> int:
        """Room for one row: its label with space around it (Qt Charts leaves out labels
        that would touch)."""
        return int(QFontMetricsF(self._axis_y.labelsFont()).height() * 1.3) + 4

    def row_least(self) -> int:
        """The least room for one row in a short panel: its label and 3 px (Qt Charts
        drew all three labels of the sample 16 px apart, one of them 14 px apart)."""
        return math.ceil(QFontMetricsF(self._axis_y.labelsFont()).height()) + 3

    def _fit_rows(self, rows: int) -> None:
        """At least as tall as the rows, close together, and the axis need (the title
        beside the tabs, the legend beside them); it scrolls only in a panel shorter than
        that."""
        self.rows = rows
        self.view.setMinimumHeight(PLAIN_CHROME + max(rows, 1) * self.row_least())
        self.arrange()

    def legend_entries(self) -> int:
        """The legend's entries: the parts of a bar that some bar has (once a run ended,
        nobody is in a sequence now; the legend need not give that colour a line)."""
        series = self.view.series
        return len(series.barSets()) if series is not None else len(SERIES)

    def _show_legend(self) -> None:
        series = self.view.series
        sets = series.barSets() if series is not None else []
        self.legend_box.set_entries([(bar_set.label(), bar_set.color().name())
                                     for bar_set in sets])

    def _compact_legend(self) -> None:
        """Each part in the series, and so in the legend, only while some bar has it (at
        least one, so the legend says what the bars are); the chart's height follows."""
        series = self.view.series
        if series is None:
            return
        wanted = [bar_set for bar_set in self._sets if bar_set.sum() > 0] or self._sets[:1]
        if series.barSets() == wanted:
            return
        for bar_set in series.barSets():
            series.take(bar_set)
        series.append(wanted)
        self._show_legend()
        self._fit_rows(self.rows)

    def arrange(self) -> None:
        """The title above the plot and the legend on one line under it while the rows
        fit, well apart; else the legend beside the plot, in as many columns as the height
        needs; else the title out of Qt Charts' title too, into a line over the plot (as
        ``heading``), the rows closer; no title at all when even that leaves the rows less
        than row_least each."""
        chart = self.chart()
        height = self.viewport().height()
        plot = max(self.rows, 1) * self.row_height()
        legend = self.legend_box
        beside = bool(self.rows) and (
            height < TITLE_CHROME + plot + legend.height_for(1)
            or legend.width_for(1) > self.viewport().width())
        inside = not beside or height >= TITLE_CHROME + plot
        legend.set_lines(legend.lines_in(height) if beside else 1)
        if beside != self.beside:
            self.beside = beside
            self._grid.removeWidget(legend)
            if beside:
                self._grid.addWidget(legend, 0, 1, Qt.AlignmentFlag.AlignTop)
            else:
                self._grid.addWidget(legend, 1, 0, Qt.AlignmentFlag.AlignHCenter)
        shown = self.title if inside else ""
        if chart.title() != shown:
            chart.setTitle(shown)
        room = self.heading_label.room()
        over = not inside and height >= PLAIN_CHROME + room + max(self.rows, 1) * self.row_least()
        margins = TITLE_MARGINS if inside else QMargins(PLAIN_MARGINS)
        if over:
            margins.setTop(room)
        if chart.margins() != margins:
            chart.setMargins(margins)
        self.heading = self.title if over else ""
        self.heading_label.show_text(self.heading)
        self.pins.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def show_counts(self, campaign: Campaign | None, counts: dict[str, dict[str, int]],
                    absent: str | None = None) -> None:
        """The bars of ``campaign``; ``absent`` is the title for a campaign the run does
        not have."""
        self.campaign_name = campaign.name if campaign is not None else ""
        nodes = flow_order(campaign)[:MAX_BARS] if campaign is not None else []
        full = [campaign.node(n).name for n in nodes] if campaign else []
        # the campaign's name too: it is in the title (QA: a renamed campaign's chart kept
        # the old name, also in the pictures copied and saved for slides)
        key = (campaign.id if campaign else absent or "", campaign.name if campaign else "",
               *nodes, *full)
        if key != self._key:
            metrics = QFontMetricsF(self._axis_y.labelsFont())
            self.labels = elide_names(full, metrics, LABEL_WIDTH)
            self.full_labels = list(reversed(unique_names(full)))  # bottom-up, as the axis
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
            for part in (self._axis_x, self._axis_y, self.legend_box):
                part.setVisible(bool(nodes))
            self.title = title
            self.arrange()
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
        self._compact_legend()

    def _set_scale(self, biggest: int | None = None) -> None:
        """The count axis for ``biggest`` (by default the last one), with as many ticks as
        the plot's width holds their numbers."""
        if biggest is not None:
            self._biggest = biggest
        self._steady.apply(self._set_count_scale)
        self.pins.update()

    def _set_count_scale(self) -> None:
        metrics = QFontMetricsF(self._axis_x.labelsFont())
        top, _ticks = count_scale(self._biggest)
        size = self.view.size()
        set_count_scale(self._axis_x, self._biggest, self.chart().plotArea().width(),
                        metrics.horizontalAdvance(f"{top:,}"), steady=self._steady,
                        state=(size.width(), size.height(), self.rows, self.beside,
                               self.heading))

    def values(self) -> dict[str, list[float]]:
        """What the bars show, per series (bottom-up), for tests and screen readers."""
        return {bar_set.label(): [bar_set.at(i) for i in range(bar_set.count())]
                for bar_set in self._sets}

    def table(self) -> Table:
        """The bars' numbers, a row per node top to bottom (its full name), a column per
        part of a bar: what Copy Data copies."""
        headings = ["Node", *(label for label, _colour, _pick in SERIES)]
        rows: list[list[object]] = []
        for index in reversed(range(len(self.view.rows))):
            name = self.view.rows[index][0]
            rows.append([name, *(int(bar_set.at(index)) for bar_set in self._sets)])
        return headings, rows

    def _rebuild(self, nodes: list[str], names: tuple[str, ...]) -> None:
        chart = self.chart()
        if self.view.series is not None:
            chart.removeSeries(self.view.series)
        series = QHorizontalStackedBarSeries()
        self._sets = []
        for label, colour, _pick in SERIES:
            bar_set = QBarSet(label)
            bar_set.setColor(QColor(colour))
            # a white edge round each part: a gap between two parts side by side
            bar_set.setPen(QPen(QColor(Qt.GlobalColor.white), SEGMENT_GAP))
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
        self._show_legend()
