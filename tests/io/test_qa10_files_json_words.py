"""QA 10, files: JSON that does not parse is explained in plain words, at its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.documents import Document, DocumentError

CUT = "the text ends before the JSON does: the file may be cut short"


@pytest.mark.parametrize(("text", "said"), [
    ("", "the file is empty"),
    ("  \n\n", "the file is empty"),
    ('{"format": "campaign-canvas",\n  "version": 1,\n', f"line 3 column 1: {CUT}"),
    ('{"format": "campaign-canvas", "campaigns": [', f"line 1 column 45: {CUT}"),
    ('{"format": "campaign-canvas", x: 1}',
     "line 1 column 31: malformed JSON: a key must be in double quotes here"),
    ("{'format': 1}", "line 1 column 2: malformed JSON: JSON text must be in double quotes, "
                      "not single quotes"),
    ('{"format" 1}', "line 1 column 11: malformed JSON: a colon (:) must follow the key here"),
    ('{"format": 1 "version": 1}',
     "line 1 column 14: malformed JSON: a comma (,) or a closing bracket is missing here"),
    ('{"campaigns": [1,]}',
     "line 1 column 18: malformed JSON: a comma before a closing bracket is one too many"),
])
def test_open_and_validate_say_what_is_wrong_in_plain_words(text: str, said: str,
                                                            tmp_path: Path, capsys) -> None:
    path = tmp_path / "broken.campaign.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        Document(str(path)).load_stamped()
    assert str(caught.value) == f"{path}: {said}"
    assert "Expecting" not in str(caught.value)
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.strip() == f"{path}: {said}"
