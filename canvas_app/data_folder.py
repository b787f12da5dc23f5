"""The app's data folder (Qt-free): where the default store lives, and what to say when it
cannot be made.

The desktop app and ``canvas-app import`` (with no ``--db``) keep the workspace there,
with recovery snapshots and the copies import keeps. The other commands only read: they
find the default store's file without creating the folder.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

APP_NAME = "campaign-canvas"  # as canvas_app.store.repository names it
DB_FILE = "workspace.db"


def data_folder() -> Path:
    """The folder, whether or not it exists (nothing is created)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME))


def default_db_url_for_reading() -> str:
    """The default store's URL, as ``store.default_db_url()`` gives it, without creating
    the data folder (a command that only reads must not need to write it)."""
    return f"sqlite:///{data_folder() / DB_FILE}"


def data_folder_problem(exc: OSError, instead: str = "") -> str | None:
    """One line saying what the data folder is for and what to do, when ``exc`` is a
    failure to make or write it (``instead``: what else the user may do); None for an
    error about any other file."""
    if not exc.filename:
        return None
    folder = data_folder()
    failed = Path(os.path.abspath(os.fsdecode(exc.filename)))
    if failed != folder and failed not in folder.parents and folder not in failed.parents:
        return None
    reason = exc.strerror or str(exc)
    blocker = _file_in_the_way(folder) if exc.errno == errno.ENOTDIR else None
    if blocker is not None:
        where = f"{blocker} is a file, not a folder"
    else:
        where = f"{failed}: {reason}" if failed != folder else reason
    fix = "move that file away" if blocker is not None else "make it writable"
    if sys.platform not in ("win32", "darwin"):
        fix += " or set XDG_DATA_HOME to a folder you can write"
    return (f"cannot use the data folder {folder}, where Campaign Canvas keeps your "
            f"workspace, recovery snapshots and import backups ({where}): {fix}"
            + (f"; {instead}" if instead else ""))


def _file_in_the_way(folder: Path) -> Path | None:
    """The part of ``folder``'s path that exists and is not a folder."""
    for part in (*reversed(folder.parents), folder):
        if part.exists() and not part.is_dir():
            return part
    return None
