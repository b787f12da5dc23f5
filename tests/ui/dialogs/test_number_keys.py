"""A number field takes no letters (QA: the Delay field took "abc", then flagged it); what
can be part of a number is still taken as typed and judged as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .helpers import delayed_action


def delay_amount(qtbot):
    dialog, amount = delayed_action(qtbot)
    amount.setFocus()
    amount.selectAll()
    qtbot.keyClick(amount, Qt.Key.Key_Delete)
    return dialog, amount


def test_letters_typed_into_the_delay_are_not_taken(qtbot):
    dialog, amount = delay_amount(qtbot)
    qtbot.keyClicks(amount, "1a2bc")
    assert amount.text() == "12"
    assert amount.problem() == ""
    assert dialog.save_button.isEnabled()
    assert "not a valid number" not in dialog.steps_editor.list.item(0).text()


def test_pasted_letters_are_not_taken(qtbot):
    _dialog, amount = delay_amount(qtbot)
    qtbot.keyClicks(amount, "5")
    QApplication.clipboard().setText("hours")
    amount.lineEdit().paste()
    assert amount.text() == "5"


@pytest.mark.parametrize(("typed", "why"), [
    ("0", "the delay must be more than 0"),
    ("-3", "the delay must be more than 0"),
    ("1.5", "the delay must be a whole number"),
    ("2000000", "the delay can be at most"),
])
def test_out_of_range_numbers_are_still_taken_and_flagged(qtbot, typed, why):
    dialog, amount = delay_amount(qtbot)
    qtbot.keyClicks(amount, typed)
    assert amount.text() == typed  # shown as typed, not corrected
    assert amount.problem().startswith(why), amount.problem()
    assert amount.property("invalid")
    assert not dialog.save_button.isEnabled()
    assert why[:1].upper() + why[1:] in dialog.problem_label.text()
