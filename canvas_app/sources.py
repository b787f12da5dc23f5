"""Where a workspace comes from: a ``.campaign.json`` file, a SQLite file or a SQLAlchemy URL.

Qt-free; used by the command line and the app.
"""

from __future__ import annotations

from pathlib import Path

from .domain.workspace import Workspace
from .io import load_workspace


def is_json_source(arg: str) -> bool:
    return "://" not in arg and arg.lower().endswith(".json")


def missing_sqlite_file(arg: str) -> str | None:
    """The file a SQLite path or ``sqlite:///`` URL names, when it does not exist (opening
    it would create an empty database); None otherwise (other URLs, in-memory SQLite)."""
    if "://" not in arg:
        return None if Path(arg).exists() else arg
    scheme, _, rest = arg.partition("://")
    if not scheme.startswith("sqlite") or not rest.startswith("/"):
        return None
    path = rest[1:].split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return None if Path(path).exists() else path


def open_workspace(arg: str) -> Workspace:
    """Loads a workspace from a JSON file or an existing store; never creates a database.

    Raises LoadError or StoreError with one clear line."""
    if is_json_source(arg):
        return load_workspace(arg)
    from .store import Store, StoreError, resolve_url

    if missing_sqlite_file(arg) is not None:
        raise StoreError(f"{arg}: no such file")
    with Store(resolve_url(arg)) as store:
        return store.load()
