"""QA 10, files: Open reads and checks the file before asking about unsaved edits."""

from __future__ import annotations

from pathlib import Path

from canvas_app.ui.main_window import MainWindow


def _edit(window: MainWindow) -> None:
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    assert window.session.modified


def test_a_broken_file_is_refused_before_any_question(window: MainWindow,
                                                      tmp_path: Path) -> None:
    _edit(window)
    nodes = len(window.session.workspace.campaigns[0])
    asked: list[str] = []
    window.files.ask_unsaved = lambda: asked.append("asked") or "discard"
    broken = tmp_path / "broken.campaign.json"
    broken.write_text('{"format": ', encoding="utf-8")
    assert not window.files.open_source(str(broken))
    assert asked == []  # nothing asked: the file did not open
    assert "broken.campaign.json" in window.files.last_error
    assert window.session.modified  # the edits are still there, unsaved, still kept
    assert len(window.session.workspace.campaigns[0]) == nodes
    assert window.isWindowModified() and "pool.campaign.json" in window.windowTitle()


def test_cancel_at_the_question_leaves_everything(window: MainWindow, tmp_path: Path,
                                                  sample_file: Path) -> None:
    other = tmp_path / "other.campaign.json"
    other.write_bytes(sample_file.read_bytes())
    _edit(window)
    before = window.session
    window.files.ask_unsaved = lambda: "cancel"
    assert not window.files.open_source(str(other))
    assert window.session is before and window.session.modified
    assert window.session.document.source == str(sample_file)


def test_save_then_reopen_the_same_file_shows_what_was_saved(window: MainWindow,
                                                             sample_file: Path) -> None:
    _edit(window)
    nodes = len(window.session.workspace.campaigns[0])
    window.files.ask_unsaved = lambda: "save"
    assert window.files.open_source(str(sample_file))
    assert not window.session.modified
    assert len(window.session.workspace.campaigns[0]) == nodes  # read after the save
