"""Documents (no Qt) and the file system: replacing a file that is not a database, and the
messages for missing folders and permissions, said as for a JSON file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from canvas_app.documents import Document, DocumentError, sample_path
from canvas_app.io import load_workspace

ROOT = Path(__file__).resolve().parents[1]


def test_replacing_a_file_that_is_not_a_database_replaces_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("this is not a database\n", encoding="utf-8")
    bad.chmod(0o640)
    (tmp_path / "bad.db-journal").write_bytes(b"an old journal, never to be replayed")
    workspace = load_workspace(sample_path())
    with pytest.raises(DocumentError, match="file is not a database"):
        Document(str(bad)).save(workspace)  # Save: a store is never overwritten unasked
    Document(str(bad)).save(workspace, replace=True)  # Save As, after "replace it?" Yes
    assert Document(str(bad)).load() == workspace
    assert (bad.stat().st_mode & 0o777) == 0o640
    assert not (tmp_path / "bad.db-journal").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.db"]  # no temporary left


def test_saving_into_a_missing_folder_is_refused_not_made(tmp_path: Path) -> None:
    workspace = load_workspace(sample_path())
    for name in ("new.db", "new.campaign.json"):
        target = tmp_path / "nodir" / name
        with pytest.raises(DocumentError) as info:
            Document(str(target)).save(workspace)
        assert str(info.value) == f"{target}: cannot write: no such folder: {tmp_path / 'nodir'}"
    assert not (tmp_path / "nodir").exists()


DROP = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps",
        "-dac_override,-dac_read_search"]
AS_A_USER = pytest.mark.skipif(
    not hasattr(os, "geteuid") or (os.geteuid() == 0 and shutil.which("setpriv") is None),
    reason="as root, needs setpriv to drop the permission override")

ATTEMPT = textwrap.dedent("""
    import sys
    from canvas_app.documents import Document, DocumentError, sample_path
    from canvas_app.io import load_workspace
    doing, source = sys.argv[1], sys.argv[2]
    try:
        if doing == "load":
            Document(source).load()
        else:
            Document(source).save(load_workspace(sample_path()))
    except DocumentError as exc:
        print(exc)
""")


def attempt(doing: str, source: Path) -> str:
    """What a user without root's override is told (run in a process without it)."""
    command = [sys.executable, "-c", ATTEMPT, doing, str(source)]
    if os.geteuid() == 0:
        command = DROP + command
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@AS_A_USER
def test_permission_problems_of_a_database_are_said_as_for_json(tmp_path: Path) -> None:
    workspace = load_workspace(sample_path())
    noperm = tmp_path / "noperm.db"
    Document(str(noperm)).save(workspace)
    noperm.chmod(0)
    json_file = tmp_path / "noperm.campaign.json"
    Document(str(json_file)).save(workspace)
    json_file.chmod(0)
    rodir = tmp_path / "rodir"
    rodir.mkdir()
    rodir.chmod(0o555)
    try:
        assert attempt("load", json_file) == \
            f"{json_file}: cannot read the file: Permission denied"
        assert attempt("load", noperm) == f"{noperm}: cannot read the file: Permission denied"
        assert attempt("save", noperm) == f"{noperm}: cannot write: Permission denied"
        assert attempt("save", rodir / "new.db") == (
            f"{rodir / 'new.db'}: cannot write: Permission denied (cannot create a file in "
            f"the folder {rodir})")
        assert attempt("save", rodir / "new.campaign.json").startswith(
            f"{rodir / 'new.campaign.json'}: cannot write: Permission denied")
    finally:
        rodir.chmod(0o755)
        noperm.chmod(0o644)
        json_file.chmod(0o644)
    assert list(rodir.iterdir()) == []


def test_opening_an_empty_database_writes_nothing_until_save(tmp_path: Path) -> None:
    zero = tmp_path / "zero.db"
    zero.touch()
    document = Document(str(zero))
    assert document.load().campaigns == []
    assert zero.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zero.db"]
    missing = tmp_path / "later.db"
    assert Document(f"sqlite:///{missing}").load().campaigns == []
    assert not missing.exists()
    workspace = load_workspace(sample_path())
    document.save(workspace)
    assert document.load() == workspace
