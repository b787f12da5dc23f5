"""QA 81: at a 1024x640 window the Contacts and journeys tab showed four of the sample's five
contacts. A contact's row is a line of text tall (the journey's rows are a line a line), and
the tab's pages have no frame of their own: all five show."""

from __future__ import annotations

import pytest

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.contacts_table import ROW_PAD

from .test_simulation_panel import finished_on_tab


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800)])
def test_every_sample_contact_shows_whole(qtbot, window: MainWindow,
                                          size: tuple[int, int]) -> None:
    finished_on_tab(qtbot, window, size, "contacts")
    panel = window.simulation_panel
    table = panel.contacts_table
    rows = panel.contacts_model.rowCount()
    assert rows == 5
    table.scrollToTop()
    last = rows - 1
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
    assert table.verticalScrollBar().maximum() == 0


def test_a_contacts_row_is_one_line_of_text(qtbot, window: MainWindow) -> None:
    finished_on_tab(qtbot, window, (1024, 640), "contacts")
    table = window.simulation_panel.contacts_table
    line = table.fontMetrics().height()
    for row in range(table.model().rowCount()):
        assert line <= table.rowHeight(row) <= line + ROW_PAD  # the text whole, no more
