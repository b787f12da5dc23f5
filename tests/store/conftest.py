"""Store tests run on REAL databases: a SQLite file in tmp_path, and PostgreSQL too when
CANVAS_APP_TEST_PG_URL names a server (``.ci/start_postgres.sh`` prints such a URL).

Each PostgreSQL test starts from an empty database: every table (and alembic_version) in
it is dropped first, so the URL must name a database used only for tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import MetaData, create_engine, text

from canvas_app.io import load_workspace
from canvas_app.store import Store

PG_URL = os.environ.get("CANVAS_APP_TEST_PG_URL", "").strip()
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not PG_URL, reason="CANVAS_APP_TEST_PG_URL is not set"),
    ]),
]


def reset_postgres(url: str) -> None:
    """Drops every table of the database's current schema (alembic_version included)."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL lock_timeout = '20s'"))
            metadata = MetaData()
            metadata.reflect(conn)
            metadata.drop_all(conn)
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database: a new SQLite file, or the emptied PostgreSQL one."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


@pytest.fixture
def sample():
    return load_workspace(SAMPLE)
