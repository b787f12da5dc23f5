"""Alembic migrations: applied on open, a no-op when up to date, equal to the models."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine

from canvas_app.store import Store, StoreError
from canvas_app.store.migrate import MIGRATIONS_DIR, alembic_config, head_revision
from canvas_app.store.models import Base

from .test_store import assert_same


def _engine(url: str) -> Engine:
    return create_engine(url)


def _revisions(url: str) -> list[str]:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return [r for (r,) in conn.execute(text("SELECT version_num FROM alembic_version"))]
    finally:
        engine.dispose()


def test_the_migrations_ship_inside_the_package():
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert (MIGRATIONS_DIR / "versions" / "0001_initial.py").is_file()
    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_heads() == [head_revision()]  # one line of history, no branches
    assert scripts.get_base() == "0001"


def test_opening_applies_the_migrations(store_url):
    Store(store_url).close()
    engine = _engine(store_url)
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    assert _revisions(store_url) == [head_revision()]


def test_the_migrated_schema_matches_the_models(store_url):
    Store(store_url).close()
    engine = _engine(store_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diffs == []


def test_opening_an_up_to_date_store_changes_nothing(store_url, sample):
    with Store(store_url) as store:
        store.save(sample)
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement.strip().split()[0].upper())

    event.listen(Engine, "before_cursor_execute", record)
    try:
        with Store(store_url) as again:
            assert_same(again.load(), sample)
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    writes = {"CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE"}
    assert statements and not writes & set(statements)
    assert _revisions(store_url) == [head_revision()]


def test_downgrade_to_base_and_open_again(store_url, sample):
    with Store(store_url) as store:
        store.save(sample)
    engine = _engine(store_url)
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
        left = set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()
    assert left == set()
    with Store(store_url) as store:
        assert store.is_empty()
        store.save(sample)
        assert_same(store.load(), sample)


def test_a_store_from_a_newer_version_is_refused(store_url):
    Store(store_url).close()
    engine = _engine(store_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0999_future'"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError) as info:
        Store(store_url)
    message = str(info.value)
    assert "\n" not in message
    assert ": cannot open: " in message
    assert "0999_future" in message and "newer version" in message
