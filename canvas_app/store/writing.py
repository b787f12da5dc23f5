"""Writing a workspace's rows (tuples, columns as in ``mapping.COLUMNS``) in bulk.

:func:`replace_rows` makes every table hold exactly the given rows, inside the caller's
transaction. On SQLite and on PostgreSQL through psycopg it changes only what differs: it
reads the stored rows, deletes those whose key is gone, updates those whose other columns
changed and inserts the new ones (SQLite: the driver's executemany; PostgreSQL: one COPY
per table, and many updates or deletes through a temporary table). The tables then hold
the same rows as after emptying them and inserting everything, without the cost of
rewriting (and, on PostgreSQL, re-checking the foreign keys of) every unchanged node and
link. Other databases get exactly that: every table emptied, then SQLAlchemy's insert.

JSON columns are given as JSON text and compared as the text stored: a document stored
with other spacing (by an older version) counts as changed and is written again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Literal

from sqlalchemy import JSON, delete, insert
from sqlalchemy.engine import Connection

from .mapping import COLUMNS, Row, Rows
from .models import TABLES, Base

Bulk = Literal["copy", "driver", "core"]
# From this many rows to update or delete in one table, PostgreSQL gets them with one COPY
# into a temporary table and one UPDATE or DELETE joining it, not a statement per row.
MANY = 50


def bulk_kind(connection_or_dialect: Any) -> Bulk:
    """``"copy"`` (PostgreSQL through psycopg), ``"driver"`` (SQLite) or ``"core"``."""
    dialect = getattr(connection_or_dialect, "dialect", connection_or_dialect)
    if dialect.name == "postgresql" and dialect.driver == "psycopg":
        return "copy"
    return "driver" if dialect.name == "sqlite" else "core"


def replace_rows(connection: Connection, rows: Rows) -> None:
    """Every table (``workspace`` included) holds ``rows[model]`` afterwards."""
    models = _in_table_order(rows)  # parents before children
    if bulk_kind(connection) == "core":
        for table in reversed(TABLES):
            connection.execute(delete(table))
        for model in models:
            if rows[model]:
                columns = COLUMNS[model]
                connection.execute(insert(model.__table__),
                                   [dict(zip(columns, row, strict=True))
                                    for row in rows[model]])
        return
    plans = [_plan(connection, model, rows[model]) for model in models]
    for plan in reversed(plans):  # children first: no cascade reaches a row kept
        plan.delete(connection)
    for plan in plans:  # parents first: every foreign key finds its row
        plan.update(connection)
        plan.insert(connection)


@dataclass
class _Plan:
    model: type[Base]
    everything_gone: bool = False
    gone: list[tuple[Any, ...]] = field(default_factory=list)  # keys
    changed: list[Row] = field(default_factory=list)
    added: list[Row] = field(default_factory=list)

    @property
    def _table(self) -> str:
        return str(self.model.__table__.name)

    def delete(self, connection: Connection) -> None:
        quote = connection.dialect.identifier_preparer.quote
        table = quote(self._table)
        if self.everything_gone:
            connection.exec_driver_sql(f"DELETE FROM {table}")
        elif len(self.gone) >= MANY and bulk_kind(connection) == "copy":
            keys = _key_columns(self.model)
            scratch = _scratch_table(connection, "gone", self.model, keys, self.gone)
            where = " AND ".join(f"t.{quote(k)} = s.{quote(k)}" for k in keys)
            connection.exec_driver_sql(f"DELETE FROM {table} AS t USING {scratch} AS s "
                                       f"WHERE {where}")
        elif self.gone:
            where = " AND ".join(f"{quote(name)} = {_mark(connection)}"
                                 for name in _key_columns(self.model))
            connection.exec_driver_sql(f"DELETE FROM {table} WHERE {where}", self.gone)

    def update(self, connection: Connection) -> None:
        if not self.changed:
            return
        quote = connection.dialect.identifier_preparer.quote
        table = quote(self._table)
        columns = COLUMNS[self.model]
        keys = _key_indexes(self.model)
        values = [i for i in range(len(columns)) if i not in keys]
        if len(self.changed) >= MANY and bulk_kind(connection) == "copy":
            scratch = _scratch_table(connection, "changed", self.model, columns,
                                     self.changed)
            assignments = ", ".join(f"{quote(columns[i])} = s.{quote(columns[i])}"
                                    for i in values)
            where = " AND ".join(f"t.{quote(columns[i])} = s.{quote(columns[i])}"
                                 for i in keys)
            connection.exec_driver_sql(f"UPDATE {table} AS t SET {assignments} "
                                       f"FROM {scratch} AS s WHERE {where}")
            return
        mark = _mark(connection)
        assignments = ", ".join(f"{quote(columns[i])} = {mark}" for i in values)
        where = " AND ".join(f"{quote(columns[i])} = {mark}" for i in keys)
        order = itemgetter(*values, *keys)
        connection.exec_driver_sql(f"UPDATE {table} SET {assignments} WHERE {where}",
                                   [order(row) for row in self.changed])

    def insert(self, connection: Connection) -> None:
        if not self.added:
            return
        quote = connection.dialect.identifier_preparer.quote
        columns = COLUMNS[self.model]
        if bulk_kind(connection) == "copy":
            _copy(connection, quote(self._table), columns, self.added)
        else:
            names = ", ".join(quote(name) for name in columns)
            marks = ", ".join([_mark(connection)] * len(columns))
            connection.exec_driver_sql(
                f"INSERT INTO {quote(self._table)} ({names}) VALUES ({marks})", self.added)


def _copy(connection: Connection, table: str, columns: Sequence[str],
          rows: Iterable[Sequence[Any]]) -> None:
    """PostgreSQL: ``rows`` into ``table`` (already quoted) with one COPY."""
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in columns)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _scratch_table(connection: Connection, purpose: str, model: type[Base],
                   columns: Sequence[str], rows: list[Row]) -> str:
    """PostgreSQL: a temporary table (dropped at commit) with ``columns`` of ``model``'s
    table, holding ``rows``, so that one UPDATE or DELETE joins it instead of one
    statement per row."""
    quote = connection.dialect.identifier_preparer.quote
    name = quote(f"canvas_{purpose}_{model.__table__.name}")
    names = ", ".join(quote(column) for column in columns)
    connection.exec_driver_sql(
        f"CREATE TEMPORARY TABLE {name} ON COMMIT DROP AS "
        f"SELECT {names} FROM {quote(str(model.__table__.name))} WITH NO DATA")
    _copy(connection, name, columns, rows)
    return name


def _plan(connection: Connection, model: type[Base], rows: list[Row]) -> _Plan:
    """What differs between the stored rows of ``model``'s table and ``rows``."""
    key = _key(model)
    new = {key(row): row for row in rows}
    old = {key(row): row for row in _stored(connection, model)}
    if len(new) != len(rows):  # a key twice: written as given, the database refuses it
        return _Plan(model, everything_gone=bool(old), added=rows)
    plan = _Plan(model)
    plan.gone = [k if isinstance(k, tuple) else (k,) for k in old.keys() - new.keys()]
    if old and len(plan.gone) == len(old):
        plan.everything_gone, plan.gone = True, []
        plan.added = rows
        return plan
    for k, row in new.items():
        stored = old.get(k)
        if stored is None:
            plan.added.append(row)
        elif stored != row:
            plan.changed.append(row)
    return plan


def _stored(connection: Connection, model: type[Base]) -> list[Row]:
    """The table's rows as tuples in the order of ``COLUMNS``, JSON columns as their text."""
    table = model.__table__
    quote = connection.dialect.identifier_preparer.quote
    columns = ", ".join(
        f"CAST({quote(name)} AS TEXT)" if isinstance(table.c[name].type, JSON) else quote(name)
        for name in COLUMNS[model])
    result = connection.exec_driver_sql(f"SELECT {columns} FROM {quote(table.name)}")
    return [tuple(row) for row in result]


def _key_columns(model: type[Base]) -> list[str]:
    return [COLUMNS[model][i] for i in _key_indexes(model)]


def _key_indexes(model: type[Base]) -> list[int]:
    table = model.__table__
    return [i for i, name in enumerate(COLUMNS[model]) if table.c[name].primary_key]


def _key(model: type[Base]) -> Any:
    """A row's primary key: one value, or a tuple of them."""
    return itemgetter(*_key_indexes(model))


def _mark(connection: Connection) -> str:
    return "?" if connection.dialect.name == "sqlite" else "%s"


def _in_table_order(rows: Rows) -> list[type[Base]]:
    """The models of ``rows``, parents before children (the foreign keys' order)."""
    order = {table: i for i, table in enumerate(TABLES)}
    return sorted(rows, key=lambda model: order[model.__table__])
