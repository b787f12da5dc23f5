"""QA 23d: every value tests/io/test_editor_limits.py refuses in a file is refused by the app
too, in a file and, value for value, in a SQLite store (the cases and the store's places of
tests/store/test_stored_file_checks.py), each with the line ``canvas-app validate`` gives;
a store read as export reads it still keeps the value, so it can be written out and mended.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.documents import Document, DocumentError, UnreadableDocument
from tests.io.test_editor_limits import REFUSED
from tests.store.test_stored_file_checks import _load, _store_and_file


@pytest.mark.parametrize("name", list(REFUSED))
def test_the_app_refuses_the_file_and_the_store_as_validate_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    db, as_file, place = _store_and_file(tmp_path, name)
    with pytest.raises(UnreadableDocument) as from_file:
        Document(str(as_file)).load()
    assert str(from_file.value) == f"{as_file}: {REFUSED[name][1]}"
    with pytest.raises(DocumentError) as from_store:
        Document(str(db)).load()
    said = REFUSED[name][1].split(": ", 1)[1].removeprefix("(node nurture) ")
    assert str(from_store.value) == f"{db}: {place}: {said}"
    capsys.readouterr()
    assert main(["validate", str(db)]) == 1
    assert capsys.readouterr().err.strip() == str(from_store.value)
    assert _load(db) is not None  # read as export reads it: kept, to be written out
