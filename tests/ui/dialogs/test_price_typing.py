"""The price field (QA 3, item 7): "1e3" is not silently 13, a pasted "$1,299.00" is
1299.00, and whatever the field does not take, it says why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from canvas_app.ui.dialogs.catalog_item import CatalogItemDialog
from canvas_app.ui.dialogs.number_field import parse_number, without_currency

from .helpers import product_dialog


def price_dialog(qtbot, workspace) -> CatalogItemDialog:
    dialog = product_dialog(qtbot, workspace)
    field = dialog.price_spin
    field.setFocus()
    field.selectAll()
    return dialog


def paste(field, text: str) -> None:
    QApplication.clipboard().setText(text)
    field.selectAll()
    field.lineEdit().paste()


def test_typing_1e3_says_the_e_was_not_taken(qtbot, workspace):
    dialog = price_dialog(qtbot, workspace)
    qtbot.keyClicks(dialog.price_spin, "1e3")
    assert dialog.price_spin.text() == "13"
    why = 'Not taken: "e". The price holds digits, with "." or "," before the decimals ' \
          "(for 1e3, type 1000)"
    assert dialog.price_spin.refusal() == why
    assert why in dialog.problem_label.text() and dialog.problem_label.isVisible()
    assert dialog.price_spin.toolTip() == why
    dialog.price_spin.selectAll()
    qtbot.keyClicks(dialog.price_spin, "1000")  # typed over: the note goes
    assert dialog.price_spin.refusal() == ""
    assert "Not taken" not in dialog.problem_label.text()
    assert dialog.price_spin.value() == 1000.0 and dialog.save_button.isEnabled()


@pytest.mark.parametrize(("pasted", "shown", "value"), [
    ("$1,299.00", "1,299.00", 1299.0),
    ("1.299,00 €", "1.299,00", 1299.0),
    ("£ 12.50", "12.50", 12.5),
    ("1 299,50", "1 299,50", 1299.5),
    ("1,299,000", "1,299,000", 1_299_000.0),
])
def test_a_pasted_price_with_a_currency_sign_and_separators_is_read(qtbot, workspace,
                                                                    pasted, shown, value):
    dialog = price_dialog(qtbot, workspace)
    paste(dialog.price_spin, pasted)
    assert dialog.price_spin.text() == shown
    assert dialog.price_spin.value() == value
    assert dialog.price_spin.refusal() == ""
    assert dialog.save_button.isEnabled() == (value is not None)


def test_a_pasted_word_is_refused_with_a_reason(qtbot, workspace):
    dialog = price_dialog(qtbot, workspace)
    before = dialog.price_spin.text()
    paste(dialog.price_spin, "twelve")
    assert dialog.price_spin.text() == before
    assert dialog.price_spin.refusal().startswith('Not taken: "twelv"')
    assert "Not taken" in dialog.problem_label.text()


def test_saved_price_is_the_pasted_one(qtbot, workspace):
    dialog = price_dialog(qtbot, workspace)
    paste(dialog.price_spin, "$1,299.00")
    dialog.save_button.click()
    assert dialog.value().price == 1299.0


@pytest.mark.parametrize(("text", "value"), [
    ("1,299.00", 1299.0), ("1.299,99", 1299.99), ("1'299.50", 1299.5),
    ("1 299", 1299.0), ("12,99", 12.99)])
def test_thousands_separators_are_read_where_they_cannot_be_decimals(text, value):
    assert parse_number(text, 2, 0, 1_000_000, "the price") == (value, "")


@pytest.mark.parametrize("text", ["1,299", "1.299", "12,9,9", "1.299.99"])
def test_what_could_be_decimals_is_never_guessed(text):
    assert parse_number(text, 2, 0, 1_000_000, "the price")[0] is None


def test_the_locales_own_currency_is_taken_off():
    swiss = QLocale(QLocale.Language.German, QLocale.Country.Switzerland)
    assert without_currency("CHF 1'299.00", swiss) == "1'299.00"
    assert without_currency("¥1200") == "1200"
