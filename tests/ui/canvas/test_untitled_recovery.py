"""After a crash with an untitled workspace that was never saved, the next start offers it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.workspace import Workspace
from canvas_app.recovery import new_untitled_recovery
from canvas_app.ui.main_window import MainWindow

from .conftest import canonical
from .test_window import reopen_after_crash


def crash_with_untitled_edits(window: MainWindow) -> dict:
    """File > New, one edit, an autosave: what a crash at that moment leaves."""
    assert window.files.new_workspace()
    assert window.session.document is None
    window.controller.add_node(window.current_campaign_id(), "purchase_goal", 40, 60)
    assert window.files.autosave()
    assert window.session.recovery.exists()
    assert window.session.recovery.path.name.startswith("untitled-")
    window.session.release()  # the crash: its lock goes with its process
    return canonical(window.controller.workspace)


def leave_untitled_snapshot(window: MainWindow) -> None:
    """An untitled workspace's snapshot as a crash in another window would leave it."""
    workspace = Workspace()
    workspace.add_campaign(Campaign("campaign-1", "Campaign 1"))
    new_untitled_recovery(window.recovery_dir).write(workspace)


def button(box: QMessageBox, text: str):
    """The button showing ``text`` (its mnemonic's "&" aside)."""
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


def test_untitled_workspace_is_offered_and_opened(qtbot, window: MainWindow, sample_file: Path,
                                                  tmp_path: Path) -> None:
    edited = crash_with_untitled_edits(window)
    again = reopen_after_crash(qtbot, sample_file, tmp_path)
    box = again.files.recovery_box
    assert box.objectName() == "untitledRecoveryBox"
    assert "An untitled workspace, never saved, was kept at" in box.text()
    assert "pool.campaign.json" in box.text()
    button(box, "Open It").click()
    assert again.session.document is None
    assert canonical(again.controller.workspace) == edited
    assert again.isWindowModified()
    assert "Untitled" in again.windowTitle()
    # Save As keeps it under a name, and the snapshot is gone.
    target = tmp_path / "kept.campaign.json"
    assert again.files.save_as(str(target))
    assert target.exists()
    assert not list(again.recovery_dir.glob("untitled-*"))  # snapshots and their locks


def test_not_now_keeps_the_snapshot_and_discard_removes_it(qtbot, window: MainWindow,
                                                           sample_file: Path,
                                                           tmp_path: Path) -> None:
    crash_with_untitled_edits(window)
    kept = window.session.recovery
    again = reopen_after_crash(qtbot, sample_file, tmp_path)
    button(again.files.recovery_box, "Not Now").click()
    assert again.session.document is not None  # the file stays open
    assert kept.exists()
    assert again.files.offer_untitled_recovery() is None  # not again in this run
    box = reopen_after_crash(qtbot, sample_file, tmp_path).files.recovery_box  # next start
    button(box, "Discard It").click()
    assert not kept.exists()
    assert again.session.document is not None


def test_document_recovery_comes_first_then_the_untitled_one(qtbot, window: MainWindow,
                                                              sample_file: Path,
                                                              tmp_path: Path) -> None:
    leave_untitled_snapshot(window)
    # The same run also left unsaved edits to the file.
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    assert window.files.autosave()
    again = reopen_after_crash(qtbot, sample_file, tmp_path)
    first = again.files.recovery_box
    assert first.objectName() == "recoveryBox"
    button(first, "Discard Them").click()  # the file's edits
    second = again.files.recovery_box
    assert second is not first and second.objectName() == "untitledRecoveryBox"
    second.reject()


def test_untitled_offer_waits_while_the_document_has_unsaved_edits(
        qtbot, window: MainWindow, sample_file: Path, tmp_path: Path) -> None:
    leave_untitled_snapshot(window)
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    assert window.files.offer_untitled_recovery() is None
    assert "offered again at the next start" in window.statusBar().currentMessage()
    assert len(window.files.untitled_recoveries()) == 1


def test_edits_to_another_document_are_offered_at_a_start_on_a_different_one(
        qtbot, window: MainWindow, sample_file: Path, tmp_path: Path) -> None:
    """Edit mybiz, crash, start the app on another workspace: mybiz's edits are offered,
    and Open It opens mybiz with them, unsaved."""
    mybiz = tmp_path / "mybiz.campaign.json"
    mybiz.write_bytes(sample_file.read_bytes())
    assert window.files.open_source(str(mybiz))
    window.controller.rename_node(window.current_campaign_id(),
                                  next(iter(window.scene.nodes)), "Recover me")
    assert window.files.autosave()
    edited = canonical(window.controller.workspace)
    other = tmp_path / "other.campaign.json"
    other.write_bytes(sample_file.read_bytes())
    again = reopen_after_crash(qtbot, other, tmp_path)
    box = again.files.recovery_box
    assert box.objectName() == "otherRecoveryBox"
    assert "mybiz.campaign.json" in box.text() and f"(in {tmp_path})" in box.text()
    button(box, "Restore Them").click()
    assert again.session.document.source == str(mybiz)
    assert canonical(again.controller.workspace) == edited
    assert again.isWindowModified()


def test_discarding_another_documents_edits_removes_them(
        qtbot, window: MainWindow, sample_file: Path, tmp_path: Path) -> None:
    mybiz = tmp_path / "mybiz.campaign.json"
    mybiz.write_bytes(sample_file.read_bytes())
    assert window.files.open_source(str(mybiz))
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    assert window.files.autosave()
    other = tmp_path / "other.campaign.json"
    other.write_bytes(sample_file.read_bytes())
    again = reopen_after_crash(qtbot, other, tmp_path)
    button(again.files.recovery_box, "Discard Them").click()
    assert not window.session.recovery.exists()
    assert again.session.document.source == str(other) and not again.isWindowModified()
