"""The store: a whole workspace in a SQL database (SQLite file or PostgreSQL).

``Store(url)`` opens the database and brings its schema up to date (Alembic migrations,
applied on open); :meth:`Store.save` replaces the stored workspace in one transaction and
:meth:`Store.load` reads it back. ``Store(url, read_only=True)`` never writes: it refuses
a database that holds no store yet or one at an older schema instead of migrating it.
Either way a database with other tables but not ours (another application's) is refused
and left as it was. Every database problem becomes a :class:`StoreError` whose text is
one line naming the database, with any password hidden.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs
from sqlalchemy import Text, cast, func, select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    NoSuchModuleError,
    SQLAlchemyError,
    StatementError,
)
from sqlalchemy.orm import Session

from ..collector_pause import collector_paused
from ..domain.errors import Problem
from ..domain.workspace import Workspace
from ..io.errors import LoadError
from ..io.storable import NUL_MESSAGE, find_nul, nul_path
from ..io.workspace_file import workspace_from_stored, workspace_to_data
from ..passwords import hide_secret
from .engines import SQLITE_BUSY_WAIT, create_store_engine
from .errors import (
    HELD_BY_ANOTHER,
    EmptyStore,
    OlderStore,
    PasswordRefused,
    StoreConflict,
    StoreError,
    damage,
)
from .jsontext import dumps as dumps_json
from .jsontext import loads as loads_json
from .mapping import workspace_data, workspace_row, workspace_rows
from .migrate import VERSION_TABLE, SchemaState, UnknownRevision, schema_state, upgrade
from .models import (
    ActionRow,
    ActionSetRow,
    Base,
    CampaignRow,
    CategoryRow,
    ContactRow,
    ContactTagRow,
    EdgeRow,
    NodeRow,
    OrderFormRow,
    PaymentTypeRow,
    ProductRow,
    WorkspaceRow,
)
from .places import stored_place, stored_problem
from .urls import asks_password, safe_url, url_password
from .writing import bulk_kind, replace_rows

APP_NAME = "campaign-canvas"
DB_FILE = "workspace.db"

# How long a save waits for another's to end (PostgreSQL): a save that hangs, or a table
# someone has locked, is said in words rather than freezing the window for ever (QA).
SAVE_LOCK_WAIT = 10  # seconds


def held_by_another(exc: BaseException) -> bool:
    """Whether ``exc`` is a lock another writer held past the wait: PostgreSQL's
    lock_not_available, SQLite's "database is locked"."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) == "55P03":
        return True
    return _sqlite_locked(orig)


def _sqlite_locked(orig: object) -> bool:
    return isinstance(orig, sqlite3.OperationalError) and "database is locked" in str(orig)


def held_words(exc: BaseException) -> str:
    """A lock held past the wait, in words (QA 22b: SQLite's "database is locked" was said
    as "the database cannot be opened", which reads as damage)."""
    if _sqlite_locked(getattr(exc, "orig", None)):
        return (f"{HELD_BY_ANOTHER} after {SQLITE_BUSY_WAIT} s (someone else saving, or a "
                "program holding the database)")
    return (f"{HELD_BY_ANOTHER} after {SAVE_LOCK_WAIT} s (someone else saving, or a program "
            "holding the workspace table)")
MIGRATION_LOCK_KEY = 0x43616E7661734342  # a PostgreSQL advisory lock: "CanvasCB"
# Said on the command line when a server wants a password the URL does not give.
PASSWORD_HINT = " (give it in the URL, postgresql://USER:PASSWORD@HOST/DATABASE, or in ~/.pgpass)"
LISTED_TABLES = 6  # at most this many of a foreign database's tables are named
# Older schemas that read-only opening still reads as they are: 0002 only added the
# revision columns (such a store is at revision 0).
READABLE_OLDER = frozenset({"0001"})

# Alembic's ``context`` and ``op`` are process-wide: two threads must not migrate at once.
_MIGRATING = threading.Lock()


# -- URLs ------------------------------------------------------------------------------------
def default_db_url() -> str:
    """The SQLite file ``workspace.db`` in the user's data folder (created if missing)."""
    folder = Path(platformdirs.user_data_dir(APP_NAME))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / DB_FILE}"


def resolve_url(arg: str) -> str:
    """A database URL as given (it has ``://``), else a file path made a SQLite URL."""
    if "://" in arg:
        return arg
    return f"sqlite:///{os.path.abspath(os.path.expanduser(arg))}"


def describe_error(exc: BaseException, url: str = "") -> str:
    """One line: the driver's own message when there is one, without SQL or links."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        message = str(exc.orig) or type(exc.orig).__name__
    elif isinstance(exc, StatementError) and exc.orig is not None:
        message = f"{type(exc.orig).__name__}: {exc.orig}"
    elif isinstance(exc, NoSuchModuleError):
        # not SQLAlchemy's "Can't load plugin: sqlalchemy.dialects:ftp" (QA 21)
        scheme = url.partition("://")[0] if "://" in url else ""
        named = f' "{scheme}"' if scheme else ""
        message = (f"unknown kind of database{named}: give a SQLite file, sqlite:///FILE or "
                   "postgresql+psycopg://USER@HOST/DATABASE")
    elif isinstance(exc, KeyError) and exc.args:  # str() would quote the message
        message = str(exc.args[0])
    elif isinstance(exc, ImportError):
        message = f"the database driver is not installed ({exc})"
    else:
        message = str(exc) or type(exc).__name__
    # Drop PostgreSQL's quote of the statement ("LINE 1: ..." and a line with a caret).
    lines = [line for line in message.splitlines()
             if not re.match(r"\s*(LINE \d+:|\^\s*$)", line)]
    # Lines joined as sentences: "Connection refused. Is the server running…"
    parts = [" ".join(line.split()) for line in lines if line.strip()]
    message = " ".join(p if i == len(parts) - 1 or p[-1] in ".:;?!," else p + "."
                       for i, p in enumerate(parts))
    password = url_password(url) if url else None
    if password and len(password) > 2:
        message = hide_secret(message, password)
    return message


# -- the store -------------------------------------------------------------------------------
class Store:
    """One workspace in the database at ``url``; usable as a context manager."""

    def __init__(self, url: str, *, read_only: bool = False, label: str | None = None) -> None:
        """Opens ``url``. ``label`` names the database in messages (default: the URL with
        any password hidden); give the path or URL as the user typed it, never with a
        password. With ``read_only`` nothing is ever written to the database."""
        self.url = url
        self.read_only = read_only
        self.label = label or safe_url(url)
        self._engine: Engine | None = None
        self._has_revision = True  # False for a store read at a schema without it
        self._made_tables = False  # this opening created the tables (the database was empty)
        self._dropped = False  # ... and dropped them again: a first save failed
        try:
            self._engine = create_store_engine(url, read_only=read_only)
            if read_only:
                with self._engine.connect() as connection:
                    self._check(schema_state(connection))
                return
            self._make_tables()
        except UnknownRevision as exc:
            self.close()
            raise self._newer(exc.revision) from None
        except StoreError:
            self.close()
            raise
        except (SQLAlchemyError, ImportError, OSError, ValueError) as exc:
            self.close()
            if held_by_another(exc):  # (QA 22b: "database is locked" read as damage)
                raise StoreError(f"{self.label}: cannot open: {held_words(exc)}") from exc
            said = describe_error(exc, url)
            if asks_password(said):
                given = url_password(url) is not None
                hint = "" if given else PASSWORD_HINT
                raise PasswordRefused(f"{self.label}: cannot open: {said}{hint}",
                                      given=given) from exc
            raise StoreError(f"{self.label}: cannot open: {said}") from exc

    def _make_tables(self) -> None:
        """Brings the schema up to date (creating it in an empty database). A store
        already up to date is only read: opening it waits for no one's save (QA 22g: a
        teammate's save under way held a starting app up to 10 s, with no window)."""
        with self.engine.connect() as connection:
            state = schema_state(connection)
        if state.kind == "current":
            self._check(state)
            self._made_tables = self._dropped = False
            return
        with _MIGRATING, self._writing().begin() as connection:
            if self.engine.dialect.name == "postgresql":
                # Another process opening the same new database waits here, then finds
                # it up to date.
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": MIGRATION_LOCK_KEY})
            state = schema_state(connection)
            self._check(state)
            upgrade(connection)
        # Made by this opening: dropped again when the first save fails (see save).
        self._made_tables = state.kind == "empty"
        self._dropped = False

    def _check(self, state: SchemaState) -> None:
        """Refuses what this opening must not touch (raises StoreError, writes nothing)."""
        if state.kind == "foreign":
            if state.others:
                listed = ", ".join(state.others[:LISTED_TABLES])
                more = len(state.others) - LISTED_TABLES
                if more > 0:
                    listed += f" and {more} more"
                why = f"it has other tables: {listed}"
            else:
                why = f"its Alembic revision {state.revision} is another application's"
            raise StoreError(f"{self.label}: not a Campaign Canvas store ({why})")
        if state.kind == "newer":
            raise self._newer(state.revision or "?")
        if not self.read_only:
            return  # an empty or older store is brought up to date
        if state.kind == "older" and state.revision in READABLE_OLDER:
            self._has_revision = False
            return
        if state.kind == "empty":
            raise EmptyStore(f"{self.label}: no workspace in it ({self._emptiness()})")
        if state.kind == "older":
            raise OlderStore(
                f"{self.label}: needs upgrading: its tables are at revision {state.revision} "
                "of an older version of Campaign Canvas; open it once in the app "
                f"(canvas-app gui {self.label}), which upgrades it, then try again")

    def _emptiness(self) -> str:
        """How an empty database is empty: a 0-byte file is "the file is empty" (QA: an
        empty zero.txt was called a database); else "the database is empty"."""
        try:
            parsed = make_url(self.url)
            database = parsed.database if parsed.get_backend_name() == "sqlite" else None
            if database and database != ":memory:" and os.path.getsize(database) == 0:
                return "the file is empty"
        except (OSError, ValueError, ArgumentError):
            pass
        return "the database is empty"

    def _newer(self, revision: str) -> StoreError:
        return StoreError(
            f"{self.label}: cannot open: its tables are at revision {revision}, "
            "which this version of Campaign Canvas does not know (a newer version "
            "wrote them)")

    # -- context manager ------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = ", read_only=True" if self.read_only else ""
        return f"Store({safe_url(self.url)!r}{mode})"

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise StoreError(f"the store {self.label} is closed")
        return self._engine

    def _writing(self) -> Engine:
        """The engine for a writing transaction: on SQLite it starts with BEGIN IMMEDIATE,
        so a second writer waits for the first (up to the busy timeout) instead of
        failing with "database is locked" when both want to commit."""
        return self.engine.execution_options(sqlite_begin="IMMEDIATE")

    def close(self) -> None:
        """Closes every connection; the store cannot be used afterwards."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    # -- reading -------------------------------------------------------------------------
    def is_empty(self) -> bool:
        """True when no workspace has been saved yet."""
        if self._dropped:
            return True
        try:
            with Session(self.engine) as session:
                return session.scalar(select(WorkspaceRow.id).limit(1)) is None
        except SQLAlchemyError as exc:
            raise self._error("Cannot read", exc) from exc

    def load(self, *, file_checks: bool = False) -> Workspace:
        """The saved workspace, or an empty ``Workspace()`` when none was saved. For
        ``file_checks`` see :meth:`load_revision`."""
        return self.load_revision(file_checks=file_checks)[0]

    def revision(self) -> int:
        """The number of the last save (0 when none was made)."""
        return self.revision_saved()[0]

    def revision_saved(self) -> tuple[int, str | None]:
        """The number of the last save and when it was made (ISO, UTC; None when not
        known): (0, None) when none was made."""
        try:
            with Session(self.engine) as session:
                return self._revision(session)
        except SQLAlchemyError as exc:
            raise self._error("Cannot read", exc) from exc

    def load_revision(self, *, file_checks: bool = False) -> tuple[Workspace, int]:
        """The saved workspace and the revision it is at, read in one transaction.

        The rows are checked as the file loader checks a file; what is wrong is a
        StoreError that reads as a file's LoadError does, ``STORE: PLACE: problem``, the
        place in the words the app shows (:mod:`.places`). By default the store is read
        as work in progress: a goal whose settings are incomplete (R11) or a value an
        editor's field would refuse is kept (the app refuses the latter after reading it,
        as it refuses it in a file: ``documents.read_as_opened``).
        With ``file_checks`` it is refused wherever ``load_workspace`` refuses the same
        content in a file, as the command line does: the model's rules (R11), then a value
        an editor's typed field would refuse and text with a NUL character
        (``io.workspace_file.file_problems``)."""
        try:
            # A Core connection, not a Session: rows come back as plain tuples, with no
            # ORM loading work per row.
            with collector_paused(), self.engine.connect() as connection:
                if self.engine.dialect.name == "postgresql":  # one snapshot for every query
                    connection.execution_options(isolation_level="REPEATABLE READ")
                with connection.begin():
                    return (self._read(connection, file_checks),
                            self._revision(connection)[0])
        except SQLAlchemyError as exc:
            raise self._error("Cannot read", exc) from exc
        except LoadError as exc:  # one line, as a file's: the store, the place, the problem
            raise StoreError(exc.line()) from None
        except (KeyError, ValueError, TypeError) as exc:
            raise StoreError(f"{self.label}: the stored workspace cannot be read: "
                             f"{describe_error(exc, self.url)}") from exc

    def _read(self, connection: Connection, file_checks: bool = False) -> Workspace:
        settings = connection.scalar(
            select(WorkspaceRow.product_actions_for_legacy_and_manual).limit(1))
        if settings is None:
            held = self._rows_without_workspace(connection)
            if held:
                raise LoadError(self.label, Problem(
                    "", f"the store is damaged: its workspace row is missing, yet it holds "
                        f"{held}; nothing was read (import a file, or restore a copy "
                        "from the data folder's backups)"))
            return Workspace()

        def rows(*columns: Any) -> Any:
            table = columns[0].class_
            order = [table.position]
            if table is ActionSetRow:
                order = [ActionSetRow.scope, ActionSetRow.position]
            elif table is ActionRow:
                order = [ActionRow.scope, ActionRow.set_name, ActionRow.position]
            elif table is ContactTagRow:
                order = [ContactTagRow.contact_position, ContactTagRow.position]
            elif table in (NodeRow, EdgeRow):
                order = [table.campaign_id, table.position]
            return connection.execute(select(*columns).order_by(*order)).all()

        data = workspace_data(
            settings,
            categories=rows(CategoryRow.id, CategoryRow.name),
            products=rows(ProductRow.id, ProductRow.name, ProductRow.category,
                          ProductRow.price, ProductRow.billing),
            order_forms=rows(OrderFormRow.id, OrderFormRow.name, OrderFormRow.legacy),
            payment_types=connection.scalars(
                select(PaymentTypeRow.name).order_by(PaymentTypeRow.position)).all(),
            action_sets=rows(ActionSetRow.scope, ActionSetRow.name),
            actions=rows(ActionRow.scope, ActionRow.set_name, cast(ActionRow.data, Text)),
            contacts=rows(ContactRow.position, ContactRow.id, ContactRow.first_name,
                          ContactRow.last_name, ContactRow.email, ContactRow.contact_type),
            tags=rows(ContactTagRow.contact_position, ContactTagRow.tag),
            campaigns=rows(CampaignRow.id, CampaignRow.name),
            nodes=rows(NodeRow.campaign_id, NodeRow.id, NodeRow.kind, NodeRow.name, NodeRow.x,
                       NodeRow.y, cast(NodeRow.settings, Text)),
            edges=rows(EdgeRow.campaign_id, EdgeRow.source, EdgeRow.target),
            decode=loads_json,
            source=self.label,
        )
        # Checked as the file loader checks a file (the same schema and rules, but for
        # R11: the app saves work in progress), so that what the store holds opens,
        # validates and exports as the same file would, or is refused at its place.
        try:
            return workspace_from_stored(data, self.label, file_checks=file_checks)
        except LoadError as exc:
            raise LoadError(self.label, [stored_problem(problem, data)
                                         for problem in exc.problems]) from None

    def _rows_without_workspace(self, connection: Connection) -> str:
        """What the tables hold beyond the missing workspace row, in words ("" for
        nothing: a store no workspace was saved to)."""
        from ..domain.counting import counted

        found = []
        for model, word, words in (
                (CampaignRow, "campaign", None), (NodeRow, "node", None),
                (ProductRow, "product", None), (CategoryRow, "category", "categories"),
                (OrderFormRow, "order form", None), (PaymentTypeRow, "payment type", None),
                (ContactRow, "contact", None), (ActionSetRow, "action set", None)):
            count = connection.scalar(select(func.count()).select_from(model))
            if count:
                found.append(counted(int(count), word, words))  # (QA: "3 categorys")
        return ", ".join(found)

    # -- writing -------------------------------------------------------------------------
    def save(self, workspace: Workspace, expected: int | None = None) -> int:
        """Replaces the stored workspace, in one transaction: all of it or nothing; returns
        the store's new revision. With ``expected`` (the revision the workspace was read
        at), a store another save has changed since is left as it is: StoreConflict,
        checked in the same transaction as the write."""
        if self.read_only:
            raise StoreError(f"Cannot save to {self.label}: it was opened read-only")
        try:
            if self._dropped:  # a failed first save dropped them: made again
                self._make_tables()
            return self._save(workspace, expected)
        except StoreError:
            self._drop_made_tables()  # a first save that failed leaves the database empty
            raise

    def _save(self, workspace: Workspace, expected: int | None) -> int:
        if self.engine.dialect.name == "postgresql":
            nul = nul_place(workspace)
            if nul is not None:
                raise StoreError(f"Cannot save to {self.label}: {nul}: {NUL_MESSAGE}; "
                                 "nothing was saved")
        try:
            # Rows and JSON text are made before the transaction: a value JSON refuses
            # fails here, and the write holds its lock only while it writes.
            # The driver is given JSON text (made once, with orjson); SQLAlchemy's insert
            # is given the dicts and encodes them the same way.
            with collector_paused():
                rows = (workspace_rows(workspace) if bulk_kind(self.engine) == "core"
                        else workspace_rows(workspace, dumps_json))
            with self._writing().begin() as connection:
                if self.engine.dialect.name == "postgresql":
                    # Saves one after the other: a second save waits, then sees (and
                    # deletes) what the first one wrote. Readers are not blocked.
                    connection.execute(text(f"SET LOCAL lock_timeout = '{SAVE_LOCK_WAIT}s'"))
                    connection.execute(text("LOCK TABLE workspace IN EXCLUSIVE MODE"))
                current, saved_at = self._revision(connection)
                if expected is not None and current != expected:
                    raise StoreConflict(self.label, current, saved_at)
                rows[WorkspaceRow] = [
                    workspace_row(workspace, current + 1, datetime.now(UTC).isoformat())]
                replace_rows(connection, rows)  # only what differs (writing.py)
            return current + 1
        except DBAPIError as exc:
            if held_by_another(exc):
                raise StoreError(f"Cannot save to {self.label}: {held_words(exc)}; nothing "
                                 "was saved: try again in a moment") from exc
            raise self._error("Cannot save to", exc) from exc
        except (SQLAlchemyError, TypeError, ValueError) as exc:  # e.g. a value JSON refuses
            raise self._error("Cannot save to", exc) from exc
        except self._driver_errors() as exc:  # raised by the driver's COPY (PostgreSQL)
            raise self._error("Cannot save to", exc) from exc

    def _drop_made_tables(self) -> None:
        """Drops the tables this opening made in an empty database while nothing has been
        saved in them (the first save failed): bad input writes nothing, and the database
        is left empty as it was found, not as a store holding no workspace."""
        if not self._made_tables or self._engine is None:
            return
        self._made_tables = False
        try:
            with _MIGRATING, self._writing().begin() as connection:
                if self.engine.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                       {"key": MIGRATION_LOCK_KEY})
                if connection.scalar(select(WorkspaceRow.id).limit(1)) is not None:
                    return  # another process saved a workspace since: it stays
                if self._rows_without_workspace(connection):
                    return
                Base.metadata.drop_all(connection)
                connection.execute(text(f"DROP TABLE IF EXISTS {VERSION_TABLE}"))
            self._dropped = True
        except SQLAlchemyError:
            pass  # the save's own error is the one to tell

    def _driver_errors(self) -> tuple[type[BaseException], ...]:
        dbapi = self._engine.dialect.loaded_dbapi if self._engine is not None else None
        error = getattr(dbapi, "Error", None)
        return (error,) if isinstance(error, type) else ()

    def _revision(self, connection: Session | Connection) -> tuple[int, str | None]:
        """The stored workspace's revision and the time of that save; (0, None) for none,
        and for a store read at a schema older than the revision."""
        if not self._has_revision:
            return 0, None
        row = connection.execute(
            select(WorkspaceRow.revision, WorkspaceRow.saved_at).limit(1)).first()
        return (int(row[0] or 0), row[1]) if row is not None else (0, None)

    def _error(self, doing: str, exc: BaseException, prefix: str = "") -> StoreError:
        said = describe_error(exc, self.url)
        # a table or column of ours that is not there: said as what it is (QA: "no such
        # table: nodes")
        said = damage(said, Base.metadata.tables) or said
        return StoreError(f"{doing} {self.label}: {prefix}{said}")


def nul_place(workspace: Workspace) -> str | None:
    """Where the workspace has text with a NUL character (PostgreSQL cannot store one), in
    the words the store's messages use (``campaign "Spring", sequence "Nurture", name``);
    None when there is none."""
    data = workspace_to_data(workspace)
    found = find_nul(data)
    if found is None:
        return None
    return stored_place(nul_path(found), data)
