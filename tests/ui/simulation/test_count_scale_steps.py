"""A count axis rescaled from a few contacts to hundreds of thousands (or back) never has,
even for a moment, a range and a tick step that make thousands of ticks: Qt Charts builds
an item for each, and the Over Time tab froze the window for good after a 200,000-visitor
run (QA 22c)."""

from __future__ import annotations

from PySide6.QtCharts import QValueAxis

from canvas_app.ui.simulation.funnel_chart import axis_ticks, set_count_scale

MOST = 50  # far more than any axis shows


def watched(axis: QValueAxis) -> list[float]:
    """The number of ticks the axis has each time its range or its step changes."""
    seen: list[float] = []

    def note(*_args: object) -> None:
        if axis.tickType() == QValueAxis.TickType.TicksDynamic and axis.tickInterval() > 0:
            seen.append((axis.max() - axis.min()) / axis.tickInterval())

    axis.rangeChanged.connect(note)
    axis.tickIntervalChanged.connect(note)
    axis.tickTypeChanged.connect(note)
    return seen


def test_growing_and_shrinking_the_scale_never_passes_through_thousands_of_ticks(
        qtbot) -> None:
    axis = QValueAxis()
    seen = watched(axis)
    for biggest in (3, 200_000, 2, 1_000_000, 7, 40):
        set_count_scale(axis, biggest, room=300.0, label=20.0, pad=3.0)
        ticks = axis_ticks(axis)
        assert ticks[0] == 0 and ticks[-1] >= biggest  # and the scale is right at the end
    assert seen and max(seen) < MOST, max(seen)


def test_the_funnel_axis_writes_counts_with_thousands_separators(qtbot) -> None:
    """As the pills and the panel do ("50,000"; QA 22c: the axis read 50000)."""
    from canvas_app.ui.simulation.funnel_chart import FunnelChart

    chart = FunnelChart()
    qtbot.addWidget(chart)
    qt_chart = chart.chart()
    axis = chart._axis_x
    assert qt_chart.localizeNumbers() and axis.labelFormat() == "%.0f"
    assert qt_chart.locale().toString(50000.0, "f", 0) == "50,000"
