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


def test_a_run_too_big_for_the_memory_says_so(qtbot, window: MainWindow, tmp_path: Path,
                                              monkeypatch) -> None:
    """A what-if of millions of contacts that runs out of memory while it is set up: the
    panel says which count to make smaller (an "internal error" box came up, QA). The
    memory running out is stood in for: the real thing takes minutes and gigabytes."""
    import canvas_app.ui.simulation.runner as runner

    data = json.loads(WHAT_IF.read_text(encoding="utf-8"))
    data["population"]["count"] = 900_000  # within the window's most (a bigger one is refused)
    big = tmp_path / "big.scenario.json"
    big.write_text(json.dumps(data), encoding="utf-8")

    def out_of_memory(*_args, **_kwargs):
        raise MemoryError

    monkeypatch.setattr(runner, "Simulation", out_of_memory)
    panel = window.simulation_panel
    panel.select_scenario(str(big))
    assert not panel.load()
    said = window._status_full
    assert said == (f"{big}: population.count: not enough memory to simulate 900,000 "
                    "contacts: try a smaller count")
    assert panel.runner.simulation is None
