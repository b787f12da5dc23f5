"""The store's errors, importable without SQLAlchemy (the command line catches them for every
command, and most commands never touch a database)."""

from __future__ import annotations


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
