"""The Contacts tab at 1280x800: QA found Email and Where now cut ("dana.wh…ple.com") while
the journey beside them, with no contact chosen, was empty. With none chosen the contacts
now get what their columns want; a contact chosen gives its journey the room it needs, as
before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.journey_view import CONTENT_MOST, PAD, WHERE_NOW

from .test_simulation_panel import finished_on_tab


def contacts_shown(qtbot, window: MainWindow, size: tuple[int, int]) -> None:
    finished_on_tab(qtbot, window, size, "contacts")


def widest(window: MainWindow, column: int) -> int:
    panel = window.simulation_panel
    model, metrics = panel.contacts_model, panel.contacts_table.fontMetrics()
    return max(metrics.horizontalAdvance(model.data(model.index(row, column)))
               for row in range(model.rowCount()))


def test_with_no_contact_chosen_every_name_email_and_place_shows_whole(
        qtbot, window: MainWindow) -> None:
    contacts_shown(qtbot, window, (1280, 800))
    panel = window.simulation_panel
    tab, table = panel.contacts, panel.contacts_table
    header = table.horizontalHeader()
    assert tab.selected_contact() is None and tab.journey.topLevelItemCount() == 0
    # Contact, Email and Where now: each as wide as its widest cell; Goals achieved and
    # Tags (in the sample, up to 370 px each) get what is left, their headings whole.
    for column in (0, 1, WHERE_NOW):
        assert table.columnWidth(column) >= widest(window, column) + PAD // 2, column
    for column in (3, 4):
        assert table.columnWidth(column) >= table.least[column], column
    for column in range(panel.contacts_model.columnCount()):  # every column in view
        start = header.sectionViewportPosition(column)
        assert start >= 0 and start + header.sectionSize(column) <= table.viewport().width()
    # The empty journey keeps room to say how to see one.
    assert tab.sizes()[1] >= tab.journey.waiting_width()


def test_a_contact_chosen_gets_its_journey_room_and_gives_it_back(qtbot,
                                                                  window: MainWindow) -> None:
    contacts_shown(qtbot, window, (1280, 800))
    panel = window.simulation_panel
    tab = panel.contacts
    waiting = tab.sizes()
    panel.select_contact("c-ana")
    QApplication.processEvents()
    journey = tab.sizes()[1]
    assert journey > waiting[1]
    assert journey >= tab.journey.comfortable_width(2)  # its columns beside one another
    tab.table.clearSelection()
    QApplication.processEvents()
    assert tab.journey.topLevelItemCount() == 0
    assert tab.sizes() == waiting
    # A split the user chose stays, contact chosen or not.
    tab.moveSplitter(400, 1)
    chosen = tab.sizes()
    panel.select_contact("c-ana")
    QApplication.processEvents()
    assert tab.sizes() == chosen


def test_a_very_long_cell_does_not_take_the_whole_table(qtbot, window: MainWindow) -> None:
    contacts_shown(qtbot, window, (1600, 1000))
    table = window.simulation_panel.contacts_table
    # The sample's Tags run to about 370 px: the column wants no more than CONTENT_MOST.
    assert widest(window, 4) + PAD > CONTENT_MOST
    assert table.widths[4] == CONTENT_MOST
    assert table.widths[0] >= widest(window, 0)
    model = window.simulation_panel.contacts_model
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Tags"


def test_a_wide_window_gives_the_chosen_journey_the_room_to_spare(qtbot,
                                                                  window: MainWindow) -> None:
    """With the panel the window's whole width, a contact chosen: the contacts keep their
    name, place and email whole (goals and tags to their headings), and the journey being
    read gets the rest, more than the least it needs (its steps wrapped onto three lines
    in 440 px beside 300 px of goals achieved)."""
    contacts_shown(qtbot, window, (1400, 900))
    panel = window.simulation_panel
    tab, table = panel.contacts, panel.contacts_table
    panel.select_contact("c-ana")
    QApplication.processEvents()
    journey = tab.sizes()[1]
    assert journey > tab.journey.comfortable_width(1) + 50
    assert tab.sizes()[0] >= table.keep_width()
    for column in (0, 1, WHERE_NOW):
        assert table.columnWidth(column) >= widest(window, column) + PAD // 2, column


def test_a_small_window_keeps_the_emails_whole_beside_a_chosen_journey(
        qtbot, window: MainWindow) -> None:
    """QA at 972x644: with a contact chosen the journey took half the width and every email
    was cut ("ana.di…le.com"). The names and emails show whole, Where now at least its
    heading; Goals achieved and Tags (the journey tells them for the contact chosen) give
    up their room first, their headings whole as tooltips; the journey keeps its columns
    beside one another; a split the user drags stays."""
    contacts_shown(qtbot, window, (972, 644))
    panel = window.simulation_panel
    tab, table, model = panel.contacts, panel.contacts_table, panel.contacts_model
    panel.select_contact("c-ana")
    QApplication.processEvents()
    assert tab.journey.topLevelItemCount() > 0
    assert tab.sizes()[0] < table.keep_width()  # the room is short: not all whole
    for column in (0, 1):  # Contact and Email
        assert table.columnWidth(column) >= widest(window, column) + PAD // 2, column
    assert table.columnWidth(WHERE_NOW) >= table.least[WHERE_NOW]
    header = table.horizontalHeader()
    for column in range(model.columnCount()):  # every column in view, none off the side
        start = header.sectionViewportPosition(column)
        assert start >= 0 and start + header.sectionSize(column) <= table.viewport().width()
        assert model.headerData(column, Qt.Orientation.Horizontal,
                                Qt.ItemDataRole.ToolTipRole) == model.headerData(
            column, Qt.Orientation.Horizontal)
    assert header.textElideMode() == Qt.TextElideMode.ElideRight  # "Goal…", not "s achie"
    assert table.horizontalScrollBar().maximum() == 0
    # The journey: its first columns and its Details' room beside one another.
    assert tab.sizes()[1] >= tab.journey.comfortable_width(2)
    journey = tab.journey.header()
    for column in range(4):
        assert journey.sectionViewportPosition(column) + journey.sectionSize(column) \
            <= tab.journey.viewport().width(), column
    assert journey.sectionSize(3) >= 22 * tab.journey.fontMetrics().averageCharWidth()
    # The user can still give the journey more.
    tab.moveSplitter(300, 1)
    assert abs(tab.sizes()[0] - 300) <= tab.handleWidth()
    panel.select_contact("c-ben")
    QApplication.processEvents()
    assert abs(tab.sizes()[0] - 300) <= tab.handleWidth()
