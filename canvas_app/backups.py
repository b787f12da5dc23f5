"""Copies of a store's workspace kept before ``canvas-app import`` or the window's Save to
Database replaces it.

Both replace a store's workspace whole (one database holds one workspace). So that one
into the wrong store loses nothing, the workspace it replaces is first written to a
``.campaign.json`` file in the app's data folder, and the command or the window says where.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from .documents import app_data_dir
from .domain.workspace import Workspace
from .store.repository import Store


def default_backup_dir() -> Path:
    return app_data_dir() / "backups"


def store_label(url: str) -> str:
    """A short name for a store, fit for a file name: the SQLite file's stem, or the
    database's name."""
    try:
        database = make_url(url).database or ""
    except Exception:
        database = ""
    stem = Path(database).name.split(".")[0] if database else "store"
    return re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-") or "store"


def keep_before_replacing(store: Store, url: str, incoming: Workspace,
                          folder: Path | None = None,
                          now: datetime | None = None) -> Path | None:
    """Writes the workspace of ``store`` (which holds one) to a new file in ``folder``
    when importing ``incoming`` would replace something else, and returns the file; None
    when the store already holds exactly ``incoming``. Raises what loading or writing
    raises: the import must not go on without its copy."""
    current = store.load()
    if current == incoming:
        return None
    return write_backup(current, url, "before-import", folder, now)


def write_backup(workspace: Workspace, url: str, reason: str, folder: Path | None = None,
                 now: datetime | None = None) -> Path:
    """Writes ``workspace`` (the one the store at ``url`` holds) to a new file in ``folder``
    (by default the data folder's ``backups/``), named for the store, ``reason`` and the
    time ("team-before-import-20261124-224400.campaign.json"), and returns the file.
    Raises OSError when it cannot be written."""
    from .io import save_workspace

    folder = folder or default_backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    base = f"{store_label(url)}-{reason}-{stamp}"
    path = folder / f"{base}.campaign.json"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}.campaign.json"
        n += 1
    save_workspace(workspace, path)
    return path
