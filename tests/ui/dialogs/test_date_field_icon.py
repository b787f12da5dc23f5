"""The date field's calendar button is drawn at the screen's pixel ratio (QA at 2x: a
16 px picture scaled up looked blocky)."""

from __future__ import annotations

from PySide6.QtCore import QSize

from canvas_app.ui.dialogs.date_field import DateTimeField


def test_the_calendar_icon_has_its_own_pixels_at_twice_the_size(qtbot) -> None:
    field = DateTimeField()
    qtbot.addWidget(field)
    icon = field.calendar_action.icon()
    sharp = icon.pixmap(QSize(16, 16), 2.0)
    assert (sharp.width(), sharp.height(), sharp.devicePixelRatio()) == (32, 32, 2.0)
    plain = icon.pixmap(QSize(16, 16), 1.0).toImage()
    # drawn anew, not the 16 px picture doubled: some 2x2 block of it is not one colour
    image = sharp.toImage()
    assert any(len({image.pixel(2 * x + dx, 2 * y + dy) for dx in (0, 1) for dy in (0, 1)}) > 1
               for x in range(16) for y in range(16))
    assert not plain.isNull()
