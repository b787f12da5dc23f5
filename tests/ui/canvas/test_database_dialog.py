"""File > Open Database… and Save to Database…: a PostgreSQL address as a form, its URL
quoted by SQLAlchemy and shown with the password hidden."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QToolBar
from sqlalchemy.engine import make_url

from canvas_app.documents import Document
from canvas_app.ui.database_dialog import DatabaseDialog
from canvas_app.ui.file_actions import FileActions
from canvas_app.ui.main_window import MainWindow

PASSWORD = "p@ss:w/rd"
LEFT = Qt.MouseButton.LeftButton


def fill(dialog: DatabaseDialog, host: str = "db.example.org", port: int = 6543,
         database: str = "team", user: str = "ann", password: str = PASSWORD) -> None:
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


def ok_button(dialog: DatabaseDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_url_keeps_a_password_with_at_colon_and_slash(qtbot) -> None:
    dialog = DatabaseDialog("Open Database")
    qtbot.addWidget(dialog)
    fill(dialog)
    url = make_url(dialog.url_text())
    assert url.drivername == "postgresql+psycopg"
    assert (url.username, url.password, url.host, url.port, url.database) == \
        ("ann", PASSWORD, "db.example.org", 6543, "team")
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password


def test_the_shown_url_never_holds_the_password(qtbot) -> None:
    dialog = DatabaseDialog("Open Database")
    qtbot.addWidget(dialog)
    fill(dialog, password="s3cret@x")
    shown = dialog.shown.text()
    assert not dialog.shown.isReadOnly()  # a URL can be pasted there (the fields take it)
    assert "s3cret" not in shown and "***" in shown
    assert shown.startswith("postgresql+psycopg://ann:") and shown.endswith(
        "@db.example.org:6543/team")


def test_ok_waits_for_host_database_and_user(qtbot) -> None:
    dialog = DatabaseDialog("Open Database")
    qtbot.addWidget(dialog)
    assert dialog.host.text() == "localhost" and dialog.port.value() == 5432
    assert not ok_button(dialog).isEnabled()
    dialog.database.setText("team")
    assert not ok_button(dialog).isEnabled()
    dialog.user.setText("ann")
    assert ok_button(dialog).isEnabled()  # a password is not required (trust, .pgpass)
    dialog.host.setText("  ")
    assert not ok_button(dialog).isEnabled()


def test_prefilled_from_a_database_url_with_its_password_masked(qtbot) -> None:
    current = "postgresql+psycopg://bob:p%40ss%3Aw%2Frd@pg.local:5433/shop"
    dialog = DatabaseDialog("Save to Database", current)
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(),
            dialog.user.text(), dialog.password.text()) == \
        ("pg.local", 5433, "shop", "bob", PASSWORD)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert make_url(dialog.url_text()) == make_url(current)


def test_not_prefilled_from_a_file(qtbot, sample_file) -> None:
    dialog = DatabaseDialog("Open Database", str(sample_file))
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.database.text(), dialog.user.text(),
            dialog.password.text()) == ("localhost", "", "", "")


def menu_texts(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]


def test_file_menu_has_both_entries_after_open_and_save_as(window: MainWindow) -> None:
    texts = menu_texts(window)
    assert texts.index("Open &Database…") == texts.index("&Open…") + 1
    assert texts.index("Save &to Database…") == texts.index("Save &As…") + 1
    on_toolbars = {a.text() for bar in window.findChildren(QToolBar) for a in bar.actions()}
    assert "&Open…" in on_toolbars or "&Save" in on_toolbars  # (the toolbars were looked at)
    assert not {"Open &Database…", "Save &to Database…"} & on_toolbars


def entry(window: MainWindow, text: str):
    return next(a for a in window.menus["file"].actions() if a.text() == text)


def test_open_database_opens_the_url_given(window: MainWindow, qtbot, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(FileActions, "open_source",
                        lambda self, source: opened.append(source) or True)
    entry(window, "Open &Database…").trigger()
    dialog = window.files.database_box
    assert isinstance(dialog, DatabaseDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Open Database"
    fill(dialog)
    qtbot.mouseClick(ok_button(dialog), LEFT)
    qtbot.waitUntil(lambda: opened != [])
    assert make_url(opened[0]).password == PASSWORD
    assert make_url(opened[0]).host == "db.example.org"


def test_save_to_database_saves_to_the_url_given(window: MainWindow, qtbot,
                                                 monkeypatch) -> None:
    saved: list[str] = []
    monkeypatch.setattr(Document, "save",
                        lambda self, *_args, **_kw: saved.append(self.source) or None)
    entry(window, "Save &to Database…").trigger()
    dialog = window.files.database_box
    assert dialog.windowTitle() == "Save to Database"
    fill(dialog)
    qtbot.mouseClick(ok_button(dialog), LEFT)
    qtbot.waitUntil(lambda: saved != [])
    assert make_url(saved[0]).password == PASSWORD
    assert window.session.document is not None
    assert window.session.document.source == saved[0]  # the workspace's document now
    assert PASSWORD not in window.windowTitle()


def test_a_database_that_does_not_answer_says_so_once_password_hidden(
        window: MainWindow, qtbot) -> None:
    before = window.session.document
    entry(window, "Open &Database…").trigger()
    dialog = window.files.database_box
    fill(dialog, host="127.0.0.1", port=1, password="t0ps3cret")
    qtbot.mouseClick(ok_button(dialog), LEFT)
    qtbot.waitUntil(lambda: window.files._error_box is not None
                    and window.files._error_box.isVisible(), timeout=15_000)
    box: QMessageBox = window.files._error_box
    assert "127.0.0.1" in box.text()
    assert "t0ps3cret" not in box.text() and "t0ps3cret" not in window.files.last_error
    assert window.session.document == before  # the open workspace stays
    box.close()


def test_saving_to_a_database_that_does_not_answer_keeps_the_file(
        window: MainWindow, qtbot) -> None:
    before = window.session.document
    entry(window, "Save &to Database…").trigger()
    dialog = window.files.database_box
    fill(dialog, host="127.0.0.1", port=1, password="t0ps3cret")
    qtbot.mouseClick(ok_button(dialog), LEFT)
    qtbot.waitUntil(lambda: window.files.last_error != "", timeout=15_000)
    assert "t0ps3cret" not in window.files.last_error
    assert window.session.document == before


def test_dialog_prefills_from_the_open_database(window: MainWindow, monkeypatch) -> None:
    url = "postgresql+psycopg://bob:pw%40x@pg.local:5433/shop"
    monkeypatch.setattr(window.session, "document", Document(url))
    entry(window, "Save &to Database…").trigger()
    dialog = window.files.database_box
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(),
            dialog.user.text(), dialog.password.text()) == \
        ("pg.local", 5433, "shop", "bob", "pw@x")
    dialog.reject()


def test_an_empty_database_opens_empty_and_says_how_to_fill_it(
        window: MainWindow, tmp_path) -> None:
    # A store with no workspace yet reads as PostgreSQL's does (Workspace(), revision 0);
    # a SQLite file not made yet stands in for an empty server database here.
    url = f"sqlite:///{tmp_path / 'team.db'}"
    assert window.files.open_database(url)
    assert window.session.document == Document(url)
    assert not window.session.workspace.campaigns
    assert "holds no workspace yet" in window.statusBar().currentMessage()
    assert "File > Save to Database…" in window.statusBar().currentMessage()


def test_save_to_a_database_holding_a_workspace_asks_first(qtbot, tmp_path) -> None:
    """QA: Save to Database replaced a team's workspace without a word. A real store (a
    SQLite file standing for the server: the question does not depend on the kind) that
    holds a workspace is replaced only when the user says so; the question says when it
    was saved and what it holds, and theirs is kept in the data folder's backups first (it
    was lost: "theirs is not kept")."""
    from canvas_app.backups import default_backup_dir
    from canvas_app.io import load_workspace
    from canvas_app.store import Store

    from .conftest import SAMPLE, make_window

    team = f"sqlite:///{tmp_path / 'team.db'}"
    theirs = load_workspace(SAMPLE)
    theirs.remove_campaign(theirs.campaigns[1].id)
    with Store(team) as store:
        store.save(theirs)
    window = make_window(qtbot, str(SAMPLE), tmp_path)
    before = set(default_backup_dir().glob("team-before-save-*")) \
        if default_backup_dir().exists() else set()
    asked: list[str] = []
    window.files.ask_replace_database = lambda question: asked.append(question) or False
    assert not window.files.save_to_database(team)
    [question] = asked
    assert question.startswith("team.db holds a workspace of 1 campaign, saved at ")
    assert "Replace it with this one?" in question and "A copy of theirs is kept" in question
    with Store(team, read_only=True) as store:
        assert store.revision() == 1 and store.load() == theirs  # as it was
    assert set(default_backup_dir().glob("team-before-save-*")) == before  # nothing kept
    assert window.files.session.document.source != Document(team).source
    window.files.ask_replace_database = lambda question: asked.append(question) or True
    assert window.files.save_to_database(team)
    with Store(team, read_only=True) as store:
        assert store.revision() == 2 and len(store.load().campaigns) == 2  # ours now
    [kept] = set(default_backup_dir().glob("team-before-save-*")) - before
    assert load_workspace(kept) == theirs
    said = window.statusBar().toolTip() or window.statusBar().currentMessage()
    assert said == f"Saved team.db. The workspace it held is kept in {kept}."
    assert len(asked) == 2
    assert window.files.save_to_database(team)  # its own database now: no question
    assert len(asked) == 2


def test_save_to_a_database_that_cannot_be_read_says_no_copy_is_kept(
        qtbot, tmp_path) -> None:
    """A database whose workspace this version cannot read (a newer format, damage) can
    still be replaced when the user says so, and the question says no copy can be kept."""
    import sqlite3

    from canvas_app.store import Store

    from .conftest import SAMPLE, make_window

    path = tmp_path / "team.db"
    team = f"sqlite:///{path}"
    with Store(team) as store:
        store.save(load_workspace_sample())
    with sqlite3.connect(path) as db:  # a node's settings no longer readable
        db.execute("UPDATE nodes SET settings = '{not json'")
    window = make_window(qtbot, str(SAMPLE), tmp_path)
    asked: list[str] = []
    window.files.ask_replace_database = lambda question: asked.append(question) or True
    assert window.files.save_to_database(team)
    [question] = asked
    assert question.startswith("team.db holds a workspace, saved at ")
    assert "It cannot be read here (" in question and "no copy of it can be kept" in question
    with Store(team, read_only=True) as store:
        assert len(store.load().campaigns) == 2
    assert window.statusBar().currentMessage() == "Saved team.db."


def load_workspace_sample():
    from canvas_app.io import load_workspace

    from .conftest import SAMPLE

    return load_workspace(SAMPLE)


def test_save_to_an_empty_database_does_not_ask(qtbot, tmp_path) -> None:
    from canvas_app.store import Store

    from .conftest import SAMPLE, make_window

    team = f"sqlite:///{tmp_path / 'new.db'}"
    window = make_window(qtbot, str(SAMPLE), tmp_path)
    window.files.ask_replace_database = lambda question: pytest.fail(question)
    assert window.files.save_to_database(team)
    with Store(team, read_only=True) as store:
        assert len(store.load().campaigns) == 2


@pytest.mark.parametrize("button", ["&Replace", "&Cancel"])
def test_the_real_replace_question_answers(qtbot, tmp_path, button: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .conftest import SAMPLE, make_window

    window = make_window(qtbot, str(SAMPLE), tmp_path)
    seen: list[tuple[str, str, bool]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        default = box.defaultButton()
        seen.append((box.objectName(), box.text(), default is box.escapeButton()))
        [chosen] = [b for b in box.buttons() if b.text() == button]
        chosen.click()

    QTimer.singleShot(0, answer)
    said = window.files.ask_replace_database("team holds a workspace. Replace it with this "
                                             "one?\n\nEveryone who opens it then sees yours.")
    assert said == (button == "&Replace")
    [(name, text, cancel_is_default)] = seen
    assert name == "replaceDatabaseBox" and cancel_is_default
    assert text.startswith("team holds a workspace. Replace it with this one?\n\nEveryone")


def test_save_as_over_a_sqlite_file_holding_a_workspace_keeps_a_copy(qtbot, tmp_path) -> None:
    """QA 21 regression pass: Save As over a team's .db (the way Save to Database now sends
    SQLite users) replaced its workspace with no copy kept, where Save to Database keeps
    one. A JSON file replaced is a file replaced, as in any app: no copy."""
    from canvas_app.backups import default_backup_dir
    from canvas_app.io import load_workspace
    from canvas_app.store import Store

    from .conftest import SAMPLE, make_window

    path = tmp_path / "team.db"
    theirs = load_workspace(SAMPLE)
    theirs.remove_campaign(theirs.campaigns[1].id)
    with Store(f"sqlite:///{path}") as store:
        store.save(theirs)
    window = make_window(qtbot, str(SAMPLE), tmp_path)
    before = set(default_backup_dir().glob("team-before-save-*")) \
        if default_backup_dir().exists() else set()
    assert window.files.save_as(str(path))
    [kept] = set(default_backup_dir().glob("team-before-save-*")) - before
    assert load_workspace(kept) == theirs
    assert window.files.last_error == "" or "team" not in window.files.last_error
    assert window._status_full == f"Saved team.db. The workspace it held is kept in {kept}."
    with Store(f"sqlite:///{path}", read_only=True) as store:
        assert len(store.load().campaigns) == 2  # ours
    assert window.files.save_as(str(path))  # its own file now: nothing more kept
    assert set(default_backup_dir().glob("team-before-save-*")) - before == {kept}
