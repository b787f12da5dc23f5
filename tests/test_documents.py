"""Documents (no Qt): JSON and store sources, and crash-recovery snapshots."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from canvas_app.documents import (
    UNTITLED,
    Document,
    DocumentError,
    open_or_seed,
    sample_path,
)
from canvas_app.domain.nodes import Node
from canvas_app.io import load_workspace
from canvas_app.recovery import (
    new_untitled_recovery,
    other_recoveries,
    recovery_for,
    untitled_recoveries,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def sample_json(tmp_path: Path) -> Path:
    target = tmp_path / "pool.campaign.json"
    shutil.copy(sample_path(), target)
    return target


def test_json_document_round_trip(sample_json: Path, tmp_path: Path) -> None:
    document = Document(str(sample_json))
    assert document.kind == "json" and document.title == "pool.campaign.json"
    workspace = document.load()
    workspace.campaigns[0].rename("nurture", "Renamed")
    other = Document(str(tmp_path / "copy.campaign.json"))
    other.save(workspace)
    assert other.load() == workspace


def test_store_document_round_trip(sample_json: Path, tmp_path: Path) -> None:
    workspace = load_workspace(sample_json)
    document = Document(str(tmp_path / "work.db"))
    assert document.kind == "store"
    document.save(workspace)
    assert document.load() == workspace
    url = Document(f"sqlite:///{tmp_path / 'work.db'}")
    assert url.load() == workspace


def test_broken_sources_give_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.campaign.json"
    broken.write_text("{ not json", encoding="utf-8")
    for source in (str(broken), str(tmp_path / "missing.campaign.json"),
                   str(tmp_path / "missing.db"), "nosuchdb://nowhere/x"):
        with pytest.raises(DocumentError) as info:
            Document(source).load()
        message = str(info.value)
        assert "\n" not in message and message
    assert not (tmp_path / "missing.db").exists()


def test_empty_store_is_seeded_with_the_sample_only_when_asked(tmp_path: Path) -> None:
    document = Document(str(tmp_path / "fresh.db"))
    with pytest.raises(DocumentError, match="no such file"):
        open_or_seed(document)
    seeded = open_or_seed(document, seed=True)
    assert seeded == load_workspace(sample_path())
    assert document.load() == seeded


def test_recovery_snapshot_round_trip_and_discard(sample_json: Path, tmp_path: Path) -> None:
    document = Document(str(sample_json))
    recovery = recovery_for(document, tmp_path / "recovery")
    assert not recovery.exists()
    workspace = document.load()
    workspace.campaigns[0].add_node(Node("extra", "tag_goal", "Extra", 10, 20))
    recovery.write(workspace)
    assert recovery.exists() and recovery.saved_at()
    assert recovery.load() == workspace
    assert document.load() != workspace  # autosave never touches the source
    recovery.discard()
    assert not recovery.exists()


def test_snapshots_of_different_documents_do_not_mix(sample_json: Path, tmp_path: Path) -> None:
    a = recovery_for(Document(str(sample_json)), tmp_path)
    b = recovery_for(Document(str(tmp_path / "other.db")), tmp_path)
    assert a.path != b.path
    a.write(Document(str(sample_json)).load())
    assert not b.exists()


def test_each_untitled_workspace_has_a_snapshot_of_its_own(sample_json: Path,
                                                           tmp_path: Path) -> None:
    """Untitled snapshots never share a file; all of them (an older version's single one
    too) are listed newest first, and never among other documents' snapshots."""
    workspace = Document(str(sample_json)).load()
    legacy = recovery_for(Document(UNTITLED), tmp_path)  # the one older versions wrote
    legacy.write(workspace, now=datetime(2026, 1, 1, tzinfo=UTC))
    one, two = new_untitled_recovery(tmp_path), new_untitled_recovery(tmp_path)
    assert len({legacy.path, one.path, two.path}) == 3
    one.write(workspace, now=datetime(2026, 1, 3, tzinfo=UTC))
    two.write(workspace, now=datetime(2026, 1, 2, tzinfo=UTC))
    document = recovery_for(Document(str(sample_json)), tmp_path)
    document.write(workspace)
    assert [r.path for r in untitled_recoveries(tmp_path)] == [one.path, two.path,
                                                                legacy.path]
    assert [r.path for r in untitled_recoveries(tmp_path, {one.path})] == [two.path,
                                                                           legacy.path]
    assert all(r.load() == workspace for r in untitled_recoveries(tmp_path))
    assert [r.path for r in other_recoveries(tmp_path, {UNTITLED})] == [document.path]
    assert one.discard() and not one.exists() and two.exists()


def test_failed_snapshot_write_keeps_the_previous_one_and_the_store(
        sample_json: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Document(str(tmp_path / "work.db"))
    original = load_workspace(sample_json)
    store.save(original)
    recovery = recovery_for(store, tmp_path / "recovery")
    first = store.load()
    first.campaigns[0].rename("nurture", "First edit")
    recovery.write(first)
    second = store.load()
    second.campaigns[0].rename("nurture", "Second edit")

    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)  # the write dies before the rename
    with pytest.raises(OSError):
        recovery.write(second)
    monkeypatch.undo()
    assert recovery.load() == first  # the last good snapshot survives
    assert store.load() == original  # and the store was never touched
    assert not list((tmp_path / "recovery").glob("*.tmp"))


CRASHING_AUTOSAVER = textwrap.dedent("""
    import sys
    from canvas_app.documents import Document
    from canvas_app.recovery import recovery_for
    from canvas_app.domain.nodes import Node

    source, folder = sys.argv[1], sys.argv[2]
    document = Document(source)
    workspace = document.load()
    campaign = workspace.campaigns[0]
    recovery = recovery_for(document, folder)
    for i in range(3000):  # big snapshots, so the kill lands in the middle of a write
        campaign.add_node(Node(f"extra-{i}", "tag_goal", f"Extra {i}", i, i))
    n = 0
    while True:
        campaign.rename("nurture", f"edit {n}")
        recovery.write(workspace)
        n += 1
        if n == 1:
            print("first snapshot written", flush=True)
""")


def test_kill_during_autosave_leaves_store_and_last_snapshot_intact(
        sample_json: Path, tmp_path: Path) -> None:
    store = Document(str(tmp_path / "work.db"))
    original = load_workspace(sample_json)
    store.save(original)
    folder = tmp_path / "recovery"
    script = tmp_path / "autosaver.py"
    script.write_text(CRASHING_AUTOSAVER, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), store.source, str(folder)],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "first snapshot written"
    time.sleep(0.5)  # several more snapshots are under way
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert store.load() == original  # the store is intact
    recovery = recovery_for(store, folder)
    recovered = recovery.load()  # the last complete snapshot, never a torn one
    nurture = recovered.campaigns[0].node("nurture").name
    assert nurture.startswith("edit ")
    assert len(recovered.campaigns[0]) == len(original.campaigns[0]) + 3000
    json.loads(recovery.path.read_text(encoding="utf-8"))


def test_a_relative_path_is_made_absolute_and_a_url_kept(sample_json: Path, tmp_path: Path,
                                                         monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    document = Document("pool.campaign.json")
    assert document.source == str(sample_json)
    assert Document("./sub/../pool.campaign.json") == document
    assert Document("sqlite:///relative.db").source == "sqlite:///relative.db"
    recovery = recovery_for(document, tmp_path / "recovery")
    recovery.write(document.load())
    data = json.loads(recovery.path.read_text(encoding="utf-8"))
    assert data["source"] == str(sample_json)
    # Read from another folder, the snapshot still names the file.
    monkeypatch.chdir("/")
    assert Document(data["source"]).load() == document.load()


def test_an_older_snapshot_of_a_relative_path_is_still_found(sample_json: Path,
                                                             tmp_path: Path, monkeypatch) -> None:
    from canvas_app.recovery import other_recoveries

    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "recovery"
    folder.mkdir()
    old = folder / "0123456789abcdef.recovery.json"
    workspace = load_workspace(sample_json)
    from canvas_app.io import workspace_to_data

    old.write_text(json.dumps({"source": "pool.campaign.json", "saved_at": "2026-01-01",
                               "workspace": workspace_to_data(workspace)}), encoding="utf-8")
    [found] = other_recoveries(folder, set())
    assert found.path == old and found.document.source == str(sample_json)
    assert found.load() == workspace


def test_a_save_to_a_database_that_cannot_be_opened_says_it_was_not_saved() -> None:
    """QA (team store): a save whose server was down said "cannot open", as if opening."""
    from canvas_app.documents import Document, DocumentError
    from canvas_app.domain.workspace import Workspace

    document = Document("postgresql+psycopg://alice:secret@127.0.0.1:1/team")
    with pytest.raises(DocumentError) as info:
        document.save(Workspace())
    message = str(info.value)
    assert message.startswith("postgresql+psycopg://alice:***@127.0.0.1:1/team: not saved: "
                              "the database cannot be opened: ")
    assert message.endswith("; your edits are still here") and "secret" not in message
