"""What a database holds, to compare before and after: every table with its rows, and for a
SQLite file its exact bytes (None when the file does not exist)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import MetaData, create_engine, make_url, select


@dataclass(frozen=True)
class Fingerprint:
    tables: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    file_md5: str | None


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return Path(parsed.database)


def fingerprint(url: str) -> Fingerprint:
    path = sqlite_path(url)
    if path is not None and not path.exists():
        return Fingerprint((), (), None)
    file_md5 = hashlib.md5(path.read_bytes()).hexdigest() if path is not None else None
    # Read through a read-only connection where possible, so looking changes nothing.
    read_url = f"sqlite:///file:{path}?mode=ro&uri=true" if path is not None else url
    engine = create_engine(read_url)
    try:
        metadata = MetaData()
        with engine.connect() as conn:
            metadata.reflect(conn)
            rows = tuple(
                (name, tuple(sorted(repr(tuple(row)) for row in conn.execute(select(table)))))
                for name, table in sorted(metadata.tables.items()))
    finally:
        engine.dispose()
    if path is not None:
        assert hashlib.md5(path.read_bytes()).hexdigest() == file_md5
    return Fingerprint(tuple(name for name, _ in rows), rows, file_md5)
