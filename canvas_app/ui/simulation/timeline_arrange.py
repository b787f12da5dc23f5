"""How the Over Time chart arranges itself in the room it has: its title above and its
legend below the plot while that leaves the plot MIN_PLOT px; in a short panel the legend
beside the plot (in a smaller font if need be) and the title in a line over the plot; too
short for either, the plot alone. Names that one row or one column cannot hold whole (QA:
ten lines in a row under the plot read "B…k (achieved)") go in a grid of rows and columns
under the plot, or beside it in a short panel (see plan_grid). The legend's names are
shortened to the room it has, if they must be."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from .funnel_chart import unique_names
from .legend_measure import remeasure, strike_hidden
from .timeline_legend import ELLIPSIS, legend_names, line_name, telling_start
from .timeline_lines import LINE_ROOM

if TYPE_CHECKING:
    from PySide6.QtCharts import QCategoryAxis, QChart, QLineSeries, QValueAxis

    from .chart_heading import ChartHeading

# Sizes in the legend's font, measured on Qt Charts 6.11 at 9 and 14 pt (DejaVu Sans), with
# a little to spare: what the legend adds to each entry's text (its colour box, spacing, the
# text's margins) and to the row (its ends), in px and font heights (its box is half one);
# a name's line beside the plot (the text's height and 8 px: 22 px at 9 pt, 31 at 14).
LEGEND_ENTRY_EXTRA = (18.0, 0.5)
LEGEND_ROW_EXTRA = (21.0, 0.5)
LEGEND_LINE_EXTRA = 8
# What Qt Charts' own column beside the plot takes of its width besides each entry's text:
# its layout's margins, the entry's piece of line and its spacing (measured at 7, 9, 11 and
# 14 pt: 51 to 54 px from the column's left to the text, its contents margin included, and
# 12 to 15 px after it; QA at 7 pt: LEGEND_ROW_EXTRA's 26 px let Qt cut "… (in...")
LEGEND_COLUMN_EXTRA = (36.0, 0.5)
LEGEND_BESIDE_CHROME = 6  # px of a chart's height a legend beside its plot cannot use
# A plot this tall at least (px): when the title above it and the legend below would leave
# less (a short panel), the legend goes beside the plot and the title, in a line of its own
# over the plot (see ChartHeading), takes less room than Qt Charts' own.
MIN_PLOT = 120
LEAST_PLOT = 40  # px: a plot under its title and legend less tall, and none beside it fits:
# the plot alone
DATES_CHROME = (12.0, 1.0)  # the dates under the plot and their margins (px, font heights)
# The chart's height less its plot's with the title above the plot and the legend below it:
# four font heights (title, legend, dates and their spacing) and 36 px (92 px at 9 pt).
BELOW_CHROME = (36.0, 4.0)
LEGEND_COLUMN_SHARE = 0.38  # a legend beside the plot: at most this share of the width,
LEGEND_COLUMN_MOST = 28.0  # and at most this many font heights wide (about 400 px at 9 pt:
# "Bought shock or chemicals (achieved)" whole; QA: cut at 20 with room to spare)
# Beside a plot too short for its names one above another, the legend's font gets smaller,
# down to this many points, before the legend goes under the plot (QA at 14 pt: the third
# name was cut off at the chart's bottom).
LEGEND_LEAST_PT = 7.0
TOP_MARGIN = 2  # px above the plot's top label with no heading over the plot
BOTTOM_MARGIN = 2  # px under the dates with the legend in Qt Charts' own place
SIDE_MARGIN = 4  # px left and right of the chart
NUMBER_BOX = 4  # px a count's label takes over its font's height, and a little to spare
# A legend in a grid beside the plot: at most this share of the chart's width (the names
# shortened if need be), and names at least this many average characters wide, else none
LEGEND_GRID_SHARE = 0.5
LEGEND_GRID_MOST = 0.7  # names too short at LEGEND_GRID_SHARE: up to this share
LEGEND_GRID_LEAST_CHARS = 8
# What the plot alone says in place of its legend (in the heading's line, muted): long, and
# short for a narrow plot
BARE_NOTE = ("Names: point at a line, or make the panel taller", "Names: point at a line")


@dataclass(frozen=True)
class LegendGrid:
    """A legend of ``rows`` rows and ``columns`` columns (filled top to bottom), ``width``
    px wide, each name ``cap`` px wide at most; ``beside`` the plot, or under it."""

    beside: bool
    rows: int
    columns: int
    width: float
    cap: float


def grid_width(texts: list[float], rows: int, extra: float, cap: float) -> float:
    """The width of columns of ``rows`` entries each, top to bottom: each as wide as its
    widest name (``cap`` at most) and what the legend adds to an entry (``extra``)."""
    return sum(max(min(t, cap) for t in texts[i:i + rows]) + extra
               for i in range(0, len(texts), rows))


def in_font(size: tuple[float, float], metrics: QFontMetricsF) -> float:
    """A size given as (px, font heights), in px for this font."""
    return size[0] + size[1] * metrics.height()


def legend_line(metrics: QFontMetricsF) -> int:
    """The height of one name in a legend beside the plot, in px (Qt Charts 6.11)."""
    return math.ceil(metrics.height()) + LEGEND_LINE_EXTRA


class TimelineArrangement:
    """Mixed into :class:`~.timeline_chart.TimelineChart`, which sets these attributes."""

    lines: dict[str, QLineSeries]
    title: str
    heading: str
    heading_label: ChartHeading
    beside: bool
    bare: bool
    full_names: dict[str, str]
    _key: tuple[tuple[str, str, str], ...]
    _names_key: tuple
    _legend_font: QFont
    _legend_layout_margins: tuple[float, float, float, float] | None
    _end_overhang: int
    _axis_x: QCategoryAxis
    _axis_y: QValueAxis
    grid: LegendGrid | None

    chart: Callable[[], QChart]  # QChartView's
    height: Callable[[], int]  # QWidget's

    def _place_legend(self) -> None:
        """Room for the last date's right half past the plot's end: at the chart's right
        end, or before a legend beside the plot (it ran into the legend's names at 14
        pt); and a legend beside the plot as tall as the chart (its layout's margins above
        and below, 9 px each, cut its last name off at 14 pt: the names are centred in
        their column anyway)."""
        chart = self.chart()
        if self.grid is not None:
            self._place_grid(self.grid)
            return
        legend = chart.legend()
        if not legend.isAttachedToChart():
            legend.attachToChart()
            legend.setAlignment(Qt.AlignmentFlag.AlignRight if self.beside
                                else Qt.AlignmentFlag.AlignBottom)
        margins = chart.margins()
        right = SIDE_MARGIN if self.beside else max(self._end_overhang, SIDE_MARGIN)
        if margins.right() != right or margins.bottom() != BOTTOM_MARGIN:
            margins.setRight(right)
            margins.setBottom(BOTTOM_MARGIN)
            chart.setMargins(margins)
        left = self._end_overhang if self.beside else 0
        if legend.getContentsMargins()[0] != left:
            legend.setContentsMargins(left, 0, 0, 0)
        layout = legend.layout()
        if layout is not None:
            if self._legend_layout_margins is None:
                self._legend_layout_margins = layout.getContentsMargins()
            side, top, other_side, bottom = self._legend_layout_margins
            wanted = (side, 0.0, other_side, 0.0) if self.beside else (side, top, other_side,
                                                                       bottom)
            if layout.getContentsMargins() != wanted:
                layout.setContentsMargins(*wanted)

    def _place_grid(self, grid: LegendGrid) -> None:
        """A legend in a grid: taken out of Qt Charts' layout (which has one row or one
        column only; out of it, it fills columns top to bottom to its height), placed by
        hand under the plot (centred) or beside it (at the plot's top), with the chart's
        margin on that side made room for it."""
        chart = self.chart()
        legend = chart.legend()
        if legend.isAttachedToChart():
            legend.detachFromChart()
        if legend.alignment() != Qt.AlignmentFlag.AlignLeft:
            legend.setAlignment(Qt.AlignmentFlag.AlignLeft)
        if legend.getContentsMargins() != (0.0, 0.0, 0.0, 0.0):
            legend.setContentsMargins(0, 0, 0, 0)
        layout = legend.layout()
        if layout is not None and layout.getContentsMargins() != (0.0, 0.0, 0.0, 0.0):
            if self._legend_layout_margins is None:
                self._legend_layout_margins = layout.getContentsMargins()
            layout.setContentsMargins(0, 0, 0, 0)
        line = legend_line(QFontMetricsF(legend.font()))
        # half a line to spare: a column holds ``rows`` names, not one more
        height = grid.rows * line + line / 2
        size = chart.size()
        margins = chart.margins()
        if grid.beside:
            right = SIDE_MARGIN + math.ceil(grid.width) + self._end_overhang
            bottom = BOTTOM_MARGIN
            place = QRectF(size.width() - SIDE_MARGIN - grid.width, margins.top(),
                           grid.width, height)
        else:
            right = max(self._end_overhang, SIDE_MARGIN)
            bottom = BOTTOM_MARGIN + math.ceil(grid.rows * line)
            place = QRectF((size.width() - grid.width) / 2,
                           size.height() - BOTTOM_MARGIN - grid.rows * line,
                           grid.width, height)
        if margins.right() != right or margins.bottom() != bottom:
            margins.setRight(right)
            margins.setBottom(bottom)
            chart.setMargins(margins)
        if legend.geometry() != place:
            legend.setGeometry(place)
            legend.update()

    def plan_grid(self, height: int, below: float, short: bool) -> LegendGrid | None:
        """A grid for a legend whose names one row under the plot (in a chart not
        ``short``) or one column beside it cannot hold: under the plot, the fewest rows
        that hold the names whole and leave the plot MIN_PLOT px (``below``: its height
        with one row); else beside the plot, in as many columns as its height needs, at
        most LEGEND_GRID_SHARE of the width (names shortened to fit, none shorter than
        LEGEND_GRID_LEAST_CHARS), as many rows as the chart's height holds, while the plot
        beside it keeps LEAST_PLOT px under the title (a chart too short for a plot under
        a one-row legend too: QA, the plot alone named no line).
        None: Qt Charts' one row or column does, or nothing fits (the legend as before, or
        the plot alone)."""
        metrics = QFontMetricsF(self._legend_font)
        kinds = [kind for _n, kind, _name in self._key]
        names = unique_names([name for _n, _k, name in self._key])
        texts = [metrics.horizontalAdvance(line_name(k, n))
                 for k, n in zip(kinds, names, strict=True)]
        if not texts:
            return None
        extra = in_font(LEGEND_ENTRY_EXTRA, metrics)
        row_extra = in_font(LEGEND_ROW_EXTRA, metrics)
        width = self.chart().size().width() - 2 * SIDE_MARGIN
        line = legend_line(metrics)
        widest = max(texts)
        if not short:
            if sum(texts) + extra * len(texts) + row_extra <= width:
                return None  # one row holds them whole
            for rows in range(2, len(texts) + 1):
                if below - (rows - 1) * line < MIN_PLOT:
                    break
                wide = grid_width(texts, rows, extra, widest) + row_extra
                if wide <= width:
                    return LegendGrid(False, rows, math.ceil(len(texts) / rows), wide, widest)
        if height - self.heading_margin() - in_font(DATES_CHROME, metrics) < LEAST_PLOT:
            return None  # no plot left beside it under the title: the plot alone
        room = height - LEGEND_BESIDE_CHROME - (self.heading_margin() - TOP_MARGIN)
        rows = int(room // line)
        if rows < 1:
            return None
        columns = math.ceil(len(texts) / rows)
        rows = math.ceil(len(texts) / columns)
        cap = widest
        if grid_width(texts, rows, extra, cap) + row_extra > width * LEGEND_GRID_SHARE:
            # an entry's "(in it)" or "(achieved)" shows whole (see legend_names): a cap
            # narrower than that and a few letters of its name made Qt Charts' columns
            # wider than planned, the last cut off at the chart's edge (QA: "Goal 09
            # (achieve"); the legend takes up to LEGEND_GRID_MOST of the width before
            # it goes
            least = max(max(metrics.horizontalAdvance(line_name(k, "")) for k in kinds)
                        + LEGEND_GRID_LEAST_CHARS * metrics.averageCharWidth(),
                        max(metrics.horizontalAdvance(line_name(k, telling_start(n, names)
                                                                 + ELLIPSIS))
                            for k, n in zip(kinds, names, strict=True)))
            share = max(LEGEND_GRID_SHARE, min(
                LEGEND_GRID_MOST, ((least + extra) * columns + row_extra) / width))
            cap = (width * share - row_extra) / columns - extra
            if cap < least:
                return None
        return LegendGrid(True, rows, columns,
                          grid_width(texts, rows, extra, cap) + row_extra, cap)

    def widest_name(self) -> float:
        """The widest legend entry's text, in the legend's own font."""
        metrics = QFontMetricsF(self._legend_font)
        names = unique_names([name for _n, _k, name in self._key])
        return max((metrics.horizontalAdvance(line_name(kind, name))
                    for (_n, kind, _name), name in zip(self._key, names, strict=True)),
                   default=0.0)

    def heading_margin(self) -> int:
        """The chart's top margin with a heading over the plot: its room, less what the
        top number of the counts' axis reaches above the plot already (half its height)."""
        overhang = QFontMetricsF(self._axis_y.labelsFont()).height() / 2
        return max(TOP_MARGIN, self.heading_label.room() - math.floor(overhang))

    def arrange(self) -> None:
        """Title above and legend below the plot while that leaves it MIN_PLOT px; else (a
        short chart with lines) the legend beside the plot, if its names fit there one
        above another (in a smaller font if need be, see beside_font), and the title out
        of Qt Charts' title into a line over the plot (``heading``: less room); a chart too
        short for either (a small screen at 1.5x scaling: the plot was gone under the
        title) shows its plot alone, no legend, under its heading."""
        height = self.height()
        natural = QFontMetricsF(self._legend_font)
        below = height - in_font(BELOW_CHROME, natural)  # the plot's height, legend below
        short = bool(self.lines) and below < MIN_PLOT
        font = self.beside_font(height) if short else None
        # the names whole rather than the title: a chart too short for both (4 lines at
        # 14 pt in a 90 px chart) keeps the legend and drops the line over the plot
        titled = font is not None or not short
        if short and font is None:
            font = self.beside_font(height, heading=False)
        beside = font is not None
        # names one row or one column cannot hold whole: in a grid (see plan_grid); and
        # beside a short plot, columns in the legend's own font rather than one column in
        # a smaller one, when they hold the names whole (QA: a taller panel gave one
        # column at 7 pt, with no title, a shorter one two columns at 9 pt)
        smaller = font is not None and font.pointSizeF() < self._legend_font.pointSizeF()
        grid = self.plan_grid(height, below, short) if self.lines and (
            not short or not beside or smaller) else None
        if grid is not None and beside and (grid.columns < 2 or grid.cap < self.widest_name()):
            grid = None  # the one column in a smaller font shows more
        if grid is not None:
            beside, font, titled = grid.beside, None, True
        self.bare = short and not beside and grid is None and below < LEAST_PLOT
        chart = self.chart()
        self._set_legend_font(font or self._legend_font)
        if beside != self.beside or grid != self.grid:
            self.beside = beside
            self.grid = grid
            if grid is None and chart.legend().isAttachedToChart():
                chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight if beside
                                            else Qt.AlignmentFlag.AlignBottom)
            self._names_key = ()
        if chart.legend().isVisible() == self.bare:
            chart.legend().setVisible(not self.bare)
            if not self.bare:  # shown again: its entries as wide as their names now
                remeasure(chart.legend())
        self._place_legend()
        heading, inside = (self.title, "") if beside or self.bare else ("", self.title)
        if not titled and beside:
            heading = ""
        if self.bare and height < self.least_height(heading=True):
            heading = ""  # the title goes before the plot's numbers and dates are cut
        if chart.title() != inside:
            chart.setTitle(inside)
        margins = chart.margins()
        top = self.heading_margin() if heading else TOP_MARGIN
        if margins.top() != top:
            margins.setTop(top)
            chart.setMargins(margins)
        if heading != self.heading:
            self.heading = heading
        # the plot alone: it says where its lines' names went (QA: the legend went
        # without a word, and no line could be told from another)
        note = BARE_NOTE if self.bare else ("", "")
        tip = "\n".join(line_name(kind, name) for _n, kind, name in self._key) \
            if self.bare else ""
        self.heading_label.show_text(heading, note, tip)
        self._name_lines()

    def least_height(self, heading: bool | None = None) -> float:
        """The least height (px) the chart shows its plot's numbers and dates whole in,
        its plot alone (the title as a ``heading`` over it, by default if it has one now):
        the top number's upper half over the plot, a plot with its 0 and its top a number's
        height apart (Qt Charts drops a number that would touch another: the top one
        went), the dates under it. A shorter panel scrolls the chart (see
        TimelineChart.fit_chart) rather than cut them (QA: the dates showed their top
        half)."""
        if heading is None:
            heading = bool(self.heading)
        numbers = QFontMetricsF(self._axis_y.labelsFont()).height()
        dates = QFontMetricsF(self._axis_x.labelsFont())
        top = self.heading_margin() if heading else TOP_MARGIN
        # a number's box (its text and Qt Charts' 2 px round it, and 2 to spare), and the
        # lines' room past 0 and the top
        plot = math.ceil(numbers + NUMBER_BOX + 2 * LINE_ROOM)
        return top + math.ceil(numbers / 2) + plot + in_font(DATES_CHROME, dates)

    def beside_font(self, height: int, heading: bool = True) -> QFont | None:
        """The legend's font beside the plot in a chart ``height`` px tall (with a
        ``heading`` line over the plot, or not): the app's, or a smaller one
        (LEGEND_LEAST_PT at least) that lets every name show one above another; None when
        none does."""
        font = QFont(self._legend_font)
        # the chart's margins (its top one as a heading over the plot makes it), and a
        # little to spare
        room = height - LEGEND_BESIDE_CHROME - (
            self.heading_margin() - TOP_MARGIN if heading else 0)
        points = font.pointSizeF()
        while True:
            if len(self.lines) * legend_line(QFontMetricsF(font)) <= room:
                return font
            points -= 0.5
            if points < LEGEND_LEAST_PT or points <= 0:
                return None
            font.setPointSizeF(points)

    def _set_legend_font(self, font: QFont) -> None:
        legend = self.chart().legend()
        if legend.font() == font:
            return
        legend.setFont(font)
        strike_hidden(legend)
        self._names_key = ()  # the names measured again in this font

    def legend_room(self) -> float:
        """The width the legend's row gives its entries' texts, all together (Qt Charts does
    not say: its chart's width, less the margins, each entry's box and spacing); beside the
    plot, each entry's at most (see column_room)."""
        if self.beside or self.grid is not None:
            return self.column_room() * len(self.lines)
        chart = self.chart()
        metrics = QFontMetricsF(chart.legend().font())
        margins = chart.margins()
        row = chart.size().width() - margins.left() - margins.right() \
            - in_font(LEGEND_ROW_EXTRA, metrics)
        return max(0.0, row - in_font(LEGEND_ENTRY_EXTRA, metrics) * len(self.lines))

    def column_room(self) -> float:
        """The widest an entry's text may be in a legend beside the plot (or in a
        grid)."""
        if self.grid is not None:
            return self.grid.cap
        metrics = QFontMetricsF(self.chart().legend().font())
        natural = QFontMetricsF(self._legend_font)  # a smaller font beside: no narrower
        column = min(LEGEND_COLUMN_MOST * natural.height(),
                     self.chart().size().width() * LEGEND_COLUMN_SHARE)
        return max(0.0, column - in_font(LEGEND_COLUMN_EXTRA, metrics) - self._end_overhang)

    def _name_lines(self) -> None:
        """The lines' legend entries, shortened (in the middle) to the room the legend has
        now: Qt Charts would otherwise cut their ends, "(achieved)" first."""
        if not self.lines:
            self.full_names = {}
            return
        metrics = QFontMetricsF(self.chart().legend().font())
        room = self.legend_room()
        most = self.column_room() if self.beside or self.grid is not None else None
        names_key = (self._key, round(room), self.beside, self.grid)
        if names_key == self._names_key:
            return
        self._names_key = names_key
        shown, full = legend_names([k for _n, k, _name in self._key],
                                   [name for _n, _k, name in self._key], metrics, room, most)
        self.full_names = dict(zip(self.lines, full, strict=True))
        for series, name in zip(self.lines.values(), shown, strict=True):
            if series.name() != name:
                series.setName(name)

