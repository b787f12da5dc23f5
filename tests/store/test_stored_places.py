"""A store's bad rows get one message that reads as a bad file's does: ``STORE: PLACE:
problem``, the place in the words the app shows (the campaign's and the node's names as the
canvas shows them; the id only where there is no name or two things share one), the problem
in the file loader's own words, all after the store's name in lower case as a file's are.

Each store is a real SQLite file, saved by the app and then spoiled with the sqlite3 module
(whose connections leave foreign keys off, as the sqlite3 shell does); each message is read
as a user meets it: ``Store.load``, the command line, and the app's "cannot open" box."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.documents import Document, DocumentError
from canvas_app.io import LoadError, load_workspace
from canvas_app.store import Store, StoreError
from canvas_app.store.repository import nul_place

from .conftest import SAMPLE

BASE = json.loads(SAMPLE.read_text(encoding="utf-8"))
NURTURE = 'campaign "Pool Shock Nurture", sequence "Nurture"'


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The sample saved by the app in a new SQLite file."""
    path = tmp_path / "pool.db"
    with Store(f"sqlite:///{path}") as store:
        store.save(load_workspace(SAMPLE))
    return path


def spoil(path: Path, *statements: tuple[str, tuple]) -> None:
    """Runs ``statements`` on the file with the sqlite3 module, as someone with the
    sqlite3 shell would."""
    connection = sqlite3.connect(path)
    try:
        for statement, parameters in statements:
            assert connection.execute(statement, parameters).rowcount >= 1
        connection.commit()
    finally:
        connection.close()


def message_of(path: Path, file_checks: bool = False) -> str:
    with Store(f"sqlite:///{path}", read_only=True, label=str(path)) as store, \
            pytest.raises(StoreError) as info:
        store.load(file_checks=file_checks)
    return str(info.value)


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err, captured.err
    return lines[0]


def file_message(tmp_path: Path, mutate) -> tuple[Path, str]:
    data = copy.deepcopy(BASE)
    mutate(data)
    path = tmp_path / "same.campaign.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_workspace(path)
    return path, str(info.value)


# -- bad JSON in a node's settings: every way a user meets it --------------------------------
def test_bad_json_in_a_nodes_settings_names_the_campaign_and_node_by_name(
        db: Path, tmp_path: Path, capsys) -> None:
    spoil(db, ("update nodes set settings = ? where id = ?", ('{"steps": [', "nurture")))
    expected = (f'{db}: {NURTURE}, settings: the stored JSON cannot be read: {{"steps": [')
    assert message_of(db) == expected
    # the command line, reading the store as a path and as a URL
    assert refused(capsys, "validate", str(db)) == expected
    out = tmp_path / "out.campaign.json"
    assert refused(capsys, "export", "--db", str(db), "-o", str(out)) == expected
    assert not out.exists()
    url = f"sqlite:///{db}"
    assert refused(capsys, "validate", url) == expected.replace(str(db), url, 1)
    # the app's "cannot open" box
    with pytest.raises(DocumentError) as info:
        Document(str(db)).load_stamped()
    assert str(info.value) == expected


def test_settings_that_are_not_an_object_read_as_the_files_words(db: Path) -> None:
    spoil(db, ("update nodes set settings = '[1, 2]' where id = 'nurture'", ()))
    assert message_of(db) == (f"{db}: {NURTURE}, settings: expected a JSON object, found "
                              "an array")


def test_a_store_problem_reads_as_the_same_files_problem(db: Path, tmp_path: Path) -> None:
    """Same form (source, place, problem) and the same problem text, capitals included;
    only the place is said in names instead of the file's JSON path."""
    spoil(db, ("""update nodes set settings = '{"steps": 3, "runs_until_completed": false}'
                  where id = 'nurture'""", ()))
    path, from_file = file_message(
        tmp_path, lambda d: d["campaigns"][0]["nodes"][0].__setitem__("steps", 3))
    assert from_file == (f"{path}: campaigns[0].nodes[0].steps: (node nurture) expected an "
                         "array, found 3")
    assert message_of(db) == f"{db}: {NURTURE}, steps: expected an array, found 3"
    for message, source in ((from_file, path), (message_of(db), db)):
        after = message.removeprefix(f"{source}: ")
        assert after[0].islower()  # the place starts in lower case, as a file's does


# -- names, and ids only where they are needed --------------------------------------------
def test_two_nodes_of_one_name_are_told_apart_by_id(db: Path) -> None:
    spoil(db, ("update nodes set name = 'Nurture' where id = 'post-purchase'", ()),
          ("update nodes set settings = '{bad' where id = 'post-purchase'", ()))
    assert message_of(db) == (f'{db}: campaign "Pool Shock Nurture", sequence "Nurture" '
                              '(id post-purchase), settings: the stored JSON cannot be read: '
                              '{bad')


def test_names_that_differ_only_in_capitals_and_spaces_are_told_apart_too(db: Path) -> None:
    spoil(db, ("update nodes set name = ' nurture ' where id = 'post-purchase'", ()),
          ("update nodes set settings = '[]' where id = 'nurture'", ()))
    assert message_of(db) == (f'{db}: campaign "Pool Shock Nurture", sequence "Nurture" '
                              "(id nurture), settings: expected a JSON object, found an array")


def test_a_node_without_a_name_is_named_by_its_id(db: Path) -> None:
    spoil(db, ("update nodes set name = '' where id = 'nurture'", ()))
    # refused by the model's rules, as the command line reads a store (file_checks)
    assert message_of(db, file_checks=True) == (
        f'{db}: campaign "Pool Shock Nurture", sequence (id nurture), name: a node\'s name '
        "cannot be empty")


def test_two_campaigns_of_one_name_are_told_apart_by_id(db: Path) -> None:
    spoil(db, ("update campaigns set name = 'Pool Shock Nurture' "
               "where id = 'checkup-onboarding'", ()),
          ("update nodes set settings = '[]' where id = 'nurture'", ()))
    assert message_of(db) == (f'{db}: campaign "Pool Shock Nurture" (id shock-nurture), '
                              'sequence "Nurture", settings: expected a JSON object, found '
                              "an array")


def test_a_long_name_is_quoted_in_part(db: Path) -> None:
    long = "Spring opening: shock, stabilizer and a weekly checkup for the whole season"
    spoil(db, ("update campaigns set name = ? where id = 'shock-nurture'", (long,)),
          ("update nodes set settings = '[]' where id = 'nurture'", ()))
    assert message_of(db) == (f'{db}: campaign "Spring opening: shock, stabilizer and a…", '
                              'sequence "Nurture", settings: expected a JSON object, found '
                              "an array")


def test_a_node_of_an_unknown_kind_is_a_node(db: Path) -> None:
    spoil(db, ("update nodes set kind = 'teleport' where id = 'nurture'", ()))
    assert message_of(db) == (f'{db}: campaign "Pool Shock Nurture", node "Nurture", kind: '
                              'unknown node kind "teleport" (known: purchase_goal, tag_goal, '
                              "sequence)")


def test_a_link_is_named_by_the_nodes_it_joins(db: Path) -> None:
    spoil(db, ("update edges set target = 'nowhere' where source = 'nurture'", ()))
    assert message_of(db) == (f'{db}: campaign "Pool Shock Nurture", link from "Nurture" to '
                              '"nowhere", target: there is no node "nowhere" in this campaign')


def test_a_step_is_named_by_its_number(db: Path) -> None:
    spoil(db, ("""update nodes set settings = json_set(settings, '$.steps[1].duration', 'soon')
                  where id = 'nurture'""", ()))
    assert message_of(db) == (f"{db}: {NURTURE}, step 2, duration: \"soon\" is not a "
                              "duration: use a number of minutes (0 or more) or an ISO 8601 "
                              "duration like P2DT3H")


# -- the catalog, contacts and e-commerce actions -------------------------------------------
def test_a_product_is_named_by_its_name(db: Path) -> None:
    spoil(db, ("update products set billing = 'weekly' where id = 'mitt'", ()))
    assert message_of(db) == (f'{db}: product "Pool Scrubbing Mitt", billing: "weekly" is not '
                              'allowed here (expected one of: "one_time", "subscription")')


def test_a_contact_is_named_by_its_name(db: Path) -> None:
    spoil(db, ("update contacts set id = '' where id = 'c-ben'", ()))
    assert message_of(db) == f'{db}: contact "Ben Okafor", id: must not be empty'


def test_an_action_is_named_by_its_set_and_number(db: Path) -> None:
    spoil(db, ("update actions set data = '{\"kind\": ' "
               "where scope = 'default' and set_name = 'on_login' and position = 1", ()))
    assert message_of(db) == (f'{db}: e-commerce action set "On Login (Multi-Step Cart)", '
                              'action 2: the stored JSON cannot be read: {"kind": ')


def test_a_products_action_is_named_by_the_products_name(db: Path) -> None:
    spoil(db, ("""update actions set data = '{"kind": "teleport"}'
                  where scope = 'product' and set_name = 'shock' and position = 0""", ()))
    message = message_of(db)
    assert message.startswith(f'{db}: e-commerce action set of product "Super Sock It Pool '
                              'Shock", action 1, kind: unknown action kind "teleport"')


# -- rows a database edited with its foreign keys off can hold ------------------------------
def test_a_node_whose_campaign_is_gone_is_named_not_a_traceback(db: Path, capsys) -> None:
    spoil(db, ("update nodes set campaign_id = 'gone' where id = 'nurture'", ()))
    expected = f'{db}: sequence "Nurture": its campaign (id gone) is not in the store'
    assert message_of(db) == expected
    assert refused(capsys, "validate", str(db)) == expected


def test_an_action_whose_set_row_is_gone_is_kept_in_its_set(db: Path) -> None:
    before = load_workspace(SAMPLE).ecommerce.action_sets["on_login"]
    spoil(db, ("delete from action_sets where scope = 'default' and name = 'on_login'", ()))
    with Store(f"sqlite:///{db}", read_only=True) as store:
        assert store.load().ecommerce.action_sets["on_login"] == before


# -- a save PostgreSQL would refuse names its place in the same words ----------------------
def test_the_place_of_a_nul_postgresql_cannot_store_is_said_in_names() -> None:
    workspace = load_workspace(SAMPLE)
    workspace.campaigns[0].node("bought-shock").name = "Bought\x00shock"
    assert nul_place(workspace) == ('campaign "Pool Shock Nurture", purchase goal '
                                    '"Bought\\u0000shock", name')
    workspace.campaigns[0].node("bought-shock").name = "Bought shock"
    workspace.catalog.products["mitt"].name = "Mitt\x00"
    assert nul_place(workspace) == 'product "Mitt\\u0000", name'
    workspace.catalog.products["mitt"].name = "Mitt"
    assert nul_place(workspace) is None
