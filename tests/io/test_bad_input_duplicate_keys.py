"""A key given twice in one JSON object (QA): the json module keeps the last value and the
first would be lost at the next save, so a workspace or scenario file that does it is
refused with one line naming the object's place (C6) and the key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.documents import Document, DocumentError
from canvas_app.io import LoadError, load_workspace
from canvas_app.io.draft import load_draft
from canvas_app.io.json_reading import parse_json

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
SCENARIO = ROOT / "resources" / "samples" / "pool-store.scenario.json"


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err + captured.out
    return lines[0]


def _written(tmp_path: Path, name: str, old: str, new: str,
             source: Path = SAMPLE) -> Path:
    """A copy of ``source`` with ``old`` (found once) replaced by ``new``."""
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


# (what is replaced in the sample, by what, the line's place and message)
WORKSPACE_CASES = {
    # QA's raw_dupkey_name.campaign.json: a node's name given twice
    "node name": ('"name": "Nurture",', '"name": "Nurture", "name": "Spring nurture",',
                  'campaigns[0].nodes[0]: (node nurture) the key "name" is given twice: '
                  "keep one"),
    # QA's raw_dupkey_node.campaign.json: was 'the key "config" is missing'
    "node kind": ('"kind": "sequence",\n          "name": "Nurture"',
                  '"kind": "sequence", "kind": "tag_goal",\n          "name": "Nurture"',
                  'campaigns[0].nodes[0]: (node nurture) the key "kind" is given twice: '
                  "keep one"),
    "a step's key, three times": (
        '"subject": "3 signs your pool needs a shock"',
        '"subject": "3 signs", "subject": "your pool", "subject": "needs a shock"',
        'campaigns[0].nodes[0].steps[2]: (node nurture) the key "subject" is given 3 '
        "times: keep one"),
    "a node's own id (not named as the node's)": (
        '"id": "bought-shock",', '"id": "bought-shock", "id": "shock-goal",',
        'campaigns[0].nodes[1]: the key "id" is given twice: keep one'),
    "a product": ('"price": 24.5,', '"price": 24.5, "price": 2.45,',
                  'catalog.products[1]: the key "price" is given twice: keep one'),
    "top level": ('"version": 1,', '"version": 1, "version": 1,',
                  'the key "version" is given twice: keep one'),
}


@pytest.mark.parametrize("case", WORKSPACE_CASES)
def test_a_workspace_with_a_key_twice_is_refused_at_its_place(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new, said = WORKSPACE_CASES[case]
    path = _written(tmp_path, "dup.campaign.json", old, new)
    before = path.read_bytes()
    assert main(["validate", str(path)]) == 1
    assert _error_line(capsys) == f"{path}: {said}"
    with pytest.raises(LoadError) as loaded:
        load_workspace(path)
    assert str(loaded.value) == f"{path}: {said}"
    with pytest.raises(LoadError) as drafted:  # the app opens files with load_draft
        load_draft(path)
    assert str(drafted.value) == f"{path}: {said}"
    with pytest.raises(DocumentError) as opened:
        Document(str(path)).load()
    assert str(opened.value) == f"{path}: {said}"
    assert path.read_bytes() == before  # nothing written


def test_a_scenario_with_a_key_twice_is_refused(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    # QA's sc/raw_dupkey.json: "seed" twice
    scenario = _written(tmp_path, "dup.json", '"seed": 7,', '"seed": 7, "seed": 9,',
                        source=SCENARIO)
    assert main(["simulate", str(SAMPLE), "--scenario", str(scenario)]) == 1
    assert _error_line(capsys) == f'{scenario}: the key "seed" is given twice: keep one'


def test_the_first_object_in_the_file_is_named_when_several_have_a_key_twice() -> None:
    text = ('{"a": {"x": 1, "x": 2}, "b": [{"y": 1}, {"z": 1, "z": 2}], '
            '"c": 1, "c": 2}')
    with pytest.raises(LoadError) as info:
        parse_json(text, "f.json")
    assert str(info.value) == 'f.json: the key "c" is given twice: keep one'
    with pytest.raises(LoadError) as inner:
        parse_json('{"b": [{"y": 1}, {"z": 1, "z": 2}], "a": {"x": 1, "x": 2}}', "f.json")
    assert str(inner.value) == 'f.json: b[1]: the key "z" is given twice: keep one'


def test_objects_without_a_key_twice_read_as_the_json_module_reads_them() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert parse_json(text) == json.loads(text)
    # the same key in different objects, and keys that differ only in case, are fine
    assert parse_json('{"a": {"k": 1}, "b": {"k": 2}, "K": 1, "k": 2}') == \
        {"a": {"k": 1}, "b": {"k": 2}, "K": 1, "k": 2}
