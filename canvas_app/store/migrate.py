"""Alembic, run from code: the migration scripts ship inside this package.

No alembic.ini is needed: :func:`alembic_config` points ``script_location`` at
``canvas_app/store/migrations`` and :func:`upgrade` hands alembic an open connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from .models import Base

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class UnknownRevision(Exception):
    """The database is at a revision these migrations do not know (a newer app wrote it)."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    # Config is a ConfigParser: a "%" in the path would start an interpolation.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revisions(connection: Connection) -> tuple[str, ...]:
    return tuple(MigrationContext.configure(connection).get_current_heads())


VERSION_TABLE = "alembic_version"
SchemaKind = Literal["empty", "current", "older", "newer", "foreign"]


@dataclass(frozen=True)
class SchemaState:
    """What a database holds, found by reading only (see :func:`schema_state`).

    ``kind`` is one of: ``empty`` (no tables at all, or only an empty version table),
    ``current`` (our tables at the head revision), ``older`` (our tables at a known older
    revision), ``newer`` (our tables at a revision these migrations do not know) and
    ``foreign`` (tables, but not a Campaign Canvas store's). ``others`` names the tables
    (and views) that are not ours.
    """

    kind: SchemaKind
    revision: str | None = None
    others: tuple[str, ...] = ()


def _known(scripts: ScriptDirectory, revision: str) -> bool:
    try:
        return scripts.get_revision(revision) is not None
    except CommandError:
        return False


def schema_state(connection: Connection) -> SchemaState:
    """Reads the database's tables and Alembic revision; writes nothing."""
    inspector = inspect(connection)
    names = set(inspector.get_table_names()) | set(inspector.get_view_names())
    ours = set(Base.metadata.tables)
    others = tuple(sorted(names - ours - {VERSION_TABLE}))
    if VERSION_TABLE not in names:
        return SchemaState("foreign", others=tuple(sorted(names))) if names else \
            SchemaState("empty")
    revisions = current_revisions(connection)
    if not revisions:  # a version table at base: anything else in it is not ours
        tables = tuple(sorted(names - {VERSION_TABLE}))
        return SchemaState("foreign", others=tables) if tables else SchemaState("empty")
    scripts = ScriptDirectory.from_config(alembic_config())
    unknown = [revision for revision in revisions if not _known(scripts, revision)]
    if unknown:
        # Our tables at a revision we do not know: a newer Campaign Canvas wrote them.
        # Without them it is another application's Alembic history.
        if "workspace" in names:
            return SchemaState("newer", revision=unknown[0], others=others)
        return SchemaState("foreign", revision=unknown[0], others=others)
    if head_revision() in revisions:
        return SchemaState("current", revision=revisions[0], others=others)
    return SchemaState("older", revision=revisions[0], others=others)


def upgrade(connection: Connection) -> None:
    """Applies every migration up to head; does nothing on an up-to-date database.

    Raises :class:`UnknownRevision` when the database is ahead of these migrations.
    """
    config = alembic_config(connection)
    scripts = ScriptDirectory.from_config(config)
    for revision in current_revisions(connection):
        if not _known(scripts, revision):
            raise UnknownRevision(revision)
    command.upgrade(config, "head")
