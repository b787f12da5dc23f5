"""A goal whose last chosen payment type was deleted in the Catalog ("Only these payment
types" with none ticked) is a setting to fix, not a file that cannot be read: the app saves
it, opens it again with the error on the goal, and restores it after a crash. A snapshot
that cannot be restored is kept for the next start, never removed as the window closes.
(QA: the workspace was saved, then refused, and the crash's edits were lost for good.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from canvas_app.app import build_main_window
from canvas_app.domain.usage import delete_with_references
from canvas_app.editing.settings_commands import DeleteCatalogItemCommand
from canvas_app.io import LoadError, load_workspace

from .conftest import canonical, make_window

GOAL = "subscribed"  # "Subscribed to checkup": paid by Credit card or PayPal


def without_payment_types(window) -> None:
    """As the QA did: Credit card and PayPal deleted in the Catalog, one undo step each."""
    controller = window.controller
    workspace = controller.workspace
    for payment_type in ("credit_card", "paypal"):
        deletion = delete_with_references(workspace, "payment_types", payment_type)
        controller.undo_stack.push(DeleteCatalogItemCommand(
            workspace, deletion, f'Delete payment type "{payment_type}"'))
    node = next(n for c in controller.workspace.campaigns for n in c.nodes if n.id == GOAL)
    assert node.config.payment_types == []


def restarted(qtbot, sample_file: Path, tmp_path: Path):
    """The app started again after a crash (the first window never closed), its question
    about the crash's edits answered Restore Them."""
    settings = QSettings(str(tmp_path / "settings2.ini"), QSettings.Format.IniFormat)
    again = build_main_window(str(sample_file), settings=settings,
                              recovery_dir=tmp_path / "recovery", offer_recovery=False)
    qtbot.addWidget(again)
    again.files.ask_unsaved = lambda: "discard"
    box = again.files.offer_recovery()
    assert box is not None and box.isVisible()
    next(b for b in box.buttons() if b.text() == "&Restore Them").click()
    return again


@pytest.mark.parametrize("suffix", [".campaign.json", ".db"])
def test_saved_with_no_payment_type_it_opens_again(qtbot, window, tmp_path: Path,
                                                   suffix: str) -> None:
    without_payment_types(window)
    target = tmp_path / f"saved{suffix}"
    assert window.files.save_as(str(target))
    again = make_window(qtbot, str(target), tmp_path / "again")
    assert canonical(again.controller.workspace) == canonical(window.controller.workspace)
    errors = [f for f in again.controller.findings()
              if f.node_id == GOAL and f.severity == "error"]
    assert [f.message for f in errors] == [
        '"Only these payment types" is chosen but no payment type is ticked: tick one, '
        'or choose "Any payment types"']
    if suffix == ".campaign.json":  # the command line stays strict (R11)
        with pytest.raises(LoadError, match="no payment type is ticked"):
            load_workspace(target)


def test_a_crash_with_no_payment_type_left_is_restored(qtbot, window, sample_file: Path,
                                                      tmp_path: Path) -> None:
    without_payment_types(window)
    assert window.files.autosave()
    edited = canonical(window.controller.workspace)
    again = restarted(qtbot, sample_file, tmp_path)
    assert canonical(again.controller.workspace) == edited


def test_a_snapshot_that_cannot_be_restored_is_kept(qtbot, window, sample_file: Path,
                                                   tmp_path: Path) -> None:
    window.controller.rename_campaign(window.controller.workspace.campaigns[0].id, "Mine")
    assert window.files.autosave()
    path = window.session.recovery.path
    data = json.loads(path.read_text(encoding="utf-8"))
    data["workspace"]["version"] = 99  # written by a newer version, say
    path.write_text(json.dumps(data), encoding="utf-8")
    again = restarted(qtbot, sample_file, tmp_path)
    assert again.files.last_error
    kept = [p for p in (tmp_path / "recovery").glob("*.recovery.json")]
    assert len(kept) == 1 and kept[0] != path
    assert str(kept[0]) in again.files.last_error
    assert "offered again at the next start" in again.files.last_error
    again.close()  # unchanged: it removes its own snapshot, not the one kept
    window.files.ask_unsaved = lambda: "discard"
    window.close()
    assert kept[0].exists()
    assert json.loads(kept[0].read_text(encoding="utf-8"))["workspace"]["version"] == 99
