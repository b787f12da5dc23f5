"""A sqlite:/// URL naming a folder, or a file in a folder that does not exist (QA), got the
driver's words ("disk I/O error", "unable to open database file", and in the app "cannot
read the file: Is a directory") where the same path given alone was said plainly. Its
file now gets a path's checks and words, on the command line and in the app
(:class:`~canvas_app.documents.Document`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.documents import Document, DocumentError
from tests.cli_lines import one_error_line as _error_line

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
SCENARIO = ROOT / "resources" / "samples" / "pool-store.scenario.json"
WANTED = "a .campaign.json file, a SQLite file or a SQLAlchemy URL"




# -- a sqlite:/// URL's file: as a path given alone --------------------------------------
def _commands(source: str) -> dict[str, tuple[list[str], str]]:
    """Each command given ``source`` as its workspace or store, and what it wants."""
    return {
        "validate": (["validate", source], WANTED),
        "simulate": (["simulate", source, "--scenario", str(SCENARIO)], WANTED),
        "import": (["import", str(SAMPLE), "--db", source],
                   "a SQLite file or a SQLAlchemy URL"),
        "export": (["export", "--db", source, "-o", "out.campaign.json"],
                   "a SQLite file or a SQLAlchemy URL"),
    }


@pytest.mark.parametrize("url", ["sqlite:///adir", "sqlite:///{tmp}/adir"])
def test_a_sqlite_url_naming_a_folder_is_said_as_the_folder_alone_is(
        url: str, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("adir").mkdir()
    url = url.format(tmp=in_tmp)
    for name, (argv, wanted) in _commands(url).items():
        assert main(argv) == 1, name
        assert _error_line(capsys) == f"{url}: it is a folder, not a file: give {wanted}"
        plain = [a if a != url else "adir" for a in argv]
        assert main(plain) == 1, name
        assert _error_line(capsys) == f"adir: it is a folder, not a file: give {wanted}"
    for source in (url, "adir"):  # the app
        with pytest.raises(DocumentError) as opened:
            Document(source).load()
        assert str(opened.value).endswith(": it is a folder, not a file"), source
    assert list(Path("adir").iterdir()) == []
    assert not Path("out.campaign.json").exists()


@pytest.mark.parametrize(("form", "absolute"), [
    ("sqlite:///{path}", True), ("{path}", True), ("sqlite:///{path}", False),
    ("{path}", False)])
def test_a_store_in_a_folder_that_does_not_exist_says_so(
        form: str, absolute: bool, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = in_tmp / "nonexistent" if absolute else Path("nonexistent")  # as given
    source = form.format(path=folder / "x.db")
    for name, (argv, _wanted) in _commands(source).items():
        assert main(argv) == 1, name
        assert _error_line(capsys) == f"{source}: no such folder: {folder}", name
    document = Document(source)  # the app (which names a path made absolute)
    with pytest.raises(DocumentError) as opened:
        document.load()
    file = document.local_file()
    assert file is not None and file.parent.resolve() == folder.resolve()
    assert str(opened.value) == f"{document.source}: no such folder: {file.parent}"
    assert not folder.exists()
    assert not Path("out.campaign.json").exists()


def test_a_missing_store_in_a_folder_that_exists_is_still_no_such_file(
        in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "sqlite:///gone.db"]) == 1
    assert _error_line(capsys) == "sqlite:///gone.db: no such file"
    # the app: a sqlite:/// URL's file is made by Save
    assert not Document("sqlite:///gone.db").load().campaigns
    assert not Path("gone.db").exists()
