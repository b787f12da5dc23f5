"""Workspace files named oddly (QA): a JSON workspace whose name does not end in .json was
"cannot open: file is not a database" (``canvas-app validate plain.txt``, ``main.py
plain.txt``), and an empty file was called a database. The command line and the app
(:class:`~canvas_app.documents.Document`) read them alike."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.documents import Document
from canvas_app.io import load_workspace
from canvas_app.io.encoding import starts_like_json_object
from tests.cli_lines import one_error_line as _error_line

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
SCENARIO = ROOT / "resources" / "samples" / "pool-store.scenario.json"
WANTED = "a .campaign.json file, a SQLite file or a SQLAlchemy URL"




# -- a JSON workspace of another name ------------------------------------------------------
@pytest.mark.parametrize(("name", "head"), [
    ("plain.txt", b""), ("noext", b""), ("bom.data", codecs.BOM_UTF8 + b"\r\n  \t"),
    ("ws.db", b"\n"),
])
def test_a_json_workspace_of_another_name_is_read_as_json(
        name: str, head: bytes, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(name)
    path.write_bytes(head + SAMPLE.read_bytes())
    assert main(["validate", name]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == \
        f"{name}: valid (2 campaigns, 7 nodes, 4 products)"
    assert main(["simulate", name, "--scenario", str(SCENARIO)]) == 0
    assert "Emails sent:" in capsys.readouterr().out
    document = Document(name)  # the app
    assert document.kind == "json"
    workspace = document.load()
    assert workspace == load_workspace(SAMPLE)
    document.save(workspace)  # saved as what it was read as: JSON, not a database
    assert path.read_bytes().lstrip()[:1] == b"{"
    assert load_workspace(path) == workspace


def test_a_file_that_is_not_json_is_still_opened_as_a_store(
        in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("notes.txt").write_text("[section]\nkey = value\n", encoding="utf-8")
    assert Document("notes.txt").kind == "store"
    assert main(["validate", "notes.txt"]) == 1
    assert _error_line(capsys) == "notes.txt: cannot open: file is not a database"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.timeout(30)
def test_looking_at_a_named_pipe_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert not starts_like_json_object(fifo)
    assert Document(str(fifo)).kind == "store"


# -- an empty file -------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["zero.txt", "zero"])
def test_an_empty_file_is_said_empty_and_stays_empty(
        name: str, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path(name).touch()
    for argv in (["validate", name], ["simulate", name, "--scenario", str(SCENARIO)],
                 ["export", "--db", name, "-o", "out.campaign.json"]):
        assert main(argv) == 1
        assert _error_line(capsys) == f"{name}: no workspace in it (the file is empty)"
    # The app opens it as it opens any empty store: an empty workspace that Save fills.
    workspace = Document(name).load()
    assert not workspace.campaigns
    assert Path(name).stat().st_size == 0
    assert not Path("out.campaign.json").exists()
