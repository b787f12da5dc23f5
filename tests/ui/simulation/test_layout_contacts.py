"""The Contacts tab's columns and split. QA at 1280x800: Goals achieved and Tags were cut
to "Bought s…ed to checkup" and "Bo…er" while Email kept its full width; choosing a contact
moved the split (the table shrank further); at 1024x640 a heading read "Goal…". Contact,
Where now and Email are now as wide as their text (capped), Goals achieved and Tags get the
width to spare, no heading is cut, and the split stays where it is when a contact is
chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.contacts_table import FITTED, MOST_CHARS, STRETCHED, WHERE_NOW
from canvas_app.ui.simulation.journey_view import PAD

from .test_simulation_panel import finished_on_tab


def contacts_shown(qtbot, window: MainWindow, size: tuple[int, int]) -> None:
    finished_on_tab(qtbot, window, size, "contacts")


def widest(window: MainWindow, column: int) -> int:
    panel = window.simulation_panel
    model, metrics = panel.contacts_model, panel.contacts_table.fontMetrics()
    return max(metrics.horizontalAdvance(model.data(model.index(row, column)))
               for row in range(model.rowCount()))


def heading_width(window: MainWindow, column: int) -> int:
    table = window.simulation_panel.contacts_table
    heading = table.model().headerData(column, Qt.Orientation.Horizontal)
    return table.horizontalHeader().fontMetrics().horizontalAdvance(heading)


# (At 1280 px the journey has half the width and the contacts' columns give way, cut in the
# middle: test_contacts_table's 1280x800 test.)
@pytest.mark.parametrize("size", [(1440, 900), (1800, 1000)])
def test_goals_and_tags_get_the_width_to_spare(qtbot, window: MainWindow,
                                               size: tuple[int, int]) -> None:
    contacts_shown(qtbot, window, size)
    panel = window.simulation_panel
    table = panel.contacts_table
    panel.select_contact("c-ana")
    QApplication.processEvents()
    average = table.fontMetrics().averageCharWidth()
    for column in FITTED:  # as wide as their text, up to their cap
        wanted = min(widest(window, column) + PAD // 2, MOST_CHARS[column] * average)
        assert table.columnWidth(column) >= wanted, column
        assert table.columnWidth(column) <= MOST_CHARS[column] * average + PAD, column
    # The rest of the table's width is Goals achieved's and Tags', shared.
    room = table.viewport().width()
    assert sum(table.columnWidth(c) for c in range(5)) == room
    fitted = sum(table.columnWidth(c) for c in FITTED)
    for column in STRETCHED:
        assert table.columnWidth(column) >= (room - fitted) // 3, column
        assert table.columnWidth(column) > heading_width(window, column) + PAD, column
    assert table.horizontalScrollBar().maximum() == 0
    if size[0] >= 1800:  # room for the sample's goals whole
        assert table.columnWidth(3) >= widest(window, 3) + PAD // 2


def test_choosing_a_contact_leaves_the_split_where_it_is(qtbot, window: MainWindow) -> None:
    contacts_shown(qtbot, window, (1280, 800))
    panel = window.simulation_panel
    tab = panel.contacts
    before = tab.sizes()
    widths = [tab.table.columnWidth(c) for c in range(5)]
    panel.select_contact("c-ana")
    QApplication.processEvents()
    assert tab.journey.topLevelItemCount() > 0
    assert tab.sizes() == before
    assert [tab.table.columnWidth(c) for c in range(5)] == widths
    panel.select_contact("c-dana")
    tab.table.clearSelection()
    QApplication.processEvents()
    assert tab.sizes() == before
    # The journey of the one chosen has its columns beside one another.
    assert tab.sizes()[1] >= tab.journey.comfortable_width(2)
    # A split the user chose stays too.
    tab.moveSplitter(400, 1)
    chosen = tab.sizes()
    panel.select_contact("c-ben")
    QApplication.processEvents()
    assert tab.sizes() == chosen


@pytest.mark.parametrize("size", [(1024, 640), (972, 644), (800, 600)])
def test_no_heading_is_cut_in_a_small_window(qtbot, window: MainWindow,
                                             size: tuple[int, int]) -> None:
    """Short of room, Where now, Email and Contact give way, each down to its heading;
    shorter still, the table scrolls sideways: a heading is never cut ("Goal…")."""
    contacts_shown(qtbot, window, size)
    panel = window.simulation_panel
    table, model = panel.contacts_table, panel.contacts_model
    panel.select_contact("c-ana")
    QApplication.processEvents()
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        assert header.sectionSize(column) >= heading_width(window, column) + PAD, column
    total = sum(header.sectionSize(c) for c in range(model.columnCount()))
    if total > table.viewport().width():
        assert table.horizontalScrollBar().maximum() > 0
    # A cell cut off gives its whole text as its tooltip.
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            assert model.data(index, Qt.ItemDataRole.ToolTipRole) == model.data(index)
    # The journey keeps its first columns and its Details beside one another.
    journey = panel.contacts.journey
    assert panel.contacts.sizes()[1] >= min(journey.comfortable_width(2),
                                            panel.contacts.width() // 2)


@pytest.mark.parametrize("size", [(1216, 800), (1280, 800)])
def test_where_each_contact_is_shows_whole_before_the_emails(qtbot, window: MainWindow,
                                                            size: tuple[int, int]) -> None:
    """QA at 1216 px: "not i…paign" and "waiting …g goal 1" beside whole emails. The email
    gives way first (the name says who it is); where each contact is now stays whole."""
    contacts_shown(qtbot, window, size)
    table = window.simulation_panel.contacts_table
    assert table.columnWidth(WHERE_NOW) >= widest(window, WHERE_NOW) + PAD // 2
    assert table.columnWidth(0) >= widest(window, 0) + PAD // 2
    assert table.columnWidth(1) < widest(window, 1)  # the emails cut, in the middle
