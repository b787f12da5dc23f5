"""Copies of a store's workspace kept before ``canvas-app import`` replaces it.

Import replaces a store's workspace whole (one database holds one workspace). So that an
import into the wrong store loses nothing, the workspace it replaces is first written to a
``.campaign.json`` file in the app's data folder, and the command says where.
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
    from .io import save_workspace

    current = store.load()
    if current == incoming:
        return None
    folder = folder or default_backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    base = f"{store_label(url)}-before-import-{stamp}"
    path = folder / f"{base}.campaign.json"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}.campaign.json"
        n += 1
    save_workspace(current, path)
    return path
