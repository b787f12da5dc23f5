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
