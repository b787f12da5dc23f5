"""The What-If form's purchase buttons from the keyboard (QA4 s80, s100): Remove has an
Alt+letter no other control of the form has, and after Add purchase the keyboard is in the
new row's first field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from canvas_app.ui.main_window import MainWindow
from tests.ui.simulation.test_what_if_keyboard import open_form

ALT = Qt.KeyboardModifier.AltModifier


def _mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def test_remove_has_an_alt_letter_of_its_own(qtbot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    keys = [_mnemonic(w.text()) for w in dialog.findChildren(QLabel)
            + dialog.findChildren(QAbstractButton)]
    keys = [k for k in keys if k]
    remove = _mnemonic(dialog.remove_button.text())
    assert remove.startswith("Alt+")
    assert keys.count(remove) == 1, keys
    assert len(keys) == len(set(keys)), keys
    dialog.add_purchase_row()
    rows = dialog.purchases.rowCount()
    assert rows >= 2
    QTest.keyClick(QApplication.focusWidget(), Qt.Key(ord(remove[-1])), ALT)
    qtbot.waitUntil(lambda: dialog.purchases.rowCount() == rows - 1, timeout=3000)
    dialog.reject()


def test_add_purchase_puts_the_keyboard_in_the_new_row(qtbot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    dialog.purchases.cellWidget(0, 1).setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    rows = dialog.purchases.rowCount()
    assert dialog.add_button.isEnabled()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, ALT)  # &Add purchase
    qtbot.waitUntil(lambda: dialog.purchases.rowCount() == rows + 1, timeout=3000)
    first = dialog.purchases.cellWidget(rows, 0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=3000)
    assert dialog.purchases.currentRow() == rows  # the new row is the one chosen
    dialog.reject()
