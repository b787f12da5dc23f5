"""The store's errors, importable without SQLAlchemy (the command line catches them for every
command, and most commands never touch a database)."""

from __future__ import annotations

import re
from collections.abc import Collection

# How a store held by another writer past the wait begins its words (repository.held_words)
HELD_BY_ANOTHER = "another save to it has not ended"


class StoreError(Exception):
    """A store cannot be opened, read or written; ``str()`` is one line."""


class EmptyStore(StoreError):
    """Opened read-only, the database holds no store yet (no tables, or a 0-byte file)."""


class OlderStore(StoreError):
    """Opened read-only, the store is at an older schema (opening it to write upgrades it)."""


class StoreConflict(StoreError):
    """A save expected the store at one revision and found another: someone else saved
    it since. ``revision`` and ``saved_at`` (ISO, UTC, or None) are that other save's."""

    def __init__(self, label: str, revision: int, saved_at: str | None) -> None:
        super().__init__(f"{label} was changed by someone else since it was read "
                         f"(revision {revision}, saved at {saved_at or 'an unknown time'})")
        self.revision = revision
        self.saved_at = saved_at


class PasswordRefused(StoreError):
    """The server wants a password: none was ``given``, or the one given (or the user
    name) was refused. The app asks for it; the command line says so."""

    def __init__(self, message: str, given: bool) -> None:
        super().__init__(message)
        self.given = given


# What SQLite and PostgreSQL say of a table or column a query names that is not there.
_NO_TABLE = re.compile(r'^no such table: (?:\w+\.)?(\w+)$|^relation "(?:\w+\.)?(\w+)" does '
                       r"not exist$")
_NO_COLUMN = re.compile(r"^no such column: (?:(\w+)\.)?(\w+)$|^column (?:(\w+)\.)?(\w+) does "
                        r"not exist$")


def damage(message: str, tables: Collection[str]) -> str | None:
    """A driver's message about a table or column of the store that is not there, said in
    plain words ('the store is damaged (its table "nodes" is missing)'); None for any other
    message, and for a table that is not one of the store's ``tables``."""
    found = _NO_TABLE.match(message)
    if found is not None:
        table = found.group(1) or found.group(2)
        return f'the store is damaged (its table "{table}" is missing)' \
            if table in tables else None
    found = _NO_COLUMN.match(message)
    if found is not None:
        table = found.group(1) or found.group(3)
        column = found.group(2) or found.group(4)
        if table is None:
            return f'the store is damaged (a column "{column}" is missing)'
        return f'the store is damaged (its table "{table}" has no column "{column}")' \
            if table in tables else None
    return None
