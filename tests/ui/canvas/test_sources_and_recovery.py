"""Sources opened by relative paths, snapshots of running copies, recovery that cannot
open its original: what the QA pass in a real window found."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

from canvas_app.ui.main_window import MainWindow

from .conftest import make_window


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
    assert len(labels) == 3 and labels[-1] == "&Clear List"
