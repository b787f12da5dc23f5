"""A catalog item's field with a problem turns red, as the goal editors' fields do (QA: the
Catalog's item editor said "The name cannot be empty" with no frame on the name)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from .helpers import product_dialog, red_frame_drawn


def test_an_emptied_name_turns_red_and_back(qtbot, workspace) -> None:
    dialog = product_dialog(qtbot, workspace)
    name = dialog.name_edit
    assert not name.property("invalid")
    name.setFocus()
    name.selectAll()
    QTest.keyClick(name, Qt.Key.Key_Delete)
    assert not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: red_frame_drawn(name))
    assert not dialog.price_spin.property("invalid")  # only the field the problem is about
    QTest.keyClicks(name, "Mitt")
    qtbot.waitUntil(lambda: not name.property("invalid"))
    assert dialog.save_button.isEnabled()


def test_a_refused_price_turns_the_price_red(qtbot, workspace) -> None:
    dialog = product_dialog(qtbot, workspace)
    field = dialog.price_spin
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, "x")
    qtbot.waitUntil(lambda: bool(field.property("invalid")))
    assert not dialog.name_edit.property("invalid")
