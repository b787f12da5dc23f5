"""Where a workspace comes from: a ``.campaign.json`` file, a SQLite file or a SQLAlchemy URL.

Qt-free; used by the command line and the app.
"""

from __future__ import annotations

from pathlib import Path

from .cli_sources import shown_source, sqlite_url_file
from .domain.workspace import Workspace
from .io import load_workspace
from .io.atomic import no_folder_words
from .io.encoding import starts_like_json_object


def is_json_source(arg: str) -> bool:
    """A workspace JSON file: a name ending in .json, or a file of any other name whose
    text starts with ``{`` (QA: a workspace saved as plain.txt was "not a database")."""
    if "://" in arg:
        return False
    return arg.lower().endswith(".json") or starts_like_json_object(arg)


def sqlite_path(arg: str) -> str | None:
    """The file a SQLite path or ``sqlite:///`` URL names, as given (None for other URLs
    and in-memory SQLite)."""
    return sqlite_url_file(arg) if "://" in arg else arg


def missing_sqlite_file(arg: str) -> str | None:
    """The file a SQLite path or ``sqlite:///`` URL names, when it does not exist (opening
    it would create an empty database); None otherwise (other URLs, in-memory SQLite)."""
    path = sqlite_path(arg)
    if path is None:
        return None
    return None if Path(path).exists() else path


def missing_file_words(path: str) -> str:
    """What is missing of a file that does not exist: its folder ("no such folder: F", as
    for a file to write), or the file itself ("no such file")."""
    folder = Path(path).parent
    return "no such file" if folder.is_dir() else no_folder_words(folder)


def open_workspace(arg: str) -> Workspace:
    """Loads a valid workspace from a JSON file or an existing store; never writes to a
    database.

    A store may hold a workspace saved with errors (the app saves work in progress); it is
    refused here wherever the JSON loader refuses the same workspace as a file (R11, then
    a value an editor's field would refuse): an error naming ``arg``, the place in the
    words the app shows and the problem. Raises LoadError or StoreError with one clear
    line."""
    if is_json_source(arg):
        return load_workspace(arg)
    return read_store(arg, file_checks=True)


def read_store(arg: str, file_checks: bool = False) -> Workspace:
    """The workspace in an existing store (a SQLite path or a SQLAlchemy URL), read without
    writing anything: a missing file, an empty database, one at an older schema (not
    upgraded here) or one holding another application's tables is refused with a
    StoreError of one line that names ``arg`` (a URL's password hidden). With
    ``file_checks``, what a file would be refused for is refused too
    (:meth:`~canvas_app.store.Store.load`)."""
    from .store import Store, StoreError, resolve_url

    missing = missing_sqlite_file(arg)
    if missing is not None:
        raise StoreError(f"{arg}: {missing_file_words(missing)}")
    with Store(resolve_url(arg), read_only=True, label=store_label(arg)) as store:
        return store.load(file_checks=file_checks)


def store_label(arg: str) -> str:
    """How the command line's messages name a store given as ``arg``: as given, a URL's
    password hidden (QA 23d: ``sqlite:///:memory:`` was said ``sqlite:///%3Amemory%3A``,
    and ``import --db trunc.db`` said ``sqlite:////tmp/…/trunc.db``)."""
    return shown_source(arg) if "://" in arg else arg
