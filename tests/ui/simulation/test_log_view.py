"""The Simulation panel's log: run to the end, it shows the same lines as played, the last
LOG_LINES of them, without appending them one tick at a time."""

from __future__ import annotations

import json
from pathlib import Path

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation import log_view, runner
from canvas_app.ui.simulation.log_view import LogView
from canvas_app.ui.simulation.runner import SPEEDS

from .conftest import SAMPLE

WHAT_IF = SAMPLE.parent / "pool-store-what-if.scenario.json"


def crowd_scenario(tmp_path: Path, count: int = 200) -> str:
    data = json.loads(WHAT_IF.read_text(encoding="utf-8"))
    data["population"]["count"] = count
    path = tmp_path / "crowd.scenario.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def shown_lines(view: LogView) -> list[str]:
    return view.toPlainText().split("\n")


def test_held_lines_show_as_appended_ones_would(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(log_view, "LOG_LINES", 30)
    appended, held = LogView(), LogView()
    qtbot.addWidget(appended)
    qtbot.addWidget(held)
    appended.setMaximumBlockCount(30)
    held.setMaximumBlockCount(30)
    chunks = [[f"line {i}.{j}" for j in range(i % 7 + 1)] for i in range(25)]
    for chunk in chunks[:3]:  # a few lines before the run to the end
        appended.add("\n".join(chunk))
        held.add("\n".join(chunk))
    held.hold()
    for chunk in chunks[3:]:
        appended.add("\n".join(chunk))
        held.add("\n".join(chunk))
    assert len(shown_lines(held)) < 30  # nothing appended while held
    held.release()
    everything = [line for chunk in chunks for line in chunk]
    assert shown_lines(held) == shown_lines(appended) == everything[-30:]
    held.add("one more")
    assert shown_lines(held) == [*everything[-29:], "one more"]


def test_run_to_the_end_logs_what_playing_logs(qtbot, window: MainWindow,
                                              tmp_path: Path) -> None:
    panel = window.simulation_panel
    panel.select_scenario(crowd_scenario(tmp_path))
    held: list[bool] = []
    said: list[str] = []  # what the empty log says meanwhile
    panel.runner.advanced.connect(lambda: held.append(panel.log_view.held))
    panel.runner.advanced.connect(lambda: said.append(panel.log_view.placeholderText()))
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=30000)
    assert any(held) and not panel.log_view.held
    assert any(text.startswith("Running to the end") for text in said)
    assert panel.log_view.placeholderText() == log_view.PLACEHOLDER
    at_once = panel.log_view.toPlainText()
    sim = panel.runner.simulation
    engine_lines = [line for line in sim.log if line]
    assert at_once.split("\n")[:len(engine_lines)] == engine_lines  # then the horizon's
    panel.reset()
    panel.speed_combo.setCurrentIndex(len(SPEEDS) - 1)
    panel.toggle_run()
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=30000)
    assert panel.log_view.toPlainText() == at_once
    assert panel.log_view.verticalScrollBar().value() == \
        panel.log_view.verticalScrollBar().maximum()


def test_pausing_a_run_to_the_end_shows_its_lines_so_far(qtbot, window: MainWindow,
                                                         tmp_path: Path,
                                                         monkeypatch) -> None:
    # Slices of a hundred events: a fast machine ran the whole crowd in its first slice
    # of 0.1 s, and the "pause" then started the run again.
    monkeypatch.setattr(runner, "TO_END_BUDGET_S", 0.0)
    panel = window.simulation_panel
    panel.select_scenario(crowd_scenario(tmp_path, 2000))
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.simulation.processed > 0, timeout=30000)
    assert not panel.runner.simulation.done
    panel.toggle_run()  # pause
    assert not panel.runner.running and not panel.log_view.held
    sim = panel.runner.simulation
    assert shown_lines(panel.log_view) == [line for line in sim.log if line][-log_view.LOG_LINES:]


def test_a_log_past_its_length_says_its_first_lines_are_left_out(qtbot, monkeypatch) -> None:
    """QA 22: after 630,000 lines the log began weeks into the run, and nothing said so."""
    monkeypatch.setattr(log_view, "LOG_LINES", 30)
    view = LogView()
    view.setMaximumBlockCount(30)
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    view.add_lines([f"line {i}" for i in range(20)])
    assert view.cut_note.isHidden()
    view.hold()
    view.add_lines([f"line {i}" for i in range(20, 1030)])
    assert view.cut_note.isHidden()  # said when the lines are shown
    view.release()
    assert view.cut_note.isVisible()
    assert view.cut_note.text() == log_view.cut_words(1000)
    assert view.accessibleDescription() == view.cut_note.text()  # read out with the log
    assert "first 1,000 lines are not shown" in view.cut_note.text()
    assert "Save Result as JSON" in view.cut_note.text()
    # the note sits above the lines, not over them
    assert view.viewport().geometry().top() >= view.cut_note.geometry().bottom()
    view.add("one more")
    assert view.cut_note.text() == log_view.cut_words(1001)
    view.start_over()
    assert view.cut_note.isHidden() and view.accessibleDescription() == ""
    assert view.viewport().geometry().top() <= view.frameWidth()


def test_lines_come_while_its_tab_is_hidden_and_it_opens_at_the_end(qtbot) -> None:
    from PySide6.QtWidgets import QTabWidget, QWidget

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    view = LogView()
    tabs.addTab(QWidget(), "Chart")
    tabs.addTab(view, "Log")
    tabs.resize(500, 300)
    tabs.show()
    tabs.setCurrentIndex(0)
    view.add_lines([f"line {i}" for i in range(20)])
    view.hold()  # a run to the end, the Chart tab on show
    view.add_lines([f"line {i}" for i in range(20, 2000)])
    view.release()
    qtbot.wait(20)
    tabs.setCurrentIndex(1)
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
