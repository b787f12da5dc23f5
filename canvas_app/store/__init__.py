"""The database store (Qt-free): a whole workspace in SQLite or PostgreSQL.

    with Store(resolve_url("my.db")) as store:
        store.save(workspace)
        assert store.load() == workspace

The tables are in :mod:`.models`, their Alembic migrations in ``migrations/`` (applied
when a store is opened, never by ``Store(url, read_only=True)``; a database holding another
application's tables is refused either way), the mapping to and from the domain in
:mod:`.mapping`.
"""

from typing import TYPE_CHECKING, Any

from .errors import EmptyStore, OlderStore, PasswordRefused, StoreConflict, StoreError

if TYPE_CHECKING:
    from .repository import Store, default_db_url, resolve_url

_HEAVY = {"Store", "default_db_url", "resolve_url"}  # these bring SQLAlchemy (1.5 s to load)


def __getattr__(name: str) -> Any:
    """``Store`` and the URL helpers load SQLAlchemy and Alembic when first asked for, so
    ``canvas-app validate file.campaign.json`` does not wait for them."""
    if name in _HEAVY:
        from . import repository

        return getattr(repository, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["EmptyStore", "OlderStore", "PasswordRefused", "Store", "StoreConflict", "StoreError",
           "default_db_url", "resolve_url"]
