"""Files that are not UTF-8 text are refused in words, with the place of the first bad byte."""

import json
from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.io import LoadError, load_workspace
from canvas_app.io.encoding import NOT_TEXT, UTF16, NotText, decode_utf8

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
SCENARIO = ROOT / "resources" / "samples" / "pool-store.scenario.json"


def _latin1_sample() -> bytes:
    """The sample with its first product renamed "Café" and saved as Latin-1."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["catalog"]["products"][0]["name"] = "Café"
    return json.dumps(data, indent=2, ensure_ascii=False).encode("latin-1")


def _place_of_first(data: bytes, byte: int) -> tuple[int, int]:
    offset = data.index(bytes([byte]))
    before = data[:offset].decode("ascii")
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def test_a_latin1_workspace_names_line_column_and_byte(tmp_path, capsys):
    path = tmp_path / "latin1.campaign.json"
    path.write_bytes(_latin1_sample())
    line, column = _place_of_first(path.read_bytes(), 0xE9)
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"{path}: line {line} column {column}: not UTF-8 text (byte 0xe9): "
                            "save the file as UTF-8\n")
    assert "codec" not in captured.err


def test_the_column_counts_characters_not_bytes():
    with pytest.raises(NotText) as caught:
        decode_utf8('{\n  "a": "café",\n  "b": "ét'.encode() + b"\xe9" + b'"}')
    assert caught.value.place == "line 3 column 11"


def test_a_byte_order_mark_is_not_counted_in_the_column():
    with pytest.raises(NotText) as caught:
        decode_utf8(b"\xef\xbb\xbf{\"caf\xe9\": 1}")
    assert caught.value.place == "line 1 column 6"


@pytest.mark.parametrize("data", [
    b"\xff\xfe\x00garbage",                   # the QA's binary file
    bytes(range(256)),                        # every byte value
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",   # the start of a PNG
    b"\x1f\x8b\x08\x00\xb3\xd5",              # gzip, no NUL before the first bad byte
])
def test_binary_data_is_not_a_text_file(data, tmp_path, capsys):
    path = tmp_path / "binary.campaign.json"
    path.write_bytes(data)
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err == f"{path}: {NOT_TEXT}\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_told_to_be_saved_as_utf8(encoding, tmp_path):
    path = tmp_path / "u16.campaign.json"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode(encoding))
    with pytest.raises(LoadError) as caught:
        load_workspace(path)
    assert str(caught.value) == f"{path}: {UTF16}"


def test_a_latin1_scenario_is_named_with_its_place(tmp_path, capsys):
    scenario = tmp_path / "s.scenario.json"
    scenario.write_bytes(SCENARIO.read_bytes().replace(b'"', b'"\xe9', 1))
    line, column = _place_of_first(scenario.read_bytes(), 0xE9)
    assert (line, column) == (2, 4)  # after '{', then '  "'
    assert main(["simulate", str(SAMPLE), "--scenario", str(scenario)]) == 1
    assert capsys.readouterr().err == (f"{scenario}: line 2 column 4: not UTF-8 text "
                                       "(byte 0xe9): save the file as UTF-8\n")


def test_utf8_text_still_reads_whole():
    text = '{"name": "Café ☕ naïve"}'
    assert decode_utf8(text.encode()) == text
    assert decode_utf8(b"\xef\xbb\xbf" + text.encode()) == text


def test_the_app_opening_a_latin1_file_says_the_same_in_words(tmp_path):
    """The desktop app opens files through Document (drafts may be incomplete): its
    message is the same one line (QA: the 'utf-8' codec's own words in a message box)."""
    from canvas_app.documents import Document, DocumentError

    path = tmp_path / "latin1.campaign.json"
    path.write_bytes(_latin1_sample())
    line, column = _place_of_first(path.read_bytes(), 0xE9)
    with pytest.raises(DocumentError) as caught:
        Document(str(path)).load()
    assert str(caught.value) == (f"{path}: line {line} column {column}: not UTF-8 text "
                                 "(byte 0xe9): save the file as UTF-8")


def test_read_json_names_an_empty_name_and_a_folder(tmp_path):
    from canvas_app.io.workspace_file import read_json

    with pytest.raises(LoadError, match="^the file name is empty$"):
        read_json("")
    with pytest.raises(LoadError) as caught:
        read_json(tmp_path)
    assert str(caught.value) == f"{tmp_path}: it is a folder, not a file"
