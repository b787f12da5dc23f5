"""QA5 at 1280 px: with a contact chosen the journey got a third of the width; "What" wrapped
to three lines ("added to / the / campaign") and the Details heavily; a cut list of goals
("Bought pool s… Visit booked") hid the goal between. Checked at 1280x800 and 1440x900."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.contacts_model import ITEMS_ROLE
from canvas_app.ui.simulation.contacts_table import WHERE_NOW, elided_list

from .test_simulation_panel import finished_on_tab

SIZES = [(1280, 800), (1440, 900)]
DETAIL_LINES = {1280: 4, 1440: 4}  # the longest Details of the sample at most (a third of
# the width wrapped it to six)
GOALS, TAGS = 3, 4


def click_contact(qtbot: QtBot, window: MainWindow, name: str) -> None:
    panel = window.simulation_panel
    table, model = panel.contacts_table, panel.contacts_model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == name)
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: panel.journey.topLevelItemCount() > 1)


def shown_text(window: MainWindow, index: QModelIndex) -> tuple[str, int]:
    """The text the table paints in the cell, and the width it has for it."""
    table = window.simulation_panel.contacts_table
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.rect = table.visualRect(index)
    table.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.text, option.rect.width() - 6  # less the style's text margins


@pytest.mark.parametrize("size", SIZES)
def test_the_journey_reads_what_happened_on_one_line(qtbot: QtBot, window: MainWindow,
                                                     size: tuple[int, int]) -> None:
    finished_on_tab(qtbot, window, size, "contacts")
    click_contact(qtbot, window, "Ben Okafor")
    QApplication.processEvents()
    panel = window.simulation_panel
    journey, table, model = panel.journey, panel.contacts_table, panel.contacts_model
    tab = panel.contacts
    assert tab.sizes()[1] > tab.width() * 0.4  # not a third
    metrics = journey.fontMetrics()
    line = metrics.lineSpacing()
    for i in range(journey.topLevelItemCount()):
        item = journey.topLevelItem(i)
        what = item.text(1)
        assert metrics.horizontalAdvance(what) + 8 <= journey.columnWidth(1), what
        lines = DETAIL_LINES[size[0]]
        assert journey.visualItemRect(item).height() <= lines * line + 8, item.text(3)
    # the contacts keep their names and where they are whole beside it (the email gives
    # way first, cut in the middle, its tooltip whole)
    table_metrics = table.fontMetrics()
    for row in range(model.rowCount()):
        for column in (0, WHERE_NOW):
            text = model.data(model.index(row, column))
            assert table_metrics.horizontalAdvance(text) + 6 <= table.columnWidth(column), text


@pytest.mark.parametrize("size", SIZES)
def test_a_cut_list_of_goals_says_how_many_it_leaves_out(qtbot: QtBot, window: MainWindow,
                                                         size: tuple[int, int]) -> None:
    finished_on_tab(qtbot, window, size, "contacts")
    panel = window.simulation_panel
    model = panel.contacts_model
    metrics = panel.contacts_table.fontMetrics()
    checked = 0
    for row in range(model.rowCount()):
        for column in (GOALS, TAGS):
            index = model.index(row, column)
            names = index.data(ITEMS_ROLE)
            if not names:
                continue
            whole = model.data(index)
            assert model.data(index, Qt.ItemDataRole.ToolTipRole) == whole  # all of them
            text, width = shown_text(window, index)
            if text == whole:
                assert metrics.horizontalAdvance(text) <= width
                continue
            checked += 1
            assert metrics.horizontalAdvance(text) <= width, text
            counted = re.fullmatch(r"(.*), \+(\d+)", text) or re.fullmatch(r"(\d+) \w+", text)
            assert counted, text
            if counted.re.pattern.startswith("(\\d"):
                assert int(counted.group(1)) == len(names)
            else:
                shown = counted.group(1).split(", ")
                assert len(shown) + int(counted.group(2)) == len(names), text
                assert shown[:-1] == list(names[:len(shown) - 1])  # whole names, in order
    assert checked  # the sample has lists too long for their cells at these sizes


def test_elided_list_fits_and_counts_at_every_width(qtbot: QtBot, window: MainWindow) -> None:
    metrics = window.simulation_panel.contacts_table.fontMetrics()
    names = ("Bought pool shock", "Subscribed to checkup", "Visit booked")
    whole = ", ".join(names)
    assert elided_list(names, metrics, metrics.horizontalAdvance(whole)) == whole
    seen = set()
    for width in range(metrics.horizontalAdvance("3 goals"), metrics.horizontalAdvance(whole)):
        text = elided_list(names, metrics, width, "goals")
        assert metrics.horizontalAdvance(text) <= width, (width, text)
        assert text.endswith(("+1", "+2")) or text == "3 goals", text
        seen.add(text)
    assert {"Bought pool shock, Subscribed to checkup, +1", "Bought pool shock, +2",
            "3 goals"} <= seen
