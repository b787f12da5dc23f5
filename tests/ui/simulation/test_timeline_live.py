"""The Over Time chart while a run is stepped or played: its steps fall at the events' own
times (as the log gives them), and at the end it is the finished run's chart."""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.panel import SLOW_VIEWS_MS

from .conftest import SAMPLE

WHAT_IF = SAMPLE.parent / "pool-store-what-if.scenario.json"

JOINED = "entered \"Nurture\""


def small_what_if(tmp_path: Path) -> str:
    """Five contacts join the nurture within three hours of a month-long run (the QA's
    what-if): far closer together than 1/240 of the horizon."""
    path = tmp_path / "small.scenario.json"
    path.write_text(json.dumps({
        "start": "2026-11-23T00:00:00Z", "until": "2026-12-23T00:00:00Z", "seed": 7,
        "population": {"count": 5, "arrival_spread": "PT3H", "campaign": "shock-nurture",
                       "share_added": 1.0}}), encoding="utf-8")
    return str(path)


def join_times(window: MainWindow) -> list[int]:
    """When contacts entered Nurture, read from the log's lines (UTC)."""
    times = []
    for line in window.simulation_panel.runner.simulation.log:
        if JOINED in line:
            stamp = datetime.fromisoformat(line[:16] + "+00:00")
            times.append(int(stamp.timestamp()))
    return times


def value_at(points: list[tuple[int, int]], at: int) -> int:
    """The chart's step line at ``at``: the last point at or before it."""
    return [value for when, value in points if when <= at][-1]


def test_over_time_follows_event_times_while_stepping(qtbot, window: MainWindow,
                                                      tmp_path: Path) -> None:
    panel = window.simulation_panel
    panel.select_scenario(small_what_if(tmp_path))
    panel.only_campaign.setChecked(True)
    panel.reset()
    panel.tabs.setCurrentWidget(panel.timeline)
    for stepped in range(1, 6):
        panel.step()
        panel._refresh_slow_views()
        joins = join_times(window)
        assert len(joins) == stepped
        line = panel.timeline.values("nurture")
        for count, at in enumerate(joins, start=1):
            assert value_at(line, at) == count  # from the join's own minute on
            assert value_at(line, at - 1) == count - 1  # not before
    stepped_line = panel.timeline.values("nurture")
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=10000)
    panel._refresh_slow_views()
    finished = panel.timeline.values("nurture")
    joins = join_times(window)
    assert [value_at(finished, at) for at in joins] == [1, 2, 3, 4, 5]
    # What stepping drew up to its clock stays as it was (its last point is the clock).
    assert finished[:len(stepped_line) - 1] == stepped_line[:-1]
    # Played at 6 hours per second: right while it plays, and the same chart at the end.
    stepped_history = panel.runner.timeline()
    panel.reset()
    panel.speed_combo.setCurrentIndex(1)
    panel.toggle_run()
    qtbot.waitUntil(lambda: panel.runner.simulation.now > joins[-1] + 600, timeout=10000)
    panel.runner.pause()
    panel._refresh_slow_views()
    playing = panel.timeline.values("nurture")
    assert [value_at(playing, at) for at in joins] == [1, 2, 3, 4, 5]
    assert [value_at(playing, at - 1) for at in joins] == [0, 1, 2, 3, 4]
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=10000)
    assert panel.runner.timeline() == stepped_history


def test_over_time_keeps_up_with_the_clock_while_playing(qtbot, window: MainWindow) -> None:
    """The QA's run at 1 day per second: the chart's end is never more than one redraw
    interval behind the clock, and paused, it ends on the clock with the counts the
    nodes' badges show."""
    window.resize(1280, 800)
    window.show_simulation_panel()
    panel = window.simulation_panel
    panel.select_scenario(str(WHAT_IF))
    panel.tabs.setCurrentWidget(panel.timeline)
    panel.reset()
    panel.speed_combo.setCurrentIndex(2)  # 1 day per second
    interval = SLOW_VIEWS_MS / 1000 * panel.runner.speed.seconds_per_second
    panel.toggle_run()
    lags = []
    until = time.perf_counter() + 3
    while time.perf_counter() < until:
        qtbot.wait(23)
        line = panel.timeline.values("nurture") if "nurture" in panel.timeline.lines else []
        if line:
            lags.append(panel.runner.simulation.now - line[-1][0])
    panel.runner.pause()
    assert len(lags) > 10 and max(lags) <= interval, max(lags) / 3600
    qtbot.wait(SLOW_VIEWS_MS + 100)  # the full redraw after the pause
    sim = panel.runner.simulation
    counts = sim.counts()
    campaign = panel.current_campaign()
    for node_id in panel.timeline.lines:
        kind = campaign.node(node_id).kind
        key = "active" if kind == "sequence" else "achieved"
        at, value = panel.timeline.values(node_id)[-1]
        assert at == sim.now and value == counts.get(node_id, {}).get(key, 0)
    # Followed or drawn afresh, the same chart.
    followed = {n: panel.timeline.values(n) for n in panel.timeline.lines}
    panel.timeline.show_timeline(campaign, panel.runner.timeline())
    assert {n: panel.timeline.values(n) for n in panel.timeline.lines} == followed
