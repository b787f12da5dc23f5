"""QA: on a small screen (the window opens at about 972x644 on 1024x700) the Contacts and
journeys tab showed four rows, cut off "Where now" and left the journey's Details off-screen;
at 1280x800 the Details were cut off and log lines needed scrolling sideways."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QHeaderView

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.contacts_table import WHERE_NOW

from .test_simulation_panel import run_to_finish

SIZES = [(972, 644), (1280, 800)]


def finished_run(qtbot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    window.show_simulation_panel()
    run_to_finish(qtbot, window)
    QApplication.processEvents()


def in_view(header: QHeaderView, column: int) -> bool:
    """The column is wholly inside the view's width."""
    start = header.sectionViewportPosition(column)
    return start >= 0 and start + header.sectionSize(column) <= header.viewport().width()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_contact_with_where_it_is_now_is_in_view(qtbot, window: MainWindow,
                                                       width: int, height: int) -> None:
    panel = window.simulation_panel
    finished_run(qtbot, window, width, height)
    panel.tabs.setCurrentWidget(panel.contacts)
    QApplication.processEvents()
    table = panel.contacts_table
    header = table.horizontalHeader()
    assert header.visualIndex(0) == 0 and header.visualIndex(WHERE_NOW) == 1
    assert in_view(header, 0) and in_view(header, WHERE_NOW)
    # The sample's five contacts in view at 1280 x 800 (the find box sits beside the tabs);
    # at 972 x 644, once the window's check of the panel's share has run, four of them (the
    # panel keeps at most 45 % of the canvas's and its height; this test once measured
    # the panel before that check cut it back).
    qtbot.wait(200)
    rows = panel.contacts_model.rowCount()
    assert rows == 5
    shown = 5 if height >= 800 else 4
    assert table.rowViewportPosition(shown - 1) + table.rowHeight(shown - 1) \
        <= table.viewport().height()
    assert panel.contacts.find.isVisible()
    panel.tabs.setCurrentWidget(panel.log_view)
    assert not panel.contacts.find.isVisible()  # it goes with its tab
    # A cell cut off shows its whole text as a tooltip.
    from PySide6.QtCore import Qt

    index = panel.contacts_model.index(0, WHERE_NOW)
    assert panel.contacts_model.data(index, Qt.ItemDataRole.ToolTipRole) == \
        panel.contacts_model.data(index)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_journeys_details_are_in_view_and_wrap(qtbot, window: MainWindow,
                                                 width: int, height: int) -> None:
    panel = window.simulation_panel
    finished_run(qtbot, window, width, height)
    panel.tabs.setCurrentWidget(panel.contacts)
    panel.select_contact("c-ana")
    QApplication.processEvents()
    journey = panel.journey
    header = journey.header()
    for column in range(4):
        assert in_view(header, column), column
    details = header.sectionSize(3)
    metrics = journey.fontMetrics()
    assert details >= 22 * metrics.averageCharWidth()  # some words to a line, at least
    assert journey.horizontalScrollBar().maximum() == 0  # nothing off to the side
    # A detail longer than its column wraps onto more lines (its row is taller), in full.
    steps = [journey.topLevelItem(i) for i in range(journey.topLevelItemCount())]
    long = max(steps, key=lambda item: metrics.horizontalAdvance(item.text(3)))
    assert metrics.horizontalAdvance(long.text(3)) > details
    tall = journey.visualItemRect(long).height()
    assert tall >= 2 * metrics.height()
    assert long.toolTip(3) == long.text(3)
    # A wider journey takes lines back.
    window.resize(width + 600, height)
    panel.contacts.setSizes([100, 5000])
    qtbot.waitUntil(lambda: journey.visualItemRect(long).height() < tall, timeout=2000)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_log_wraps_long_lines_instead_of_scrolling_sideways(qtbot, window: MainWindow,
                                                                width: int,
                                                                height: int) -> None:
    panel = window.simulation_panel
    finished_run(qtbot, window, width, height)
    panel.tabs.setCurrentWidget(panel.log_view)
    QApplication.processEvents()
    log = panel.log_view
    longest = max(log.toPlainText().splitlines(), key=log.fontMetrics().horizontalAdvance)
    assert log.horizontalScrollBar().maximum() == 0
    if log.fontMetrics().horizontalAdvance(longest) > log.viewport().width():
        assert log.document().lineCount() > log.document().blockCount()  # wrapped lines
    else:  # the panel runs the window's whole width: at 1280 x 800 every line fits
        assert width >= 1280
        assert log.document().lineCount() == log.document().blockCount()


def test_at_the_default_size_every_contact_column_is_in_view(qtbot,
                                                             window: MainWindow) -> None:
    """QA at 1280x800: Goals achieved and Tags were off to the right (the heading read
    "G"); every column, its heading whole, and the journey's Details must show."""
    from PySide6.QtCore import Qt

    panel = window.simulation_panel
    finished_run(qtbot, window, 1280, 800)
    panel.tabs.setCurrentWidget(panel.contacts)
    panel.select_contact("c-ana")
    QApplication.processEvents()
    header = panel.contacts_table.horizontalHeader()
    metrics = header.fontMetrics()
    model = panel.contacts_model
    for column in range(model.columnCount()):
        assert in_view(header, column), column
        heading = model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= metrics.horizontalAdvance(heading), heading
    assert header.sectionSize(0) >= metrics.horizontalAdvance("Dana Whitfield")  # whole
    journey = panel.journey.header()
    for column in range(4):
        assert in_view(journey, column), column
    assert journey.sectionSize(0) >= metrics.horizontalAdvance("2026-03-03 14:00")
    # A split the user chose stays when the window is resized.
    tab = panel.contacts
    tab.moveSplitter(300, 1)
    chosen = tab.sizes()
    window.resize(1300, 800)
    QApplication.processEvents()
    assert abs(tab.sizes()[0] - chosen[0]) < 30  # not back to the default (about 480)
