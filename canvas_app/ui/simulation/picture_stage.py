"""How the Simulation panel's charts lay themselves out for a picture (Copy Chart, Save
Chart as Image; see ChartExport.staged), and back as they were on screen after.

- The Chart tab names its rows in full: the screen shortens long names, with a tooltip for
  the rest, and a picture has no tooltip (QA: a copy read "Sequence 00 wi…scriptive
  name"). The chart grows as much wider as the full names need.
- Over Time shows the whole chart when its panel is shorter than the chart's least and
  scrolls it (QA: the picture showed the part in view, with the scroll bar), and leaves
  out the note on pointing at lines: no one points at a picture. A chart too short for its
  legend (its plot alone) is drawn as tall as it needs to name its lines, and half as tall
  as wide at least; one whose legend shortens names is drawn wider where that names them
  in full (up to WIDEST px).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

if TYPE_CHECKING:
    from .funnel_chart import FunnelChart
    from .timeline_chart import TimelineChart

AXIS_SHARE = 0.4  # of a chart's width, the most Qt Charts gives its vertical axis (measured)
ASPECT = 0.5  # Over Time's plot alone is drawn this tall for its width at least
LEGEND_SEARCH = 800  # px: the tallest Over Time is made for a picture naming its lines
WIDEST = 1600  # px: the widest Over Time is made for a picture naming its lines in full
WIDEN_STEP = 1.15  # each try at names in full: this much wider than the last
# Times Over Time is made as tall as its chart: a taller view may lay the chart out
# taller still (a title over the plot comes back), once or twice
WHOLE_TRIES = 3


@contextmanager
def rows_in_full(chart: FunnelChart) -> Iterator[None]:
    """The bars' rows named in full, the chart wider by what the longest full name takes
    over the longest shortened one."""
    axis = chart._axis_y
    shown = list(axis.categories())
    full = chart.full_labels  # bottom-up, as shown
    if not full or full == shown or len(full) != len(shown):
        yield
        return
    metrics = QFontMetricsF(axis.labelsFont())
    widest = max(metrics.horizontalAdvance(name) for name in full)
    plot = chart.chart().plotArea()
    # the axis's ticks and spacing beside its labels, as on screen
    pad = max(0.0, plot.left() - max(metrics.horizontalAdvance(name) for name in shown))
    chart_width = chart.chart().size().width()
    # the plot as wide as on screen, and a chart wide enough that Qt Charts gives the
    # labels their width (it gives a vertical axis AXIS_SHARE of the chart at most, and
    # draws longer labels past the chart's left edge)
    wanted = max(chart_width + widest + pad - plot.left(), (widest + pad) / AXIS_SHARE + 1)
    extra = math.ceil(wanted - chart_width)
    body = chart.body
    axis.setCategories(full)
    if extra > 0:
        chart.setWidgetResizable(False)
        body.resize(body.width() + extra, body.height())
    try:
        yield
    finally:
        axis.setCategories(shown)
        if extra > 0:
            chart.setWidgetResizable(True)


@contextmanager
def whole_timeline(chart: TimelineChart) -> Iterator[None]:
    """Over Time for a picture (see the module): its lines named, their names whole where
    a wider chart (up to WIDEST) gives them room, as tall as its chart, without the scroll
    bar or the note on pointing at lines."""
    heading = chart.heading_label
    bar = chart.verticalScrollBar()
    at = bar.value()
    size = chart.size()
    heading.quiet = True
    heading.place()
    # the layout round the chart would size it back to its place (at once, as the events
    # waiting are delivered for the picture): it waits
    parent = chart.parentWidget()
    layout = parent.layout() if parent is not None else None
    held = layout is not None and layout.isEnabled()
    if held:
        layout.setEnabled(False)
    policy = chart.verticalScrollBarPolicy()
    chart.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if chart.lines:
        height = size.height()
        if chart.bare:
            height = named_height(chart, height)
            if height:
                height = max(height, min(LEGEND_SEARCH, round(size.width() * ASPECT)))
            else:
                height = size.height()  # no height names them: the plot alone
        chart.resize(size.width(), height)
        if not names_whole(chart):
            widen(chart, height)
    frame = 2 * chart.frameWidth()
    for _try in range(WHOLE_TRIES):
        tall = math.ceil(chart.chart().size().height()) + frame
        if tall <= chart.height():
            break
        chart.resize(chart.width(), tall)
    try:
        yield
    finally:
        heading.quiet = False
        chart.resize(size)
        chart.setVerticalScrollBarPolicy(policy)
        bar.setValue(at)
        if held:
            layout.setEnabled(True)
        heading.place()


def names_whole(chart: TimelineChart) -> bool:
    """Whether the legend shows every line's name unshortened (and shows at all)."""
    return not chart.bare and all(chart.full_names.get(node_id, line.name()) == line.name()
                                  for node_id, line in chart.lines.items())


def widen(chart: TimelineChart, height: int) -> None:
    """The chart WIDEN_STEP wider at a time, up to WIDEST px, until its legend names every
    line in full; as wide as it was when none does."""
    width = chart.width()
    wide = width
    while wide < WIDEST:
        wide = min(WIDEST, math.ceil(wide * WIDEN_STEP))
        chart.resize(wide, height)
        if names_whole(chart):
            return
    chart.resize(width, height)


def named_height(chart: TimelineChart, low: int) -> int:
    """The least height (px) from ``low`` up to LEGEND_SEARCH at which Over Time shows a
    legend (its plot alone below it), found by halving; 0 when none does."""
    width = chart.width()
    high = max(low, LEGEND_SEARCH)
    chart.resize(width, high)
    if chart.bare:
        return 0
    while high - low > 1:
        middle = (low + high) // 2
        chart.resize(width, middle)
        if chart.bare:
            low = middle
        else:
            high = middle
    return high
