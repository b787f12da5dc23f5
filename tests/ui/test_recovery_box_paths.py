"""The recovery questions and the save-conflict question keep paths, file names and times
whole, as the error box does (Qt broke '/tmp/rec_deep/a-' from 'fairly-long-folder-name',
'a-long-' from 'workspace-name.campaign.json' and '23' from 'Nov 2026 20:16'), and show all
of their text (a long question with short names was cut off at the box's edge); box.text()
stays the plain question."""

from __future__ import annotations

import html
import shutil
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QLabel, QMessageBox

from canvas_app.documents import Document
from canvas_app.io import load_workspace
from canvas_app.recovery import recovery_for
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.path_text import kept_whole, nowrap_paths
from canvas_app.ui.recovery_offers import readable_time
from tests.ui.canvas.conftest import make_window

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
KEPT_AT = datetime(2026, 11, 23, 20, 16, tzinfo=UTC)
NAME = "a-long-workspace-name-for-testing.campaign.json"


def open_window(qtbot, source: Path, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, str(source), tmp_path)


def copy_of_sample(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE, path)
    return path


def keep_edits_of(path: Path, tmp_path: Path) -> None:
    """Edits of ``path`` kept at KEPT_AT, as a crash leaves them."""
    recovery_for(Document(str(path)), tmp_path / "recovery").write(
        load_workspace(SAMPLE), now=KEPT_AT)


def shown(box: QMessageBox) -> str:
    return box.findChild(QLabel, "qt_msgbox_label").text()


def shows_all_of(box: QMessageBox) -> bool:
    """The question is all inside the box: no wider than the box lets it be, on one line
    only when that line fits, and as tall as its text needs at its width."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    across = label.wordWrap() or label.sizeHint().width() <= label.width()
    return across and label.geometry().right() < box.width() and \
        label.heightForWidth(label.width()) <= label.height()


def fits_whole(box: QMessageBox, run: str) -> bool:
    label = box.findChild(QLabel, "qt_msgbox_label")
    return label.width() >= label.fontMetrics().horizontalAdvance(run)


def test_another_files_offer_keeps_its_folder_name_and_time_whole(qtbot,
                                                                 tmp_path: Path) -> None:
    other = copy_of_sample(tmp_path / "deep-folder" / "qa2" / NAME)
    keep_edits_of(other, tmp_path)
    window = open_window(qtbot, copy_of_sample(tmp_path / "pool.campaign.json"), tmp_path)
    box = window.files.offer_recovery()
    assert box is not None and box.objectName() == "otherRecoveryBox"
    when = readable_time(KEPT_AT.isoformat())
    assert box.text() == ("Campaign Canvas was closed with edits not saved. "
                          f"Unsaved edits to {NAME} "
                          f"(in {other.parent}) were kept at {when}.\n\nOpen {NAME} and "
                          "restore them?")
    rich = shown(box)
    assert f"<br><nobr>{NAME}</nobr> (in<br><nobr>{html.escape(str(other.parent))}</nobr>)" \
        in rich
    assert f"<nobr>{when}</nobr>" in rich and f"Open<br><nobr>{NAME}</nobr>" in rich
    assert shows_all_of(box) and fits_whole(box, str(other.parent))
    box.reject()


def test_a_long_question_with_short_names_is_wrapped_not_cut_off(qtbot,
                                                                tmp_path: Path) -> None:
    source = copy_of_sample(tmp_path / NAME)
    keep_edits_of(source, tmp_path)
    window = open_window(qtbot, source, tmp_path)
    box = window.files.offer_recovery()
    assert box is not None and box.objectName() == "recoveryBox"
    assert box.text().startswith("Campaign Canvas was closed with edits not saved. "
                                 "Unsaved edits to "
                                 f"{NAME} were kept at ")
    assert "<" not in box.text() and f"<br><nobr>{NAME}</nobr>" in shown(box)
    assert shows_all_of(box) and fits_whole(box, NAME)
    box.reject()


def test_edits_whose_file_is_gone_keep_its_path_whole(qtbot, tmp_path: Path) -> None:
    gone = tmp_path / "moved-away" / NAME
    keep_edits_of(gone, tmp_path)
    window = open_window(qtbot, copy_of_sample(tmp_path / "pool.campaign.json"), tmp_path)
    box = window.files.offer_recovery()
    assert box is not None and box.objectName() == "untitledCopyBox"
    assert box.text().startswith(f"{NAME} cannot be opened, so its unsaved edits cannot be "
                                 f"put back into it: {gone}: no such file.")
    assert shown(box).startswith(f"<nobr>{NAME}</nobr> cannot be opened")
    assert f"<br><nobr>{html.escape(str(gone))}</nobr>: no such file." in shown(box)
    assert shows_all_of(box)
    box.reject()


def test_the_conflict_question_keeps_the_name_and_the_date_whole(qtbot,
                                                                tmp_path: Path) -> None:
    window = open_window(qtbot, copy_of_sample(tmp_path / NAME), tmp_path)
    question = (f"{NAME} was changed by someone else since you last opened or saved it "
                "(the file's time says 23 Nov 2026 18:23).")
    box = window.files.conflict_box(question)
    assert box.objectName() == "conflictBox"
    # the question of a save whose merge was saved over again (save_merge.py)
    assert box.text().startswith(f"{question} It was saved again while their changes")
    assert box.text().endswith("Cancel saves nothing.")
    assert shown(box).startswith(f"<nobr>{NAME}</nobr> was changed by someone else")
    assert "<nobr>23 Nov 2026 18:23</nobr>" in shown(box)
    assert box.defaultButton() is box.escapeButton()  # Cancel
    assert box.buttonRole(box.defaultButton()) == QMessageBox.ButtonRole.RejectRole
    box.open()
    try:
        assert shows_all_of(box) and fits_whole(box, NAME)
    finally:
        box.done(0)


def test_names_and_times_kept_whole_in_the_rich_text() -> None:
    text = "Edits to a-b.json (in /tmp/q) were kept at 23 Nov 2026 20:16; xa-b.jsonl is not."
    assert nowrap_paths(text, ["a-b.json", "23 Nov 2026 20:16"]) == (
        "Edits to<br><nobr>a-b.json</nobr> (in<br><nobr>/tmp/q</nobr>) were kept at "
        "<nobr>23 Nov 2026 20:16</nobr>; xa-b.jsonl is not.")
    # A path that ends with the name is kept whole as one path.
    assert kept_whole("/tmp/q/a-b.json: no such file", ["a-b.json"]) == ["/tmp/q/a-b.json"]
