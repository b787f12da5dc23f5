"""QA 19c: the Chart tab's picture (Copy Chart, Save Chart as Image) named its rows as the
screen shortens them ("Sequence 00 wi…scriptive name"), with no tooltip to give the rest:
it names them in full, in a label column wide enough; the screen keeps its shortening."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from .conftest import lone_bars
from .test_qa19_chart_settles import many_nodes, month_of_counts


def test_the_bars_picture_names_its_rows_in_full(qtbot) -> None:
    campaign = many_nodes()
    chart = lone_bars(qtbot, (700, 400))
    chart.show_counts(campaign, month_of_counts(campaign)[-1][1])
    QApplication.processEvents()
    axis = chart._axis_y
    shown = axis.categories()
    full = [node.name for node in reversed(campaign.nodes)]  # bottom-up, as the axis
    assert shown != full  # shortened on screen
    screen_width = chart.body.width()
    with chart.export.staged():  # as a picture is made
        assert axis.categories() == full
        metrics = QFontMetricsF(axis.labelsFont())
        widest = max(metrics.horizontalAdvance(name) for name in full)
        assert chart.chart().plotArea().left() >= widest, (chart.chart().plotArea(), widest)
    image = chart.export.image()
    ratio = image.devicePixelRatio()
    assert image.width() / ratio > screen_width  # wider, for the labels
    png = chart.export.file_image()
    assert png.width() / png.devicePixelRatio() > screen_width
    # the screen as it was
    assert axis.categories() == shown
    assert chart.body.width() == screen_width
    assert chart.widgetResizable()
