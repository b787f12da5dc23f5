"""Restoring or discarding the edits a crash kept leaves nothing behind in the recovery
folder but what a running copy still holds: the lock a crashed copy left beside its
snapshot goes with the snapshot, and the app lets its own lock go when it quits.

The crashes are real: copies of the app in other processes, killed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from canvas_app.app import build_main_window
from canvas_app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"

COPY = textwrap.dedent("""
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
    node = window.controller.add_node(window.current_campaign_id(), "sequence", 0, 900)
    window.controller.rename_node(window.current_campaign_id(), node, name)
    assert window.files.autosave()
    print(window.session.recovery.path, flush=True)
    sys.stdin.readline()
""")


class Copies:
    """Copies of the app started on files, each with one edit kept in its snapshot."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.running: list[subprocess.Popen] = []

    def start(self, source: Path, name: str) -> Path:
        """A copy running on ``source``; its snapshot (written, locked while it runs)."""
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        process = subprocess.Popen([sys.executable, "-c", COPY, str(source), str(self.folder),
                                    name], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   text=True, env=env, cwd=ROOT)
        self.running.append(process)
        return Path(process.stdout.readline().strip())

    def crash_all(self) -> None:
        for process in self.running:
            process.kill()
            process.wait(timeout=30)
        self.running.clear()


@pytest.fixture
def copies(tmp_path: Path) -> Iterator[Copies]:
    started = Copies(tmp_path)
    yield started
    started.crash_all()


def workspace_file(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copy(SAMPLE, target)
    return target


def open_window(qtbot, source: Path, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = build_main_window(str(source), settings=settings,
                               recovery_dir=tmp_path / "recovery", offer_recovery=False)
    qtbot.addWidget(window)
    window.files.ask_unsaved = lambda: "discard"
    return window


def in_folder(tmp_path: Path) -> list[str]:
    return sorted(path.name for path in (tmp_path / "recovery").iterdir())


def held_here(lock: Path) -> bool:
    """The lock file is this process's (QLockFile writes the holder's pid first)."""
    return lock.read_text(encoding="utf-8").splitlines()[0] == str(os.getpid())


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


def test_a_crash_leaves_the_snapshot_and_a_lock_nobody_holds(copies: Copies,
                                                            tmp_path: Path) -> None:
    kept = copies.start(workspace_file(tmp_path, "b.campaign.json"), "Edit of B")
    copies.crash_all()
    assert in_folder(tmp_path) == sorted([kept.name, f"{kept.name}.lock"])
    assert not held_here(Path(f"{kept}.lock"))


def test_discarding_another_files_edits_removes_the_lock_its_copy_left(
        qtbot, copies: Copies, tmp_path: Path) -> None:
    kept = copies.start(workspace_file(tmp_path, "b.campaign.json"), "Edit of B")
    copies.crash_all()
    window = open_window(qtbot, workspace_file(tmp_path, "a.campaign.json"), tmp_path)
    box = window.files.offer_recovery()
    assert box is not None and box.objectName() == "otherRecoveryBox"
    button(box, "Discard Them").click()
    own = window.session.recovery.path  # a.campaign.json's, never written: no edits
    assert in_folder(tmp_path) == [f"{own.name}.lock"]  # b's snapshot and b's lock gone
    assert held_here(Path(f"{own}.lock"))
    assert kept.name not in " ".join(in_folder(tmp_path))


def test_restoring_another_files_edits_then_saving_leaves_only_the_lock_held(
        qtbot, copies: Copies, tmp_path: Path) -> None:
    b = workspace_file(tmp_path, "b.campaign.json")
    kept = copies.start(b, "Edit of B")
    copies.crash_all()
    window = open_window(qtbot, workspace_file(tmp_path, "a.campaign.json"), tmp_path)
    box = window.files.offer_recovery()
    button(box, "Restore Them").click()
    assert window.session.document.source == str(b) and window.session.modified
    assert window.files.save()
    assert "Edit of B" in b.read_text(encoding="utf-8")
    assert in_folder(tmp_path) == [f"{kept.name}.lock"]  # b's, now this window's
    assert held_here(Path(f"{kept}.lock"))


def test_the_other_copys_edits_opened_as_untitled_leave_no_lock_of_that_copy(
        qtbot, copies: Copies, tmp_path: Path) -> None:
    a = workspace_file(tmp_path, "a.campaign.json")
    first = copies.start(a, "Edit of A")
    second = copies.start(a, "Edit of B")  # the first holds a's snapshot: one of its own
    assert first != second and ".copy-" in second.name
    copies.crash_all()
    window = open_window(qtbot, a, tmp_path)
    own = window.files.offer_recovery()
    assert own is not None and own.objectName() == "recoveryBox"
    button(own, "Restore Them").click()
    qtbot.waitUntil(lambda: window.files.recovery_box is not own, timeout=3000)
    other = window.files.recovery_box
    assert other is not None and other.objectName() == "otherCopyBox"
    button(other, "Open as Untitled").click()
    assert window.session.document is None and window.session.modified
    untitled = window.session.recovery.path
    assert in_folder(tmp_path) == sorted([untitled.name, f"{untitled.name}.lock"])
    assert held_here(Path(f"{untitled}.lock"))


def test_discarding_the_other_copys_edits_leaves_no_lock_of_that_copy(
        qtbot, copies: Copies, tmp_path: Path) -> None:
    a = workspace_file(tmp_path, "a.campaign.json")
    copies.start(a, "Edit of A")
    second = copies.start(a, "Edit of B")
    copies.crash_all()
    window = open_window(qtbot, a, tmp_path)
    own = window.files.offer_recovery()
    button(own, "Not Now").click()  # a's own snapshot: set aside for the next start
    qtbot.waitUntil(lambda: window.files.recovery_box is not own, timeout=3000)
    other = window.files.recovery_box
    assert other is not None and other.objectName() == "otherRecoveryBox"
    button(other, "Discard Them").click()
    assert not second.exists() and not Path(f"{second}.lock").exists()
    names = in_folder(tmp_path)
    assert not [name for name in names if ".copy-" in name]
    lock = Path(f"{window.session.recovery.path}.lock")
    assert [name for name in names if name.endswith(".lock")] == [lock.name]
    assert held_here(lock)


# The app as canvas-app starts it (argv[2:]), saying "running" once its event loop runs
# (it then answers SIGTERM: before, the signal would kill it outright). With "restore"
# (argv[1]), it first restores the edits it is offered and saves them.
APP = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from canvas_app.cli import main
    from canvas_app.ui.main_window import MainWindow
    app = QApplication(sys.argv[:1])
    action, tries = sys.argv[1], []

    def act():
        window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        box = window.files.recovery_box if window is not None else None
        if action == "restore":
            if box is None and len(tries) < 1000:  # offered once the loop runs
                tries.append(1)
                QTimer.singleShot(10, act)
                return
            next(b for b in box.buttons() if b.text() == "&Restore Them").click()
            assert window.files.save()
        print("running", flush=True)

    QTimer.singleShot(0, act)
    sys.exit(main(sys.argv[2:]))
""")


def run_app_then_quit(tmp_path: Path, action: str, source: Path) -> Path:
    """Runs the app on ``source`` in a data folder of its own and quits it by SIGTERM
    (as at a logout); its recovery folder."""
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    app = subprocess.Popen([sys.executable, "-c", APP, action, str(source)], cwd=ROOT,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    recovery = data / "campaign-canvas" / "recovery"
    try:
        assert app.stdout.readline().strip() == "running"
        [lock] = recovery.iterdir()
        assert lock.name.endswith(".recovery.json.lock")  # held while it runs
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=30)
    assert app.returncode == 0, err
    return recovery


def test_the_app_lets_its_lock_go_when_it_quits(tmp_path: Path) -> None:
    recovery = run_app_then_quit(tmp_path, "none", workspace_file(tmp_path, "a.campaign.json"))
    assert list(recovery.iterdir()) == []


def test_after_a_restore_and_save_the_app_leaves_its_recovery_folder_empty(
        tmp_path: Path) -> None:
    source = workspace_file(tmp_path, "a.campaign.json")
    crashed = Copies(tmp_path / "data" / "campaign-canvas")  # into the app's own folder
    try:
        kept = crashed.start(source, "Edit of A")
    finally:
        crashed.crash_all()
    assert sorted(p.name for p in kept.parent.iterdir()) == [kept.name, f"{kept.name}.lock"]
    recovery = run_app_then_quit(tmp_path, "restore", source)
    assert "Edit of A" in source.read_text(encoding="utf-8")
    assert list(recovery.iterdir()) == []
