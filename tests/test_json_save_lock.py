"""Saving a .campaign.json: the check for someone else's change and the write happen under
a lock beside the file, so of two writers that read the same version the second is told
of the conflict instead of overwriting the first (no Qt)."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from pathlib import Path

import pytest

import canvas_app.documents as documents
from canvas_app.documents import Document, DocumentConflict, DocumentError, Stamp
from canvas_app.domain.campaign import Campaign
from canvas_app.domain.workspace import Workspace
from canvas_app.io.atomic import (
    lock_path_beside,
    locked_beside,
    write_bytes_atomic,
    write_text_atomic,
)


def named(name: str) -> Workspace:
    workspace = Workspace()
    workspace.add_campaign(Campaign("c1", name))
    return workspace


def campaign_name(path: Path) -> str:
    return Document(str(path)).load().campaign("c1").name


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "shared.campaign.json"
    Document(str(path)).save(named("first"))
    return path


def test_the_second_of_two_writers_is_told_of_the_conflict(shared: Path) -> None:
    one, two = Document(str(shared)), Document(str(shared))
    _, read_by_one = one.load_stamped()
    _, read_by_two = two.load_stamped()
    assert read_by_one == read_by_two
    one.save(named("by one"), expected=read_by_one)
    with pytest.raises(DocumentConflict, match="changed by someone else"):
        two.save(named("by two"), expected=read_by_two)
    assert campaign_name(shared) == "by one"
    assert sorted(p.name for p in shared.parent.iterdir()) == [shared.name]  # no lock left


def test_a_writer_waits_for_the_lock_then_sees_the_change(shared: Path) -> None:
    """Writer two starts its save while writer one is inside its own (lock held, its
    check passed, not yet renamed): two waits, then finds one's change and writes nothing.
    Without the lock, two would check before one's rename and then overwrite it."""
    stamp = Document(str(shared)).stamp()
    outcome: list[BaseException | Stamp | None] = []

    def writer_two() -> None:
        try:
            outcome.append(Document(str(shared)).save(named("by two"), expected=stamp))
        except DocumentError as exc:
            outcome.append(exc)

    with locked_beside(shared):  # writer one, mid-save
        thread = threading.Thread(target=writer_two)
        thread.start()
        time.sleep(0.3)
        assert thread.is_alive() and outcome == []  # waiting for the lock
        write_text_atomic(shared, Path(shared).read_text(encoding="utf-8").replace(
            '"first"', '"by one, longer"'))
    thread.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], DocumentConflict)
    assert campaign_name(shared) == "by one, longer"


def test_a_change_that_ignores_the_lock_is_caught_right_before_the_rename(
        shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program writes the file (without the lock) after the first check, while
    the new content is being written: the check right before the rename sees it."""
    stamp = Document(str(shared)).stamp()
    write = documents.write_text_atomic

    def other_program_meanwhile(path, text, before_replace=None) -> None:
        Path(path).write_text(Path(path).read_text(encoding="utf-8").replace(
            '"first"', '"by a program that ignores the lock"'), encoding="utf-8")
        write(path, text, before_replace=before_replace)

    monkeypatch.setattr(documents, "write_text_atomic", other_program_meanwhile)
    with pytest.raises(DocumentConflict):
        Document(str(shared)).save(named("mine"), expected=stamp)
    assert campaign_name(shared) == "by a program that ignores the lock"
    assert sorted(p.name for p in shared.parent.iterdir()) == [shared.name]  # no temporary


def test_before_replace_stops_the_write_and_leaves_the_file(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    target.write_bytes(b"old")

    def refuse() -> None:
        raise RuntimeError("changed")

    with pytest.raises(RuntimeError, match="changed"):
        write_bytes_atomic(target, b"new", before_replace=refuse)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_the_lock_waits_at_most_its_time_then_says_so(tmp_path: Path) -> None:
    target = tmp_path / "f.campaign.json"
    with locked_beside(target):
        assert lock_path_beside(target).exists()
        started = time.monotonic()
        with pytest.raises(TimeoutError, match="another copy of the app is saving it"), \
                locked_beside(target, wait_s=0.2):
            pass
        assert time.monotonic() - started < 2
    assert not lock_path_beside(target).exists()
    with locked_beside(target, wait_s=0.2):  # free again
        pass


def test_a_save_that_cannot_get_the_lock_is_one_clear_message(
        shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("canvas_app.io.atomic.LOCK_WAIT_S", 0.1)
    with locked_beside(shared), pytest.raises(
            DocumentError, match=r"cannot write: another copy of the app is saving it; try "
                                 r"again in a moment"):
        Document(str(shared)).save(named("mine"))
    assert campaign_name(shared) == "first"


# -- two real processes --------------------------------------------------------------------
ROUNDS = 8


def _racer(path: str, who: int, barrier, results) -> None:
    """Each round: read the file, wait for the other process, save at the same moment."""
    document = Document(path)
    for round_ in range(ROUNDS):
        barrier.wait(30)
        _, stamp = document.load_stamped()
        barrier.wait(30)
        # A different size each round and writer, so a stamp never repeats by chance.
        name = f"{who}-{round_}-" + "x" * (3 * round_ + who)
        try:
            document.save(named(name), expected=stamp)
            results.put((round_, who, "saved", name))
        except DocumentConflict:
            results.put((round_, who, "conflict", name))
        barrier.wait(30)


def test_two_processes_saving_at_once_never_both_write(shared: Path) -> None:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(3), context.Queue()
    racers = [context.Process(target=_racer, args=(str(shared), who, barrier, results))
              for who in (1, 2)]
    for racer in racers:
        racer.start()
    try:
        for _ in range(ROUNDS):
            barrier.wait(60)  # both read
            barrier.wait(60)  # both save
            barrier.wait(60)  # both done
            outcomes = sorted(results.get(timeout=30)[2:] for _ in range(2))
            assert [kind for kind, _ in outcomes] == ["conflict", "saved"], outcomes
            winner = next(name for kind, name in outcomes if kind == "saved")
            assert campaign_name(shared) == winner
    finally:
        for racer in racers:
            racer.join(30)
            if racer.is_alive():
                racer.kill()
    assert all(racer.exitcode == 0 for racer in racers)
    assert sorted(p.name for p in shared.parent.iterdir()) == [shared.name]
    assert os.path.getsize(shared) > 0
