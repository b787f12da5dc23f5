"""How the store connects: the SQLAlchemy engine for a SQLite file or a PostgreSQL
server, read-only when asked."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

from .jsontext import dumps as dumps_json
from .jsontext import loads as loads_json

CONNECT_TIMEOUT = 10  # seconds, for PostgreSQL: an unreachable server fails, not hangs
# seconds a SQLite writer waits for another one's lock, as a PostgreSQL save waits
# (repository.SAVE_LOCK_WAIT), not pysqlite's 5
SQLITE_BUSY_WAIT = 10


def create_store_engine(url: str, read_only: bool = False) -> Engine:
    """The engine for a store's database: PostgreSQL fails after CONNECT_TIMEOUT rather
    than hang; SQLite runs every statement in a real transaction, with foreign keys on;
    ``read_only`` never writes (SQLite ``mode=ro`` and ``query_only``, PostgreSQL read-only
    transactions)."""
    parsed = make_url(url)
    connect_args: dict[str, Any] = {}
    backend = parsed.get_backend_name()
    if (backend == "postgresql" and parsed.get_driver_name() in ("psycopg", "psycopg2")
            and "connect_timeout" not in parsed.query):
        connect_args["connect_timeout"] = CONNECT_TIMEOUT
    if read_only and backend == "sqlite":
        parsed = _read_only_sqlite(parsed)
    if backend == "sqlite" and "timeout" not in parsed.query:
        connect_args["timeout"] = SQLITE_BUSY_WAIT
    # JSON columns are written and read with orjson (json's results; jsontext.py).
    engine = create_engine(parsed, connect_args=connect_args, json_serializer=dumps_json,
                           json_deserializer=loads_json)
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_read_only if read_only else _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    elif read_only and backend == "postgresql" and \
            parsed.get_driver_name() in ("psycopg", "psycopg2"):
        engine = engine.execution_options(postgresql_readonly=True)
    return engine


def _read_only_sqlite(parsed: Any) -> Any:
    """A SQLite file URL opened with ``mode=ro``: the driver can neither write to the file
    nor create it when it is missing. In-memory databases are left as they are."""
    database = parsed.database or ""
    if not database or database == ":memory:":
        return parsed
    if str(parsed.query.get("uri", "")).lower() in ("true", "1"):  # already a SQLite URI
        return parsed.update_query_dict({"mode": "ro"})
    uri = Path(os.path.abspath(database)).as_uri()  # file:///... with %-escapes (any OS)
    return parsed.set(database=uri).update_query_dict({"uri": "true", "mode": "ro"})


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite begins a transaction only before INSERT, UPDATE and DELETE, so reads and
    # DDL (the migrations) would run outside it. SQLAlchemy's documented recipe: turn that
    # off and emit BEGIN ourselves (_sqlite_begin), making every transaction a real one.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")  # SQLite checks foreign keys only if asked
    cursor.close()


def _sqlite_read_only(dbapi_connection: Any, record: Any) -> None:
    _sqlite_connect(dbapi_connection, record)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only = ON")  # in-memory databases too
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")
