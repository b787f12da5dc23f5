"""Sources opened by relative paths, snapshots of running copies, recovery that cannot
open its original: what the QA pass in a real window found."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from canvas_app.app import build_main_window
from canvas_app.documents import Document
from canvas_app.recovery import new_untitled_recovery
from canvas_app.ui.main_window import MainWindow

from .conftest import answer_next_box_by_default, canonical, make_window

ROOT = Path(__file__).resolve().parents[3]


def test_a_relative_path_is_kept_absolute_in_snapshot_and_recent(
        qtbot, sample_file: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    window = make_window(qtbot, sample_file.name, tmp_path)  # canvas-app pool.campaign.json
    assert window.session.document.source == str(sample_file)
    assert window.files.recent() == [str(sample_file)]
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    assert window.files.autosave()
    data = json.loads(window.session.recovery.path.read_text(encoding="utf-8"))
    assert data["source"] == str(sample_file)
    monkeypatch.chdir("/")
    assert window.files.open_source(str(sample_file))
    assert window.files.recent() == [str(sample_file)]


def test_an_older_relative_entry_in_open_recent_is_not_listed_twice(
        qtbot, sample_file: Path, tmp_path: Path, monkeypatch) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("recentFiles", [f"{tmp_path.name}/{sample_file.name}",
                                      str(tmp_path / "other.campaign.json")])
    settings.sync()
    monkeypatch.chdir("/")  # started later from another folder
    window: MainWindow = make_window(qtbot, str(sample_file), tmp_path)
    assert window.files.recent() == [str(sample_file), str(tmp_path / "other.campaign.json")]
    labels = [a.text() for a in window.menus["recent"].actions() if not a.isSeparator()]
    assert len(labels) == 4 and labels[-2:] == ["&Remove Files Not Found", "&Clear List"]
    # other.campaign.json is not there: greyed, and the files not found go at once (QA 22f)
    remove = [a for a in window.menus["recent"].actions() if a.text().startswith("&Remove")]
    remove[0].trigger()
    assert window.files.recent() == [str(sample_file)]
    labels = [a.text() for a in window.menus["recent"].actions() if not a.isSeparator()]
    assert labels[-1] == "&Clear List" and not any("Remove" in t for t in labels)


RUNNING_COPY = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from canvas_app.app import build_main_window
    app = QApplication([])
    source, folder = sys.argv[1], Path(sys.argv[2])
    settings = QSettings(str(folder / "copy.ini"), QSettings.Format.IniFormat)
    window = build_main_window(source, settings=settings, recovery_dir=folder / "recovery",
                               offer_recovery=False)
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    assert window.files.autosave()
    print("ready", flush=True)
    sys.stdin.readline()
""")


@pytest.fixture
def running_copy(sample_file: Path, tmp_path: Path):
    """Another copy of the app, running on ``sample_file`` with an unsaved edit kept in
    its snapshot; killed (a crash) at the end, or earlier by the test."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([sys.executable, "-c", RUNNING_COPY, str(sample_file),
                                str(tmp_path)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert process.stdout.readline().strip() == "ready"
    yield process
    process.kill()
    process.wait(timeout=30)


def start_copy(qtbot, source: str, tmp_path: Path, name: str) -> MainWindow:
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    window = build_main_window(source, settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(window)
    window.files.ask_unsaved = lambda: "discard"
    qtbot.wait(50)  # the offer is made once the event loop runs
    return window


def test_a_running_copys_snapshot_is_neither_offered_nor_deleted(
        qtbot, running_copy, sample_file: Path, tmp_path: Path) -> None:
    [snapshot] = (tmp_path / "recovery").glob("*.recovery.json")
    second = start_copy(qtbot, str(sample_file), tmp_path, "second")
    assert second.files.recovery_box is None  # the first copy is still running
    assert second.files.confirm_close()  # unchanged: closing removes no snapshot of its own
    assert snapshot.exists()
    other = tmp_path / "other.campaign.json"
    shutil.copy(sample_file, other)
    third = start_copy(qtbot, str(other), tmp_path, "third")
    assert third.files.recovery_box is None  # not offered as another document's either
    # The first copy crashes: its lock is stale, and the next start offers its edits.
    running_copy.kill()
    running_copy.wait(timeout=30)
    fourth = start_copy(qtbot, str(sample_file), tmp_path, "fourth")
    assert fourth.files.recovery_box is not None
    assert "was closed with edits not saved" in fourth.files.recovery_box.text()
    fourth.files.recovery_box.reject()


def test_a_removed_snapshot_is_written_again(qtbot, window: MainWindow) -> None:
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    assert window.files.autosave()
    window.session.recovery.path.unlink()  # as an older copy answering "No" did
    window.files.snapshot_check.setInterval(50)
    window.files.snapshot_check.start()
    qtbot.waitUntil(window.session.recovery.exists, timeout=3000)
    assert canonical(window.session.recovery.load()) == canonical(window.controller.workspace)


def button(box, text: str):
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


def crash_then_move(qtbot, tmp_path: Path) -> tuple[Path, dict]:
    """Edits to rec.campaign.json kept by a crash, then the file renamed."""
    original = tmp_path / "rec.campaign.json"
    shutil.copy(ROOT / "resources" / "samples" / "pool-store.campaign.json", original)
    first = make_window(qtbot, str(original), tmp_path)
    first.controller.add_node(first.current_campaign_id(), "sequence", 0, 300)
    assert first.files.autosave()
    edited = canonical(first.controller.workspace)
    first.session.release()  # the crash: its lock goes with its process
    original.rename(tmp_path / "rec.moved.json")
    return original, edited


def test_edits_of_a_moved_file_open_as_an_untitled_workspace(qtbot, sample_file: Path,
                                                             tmp_path: Path) -> None:
    original, edited = crash_then_move(qtbot, tmp_path)
    again = start_copy(qtbot, str(sample_file), tmp_path, "again")
    box = again.files.recovery_box  # one question, which already says the file is gone
    assert box.objectName() == "untitledCopyBox" and "rec.campaign.json" in box.text()
    assert f"{original}: no such file" in box.text()  # why
    assert "Save As" in box.text()
    # no advice that does not work (QA 22f: File > Open of the moved file offered nothing)
    assert "File > Open" not in box.text()
    button(box, "Open as Untitled").click()
    assert again.session.document is None and again.isWindowModified()
    assert canonical(again.controller.workspace) == edited
    assert "Save As" in again.statusBar().currentMessage()
    # Kept as the untitled workspace's snapshot; the old one is not offered again.
    assert again.session.recovery.exists()
    assert [p.name for p in (tmp_path / "recovery").glob("*.recovery.json")] == [
        again.session.recovery.path.name]
    target = tmp_path / "kept.campaign.json"
    assert again.files.save_as(str(target))
    assert canonical(Document(str(target)).load()) == edited


def test_not_now_keeps_the_edits_of_a_moved_file(qtbot, sample_file: Path,
                                                 tmp_path: Path) -> None:
    crash_then_move(qtbot, tmp_path)
    again = start_copy(qtbot, str(sample_file), tmp_path, "again")
    button(again.files.recovery_box, "Not Now").click()
    assert again.session.document.source == str(sample_file)
    assert len(list((tmp_path / "recovery").glob("*.recovery.json"))) == 1


def test_every_recovery_question_is_the_same_with_not_now_and_mnemonics(
        qtbot, sample_file: Path, tmp_path: Path) -> None:
    """The document's own edits, an untitled workspace's and another document's: the same
    three answers, each with a mnemonic, Not Now on Esc."""
    window = make_window(qtbot, str(sample_file), tmp_path)
    new_untitled_recovery(tmp_path / "recovery").write(window.controller.workspace)
    other = tmp_path / "other.campaign.json"
    shutil.copy(sample_file, other)
    assert window.files.open_source(str(other))
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    assert window.files.autosave()  # other's edits
    window.session.release()  # other's copy crashes (its snapshot stays)
    window = make_window(qtbot, str(sample_file), tmp_path)
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    assert window.files.autosave()  # the file's own edits
    window.session.release()  # the crash
    again = start_copy(qtbot, str(sample_file), tmp_path, "again")
    seen = []
    for name in ("recoveryBox", "untitledRecoveryBox", "otherRecoveryBox"):
        box = again.files.recovery_box
        assert box.objectName() == name
        assert box.windowTitle() == "Recover unsaved edits?"
        assert box.text().startswith("Campaign Canvas was closed with edits not saved. ")
        texts = sorted(b.text() for b in box.buttons())
        assert len(texts) == 3 and "&Not Now" in texts
        assert all(text.count("&") == 1 for text in texts)
        assert box.escapeButton().text() == "&Not Now"
        seen.append(texts)
        button(box, "Not Now").click()
    assert seen[0] == ["&Discard Them", "&Not Now", "&Restore Them"] == seen[2]
    assert seen[1] == ["&Discard It", "&Not Now", "&Open It"]
    # Not Now kept all three for the next start, even as this copy edits and closes.
    again.controller.add_node(again.current_campaign_id(), "sequence", 0, 500)
    assert again.files.autosave()
    again.files.ask_unsaved = lambda: "discard"
    assert again.close()
    again.session.release()
    third = start_copy(qtbot, str(sample_file), tmp_path, "third")
    assert third.files.recovery_box.objectName() == "untitledRecoveryBox"
    button(third.files.recovery_box, "Not Now").click()
    names = []
    while third.files.recovery_box.isVisible():
        box = third.files.recovery_box
        names.append(box.text())
        button(box, "Not Now").click()
    assert len(names) == 2  # the file's own edits (set aside) and other's
    assert any("pool.campaign.json" in text for text in names)


def test_the_unsaved_changes_question_has_mnemonics(window: MainWindow) -> None:
    box = window.files.unsaved_box()
    assert sorted(b.text() for b in box.buttons()) == ["&Cancel", "&Discard", "&Save"]
    assert box.defaultButton().text() == "&Save" and box.escapeButton().text() == "&Cancel"


def test_every_open_new_and_import_says_what_it_did(qtbot, window: MainWindow,
                                                    tmp_path: Path) -> None:
    bar = window.statusBar()
    broken = tmp_path / "broken.campaign.json"
    broken.write_text("{ nope", encoding="utf-8")
    assert not window.files.open_source(str(broken))
    assert "broken.campaign.json" in bar.currentMessage()
    window.files._error_box.close()
    good = tmp_path / "good.campaign.json"
    shutil.copy(ROOT / "resources" / "samples" / "pool-store.campaign.json", good)
    assert window.files.open_source(str(good))
    assert bar.currentMessage() == "Opened good.campaign.json."
    window.place_node("tag_goal")  # an error: no tag chosen
    assert window.files.save_as(str(tmp_path / "new.db"))
    assert bar.currentMessage().startswith("Saved new.db. It has 1 error")
    assert window.files.new_workspace()
    assert bar.currentMessage().startswith("New untitled workspace")
    assert "error" not in bar.currentMessage()
    window.files.ask_import = lambda _question: True
    assert window.files.import_json(str(good))
    assert bar.currentMessage().startswith("Imported good.campaign.json.")


def test_import_asks_first_naming_what_it_replaces(qtbot, window: MainWindow,
                                                   sample_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.campaign.json"
    data = json.loads(sample_file.read_text(encoding="utf-8"))
    data["campaigns"] = data["campaigns"][:1]
    other.write_text(json.dumps(data), encoding="utf-8")
    before = canonical(window.controller.workspace)
    asked: list[str] = []
    window.files.ask_import = lambda question: asked.append(question) or False
    assert not window.files.import_json(str(other))  # Cancel: nothing changes
    assert asked == ["Replace the 2 campaigns, catalog, actions and 3 contacts of "
                     "pool.campaign.json "
                     "with those of other.campaign.json?"]
    assert canonical(window.controller.workspace) == before
    assert not window.isWindowModified()
    # With unsaved edits, the unsaved-changes question is worded for importing.
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    window.files.ask_import = lambda _question: True
    unsaved: list[str] = []
    window.files.ask_unsaved = lambda: unsaved.append(window.files.unsaved_box().text()) \
        or "discard"
    assert window.files.import_json(str(other))
    assert unsaved == ["Save the changes to pool.campaign.json before importing "
                       "other.campaign.json over them?"]
    assert len(window.controller.workspace.campaigns) == 1 and window.isWindowModified()
    assert window.statusBar().currentMessage() == (
        "Imported other.campaign.json. Save writes it to pool.campaign.json, which is "
        "unchanged until then.")
    assert json.loads(sample_file.read_text(encoding="utf-8")) != data  # not written yet
    assert window.session.recovery.exists()  # kept for recovery at once
    assert window.files.unsaved_box().text().endswith("before closing it?")


def test_the_import_question_is_a_real_box_with_cancel_as_default(qtbot, window: MainWindow,
                                                                  sample_file: Path) -> None:
    seen: list[tuple[str, list[str], str]] = []
    answer_next_box_by_default(seen)
    assert not window.files.import_json(str(sample_file))
    [(text, buttons, default)] = seen
    assert text.startswith("Replace the 2 campaigns") and "Undo" in text
    assert buttons == ["&Cancel", "&Replace"] and default == "&Cancel"
