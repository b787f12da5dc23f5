"""The store's revision: each save bumps it, in its own transaction, and a save that
expects the revision it read finds out when someone else saved since (SQLite and
PostgreSQL)."""

from __future__ import annotations

import threading

import pytest

from canvas_app.domain.campaign import Campaign
from canvas_app.store import Store, StoreConflict

from .test_store import assert_same


def test_each_save_bumps_the_revision(store, sample):
    assert store.revision() == 0
    assert store.save(sample) == 1
    workspace, revision = store.load_revision()
    assert revision == 1 == store.revision()
    assert_same(workspace, sample)
    assert store.save(sample, expected=1) == 2


def test_a_save_expecting_an_older_revision_changes_nothing(store_url, sample):
    with Store(store_url) as mine, Store(store_url) as theirs:
        mine.save(sample)
        _, read_at = mine.load_revision()
        changed = mine.load()
        changed.add_campaign(Campaign("theirs", "Theirs"))
        theirs.save(changed, expected=read_at)  # someone else saves first
        with pytest.raises(StoreConflict) as info:
            mine.save(sample, expected=read_at)
        assert info.value.revision == read_at + 1 and info.value.saved_at
        assert "changed by someone else" in str(info.value) and "\n" not in str(info.value)
        assert_same(mine.load(), changed)  # their save stands
        assert mine.save(sample) == read_at + 2  # no expectation: overwrites


def test_two_saves_from_the_same_revision_at_once_one_wins(store_url, sample):
    with Store(store_url) as store:
        store.save(sample)
    results: list[str] = []
    start = threading.Barrier(2)

    def save(name: str) -> None:
        with Store(store_url) as store:
            workspace = store.load()
            workspace.add_campaign(Campaign(name, name))
            start.wait()
            try:
                store.save(workspace, expected=1)
                results.append(name)
            except StoreConflict:
                results.append("conflict")

    threads = [threading.Thread(target=save, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results)[0] in ("a", "b") and sorted(results)[1] == "conflict"
    with Store(store_url) as store:
        assert store.revision() == 2
        assert {c.id for c in store.load().campaigns} >= {results[0] if results[0] != "conflict"
                                                         else results[1]}


def test_a_store_of_the_first_version_is_upgraded_at_revision_zero(store_url, sample):
    from .test_foreign_and_read_only import downgrade_to

    with Store(store_url) as store:
        store.save(sample)
    downgrade_to(store_url, "0001")  # as the first version left it: no revision column
    with Store(store_url) as store:  # upgraded on open, its workspace kept
        workspace, revision = store.load_revision()
        assert revision == 0
        assert_same(workspace, sample)
        assert store.save(sample, expected=0) == 1
