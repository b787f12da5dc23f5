"""A server that wants a password gets it asked for (File > Open Database…, Open Recent, a
start on a URL, Save to Database…) instead of an error box; Open Recent keeps a server's
URL without its password. On the real PostgreSQL server (CANVAS_APP_TEST_PG_URL)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy.engine import URL, make_url

import canvas_app.app as app_module
from canvas_app.app import open_first_window
from canvas_app.documents import PasswordNeeded
from canvas_app.io import load_workspace
from canvas_app.store import Store
from canvas_app.store.urls import same_database, url_password, without_password
from canvas_app.ui.database_dialog import DatabaseDialog
from canvas_app.ui.main_window import MainWindow
from tests.store.conftest import reset_postgres

from .conftest import SAMPLE, make_window

PG_URL = os.environ.get("CANVAS_APP_TEST_PG_URL", "").strip()
pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(not PG_URL, reason="CANVAS_APP_TEST_PG_URL is not set")]
LEFT = Qt.MouseButton.LeftButton


def with_password(password: str) -> str:
    url = make_url(PG_URL)
    return URL.create(url.drivername, username=url.username, password=password,
                      host=url.host, port=url.port, database=url.database
                      ).render_as_string(hide_password=False)


@pytest.fixture
def team() -> str:
    """The server's database holding the sample; its URL without the password."""
    assert url_password(PG_URL), "the test server's URL carries its password"
    reset_postgres(PG_URL)
    with Store(PG_URL) as store:
        store.save(load_workspace(SAMPLE))
    return without_password(PG_URL)


@pytest.fixture
def window(qtbot, tmp_path) -> MainWindow:
    return make_window(qtbot, str(SAMPLE), tmp_path)


def asked(window: MainWindow, qtbot) -> DatabaseDialog:
    qtbot.waitUntil(lambda: getattr(window.files, "database_box", None) is not None
                    and window.files.database_box.isVisible())
    return window.files.database_box


def answer(dialog: DatabaseDialog, qtbot, password: str) -> None:
    assert dialog.focusWidget() is dialog.password  # typed at once
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def test_open_asks_for_the_password_and_opens_with_it(window, qtbot, team) -> None:
    password = url_password(PG_URL)
    assert not window.files.open_database(team)  # not yet: the password is asked for
    dialog = asked(window, qtbot)
    assert dialog.windowTitle() == "Open Database"
    assert dialog.note.isVisible()
    assert dialog.note.text() == (f"{make_url(PG_URL).host} asks for the password of the "
                                  f'user "{make_url(PG_URL).username}".')
    assert window.files._error_box is None  # no error box
    answer(dialog, qtbot, password)
    qtbot.waitUntil(lambda: same_database(window.session.document.source, PG_URL))
    assert len(window.session.workspace.campaigns) == 2
    assert window.files.recent()[0] == team  # kept without the password
    window.settings.sync()
    settings_text = window.settings.fileName()
    with open(settings_text, encoding="utf-8") as handle:
        assert f":{password}@" not in handle.read()


def test_a_wrong_password_is_asked_again_and_cancel_leaves_the_window(
        window, qtbot, team) -> None:
    before = window.session.document
    assert not window.files.open_source(with_password("not-the-password"))
    dialog = asked(window, qtbot)
    assert "refused the password" in dialog.note.text()
    assert "not-the-password" not in dialog.note.text() + window.statusBar().currentMessage()
    answer(dialog, qtbot, "still-wrong")  # typed over the wrong one
    qtbot.waitUntil(lambda: window.files.database_box is not dialog
                    and window.files.database_box.isVisible())
    again = window.files.database_box
    assert "refused the password" in again.note.text()
    assert again.password.text() == "still-wrong"
    again.reject()
    assert window.session.document == before
    assert window.files._error_box is None


def test_save_to_database_asks_for_the_password_then_saves(window, qtbot, team) -> None:
    reset_postgres(PG_URL)  # an empty database: saved to with no other question
    assert not window.files.save_to_database(team)
    dialog = asked(window, qtbot)
    assert dialog.windowTitle() == "Save to Database"
    answer(dialog, qtbot, url_password(PG_URL))
    qtbot.waitUntil(lambda: same_database(window.session.document.source, PG_URL))
    assert not window.session.modified
    with Store(PG_URL, read_only=True) as store:
        assert len(store.load().campaigns) == 2


def test_a_start_on_a_url_asks_for_the_password(qapp, qtbot, team, tmp_path,
                                                 monkeypatch) -> None:
    monkeypatch.setattr(app_module, "can_show_windows", lambda _app: True)
    refusals: list[bool] = []

    def ask_password(source: str, refusal: PasswordNeeded) -> str:
        refusals.append(refusal.given)
        return with_password("wrong") if len(refusals) == 1 else PG_URL

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = open_first_window(qapp, team, ask=lambda *_a: pytest.fail("no other box"),
                               ask_password=ask_password, settings=settings,
                               recovery_dir=tmp_path / "recovery", offer_recovery=False)
    assert window is not None
    qtbot.addWidget(window)
    assert refusals == [False, True]  # none given, then the wrong one refused
    assert len(window.session.workspace.campaigns) == 2
    assert window.files.recent()[0] == team


def test_open_recent_drops_a_password_an_older_version_kept(window, team) -> None:
    window.settings.setValue("recentFiles", [PG_URL, str(SAMPLE)])
    assert window.files.recent() == [team, str(SAMPLE)]


def test_cancelling_the_password_at_start_is_not_called_a_failure(
        qapp, team, tmp_path, monkeypatch, capsys) -> None:
    """QA: cancelling the password box at start-up was reported as "connection failed:
    … no password supplied"; the box says no password was given instead."""
    monkeypatch.setattr(app_module, "can_show_windows", lambda _app: True)
    told: list[str] = []

    def ask(_source, problem: str) -> None:
        told.append(problem)
        return None  # Quit

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = open_first_window(qapp, team, ask=ask, ask_password=lambda *_a: None,
                               settings=settings, recovery_dir=tmp_path / "recovery",
                               offer_recovery=False)
    assert window is None
    assert told == ["No password was given, so it was not opened."]
    err = capsys.readouterr().err  # the terminal's line says the same (QA: the old one)
    assert "No password was given, so it was not opened." in err
    assert "connection failed" not in err and "no password supplied" not in err


def test_edits_kept_for_a_database_are_restored_once_its_password_is_given(
        window, qtbot, team) -> None:
    """The snapshot keeps the URL without its password (QA: it was in the file); opening
    it with its edits asks for the password first, then restores them."""
    from canvas_app.documents import Document
    from canvas_app.recovery import Recovery, other_recoveries

    with Store(PG_URL, read_only=True) as store:
        edited = store.load()
    edited.rename_campaign(edited.campaigns[0].id, "Kept after a crash")
    Recovery(Document(PG_URL), window.recovery_dir).write(edited)
    (kept,) = other_recoveries(window.recovery_dir, set())
    import json

    kept_source = json.loads(kept.path.read_text(encoding="utf-8"))["source"]
    assert kept_source == team and not url_password(kept_source)
    assert kept.document.source == team
    assert not window.files.open_recovered(kept)
    answer(asked(window, qtbot), qtbot, url_password(PG_URL))
    qtbot.waitUntil(lambda: window.session.document is not None
                    and same_database(window.session.document.source, PG_URL))
    assert window.session.workspace.campaigns[0].name == "Kept after a crash"
    assert window.session.modified  # the edits, not yet saved
