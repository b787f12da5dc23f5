"""While a run is set up (seconds for a big population), the panel shows it is setting up,
not the last run as if it were this one (QA 22c: "Finished", its clock and its counts on the
canvas stayed on show)."""

from __future__ import annotations

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.panel_bar import DONE, SETTING_UP

from .test_simulation_panel import run_to_finish


def test_run_again_shows_setting_up_until_the_new_run_is_ready(
        qtbot, window: MainWindow, monkeypatch) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    assert panel.progress.format() == DONE and panel.clock_label.text()
    assert panel.layer is not None and panel.layer.counts
    seen: list[tuple[str, str, bool]] = []
    load = panel.runner.load

    def watching(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append((panel.progress.format(), panel.clock_label.text(),
                     bool(panel.layer.counts)))
        return load(*args, **kwargs)

    monkeypatch.setattr(panel.runner, "load", watching)
    assert panel.load()
    assert seen == [(SETTING_UP, "", False)]
    assert panel.progress.format() != SETTING_UP  # the new run's, once ready
