"""A Document (the app's open and save, no Qt) refuses a database holding another
application's tables and leaves it as it was, on SQLite and PostgreSQL."""

from __future__ import annotations

from functools import partial

import pytest
from sqlalchemy import create_engine, text

from canvas_app.documents import Document, DocumentError, open_or_seed
from canvas_app.store.repository import safe_url

from .fingerprints import fingerprint, sqlite_path


@pytest.fixture
def foreign_url(store_url: str) -> str:
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE x (a INTEGER)"))
        conn.execute(text("INSERT INTO x (a) VALUES (3)"))
    engine.dispose()
    return store_url


def sources(url: str) -> list[str]:
    """The URL, and for SQLite also the plain path the file dialog gives."""
    path = sqlite_path(url)
    return [url] if path is None else [url, str(path)]


def test_load_save_and_is_empty_refuse_a_foreign_database(foreign_url, sample):
    before = fingerprint(foreign_url)
    for source in sources(foreign_url):
        document = Document(source)
        label = safe_url(source) if "://" in source else source
        expected = f"{label}: not a Campaign Canvas store (it has other tables: x)"
        attempts = (document.load, partial(document.save, sample), document.is_empty,
                    partial(open_or_seed, document, seed=True))
        for attempt in attempts:
            with pytest.raises(DocumentError) as info:
                attempt()
            assert str(info.value) == expected
        assert fingerprint(foreign_url) == before


def test_a_document_names_a_store_by_its_path_and_hides_a_password():
    assert Document("/data/team.db").label == "/data/team.db"
    assert Document("postgresql+psycopg://me:secret@db/canvas").label is None
