"""Store: save / load a whole workspace, replace, one transaction, errors (SQLite and PG)."""

from __future__ import annotations

import copy
import importlib.util
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

import canvas_app.store.repository as repository
from canvas_app.domain.nodes import Node
from canvas_app.domain.sequence import SequenceConfig
from canvas_app.domain.steps import Step
from canvas_app.domain.workspace import Workspace
from canvas_app.io import load_workspace, workspace_from_data, workspace_to_data
from canvas_app.store import Store, StoreError, default_db_url, resolve_url

from .conftest import SAMPLE


def assert_same(loaded: Workspace, expected: Workspace) -> None:
    assert loaded == expected
    # == ignores the order of dicts and node lists; the file form shows every order.
    assert workspace_to_data(loaded) == workspace_to_data(expected)


def one_line(error: BaseException) -> str:
    message = str(error)
    assert "\n" not in message and message.strip() == message
    return message


# -- save and load -------------------------------------------------------------------------
def test_a_new_store_is_empty_and_loads_an_empty_workspace(store):
    assert store.is_empty()
    assert_same(store.load(), Workspace())


def test_the_sample_round_trips(store_url, sample):
    with Store(store_url) as store:
        store.save(sample)
        assert not store.is_empty()
        assert_same(store.load(), sample)
    with Store(store_url) as reopened:  # kept, and read back through a new connection
        assert not reopened.is_empty()
        assert_same(reopened.load(), sample)


def test_the_loaded_workspace_is_a_live_domain_model(store, sample):
    store.save(sample)
    loaded = store.load()
    campaign = loaded.campaigns[0]
    events = []
    loaded.events.subscribe(events.append)
    node = campaign.nodes[0]
    campaign.move(node.id, 1.0, 2.0)
    assert [e.name for e in events] == ["node_moved"]
    assert loaded.validate() == []


def test_an_empty_workspace_is_stored_as_such(store):
    workspace = Workspace()
    workspace.catalog.payment_types = []  # differs from the default of a new Workspace()
    store.save(workspace)
    assert not store.is_empty()
    loaded = store.load()
    assert loaded.catalog.payment_types == []
    assert_same(loaded, workspace)


def test_saving_again_replaces_the_workspace(store, sample):
    store.save(sample)
    data = workspace_to_data(sample)
    data["campaigns"] = data["campaigns"][:1]
    data["catalog"]["products"][0]["name"] = "Renamed"
    data["catalog"]["categories"].reverse()
    data["contacts"] = data["contacts"][1:]
    data["ecommerce"]["action_sets"].pop("on_login")
    data["ecommerce"]["action_sets"]["successful_purchase"] = []
    second = workspace_from_data(data)
    store.save(second)
    assert_same(store.load(), second)
    store.save(second)  # the same workspace again
    assert_same(store.load(), second)
    store.save(sample)  # and back
    assert_same(store.load(), sample)


def test_every_order_is_kept(store, sample):
    data = copy.deepcopy(workspace_to_data(sample))
    for key in ("categories", "products", "order_forms", "payment_types"):
        data["catalog"][key].reverse()
    eco = data["ecommerce"]
    for key in ("action_sets", "product_action_sets"):
        eco[key] = {name: actions[::-1] for name, actions in reversed(eco[key].items())}
    data["contacts"].reverse()
    for contact in data["contacts"]:
        contact["tags"].reverse()
    data["campaigns"].reverse()
    for campaign in data["campaigns"]:
        campaign["nodes"].reverse()
        campaign["edges"].reverse()
    reordered = workspace_from_data(data)
    store.save(reordered)
    assert workspace_to_data(store.load()) == workspace_to_data(reordered)
    assert workspace_to_data(reordered) != workspace_to_data(sample)


def test_workspaces_the_checks_refuse_can_still_be_saved(store, sample):
    """The editor may hold a workspace that is not valid yet; the store keeps it as it is."""
    sample.contacts.append(copy.deepcopy(sample.contacts[0]))  # a contact id used twice
    sample.catalog.payment_types += ["cash"]  # a payment type listed twice
    product = next(iter(sample.catalog.products.values()))
    product.category = "no-such-category"
    assert sample.validate() != []
    store.save(sample)
    assert_same(store.load(), sample)


# -- one transaction -----------------------------------------------------------------------
def _unstorable_action(workspace: Workspace) -> None:
    workspace.ecommerce.action_sets["on_login"][0].extra["bad"] = object()


def _unstorable_node(workspace: Workspace) -> None:
    sequence = next(n for c in workspace.campaigns for n in c.nodes if n.kind == "sequence")
    sequence.config.steps[0].extra["bad"] = object()


@pytest.mark.parametrize("spoil", [_unstorable_action, _unstorable_node],
                         ids=["action", "node"])
def test_a_failed_save_leaves_the_previous_workspace(store, sample, spoil):
    # The bad value fails when its table is written: after every table was emptied and the
    # tables before it were written again. Nothing of that may remain.
    store.save(sample)
    broken = load_workspace(SAMPLE)
    broken.contacts = broken.contacts[:1]
    broken.catalog.categories.clear()
    spoil(broken)
    with pytest.raises(StoreError) as info:
        store.save(broken)
    assert one_line(info.value).startswith("Cannot save to ")
    assert_same(store.load(), sample)


def test_a_failed_first_save_leaves_the_store_empty(store, sample):
    _unstorable_node(sample)
    with pytest.raises(StoreError):
        store.save(sample)
    assert store.is_empty()


def test_postgres_refuses_nul_characters_in_one_transaction(store_url, sample):
    if not store_url.startswith("postgresql"):
        pytest.skip("SQLite stores NUL characters")
    with Store(store_url) as store:
        store.save(sample)
        broken = load_workspace(SAMPLE)
        broken.campaigns[-1].nodes[-1].name = "nul\x00here"
        with pytest.raises(StoreError) as info:
            store.save(broken)
        assert one_line(info.value).startswith("Cannot save to postgresql+psycopg://")
        assert_same(store.load(), sample)


# -- errors --------------------------------------------------------------------------------
def test_a_bad_url_gives_a_one_line_store_error():
    with pytest.raises(StoreError) as info:
        Store("nosuchdb://somewhere/x")
    assert one_line(info.value).startswith("nosuchdb://somewhere/x: cannot open: ")
    with pytest.raises(StoreError) as info:
        Store("postgresql+psycopg://u@h:notaport/db")
    assert one_line(info.value).startswith("postgresql+psycopg://u@h:notaport/db: cannot open:")


def test_an_unreachable_server_is_named_without_its_password():
    url = "postgresql+psycopg://someone:s3cret-pw@127.0.0.1:1/nowhere"
    with pytest.raises(StoreError) as info:
        Store(url)
    message = one_line(info.value)
    assert message.startswith("postgresql+psycopg://someone:***@127.0.0.1:1/nowhere: cannot open: ")
    assert "s3cret-pw" not in message


@pytest.mark.skipif(importlib.util.find_spec("pg8000") is not None,
                    reason="needs a driver that is not installed")
def test_a_missing_driver_is_named():
    with pytest.raises(StoreError) as info:
        Store("postgresql+pg8000://someone:pw-1234@localhost/db")
    message = one_line(info.value)
    assert message.startswith("postgresql+pg8000://someone:***@localhost/db: cannot open: ")
    assert "pg8000" in message.split(": ", 1)[1]


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database.\n" * 200, encoding="utf-8")
    url = resolve_url(str(path))
    with pytest.raises(StoreError) as info:
        Store(url)
    assert one_line(info.value) == f"{url}: cannot open: file is not a database"


def test_a_folder_that_does_not_exist(tmp_path):
    url = resolve_url(str(tmp_path / "missing" / "store.db"))
    with pytest.raises(StoreError) as info:
        Store(url)
    assert one_line(info.value).startswith(f"{url}: cannot open: ")


def test_a_closed_store_says_so(store_url):
    store = Store(store_url)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.load()


def test_invalid_stored_data_is_a_store_error(store, sample):
    store.save(sample)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE nodes SET kind = 'teleport' WHERE position = 0"))
    with pytest.raises(StoreError) as info:
        store.load()
    message = one_line(info.value)
    assert message == (f'{store.label}: campaign "Pool Shock Nurture", node "Nurture", kind: '
                       'unknown node kind "teleport" (known: purchase_goal, tag_goal, '
                       'sequence)')


# -- URLs ------------------------------------------------------------------------------------
def test_resolve_url(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_url("work.db") == f"sqlite:///{tmp_path / 'work.db'}"
    assert resolve_url("sub/../work.db") == f"sqlite:///{tmp_path / 'work.db'}"
    assert resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_url("~/b.db") == f"sqlite:///{tmp_path / 'b.db'}"
    for url in ("sqlite:///relative.db", "postgresql+psycopg://u:p@h/db", "sqlite://"):
        assert resolve_url(url) == url


def test_default_db_url(tmp_path, monkeypatch):
    folder = tmp_path / "data" / "campaign-canvas"
    monkeypatch.setattr(repository.platformdirs, "user_data_dir",
                        lambda name, *a, **k: str(tmp_path / "data" / name))
    url = default_db_url()
    assert url == f"sqlite:///{folder / 'workspace.db'}"
    assert folder.is_dir()
    with Store(url) as store:
        assert store.is_empty()


def test_an_in_memory_store_works(sample):
    with Store("sqlite://") as store:
        store.save(sample)
        assert_same(store.load(), sample)


# -- size ------------------------------------------------------------------------------------
def big_workspace(campaigns: int = 10, nodes: int = 1000) -> Workspace:
    workspace = load_workspace(SAMPLE)
    kinds = ("sequence", "tag_goal", "purchase_goal")
    for c in range(campaigns):
        campaign = workspace.new_campaign(f"big-{c}", f"Big {c}")
        previous = None
        for i in range(nodes):
            node = Node(f"big-{c}-{i}", kinds[i % 3], f"Node {i}", i * 10.0, c * 50.0)
            if node.kind == "sequence":
                node.config = SequenceConfig([Step("email", subject=f"Mail {i}"),
                                              Step("delay", duration=timedelta(hours=i))])
            elif node.kind == "tag_goal":
                node.config.tags = [f"tag {i}"]
            campaign.add_node(node)
            if previous is not None:
                campaign.link(previous, node.id)
            previous = node.id
    return workspace


def test_ten_thousand_nodes_round_trip(store):
    """Correctness at scale; bench/store_scale.py measures how long it takes."""
    workspace = big_workspace()
    store.save(workspace)
    assert_same(store.load(), workspace)


def test_the_sqlite_file_is_a_plain_database(tmp_path, sample):
    """Other tools can read the file: tables named as documented, one row per node."""
    path = Path(tmp_path / "plain.db")
    with Store(resolve_url(str(path))) as store:
        store.save(sample)
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM nodes")).scalar_one()
            names = conn.execute(text("SELECT name FROM campaigns ORDER BY position")).all()
    finally:
        engine.dispose()
    assert count == sum(len(c) for c in sample.campaigns)
    assert [n for (n,) in names] == [c.name for c in sample.campaigns]


def test_two_saves_at_once_both_succeed_and_one_wins(store_url, sample):
    """Two stores (two app windows) saving together: neither fails, nothing is mixed."""
    second = load_workspace(SAMPLE)
    second.campaigns[0].name = "Renamed by the second window"
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def save(workspace: Workspace) -> None:
        try:
            with Store(store_url) as store:
                barrier.wait(timeout=10)
                for _ in range(3):
                    store.save(workspace)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(w,)) for w in (sample, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with Store(store_url) as store:
        loaded = workspace_to_data(store.load())
    assert loaded in (workspace_to_data(sample), workspace_to_data(second))
