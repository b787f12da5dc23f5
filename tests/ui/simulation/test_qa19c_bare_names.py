"""QA 19c: Over Time in a short, narrow panel. Its plot alone (no room for a legend) named
no line and said nothing about it; now a muted note in the heading's line says how to get
the names, and pointing at a line names it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from canvas_app.ui.simulation.timeline_legend import line_name
from canvas_app.ui.theme import TEXT_MUTED

from .conftest import lone_timeline
from .test_qa19_chart_settles import many_nodes, month_of_counts


@pytest.mark.parametrize("size", [(880, 100), (600, 115), (480, 110), (600, 64)])
def test_the_plot_alone_says_where_the_names_went(qtbot, size: tuple[int, int]) -> None:
    campaign = many_nodes()
    chart = lone_timeline(qtbot, size, campaign, month_of_counts(campaign))
    assert chart.bare, size  # the plot alone: no legend
    assert not chart.chart().legend().isVisible()
    note = chart.heading_label.note_label
    assert note.isVisible(), size
    assert note.text().startswith("Names: point at a line"), note.text()
    assert note.palette().color(QPalette.ColorRole.WindowText) == QColor(TEXT_MUTED)
    # whole, in the view, clear of the title beside it
    assert note.fontMetrics().horizontalAdvance(note.text()) <= note.width()
    assert chart.viewport().rect().contains(note.geometry()), (size, note.geometry())
    heading = chart.heading_label
    if heading.isVisible():
        assert not heading.geometry().intersects(note.geometry())
    # its tooltip lists the lines' names in full
    for _n, kind, name in chart._key:
        assert line_name(kind, name) in note.toolTip()


def test_a_legend_shown_again_takes_the_note_away(qtbot) -> None:
    campaign = many_nodes()
    chart = lone_timeline(qtbot, (880, 100), campaign, month_of_counts(campaign))
    assert chart.heading_label.note_label.isVisible()
    chart.resize(880, 400)
    QApplication.processEvents()
    assert not chart.bare
    assert not chart.heading_label.note_label.isVisible()


def test_pointing_at_a_line_names_it(qtbot) -> None:
    campaign = many_nodes()
    chart = lone_timeline(qtbot, (600, 115), campaign, month_of_counts(campaign))
    assert chart.bare
    series = chart.lines["n00"]
    points = series.points()
    point = points[len(points) // 2]
    inner = chart.chart()
    pos = chart.mapFromScene(inner.mapToScene(inner.mapToPosition(point, series)))
    QTest.mouseMove(chart.viewport(), pos)
    QTest.mouseMove(chart.viewport(), pos + QPoint(1, 0))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    names = set(chart.full_names.values())
    assert QToolTip.text() in names, QToolTip.text()
    assert chart._forward is not None  # and that line forward
    QTest.mouseMove(chart.viewport(), QRect(chart.viewport().rect()).topLeft())
    QToolTip.hideText()
