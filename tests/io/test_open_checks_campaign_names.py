"""QA 23d: a campaign whose name is empty (or spaces only: the rename strips) is refused
when a file or store is loaded, at its place, as the Campaigns list's rename refuses it
("A campaign name cannot be empty."). Before, validate said "valid" (exit 0), import took
it, and the app showed a blank row. Export still writes such a store out, so it can be
mended in the file."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.documents import Document, DocumentError, UnreadableDocument
from canvas_app.io import LoadError, load_workspace
from canvas_app.store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
BASE = json.loads(SAMPLE.read_text(encoding="utf-8"))
SAID = "a campaign's name cannot be empty or spaces only"
BLANK = ["", " ", " \t "]


def _file(tmp_path: Path, name: str, index: int = 0) -> Path:
    data = copy.deepcopy(BASE)
    data["campaigns"][index]["name"] = name
    path = tmp_path / "blank.campaign.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", BLANK)
def test_validate_refuses_it_at_its_place(tmp_path: Path, capsys, name: str) -> None:
    path = _file(tmp_path, name, index=1)
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == f"{path}: campaigns[1].name: {SAID}"
    assert "valid" not in captured.out
    with pytest.raises(LoadError):  # File > Import JSON's loader, and simulate's
        load_workspace(path)


@pytest.mark.parametrize("name", BLANK)
def test_the_app_refuses_it(tmp_path: Path, name: str) -> None:
    path = _file(tmp_path, name)
    with pytest.raises(UnreadableDocument) as opened:
        Document(str(path)).load()
    assert str(opened.value) == f"{path}: campaigns[0].name: {SAID}"


def test_import_refuses_it_and_writes_nothing(tmp_path: Path, capsys) -> None:
    path = _file(tmp_path, "")
    db = tmp_path / "new.db"
    assert main(["import", str(path), "--db", str(db)]) == 1
    assert capsys.readouterr().err.strip() == f"{path}: campaigns[0].name: {SAID}"
    assert not db.exists()


def test_a_store_holding_it_is_refused_by_validate_and_the_app_but_exports(
        tmp_path: Path, capsys) -> None:
    db = tmp_path / "team.db"
    with Store(f"sqlite:///{db}") as store:
        store.save(load_workspace(SAMPLE))
    connection = sqlite3.connect(db)
    try:
        connection.execute("update campaigns set name = '  ' where id = 'shock-nurture'")
        connection.commit()
    finally:
        connection.close()
    line = f"{db}: campaign (id shock-nurture), name: {SAID}"
    assert main(["validate", str(db)]) == 1
    assert capsys.readouterr().err.strip() == line
    with pytest.raises(DocumentError) as opened:
        Document(str(db)).load()
    assert str(opened.value) == line
    out = tmp_path / "mend.campaign.json"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["campaigns"][0]["name"] == "  "


def test_a_name_with_text_and_spaces_is_kept(tmp_path: Path) -> None:
    path = _file(tmp_path, "  Spring  ")
    assert load_workspace(path).campaigns[0].name == "  Spring  "
    assert Document(str(path)).load().campaigns[0].name == "  Spring  "
