"""QA3, File > Open Database…: the URL field, which cannot be typed in, looked like one
that can (s82), and nothing said that SQLite files are opened with File > Open (Kind
offers only PostgreSQL, s81)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from canvas_app.ui.database_dialog import DatabaseDialog


def shown_dialog(qtbot) -> DatabaseDialog:
    dialog = DatabaseDialog("Open Database", "postgresql+psycopg://ann:s3cret@db/team")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_url_looks_like_the_field_to_type_in_it_is(qtbot) -> None:
    # (it was read-only and drawn as text, s82; now a URL can be typed or pasted there)
    dialog = shown_dialog(qtbot)
    url = dialog.shown
    assert not url.isReadOnly()
    assert url.hasFrame()
    palette = url.palette()
    assert palette.color(QPalette.ColorRole.Base) == dialog.password.palette().color(
        QPalette.ColorRole.Base)  # a box to type in, as the fields above
    assert url.focusPolicy() & Qt.FocusPolicy.TabFocus  # Tab reaches it
    assert "***" in url.text() and "s3cret" not in url.text()  # the password still hidden


def test_the_dialog_says_sqlite_files_are_opened_with_file_open(qtbot) -> None:
    dialog = shown_dialog(qtbot)
    hints = [label for label in dialog.findChildren(QLabel)
             if label.isVisible() and "SQLite" in label.text()]
    assert len(hints) == 1
    assert "File > Open" in hints[0].text()
    assert hints[0].text().startswith("A SQLite file (.db)?")
