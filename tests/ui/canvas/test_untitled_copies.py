"""Each untitled workspace keeps a recovery snapshot of its own, locked while its copy of
the app runs: two copies never write each other's, and the next start offers every one
left by a copy that is no longer running, one question each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from canvas_app.documents import UNTITLED
from canvas_app.domain.campaign import Campaign
from canvas_app.domain.workspace import Workspace
from canvas_app.recovery import untitled_recoveries
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.session import held_by_another_copy, lock_path, make_session

from .conftest import make_window
from .test_sources_and_recovery import ROOT, start_copy


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


def named(name: str) -> Workspace:
    workspace = Workspace()
    workspace.add_campaign(Campaign("campaign-1", name))
    return workspace


def kept_name(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["source"] == UNTITLED
    return data["workspace"]["campaigns"][0]["name"]


def test_two_untitled_sessions_keep_two_snapshots(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    one = make_session(named("one"), None, folder)
    two = make_session(named("two"), None, folder)
    try:
        assert one.recovery.path != two.recovery.path
        for session in (one, two):
            assert session.recovery.path.name.startswith("untitled-")
            assert session.lock is not None and Path(lock_path(session.recovery)).exists()
            session.recovery.write(session.workspace)
        assert kept_name(one.recovery.path) == "one" and kept_name(two.recovery.path) == "two"
        assert {r.path for r in untitled_recoveries(folder)} == {one.recovery.path,
                                                                 two.recovery.path}
        assert untitled_recoveries(folder, {one.recovery.path})[0].path == two.recovery.path
    finally:
        one.release()
        two.release()
    assert not list(folder.glob("*.lock"))


def untitled_edits(qtbot, sample_file: Path, tmp_path: Path, name: str) -> Path:
    """A window: File > New, the campaign renamed ``name``, autosaved, then a crash."""
    window = make_window(qtbot, str(sample_file), tmp_path)
    assert window.files.new_workspace()
    assert window.controller.rename_campaign(window.current_campaign_id(), name)
    assert window.files.autosave()
    window.session.release()  # the crash: its lock goes with its process
    return window.session.recovery.path


def test_two_windows_crashed_untitled_both_offered_one_after_the_other(
        qtbot, sample_file: Path, tmp_path: Path) -> None:
    older = untitled_edits(qtbot, sample_file, tmp_path, "Older")
    newer = untitled_edits(qtbot, sample_file, tmp_path, "Newer")
    assert older != newer and kept_name(older) == "Older" and kept_name(newer) == "Newer"
    again = start_copy(qtbot, str(sample_file), tmp_path, "again")
    first = again.files.recovery_box
    assert first.objectName() == "untitledRecoveryBox"
    assert "1 other untitled workspace is also kept; offered next." \
        in first.text()
    button(first, "Discard It").click()  # the newest first: Newer
    assert not newer.exists() and older.exists()
    second = again.files.recovery_box
    assert second is not first and second.objectName() == "untitledRecoveryBox"
    assert "other untitled" not in second.text()
    button(second, "Open It").click()
    assert again.session.document is None and again.isWindowModified()
    assert again.controller.campaign(again.current_campaign_id()).name == "Older"
    # Kept under this window's own name before the old one went.
    assert not older.exists() and kept_name(again.session.recovery.path) == "Older"


def test_opening_one_of_several_keeps_the_others_for_later(
        qtbot, sample_file: Path, tmp_path: Path) -> None:
    older = untitled_edits(qtbot, sample_file, tmp_path, "Older")
    untitled_edits(qtbot, sample_file, tmp_path, "Newer")
    again = start_copy(qtbot, str(sample_file), tmp_path, "again")
    button(again.files.recovery_box, "Open It").click()
    assert again.controller.campaign(again.current_campaign_id()).name == "Newer"
    assert "1 other untitled workspace also kept is offered when you next open a " \
        "workspace" in again.statusBar().currentMessage()
    assert older.exists()
    # Kept in a file; opening a workspace then offers the other one.
    assert again.files.save_as(str(tmp_path / "newer.campaign.json"))
    assert again.files.open_source(str(sample_file))
    box = again.files.recovery_box
    assert box.objectName() == "untitledRecoveryBox" and box.isVisible()
    button(box, "Open It").click()
    assert again.controller.campaign(again.current_campaign_id()).name == "Older"
    assert [p for p in (tmp_path / "recovery").glob("*.recovery.json")] == [
        again.session.recovery.path]


def test_a_window_never_offers_its_own_untitled_snapshot(
        qtbot, window: MainWindow) -> None:
    assert window.files.new_workspace()
    window.controller.rename_campaign(window.current_campaign_id(), "Mine")
    assert window.files.autosave()
    assert window.files.untitled_recoveries() == []


# -- real copies of the app ----------------------------------------------------------------
UNTITLED_COPY = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from canvas_app.app import build_main_window
    app = QApplication([])
    source, folder, name = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    settings = QSettings(str(folder / f"{name}.ini"), QSettings.Format.IniFormat)
    window = build_main_window(source, settings=settings, recovery_dir=folder / "recovery",
                               offer_recovery=False)
    assert window.files.new_workspace()
    assert window.controller.rename_campaign(window.current_campaign_id(), name)
    assert window.files.autosave()
    print(window.session.recovery.path, flush=True)
    for line in sys.stdin:  # each line: one more edit, kept at once
        assert window.controller.rename_campaign(window.current_campaign_id(), line.strip())
        assert window.files.autosave()
        print("kept", flush=True)
""")


@pytest.fixture
def copies(sample_file: Path, tmp_path: Path):
    """Two copies of the app, each with an untitled workspace whose edits are kept;
    killed (a crash) at the end, or earlier by the test."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = []
    for name in ("Alpha", "Beta"):
        process = subprocess.Popen(
            [sys.executable, "-c", UNTITLED_COPY, str(sample_file), str(tmp_path), name],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        started.append(process)
    processes = {}
    for name, process in zip(("Alpha", "Beta"), started, strict=True):
        processes[name] = (process, Path(process.stdout.readline().strip()))
    yield processes
    for process, _ in processes.values():
        process.kill()
        process.wait(timeout=30)


def edit(process: subprocess.Popen, name: str) -> None:
    process.stdin.write(f"{name}\n")
    process.stdin.flush()
    assert process.stdout.readline().strip() == "kept"


def test_two_running_copies_keep_their_own_untitled_snapshots(
        qtbot, copies, sample_file: Path, tmp_path: Path) -> None:
    (alpha, alpha_file), (beta, beta_file) = copies["Alpha"], copies["Beta"]
    assert alpha_file != beta_file
    for round_ in range(3):  # both keep editing: neither overwrites the other
        edit(alpha, f"Alpha {round_}")
        edit(beta, f"Beta {round_}")
    assert kept_name(alpha_file) == "Alpha 2" and kept_name(beta_file) == "Beta 2"
    # A third copy starts while both run: neither snapshot is offered nor removed.
    third = start_copy(qtbot, str(sample_file), tmp_path, "third")
    assert third.files.recovery_box is None
    assert all(held_by_another_copy(r) for r in untitled_recoveries(tmp_path / "recovery"))
    assert third.files.confirm_close()
    assert alpha_file.exists() and beta_file.exists()
    # Alpha crashes: the next start offers its edits, and only those.
    alpha.kill()
    alpha.wait(timeout=30)
    fourth = start_copy(qtbot, str(sample_file), tmp_path, "fourth")
    box = fourth.files.recovery_box
    assert box is not None and box.objectName() == "untitledRecoveryBox"
    assert "other untitled" not in box.text()
    button(box, "Open It").click()
    assert fourth.controller.campaign(fourth.current_campaign_id()).name == "Alpha 2"
    assert not alpha_file.exists() and not Path(f"{alpha_file}.lock").exists()
    assert kept_name(beta_file) == "Beta 2"  # Beta's, still running, untouched
    edit(beta, "Beta 3")
    # Beta crashes too: the next start offers Beta's; Alpha's lives on in fourth's window.
    beta.kill()
    beta.wait(timeout=30)
    fifth = start_copy(qtbot, str(sample_file), tmp_path, "fifth")
    box = fifth.files.recovery_box
    assert box is not None and box.objectName() == "untitledRecoveryBox"
    button(box, "Open It").click()
    assert fifth.controller.campaign(fifth.current_campaign_id()).name == "Beta 3"
    assert not beta_file.exists()
