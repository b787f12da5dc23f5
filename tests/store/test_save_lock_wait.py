"""A save that cannot get the workspace table (another save hanging, or a program holding
a lock on it) ends after a while with one clear line, rather than freezing the window for
ever (QA, team store); nothing is saved, and the next save once the lock is gone works."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from canvas_app.io import load_workspace
from canvas_app.store import Store, StoreError, repository

from .conftest import PG_URL, SAMPLE, reset_postgres

pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(not PG_URL, reason="CANVAS_APP_TEST_PG_URL is not set")]


def test_a_save_waits_a_while_for_a_held_lock_then_says_so(monkeypatch) -> None:
    reset_postgres(PG_URL)
    workspace = load_workspace(SAMPLE)
    with Store(PG_URL) as store:
        revision = store.save(workspace)
    monkeypatch.setattr(repository, "SAVE_LOCK_WAIT", 1)
    holder = create_engine(PG_URL)
    try:
        with holder.connect() as connection:
            transaction = connection.begin()
            connection.execute(text("LOCK TABLE workspace IN EXCLUSIVE MODE"))
            with Store(PG_URL) as store, pytest.raises(StoreError) as info:
                store.save(workspace, revision)
            transaction.rollback()
    finally:
        holder.dispose()
    assert str(info.value) == (
        f"Cannot save to {repository.safe_url(PG_URL)}: another save to it has not ended "
        "after 1 s (someone else saving, or a program holding the workspace table); "
        "nothing was saved: try again in a moment")
    with Store(PG_URL) as store:
        assert store.revision() == revision  # nothing was saved
        assert store.save(workspace, revision) == revision + 1  # the lock gone, it saves
