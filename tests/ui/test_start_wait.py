"""Starting the app on a workspace that is slow to open (a server that does not answer, a
SQLite file another program holds) shows a box saying what it opens, which can stop the
waiting; before, nothing was on screen for up to 10 s."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from canvas_app.app import build_main_window, open_first_window
from canvas_app.documents import Document
from canvas_app.io import load_workspace

from .canvas.conftest import SAMPLE
from .test_server_wait import box_shown, silent_server, when_box_shows  # noqa: F401

__all__ = ["silent_server"]  # the fixture, used by name


def options(tmp_path: Path) -> dict:
    return {"settings": QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
            "recovery_dir": tmp_path / "recovery", "offer_recovery": False, "wait": True}


def test_a_server_that_does_not_answer_at_start_can_be_stopped(
        qtbot, tmp_path: Path, silent_server: int, capsys) -> None:  # noqa: F811
    url = f"postgresql+psycopg://ann:s3cret@127.0.0.1:{silent_server}/team"
    holder = QWidget()  # what the box-watching timer belongs to (no window exists yet)
    qtbot.addWidget(holder)
    seen: list[str] = []

    def stop(box: QWidget) -> None:
        seen.append(box.labelText())
        assert box.parent() is None  # a window of its own: there is no main window yet
        [button] = [b for b in box.findChildren(QPushButton) if b.text() == "&Stop Waiting"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_box_shows(holder, stop)
    began = time.monotonic()
    window = open_first_window(QApplication.instance(), url, **options(tmp_path))
    assert window is None  # offscreen: no box offering another, it says why and ends
    assert time.monotonic() - began < 5  # not the 10 s connect timeout
    assert seen == [f"Opening 127.0.0.1:{silent_server}/team…"]
    assert capsys.readouterr().err.strip() == (
        f"canvas-app: 127.0.0.1:{silent_server}/team: you stopped waiting for it to open.")
    assert box_shown() is None


def test_a_sqlite_file_held_by_another_program_opens_once_it_lets_go(
        qtbot, tmp_path: Path) -> None:
    source = tmp_path / "team.db"
    Document(str(source)).save(load_workspace(SAMPLE))
    other = sqlite3.connect(source, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program writing: nothing can read it
    holder = QWidget()
    qtbot.addWidget(holder)
    seen: list[str] = []

    def let_go(box: QWidget) -> None:
        seen.append(box.labelText())
        other.execute("COMMIT")

    when_box_shows(holder, let_go)
    try:
        window = build_main_window(str(source), **options(tmp_path))
    finally:
        other.close()
    qtbot.addWidget(window)
    assert seen == ["Opening team.db…"]
    assert [c.name for c in window.controller.workspace.campaigns] == [
        "Pool Shock Nurture", "Checkup Onboarding"]
    assert box_shown() is None


def test_a_quick_start_shows_no_box(qtbot, tmp_path: Path) -> None:
    source = tmp_path / "pool.campaign.json"
    shutil.copy(SAMPLE, source)
    holder = QWidget()
    qtbot.addWidget(holder)
    seen: list[str] = []
    watch = when_box_shows(holder, lambda box: seen.append(box.labelText()))
    window = build_main_window(str(source), **options(tmp_path))
    qtbot.addWidget(window)
    qtbot.wait(50)
    watch.stop()
    assert seen == [] and window.session.document.title == "pool.campaign.json"
