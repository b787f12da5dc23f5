"""Ctrl+A selects every row of the contacts table and of the journey, and Ctrl+C copies the
selected rows whole, tab-separated under a line of headings (QA4 s44, s46: it copied the
current cell alone, and Ctrl+A selected nothing more)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from canvas_app.ui.main_window import MainWindow


def _finished(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=30000)
    panel.tabs.setCurrentWidget(panel.contacts)


def test_ctrl_a_ctrl_c_copy_every_contact_whole(qtbot, window: MainWindow) -> None:
    _finished(qtbot, window)
    panel = window.simulation_panel
    table, model = panel.contacts_table, panel.contacts_model
    assert model.rowCount() >= 2
    table.setFocus()
    table.selectRow(0)
    QTest.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(table.selectionModel().selectedRows()) == model.rowCount()
    QGuiApplication.clipboard().clear()
    QTest.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    header = table.horizontalHeader()
    order = [header.logicalIndex(v) for v in range(header.count())]
    assert lines[0].split("\t") == [model.headerData(c, Qt.Orientation.Horizontal)
                                    for c in order]
    assert len(lines) == 1 + model.rowCount()
    for row, line in enumerate(lines[1:]):
        cells = line.split("\t")
        assert len(cells) == len(order)
        # whole, as the model has it, whatever the column's width on screen
        email = model.index(row, 1).data()
        assert cells[order.index(1)] == email
        assert "…" not in line


def test_shift_selection_copies_those_rows_only(qtbot, window: MainWindow) -> None:
    _finished(qtbot, window)
    panel = window.simulation_panel
    table, model = panel.contacts_table, panel.contacts_model
    table.setFocus()
    table.selectRow(0)
    QTest.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 3
    names = [line.split("\t")[0] for line in lines[1:]]
    assert names == [model.index(0, 0).data(), model.index(1, 0).data()]
    # the journey is the current contact's (the one Shift+Down moved to)
    assert panel.contacts.selected_contact() == model.contact_id(1)


def test_ctrl_a_ctrl_c_copy_the_whole_journey(qtbot, window: MainWindow) -> None:
    _finished(qtbot, window)
    panel = window.simulation_panel
    panel.contacts_table.selectRow(0)
    journey = panel.journey
    steps = journey.topLevelItemCount()
    assert steps >= 2
    journey.setFocus()
    QTest.keyClick(journey, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(journey.selectedItems()) == steps
    QTest.keyClick(journey, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == ["When", "What", "Node", "Details"]
    assert len(lines) == 1 + steps
    for i, line in enumerate(lines[1:]):
        item = journey.topLevelItem(i)
        assert line.split("\t") == [" ".join(item.text(c).splitlines()) for c in range(4)]
