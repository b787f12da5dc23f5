"""QA 21, files on the command line: import refuses a .json store, a new SQLite file is
written whole or not at all, a path through a file says so, and --help / --version on a
standard output that cannot take them exit 1 with one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.io import load_workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"


@pytest.mark.parametrize("as_url", [False, True])
def test_import_refuses_a_json_file_as_the_store(tmp_path, capsys, as_url) -> None:
    """It wrote a SQLite database named fresh.campaign.json that the app then refused (and,
    given as a sqlite:/// URL, a JSON copy that a second import could not open)."""
    target = tmp_path / "fresh.campaign.json"
    given = f"sqlite:///{target}" if as_url else str(target)
    assert main(["import", str(SAMPLE), "--db", given]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (f"{given}: --db takes a store (a SQLite .db file or a database "
                           "URL), not a JSON file: to write a store's workspace to a "
                           ".campaign.json, use canvas-app export --db STORE -o FILE")
    assert not target.exists()


def test_a_failed_import_into_a_new_file_leaves_no_file(tmp_path, capsys, monkeypatch) -> None:
    """A full disk left an empty x.db behind: a new store is written beside it and renamed."""
    from canvas_app.store import Store, StoreError

    def full(self, *args, **kwargs):
        raise StoreError("database or disk is full")

    monkeypatch.setattr(Store, "save", full)
    target = tmp_path / "x.db"
    assert main(["import", str(SAMPLE), "--db", str(target)]) == 1
    assert "database or disk is full" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_import_into_a_new_file_is_readable_and_not_private(tmp_path, capsys) -> None:
    target = tmp_path / "new.db"
    assert main(["import", str(SAMPLE), "--db", str(target)]) == 0
    assert "imported into" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["new.db"]
    assert target.stat().st_mode & 0o044  # the umask's mode, not mkstemp's owner-only
    out = tmp_path / "back.campaign.json"
    assert main(["export", "--db", str(target), "-o", str(out)]) == 0
    assert load_workspace(out) == load_workspace(SAMPLE)


@pytest.mark.parametrize("command", [["import", str(SAMPLE), "--db"], ["export", "-o"]])
def test_a_path_through_a_file_says_it_is_a_file(tmp_path, capsys, command) -> None:
    blocker = tmp_path / "notes.db"
    blocker.write_text("x")
    name = "x.db" if command[0] == "import" else "x.campaign.json"
    args = [*command, str(blocker / name)]
    if command[0] == "export":
        db = tmp_path / "team.db"
        assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
        args = ["export", "--db", str(db), "-o", str(blocker / name)]
    capsys.readouterr()
    assert main(args) == 1
    assert capsys.readouterr().err.strip().endswith(f"{blocker} is a file, not a folder")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["validate", "--help"]])
def test_help_and_version_on_a_full_output_exit_1(args) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "canvas_app", *args], stdout=full,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == "canvas-app: standard output: no space left on device"


def test_the_windows_save_as_a_new_database_that_fails_leaves_no_file(
        tmp_path, monkeypatch) -> None:
    """Save As x.db on a full disk left an empty x.db (the window saves through Document)."""
    from canvas_app.documents import Document, DocumentError
    from canvas_app.store import Store, StoreError

    def full(self, *args, **kwargs):
        raise StoreError("database or disk is full")

    monkeypatch.setattr(Store, "save", full)
    with pytest.raises(DocumentError, match="database or disk is full"):
        Document(str(tmp_path / "s.db")).save(load_workspace(SAMPLE))
    assert list(tmp_path.iterdir()) == []
