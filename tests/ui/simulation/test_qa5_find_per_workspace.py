"""QA5: "visit" typed in the Contacts find box stayed there when another workspace was
opened, and filtered that workspace's run. Another workspace starts with both find fields
empty; the same workspace's next run (Run Again) keeps them."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from canvas_app.ui.main_window import MainWindow

from .conftest import SCENARIO
from .test_simulation_panel import run_to_finish


def type_finds(qtbot: QtBot, window: MainWindow) -> None:
    """'visit' in the Contacts find box and 'email' in the log's, as typed."""
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.contacts)
    qtbot.mouseClick(panel.contacts.find, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.contacts.find, "visit")
    qtbot.waitUntil(lambda: panel.contacts_model.rowCount() < len(
        panel.runner.simulation.contacts))
    panel.tabs.setCurrentWidget(panel.log_view)
    qtbot.mouseClick(panel.log_find.field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.log_find.field, "email")
    qtbot.waitUntil(lambda: panel.log_find.count.text() != "")


def test_another_workspace_starts_with_empty_find_fields(
        qtbot: QtBot, window: MainWindow, sample_file: Path, tmp_path: Path) -> None:
    window.show_simulation_panel()
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    type_finds(qtbot, window)
    # the same workspace's next run keeps them
    run_to_finish(qtbot, window)  # Run Again
    assert panel.contacts.find.text() == "visit"
    assert panel.log_find.field.text() == "email"
    other = tmp_path / "other.campaign.json"
    shutil.copyfile(sample_file, other)
    assert window.files.open_source(str(other))
    assert panel.contacts.find.text() == ""
    assert panel.log_find.field.text() == "" and panel.log_find.count.text() == ""
    panel.select_scenario(str(SCENARIO))
    run_to_finish(qtbot, window)
    # every contact of the new run on show
    assert panel.contacts_model.rowCount() == len(panel.runner.simulation.contacts)
