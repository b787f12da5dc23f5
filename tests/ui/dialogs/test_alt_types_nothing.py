"""Alt with a letter or digit types nothing into an editor's field (QA 21: Alt+S, a guess
at Save, typed an "s" into the focused name, and Enter would have saved it); mnemonics
still work, and characters typed with AltGr go through."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.alt_keys import typed_with_alt

ALT = Qt.KeyboardModifier.AltModifier


def shown_tag_goal(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_alt_and_a_letter_types_nothing_in_the_name(qtbot, workspace, undo_stack) -> None:
    dialog = shown_tag_goal(qtbot, workspace, undo_stack)
    name = dialog.name_edit
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    for key in (Qt.Key.Key_W, Qt.Key.Key_S, Qt.Key.Key_7):
        qtbot.keyClick(name, key, ALT)
    assert name.text() == "Visit booked"
    assert not dialog.has_changes()
    qtbot.keyClick(name, Qt.Key.Key_X)  # plain typing still types
    assert name.text() == "Visit bookedx"


def test_alt_in_the_new_tag_field_types_nothing(qtbot, workspace, undo_stack) -> None:
    """The field added to (a widget that got the focus after the dialog showed)."""
    dialog = shown_tag_goal(qtbot, workspace, undo_stack)
    field = dialog.new_tag_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_S, ALT)
    assert field.text() == "" and not dialog.add_tag_button.isEnabled()


def test_a_mnemonic_still_moves_the_focus(qtbot, workspace, undo_stack) -> None:
    dialog = shown_tag_goal(qtbot, workspace, undo_stack)
    dialog.new_tag_edit.setFocus()
    qtbot.waitUntil(dialog.new_tag_edit.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, ALT)  # &Goal name
    qtbot.waitUntil(dialog.name_edit.hasFocus)
    assert dialog.name_edit.text() == "Visit booked"


def test_what_altgr_types_goes_through() -> None:
    def press(key: Qt.Key, text: str, modifiers) -> QKeyEvent:
        return QKeyEvent(QKeyEvent.Type.KeyPress, key, modifiers, text)

    assert typed_with_alt(press(Qt.Key.Key_S, "s", ALT))
    assert typed_with_alt(press(Qt.Key.Key_1, "1", ALT))
    assert not typed_with_alt(press(Qt.Key.Key_At, "@", ALT))  # AltGr+Q on a German layout
    assert not typed_with_alt(press(Qt.Key.Key_L, "ł", ALT))  # AltGr+L, Polish
    assert not typed_with_alt(press(Qt.Key.Key_E, "€", ALT | Qt.KeyboardModifier.ControlModifier))
    assert not typed_with_alt(press(Qt.Key.Key_S, "s", Qt.KeyboardModifier.NoModifier))


def test_alt_types_nothing_in_the_database_form(qtbot) -> None:
    """QA 21 regression pass: the database form was left out."""
    from canvas_app.ui.database_dialog import DatabaseDialog

    dialog = DatabaseDialog("Save to Database")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    field = dialog.findChild(QLineEdit, "databaseName") or dialog.shown
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_X, ALT)
    qtbot.keyClick(field, Qt.Key.Key_Q, ALT)
    assert field.text().endswith("abc")
