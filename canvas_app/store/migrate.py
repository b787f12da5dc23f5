"""Alembic, run from code: the migration scripts ship inside this package.

No alembic.ini is needed: :func:`alembic_config` points ``script_location`` at
``canvas_app/store/migrations`` and :func:`upgrade` hands alembic an open connection.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Connection

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


def upgrade(connection: Connection) -> None:
    """Applies every migration up to head; does nothing on an up-to-date database.

    Raises :class:`UnknownRevision` when the database is ahead of these migrations.
    """
    config = alembic_config(connection)
    scripts = ScriptDirectory.from_config(config)
    for revision in current_revisions(connection):
        try:
            known = scripts.get_revision(revision) is not None
        except CommandError:
            known = False
        if not known:
            raise UnknownRevision(revision)
    command.upgrade(config, "head")
