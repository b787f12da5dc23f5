"""Typed numbers and dates are read as meant or refused visibly, never silently turned into
another value (QA 7)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCalendarWidget

from canvas_app.domain.workspace import Workspace
from canvas_app.ui.dialogs import open_catalog_manager, open_node_editor
from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.date_field import parse_utc
from canvas_app.ui.dialogs.number_field import parse_number

from .helpers import add_step_of, click, delayed_action, shown_action_set


def retype(qtbot, field, text: str) -> None:
    """Selects the field's text and types ``text`` over it, then leaves it with Tab."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


@pytest.mark.parametrize(("text", "value"), [
    ("12,99", 12.99), ("12.99", 12.99), (" 7 ", 7.0), ("0,5", 0.5), (",5", 0.5),
    ("1000000", 1_000_000.0)])
def test_parse_number_reads_a_point_or_a_comma_as_the_decimal_mark(text, value):
    assert parse_number(text, 2, 0, 1_000_000, "the price") == (value, "")


@pytest.mark.parametrize(("text", "why"), [
    ("-12,99", "the price cannot be negative"),
    ("abc", 'the price "abc" is not a number'),
    ("12,9,9", "is not a number"),
    ("1,299", "has 3 decimals, at most 2"),
    ("1.299.99", "is not a number"),
    ("", "the price is missing"),
    ("2000000", "at most 1,000,000.00")])
def test_parse_number_refuses_what_is_no_price(text, why):
    value, message = parse_number(text, 2, 0, 1_000_000, "the price")
    assert value is None and why in message


def open_product(qtbot, workspace, undo_stack):
    manager = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(manager)
    manager.select("products", "mitt")
    click(qtbot, manager.edit_buttons["products"])
    item = manager.item_dialog
    item.activateWindow()
    qtbot.waitActive(item)
    return item


def test_a_price_typed_with_a_comma_is_saved_as_meant(qtbot, workspace, undo_stack):
    """QA 7: "12,99" then Tab gave 1299.00, silently."""
    item = open_product(qtbot, workspace, undo_stack)
    retype(qtbot, item.price_spin, "12,99")
    assert item.price_spin.text() == "12,99"
    assert item.save_button.isEnabled()
    click(qtbot, item.save_button)
    assert workspace.catalog.products["mitt"].price == 12.99


@pytest.mark.parametrize(("text", "why"), [
    ("-12,99", "The price cannot be negative"),
    ("12,9,9", 'The price "12,9,9" is not a number'),
    ("1,299", "has 3 decimals")])
def test_a_typed_price_that_is_no_price_is_refused_visibly(qtbot, workspace, undo_stack,
                                                           text, why):
    """QA 7: "-12,99" silently became 0.00."""
    before = workspace.catalog.products["mitt"].price
    item = open_product(qtbot, workspace, undo_stack)
    retype(qtbot, item.price_spin, text)
    assert item.price_spin.text() == text  # kept as typed, not changed into a price
    assert item.price_spin.property("invalid") is True
    assert why in item.problem_label.text() and item.problem_label.isVisible()
    assert not item.save_button.isEnabled()
    qtbot.keyClick(item, Qt.Key.Key_Return)  # Enter does not save either
    assert workspace.catalog.products["mitt"].price == before
    retype(qtbot, item.price_spin, "8")
    assert item.save_button.isEnabled() and item.price_spin.property("invalid") is False


def open_nurture(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "nurture")
    qtbot.addWidget(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


@pytest.mark.parametrize("text", ["1,5", "1.5", "-3", "2,,5"])
def test_a_wait_that_is_no_whole_number_is_refused(qtbot, workspace, undo_stack, text):
    """A QSpinBox made 15 of "1,5" and "1.5", and 3 of "-3", silently."""
    dialog = open_nurture(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)  # Delay 2 days
    amount = editor.form.duration_edit.amount
    retype(qtbot, amount, text)
    assert amount.text() == text
    assert not dialog.save_button.isEnabled()
    assert dialog.problem_label.text().startswith("Step 2: The wait")
    assert dialog.value() is None  # nothing can be saved meanwhile (not 15 days, not 3)
    # another step and back: what was typed is still there, and still refused
    editor.list.setCurrentRow(0)
    assert not dialog.save_button.isEnabled()
    editor.list.setCurrentRow(1)
    assert amount.text() == text and amount.property("invalid") is True
    retype(qtbot, amount, "4")
    assert dialog.save_button.isEnabled()
    assert editor.steps()[1].duration == timedelta(days=4)


def test_removing_the_step_with_a_refused_field_removes_its_problem(qtbot, workspace,
                                                                     undo_stack):
    dialog = open_nurture(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)
    retype(qtbot, editor.form.duration_edit.amount, "1,5")
    assert not dialog.save_button.isEnabled()
    click(qtbot, editor.remove_button)
    assert dialog.save_button.isEnabled(), dialog.problem_label.text()


def test_a_ticked_delay_of_zero_is_refused_visibly(qtbot):
    dialog, amount = delayed_action(qtbot)
    editor = dialog.steps_editor
    retype(qtbot, amount, "0")
    assert amount.text() == "0"
    assert "Action 1: The delay must be more than 0" in dialog.problem_label.text()
    assert not dialog.save_button.isEnabled()
    editor.form.delay_check.setChecked(False)  # no delay: the 0 no longer matters
    assert dialog.save_button.isEnabled()
    assert dialog.value()[0].delay is None


def test_a_refused_price_moves_no_field(qtbot, workspace, undo_stack):
    """The problem line took its room from the form: the fields above were squeezed."""
    item = open_product(qtbot, workspace, undo_stack)
    widgets = (item.name_edit, item.price_spin, item.save_button, item.cancel_button)
    before = [w.geometry() for w in widgets]
    retype(qtbot, item.price_spin, "-5")
    assert item.problem_label.isVisible()
    assert [w.geometry() for w in widgets] == before


@pytest.mark.parametrize(("text", "why"), [
    ("2026-02-30 25:00", "February 2026 has 28 days; hours go from 00 to 23"),
    ("2028-02-30 09:00", "February 2028 has 29 days"),
    ("2026-13-01 09:00", "there is no month 13"),
    ("2026-04-31 09:60", "April 2026 has 30 days; minutes go from 00 to 59"),
    ("next tuesday", "is not a date and time"),
    ("", "no date is given")])
def test_parse_utc_refuses_dates_that_do_not_exist(text, why):
    moment, message = parse_utc(text)
    assert moment is None and why in message


def test_parse_utc_reads_a_date_and_time_in_utc():
    assert parse_utc("2028-02-29 23:59 UTC") == (datetime(2028, 2, 29, 23, 59, tzinfo=UTC), "")
    assert parse_utc(" 2027-3-1 9:30 ") == (datetime(2027, 3, 1, 9, 30, tzinfo=UTC), "")
    assert parse_utc("2027-03-01") == (datetime(2027, 3, 1, tzinfo=UTC), "")


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-12-01T09:00:00Z", datetime(2026, 12, 1, 9, 0, tzinfo=UTC)),  # the file's form
    ("2026-12-01T09:00:00.000Z", datetime(2026, 12, 1, 9, 0, tzinfo=UTC)),
    ("2026-12-01 09:00 +02:00", datetime(2026, 12, 1, 7, 0, tzinfo=UTC)),  # to UTC
    ("2026-12-01T09:00-0530", datetime(2026, 12, 1, 14, 30, tzinfo=UTC)),
    ("2026-12-31 23:30 -01:00", datetime(2027, 1, 1, 0, 30, tzinfo=UTC)),
])
def test_parse_utc_reads_the_files_form_and_offsets(text, expected):
    """QA 23b: "2026-12-01T09:00:00Z", as the file keeps a wait, was refused."""
    assert parse_utc(text) == (expected, "")


def test_a_time_typed_with_an_offset_reads_back_in_utc_when_typing_ends(qtbot):
    """QA 23h: "2026-12-01 09:00 +02:00" stayed on show while 07:00 UTC was kept."""
    from canvas_app.ui.dialogs.date_field import DateTimeField

    field = DateTimeField()
    qtbot.addWidget(field)
    for typed, shown in (("2026-12-01 09:00 +02:00", "2026-12-01 07:00 UTC"),
                         ("2026-12-01T09:00:00Z", "2026-12-01 09:00 UTC"),
                         ("2027-3-1 9:30", "2027-3-1 9:30"),  # the usual form: as typed
                         ("2026-02-30 09:00", "2026-02-30 09:00")):  # refused: as typed
        field.setText(typed)
        field.editingFinished.emit()
        assert field.text() == shown


@pytest.mark.parametrize(("text", "why"), [
    ("2026-12-01T09:00:30Z", "times are kept to the minute, so its seconds must be 00"),
    ("2026-12-01 09:00 +24:00", "there is no offset +24:00 from UTC"),
    ("0001-01-01 00:30 +01:00", "it is before year 1 or after year 9999 in UTC"),
])
def test_parse_utc_says_why_it_refuses_a_seconds_or_offset(text, why):
    moment, message = parse_utc(text)
    assert moment is None and message.endswith(why)


def add_wait_until(qtbot, workspace, undo_stack):
    dialog = open_nurture(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData("wait_until"))
    click(qtbot, editor.add_button)
    return dialog, editor, editor.list.currentRow()


def test_a_wait_until_date_that_does_not_exist_is_refused(qtbot, workspace, undo_stack):
    """QA 7: "2026-02-30 25:00" silently became 2026-02-03 02:50."""
    dialog, editor, row = add_wait_until(qtbot, workspace, undo_stack)
    field = editor.form.until_edit
    retype(qtbot, field, "2026-02-30 25:00")
    assert field.text() == "2026-02-30 25:00"  # as typed, not another date
    assert field.property("invalid") is True
    assert not dialog.save_button.isEnabled()
    assert dialog.value() is None
    assert (f'Step {row + 1}: "2026-02-30 25:00" does not exist: February 2026 has 28 days; '
            "hours go from 00 to 23") in dialog.problem_label.text()
    retype(qtbot, field, "2026-02-28 23:00")
    assert dialog.save_button.isEnabled(), dialog.problem_label.text()
    assert editor.steps()[row].until == datetime(2026, 2, 28, 23, 0, tzinfo=UTC)


def test_up_and_down_step_the_part_at_the_cursor(qtbot, workspace, undo_stack):
    dialog, editor, row = add_wait_until(qtbot, workspace, undo_stack)
    field = editor.form.until_edit
    field.set_value(datetime(2028, 1, 31, 9, 30, tzinfo=UTC))
    field.setFocus()
    field.select_section(1)  # the month
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "2028-02-29 09:30 UTC"  # the last day of February
    field.select_section(3)  # the hour
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert editor.steps()[row].until == datetime(2028, 2, 29, 8, 30, tzinfo=UTC)
    assert field.selectedText() == "08"


def test_the_calendar_puts_in_the_day_picked_and_keeps_the_time(qtbot, workspace,
                                                                 undo_stack):
    from PySide6.QtCore import QDate

    dialog, editor, row = add_wait_until(qtbot, workspace, undo_stack)
    field = editor.form.until_edit
    field.set_value(datetime(2027, 5, 10, 14, 45, tzinfo=UTC))
    field.calendar_action.trigger()
    popup = field.calendar_popup
    assert popup is not None and popup.isVisible()
    picker = popup.findChild(QCalendarWidget, "pickDayCalendar")
    assert picker.selectedDate() == QDate(2027, 5, 10)
    picker.clicked.emit(QDate(2027, 6, 2))
    assert editor.steps()[row].until == datetime(2027, 6, 2, 14, 45, tzinfo=UTC)
    assert not popup.isVisible()


def open_calendar_by_key(qtbot, field, key, modifier=Qt.KeyboardModifier.NoModifier):
    from PySide6.QtWidgets import QApplication

    field.window().activateWindow()
    qtbot.waitUntil(field.window().isActiveWindow)
    field.setFocus()
    assert QApplication.focusWidget() is field
    field.select_section(4)  # the minutes: Alt+Down once changed them
    before = field.text()
    qtbot.keyClick(field, key, modifier)
    assert field.text() == before
    popup = getattr(field, "calendar_popup", None)
    assert popup is not None and popup.isVisible()
    focused = QApplication.focusWidget()
    assert focused is not None and popup.isAncestorOf(focused), focused
    return popup, focused


@pytest.mark.parametrize(("key", "modifier", "pick"), [
    (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier, Qt.Key.Key_Return),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier, Qt.Key.Key_Space),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier, Qt.Key.Key_Enter)])
def test_the_calendar_is_used_from_the_keyboard(qtbot, workspace, undo_stack, key, modifier,
                                                pick):
    """QA 8: no key opened the calendar (Alt+Down changed the minute), and in it the arrows
    and Enter did nothing."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    dialog, editor, row = add_wait_until(qtbot, workspace, undo_stack)
    field = editor.form.until_edit
    field.set_value(datetime(2027, 5, 10, 14, 45, tzinfo=UTC))
    popup, focused = open_calendar_by_key(qtbot, field, key, modifier)
    picker = popup.findChild(QCalendarWidget, "pickDayCalendar")
    assert picker.selectedDate() == QDate(2027, 5, 10)  # on the field's day
    qtbot.keyClick(focused, Qt.Key.Key_Right)
    qtbot.keyClick(focused, Qt.Key.Key_Down)
    assert picker.selectedDate() == QDate(2027, 5, 18)
    qtbot.keyClick(focused, pick)
    assert not popup.isVisible()
    assert editor.steps()[row].until == datetime(2027, 5, 18, 14, 45, tzinfo=UTC)
    assert QApplication.focusWidget() is field
    assert dialog.isVisible()  # Enter picked the day, it did not press Save


def test_esc_closes_the_calendar_and_gives_the_field_the_focus(qtbot, workspace, undo_stack):
    from PySide6.QtWidgets import QApplication

    dialog, editor, row = add_wait_until(qtbot, workspace, undo_stack)
    field = editor.form.until_edit
    field.set_value(datetime(2027, 5, 10, 14, 45, tzinfo=UTC))
    popup, focused = open_calendar_by_key(qtbot, field, Qt.Key.Key_F4)
    qtbot.keyClick(focused, Qt.Key.Key_Left)
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert dialog.isVisible()  # Esc closed the calendar, not the dialog
    assert editor.steps()[row].until == datetime(2027, 5, 10, 14, 45, tzinfo=UTC)
    assert QApplication.focusWidget() is field
    assert field.calendar_popup is None


def test_action_problems_are_listed_in_the_actions_order(qtbot):
    """QA 8: a typed-text problem of action 3 was listed before a settings problem of
    action 2."""
    dialog = shown_action_set(qtbot)
    editor = dialog.steps_editor
    click(qtbot, editor.add_button)  # action 1: a tag, given
    editor.form.tag_edit.setText("Customer")
    click(qtbot, editor.add_button)  # action 2: no tag (a settings problem)
    add_step_of(qtbot, editor, "notify_team")  # action 3: a refused delay (typed text)
    editor.form.message_edit.setText("Call them")
    editor.form.delay_check.setChecked(True)
    retype(qtbot, editor.form.delay_edit.amount, "0")
    text = dialog.problem_label.text()
    assert "Action 2" in text and "Action 3" in text
    assert text.index("Action 2") < text.index("Action 3")


@pytest.mark.parametrize(("text", "key", "section", "expected"), [
    ("9999-12-31 23:59", Qt.Key.Key_Up, 4, "9999-12-31 23:59 UTC"),
    ("9999-12-31 23:59", Qt.Key.Key_Up, 3, "9999-12-31 23:59 UTC"),
    ("9999-12-31 23:59", Qt.Key.Key_Up, 2, "9999-12-31 23:59 UTC"),
    ("9999-12-31 23:59", Qt.Key.Key_Up, 1, "9999-12-31 23:59 UTC"),
    ("9999-12-31 23:59", Qt.Key.Key_Up, 0, "9999-12-31 23:59 UTC"),
    ("0001-01-01 00:00", Qt.Key.Key_Down, 4, "0001-01-01 00:00 UTC"),
    ("0001-01-01 00:00", Qt.Key.Key_Down, 3, "0001-01-01 00:00 UTC"),
    ("0001-01-01 00:00", Qt.Key.Key_Down, 2, "0001-01-01 00:00 UTC"),
    ("0001-01-01 00:00", Qt.Key.Key_Down, 1, "0001-01-01 00:00 UTC"),
    ("0001-01-01 00:00", Qt.Key.Key_Down, 0, "0001-01-01 00:00 UTC"),
    ("9999-12-31 22:59", Qt.Key.Key_Up, 3, "9999-12-31 23:59 UTC"),
    ("0001-01-02 00:00", Qt.Key.Key_Down, 2, "0001-01-01 00:00 UTC"),
    ("2028-02-29 10:00", Qt.Key.Key_Up, 0, "2029-02-28 10:00 UTC"),
    ("2028-02-29 10:00", Qt.Key.Key_Down, 0, "2027-02-28 10:00 UTC"),
    ("2027-03-31 10:00", Qt.Key.Key_Down, 1, "2027-02-28 10:00 UTC"),
    ("2027-12-31 10:00", Qt.Key.Key_Up, 1, "2028-01-31 10:00 UTC"),
    ("0001-01-31 10:00", Qt.Key.Key_Down, 1, "0001-01-31 10:00 UTC"),
    ("9999-12-01 10:00", Qt.Key.Key_Up, 1, "9999-12-01 10:00 UTC")])
def test_up_and_down_stop_at_the_first_and_last_moment(qtbot, workspace, undo_stack, text,
                                                       key, section, expected):
    """QA 8: 9999-12-31 23:59 then Up raised an OverflowError ("internal error" dialog);
    at the limit the value stays put. pytest-qt fails the test on an exception raised in a
    key event."""
    dialog, editor, row = add_wait_until(qtbot, workspace, undo_stack)
    field = editor.form.until_edit
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    if section == 4:
        qtbot.keyClick(field, Qt.Key.Key_End)  # the QA's keys: End is in the minutes
    else:
        field.select_section(section)
    qtbot.keyClick(field, key)
    assert field.value() == parse_utc(expected)[0]
    assert editor.steps()[row].until == parse_utc(expected)[0]


def row_text(editor, row: int) -> str:
    return editor.list.item(row).text()


def test_the_step_list_never_shows_a_value_from_half_typed_text(qtbot, workspace,
                                                                undo_stack):
    """QA 8: typing "2020-02-30 25:00" passed through "2020-02-03", which was accepted and
    written into the step: the row read "Wait until 2020-02-03 00:00 UTC" and the "already
    passed" note spoke of that date."""
    dialog, editor, row = add_wait_until(qtbot, workspace, undo_stack)
    field = editor.form.until_edit
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "2020-02-30 25:00")
    assert row_text(editor, row) == f"{row + 1}. Wait until \N{EM DASH} no such date"
    assert "2020-02-03" not in row_text(editor, row)
    assert editor.form.warning_label.text() == ""
    assert editor.form.warning_label.isHidden()
    # another step and back: the refused text and what the row says survive
    editor.list.setCurrentRow(0)
    assert row_text(editor, row).endswith("Wait until \N{EM DASH} no such date")
    editor.list.setCurrentRow(row)
    assert field.text() == "2020-02-30 25:00"
    assert row_text(editor, row).endswith("Wait until \N{EM DASH} no such date")
    assert editor.form.warning_label.text() == ""
    # acceptable again: the row shows the real value, and the note speaks of it
    field.selectAll()
    qtbot.keyClicks(field, "2020-02-29 23:00")
    assert row_text(editor, row) == f"{row + 1}. Wait until 2020-02-29 23:00 UTC"
    assert "already passed" in editor.form.warning_label.text()
    assert not editor.form.warning_label.isHidden()


def test_a_refused_delay_is_said_in_its_row(qtbot, workspace, undo_stack):
    """QA 8: "1.5" in a delay showed "Delay 1 day" (the "1" typed on the way)."""
    dialog = open_nurture(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)  # Delay 2 days
    amount = editor.form.duration_edit.amount
    amount.setFocus()
    amount.selectAll()
    qtbot.keyClicks(amount, "1.5")
    assert row_text(editor, 1) == "2. Delay \N{EM DASH} not a whole number"
    qtbot.keyClick(amount, Qt.Key.Key_Backspace)
    qtbot.keyClick(amount, Qt.Key.Key_Backspace)
    assert row_text(editor, 1) == "2. Delay 1\N{NO-BREAK SPACE}day"


def test_a_refused_action_delay_is_said_in_its_row(qtbot):
    dialog = ActionSetDialog(Workspace(), "on_login")
    qtbot.addWidget(dialog)
    editor = dialog.steps_editor
    add_step_of(qtbot, editor, "notify_team")
    editor.form.message_edit.setText("Call them")
    editor.form.delay_check.setChecked(True)
    amount = editor.form.delay_edit.amount
    amount.setFocus()
    amount.selectAll()
    qtbot.keyClicks(amount, "2,5")
    assert row_text(editor, 0) == ('1. Notify team "Call them" '
                                   "(delay \N{EM DASH} not a whole number)")
    amount.selectAll()
    qtbot.keyClicks(amount, "2")
    assert row_text(editor, 0) == '1. Notify team "Call them" (after 2\N{NO-BREAK SPACE}hours)'


def test_a_price_above_the_old_maximum_is_shown_and_saved_as_it_is(qtbot, workspace,
                                                                   undo_stack):
    """QA 8 (roundtrip_edge.py): a product priced 2,500,000 showed 1000000.00 and Save
    stored 1,000,000."""
    workspace.catalog.products["mitt"].price = 2_500_000
    item = open_product(qtbot, workspace, undo_stack)
    assert item.price_spin.text() == "2500000.00"
    assert item.problems() == []
    click(qtbot, item.save_button)
    assert workspace.catalog.products["mitt"].price == 2_500_000


@pytest.mark.parametrize(("price", "shown"), [(5e9, "5000000000.00"), (12.999, "12.999")])
def test_a_loaded_price_the_field_refuses_is_shown_and_refused_visibly(
        qtbot, workspace, undo_stack, price, shown):
    """A value given by the program is never changed (12.999 was shown as 13.00)."""
    workspace.catalog.products["mitt"].price = price
    item = open_product(qtbot, workspace, undo_stack)
    assert item.price_spin.text() == shown
    assert item.price_spin.property("invalid") is True
    assert item.problem_label.isVisible()
    assert not item.save_button.isEnabled()
    if price > 1e9:
        assert "The price can be at most 1,000,000,000.00" in item.problem_label.text()
    retype(qtbot, item.price_spin, "3000000000")  # typed: refused the same way
    assert "at most 1,000,000,000.00" in item.problem_label.text()
    assert workspace.catalog.products["mitt"].price == price


def test_set_value_never_clamps_only_stepping_does(qtbot):
    from canvas_app.ui.dialogs.number_field import NumberField

    field = NumberField("the count", decimals=0, minimum=1, maximum=1000)
    qtbot.addWidget(field)
    field.setValue(2500)
    assert field.text() == "2500" and field.value() is None
    assert field.problem() == "the count can be at most 1,000"
    field.setValue(0)
    assert field.text() == "0" and field.problem() == "the count must be at least 1"
    field.setValue(1000)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Up)  # the arrows keep to the range
    assert field.value() == 1000
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.value() == 999


def number_field(qtbot, decimals=0, minimum=0, maximum=1000):
    from canvas_app.ui.dialogs.number_field import NumberField

    field = NumberField("the count", decimals=decimals, minimum=minimum, maximum=maximum)
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    return field


def type_over(qtbot, field, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)


@pytest.mark.parametrize(("start", "typed", "key", "result"), [
    ("3", "abc", Qt.Key.Key_Up, "4"),  # from the last number held, not from the minimum
    ("3", "abc", Qt.Key.Key_Down, "2"),
    ("3", "1.5", Qt.Key.Key_Up, "2"),  # onto the whole numbers, in the step's direction
    ("3", "1,5", Qt.Key.Key_Down, "1"),
    ("3", "-3", Qt.Key.Key_Up, "0"),  # below the range: into it
    ("3", "2500", Qt.Key.Key_Down, "1000")])
def test_up_and_down_on_refused_text_step_from_what_it_meant(qtbot, start, typed, key,
                                                             result):
    """QA 8: Up on "abc" silently threw the text away for the minimum plus one."""
    field = number_field(qtbot)
    type_over(qtbot, field, start)
    if typed.isalpha():  # letters cannot be typed: a refused text given back (set_text)
        field.set_text(typed)
    else:
        type_over(qtbot, field, typed)
    assert field.problem()
    qtbot.keyClick(field, key)
    assert field.text() == result and field.problem() == ""


def test_up_on_a_number_above_the_maximum_does_not_lower_it(qtbot):
    field = number_field(qtbot)
    type_over(qtbot, field, "2500")
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "2500"  # Up never lowers; the problem line says the range
    assert field.problem() == "the count can be at most 1,000"


@pytest.mark.parametrize(("typed", "key", "result"), [
    ("12,50", Qt.Key.Key_Up, "13,50"), ("12,5", Qt.Key.Key_Down, "11,50"),
    ("12.50", Qt.Key.Key_Up, "13.50"), ("12,999", Qt.Key.Key_Up, "13,99"),
    ("12,99", Qt.Key.Key_Down, "11,99")])
def test_stepping_keeps_the_decimal_mark_typed(qtbot, typed, key, result):
    field = number_field(qtbot, decimals=2)
    type_over(qtbot, field, typed)
    qtbot.keyClick(field, key)
    assert field.text() == result


def wheel(field, position: int, notches: int) -> None:
    """Turns the mouse wheel over the character at ``position`` of the field's text."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    cursor = field.cursorPosition()
    field.setCursorPosition(position)
    point = QPointF(field.cursorRect().center() + QPoint(2, 0))
    field.setCursorPosition(cursor)
    event = QWheelEvent(point, QPointF(field.mapToGlobal(point.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(field, event)


def test_the_wheel_steps_the_part_under_the_mouse_when_the_field_has_focus(
        qtbot, workspace, undo_stack):
    dialog, editor, row = add_wait_until(qtbot, workspace, undo_stack)
    field = editor.form.until_edit
    field.set_value(datetime(2027, 5, 31, 14, 45, tzinfo=UTC))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    editor.list.setFocus()
    wheel(field, 6, 1)  # without the focus the wheel changes nothing (the form scrolls)
    assert editor.steps()[row].until == datetime(2027, 5, 31, 14, 45, tzinfo=UTC)
    field.setFocus()
    field.setCursorPosition(len(field.text()))  # the cursor is in the minutes...
    wheel(field, 6, 1)  # ...the mouse over the month
    assert editor.steps()[row].until == datetime(2027, 6, 30, 14, 45, tzinfo=UTC)
    wheel(field, 12, -2)  # the hour, two notches down
    assert editor.steps()[row].until == datetime(2027, 6, 30, 12, 45, tzinfo=UTC)
    assert field.selectedText() == "12"


def test_a_wait_in_seconds_from_the_file_is_shown_as_it_is(qtbot, workspace, undo_stack):
    """QA 8 (roundtrip_edge.py): a file's PT90S was shown as "1 minutes"."""
    node = next(n for c in workspace.campaigns for n in c.nodes if n.id == "nurture")
    node.config.steps[1].duration = timedelta(seconds=90)
    dialog = open_nurture(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)
    edit = editor.form.duration_edit
    assert (edit.amount.text(), edit.unit.currentText()) == ("90", "seconds")
    assert row_text(editor, 1) == "2. Delay 90\N{NO-BREAK SPACE}seconds"  # as the field
    assert dialog.save_button.isEnabled()
    editor.list.setCurrentRow(3)  # Delay 3 days: no seconds offered where none are needed
    assert edit.unit.findText("seconds") < 0
    assert (edit.amount.text(), edit.unit.currentText()) == ("3", "days")
    editor.list.setCurrentRow(1)
    retype(qtbot, edit.amount, "45")
    assert editor.steps()[1].duration == timedelta(seconds=45)
    assert dialog.value().config.steps[1].duration == timedelta(seconds=45)


def test_a_refused_wait_comes_back_in_the_unit_it_was_typed_in(qtbot, workspace, undo_stack):
    """QA 20: "99999999999" typed key by key into "Delay 2 days" left 999,999 days (the last
    value taken, 142,857 weeks) in the step; going to another step and back showed the
    refused text in weeks, and the 5 typed next saved 5 weeks (P35D)."""
    dialog = open_nurture(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)  # Delay 2 days
    duration = editor.form.duration_edit
    amount = duration.amount
    amount.setFocus()
    amount.selectAll()
    qtbot.keyClick(amount, Qt.Key.Key_Delete)
    qtbot.keyClicks(amount, "99999999999")  # key by key, as a person types
    assert "730,500 days" in dialog.problem_label.text()
    editor.list.setCurrentRow(0)
    editor.list.setCurrentRow(1)
    assert amount.text() == "99999999999"
    assert duration.unit.currentText() == "days"
    assert "730,500 days" in dialog.problem_label.text()
    retype(qtbot, amount, "5")
    assert editor.steps()[1].duration == timedelta(days=5)


def test_the_problems_are_listed_in_the_steps_order(qtbot, workspace, undo_stack):
    """QA 20: a refused wait in step 3 was listed before step 1's missing subject."""
    dialog = open_nurture(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)  # Delay 2 days: a refused wait
    retype(qtbot, editor.form.duration_edit.amount, "1.5")
    editor.list.setCurrentRow(0)  # an email with no subject
    retype(qtbot, editor.form.subject_edit, "")
    dialog.name_edit.setText("")
    lines = dialog.problem_label.text().splitlines()
    assert lines[0] == "The name cannot be empty"
    assert [line.split(":")[0] for line in lines[1:]] == ["Step 1", "Step 2"], lines


@pytest.mark.parametrize(("typed", "unit", "most"), [("800000", "days", "730,500 days"),
                                                     ("900000", "weeks", "104,357 weeks")])
def test_a_wait_longer_than_a_file_holds_is_refused(qtbot, workspace, undo_stack, typed: str,
                                                    unit: str, most: str):
    """QA 20: 800,000 days (or 900,000 weeks) was taken and saved, and the file, whose
    durations are at most 2000 years, could not be opened again."""
    dialog = open_nurture(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    editor.list.setCurrentRow(1)  # Delay 2 days
    duration = editor.form.duration_edit
    duration.unit.setCurrentIndex(duration.unit.findText(unit))
    retype(qtbot, duration.amount, typed)
    assert not dialog.save_button.isEnabled()
    assert f"can be at most {most}" in dialog.problem_label.text()
    assert duration.amount.property("invalid") is True
    # the same amount in a smaller unit fits: taken as the unit changes
    duration.unit.setCurrentIndex(duration.unit.findText("hours"))
    assert dialog.save_button.isEnabled()
    assert editor.steps()[1].duration == timedelta(hours=int(typed))
