"""QA 5: a status message next to the teammate notice ("Took in changes saved at …") is cut
with "…" before the notice, as next to the zoom: the message of a merge was cut mid-word
under the notice (the room left for it counted the zoom label alone)."""

from __future__ import annotations

import shutil
from pathlib import Path

from canvas_app.ui.main_window import MainWindow

from .test_save_conflicts import SAMPLE, two_sessions


def test_a_merges_message_ends_in_an_ellipsis_before_the_notice(
        qtbot, tmp_path: Path) -> None:
    shared = tmp_path / "shared.campaign.json"
    shutil.copy(SAMPLE, shared)
    mine, theirs = two_sessions(qtbot, str(shared), tmp_path)
    theirs.controller.rename_node("checkup-onboarding", "onboarding", "Their onboarding")
    assert theirs.save()
    mine.resize(1280, 800)
    mine.show()
    qtbot.waitExposed(mine)
    mine.controller.rename_node("shock-nurture", "nurture", "My nurture")
    assert mine.save()
    notice = mine.teammate_label
    qtbot.waitUntil(lambda: notice.isVisible() and notice.x() > 0, timeout=3000)
    bar = mine.statusBar()
    qtbot.waitUntil(lambda: bar.currentMessage().endswith("…"), timeout=3000)
    message = bar.currentMessage()
    assert mine._status_full.startswith(message[:-1])  # its start, cut where it ends
    width = bar.fontMetrics().horizontalAdvance(message)
    assert width < notice.x(), (width, notice.x())
    assert bar.toolTip() == mine._status_full  # the whole message


def test_the_message_has_its_room_back_once_the_notice_goes(qtbot,
                                                            window: MainWindow) -> None:
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    notice = window.teammate_label
    notice.setText("Took in changes saved at 04:49")
    notice.show()
    qtbot.waitUntil(lambda: notice.x() > 0, timeout=3000)
    long = "Saved. " + "Taken in a change someone else saved; " * 6
    window.show_status(long)
    cut = window.statusBar().currentMessage()
    assert cut.endswith("…")
    notice.hide()
    window.refit_status()
    assert len(window.statusBar().currentMessage()) > len(cut)


def test_the_stack_a_merge_replaced_tells_the_window_nothing_as_it_goes(
        qtbot, tmp_path: Path) -> None:
    """A QUndoStack clears itself as it is deleted: the one a merge replaced told the
    window of an edit (indexChanged) after the merge's message was up, and the message
    went (seen in the whole suite, where the deletion came later than 0.25 s)."""
    shared = tmp_path / "shared.campaign.json"
    shutil.copy(SAMPLE, shared)
    mine, theirs = two_sessions(qtbot, str(shared), tmp_path)
    theirs.controller.rename_node("checkup-onboarding", "onboarding", "Their onboarding")
    assert theirs.save()
    mine.controller.rename_node("shock-nurture", "nurture", "My nurture")
    old = mine.session.undo_stack
    old.deleteLater = lambda: None  # kept, to clear it when the message is not new
    assert mine.save()
    assert mine.session.undo_stack is not old
    qtbot.wait(300)  # past the 0.25 s in which a message counts as the edit's own
    message = mine.statusBar().currentMessage()
    assert message.startswith("Saved. Taken in 1 change")
    old.clear()  # what its deletion does
    assert mine.statusBar().currentMessage() == message
    assert not mine.isWindowModified()
