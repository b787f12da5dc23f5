"""QA 10, files: crash recovery's questions in short plain sentences, and the other copy's
edits to the same file offered at once, not "at the next start"."""

from __future__ import annotations

from pathlib import Path

from canvas_app.ui.main_window import MainWindow

from .test_qa8_recovery_two_copies import button, edited_copy, node_names
from .test_sources_and_recovery import start_copy
from .test_untitled_recovery import leave_untitled_snapshot


def test_the_untitled_offer_reads_as_one_plain_sentence(qtbot, window: MainWindow) -> None:
    leave_untitled_snapshot(window)
    box = window.files.offer_untitled_recovery()
    assert box is not None and box.objectName() == "untitledRecoveryBox"
    text = box.text()
    assert "An untitled workspace, never saved, was kept at " in text
    assert "that were not saved" not in text and "that was never saved that" not in text
    assert f"Open it in place of {window.session.title}? " in text
    box.reject()


def test_two_copies_the_open_file_is_not_offered_to_be_opened_and_the_other_comes_now(
        qtbot, sample_file: Path, tmp_path: Path) -> None:
    first = edited_copy(qtbot, sample_file, tmp_path, "Edit of A")
    second = edited_copy(qtbot, sample_file, tmp_path, "Edit of B")
    b = second.session.recovery.path
    first.session.release()  # both crash
    second.session.release()
    again = start_copy(qtbot, str(sample_file), tmp_path, "again")
    own = again.files.recovery_box
    assert own is not None and own.objectName() == "recoveryBox"
    assert own.text().startswith("Campaign Canvas was closed with edits not saved. "
                                 "Unsaved edits to "
                                 f"{sample_file.name} were kept at ")
    assert own.text().endswith("Restore them?")
    button(own, "Restore Them").click()
    # The other copy's edits are asked about now, not left for the next start.
    qtbot.waitUntil(lambda: again.files.recovery_box is not own, timeout=3000)
    other = again.files.recovery_box
    assert other is not None and other.objectName() == "otherCopyBox"
    assert "Another copy of the app also kept unsaved edits to " in other.text()
    assert "next start" not in again.statusBar().currentMessage()
    asked: list[str] = []
    again.files.ask_unsaved = lambda: asked.append("asked") or "save"
    button(other, "Open as Untitled").click()
    assert asked == ["asked"]  # the restored edits were saved first
    again.files.ask_unsaved = lambda: "discard"
    assert again.session.document is None and again.session.modified
    names = {n.name for c in again.controller.workspace.campaigns for n in c.nodes}
    assert "Edit of B" in names and not b.exists()
    assert "Edit of A" in sample_file.read_text(encoding="utf-8")
    assert "Edit of B" in node_names(again.session.recovery.path)


def test_the_other_copys_edits_to_the_open_file_ask_only_to_restore(
        qtbot, sample_file: Path, tmp_path: Path) -> None:
    first = edited_copy(qtbot, sample_file, tmp_path, "Edit of A")
    second = edited_copy(qtbot, sample_file, tmp_path, "Edit of B")
    first.session.release()
    second.session.release()
    again = start_copy(qtbot, str(sample_file), tmp_path, "again")
    own = again.files.recovery_box
    button(own, "Not Now").click()
    qtbot.waitUntil(lambda: again.files.recovery_box is not own, timeout=3000)
    other = again.files.recovery_box
    assert other is not None and other.objectName() == "otherRecoveryBox"
    assert f"Unsaved edits to {sample_file.name} were kept at " in other.text()
    assert "by an earlier session or by another copy of the app" in other.text()
    assert other.text().endswith("Restore them?")
    assert f"Open {sample_file.name}" not in other.text()
    other.reject()


def test_a_damaged_snapshot_is_set_aside_and_said_not_removed(
        qtbot, sample_file: Path, tmp_path: Path) -> None:
    """QA 21: a snapshot cut short was deleted with a word in the status bar; the edits it
    may still hold are kept under a name never offered, and a box says where."""
    first = edited_copy(qtbot, sample_file, tmp_path, "Edit of A")
    snapshot = first.session.recovery.path
    first.session.release()  # a crash
    text = snapshot.read_text(encoding="utf-8")
    snapshot.write_text(text[:len(text) // 2], encoding="utf-8")
    again = start_copy(qtbot, str(sample_file), tmp_path, "again")
    qtbot.waitUntil(lambda: bool(again.files.last_error), timeout=3000)
    said = again.files.last_error
    assert said.startswith("Unsaved edits a crash left behind cannot be restored: ")
    [aside] = snapshot.parent.glob("*.unreadable-*.json")
    assert said.endswith(f"The file is kept as {aside}.")
    assert aside.read_text(encoding="utf-8") == text[:len(text) // 2]  # nothing lost
    assert not snapshot.exists() or snapshot.read_text(encoding="utf-8") != text[:len(text) // 2]
    assert again.files.recovery_box is None or \
        again.files.recovery_box.objectName() != "recoveryBox"
