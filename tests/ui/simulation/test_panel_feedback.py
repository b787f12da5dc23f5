"""The Simulation panel says what it is doing: setting up a run (seconds for a big
population) shows a message and a busy cursor after the window repainted, and the progress
bar has words."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow

from .test_simulation_panel import run_to_finish


def test_setting_up_a_run_says_so_with_a_busy_cursor(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    posted: list[str] = []
    QTimer.singleShot(0, lambda: posted.append("a repaint's turn"))  # waits for the loop
    seen: dict[str, object] = {}
    real = panel.runner.load

    def load(*args, **kwargs):
        cursor = QApplication.overrideCursor()
        seen["cursor"] = cursor.shape() if cursor is not None else None
        seen["status"] = window.statusBar().currentMessage()
        seen["posted"] = list(posted)
        return real(*args, **kwargs)

    panel.runner.load = load
    assert panel.load()
    assert seen["cursor"] == Qt.CursorShape.WaitCursor
    assert seen["status"] == "Setting up the simulation of pool-store.scenario.json…"
    assert seen["posted"] == ["a repaint's turn"]  # the loop ran before the work
    assert QApplication.overrideCursor() is None  # and the cursor is back
    assert "ready" in window.statusBar().currentMessage()


def test_a_failed_set_up_gives_the_cursor_back(qtbot, window: MainWindow, tmp_path) -> None:
    panel = window.simulation_panel
    bad = tmp_path / "bad.scenario.json"
    bad.write_text("{", encoding="utf-8")
    panel.select_scenario(str(bad))
    assert not panel.load()
    assert QApplication.overrideCursor() is None


def test_the_progress_bar_says_what_it_shows(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    bar = panel.progress
    assert bar.isTextVisible() and bar.text() == "No run yet"
    assert panel.load()
    assert bar.text() == "0% run"
    while bar.value() < 100:
        panel.step()
    assert bar.text() == f"{bar.value() // 10}% run"
    run_to_finish(qtbot, window)
    assert bar.text() == "Finished" and bar.value() == 1000
    panel.stop()
    assert bar.text() == "No run yet"
