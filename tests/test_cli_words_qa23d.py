"""QA 23d, the command line's words: an empty id says it is empty (not '"" is too short (at
least 1 characters)'); a store is named as it was given (not percent-encoded, not as the
URL made of a path); import's advice names export's real options; a SQLite store given to
import as its FILE is said to be one, with the command that copies it to a file."""

from __future__ import annotations

import copy
import json
import shlex
from pathlib import Path

import jsonschema
import pytest

from canvas_app.cli import build_parser, main
from canvas_app.io.schema_messages import schema_problem
from canvas_app.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
BASE = json.loads(SAMPLE.read_text(encoding="utf-8"))


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err.strip()


def test_an_empty_id_is_said_to_be_empty(in_tmp: Path, capsys) -> None:
    data = copy.deepcopy(BASE)
    data["campaigns"][0]["nodes"][0]["id"] = ""
    Path("empty-id.campaign.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", "empty-id.campaign.json"]) == 1
    assert _error_line(capsys) == ("empty-id.campaign.json: campaigns[0].nodes[0].id: "
                                   "must not be empty")


@pytest.mark.parametrize(("least", "value", "said"), [
    (2, "a", '"a" is too short (at least 2 characters)'),
    (3, "ab", '"ab" is too short (at least 3 characters)'),
])
def test_a_longer_minimum_says_how_long(least: int, value: str, said: str) -> None:
    validator = jsonschema.Draft202012Validator({"type": "string", "minLength": least})
    (error,) = validator.iter_errors(value)
    assert schema_problem(error).message == said


def test_an_in_memory_database_is_named_as_given(capsys) -> None:
    assert main(["validate", "sqlite:///:memory:"]) == 1
    line = _error_line(capsys)
    assert line.startswith("sqlite:///:memory:: no workspace in it")
    assert "%3A" not in line


def _damaged_store(name: str) -> None:
    with Store(f"sqlite:///{name}") as store:
        from canvas_app.io import load_workspace

        store.save(load_workspace(SAMPLE))
    data = Path(name).read_bytes()
    Path(name).write_bytes(data[: len(data) // 3])  # cut short: "malformed"


def test_import_names_a_damaged_store_as_given_as_validate_and_export_do(
        in_tmp: Path, capsys) -> None:
    _damaged_store("trunc.db")
    before = Path("trunc.db").read_bytes()
    assert main(["validate", "trunc.db"]) == 1
    said = _error_line(capsys)
    assert said.startswith("trunc.db: cannot open: ")
    assert main(["export", "--db", "trunc.db", "-o", "out.campaign.json"]) == 1
    assert _error_line(capsys) == said
    assert main(["import", str(SAMPLE), "--db", "trunc.db"]) == 1
    assert _error_line(capsys) == said  # was "sqlite:////…/trunc.db: cannot open: …"
    assert Path("trunc.db").read_bytes() == before


def _advised_command(line: str) -> list[str]:
    """The canvas-app command a message advises, as its words."""
    advice = line[line.index("canvas-app ") + len("canvas-app "):]
    return shlex.split(advice.split(" (")[0])


def test_a_json_file_as_the_store_advises_exports_real_options(in_tmp: Path, capsys) -> None:
    assert main(["import", str(SAMPLE), "--db", "foo.campaign.json"]) == 1
    line = _error_line(capsys)
    assert line.startswith("foo.campaign.json: --db takes a store")
    assert "--out" not in line
    words = _advised_command(line)
    assert words[0] == "export" and "-o" in words
    args = build_parser(words)[0].parse_args(words)  # export takes what it advises
    assert args.command == "export" and args.output == "FILE"
    assert not Path("foo.campaign.json").exists()


def test_a_sqlite_store_given_as_the_file_to_import_says_so(in_tmp: Path, capsys) -> None:
    assert main(["import", str(SAMPLE), "--db", "good db.db"]) == 0
    capsys.readouterr()
    before = Path("good db.db").read_bytes()
    assert main(["import", "good db.db", "--db", "other.db"]) == 1
    line = _error_line(capsys)
    assert line == ("good db.db: this is a SQLite store, not a .campaign.json file: to copy "
                    "its workspace to a file, use canvas-app export --db 'good db.db' -o FILE")
    assert not Path("other.db").exists()
    assert Path("good db.db").read_bytes() == before
    # the command advised works, FILE given
    words = [w if w != "FILE" else "copy.campaign.json" for w in _advised_command(line)]
    assert main(words) == 0
    assert main(["import", "copy.campaign.json", "--db", "other.db"]) == 0
