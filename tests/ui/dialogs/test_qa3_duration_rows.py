"""QA3 s19: a wait of 90 days typed in the step editor read "Delay 12 weeks 6 days" in the
step's row. A row says a duration in the unit the editor shows it in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from canvas_app.domain.timeutil import describe_duration
from canvas_app.ui.dialogs import open_node_editor

from .helpers import add_step_of, delayed_action

NBSP = "\N{NO-BREAK SPACE}"


def type_over(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_ninety_days_typed_read_ninety_days(qtbot, workspace, undo_stack) -> None:
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "post-purchase")
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.steps_editor
    add_step_of(qtbot, editor, "delay")
    edit = editor.form.duration_edit
    edit.unit.setCurrentIndex(edit.unit.findData(86400))
    type_over(qtbot, edit.amount, "90")
    row = editor.list.currentRow()
    assert editor.steps()[row].duration == timedelta(days=90)
    assert editor.list.item(row).text() == f"{row + 1}. Delay 90{NBSP}days"
    # and the editor, opened on it again, shows the same amount and unit
    editor.list.setCurrentRow(0)
    editor.list.setCurrentRow(row)
    assert (edit.amount.text(), edit.unit.currentText()) == ("90", "days")


def test_an_actions_delay_reads_as_typed(qtbot) -> None:
    dialog, amount = delayed_action(qtbot)
    editor = dialog.steps_editor
    unit = editor.form.delay_edit.unit
    unit.setCurrentIndex(unit.findData(3600))
    type_over(qtbot, amount, "36")
    assert editor.list.item(0).text().endswith(f'"Call them" (after 36{NBSP}hours)')


@pytest.mark.parametrize(("delta", "words"), [
    (timedelta(days=90), "90 days"),
    (timedelta(days=14), "2 weeks"),
    (timedelta(days=2, hours=3), "51 hours"),
    (timedelta(seconds=90), "90 seconds"),
    (timedelta(minutes=1), "1 minute"),
    (timedelta(days=1_000_000), "1,000,000 days"),
])
def test_one_unit_the_largest_that_holds_it_whole(delta: timedelta, words: str) -> None:
    assert describe_duration(delta) == words


def test_an_actions_delay_unit_reads_whole_once_plural(qtbot) -> None:
    """QA: ticked at "1 hour", then 30 minutes: the unit box kept the singulars' width and
    showed "minute:". It is as wide as the name it shows, whichever. (A large font, so that
    the "s" is more than the rounding of the offscreen test font.)"""
    from PySide6.QtWidgets import QApplication, QComboBox

    dialog, amount = delayed_action(qtbot)
    unit = dialog.steps_editor.form.delay_edit.unit
    font = unit.font()
    font.setPointSize(22)
    unit.setFont(font)
    type_over(qtbot, amount, "1")
    unit.setCurrentIndex(unit.findData(60))
    QApplication.processEvents()
    assert unit.currentText() == "minute"
    type_over(qtbot, amount, "30")
    assert unit.currentText() == "minutes"
    whole = QComboBox()  # a box made for "minutes" alone
    whole.setFont(font)
    whole.addItem("minutes")
    qtbot.waitUntil(lambda: unit.width() >= whole.sizeHint().width(), timeout=1000)
