"""A workspace file holding a NUL character: refused as the file is read, by import and
validate alike, with one line naming the file, the place in it and the problem, and
nothing written. (Written as ``\\u0000`` the file is valid JSON, and SQLite would keep it;
PostgreSQL cannot, and its refusal at save named the store, not the file.) Real files on
disk, the command line as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.io import LoadError, load_workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
NUL_SAID = ("the text holds a NUL character (\\u0000), which a PostgreSQL store cannot "
            "hold: remove it")


def _with_nul(tmp_path: Path, mutate) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "nul.campaign.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")  # written as \u0000
    assert "\\u0000" in path.read_text(encoding="utf-8")
    return path


def _refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert captured.out == "" and len(lines) == 1 and "Traceback" not in captured.err
    return lines[0]


def _node_name(data: dict) -> None:
    data["campaigns"][0]["nodes"][1]["name"] = "Bought\x00shock"


def test_importing_a_file_with_a_nul_names_the_file_and_writes_nothing(
        tmp_path: Path, capsys) -> None:
    path = _with_nul(tmp_path, _node_name)
    db = tmp_path / "store.db"
    line = _refused(capsys, "import", str(path), "--db", str(db))
    assert line == f"{path}: campaigns[0].nodes[1].name: (node bought-shock) {NUL_SAID}"
    assert not db.exists()  # refused before any store is opened
    assert _refused(capsys, "validate", str(path)) == line
    with pytest.raises(LoadError) as info:
        load_workspace(path)
    assert str(info.value) == line


@pytest.mark.parametrize("mutate, place", [
    (lambda d: d["catalog"]["products"][0].__setitem__("name", "Mitt\x00"),
     "catalog.products[0].name:"),
    (lambda d: d["contacts"][0].__setitem__("tags", ["VIP", "x\x00"]),
     "contacts[0].tags[1]:"),
    (lambda d: d["ecommerce"]["action_sets"]["on_login"][0].__setitem__("tag", "\x00"),
     "ecommerce.action_sets.on_login[0].tag:"),
    (lambda d: d["campaigns"][0]["nodes"][0]["steps"][0].__setitem__("subject", "Hi\x00"),
     "campaigns[0].nodes[0].steps[0].subject: (node nurture)"),
    # a key holding one is shown with the escape (a NUL cannot be printed)
    (lambda d: d["campaigns"][0]["nodes"][0]["steps"][0].__setitem__("note\x00", "x"),
     "campaigns[0].nodes[0].steps[0].note\\u0000: (node nurture)"),
])
def test_the_place_of_the_nul_is_named(tmp_path: Path, capsys, mutate, place: str) -> None:
    path = _with_nul(tmp_path, mutate)
    assert _refused(capsys, "import", str(path), "--db", str(tmp_path / "s.db")) == \
        f"{path}: {place} {NUL_SAID}"


def test_a_nul_byte_in_the_file_names_the_file(tmp_path: Path, capsys) -> None:
    """Not escaped: a NUL byte is no text (UTF-16 or binary data), said of the file."""
    path = tmp_path / "raw.campaign.json"
    text = SAMPLE.read_text(encoding="utf-8").replace('"Nurture"', '"Nur\x00ture"', 1)
    path.write_bytes(text.encode("utf-8"))
    line = _refused(capsys, "import", str(path), "--db", str(tmp_path / "s.db"))
    assert line == f"{path}: not a text file (it holds binary data)"
    assert not (tmp_path / "s.db").exists()


def test_a_file_without_a_nul_still_imports(tmp_path: Path, capsys) -> None:
    db = tmp_path / "store.db"
    assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
    assert "imported into" in capsys.readouterr().out
