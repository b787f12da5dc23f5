"""A field of whole numbers (the What-If's visitors) that refuses a key says it holds whole
numbers: it said 'holds digits, with "." or "," before the decimals', then refused the
decimals it had invited (QA)."""

from __future__ import annotations

from canvas_app.ui.dialogs.number_field import NumberField


def test_a_whole_number_field_asks_for_whole_numbers(qtbot) -> None:
    field = NumberField("the number of visitors", decimals=0, minimum=1, maximum=10**6)
    qtbot.addWidget(field)
    qtbot.keyClicks(field, "abc")
    assert field.refusal() == ('Not taken: "c". The number of visitors holds whole numbers: '
                               "digits only")


def test_a_field_with_decimals_still_tells_how_to_type_them(qtbot) -> None:
    field = NumberField("the price", decimals=2, maximum=10**6)
    qtbot.addWidget(field)
    qtbot.keyClicks(field, "x")
    assert field.refusal() == ('Not taken: "x". The price holds digits, with "." or "," '
                               "before the decimals")
