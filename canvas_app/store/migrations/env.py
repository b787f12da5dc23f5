"""Alembic environment of the store.

The app runs it through :func:`canvas_app.store.migrate.upgrade`, which passes an open
connection in ``config.attributes["connection"]``; no alembic.ini is needed. For a
developer's own ``alembic`` commands (e.g. ``alembic revision``), a URL may be given in
``sqlalchemy.url`` or with ``-x url=...``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from canvas_app.store.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url")
    if not url:
        raise RuntimeError("no database: pass -x url=... or set sqlalchemy.url")
    return url


def _configure(**kw: object) -> None:
    context.configure(target_metadata=target_metadata, compare_type=True,
                      render_as_batch=True, **kw)  # batch mode: SQLite's ALTER TABLE


def run_offline() -> None:
    _configure(url=_url(), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url())
    try:
        with engine.connect() as conn:
            _configure(connection=conn)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
