"""Find in the Simulation panel's log (QA4 s36: no find box, and Ctrl+F with the log
focused opened the canvas's node finder). Ctrl+F in the panel goes to the log's find field;
Enter, F3 the next match, Shift+Enter, Shift+F3 the one before, a count beside it, the match
scrolled to and marked; the canvas's Ctrl+F still opens its Find bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.log_view import LOG_LINES

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _active(qtbot, window: MainWindow) -> None:
    window.show_simulation_panel()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _lines(count: int) -> list[str]:
    """A long log: every 1,000th line names Zoë Quill, the others someone else."""
    return [f"2026-03-{1 + i % 28:02d} 10:00 {'Zoë Quill' if i % 1000 == 7 else 'Ann Lee'} "
            f"entered node {i}" for i in range(count)]


def test_ctrl_f_in_the_log_opens_its_find_the_canvas_keeps_its_own(qtbot,
                                                                  window: MainWindow) -> None:
    panel = window.simulation_panel
    _active(qtbot, window)
    panel.log_view.add_lines(_lines(50))
    panel.log_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.log_view)
    QTest.keyClick(panel.log_view, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is panel.log_find.field
    assert panel.log_find.isVisible()
    assert not window.find_bar.isVisible()
    # from another tab of the panel (a chart) too: the Log comes to the front
    panel.tabs.setCurrentWidget(panel.chart)
    panel.tabs.tabBar().setFocus()
    QTest.keyClick(panel.tabs.tabBar(), Qt.Key.Key_F, CTRL)
    assert panel.tabs.currentWidget() is panel.log_view
    assert QApplication.focusWidget() is panel.log_find.field
    assert not window.find_bar.isVisible()
    # the canvas focused: its Find bar, as before
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    QTest.keyClick(window.view, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible()


def test_enter_f3_and_shift_go_through_the_matches_of_a_long_log(qtbot,
                                                                 window: MainWindow) -> None:
    panel = window.simulation_panel
    log, finder = panel.log_view, panel.log_find
    _active(qtbot, window)
    lines = _lines(100_000)
    log.add_lines(lines)
    shown = lines[-LOG_LINES:]
    wanted = [i for i, line in enumerate(shown) if "zoë quill" in line.lower()]
    assert log.document().blockCount() == len(shown)
    log.setFocus()
    QTest.keyClick(log, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is finder.field
    QTest.keyClicks(finder.field, "zoË QUILL")  # any case
    qtbot.waitUntil(lambda: finder.count.text() != "", timeout=3000)
    assert finder.count.text().endswith(f" of {len(wanted):,}")

    def on_show() -> int:
        marks = log.extraSelections()
        assert len(marks) == 1
        cursor = marks[0].cursor
        assert cursor.selectedText().lower() == "zoë quill"
        assert log.textCursor().blockNumber() == cursor.blockNumber()
        assert log.viewport().rect().contains(log.cursorRect(cursor).center())
        return cursor.blockNumber()

    first = on_show()
    assert first in wanted
    at = wanted.index(first)
    QTest.keyClick(finder.field, Qt.Key.Key_Return)
    assert on_show() == wanted[(at + 1) % len(wanted)]
    assert finder.count.text() == f"{(at + 1) % len(wanted) + 1} of {len(wanted):,}"
    QTest.keyClick(finder.field, Qt.Key.Key_F3)
    assert on_show() == wanted[(at + 2) % len(wanted)]
    QTest.keyClick(finder.field, Qt.Key.Key_Return, SHIFT)
    assert on_show() == wanted[(at + 1) % len(wanted)]
    # F3 and Shift+F3 with the log itself focused
    log.setFocus()
    QTest.keyClick(log, Qt.Key.Key_F3, SHIFT)
    assert on_show() == wanted[at]
    QTest.keyClick(log, Qt.Key.Key_F3)
    assert on_show() == wanted[(at + 1) % len(wanted)]
    assert not window.find_bar.isVisible()


def test_no_match_says_so(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.log_view.add_lines(_lines(30))
    panel.log_find.field.setText("nobody of that name")
    panel.log_find.step(True)
    assert panel.log_find.count.text() == "No match"
    assert panel.log_view.extraSelections() == []
