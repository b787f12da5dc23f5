"""Which scenario the Scenario box shows when a workspace opens: one that fits it (the one
last used with it, else the most recent that fits), never one written for another; and a
scenario that does not fit says so in its text, also when it is the one on show."""

from __future__ import annotations

from pathlib import Path

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.panel_scenarios import NONE_FITS
from tests.ui.canvas.conftest import make_window

from .conftest import SAMPLE, SCENARIO

SAMPLE_WHAT_IF = SAMPLE.parent / "pool-store-what-if.scenario.json"


def own_workspace(folder: Path, name: str = "mine.campaign.json") -> Path:
    """The user's own workspace: the sample's campaigns under ids of their own, so the
    sample's scenarios (written for "shock-nurture") do not fit it."""
    path = folder / name
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace('"shock-nurture"',
                                                               '"my-nurture"'),
                    encoding="utf-8")
    return path


def make_what_if(window: MainWindow, folder: Path) -> str:
    """A what-if made with the form for the workspace open, run (so it counts as used)."""
    panel = window.simulation_panel
    panel.scenario_dir = folder
    panel.new_what_if().run_button.click()
    panel.runner.pause()
    assert panel.runner.loaded
    return panel.selected_scenario()


def test_the_users_own_workspace_reopens_with_its_own_scenario(qtbot, window: MainWindow,
                                                               tmp_path: Path,
                                                               sample_file: Path) -> None:
    """QA: reopened from Open Recent, the user's workspace showed the sample's scenario,
    and F5 then said it was written for another workspace."""
    mine = own_workspace(tmp_path)
    assert window.files.open_source(str(mine))
    what_if = make_what_if(window, tmp_path / "scenarios")
    assert window.files.open_source(str(sample_file))  # the sample's scenario fits it
    panel = window.simulation_panel
    assert panel.selected_scenario() == str(SCENARIO)
    assert window.files.open_source(str(mine))  # Open Recent
    assert panel.selected_scenario() == what_if
    assert panel.notice.isHidden()
    # The next start, on the same settings, shows it too.
    again = make_window(qtbot, str(mine), tmp_path)
    box = again.simulation_panel.scenario_combo
    assert box.currentData() == what_if
    # listed by its description and number, with no mark: it fits
    assert box.currentText() == "What if visitors arrive and some buy? (what-if 1)"
    again.simulate()  # F5
    assert again.simulation_panel.runner.running
    assert again.simulation_panel.notice.isHidden()


def test_the_scenario_last_used_with_a_workspace_comes_before_a_more_recent_one(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    mine = own_workspace(tmp_path)
    twin = own_workspace(tmp_path, "twin.campaign.json")  # another file, the same campaigns
    panel = window.simulation_panel
    assert window.files.open_source(str(mine))
    first = make_what_if(window, tmp_path / "scenarios")
    second = make_what_if(window, tmp_path / "scenarios")
    panel.select_scenario(first)
    assert panel.load()  # used last with mine: the first
    assert window.files.open_source(str(twin))
    panel.select_scenario(second)
    assert panel.load()  # the most recent scenario overall: the second
    assert window.files.open_source(str(mine))
    assert panel.selected_scenario() == first
    assert window.files.open_source(str(twin))
    assert panel.selected_scenario() == second


def test_a_scenario_last_used_that_no_longer_fits_is_not_chosen(qtbot, window: MainWindow,
                                                                tmp_path: Path,
                                                                sample_file: Path) -> None:
    panel = window.simulation_panel
    assert panel.load()  # the sample scenario, used with the sample's copy
    mine = own_workspace(tmp_path)
    sample_file.write_text(mine.read_text(encoding="utf-8"), encoding="utf-8")  # changed
    assert window.files.open_source(str(mine))
    assert window.files.open_source(str(sample_file))
    assert panel.selected_scenario() is None  # nothing listed fits it


def test_when_no_scenario_fits_none_is_chosen_and_the_panel_says_what_to_do(
        qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    assert window.files.new_workspace()  # "Campaign 1": none of the samples fits it
    box = panel.scenario_combo
    assert box.currentIndex() == -1 and panel.selected_scenario() is None
    assert box.placeholderText() == "No scenario chosen"
    assert panel.notice.text() == NONE_FITS
    assert panel.what_if_button.isVisible()
    # Choosing one takes the word back; one that does not fit says why instead.
    panel.select_scenario(str(SCENARIO))
    assert NONE_FITS not in panel.notice.text()
    assert "was written for another workspace" in panel.notice.text()


def test_a_scenario_that_does_not_fit_says_so_when_it_is_the_one_on_show(
        qtbot, window: MainWindow, tmp_path: Path, sample_file: Path) -> None:
    panel = window.simulation_panel
    box = panel.scenario_combo
    assert box.currentText() == "pool-store.scenario.json"  # fits the sample
    assert window.files.new_workspace()
    panel.select_scenario(str(SCENARIO))
    assert box.currentText() == "pool-store.scenario.json — written for another workspace"
    window.simulate()  # F5: refused, and still marked
    assert not panel.runner.loaded
    assert box.currentText() == "pool-store.scenario.json — written for another workspace"
    # A file that does not load at all says that instead.
    bad = tmp_path / "bad.scenario.json"
    bad.write_text("{")
    panel.select_scenario(str(bad))
    assert box.currentText() == "bad.scenario.json — does not load"
    # An edit that makes the one on show misfit marks it; undoing it takes the mark away.
    assert window.files.open_source(str(sample_file))
    panel.select_scenario(str(SAMPLE_WHAT_IF))
    assert box.currentText() == "pool-store-what-if.scenario.json"
    window.controller.delete_campaign("shock-nurture")  # its products are still here
    qtbot.waitUntil(lambda: box.currentText() ==
                    'pool-store-what-if.scenario.json — refers to campaign "shock-nurture", '
                    "not in this workspace")
    window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: box.currentText() == "pool-store-what-if.scenario.json")


def test_f5_with_no_scenario_does_what_simulate_does(qtbot, window: MainWindow) -> None:
    """No scenario fits and the Warnings are on top: F5 brings the panel forward and asks
    for a scenario file, as the toolbar's Simulate does (it did nothing)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    panel = window.simulation_panel
    assert window.files.new_workspace()
    assert panel.selected_scenario() is None
    window.docks["lint"].raise_()
    qtbot.waitUntil(lambda: panel.visibleRegion().isEmpty())  # behind the Warnings
    asked: list[str] = []
    panel.ask_scenario = lambda start: asked.append(start) or ""
    window.activateWindow()
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    assert len(asked) == 1  # the file dialog, as Simulate gives
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty())  # the panel on top
    assert panel.notice.isVisible() and panel.notice.text() == NONE_FITS  # what to do
    window.actions_by_name["sim_run"].trigger()  # Simulate > Run: the same
    assert len(asked) == 2
    window.actions_by_name["simulate"].trigger()  # the toolbar's Simulate
    assert len(asked) == 3


def test_a_scenario_for_this_workspace_says_what_it_lacks(qtbot, window: MainWindow,
                                                          tmp_path: Path) -> None:
    """Made for this workspace, naming a product since deleted (or mistyped): the box and
    the notice say which, not "written for another workspace" (they did)."""
    import json

    data = json.loads(SAMPLE_WHAT_IF.read_text(encoding="utf-8"))
    data["population"]["purchases"][2]["product"] = "mit"  # a typo for "mitt"
    typo = tmp_path / "typo.scenario.json"
    typo.write_text(json.dumps(data), encoding="utf-8")
    panel = window.simulation_panel
    box = panel.scenario_combo
    panel.select_scenario(str(typo))
    said = 'typo.scenario.json — refers to product "mit", not in this workspace'
    qtbot.waitUntil(lambda: box.currentText() == said)
    assert not panel.load()
    first = panel.notice.text().split("\n")[0]
    assert first.startswith('typo.scenario.json refers to product "mit", not in this '
                            "workspace: ")
    assert "another workspace" not in panel.notice.text()
    assert panel.notice.text().split("\n")[1] == \
        f"At population.purchases[2].product in {typo}."  # not "no product "mit"" again
    assert panel.what_if_button.isVisible()
    # Written for another workspace indeed (nothing it names is here): it says so.
    assert window.files.new_workspace()
    panel.select_scenario(str(typo))
    qtbot.waitUntil(lambda: box.currentText() ==
                    "typo.scenario.json — written for another workspace")


def test_a_scenario_beside_the_workspace_is_listed_and_chosen(qtbot, tmp_path: Path) -> None:
    """QA 21: a scenario written beside the workspace was not listed ("No scenario in the
    list fits this workspace") until found with Open Scenario…."""
    folder = tmp_path / "mine"
    folder.mkdir()
    workspace = own_workspace(folder)
    beside = folder / "launch.scenario.json"
    beside.write_text(SCENARIO.read_text(encoding="utf-8").replace('"shock-nurture"',
                                                                  '"my-nurture"'),
                      encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # not a scenario's name
    window = make_window(qtbot, str(workspace), tmp_path)
    combo = window.simulation_panel.scenario_combo
    listed = [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)]
    assert str(beside) in listed and str(folder / "notes.json") not in listed
    assert window.simulation_panel.selected_scenario() == str(beside)
    assert combo.problems[str(beside)] == ""
