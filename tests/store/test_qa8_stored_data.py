"""What a store holds is checked as the file loader checks a file (QA defects 2, 3, 5, 6,
4): a node's settings that are not a JSON object, a column of the wrong type, a missing
workspace row, a first save that fails, payment types listed twice, and a URL's password
in validate's lines. Real SQLite files (and PostgreSQL when CANVAS_APP_TEST_PG_URL is
set); the command line as a user runs it (``main``)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from canvas_app.cli import main
from canvas_app.documents import Document, DocumentError
from canvas_app.io import LoadError, load_workspace
from canvas_app.store import Store, StoreError
from canvas_app.store.repository import safe_url

from .conftest import PG_URL, SAMPLE, reset_postgres


def spoiled(store_url: str, statement: str) -> str:
    """The sample saved at ``store_url``, then changed by hand with ``statement``."""
    with Store(store_url) as store:
        store.save(load_workspace(SAMPLE))
    engine = create_engine(store_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()
    return store_url


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Runs the command line, which must exit 1 with one line and no traceback."""
    assert main(list(argv)) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err, captured.err
    return lines[0]


# -- defect 2: a node's settings that are not a JSON object ---------------------------------
@pytest.mark.parametrize("settings, what", [
    ("[]", "expected a JSON object, found an array"),
    ('"text"', "expected a JSON object, found a string"),
    ('{"steps": 3}', "steps: expected an array, found 3"),
])
def test_node_settings_that_are_not_an_object_are_one_located_message(
        store_url: str, tmp_path: Path, capsys, settings: str, what: str) -> None:
    url = spoiled(store_url, f"update nodes set settings = '{settings}' where id = 'nurture'")
    with Store(url) as store, pytest.raises(StoreError) as info:
        store.load()
    message = str(info.value)
    assert "\n" not in message
    place = 'campaign "Pool Shock Nurture", sequence "Nurture"'
    assert place in message and what in message
    out = tmp_path / "out.campaign.json"
    for argv in (["validate", url], ["export", "--db", url, "-o", str(out)]):
        line = refused(capsys, *argv)
        assert place in line and what in line
        assert line.startswith(f"{safe_url(url)}: ")
    assert not out.exists()
    # The app's "cannot open" message (a DocumentError, shown in a box) says the same.
    with pytest.raises(DocumentError, match='sequence "Nurture"'):
        Document(url).load_stamped()


def test_settings_that_are_not_json_name_campaign_and_node(tmp_path: Path, capsys) -> None:
    url = spoiled(f"sqlite:///{tmp_path / 'rt.db'}",
                  "update nodes set settings = '{bad' where id = 'nurture'")
    line = refused(capsys, "validate", str(tmp_path / "rt.db"))
    assert line == (f'{tmp_path / "rt.db"}: campaign "Pool Shock Nurture", sequence '
                    '"Nurture", settings: the stored JSON cannot be read: {bad')
    with pytest.raises(StoreError, match='sequence "Nurture"'):
        Store(url, read_only=True).load()


def test_an_action_that_is_not_an_object_is_located(store_url: str) -> None:
    url = spoiled(store_url, "update actions set data = '[1]' where position = 0 "
                             "and set_name = 'on_login'")
    with Store(url) as store, pytest.raises(StoreError) as info:
        store.load()
    assert ('e-commerce action set "On Login (Multi-Step Cart)", action 1: expected a JSON '
            "object, found an array") in str(info.value)


# -- defect 3: columns of the wrong type ---------------------------------------------------
@pytest.mark.parametrize("statement, place, what", [
    ("update products set price = 'abc' where id = 'mitt'",
     'product "Pool Scrubbing Mitt", price', 'expected a number, found "abc"'),
    ("update nodes set x = 'NaN' where id = 'nurture'",
     'campaign "Pool Shock Nurture", sequence "Nurture", x', 'expected a number, found "NaN"'),
    ("update products set billing = 'weekly' where id = 'mitt'",
     'product "Pool Scrubbing Mitt", billing', '"weekly"'),
])
def test_sqlite_columns_of_the_wrong_type_are_refused_not_exported(
        tmp_path: Path, capsys, statement: str, place: str, what: str) -> None:
    db = tmp_path / "rt.db"
    spoiled(f"sqlite:///{db}", statement)
    assert f"{place}: {what}" in refused(capsys, "validate", str(db))
    out = tmp_path / "out.campaign.json"
    assert f"{place}: {what}" in refused(capsys, "export", "--db", str(db), "-o", str(out))
    assert not out.exists()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="CANVAS_APP_TEST_PG_URL is not set")
def test_postgres_nan_coordinates_are_refused(capsys) -> None:
    reset_postgres(PG_URL)
    spoiled(PG_URL, "update nodes set x = 'NaN' where id = 'nurture'")
    line = refused(capsys, "validate", PG_URL)
    assert ('campaign "Pool Shock Nurture", sequence "Nurture", x: nan is not a finite number'
            in line)


def test_an_unchanged_store_still_reads_as_its_file(store_url: str) -> None:
    sample = load_workspace(SAMPLE)
    with Store(store_url) as store:
        store.save(sample)
        loaded = store.load()
    assert [c.id for c in loaded.campaigns] == [c.id for c in sample.campaigns]
    assert list(loaded.catalog.products) == list(sample.catalog.products)
    assert not math.isnan(loaded.campaigns[0].nodes[0].x)


# -- defect 5: a missing workspace row; a first save that fails ----------------------------
def test_a_store_without_its_workspace_row_is_damaged_not_empty(store_url: str, tmp_path: Path,
                                                                capsys) -> None:
    url = spoiled(store_url, "delete from workspace")
    with Store(url) as store, pytest.raises(StoreError) as info:
        store.load()
    assert "the store is damaged: its workspace row is missing, yet it holds 2 campaigns" \
        in str(info.value)
    out = tmp_path / "out.campaign.json"
    assert "damaged" in refused(capsys, "export", "--db", url, "-o", str(out))
    assert not out.exists()
    with pytest.raises(DocumentError, match="damaged"):  # the app cannot open it, nor Save
        Document(url).load_stamped()


def test_a_first_save_that_fails_leaves_the_database_empty(store_url: str) -> None:
    workspace = load_workspace(SAMPLE)
    sequence = next(n for c in workspace.campaigns for n in c.nodes if n.kind == "sequence")
    sequence.config.steps[0].extra["bad"] = object()  # JSON refuses it
    store = Store(store_url)
    try:
        with pytest.raises(StoreError):
            store.save(workspace)
        assert store.is_empty()
        engine = create_engine(store_url)
        try:
            with engine.connect() as connection:
                assert inspect(connection).get_table_names() == []
        finally:
            engine.dispose()
        # The same store saves a good workspace afterwards (its tables made again).
        assert store.save(load_workspace(SAMPLE)) == 1
        assert len(store.load().campaigns) == 2
    finally:
        store.close()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="CANVAS_APP_TEST_PG_URL is not set")
def test_postgres_import_with_a_nul_writes_nothing_and_names_the_place(
        tmp_path_factory: pytest.TempPathFactory, capsys) -> None:
    reset_postgres(PG_URL)
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["campaigns"][0]["nodes"][1]["name"] = "nul\u0000here"
    # not under tmp_path, named for the test: a message hides the store's password
    # wherever it appears, and the test server's ("postgres") is in the test's name
    source = tmp_path_factory.mktemp("nul") / "nul.campaign.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    line = refused(capsys, "import", str(source), "--db", PG_URL)
    node = data["campaigns"][0]["nodes"][1]["id"]
    # refused as the file is read, naming the file as every other import error does
    assert line == (f"{source}: campaigns[0].nodes[1].name: (node {node}) the text holds a "
                    "NUL character (\\u0000), which a PostgreSQL store cannot hold: remove it")
    engine = create_engine(PG_URL)
    try:
        with engine.connect() as connection:
            assert inspect(connection).get_table_names() == []  # as it was found
    finally:
        engine.dispose()
    assert "no workspace in it" in refused(capsys, "validate", PG_URL)


# -- defect 6: payment types listed twice --------------------------------------------------
def test_a_payment_type_listed_twice_is_refused_with_its_place(tmp_path: Path, capsys) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["catalog"]["payment_types"].append("cash")
    index = len(data["catalog"]["payment_types"]) - 1
    path = tmp_path / "twice.campaign.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_workspace(path)
    assert str(info.value) == (f'{path}: catalog.payment_types[{index}]: payment type "cash" '
                               "is listed twice")
    assert refused(capsys, "validate", str(path)) == str(info.value)
    assert refused(capsys, "import", str(path), "--db", str(tmp_path / "x.db")) == \
        str(info.value)
    assert not (tmp_path / "x.db").exists()


def test_a_store_keeps_payment_types_listed_twice_and_validate_refuses_them(
        store_url: str, capsys) -> None:
    workspace = load_workspace(SAMPLE)
    workspace.catalog.payment_types.append("cash")  # work in progress the app may save
    with Store(store_url) as store:
        store.save(workspace)
        assert store.load().catalog.payment_types == workspace.catalog.payment_types
    assert 'payment type "cash" is listed twice' in refused(capsys, "validate", store_url)


# -- defect 4: validate never prints a URL's password --------------------------------------
@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="CANVAS_APP_TEST_PG_URL is not set")
def test_validate_hides_the_password_of_a_url(capsys) -> None:
    reset_postgres(PG_URL)
    with Store(PG_URL) as store:
        store.save(load_workspace(SAMPLE))
    from sqlalchemy.engine import make_url

    password = make_url(PG_URL).password
    assert password
    assert main(["validate", PG_URL]) == 0
    out = capsys.readouterr().out
    assert f"{safe_url(PG_URL)}: valid (2 campaigns" in out
    assert f":{password}@" not in out and "***" in out
