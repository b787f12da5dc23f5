"""A store whose rows hold what only the file loader refuses (a value an editor's typed
field would refuse, io/editor_limits.py; text with a NUL character) is handled as the same
content in a ``.campaign.json`` file is:

- read as the command line reads a file (``Store.load(file_checks=True)``), it is refused
  with the file's problem, the place named in the store's words;
- read as work in progress (the default, ``Store.load()``), it is kept; the app itself
  (``Document``) refuses the store as it refuses the same file (QA 23d: it opened both
  without a word while ``validate`` refused them): tests/io/test_open_checks_stored_cases.

The content is put in a real SQLite file with the sqlite3 module, value for value as the
file holds it; the file-side cases and their messages are those of tests/io's own test."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from canvas_app.cli import main
from canvas_app.domain.workspace import Workspace
from canvas_app.io import LoadError, load_workspace
from canvas_app.store import Store, StoreError
from tests.io.test_editor_limits import REFUSED

from .conftest import SAMPLE

BASE = json.loads(SAMPLE.read_text(encoding="utf-8"))
NURTURE = 'campaign "Pool Shock Nurture", sequence "Nurture"'
ON_LOGIN = 'e-commerce action set "On Login (Multi-Step Cart)", action 1'


def _value(data: dict[str, Any], name: str) -> Any:
    """The value case ``name`` of tests/io puts in the file."""
    if name.startswith("price"):
        return data["catalog"]["products"][0]["price"]
    if name.startswith("wait_until"):
        return data["campaigns"][0]["nodes"][0]["steps"][-1]["until"]
    if name.startswith("wait"):
        return data["campaigns"][0]["nodes"][0]["steps"][1]["duration"]
    return data["ecommerce"]["action_sets"]["on_login"][0]["delay"]


def _same_in_the_store(name: str, value: Any) -> tuple[str, tuple[Any, ...], str]:
    """The statement that puts ``value`` where case ``name`` puts it in the file, and
    that place in the store's words."""
    if name.startswith("price"):
        return ("update products set price = ? where id = 'mitt'", (value,),
                'product "Pool Scrubbing Mitt", price')
    if name.startswith("wait_until"):
        step = json.dumps({"kind": "wait_until", "until": value})
        return ("update nodes set settings = json_insert(settings, '$.steps[#]', json(?)) "
                "where id = 'nurture'", (step,), f"{NURTURE}, step 6, until")
    if name.startswith("wait"):
        return ("update nodes set settings = json_set(settings, '$.steps[1].duration', ?) "
                "where id = 'nurture'", (value,), f"{NURTURE}, step 2, duration")
    return ("update actions set data = json_set(data, '$.delay', ?) where scope = 'default' "
            "and set_name = 'on_login' and position = 0", (value,), f"{ON_LOGIN}, delay")


def _store_and_file(tmp_path: Path, name: str) -> tuple[Path, Path, str]:
    """A SQLite file and a JSON file holding the content of case ``name``, and the place
    of the value in the store's words."""
    data = copy.deepcopy(BASE)
    REFUSED[name][0](data)
    as_file = tmp_path / "same.campaign.json"
    as_file.write_text(json.dumps(data, indent=2), encoding="utf-8")
    db = tmp_path / "same.db"
    with Store(f"sqlite:///{db}") as store:
        store.save(load_workspace(SAMPLE))
    statement, parameters, place = _same_in_the_store(name, _value(data, name))
    connection = sqlite3.connect(db)
    try:
        assert connection.execute(statement, parameters).rowcount == 1
        connection.commit()
    finally:
        connection.close()
    return db, as_file, place


def _load(db: Path, file_checks: bool = False) -> Workspace:
    with Store(f"sqlite:///{db}", read_only=True, label=str(db)) as store:
        return store.load(file_checks=file_checks)


@pytest.mark.parametrize("name", list(REFUSED))
def test_read_as_the_command_line_reads_a_file_it_is_refused_as_the_file_is(
        tmp_path: Path, name: str) -> None:
    db, as_file, place = _store_and_file(tmp_path, name)
    with pytest.raises(LoadError) as from_file:
        load_workspace(as_file)
    problem = from_file.value.problem
    assert f"{as_file}: {problem}" == f"{as_file}: {REFUSED[name][1]}"
    with pytest.raises(StoreError) as from_store:
        _load(db, file_checks=True)
    said = problem.message.removeprefix("(node nurture) ")  # the place names the node
    assert str(from_store.value) == f"{db}: {place}: {said}"


def test_every_such_value_is_listed_in_the_files_order(tmp_path: Path) -> None:
    db, _, _ = _store_and_file(tmp_path, "wait_with_half_a_second")
    connection = sqlite3.connect(db)
    try:
        connection.execute("update products set price = 12.999 where id = 'mitt'")
        connection.commit()
    finally:
        connection.close()
    with Store(f"sqlite:///{db}", read_only=True) as store, pytest.raises(StoreError) as info:
        store.load(file_checks=True)
    # one line: the first problem, as a file's (the product comes first in the file)
    assert "\n" not in str(info.value)
    assert 'product "Pool Scrubbing Mitt", price: 12.999 has 3 decimals' in str(info.value)


def test_the_models_rules_come_first_as_in_a_file(tmp_path: Path) -> None:
    """A file breaking R11 and an editor limit is refused for R11 first."""
    db, _, _ = _store_and_file(tmp_path, "price_three_decimals")
    connection = sqlite3.connect(db)
    try:
        connection.execute("""update nodes set settings = json_set(settings,
                              '$.config.products', json('["gone"]')) where id = 'bought-shock'""")
        connection.commit()
    finally:
        connection.close()
    with pytest.raises(StoreError) as info:
        _load(db, file_checks=True)
    assert str(info.value) == (f'{db}: campaign "Pool Shock Nurture", purchase goal "Bought '
                               'pool shock", products (item 1): no product "gone" in the '
                               "catalog")


def test_text_with_a_nul_is_refused_as_in_a_file_and_kept_by_the_app(tmp_path: Path) -> None:
    db = tmp_path / "nul.db"
    with Store(f"sqlite:///{db}") as store:
        store.save(load_workspace(SAMPLE))
    connection = sqlite3.connect(db)
    try:
        connection.execute("update nodes set name = 'Bought' || char(0) || 'shock' "
                           "where id = 'bought-shock'")
        connection.commit()
    finally:
        connection.close()
    with pytest.raises(StoreError) as info:
        _load(db, file_checks=True)
    assert str(info.value) == (f'{db}: campaign "Pool Shock Nurture", purchase goal '
                               '"Bought\\u0000shock", name: the text holds a NUL character '
                               "(\\u0000), which a PostgreSQL store cannot hold: remove it")
    kept = _load(db)
    assert kept.campaigns[0].node("bought-shock").name == "Bought\x00shock"


def test_validate_refuses_the_store_as_it_refuses_the_file(tmp_path: Path, capsys) -> None:
    db, as_file, place = _store_and_file(tmp_path, "price_three_decimals")
    assert main(["validate", str(as_file)]) == 1
    assert main(["validate", str(db)]) == 1
    err = capsys.readouterr().err
    assert f"{db}: {place}: 12.999 has 3 decimals" in err
