"""Visual QA at 1280x800: in a contact's journey the What and Details wrapped to three lines
while the Node column, mostly empty, kept the width of "Post-purchase"; at 1024x700 a node's
name broke in the middle of a word. What and Node now take the room their words need, the
Details the rest, and no word is broken."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QStyle

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.journey_view import PAD

from .test_simulation_panel import finished_on_tab

WHAT, NODE, DETAILS = 1, 2, 3


def journey_of(qtbot, window: MainWindow, contact: str) -> list[list[str]]:
    panel = window.simulation_panel
    panel.select_contact(contact)
    journey = panel.journey
    qtbot.waitUntil(lambda: journey.topLevelItemCount() > 1)
    QApplication.processEvents()
    return [[journey.topLevelItem(i).text(c) for c in range(4)]
            for i in range(journey.topLevelItemCount())]


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_what_and_node_take_the_room_their_words_need(qtbot, window: MainWindow,
                                                      size: tuple[int, int]) -> None:
    finished_on_tab(qtbot, window, size, "contacts")
    journey = window.simulation_panel.journey
    metrics = journey.fontMetrics()
    margin = journey.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                         journey) + 1
    for contact in ("c-ana", "c-ben", "c-dev"):
        steps = journey_of(qtbot, window, contact)
        names = [step[NODE] for step in steps]
        # Node no wider than its longest name (a journey of short names: a narrow column)
        longest = max(metrics.horizontalAdvance(name) for name in names)
        assert journey.columnWidth(NODE) <= max(longest, metrics.horizontalAdvance("Node")) \
            + PAD, contact
        for column in (WHAT, NODE):  # a name or an event wraps between its words only
            for word in {w for step in steps for w in step[column].split()}:
                assert metrics.horizontalAdvance(word) + 2 * margin <= \
                    journey.columnWidth(column), (contact, word)
        # the Details get the rest of the journey's width
        header = journey.header()
        assert header.sectionPosition(DETAILS) + header.sectionSize(DETAILS) == \
            journey.viewport().width()


def test_the_qa_s_step_takes_two_lines_at_1280(qtbot, window: MainWindow) -> None:
    """Ben's journey at 1280x800: being added to the campaign by an action set took three
    lines of Details beside a Node column with nothing in it."""
    finished_on_tab(qtbot, window, (1280, 800), "contacts")
    journey = window.simulation_panel.journey
    steps = journey_of(qtbot, window, "c-ben")
    line = journey.fontMetrics().lineSpacing()
    added = [i for i, step in enumerate(steps)
             if step[WHAT] == "added to the campaign" and "action set" in step[DETAILS]]
    assert added and not steps[added[0]][NODE]
    for i in added:
        assert journey.visualItemRect(journey.topLevelItem(i)).height() < 3 * line
