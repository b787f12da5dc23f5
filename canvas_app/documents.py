"""Where a workspace comes from and goes to (no Qt); its crash-recovery snapshots are in
:mod:`canvas_app.recovery`.

A :class:`Document` names one source: a ``.campaign.json`` file or a store (a SQLite file
or any SQLAlchemy URL). ``load()`` reads the workspace from it; ``save()`` writes it there
(the store in one transaction, a JSON file atomically).

Autosave never touches the source: it writes a *recovery snapshot* (the workspace as JSON,
atomically, in the user's data dir). A kill during autosave therefore loses at most the
edits since the previous snapshot and never damages the store. A snapshot left behind
when the app did not close normally is offered at the next start; an explicit Save, or a
normal close, removes it. A named document has one snapshot (by its source); each untitled
workspace has one of its own (:func:`~canvas_app.recovery.new_untitled_recovery`), so two
running copies of the app never write the same one.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .domain.workspace import Workspace
from .io import LoadError, load_workspace
from .io.atomic import locked_beside, mode_for, no_folder_words, write_text_atomic
from .io.draft import load_draft
from .io.encoding import not_a_file, starts_like_json_object
from .io.workspace_file import dumps_workspace
from .store.errors import HELD_BY_ANOTHER

if TYPE_CHECKING:
    from .store import Store

JSON_SUFFIX = ".campaign.json"
APP_NAME = "campaign-canvas"
# The source of an untitled workspace's recovery snapshot: a marker, not a file.
UNTITLED = "untitled"


class DocumentError(Exception):
    """A source that cannot be opened or written; ``str()`` is one clear line."""


class PasswordNeeded(DocumentError):
    """A server database wants a password: none was ``given`` in the URL, or the one given
    (or the user name) was refused. The window asks for it and tries again."""

    def __init__(self, message: str, given: bool) -> None:
        super().__init__(message)
        self.given = given


class UnreadableDocument(DocumentError):
    """A workspace file that is there but cannot be read as a workspace (cut short, or
    edited outside the app into something else): Save may write the user's over it."""


class DocumentConflict(DocumentError):
    """Save found the source changed by someone else since it was read or last saved;
    ``changed_at`` is when (None when not known). Nothing was written."""

    def __init__(self, message: str, changed_at: datetime | None) -> None:
        super().__init__(message)
        self.changed_at = changed_at


@dataclass(frozen=True)
class Stamp:
    """What a source was when read or written, to tell a later change by someone else: a
    store's revision (bumped by each save), a file's modification time and size."""

    revision: int | None = None
    mtime_ns: int | None = None
    size: int | None = None
    # when a store's revision was saved, as it says (None: not known): told, not compared
    saved_at: datetime | None = field(default=None, compare=False)

    @classmethod
    def of_file(cls, path: str | os.PathLike[str]) -> Stamp | None:
        try:
            status = os.stat(path)
        except OSError:
            return None
        return cls(mtime_ns=status.st_mtime_ns, size=status.st_size)


def is_json_source(source: str) -> bool:
    return source.lower().endswith(".json")


def is_url(source: str) -> bool:
    return "://" in source


def absolute_source(source: str) -> str:
    """A file path made absolute (``~`` expanded), so it names the same file from any
    working folder; a URL and the untitled marker as they are."""
    if is_url(source) or source == UNTITLED or not source:
        return source
    return os.path.abspath(os.path.expanduser(source))


def settings_key(source: str) -> str:
    """How the user's settings (Open Recent, the campaign shown last, the scenario used)
    name a source: a server's URL without its password, which is asked for again when
    the server wants it (QA: the settings kept it)."""
    if is_url(source) and "@" in source:
        from .store.urls import without_password

        return without_password(source)
    return source


def _parse_time(stamp: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        return None


def _not_saved(opening_error: str) -> str:
    """A store that cannot be opened for a save, said as a save that failed ("STORE: not
    saved: the database cannot be opened: REASON; your edits are still here"), not as an
    opening (QA: "cannot open" after Save)."""
    if ": cannot open: " not in opening_error:  # refused as it is (another app's tables)
        return opening_error
    if HELD_BY_ANOTHER in opening_error:  # not "cannot be opened", which reads as damage
        said = opening_error.replace(": cannot open: ", ": not saved: ", 1)
        return f"{said}; your edits are still here: try again in a moment"
    said = opening_error.replace(": cannot open: ",
                                 ": not saved: the database cannot be opened: ", 1)
    return f"{said}; your edits are still here"


def is_sqlite_file(file: Path) -> bool:
    """True when the file starts as every SQLite database does."""
    try:
        with open(file, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def read_as_opened(store: Store) -> tuple[Workspace, int]:
    """A store's workspace and revision, read as the app opens a file (``io/draft.py``
    ``load_draft``): work in progress is kept (R11: a goal whose settings are incomplete, a
    node with no name), but what only files refuse (``io.workspace_file.file_problems``: a
    value an editor's typed field would refuse, text with a NUL, a blank campaign name) is
    a DocumentError with the line ``canvas-app validate`` gives for the store (QA 23d).

    Read as validate reads it first (``file_checks``): one read for a store that passes.
    Refused, it is read again as work in progress; the first refusal stands when the model's
    rules find nothing (then it was for what only files refuse). A store that breaks the
    rules as well is checked on the workspace read (:func:`refuse_what_files_refuse`)."""
    from .store import StoreError

    try:
        return store.load_revision(file_checks=True)
    except StoreError as strict:
        workspace, revision = store.load_revision()
        if not workspace.validate():
            raise DocumentError(str(strict)) from None
    refuse_what_files_refuse(workspace, store.label)
    return workspace, revision


def refuse_what_files_refuse(workspace: Workspace, label: str) -> None:
    """What only files refuse (``io.workspace_file.file_problems``), looked for in a
    workspace as it was read: a DocumentError ``STORE: PLACE: problem``, the place in the
    store's words. The model keeps prices, names and text as the store holds them, but not
    every duration as written: one with a fraction of a second is read rounded (and so is
    not found here), one too long for the step editor is named in its ISO 8601 spelling."""
    from .io.workspace_file import file_problems, workspace_to_data

    data = workspace_to_data(workspace)
    problems = file_problems(data)
    if problems:
        from .store.places import stored_problem

        said = LoadError(label, [stored_problem(problem, data) for problem in problems])
        raise DocumentError(str(said))


@dataclass(frozen=True)
class Document:
    """One workspace source. ``source`` is a JSON path, a SQLite path or a URL; a path is
    made absolute here, so snapshots and Open Recent name the file from any folder."""

    source: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", absolute_source(self.source))

    @cached_property
    def kind(self) -> str:
        """"json" for a name ending in .json, and for an existing file of any other name
        whose text starts with ``{`` (QA: a workspace saved as plain.txt was "not a
        database"); "store" otherwise. Told once: a document keeps its kind."""
        if is_json_source(self.source):
            return "json"
        if not is_url(self.source) and starts_like_json_object(self.source):
            return "json"
        return "store"

    @property
    def title(self) -> str:
        """A short name for the window title."""
        if is_url(self.source) and not self.source.startswith("sqlite"):
            return self.source.split("@")[-1]
        name = Path(self.source.split("///")[-1]).name
        return name or self.source

    @property
    def label(self) -> str | None:
        """How a store's messages name it: the path as given (None for a URL, whose
        password the store hides itself)."""
        return None if is_url(self.source) else self.source

    @property
    def store_url(self) -> str:
        from .store import resolve_url

        return resolve_url(self.source)

    def load(self) -> Workspace:
        """The workspace in the source, or a DocumentError with one line.

        Nodes whose settings are still incomplete load (the canvas flags them); anything
        else wrong with the file or store is refused, as on the command line: a value an
        editor's typed field would refuse and text with a NUL too (QA 23d)."""
        return self.load_stamped()[0]

    def load_stamped(self) -> tuple[Workspace, Stamp | None]:
        """The workspace and the source's :class:`Stamp` as it was read (a file's taken
        before reading, so a change while it is read counts as a change)."""
        if self.kind == "json":
            stamp = Stamp.of_file(self.source)
            try:
                return load_draft(self.source), stamp
            except LoadError as exc:
                if Path(self.source).is_file():
                    raise UnreadableDocument(str(exc)) from None
                raise DocumentError(str(exc)) from None
        from .store import EmptyStore, OlderStore, PasswordRefused, Store, StoreError

        file = self.local_file()
        if file is not None and not self._file_is_there(file):  # a sqlite:/// URL's
            return Workspace(), Stamp(revision=0)  # file is made by Save
        try:  # read-only: opening writes nothing (an empty file stays empty until Save)
            store = Store(self.store_url, read_only=True, label=self.label)
        except EmptyStore:
            return Workspace(), Stamp(revision=0)
        except OlderStore:
            store = None
        except PasswordRefused as exc:
            raise PasswordNeeded(str(exc), exc.given) from None
        except StoreError as exc:
            raise DocumentError(str(exc)) from None
        try:
            if store is None:  # an older store is upgraded when opened to write, as before
                store = Store(self.store_url, label=self.label)
            workspace, revision = read_as_opened(store)
            return workspace, Stamp(revision=revision)
        except (StoreError, LoadError) as exc:
            raise DocumentError(str(exc)) from None
        finally:
            if store is not None:
                store.close()

    def _file_is_there(self, file: Path) -> bool:
        """Whether the store's file exists, as a file that can be read; a DocumentError
        said as for a JSON file (not "unable to open database file") when it is missing
        and named as a path, when its folder is missing (a URL's too: Save could not make
        it), and when it is a folder, a device or cannot be read."""
        try:
            mode: int | None = os.stat(file).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as exc:
            raise DocumentError(f"{self.source}: cannot read the file: "
                                f"{exc.strerror or exc}") from None
        if mode is None:
            if not file.parent.is_dir():
                raise DocumentError(f"{self.source}: {no_folder_words(file.parent)}")
            if not is_url(self.source):
                raise DocumentError(f"{self.source}: no such file")
            return False
        problem = not_a_file(mode)  # (QA: a folder was "cannot read the file: Is a
        if problem is not None:  # directory")
            raise DocumentError(f"{self.source}: {problem}")
        try:
            with open(file, "rb"):
                pass
        except OSError as exc:
            raise DocumentError(f"{self.source}: cannot read the file: "
                                f"{exc.strerror or exc}") from None
        return True

    def local_file(self) -> Path | None:
        """The file a path or ``sqlite:///`` URL names; None for a server's URL and an
        in-memory database."""
        if not is_url(self.source):
            return Path(self.source)
        scheme, _, rest = self.source.partition("://")
        if not scheme.startswith("sqlite") or not rest.startswith("/"):
            return None
        path = rest[1:].split("?", 1)[0]
        return Path(path) if path and path != ":memory:" else None

    def write_problem(self) -> str | None:
        """Why the file cannot be written, said as for a JSON file ("no such folder: F",
        "Permission denied"), or None. A missing folder is never made unasked."""
        file = self.local_file()
        if file is None:
            return None
        if file.is_dir():
            return "it is a folder, not a file"
        folder = file.parent
        if not folder.is_dir():
            return no_folder_words(folder)
        if self.kind == "json":
            return None  # written atomically: the folder's own errors are named then
        if file.exists():
            try:
                with open(file, "r+b"):
                    pass
            except OSError as exc:
                return exc.strerror or str(exc)
        try:  # SQLite makes its journal beside the file
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            return f"{exc.strerror or exc} (cannot create a file in the folder {folder})"
        return None

    def save(self, workspace: Workspace, replace: bool = False,
             expected: Stamp | None = None, text: str | None = None) -> Stamp | None:
        """Writes the workspace; returns the source's new :class:`Stamp`. With ``expected``
        (the stamp it was read or last saved at), a source someone else changed since is
        left as it is: DocumentConflict (for a store, checked in the save's transaction).
        With ``replace`` (Save As over a file the user chose to replace), an existing file
        that is not a SQLite database is replaced whole by a new store made beside it and
        renamed over it (a database holding another application's tables is still refused,
        and a store's workspace is replaced in one transaction). ``text``: the workspace's
        file text when the caller has it already (``dumps_workspace(workspace)``, e.g. for
        its merge base), written as it is to a JSON file instead of being made again."""
        problem = self.write_problem()
        if problem is not None:
            raise DocumentError(f"{self.source}: cannot write: {problem}")
        if self.kind == "json":
            return self._save_json(workspace, expected, text)
        file = self.local_file()
        if file is not None and (not file.exists() or replace and not is_sqlite_file(file)):
            # a new file too: made whole beside it and renamed, so a save that fails (a full
            # disk) leaves no empty file behind (QA 21)
            return self._replace_file(file, workspace)
        from .store import PasswordRefused, Store, StoreConflict, StoreError

        try:
            store = Store(self.store_url, label=self.label)
        except PasswordRefused as exc:
            raise PasswordNeeded(_not_saved(str(exc)), exc.given) from None
        except StoreError as exc:
            raise DocumentError(_not_saved(str(exc))) from None
        try:
            revision = store.save(workspace, expected.revision if expected else None)
        except StoreConflict as exc:
            raise DocumentConflict(str(exc), _parse_time(exc.saved_at)) from None
        except StoreError as exc:
            raise DocumentError(str(exc)) from None
        finally:
            store.close()
        return Stamp(revision=revision)

    def _save_json(self, workspace: Workspace, expected: Stamp | None,
                   text: str | None = None) -> Stamp | None:
        """Writes the JSON file atomically under the lock beside it (every copy of the app
        saving it takes that lock, so two never both pass the check below and both write),
        checking ``expected`` once the lock is held and again right before the rename; the
        new stamp is read before the lock goes. See docs/decisions.md for what a program
        that ignores the lock can still do."""
        if text is None:
            text = dumps_workspace(workspace)

        def unchanged() -> None:
            now = Stamp.of_file(self.source)
            if expected is not None and now is not None and now != expected:
                changed = datetime.fromtimestamp((now.mtime_ns or 0) / 1e9, UTC)
                raise DocumentConflict(f"{self.source}: changed by someone else since it was "
                                       "read", changed)

        try:
            with locked_beside(self.source):
                unchanged()
                write_text_atomic(self.source, text, before_replace=unchanged)
                return Stamp.of_file(self.source)
        except OSError as exc:
            raise DocumentError(f"{self.source}: cannot write: {exc.strerror or exc}") \
                from None

    def stamp(self) -> Stamp | None:
        """The source's :class:`Stamp` now (None when it cannot be read)."""
        if self.kind == "json":
            return Stamp.of_file(self.source)
        from .store import EmptyStore, OlderStore, Store, StoreError

        file = self.local_file()
        if file is not None and not file.exists():
            return Stamp(revision=0)
        try:
            with Store(self.store_url, read_only=True, label=self.label) as store:
                revision, saved_at = store.revision_saved()
                return Stamp(revision=revision, saved_at=_parse_time(saved_at))
        except (EmptyStore, OlderStore):  # an older store has no revision yet: 0 once upgraded
            return Stamp(revision=0)
        except StoreError:
            return None

    def _replace_file(self, file: Path, workspace: Workspace) -> Stamp:
        """A new store in a temporary file beside ``file``, then renamed over it (keeping
        its permissions, or for a new file those the umask gives); on failure ``file`` is as
        it was (or still not there)."""
        from .store import Store, StoreError

        try:
            fd, name = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
            os.close(fd)
        except OSError as exc:
            raise DocumentError(f"{self.source}: cannot write: {exc.strerror or exc}") \
                from None
        temporary = Path(name)
        try:
            with Store(f"sqlite:///{temporary}", label=self.label) as store:
                revision = store.save(workspace)
            temporary.chmod(mode_for(file))  # its own, or a new file's
            for stale in ("-journal", "-wal", "-shm"):  # the old file's, never to be replayed
                file.with_name(file.name + stale).unlink(missing_ok=True)
            os.replace(temporary, file)
        except StoreError as exc:
            raise DocumentError(str(exc)) from None
        except OSError as exc:
            raise DocumentError(f"{self.source}: cannot write: {exc.strerror or exc}") \
                from None
        finally:
            temporary.unlink(missing_ok=True)
        return Stamp(revision=revision)

    def is_empty(self) -> bool:
        """True for a store holding nothing yet (a JSON file is never 'empty')."""
        if self.kind == "json":
            return not Path(self.source).exists()
        from .store import Store, StoreError

        try:
            store = Store(self.store_url, label=self.label)
        except StoreError as exc:
            raise DocumentError(str(exc)) from None
        try:
            return store.is_empty()
        finally:
            store.close()


def default_document() -> Document:
    from .store import default_db_url

    return Document(default_db_url())


def sample_path() -> Path:
    """The bundled sample workspace a newcomer sees first."""
    return Path(__file__).resolve().parent.parent / "resources" / "samples" / \
        "pool-store.campaign.json"


def open_or_seed(document: Document, seed: bool = False, load: bool = True
                 ) -> Workspace | None:
    """Loads the document; with ``seed``, an empty store gets the sample first. With
    ``load`` False it only seeds (the caller loads, with the stamp: ``load_stamped``)."""
    if seed and document.kind == "store" and document.is_empty():
        sample = load_workspace(sample_path())
        document.save(sample)
    return document.load() if load else None


# -- recovery snapshots ------------------------------------------------------------------
def app_data_dir() -> Path:
    """The app's folder in the user's data folder (recovery snapshots, import backups)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_recovery_dir() -> Path:
    return app_data_dir() / "recovery"
