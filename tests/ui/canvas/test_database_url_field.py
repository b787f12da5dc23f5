"""File > Open Database…: a URL typed or pasted into the URL line fills the fields (a user
sent a URL by a teammate no longer takes it apart by hand); its password goes to the
Password field and is never seen in the line; other text is said under the line, OK waits."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget
from sqlalchemy.engine import make_url

from canvas_app.ui.database_dialog import DatabaseDialog, sqlite_hint_text

PASSWORD = "p@ss:w/rd"
QUOTED = "p%40ss%3Aw%2Frd"  # PASSWORD as a URL writes it
CTRL = Qt.KeyboardModifier.ControlModifier
SQLITE = "(the SQLite hint: File > Open…)"  # sqlite_hint_text(), once Qt runs
NOT_A_URL = ("Not a database URL: it starts with the kind, like "
             "postgresql://user@host/database")


def shown_dialog(qtbot, current: str = "") -> DatabaseDialog:
    dialog = DatabaseDialog("Open Database", current)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # focus comes and goes (editingFinished) in the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def ok_enabled(dialog: DatabaseDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def fields(dialog: DatabaseDialog) -> tuple[str, str, int, str, str, str]:
    return (dialog.kind.currentText(), dialog.host.text(), dialog.port.value(),
            dialog.database.text(), dialog.user.text(), dialog.password.text())


def paste(qtbot, line: QLineEdit, text: str) -> None:
    """Over what the line holds, as a person does: click in it, Ctrl+A, Ctrl+V."""
    QApplication.clipboard().setText(text)
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(line, Qt.Key.Key_V, CTRL)


def test_a_pasted_url_fills_the_fields_and_its_password_is_hidden(qtbot) -> None:
    dialog = shown_dialog(qtbot)
    assert not ok_enabled(dialog)
    paste(qtbot, dialog.shown, f"postgresql://bob:{QUOTED}@db.example:5433/shop")
    assert fields(dialog) == ("PostgreSQL", "db.example", 5433, "shop", "bob", PASSWORD)
    assert dialog.shown.text() == "postgresql://bob:***@db.example:5433/shop"  # at once
    assert dialog.shown.cursorPosition() == len(dialog.shown.text())
    assert dialog.url_note.text() == ""
    assert ok_enabled(dialog)
    url = make_url(dialog.url_text())  # the URL opened: the password in it, quoted
    assert (url.drivername, url.username, url.password, url.host, url.port, url.database) \
        == ("postgresql+psycopg", "bob", PASSWORD, "db.example", 5433, "shop")
    assert dialog.url_text() == f"postgresql+psycopg://bob:{QUOTED}@db.example:5433/shop"


def test_url_text_is_the_url_pasted_password_and_all(qtbot) -> None:
    pasted = f"postgresql+psycopg://bob:{QUOTED}@db.example:5433/shop?sslmode=require"
    dialog = shown_dialog(qtbot)
    paste(qtbot, dialog.shown, f"  {pasted}\n")  # as copied from a chat: spaces, newline
    assert dialog.url_text() == pasted  # "?sslmode=require" too: no field, still kept
    assert dialog.url_note.text() == "" and PASSWORD not in dialog.shown.text()
    assert QUOTED not in dialog.shown.text() and ":***@" in dialog.shown.text()


@pytest.mark.parametrize(("pasted", "expected"), [
    ("postgresql://bob@db.example:5433/shop", ("db.example", 5433, "shop", "bob", "")),
    ("postgresql+psycopg://ann:s3cret@pg.local/team", ("pg.local", 5432, "team", "ann",
                                                       "s3cret")),
    ("postgresql+psycopg2://ann@pg.local:6000/team", ("pg.local", 6000, "team", "ann", "")),
    ("postgres://ann@pg.local/team", ("pg.local", 5432, "team", "ann", "")),
])
def test_urls_a_teammate_sends_are_taken(qtbot, pasted: str, expected: tuple) -> None:
    dialog = shown_dialog(qtbot)
    dialog.password.setText("typed before")  # a URL without one says: no password
    paste(qtbot, dialog.shown, pasted)
    assert fields(dialog)[1:] == expected
    assert "s3cret" not in dialog.shown.text()
    assert ok_enabled(dialog) and dialog.url_note.text() == ""
    taken = make_url(dialog.url_text())
    assert (taken.host, taken.port, taken.database, taken.username) == expected[:4]
    assert (taken.password or "") == expected[4]


def test_a_url_typed_fills_the_fields_once_it_is_one(qtbot) -> None:
    dialog = shown_dialog(qtbot)
    dialog.shown.setFocus()
    qtbot.keyClick(dialog.shown, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(dialog.shown, Qt.Key.Key_Delete)
    assert dialog.url_note.text() != "" and not ok_enabled(dialog)  # empty: said, no crash
    qtbot.keyClicks(dialog.shown, "postgres")
    assert dialog.url_note.text() == NOT_A_URL
    assert not ok_enabled(dialog)
    assert fields(dialog)[1:] == ("localhost", 5432, "", "", "")  # the last good values
    qtbot.keyClicks(dialog.shown, "ql://bob:pw")  # "bob:pw" reads as host:port so far
    assert dialog.url_note.text().startswith("Not a database URL")
    assert dialog.password.text() == ""
    qtbot.keyClicks(dialog.shown, "@")  # the password has ended: taken and hidden
    assert dialog.shown.text() == "postgresql://bob:***@"
    assert dialog.shown.cursorPosition() == len(dialog.shown.text())
    assert dialog.password.text() == "pw" and dialog.user.text() == "bob"
    qtbot.keyClicks(dialog.shown, "db.example/shop")
    assert dialog.shown.text() == "postgresql://bob:***@db.example/shop"  # as typed
    assert fields(dialog) == ("PostgreSQL", "db.example", 5432, "shop", "bob", "pw")
    assert dialog.url_note.text() == "" and ok_enabled(dialog)
    assert make_url(dialog.url_text()).password == "pw"


def test_typing_in_the_url_line_is_not_overwritten_from_the_fields(qtbot) -> None:
    dialog = shown_dialog(qtbot)
    paste(qtbot, dialog.shown, "postgresql://bob@db.example/shop")
    qtbot.keyClick(dialog.shown, Qt.Key.Key_End)
    for _ in "/shop":
        qtbot.keyClick(dialog.shown, Qt.Key.Key_Left)
    qtbot.keyClicks(dialog.shown, ":6000")
    # the fields follow; the line stays as typed (not made again as
    # "postgresql+psycopg://…"), the cursor where the user put it
    assert dialog.port.value() == 6000
    assert dialog.shown.text() == "postgresql://bob@db.example:6000/shop"
    assert dialog.shown.cursorPosition() == len("postgresql://bob@db.example:6000")


def test_editing_a_field_rewrites_the_url_line(qtbot) -> None:
    dialog = shown_dialog(qtbot)
    paste(qtbot, dialog.shown, f"postgresql://bob:{QUOTED}@db.example:5433/shop")
    dialog.database.setFocus()
    qtbot.keyClick(dialog.database, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.database, "2")
    assert dialog.shown.text() == "postgresql+psycopg://bob:***@db.example:5433/shop2"
    assert make_url(dialog.url_text()).password == PASSWORD


def test_the_lines_own_masked_password_keeps_the_password_field(qtbot) -> None:
    dialog = shown_dialog(qtbot, f"postgresql+psycopg://bob:{QUOTED}@db.example/shop")
    assert dialog.shown.text() == "postgresql+psycopg://bob:***@db.example:5432/shop"
    line = dialog.shown
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_End)
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, "x")  # ".../shox": *** still stands for the password
    assert dialog.database.text() == "shox"
    assert dialog.password.text() == PASSWORD  # never "***"
    paste(qtbot, line, "postgresql://ann:***@other.example/team")  # copied from a line
    assert dialog.password.text() == PASSWORD
    assert (dialog.user.text(), dialog.host.text()) == ("ann", "other.example")
    assert make_url(dialog.url_text()).password == PASSWORD


def test_a_password_typed_inside_the_url_is_hidden_when_the_cursor_leaves_it(qtbot) -> None:
    dialog = shown_dialog(qtbot)
    paste(qtbot, dialog.shown, "postgresql://bob@db.example/shop")
    line = dialog.shown
    qtbot.keyClick(line, Qt.Key.Key_Home)
    for _ in "postgresql://bob":
        qtbot.keyClick(line, Qt.Key.Key_Right)
    qtbot.keyClicks(line, ":new")
    assert dialog.password.text() == "new"  # each letter one more of it, not of "***"
    qtbot.keyClick(line, Qt.Key.Key_End)
    assert line.text() == "postgresql://bob:***@db.example/shop"
    assert line.cursorPosition() == len(line.text())
    assert dialog.password.text() == "new"


def test_a_password_in_the_url_line_is_hidden_when_leaving_it_with_tab(qtbot) -> None:
    dialog = shown_dialog(qtbot, "postgresql+psycopg://bob@db.example/shop")
    line = dialog.shown
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Home)
    for _ in "postgresql+psycopg://bob":
        qtbot.keyClick(line, Qt.Key.Key_Right)
    qtbot.keyClicks(line, ":pw")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not line.hasFocus())
    assert "pw" not in line.text() and ":***@" in line.text()
    assert dialog.password.text() == "pw"


@pytest.mark.parametrize(("text", "note"), [
    ("db.example:5433/shop", NOT_A_URL),
    ("sqlite:///home/ann/team.db", SQLITE),
    ("/home/ann/team.db", SQLITE),
    ("mysql://bob@db.example/shop", "MySQL is not offered; PostgreSQL is"),
    ("postgresql://bob@db.example:port/shop", None),
    ("postgresql://bob@db.example:70000/shop", "The port is a number from 1 to 65535"),
    ("postgresql://bob:p@ss@db.example/shop", "An @ in the user or password is written %40 "
                                              "in a URL"),
])
def test_text_that_is_no_such_url_is_said_and_ok_waits(qtbot, text: str,
                                                       note: str | None) -> None:
    dialog = shown_dialog(qtbot, "postgresql+psycopg://ann:s3cret@pg.local:5433/team")
    before = fields(dialog)
    assert ok_enabled(dialog)
    paste(qtbot, dialog.shown, text)
    if note is None:
        assert dialog.url_note.text().startswith("Not a database URL")
    else:
        assert dialog.url_note.text() == (sqlite_hint_text() if note == SQLITE else note)
    assert dialog.url_note.isVisible()
    assert not ok_enabled(dialog)
    assert fields(dialog) == before  # the last good values
    assert dialog.shown.text() == text  # left for the user to mend
    paste(qtbot, dialog.shown, "postgresql://ann@pg.local/team")  # mended
    assert dialog.url_note.text() == "" and ok_enabled(dialog)


def test_a_cleared_url_line_is_said_and_editing_a_field_mends_it(qtbot) -> None:
    dialog = shown_dialog(qtbot, "postgresql+psycopg://ann@pg.local/team")
    dialog.shown.setFocus()
    qtbot.keyClick(dialog.shown, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(dialog.shown, Qt.Key.Key_Backspace)
    assert dialog.shown.text() == ""
    assert dialog.url_note.text() != "" and not ok_enabled(dialog)
    assert dialog.host.text() == "pg.local"
    dialog.user.setFocus()
    qtbot.keyClicks(dialog.user, "2")
    assert dialog.shown.text() == "postgresql+psycopg://ann2@pg.local:5432/team"
    assert dialog.url_note.text() == "" and ok_enabled(dialog)


def test_the_note_does_not_move_or_resize_the_dialog(qtbot) -> None:
    dialog = shown_dialog(qtbot)
    size, buttons = dialog.size(), dialog.buttons.geometry()
    paste(qtbot, dialog.shown, "mysql://bob@db.example/shop")
    assert dialog.url_note.text() != ""
    qtbot.waitUntil(lambda: dialog.url_note.isVisible())
    assert (dialog.size(), dialog.buttons.geometry()) == (size, buttons)
    assert dialog.url_note.width() >= dialog.url_note.fontMetrics().horizontalAdvance(
        dialog.url_note.text())  # whole, not cut
    paste(qtbot, dialog.shown, "postgresql://bob@db.example/shop")
    assert dialog.url_note.text() == ""
    assert (dialog.size(), dialog.buttons.geometry()) == (size, buttons)


def test_the_url_line_can_be_typed_in_and_says_so_and_tab_reaches_it(qtbot) -> None:
    dialog = shown_dialog(qtbot, "postgresql+psycopg://ann@pg.local/team")  # OK enabled
    assert not dialog.shown.isReadOnly() and dialog.shown.hasFrame()
    assert "paste a URL" in dialog.shown.toolTip()
    dialog.kind.setFocus()
    qtbot.waitUntil(dialog.kind.hasFocus)
    order: list[QWidget] = []
    for _ in range(9):
        widget = QApplication.focusWidget()
        order.append(dialog.port if widget.parent() is dialog.port else widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    buttons = {dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
               dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)}
    assert order[:7] == [dialog.kind, dialog.host, dialog.port, dialog.database,
                         dialog.user, dialog.password, dialog.shown]
    assert set(order[7:]) == buttons


def test_after_a_refused_password_a_pasted_url_still_works(qtbot) -> None:
    dialog = shown_dialog(qtbot, "postgresql+psycopg://bob:wrong@db.example/shop")
    dialog.ask_for_password(given=True)
    assert dialog.note.isVisible()
    assert dialog.focusWidget() is dialog.password
    paste(qtbot, dialog.shown, f"postgresql://bob:{QUOTED}@db.example/shop")
    assert dialog.password.text() == PASSWORD
    assert dialog.shown.text() == "postgresql://bob:***@db.example/shop"
    assert ok_enabled(dialog)
    paste(qtbot, dialog.shown, "not a url")
    assert not ok_enabled(dialog) and dialog.password.text() == PASSWORD
    dialog.password.setFocus()
    qtbot.keyClick(dialog.password, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.password, "s3cret")  # a field edited: the line made again
    assert dialog.shown.text() == "postgresql+psycopg://bob:***@db.example:5432/shop"
    assert ok_enabled(dialog)
    assert make_url(dialog.url_text()).password == "s3cret"


PG_URL = os.environ.get("CANVAS_APP_TEST_PG_URL", "").strip()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="CANVAS_APP_TEST_PG_URL is not set")
def test_a_refused_password_is_mended_by_pasting_the_url_with_the_right_one(
        qtbot, tmp_path) -> None:
    """On the real server: the form asked again after a refusal takes a pasted URL, and
    OK opens the database with the password the URL carried."""
    from canvas_app.io import load_workspace
    from canvas_app.store import Store
    from canvas_app.store.urls import same_database, url_password
    from tests.store.conftest import reset_postgres

    from .conftest import SAMPLE, make_window

    reset_postgres(PG_URL)
    with Store(PG_URL) as store:
        store.save(load_workspace(SAMPLE))
    window = make_window(qtbot, str(SAMPLE), tmp_path)
    server = make_url(PG_URL)
    wrong = server.set(password="not-the-password").render_as_string(hide_password=False)
    assert not window.files.open_source(wrong)
    qtbot.waitUntil(lambda: getattr(window.files, "database_box", None) is not None
                    and window.files.database_box.isVisible())
    dialog: DatabaseDialog = window.files.database_box
    assert "refused" in dialog.note.text()
    paste(qtbot, dialog.shown, PG_URL)
    assert dialog.password.text() == url_password(PG_URL)
    assert ":***@" in dialog.shown.text()
    assert f":{url_password(PG_URL)}@" not in dialog.shown.text()
    assert ok_enabled(dialog)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.document is not None
                    and same_database(window.session.document.source, PG_URL))
    assert len(window.session.workspace.campaigns) == 2


@pytest.mark.parametrize(("title", "entry"), [("Open Database", "File > Open…"),
                                              ("Save to Database", "File > Save As…")])
def test_the_sqlite_hint_names_the_menu_entry_for_what_the_form_does(
        qtbot, title: str, entry: str) -> None:
    """QA 21: Save to Database said to use File > Open… for a SQLite file."""
    dialog = DatabaseDialog(title)
    qtbot.addWidget(dialog)
    assert entry in dialog.sqlite_hint.text()
    dialog.shown.setText("sqlite:////tmp/team.db")
    dialog.shown.textEdited.emit(dialog.shown.text())
    assert entry in dialog.url_note.text()
