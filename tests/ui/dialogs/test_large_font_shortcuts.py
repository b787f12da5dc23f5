"""Help > Keyboard and Mouse at the user's 14 pt font (QA11: the "What" column shrank to
40 px, every action cut to "Ne…", "Sav…", in a fixed 640 x 560 window while "Where" stayed
wide): every action shows whole, long texts wrap onto lines the row has room for, and the
window sizes from its contents within the screen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from canvas_app.ui.dialogs.window_size import room_on_screen
from canvas_app.ui.shortcuts import MENU_ORDER, ShortcutsDialog, shortcut_rows
from tests.ui.canvas.conftest import SAMPLE, make_window


@pytest.fixture
def large_font(qapp):
    """The application's font at 14 pt (as a launcher sets it), restored afterwards."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(14.0)
    qapp.setFont(font)
    yield font
    qapp.setFont(before)


def shortcuts(qtbot, tmp_path: Path) -> tuple[ShortcutsDialog, int]:
    """The dialog of the sample's main window, shown, and how many rows are menu actions."""
    source = tmp_path / "pool.campaign.json"
    shutil.copy(SAMPLE, source)
    window = make_window(qtbot, str(source), tmp_path)
    window.show_shortcuts()
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    return dialog, len(shortcut_rows([window.menus[k] for k in MENU_ORDER]))


def assert_every_text_shows(dialog: ShortcutsDialog, actions: int) -> None:
    """The menu actions' names on one line, whole; every other "What" and "Keys" text
    wrapped into lines its row has room for, no word wider than its column."""
    table = dialog.table
    metrics = QFontMetrics(table.font())
    pad = dialog.text_padding()
    longest = max(metrics.horizontalAdvance(table.item(r, 1).text()) for r in range(actions))
    assert table.columnWidth(1) >= longest + pad
    for row in range(table.rowCount()):
        for column in (1, 2):
            text = table.item(row, column).text()
            width = table.columnWidth(column) - pad
            assert max(metrics.horizontalAdvance(w) for w in text.split()) <= width, text
            lines = metrics.boundingRect(QRect(0, 0, width, 10_000),
                                         Qt.TextFlag.TextWordWrap, text)
            assert lines.height() <= table.rowHeight(row), (text, table.rowHeight(row))


def test_every_action_shows_whole_at_14_pt(qtbot, tmp_path, large_font):
    dialog, actions = shortcuts(qtbot, tmp_path)
    table = dialog.table
    assert table.font().pointSizeF() == pytest.approx(14.0)
    assert_every_text_shows(dialog, actions)
    assert not table.horizontalScrollBar().isVisible()
    room = room_on_screen(dialog)
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    # as tall as its rows where there is room, else two thirds of the screen's height
    # (never less than LEAST_HEIGHT where the screen has that): the table scrolls
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    tallest = min(room.height(), max(dialog.LEAST_HEIGHT, room.height() * 2 // 3))
    if table.verticalScrollBar().isVisible():
        assert dialog.height() == tallest
    else:
        assert table.viewport().height() >= rows
    # a row of one line is one line tall (Fusion's 30 px default made each look double)
    one_line = QFontMetrics(table.font()).height()
    assert table.rowHeight(0) <= one_line + dialog.ROW_ROOM + 2


def test_a_narrow_window_elides_where_before_an_action(qtbot, tmp_path, large_font):
    dialog, actions = shortcuts(qtbot, tmp_path)
    table = dialog.table
    where = table.columnWidth(0)
    dialog.resize(520, dialog.height())
    qtbot.waitUntil(lambda: dialog.width() == 520)
    QApplication.processEvents()
    assert table.columnWidth(0) < where  # "Campaigns list" gives way ("Campaign…")
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
    assert_every_text_shows(dialog, actions)
