"""The fast save: rows written in bulk and only where they differ, JSON columns through
orjson, yet the tables hold exactly what emptying them and writing everything would give
(SQLite and PostgreSQL)."""

from __future__ import annotations

import gc
import json
import math
import threading
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import create_engine, delete, event

import canvas_app.collector_pause as collector_pause
from canvas_app.domain.campaign import Campaign
from canvas_app.domain.nodes import Node
from canvas_app.domain.workspace import Workspace
from canvas_app.io import load_workspace, workspace_from_data, workspace_to_data
from canvas_app.store import Store, StoreError
from canvas_app.store.jsontext import dumps, loads
from canvas_app.store.mapping import COLUMNS, workspace_rows
from canvas_app.store.models import TABLES, WorkspaceRow
from canvas_app.store.writing import MANY
from tests.strategies import workspaces

from .conftest import SAMPLE
from .fingerprints import fingerprint
from .test_store import assert_same, big_workspace


# -- JSON text -------------------------------------------------------------------------------
@pytest.mark.parametrize("document", [
    {"subject": "Grüße \u2603", "n": 3, "x": 0.1, "list": [1, 2.5, None, True]},
    {"nan": math.nan, "inf": math.inf, "minus": -math.inf},
    {"huge": 2**70, "negative": -(2**64) - 1, "just": 2**63},
    {"lone": "\ud800"},
    {"1": "text key"},
], ids=["plain", "nan", "huge", "surrogate", "digits"])
def test_json_text_reads_back_as_the_json_module_does(document):
    text = dumps(document)
    expected = json.loads(json.dumps(document))
    got = loads(text)
    assert repr(got) == repr(expected)  # repr: NaN != NaN, 2**70 must stay an int
    assert repr(loads(text.encode("utf-8", "surrogatepass"))) == repr(expected) or \
        "\ud800" in text


def test_json_text_of_keys_json_converts():
    assert loads(dumps({1: "a", 2.5: "b"})) == json.loads(json.dumps({1: "a", 2.5: "b"}))


@pytest.mark.parametrize("value", [object(), datetime(2024, 1, 1), {1, 2}])
def test_json_text_refuses_what_json_refuses(value):
    with pytest.raises(TypeError):
        json.dumps({"v": value})
    with pytest.raises(TypeError):
        dumps({"v": value})


def test_json_text_reads_what_an_older_version_wrote():
    old = json.dumps({"steps": [{"kind": "delay", "duration": "PT1H"}], "x": 1e-07})
    assert loads(old) == json.loads(old)
    assert loads(memoryview(old.encode())) == json.loads(old)


# -- rows ------------------------------------------------------------------------------------
def test_the_row_tuples_name_every_column_of_every_table(sample):
    assert {model.__table__ for model in COLUMNS} == set(TABLES)
    for model, columns in COLUMNS.items():
        assert sorted(columns) == sorted(c.name for c in model.__table__.columns), model
    rows = workspace_rows(sample)
    assert set(rows) == set(COLUMNS) - {WorkspaceRow}
    for model, table_rows in rows.items():
        assert table_rows, f"the sample has no {model.__tablename__}"
        assert all(len(row) == len(COLUMNS[model]) for row in table_rows)


# -- only what differs is written, and the result is the same ----------------------------------
def _rows_without_revision(url: str) -> dict[str, tuple[str, ...]]:
    """Every table's rows; the workspace row without its revision and time."""
    rows = dict(fingerprint(url).rows)
    rows.pop("alembic_version", None)
    workspace = rows.pop("workspace")
    assert len(workspace) == 1
    return rows


def _same_as_written_afresh(store: Store, workspace: Workspace) -> None:
    """The tables hold what emptying the store and saving ``workspace`` gives."""
    incremental = _rows_without_revision(store.url)
    engine = create_engine(store.url)
    try:
        with engine.begin() as connection:
            for table in reversed(TABLES):
                connection.execute(delete(table))
    finally:
        engine.dispose()
    assert store.is_empty()
    store.save(workspace)
    assert _rows_without_revision(store.url) == incremental
    assert_same(store.load(), workspace)


def _edited(workspace: Workspace) -> Workspace:
    """Nodes removed (with their links), moved, renamed, reordered; a contact and its tags
    removed, tags changed; an action set removed; a campaign added and one renamed."""
    campaign = max(workspace.campaigns, key=len)
    linked = next(n for n in campaign.nodes if campaign.graph.degree(n.id))
    campaign.remove_node(linked.id)
    first, *others = list(campaign.nodes)
    campaign.move(first.id, first.x + 15.5, first.y - 2)
    if others:
        node = next(n for n in campaign.nodes if n.id != first.id)
        campaign.rename(node.id, node.name + " (edited)")
    campaign.name += " again"
    workspace.contacts.pop(0)
    workspace.contacts[0].tags = ["new tag", *workspace.contacts[0].tags[1:]]
    workspace.ecommerce.action_sets.pop(next(iter(workspace.ecommerce.action_sets)))
    workspace.catalog.payment_types = workspace.catalog.payment_types[1:]
    added = workspace.add_campaign(Campaign("added", "Added"))
    added.add_node(Node("a1", "tag_goal", "A1", 0.0, 0.0))
    workspace.ecommerce.product_actions_for_legacy_and_manual = (
        not workspace.ecommerce.product_actions_for_legacy_and_manual)
    return workspace


def test_an_edited_workspace_is_stored_as_a_fresh_save_would(store, sample):
    store.save(sample)
    edited = _edited(load_workspace(SAMPLE))
    store.save(edited)
    assert_same(store.load(), edited)
    _same_as_written_afresh(store, edited)


def test_many_rows_removed_and_changed_are_stored_as_a_fresh_save_would(store):
    """Past MANY rows, PostgreSQL updates and deletes through a temporary table."""
    workspace = big_workspace(2, 3 * MANY)
    store.save(workspace)
    edited = workspace_from_data(workspace_to_data(workspace))
    campaign = edited.campaigns[-1]
    removed = [node.id for node in campaign.nodes[1:MANY + 2]]  # later positions shift
    campaign.remove_many(removed)
    for node in campaign.nodes[::2]:
        campaign.move(node.id, node.x, node.y + 1.0)
    assert len(campaign.nodes) >= MANY
    store.save(edited)
    assert_same(store.load(), edited)
    _same_as_written_afresh(store, edited)


def test_saving_an_unchanged_workspace_writes_only_its_revision(store, sample):
    store.save(sample)
    written: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if not statement.lstrip().upper().startswith(("SELECT", "LOCK", "BEGIN", "SET LOCAL")):
            written.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        assert store.save(sample) == 2
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert len(written) == 1 and written[0].startswith("UPDATE workspace SET"), written
    workspace, revision = store.load_revision()
    assert revision == 2
    assert_same(workspace, sample)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(first=workspaces(), second=workspaces())
def test_any_workspace_over_any_other_is_stored_as_a_fresh_save_would(store, first, second):
    store.save(first)
    store.save(second)
    assert_same(store.load(), second)
    _same_as_written_afresh(store, second)


# -- the collector paused while rows are made ------------------------------------------------
def test_no_collection_runs_while_a_store_loads_and_the_collector_is_back_after(store):
    workspace = big_workspace(2, 300)
    store.save(workspace)
    collections: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        workspace_from_data(workspace_to_data(workspace))  # the same objects, unpaused
        made_unpaused = len(collections)
        gc.collect()  # the allocation count starts from zero
        collections.clear()
        loaded = store.load()
    finally:
        gc.callbacks.remove(count)
    assert made_unpaused > 5  # the callback sees collections when they run
    # None while loading; at most the one that runs as soon as the collector is back.
    assert len(collections) <= 1
    assert gc.isenabled()
    assert_same(loaded, workspace)


def test_the_collector_comes_back_when_the_last_thread_leaves():
    entered, leave = threading.Barrier(3), threading.Event()

    def hold() -> None:
        with collector_pause.collector_paused():
            entered.wait()
            leave.wait()

    threads = [threading.Thread(target=hold) for _ in range(2)]
    for thread in threads:
        thread.start()
    entered.wait()
    assert not gc.isenabled()
    with collector_pause.collector_paused():
        pass
    assert not gc.isenabled()  # the others are still inside
    leave.set()
    for thread in threads:
        thread.join()
    assert gc.isenabled()


def test_the_collector_stays_off_when_it_was_off():
    gc.disable()
    try:
        with collector_pause.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_postgres_refuses_nul_characters_in_a_first_save_written_by_copy(store_url, sample):
    """A first save inserts every row (COPY on PostgreSQL): the driver's refusal is one
    StoreError and the store stays empty."""
    if not store_url.startswith("postgresql"):
        pytest.skip("SQLite stores NUL characters")
    sample.campaigns[-1].nodes[-1].name = "nul\x00here"
    with Store(store_url) as store:
        with pytest.raises(StoreError) as info:
            store.save(sample)
        assert str(info.value).startswith("Cannot save to postgresql+psycopg://")
        assert "\n" not in str(info.value) and "NUL" in str(info.value)
        assert store.is_empty()
