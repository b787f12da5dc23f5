"""A damaged SQLite store (QA): a table of ours dropped was said in the driver's words ("no
such table: nodes"), and a store missing its workspace row counted "3 categorys". Both are
said in plain words, on the command line and in the app; nothing is written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.documents import Document, DocumentError
from canvas_app.io import load_workspace, save_workspace
from canvas_app.store import Store
from canvas_app.store.errors import damage

from .conftest import SAMPLE


def _one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # files named relative, as in a shell
    return tmp_path


def _damaged(name: str, *statements: str) -> Path:
    """A store holding the sample, then changed behind the app's back."""
    path = Path(name)
    with Store(f"sqlite:///{path.resolve()}") as store:
        store.save(load_workspace(SAMPLE))
    with sqlite3.connect(path) as connection:  # (foreign keys off: as another tool would)
        for statement in statements:
            connection.execute(statement)
    connection.close()
    return path


def test_a_dropped_table_is_said_to_be_missing(in_tmp: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = _damaged("t_drop_nodes.db", "DROP TABLE nodes")
    before = path.read_bytes()
    said = 'Cannot read t_drop_nodes.db: the store is damaged (its table "nodes" is missing)'
    for argv in (["validate", str(path)],
                 ["export", "--db", str(path), "-o", "out.campaign.json"]):
        assert main(argv) == 1
        assert _one_error_line(capsys) == said
    with pytest.raises(DocumentError) as opened:  # the app
        Document(str(path)).load()
    assert str(opened.value) == said.replace("t_drop_nodes.db", str(in_tmp / path))
    assert path.read_bytes() == before
    assert not Path("out.campaign.json").exists()


def test_a_dropped_column_is_said_to_be_missing(in_tmp: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = _damaged("t_drop_column.db", "ALTER TABLE contacts DROP COLUMN email")
    assert main(["validate", str(path)]) == 1
    assert _one_error_line(capsys) == ('Cannot read t_drop_column.db: the store is damaged '
                                       '(its table "contacts" has no column "email")')


def test_a_missing_workspace_row_counts_its_categories_in_english(
        in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _damaged("t_no_ws_row.db", "DELETE FROM workspace")
    assert main(["validate", str(path)]) == 1
    line = _one_error_line(capsys)
    assert "3 categories, 3 order forms" in line, line
    assert "categorys" not in line
    one = _damaged("t_one.db", "DELETE FROM workspace",
                   "DELETE FROM categories WHERE id <> 'services'")
    assert main(["validate", str(one)]) == 1
    assert "4 products, 1 category, 3 order forms" in _one_error_line(capsys)


def test_an_import_reports_one_campaign_as_one(in_tmp: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    workspace = load_workspace(SAMPLE)
    workspace.remove_campaign(workspace.campaigns[1].id)
    save_workspace(workspace, "one.campaign.json")
    assert main(["import", "one.campaign.json", "--db", "one.db"]) == 0
    assert capsys.readouterr().out.endswith("(1 campaign)\n")
    assert main(["export", "--db", "one.db", "-o", "back.campaign.json"]) == 0
    assert "(1 campaign)" in capsys.readouterr().out


@pytest.mark.parametrize(("message", "said"), [
    ("no such table: nodes", 'the store is damaged (its table "nodes" is missing)'),
    ("no such table: main.edges", 'the store is damaged (its table "edges" is missing)'),
    ('relation "nodes" does not exist',  # PostgreSQL
     'the store is damaged (its table "nodes" is missing)'),
    ("column nodes.kind does not exist",
     'the store is damaged (its table "nodes" has no column "kind")'),
    ("no such column: kind", 'the store is damaged (a column "kind" is missing)'),
    ("no such table: somebody_elses", None),  # not one of the store's tables
    ("database is locked", None),
])
def test_damage_words(message: str, said: str | None) -> None:
    assert damage(message, {"nodes", "edges", "contacts"}) == said
