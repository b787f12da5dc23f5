"""validate, simulate and export only read a store; no command writes into a foreign one.

Real SQLite files named as a user types them (bytes compared before and after), and the
same through a URL on each backend (PostgreSQL when CANVAS_APP_TEST_PG_URL is set).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from canvas_app.cli import main
from canvas_app.store.repository import safe_url

from .conftest import ROOT, SAMPLE
from .fingerprints import fingerprint, sqlite_path

SCENARIO = ROOT / "resources" / "samples" / "pool-store.scenario.json"


def read_commands(source: str, out: Path) -> dict[str, list[str]]:
    return {
        "validate": ["validate", source],
        "simulate": ["simulate", source, "--scenario", str(SCENARIO)],
        "export": ["export", "--db", source, "-o", str(out)],
    }


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # files are named relative, as in a shell
    return tmp_path


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


@pytest.mark.parametrize("command", ["validate", "simulate", "export"])
def test_a_foreign_sqlite_file_is_refused_and_left_byte_identical(in_tmp, capsys, command):
    engine = create_engine("sqlite:///foreign.db")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE x (a)"))
    engine.dispose()
    before = Path("foreign.db").read_bytes()
    out = in_tmp / "out.campaign.json"
    assert main(read_commands("foreign.db", out)[command]) == 1
    assert one_error_line(capsys) == \
        "foreign.db: not a Campaign Canvas store (it has other tables: x)"
    assert Path("foreign.db").read_bytes() == before
    assert not out.exists()
    assert sorted(p.name for p in in_tmp.iterdir()) == ["foreign.db"]


@pytest.mark.parametrize("command", ["validate", "simulate", "export"])
def test_a_zero_byte_sqlite_file_has_no_workspace_and_stays_empty(in_tmp, capsys, command):
    Path("zero.db").touch()
    out = in_tmp / "out.campaign.json"
    assert main(read_commands("zero.db", out)[command]) == 1
    assert one_error_line(capsys) == "zero.db: no workspace in it (the file is empty)"
    assert Path("zero.db").stat().st_size == 0
    assert not out.exists()


def test_import_into_a_foreign_sqlite_file_is_refused_and_writes_nothing(in_tmp, capsys):
    engine = create_engine("sqlite:///foreign.db")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE x (a)"))
    engine.dispose()
    before = Path("foreign.db").read_bytes()
    assert main(["import", str(SAMPLE), "--db", "foreign.db"]) == 1
    # named as given, as validate and export name it (QA 23d)
    assert one_error_line(capsys) == \
        "foreign.db: not a Campaign Canvas store (it has other tables: x)"
    assert Path("foreign.db").read_bytes() == before


def test_reading_commands_leave_a_good_store_byte_identical(in_tmp, capsys):
    assert main(["import", str(SAMPLE), "--db", "team.db"]) == 0
    before = Path("team.db").read_bytes()
    out = in_tmp / "out.campaign.json"
    for command, argv in read_commands("team.db", out).items():
        assert main(argv) == 0, (command, capsys.readouterr().err)
        assert Path("team.db").read_bytes() == before, command
    assert "team.db: valid (2 campaigns" in capsys.readouterr().out
    assert out.exists()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root may write a read-only file anyway")
def test_a_read_only_file_can_be_validated_and_exported(in_tmp, capsys):
    """Reading needs no write access to the file (nor to its folder)."""
    assert main(["import", str(SAMPLE), "--db", "team.db"]) == 0
    os.chmod("team.db", 0o444)
    try:
        assert main(["validate", "team.db"]) == 0
        assert main(["export", "--db", "team.db", "-o", str(in_tmp / "o.campaign.json")]) == 0
    finally:
        os.chmod("team.db", 0o644)


@pytest.mark.parametrize("command", ["validate", "simulate", "export"])
def test_a_foreign_database_url_is_refused_and_left_as_it_was(store_url, tmp_path, capsys,
                                                             command):
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE x (a INTEGER)"))
        conn.execute(text("INSERT INTO x (a) VALUES (7)"))
    engine.dispose()
    before = fingerprint(store_url)
    out = tmp_path / "out.campaign.json"
    assert main(read_commands(store_url, out)[command]) == 1
    line = one_error_line(capsys)
    assert line.endswith(f"{safe_url(store_url)}: not a Campaign Canvas store "
                         "(it has other tables: x)")
    assert fingerprint(store_url) == before
    assert not out.exists()


def test_an_empty_database_url_is_not_given_tables_by_validate(store_url, capsys):
    """store_url names an empty database (the fixture opens nothing)."""
    path = sqlite_path(store_url)
    if path is not None:  # SQLite: an empty database is an existing 0-byte file
        path.touch()
    before = fingerprint(store_url)
    assert main(["validate", store_url]) == 1
    empty = "the file is empty" if path is not None else "the database is empty"
    assert one_error_line(capsys).endswith(f"no workspace in it ({empty})")
    assert fingerprint(store_url) == before
    assert before.tables == ()
