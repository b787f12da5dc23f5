"""The app refuses a SQLite file holding another application's tables, with a message box,
and leaves the file byte-identical: on File > Open, on Save As and at start-up."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from canvas_app.app import build_main_window
from canvas_app.documents import DocumentError
from canvas_app.ui.main_window import MainWindow

from .conftest import canonical

MESSAGE = "not a Campaign Canvas store (it has other tables: x)"


@pytest.fixture
def foreign_db(tmp_path: Path) -> Path:
    path = tmp_path / "foreign.db"
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE x (a)")
        connection.execute("INSERT INTO x VALUES (1)")
    connection.close()
    return path


def error_box(window: MainWindow) -> QMessageBox:
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    return box


def test_open_refuses_a_foreign_sqlite_file_with_a_message_box(
        qtbot, window: MainWindow, foreign_db: Path) -> None:
    before = foreign_db.read_bytes()
    workspace = canonical(window.controller.workspace)
    source = window.session.document.source
    assert not window.files.open_source(str(foreign_db))
    assert window.files.last_error == f"{foreign_db}: {MESSAGE}"
    assert error_box(window).text() == window.files.last_error
    assert foreign_db.read_bytes() == before
    assert window.session.document.source == source  # still on the workspace it had
    assert canonical(window.controller.workspace) == workspace
    assert str(foreign_db) not in window.files.recent()


def test_save_as_onto_a_foreign_sqlite_file_is_refused(
        qtbot, window: MainWindow, foreign_db: Path) -> None:
    before = foreign_db.read_bytes()
    source = window.session.document.source
    assert not window.files.save_as(str(foreign_db))
    assert window.files.last_error == f"{foreign_db}: {MESSAGE}"
    assert error_box(window).isVisible()
    assert foreign_db.read_bytes() == before
    assert window.session.document.source == source


def test_starting_on_a_foreign_sqlite_file_is_one_clear_line(foreign_db: Path) -> None:
    before = foreign_db.read_bytes()
    with pytest.raises(DocumentError) as info:
        build_main_window(str(foreign_db), offer_recovery=False)
    assert str(info.value) == f"{foreign_db}: {MESSAGE}"
    assert foreign_db.read_bytes() == before


def test_opening_a_zero_byte_file_starts_an_empty_store_in_it(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    """An empty file holds nothing to lose: the app opens it as a new, empty store, and
    writes nothing into it until Save."""
    empty = tmp_path / "empty.db"
    empty.touch()
    assert window.files.open_source(str(empty))
    assert window.session.document.source == str(empty)
    assert window.controller.workspace.campaigns == []
    assert empty.stat().st_size == 0  # untouched until saved
    window.controller.new_campaign("First")
    assert window.files.save()
    assert empty.stat().st_size > 0  # the store's tables, and the campaign
