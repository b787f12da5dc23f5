"""Every what-if made in the app stays in the Scenario box, also once more than
RECENT_MAX scenarios have been used since: the oldest falls out of the settings' recent
list, not out of the app's reach (its file is in the app's what-if folder)."""

from __future__ import annotations

from pathlib import Path

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.scenario_box import RECENT_MAX

from .test_what_if_manage import choose, make_what_if, restart


def test_more_what_ifs_than_the_recent_list_keeps_are_all_listed_after_a_restart(
        qtbot, window: MainWindow, sample_file: Path, tmp_path: Path) -> None:
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    made = [make_what_if(qtbot, panel, f"Week {n}", 5) for n in range(RECENT_MAX + 2)]
    assert made[0] not in panel.scenario_combo.recent()  # pushed out by the later ones

    again = restart(qtbot, window, sample_file, tmp_path)
    box = again.scenario_combo
    listed = [box.itemData(i) for i in range(box.count())]
    assert all(path in listed for path in made)
    assert listed[-1] is None  # "Open Scenario…" stays last
    assert box.itemText(box.findData(made[0])) == "Week 0 (what-if 1)"
    choose(qtbot, again, made[0])
    again.run_to_end()
    qtbot.waitUntil(lambda: again.runner.loaded, timeout=5000)


def test_a_folder_not_made_yet_lists_no_what_ifs(qtbot, window: MainWindow,
                                                 tmp_path: Path) -> None:
    panel = window.simulation_panel
    before = panel.scenario_combo.count()
    panel.scenario_dir = tmp_path / "not-made-yet"
    assert panel.scenario_combo.count() == before
