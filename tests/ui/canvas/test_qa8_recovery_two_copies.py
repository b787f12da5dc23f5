"""Two copies of the app on one document (QA defect 1): each copy's autosave keeps its own
unsaved edits, neither overwrites the other's snapshot, and after both crash the next start
offers both sets of edits, one question after the other."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from canvas_app.recovery import Recovery, other_recoveries
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.session import hold_lock, lock_path, make_session

from .conftest import make_window
from .test_sources_and_recovery import start_copy


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


def node_names(path: Path) -> set[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {node["name"] for campaign in data["workspace"]["campaigns"]
            for node in campaign["nodes"]}


def edited_copy(qtbot, sample_file: Path, tmp_path: Path, name: str) -> MainWindow:
    """A window on ``sample_file`` with one new node named ``name``, autosaved."""
    window = make_window(qtbot, str(sample_file), tmp_path)
    node = window.controller.add_node(window.current_campaign_id(), "sequence", 0, 900)
    window.controller.rename_node(window.current_campaign_id(), node, name)
    assert window.files.autosave()
    return window


def test_two_copies_on_one_file_keep_two_snapshots(qtbot, sample_file: Path,
                                                   tmp_path: Path) -> None:
    first = edited_copy(qtbot, sample_file, tmp_path, "Edit of A")
    second = edited_copy(qtbot, sample_file, tmp_path, "Edit of B")
    a, b = first.session.recovery.path, second.session.recovery.path
    assert a != b and a.exists() and b.exists()
    assert "Edit of A" in node_names(a) and "Edit of B" not in node_names(a)
    assert "Edit of B" in node_names(b) and "Edit of A" not in node_names(b)
    # The second copy's snapshot is the document's too, kept under a name of its own,
    # locked by that copy.
    assert second.session.lock is not None and Path(lock_path(second.session.recovery)).exists()
    assert second.session.recovery.load() is not None
    # Later autosaves still write each copy's own file.
    second.controller.rename_campaign(second.current_campaign_id(), "Renamed by B")
    assert second.files.autosave()
    assert "Edit of A" in node_names(a) and "Edit of B" in node_names(b)

    # Both crash: their locks go with their processes.
    first.session.release()
    second.session.release()
    again = start_copy(qtbot, str(sample_file), tmp_path, "again")
    box = again.files.recovery_box
    assert box is not None and box.objectName() == "recoveryBox"
    button(box, "Not Now").click()  # A's edits kept for later
    qtbot.waitUntil(lambda: again.files.recovery_box is not box, timeout=3000)
    other = again.files.recovery_box
    assert other is not None and other.objectName() == "otherRecoveryBox"
    assert "by an earlier session or by another copy of the app" in other.text()
    button(other, "Restore Them").click()
    names = {node.name for campaign in again.controller.workspace.campaigns
             for node in campaign.nodes}
    assert "Edit of B" in names and "Edit of A" not in names
    assert again.session.modified
    assert not b.exists()  # kept now under the restored session's own snapshot
    # A's edits were set aside by Not Now and are still there for the next start.
    kept = [r.path for r in other_recoveries(tmp_path / "recovery", set())]
    assert any("Edit of A" in node_names(path) for path in kept)


def test_a_snapshot_held_by_another_copy_is_never_written(qtbot, sample_file: Path,
                                                          tmp_path: Path) -> None:
    """A session that began while another copy held the lock (none of its own then)
    moves to a snapshot of its own before it writes."""
    window = edited_copy(qtbot, sample_file, tmp_path, "Mine")
    main = window.session.recovery
    before = main.path.read_text(encoding="utf-8")
    from canvas_app.documents import Document
    session = make_session(window.controller.workspace, Document(str(sample_file)),
                           tmp_path / "recovery")
    try:
        assert session.recovery.path != main.path and session.lock is not None
        session.lock.unlock()
        session.lock = None  # as if it could not be locked when the session began
        session.recovery = Recovery(main.document, main.folder)
        session.claim()
        assert session.recovery.path != main.path and session.lock is not None
        assert hold_lock(main) is None  # still the first window's
    finally:
        session.release()
    assert main.path.read_text(encoding="utf-8") == before
