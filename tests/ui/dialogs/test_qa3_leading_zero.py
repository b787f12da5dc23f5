"""QA3: "90" typed after the "0" of a wait of 0 showed "090"; zeros leading a number's
whole part go as it is typed, as in a spin box."""

from __future__ import annotations

import pytest

from canvas_app.ui.dialogs.number_field import NumberField


@pytest.mark.parametrize(("start", "typed", "shown"), [
    ("0", "90", "90"),
    ("0", "0", "0"),
    ("0", ".5", "0.5"),
    ("", "007", "7"),
    ("", "-03", "-3"),
])
def test_leading_zeros_go_as_typed(qtbot, start: str, typed: str, shown: str) -> None:
    field = NumberField("the wait", decimals=1, minimum=-10, maximum=1000)
    qtbot.addWidget(field)
    field.set_text(start)
    field.setFocus()
    field.lineEdit().end(False)  # the cursor after the text, as a click there leaves it
    qtbot.keyClicks(field, typed)
    assert field.text() == shown
    assert field.lineEdit().cursorPosition() == len(shown)


def test_the_cursor_stays_where_it_was_typed(qtbot) -> None:
    field = NumberField("the price", decimals=2, maximum=10_000)
    qtbot.addWidget(field)
    field.set_text("0")
    field.lineEdit().home(False)
    qtbot.keyClicks(field, "12")  # before the zero: "120"
    assert field.text() == "120"
    assert field.value() == 120
