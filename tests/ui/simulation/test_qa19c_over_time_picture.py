"""QA 19c: Over Time in a panel shorter than its least scrolls (bf92d5b): a picture of it
(Copy Chart, Save Chart as Image) showed the part in view, with the scroll bar; it shows
the whole chart, without the note on pointing at lines."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from canvas_app.ui.simulation.picture_stage import names_whole

from .conftest import paged_timeline
from .test_qa19_chart_settles import many_nodes, month_of_counts


def test_a_scrolled_over_time_picture_shows_the_whole_chart(qtbot) -> None:
    campaign = many_nodes()
    page, chart = paged_timeline(qtbot, (600, 300), campaign, month_of_counts(campaign))
    page.resize(600, 45)
    QApplication.processEvents()
    bar = chart.verticalScrollBar()
    qtbot.waitUntil(bar.isVisible)
    bar.setValue(bar.maximum())
    at = bar.value()
    assert at > 0
    whole = chart.chart().size()
    assert whole.height() > chart.viewport().height()  # it scrolls
    band = chart.export.title_band()
    assert chart.heading_label.note_label.isVisible()
    with chart.export.staged():
        assert not chart.heading_label.note_label.isVisible()  # no one points at a picture
        assert not bar.isVisible()
    for image in (chart.export.image(), chart.export.file_image()):
        ratio = image.devicePixelRatio()
        assert image.height() / ratio >= whole.height() + band - 0.5, (image.size(), whole)
        assert image.width() / ratio >= chart.width()  # wider where that names lines whole
    # the view as it was: its size, scrolled where it was, its note
    QApplication.processEvents()
    assert chart.height() == 45
    qtbot.waitUntil(bar.isVisible)
    assert bar.value() == at
    assert chart.heading_label.note_label.isVisible()


def test_the_picture_of_a_plot_alone_names_its_lines(qtbot) -> None:
    """A panel too short for Over Time's legend shows its plot alone; its picture is drawn
    as tall as it needs to name the lines (a picture has no lines to point at), and as wide
    as it needs to name them in full, the panel round it left as it was."""
    campaign = many_nodes()
    page, chart = paged_timeline(qtbot, (600, 300), campaign, month_of_counts(campaign))
    page.resize(600, 60)
    QApplication.processEvents()
    assert chart.bare and not chart.chart().legend().isVisible()
    with chart.export.staged():
        assert not chart.bare
        assert chart.chart().legend().isVisible() or chart.grid
        assert names_whole(chart)  # the chart drawn wider for them
        assert [line.name() for line in chart.lines.values()] == \
            [chart.full_names[node_id] for node_id in chart.lines]
        assert chart.height() >= 300  # half as tall as wide at least
        assert page.size().height() == 60
    image = chart.export.file_image()
    assert image.height() / image.devicePixelRatio() >= 300
    QApplication.processEvents()
    assert chart.bare and chart.height() == 60 and page.height() == 60
    assert chart.heading_label.note_label.isVisible()
