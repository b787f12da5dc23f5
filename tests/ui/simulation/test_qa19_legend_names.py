"""QA 19: in a short Over Time chart of many nodes with long, alike names, the legend cut
the names at their start and numbered them ("…criptive name #2 (in it)"), so the lines
could not be told apart, and its last column ran past the chart's edge ("Goal 09
(achieve"). Names keep the word that tells them apart; no column is cut off."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from canvas_app.ui.simulation.timeline_legend import legend_names

from .conftest import lone_timeline
from .test_legend_names import TEXT_ITEM
from .test_qa19_chart_settles import many_nodes, month_of_counts


def test_alike_long_names_keep_their_telling_start(qtbot) -> None:
    names = [f"Sequence {i:02} with a fairly long descriptive name" for i in range(0, 10, 2)]
    metrics = QFontMetricsF(QFont())
    for room in (800.0, 1000.0, 1400.0):  # 160 px an entry and more
        shown, _full = legend_names(["sequence"] * len(names), names, metrics, room)
        assert len(set(shown)) == len(shown)
        for name, text in zip(names, shown, strict=True):
            assert text.startswith(name[:len("Sequence 00")]), (room, text)
            assert "#" not in text, (room, text)
            assert metrics.horizontalAdvance(text) <= room / len(names) + 1, (room, text)


def test_a_short_chart_cuts_off_no_legend_column(qtbot) -> None:
    campaign = many_nodes()
    chart = lone_timeline(qtbot, (1000, 100), campaign, month_of_counts(campaign))
    QApplication.processEvents()
    legend = chart.chart().legend()
    assert legend.isVisible() and chart.grid is not None
    items = [item for item in chart.scene().items() if item.type() == TEXT_ITEM
             and item.isVisible() and legend.isAncestorOf(item)]
    assert len(items) == len(chart.lines)
    for item in items:
        box = chart.mapFromScene(item.sceneBoundingRect()).boundingRect()
        assert box.right() <= chart.width(), item.toGraphicsObject().toPlainText()
    drawn = {item.toGraphicsObject().toPlainText() for item in items}
    assert drawn == {series.name() for series in chart.lines.values()}  # none cut by Qt
    sequences = [series.name() for node_id, series in chart.lines.items()
                 if campaign.node(node_id).kind == "sequence"]
    for series_name, node_id in zip(sequences, [n for n in chart.lines
                                                if campaign.node(n).kind == "sequence"],
                                    strict=True):
        number = campaign.node(node_id).name[:len("Sequence 00")]
        assert series_name.startswith(number) and "#" not in series_name, series_name
