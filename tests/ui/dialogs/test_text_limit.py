"""A text pasted past a field's limit is cut on a whole character, and the field says so
(QA 21: Qt's maxLength cut it silently, counted UTF-16 units, and split an emoji, leaving
"�" in the field and half a character dropped on save); an editor's name has the limit the
canvas's rename has."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QToolTip

from canvas_app.domain.names import NAME_MAX_LENGTH
from canvas_app.domain.steps import TEXT_MAX_LENGTHS
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.text_limit import cut_whole, length_limit, limit_text


def paste(edit: QLineEdit, text: str) -> None:
    QApplication.clipboard().setText(text)
    edit.selectAll()
    edit.paste()


def test_cut_whole_never_splits_a_character() -> None:
    assert cut_whole("ab🏊", 3) == "ab🏊"  # one code point
    assert cut_whole("abcde\u0301", 5) == "abcd"  # e and its accent go together
    assert cut_whole("x🇫🇷y", 2) == "x"  # a flag is two code points
    assert cut_whole("short", 10) == "short"


def test_a_tag_pasted_too_long_is_cut_whole_and_said(qtbot, workspace, undo_stack) -> None:
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.new_tag_edit
    limit = TEXT_MAX_LENGTHS["tag"]
    text = "Y" * (limit - 1) + "🏊 end"
    paste(field, text)
    assert field.text() == "Y" * (limit - 1) + "🏊"  # Python counts the emoji as one
    assert "\ufffd" not in field.text()
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == (f"Cut to {limit} characters ({len(text)} were given). A tag "
                               f"is at most {limit} characters.")
    QToolTip.hideText()
    paste(field, "Z" * (limit - 1) + "🇫🇷")  # a flag is two: it goes whole, one place free
    assert field.text() == "Z" * (limit - 1)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text().startswith(f"Cut to {limit - 1} characters ({limit + 1} were")
    QToolTip.hideText()  # not left on show for a field about to go


def test_an_editors_name_is_limited_as_the_canvas_rename(qtbot, workspace, undo_stack) -> None:
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    assert length_limit(dialog.name_edit) == NAME_MAX_LENGTH
    paste(dialog.name_edit, "N" * 300)
    assert dialog.name_edit.text() == "N" * NAME_MAX_LENGTH


def test_a_field_without_a_limit_takes_any_length(qtbot) -> None:
    edit = limit_text(QLineEdit(), None)
    qtbot.addWidget(edit)
    paste(edit, "a\nb" + "c" * 1000)
    assert edit.text() == "a b" + "c" * 1000 and length_limit(edit) is None


def test_a_long_name_from_a_file_says_it_takes_no_more(qtbot, workspace, undo_stack) -> None:
    long_name = "L" * (NAME_MAX_LENGTH + 20)
    workspace.campaign("shock-nurture").node("bought-shock").name = long_name
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.name_edit.text() == long_name
    dialog.name_edit.end(False)
    qtbot.keyClicks(dialog.name_edit, "Z")
    assert dialog.name_edit.text() == long_name
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == (f"A name is at most {NAME_MAX_LENGTH} characters, and this "
                               f"one, read as it was saved, has {len(long_name)}: it is "
                               "kept, but takes no more.")
    QToolTip.hideText()
