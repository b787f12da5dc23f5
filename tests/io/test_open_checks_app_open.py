"""QA 23d: the app opens a workspace (File > Open, a start on a file, Open Recent, a store)
refusing what ``canvas-app validate`` refuses beyond the model's rules, with validate's own
line: a value an editor's typed field would refuse (a price of 12.999, a wait of PT90.5S) and
text holding a NUL. Before, ``Document.load`` (``io/draft.py``) took such a file without a
word: the Catalog showed 12.999 as 13.00 and Simulate ran. Work in progress still opens (a
goal with incomplete settings, R11; a node with no name). Real files and a real SQLite file.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from canvas_app.cli import main
from canvas_app.documents import Document, DocumentError, UnreadableDocument
from canvas_app.io import load_workspace
from canvas_app.store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
BASE = json.loads(SAMPLE.read_text(encoding="utf-8"))

Data = dict[str, Any]


def _price(d: Data) -> None:
    d["catalog"]["products"][0]["price"] = 12.999


def _nul_in_a_name(d: Data) -> None:
    d["campaigns"][0]["nodes"][1]["name"] = "Bought\x00shock"


def _wait_with_a_fraction(d: Data) -> None:
    d["campaigns"][0]["nodes"][0]["steps"][1]["duration"] = "PT90.5S"


def _delay_with_a_fraction(d: Data) -> None:
    d["ecommerce"]["action_sets"]["on_login"][0]["delay"] = "PT0.5S"


def _until_with_seconds(d: Data) -> None:
    d["campaigns"][0]["nodes"][0]["steps"].append(
        {"kind": "wait_until", "until": "2026-01-02T09:00:30Z"})


REFUSED: dict[str, tuple[Callable[[Data], None], str]] = {
    "price_three_decimals": (
        _price, "catalog.products[0].price: 12.999 has 3 decimals: a price has at most 2 "
                "(as the product dialog takes it)"),
    "nul_in_a_node_name": (
        _nul_in_a_name, "campaigns[0].nodes[1].name: (node bought-shock) the text holds a "
                        "NUL character (\\u0000), which a PostgreSQL store cannot hold: "
                        "remove it"),
    "wait_with_a_fraction_of_a_second": (
        _wait_with_a_fraction, "campaigns[0].nodes[0].steps[1].duration: (node nurture) "
                               "PT90.5S is not a whole number of seconds: the step editor "
                               "and the simulation count whole seconds"),
    "action_delay_with_a_fraction_of_a_second": (
        _delay_with_a_fraction, "ecommerce.action_sets.on_login[0].delay: PT0.5S is not a "
                                "whole number of seconds: the step editor and the "
                                "simulation count whole seconds"),
    "wait_until_with_seconds": (
        _until_with_seconds, "campaigns[0].nodes[0].steps[5].until: (node nurture) "
                             "2026-01-02T09:00:30Z has seconds: the step editor takes a "
                             "time in whole minutes (UTC)"),
}


def _file(tmp_path: Path, mutate: Callable[[Data], None]) -> Path:
    data = copy.deepcopy(BASE)
    mutate(data)
    path = tmp_path / "hand-edited.campaign.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def _validate_line(source: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["validate", source]) == 1
    return capsys.readouterr().err.strip()


@pytest.mark.parametrize("name", list(REFUSED))
def test_the_app_refuses_the_file_with_the_line_validate_gives(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    mutate, said = REFUSED[name]
    path = _file(tmp_path, mutate)
    line = _validate_line(str(path), capsys)
    assert line == f"{path}: {said}"
    with pytest.raises(UnreadableDocument) as opened:  # the kind other bad files raise
        Document(str(path)).load()
    assert str(opened.value) == line
    with pytest.raises(UnreadableDocument):  # Open Recent, a start, a save's read: the same
        Document(str(path)).load_stamped()


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "team.db"
    with Store(f"sqlite:///{db}") as store:
        store.save(load_workspace(SAMPLE))
    return db


def _update(db: Path, statement: str) -> None:
    connection = sqlite3.connect(db)
    try:
        assert connection.execute(statement).rowcount == 1
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize(("statement", "said"), [
    ("update products set price = 12.999 where id = 'mitt'",
     'product "Pool Scrubbing Mitt", price: 12.999 has 3 decimals: a price has at most 2 '
     "(as the product dialog takes it)"),
    ("update nodes set name = 'Bought' || char(0) || 'shock' where id = 'bought-shock'",
     'campaign "Pool Shock Nurture", purchase goal "Bought\\u0000shock", name: the text '
     "holds a NUL character (\\u0000), which a PostgreSQL store cannot hold: remove it"),
])
def test_the_app_refuses_a_store_with_the_line_validate_gives(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], statement: str,
        said: str) -> None:
    db = _store(tmp_path)
    _update(db, statement)
    line = _validate_line(str(db), capsys)
    assert line == f"{db}: {said}"
    with pytest.raises(DocumentError) as opened:
        Document(str(db)).load()
    assert str(opened.value) == line


def _incomplete_goal(d: Data) -> None:  # no purchase option selected (R11, C2)
    d["campaigns"][0]["nodes"][1]["config"]["products"] = []


def _unnamed_node(d: Data) -> None:
    d["campaigns"][0]["nodes"][1]["name"] = ""


@pytest.mark.parametrize("mutate", [_incomplete_goal, _unnamed_node])
def test_work_in_progress_still_opens(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      mutate: Callable[[Data], None]) -> None:
    path = _file(tmp_path, mutate)
    assert main(["validate", str(path)]) == 1  # the command line stays strict (R11)
    workspace = Document(str(path)).load()
    assert workspace.campaigns[0].node("bought-shock").kind == "purchase_goal"
    assert workspace.validate() != []  # kept as it is: the canvas shows the error


def test_a_store_holding_work_in_progress_still_opens(tmp_path: Path) -> None:
    db = _store(tmp_path)
    _update(db, "update nodes set settings = json_set(settings, '$.config.products', "
                "json('[]')) where id = 'bought-shock'")
    workspace = Document(str(db)).load()
    assert workspace.campaigns[0].node("bought-shock").config.products == []
    assert workspace.validate() != []


def test_the_sample_opens_as_before() -> None:
    assert Document(str(SAMPLE)).load() == load_workspace(SAMPLE)


def test_a_store_holding_work_in_progress_and_a_refused_value_is_refused(
        tmp_path: Path) -> None:
    """The model's rules (R11) refuse the store first when validate reads it; the app keeps
    the work in progress and still finds the price."""
    db = _store(tmp_path)
    _update(db, "update nodes set settings = json_set(settings, '$.config.products', "
                "json('[]')) where id = 'bought-shock'")
    _update(db, "update products set price = 12.999 where id = 'mitt'")
    with pytest.raises(DocumentError) as opened:
        Document(str(db)).load()
    assert str(opened.value) == (f'{db}: product "Pool Scrubbing Mitt", price: 12.999 has 3 '
                                 "decimals: a price has at most 2 (as the product dialog "
                                 "takes it)")
