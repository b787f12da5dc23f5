"""Tab leaves a table for the next widget, Shift+Tab for the one before; the arrows move
within it (QA, keyboard only: Tab walked the contacts table cell by cell and wrapped,
changing the contact, and so the journey, shown)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from canvas_app.ui.dialogs import open_catalog_manager
from canvas_app.ui.main_window import MainWindow
from tests.ui.dialogs.conftest import undo_stack, workspace  # noqa: F401  (fixtures)


def _active(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _tab_leaves(view: QAbstractItemView, key: Qt.Key = Qt.Key.Key_Tab) -> QWidget | None:
    """Where the focus is after ``key`` pressed in ``view``."""
    view.setFocus()
    assert QApplication.focusWidget() is view
    QTest.keyClick(view, key)
    return QApplication.focusWidget()


def test_tab_leaves_the_contacts_table_and_the_journey(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=30000)
    panel.tabs.setCurrentWidget(panel.contacts)
    _active(qtbot, window)
    table, journey = panel.contacts_table, panel.journey
    assert table.model().rowCount() >= 2
    table.selectRow(0)
    first = panel.contacts.selected_contact()
    assert first is not None
    for view in (table, journey):
        assert not view.tabKeyNavigation()
    after = _tab_leaves(table)
    assert after is not table and not table.isAncestorOf(after)
    assert panel.contacts.selected_contact() == first  # the same contact, the same journey
    assert journey.property("contact") == first
    before = _tab_leaves(table, Qt.Key.Key_Backtab)
    assert before is not table and not table.isAncestorOf(before)
    assert panel.contacts.selected_contact() == first
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert panel.contacts.selected_contact() == first  # Ctrl+Tab kept the selection too
    # The arrows still move within the table.
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Down)
    assert panel.contacts.selected_contact() not in (None, first)
    after = _tab_leaves(journey)
    assert after is not journey and not journey.isAncestorOf(after)


def test_tab_leaves_the_catalog_tables(qtbot, workspace, undo_stack) -> None:  # noqa: F811
    dialog = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    _active(qtbot, dialog)
    for index, table in enumerate(dialog.tables.values()):
        dialog.tabs.setCurrentIndex(index)
        assert not table.tabKeyNavigation()
        table.selectRow(0)
        after = _tab_leaves(table)
        assert after is not table and not table.isAncestorOf(after)
        assert table.currentRow() == 0
    dialog.reject()


def test_tab_leaves_the_shortcuts_table(qtbot, window: MainWindow) -> None:
    window.actions_by_name["shortcuts"].trigger()
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    _active(qtbot, dialog)
    table = dialog.table
    assert not table.tabKeyNavigation()
    after = _tab_leaves(table)
    assert after is not table and not table.isAncestorOf(after)
    dialog.reject()
