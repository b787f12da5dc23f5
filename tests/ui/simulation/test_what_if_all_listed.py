"""Every what-if made in the app stays in the Scenario box, also once more than
RECENT_MAX scenarios have been used since: the oldest falls out of the settings' recent
list, not out of the app's reach (its file is in the app's what-if folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

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
    assert [path for path in listed if path in made] == made  # by number, as made
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


def test_the_menu_key_and_shift_f10_open_the_scenario_box_menu(qtbot, window: MainWindow,
                                                               tmp_path: Path) -> None:
    """The Scenario box's context menu (Edit and Remove What-If…) from the keyboard."""
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    make_what_if(qtbot, panel, "Keyboard only", 5)
    window.show_simulation_panel()
    box = panel.scenario_combo
    window.activateWindow()
    qtbot.waitActive(window)
    for key, modifier in ((Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)):
        box.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(box.hasFocus)
        box.menu = None
        qtbot.keyClick(box, key, modifier)
        qtbot.waitUntil(lambda: box.menu is not None and box.menu.isVisible())
        texts = [a.text().replace("&", "") for a in box.menu.actions()]
        assert "Remove What-If Scenario…" in texts, texts
        edit = next(a for a in box.menu.actions()
                    if a.text().replace("&", "") == "Edit What-If Scenario…")
        assert edit.isEnabled()
        qtbot.keyClick(box.menu, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not box.menu.isVisible())
