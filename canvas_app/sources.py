"""Where a workspace comes from: a ``.campaign.json`` file, a SQLite file or a SQLAlchemy URL.

Qt-free; used by the command line and the app.
"""

from __future__ import annotations

from pathlib import Path

from .domain.workspace import Workspace
from .io import load_workspace


def is_json_source(arg: str) -> bool:
    return "://" not in arg and arg.lower().endswith(".json")


def open_workspace(arg: str) -> Workspace:
    """Loads a workspace from a JSON file or a store; raises LoadError or StoreError."""
    if is_json_source(arg):
        return load_workspace(arg)
    from .store import Store, StoreError, resolve_url

    if "://" not in arg and not Path(arg).exists():
        raise StoreError(f"{arg}: no such file")
    with Store(resolve_url(arg)) as store:
        return store.load()
