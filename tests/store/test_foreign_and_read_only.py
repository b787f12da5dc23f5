"""A database that is not ours is refused and left as it was; a read-only open never writes.

Real databases: a SQLite file in tmp_path (compared byte for byte before and after) and
PostgreSQL when CANVAS_APP_TEST_PG_URL is set (its tables and rows compared).
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine

from canvas_app.store import Store, StoreError, migrate
from canvas_app.store.models import Base
from canvas_app.store.repository import safe_url

from .fingerprints import fingerprint, sqlite_path
from .test_store import assert_same

OURS = set(Base.metadata.tables)


def downgrade_to(url: str, revision: str) -> None:
    from alembic import command

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), revision)
    finally:
        engine.dispose()


def run_sql(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def refused(url: str, read_only: bool, label: str | None = None) -> str:
    with pytest.raises(StoreError) as info:
        Store(url, read_only=read_only, label=label)
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.fixture
def foreign_url(store_url: str) -> str:
    """An empty database given one table of another application, with a row in it."""
    run_sql(store_url, "CREATE TABLE x (a INTEGER)", "INSERT INTO x (a) VALUES (42)")
    return store_url


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "writable"])
def test_a_foreign_database_is_refused_and_left_as_it_was(foreign_url, read_only):
    before = fingerprint(foreign_url)
    message = refused(foreign_url, read_only)
    assert message == (f"{safe_url(foreign_url)}: not a Campaign Canvas store "
                       "(it has other tables: x)")
    assert fingerprint(foreign_url) == before


def test_the_label_names_the_database_as_the_user_gave_it(tmp_path):
    path = tmp_path / "foreign.db"
    run_sql(f"sqlite:///{path}", "CREATE TABLE x (a INTEGER)")
    before = path.read_bytes()
    message = refused(f"sqlite:///{path}", True, label="foreign.db")
    assert message == "foreign.db: not a Campaign Canvas store (it has other tables: x)"
    assert path.read_bytes() == before


def test_many_foreign_tables_are_summed_up(store_url):
    run_sql(store_url, *(f"CREATE TABLE t{i} (a INTEGER)" for i in range(9)))
    before = fingerprint(store_url)
    message = refused(store_url, False)
    assert message.endswith("(it has other tables: t0, t1, t2, t3, t4, t5 and 3 more)")
    assert fingerprint(store_url) == before


def test_another_applications_alembic_history_is_foreign_not_newer(store_url):
    run_sql(store_url, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
            "INSERT INTO alembic_version (version_num) VALUES ('ae1027a6acf')",
            "CREATE TABLE users (id INTEGER)")
    before = fingerprint(store_url)
    for read_only in (True, False):
        message = refused(store_url, read_only)
        assert message.endswith("not a Campaign Canvas store (it has other tables: users)")
        assert "newer version" not in message
    assert fingerprint(store_url) == before


def test_another_applications_bare_version_table_is_foreign(store_url):
    run_sql(store_url, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
            "INSERT INTO alembic_version (version_num) VALUES ('ae1027a6acf')")
    before = fingerprint(store_url)
    message = refused(store_url, False)
    assert message.endswith("not a Campaign Canvas store (its Alembic revision ae1027a6acf "
                            "is another application's)")
    assert fingerprint(store_url) == before


def test_an_empty_version_table_beside_other_tables_is_foreign(store_url):
    run_sql(store_url, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
            "CREATE TABLE x (a INTEGER)")
    before = fingerprint(store_url)
    assert refused(store_url, False).endswith("(it has other tables: x)")
    assert fingerprint(store_url) == before


def test_read_only_refuses_an_empty_database_and_creates_nothing(store_url):
    path = sqlite_path(store_url)
    if path is not None:
        path.touch()  # an empty SQLite database is a 0-byte file
    before = fingerprint(store_url)
    message = refused(store_url, True)
    empty = "the file is empty" if path is not None else "the database is empty"
    assert message == f"{safe_url(store_url)}: no workspace in it ({empty})"
    assert fingerprint(store_url) == before
    assert not fingerprint(store_url).tables


def test_read_only_leaves_a_zero_byte_sqlite_file_at_zero_bytes(tmp_path):
    path = tmp_path / "zero.db"
    path.touch()
    message = refused(f"sqlite:///{path}", True, label="zero.db")
    assert message == "zero.db: no workspace in it (the file is empty)"
    assert path.stat().st_size == 0


def test_read_only_never_creates_a_missing_sqlite_file(tmp_path):
    path = tmp_path / "none.db"
    message = refused(f"sqlite:///{path}", True, label="none.db")
    assert message.startswith("none.db: cannot open: ")
    assert not path.exists()


def test_a_writable_open_initialises_a_zero_byte_sqlite_file(tmp_path):
    """The app opening an empty file as a new store: it is empty, so it is initialised."""
    path = tmp_path / "zero.db"
    path.touch()
    with Store(f"sqlite:///{path}") as store:
        assert store.is_empty()
    assert set(fingerprint(f"sqlite:///{path}").tables) >= OURS


def test_read_only_reads_a_current_store_and_writes_nothing(store_url, sample):
    with Store(store_url) as store:
        store.save(sample)
    before = fingerprint(store_url)
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement.strip().split()[0].upper())

    event.listen(Engine, "before_cursor_execute", record)
    try:
        with Store(store_url, read_only=True) as store:
            assert_same(store.load(), sample)
            assert not store.is_empty()
            with pytest.raises(StoreError, match="opened read-only"):
                store.save(sample)
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    writes = {"CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE"}
    assert statements and not writes & set(statements)
    assert fingerprint(store_url) == before


def test_a_read_only_connection_refuses_writes_itself(store_url, sample):
    """Belt and braces: even a statement sent by mistake cannot write."""
    with Store(store_url) as store:
        store.save(sample)
    before = fingerprint(store_url)
    with (Store(store_url, read_only=True) as store, store.engine.connect() as conn,
          pytest.raises(Exception, match="(?i)read-?only")):
        conn.execute(text("CREATE TABLE y (a INTEGER)"))
    assert fingerprint(store_url) == before


def test_read_only_refuses_an_older_store_and_says_how_to_upgrade(store_url, monkeypatch):
    Store(store_url).close()  # our tables at the head of these migrations
    head = migrate.head_revision()
    before = fingerprint(store_url)
    monkeypatch.setattr(migrate, "head_revision", lambda: "0999_next")  # a newer app's view
    message = refused(store_url, True, label="old.db")
    assert message.startswith(f"old.db: needs upgrading: its tables are at revision {head} ")
    assert "open it once in the app (canvas-app gui old.db), which upgrades it" in message
    assert fingerprint(store_url) == before


def test_read_only_refuses_a_store_from_a_newer_version(store_url):
    Store(store_url).close()
    run_sql(store_url, "UPDATE alembic_version SET version_num = '0999_future'")
    before = fingerprint(store_url)
    message = refused(store_url, True)
    assert "0999_future" in message and "newer version" in message
    assert fingerprint(store_url) == before


def test_our_tables_may_share_a_database_with_others(store_url, sample):
    """A store that is ours (at head) stays usable when someone adds a table beside it."""
    with Store(store_url) as store:
        store.save(sample)
    run_sql(store_url, "CREATE TABLE notes (a INTEGER)")
    with Store(store_url, read_only=True) as store:
        assert_same(store.load(), sample)
    with Store(store_url) as store:
        store.save(sample)
    assert "notes" in fingerprint(store_url).tables


def test_sqlite_read_only_handles_awkward_file_names(tmp_path, sample):
    path = tmp_path / "odd #1 100% ü.db"
    with Store(f"sqlite:///{path}") as store:
        store.save(sample)
    before = path.read_bytes()
    with Store(f"sqlite:///{path}", read_only=True) as store:
        assert_same(store.load(), sample)
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]  # no file made from a misread name


def test_read_only_reads_a_store_of_the_first_version_as_it_is(store_url, sample):
    """0002 only added the revision: the command line still reads a 0001 store, and
    writes nothing to it (it is at revision 0)."""
    with Store(store_url) as store:
        store.save(sample)
    downgrade_to(store_url, "0001")
    before = fingerprint(store_url)
    with Store(store_url, read_only=True) as store:
        workspace, revision = store.load_revision()
        assert revision == 0 == store.revision()
    assert_same(workspace, sample)
    assert fingerprint(store_url) == before
