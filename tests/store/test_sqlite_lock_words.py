"""A SQLite store another program holds locked (a teammate's save that hangs, a tool with
BEGIN EXCLUSIVE) is said as such, as PostgreSQL's is, not as "the database cannot be
opened: database is locked", which reads as damage (QA 22b); the next try works."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from canvas_app.io import load_workspace
from canvas_app.store import Store, StoreError, engines, repository

from .conftest import SAMPLE


@pytest.fixture
def short_wait(monkeypatch) -> None:
    monkeypatch.setattr(engines, "SQLITE_BUSY_WAIT", 0.3)
    monkeypatch.setattr(repository, "SQLITE_BUSY_WAIT", 0.3)


def held(path: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    return holder


def test_opening_and_saving_a_locked_sqlite_store_say_it_is_held(
        tmp_path: Path, short_wait: None) -> None:
    path = tmp_path / "team.db"
    workspace = load_workspace(SAMPLE)
    with Store(f"sqlite:///{path}") as store:
        revision = store.save(workspace)
    holder = held(path)
    try:
        with pytest.raises(StoreError) as opening:
            Store(f"sqlite:///{path}")
    finally:
        holder.rollback()
    assert str(opening.value).endswith(
        ": cannot open: another save to it has not ended after 0.3 s (someone else saving, "
        "or a program holding the database)")
    assert "database is locked" not in str(opening.value)
    with Store(f"sqlite:///{path}") as store:
        holder = held(path)
        try:
            with pytest.raises(StoreError) as saving:
                store.save(workspace, revision)
        finally:
            holder.rollback()
        assert str(saving.value).startswith("Cannot save to ")
        assert str(saving.value).endswith(
            ": another save to it has not ended after 0.3 s (someone else saving, or a "
            "program holding the database); nothing was saved: try again in a moment")
        assert store.save(workspace, revision) == revision + 1  # the lock gone, it saves


def test_opening_a_store_up_to_date_waits_for_no_ones_save(
        tmp_path: Path, short_wait: None) -> None:
    """A teammate's save under way (a RESERVED lock) held a starting app up to 10 s: the
    store is only read when its tables are up to date."""
    path = tmp_path / "team.db"
    with Store(f"sqlite:///{path}") as store:
        store.save(load_workspace(SAMPLE))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store(f"sqlite:///{path}") as store:
            assert store.load() == load_workspace(SAMPLE)
    finally:
        holder.rollback()


def test_a_save_to_a_locked_sqlite_file_says_not_saved_in_those_words(
        tmp_path: Path, short_wait: None) -> None:
    from canvas_app.documents import Document, DocumentError

    path = tmp_path / "team.db"
    document = Document(str(path))
    workspace = load_workspace(SAMPLE)
    stamp = document.save(workspace)
    holder = held(path)
    try:
        with pytest.raises(DocumentError) as info:
            document.save(workspace, False, stamp)
    finally:
        holder.rollback()
    said = str(info.value)
    assert "cannot be opened" not in said
    assert ": not saved: another save to it has not ended after 0.3 s" in said
    assert said.endswith("; your edits are still here: try again in a moment")
