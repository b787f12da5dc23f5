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
    assert own.text().startswith("Campaign Canvas did not close normally. Unsaved edits to "
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
    assert f"Another copy of the app kept unsaved edits to {sample_file.name} at " in \
        other.text()
    assert other.text().endswith("Restore them?")
    assert f"Open {sample_file.name}" not in other.text()
    other.reject()
