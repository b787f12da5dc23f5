"""A big run in the Simulation panel: its objects are set aside from the cyclic garbage
collector while it lives (gc.freeze), and given back when it is cleared."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.runner import FREEZE_FROM

from .conftest import SAMPLE, SCENARIO

WHAT_IF = SAMPLE.parent / "pool-store-what-if.scenario.json"


def test_a_big_run_is_set_aside_from_the_garbage_collector_while_it_lives(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    panel = window.simulation_panel
    data = json.loads(WHAT_IF.read_text(encoding="utf-8"))
    data["population"]["count"] = FREEZE_FROM
    big = tmp_path / "big.scenario.json"
    big.write_text(json.dumps(data), encoding="utf-8")
    assert gc.get_freeze_count() == 0
    assert panel.load()  # the sample scenario: a few contacts
    assert gc.get_freeze_count() == 0
    panel.select_scenario(str(big))
    assert panel.load()
    assert len(panel.runner.simulation.contacts) >= FREEZE_FROM
    assert gc.get_freeze_count() > 0
    panel.step()
    assert panel.runner.simulation.processed > 0
    panel.select_scenario(str(SCENARIO))
    assert panel.load()  # the big run cleared: collected as usual again
    assert gc.get_freeze_count() == 0
    panel.select_scenario(str(big))
    assert panel.load() and gc.get_freeze_count() > 0
    panel.stop()
    assert gc.get_freeze_count() == 0
