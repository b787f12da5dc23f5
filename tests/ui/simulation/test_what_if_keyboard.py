"""The What-If form from the keyboard: typing into the Purchases table's cells edits them,
Tab walks every field in order and back (QA: a newcomer and a keyboard-only user)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox

from canvas_app.ui.dialogs.number_field import NumberField
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.what_if_dialog import WhatIfDialog


def _type_into(qtbot, field: NumberField, text: str) -> None:
    qtbot.mouseClick(field.lineEdit(), Qt.MouseButton.LeftButton)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(QApplication.focusWidget(), text)


def open_form(qtbot, window: MainWindow) -> WhatIfDialog:
    dialog = window.simulation_panel.new_what_if()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


def test_typing_in_chance_and_within_edits_them_not_the_product(qtbot,
                                                                window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    product = dialog.purchases.cellWidget(0, 0)
    chance = dialog.purchases.cellWidget(0, 1)
    within = dialog.purchases.cellWidget(0, 2)
    assert isinstance(product, QComboBox) and product.currentData() == "shock"
    assert isinstance(chance, NumberField) and isinstance(within, NumberField)
    _type_into(qtbot, chance, "75")
    assert QApplication.focusWidget() is chance
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backspace)
    QTest.keyClicks(QApplication.focusWidget(), "0")
    assert chance.value() == 70.0
    _type_into(qtbot, within, "21")
    assert within.value() == 21
    assert product.currentData() == "shock"
    purchase = dialog.what_if().purchases[0]
    assert (purchase.product, purchase.probability, purchase.within_days) == ("shock", 0.7, 21)
    assert dialog.purchases.currentRow() == 0  # the row being edited is still the one chosen
    dialog.reject()


def _walk(qtbot, dialog: WhatIfDialog, key: Qt.Key, steps: int) -> list:
    """The focused widget after each of ``steps`` presses of ``key``."""
    out = []
    for _ in range(steps):
        QTest.keyClick(QApplication.focusWidget(), key)
        out.append(QApplication.focusWidget())
    return out


def test_tab_walks_every_cell_and_on_to_the_rest_of_the_form(qtbot,
                                                             window: MainWindow) -> None:
    """QA: Tab stopped for good on row 1's product box; Chance, Within, Channel, Add
    Purchase and everything below were out of the keyboard's reach."""
    dialog = open_form(qtbot, window)
    dialog.add_purchase("checkup", 10.0, 14)  # a row added later joins the walk in its place
    cells = [dialog.purchases.cellWidget(row, column) for row in range(2) for column in range(4)]
    # the tabs of Purchases and Logins and tags, then the page on show (QA 23g)
    expected = [dialog.count, dialog.arrival, dialog.start, dialog.days, dialog.campaign,
                dialog.share, dialog.tables.tabBar(), *cells, dialog.add_button,
                dialog.remove_button,
                dialog.payment_type, dialog.failure, dialog.error, dialog.retry,
                dialog.retry_hours, dialog.renewals, dialog.renewal_days, dialog.seed]
    dialog.description.setFocus()
    forward = _walk(qtbot, dialog, Qt.Key.Key_Tab, len(expected))
    assert forward == expected
    # and on to the buttons, not back into the table
    after = _walk(qtbot, dialog, Qt.Key.Key_Tab, 2)
    assert set(after) == {dialog.run_button,
                          dialog.buttons.button(dialog.buttons.StandardButton.Cancel)}
    # Shift+Tab (Backtab) goes back the same way
    dialog.seed.setFocus()
    back = _walk(qtbot, dialog, Qt.Key.Key_Backtab, len(expected))
    assert back == [*reversed(expected[:-1]), dialog.description]
    # each row's cell, reached by Tab, is the table's current one, its row selected
    assert dialog.purchases.currentRow() == 0
    dialog.reject()


def test_tab_from_the_last_cell_leaves_the_table_after_a_row_is_removed(
        qtbot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    dialog.add_purchase("checkup", 10.0, 14)
    dialog.add_purchase("mitt", 5.0, 3)
    dialog.purchases.cellWidget(1, 0).setFocus()
    dialog.remove_button.click()  # the middle row goes
    last = dialog.purchases.cellWidget(1, 3)
    assert isinstance(last, QComboBox)
    last.setFocus()
    assert _walk(qtbot, dialog, Qt.Key.Key_Tab, 1) == [dialog.add_button]
    dialog.reject()
