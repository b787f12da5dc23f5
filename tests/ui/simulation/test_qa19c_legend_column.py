"""QA 19c: Over Time at ~200 px tall and 480-720 px wide puts its names in Qt Charts' own
column beside the plot, which cut them ("Sequence 08 … name (in..."): they are shortened
here (keeping the part that tells them apart) to the room the column really has."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGraphicsTextItem

from .conftest import lone_timeline
from .test_qa19_chart_settles import many_nodes, month_of_counts

TEXT_ITEM = 8  # QGraphicsTextItem.Type


@pytest.mark.parametrize("width", [480, 560, 600, 660, 720])
def test_the_column_beside_the_plot_cuts_no_name(qtbot, width: int) -> None:
    campaign = many_nodes()
    chart = lone_timeline(qtbot, (width, 200), campaign, month_of_counts(campaign))
    legend = chart.chart().legend()
    assert legend.isVisible()
    names = {series.name() for series in chart.lines.values()}
    shown = []
    for item in chart.scene().items():
        if item.type() != TEXT_ITEM or not item.isVisible() or not legend.isAncestorOf(item):
            continue
        text = item.toGraphicsObject()
        if isinstance(text, QGraphicsTextItem) and text.toPlainText():
            shown.append(text.toPlainText())
    assert len(shown) == len(chart.lines), shown
    for text in shown:  # as shortened here (its end whole), not cut by Qt Charts
        assert text in names, (width, text)
        assert text.endswith(("(in it)", "(achieved)")), (width, text)
