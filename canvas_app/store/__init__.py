"""The database store (Qt-free): a whole workspace in SQLite or PostgreSQL.

    with Store(resolve_url("my.db")) as store:
        store.save(workspace)
        assert store.load() == workspace

The tables are in :mod:`.models`, their Alembic migrations in ``migrations/`` (applied
when a store is opened, never by ``Store(url, read_only=True)``; a database holding another
application's tables is refused either way), the mapping to and from the domain in
:mod:`.mapping`.
"""

from .repository import (
    EmptyStore,
    OlderStore,
    Store,
    StoreConflict,
    StoreError,
    default_db_url,
    resolve_url,
)

__all__ = ["EmptyStore", "OlderStore", "Store", "StoreConflict", "StoreError",
           "default_db_url", "resolve_url"]
