"""What the Simulation panel says and offers when a run cannot be set up, is paused, or
has nothing to save yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.runner import ScenarioDoesNotFit, SimulationError, open_scenario

from .conftest import SCENARIO


def enabled(window: MainWindow, *names: str) -> list[bool]:
    actions = window.simulation_panel.actions_by_name
    return [actions[name].isEnabled() for name in names]


def test_a_scenario_for_another_workspace_says_so_and_offers_a_what_if(
        qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    assert window.files.new_workspace()  # "Campaign 1", nothing the sample scenario names
    panel.select_scenario(str(SCENARIO))
    window.simulate()  # F5
    assert not panel.runner.loaded
    first, second = panel.notice.text().split("\n")
    assert first.startswith("pool-store.scenario.json was written for another workspace")
    assert "New What-If Scenario" in first
    # Where in the file, on a line of its own, not the first line again (QA: it said it
    # twice, the second time as the loader's line).
    assert second == ('The first thing it names that is not here: campaign "shock-nurture", '
                      f"at events[0].campaign in {SCENARIO}.")
    assert panel.what_if_button.isVisible()
    panel.what_if_button.click()
    dialog = panel.what_if_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.campaign.currentText() == "Campaign 1"  # made for this workspace
    dialog.reject()


def test_a_malformed_scenario_is_not_called_another_workspaces(qtbot, window: MainWindow,
                                                               tmp_path: Path) -> None:
    panel = window.simulation_panel
    bad = tmp_path / "bad.scenario.json"
    bad.write_text('{"start": "2026-01-01T00:00:00Z", "events": [{"at": "soon"}]}')
    panel.select_scenario(str(bad))
    assert not panel.load()
    assert "another workspace" not in panel.notice.text()
    assert panel.notice.text().startswith(str(bad))
    assert not panel.what_if_button.isVisible()


def test_the_what_if_offer_goes_with_its_message(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    assert window.files.new_workspace()
    panel.select_scenario(str(SCENARIO))
    assert not panel.load()
    assert panel.what_if_button.isVisible()
    panel.ask_scenario = lambda _start: ""
    # cancelled: the scenario on show still does not fit, its message and offer stay
    assert not panel.open_scenario_dialog()
    assert panel.notice.isVisible() and panel.what_if_button.isVisible()
    panel.stop()  # another workspace: the message goes, and the offer with it
    assert panel.notice.isHidden() and not panel.what_if_button.isVisible()


def test_run_step_and_run_to_end_wait_for_a_scenario_that_loads(qtbot, window: MainWindow,
                                                                tmp_path: Path) -> None:
    panel = window.simulation_panel
    bad = tmp_path / "bad.scenario.json"
    bad.write_text('{"start": "2026-01-01T00:00:00Z", "events": [{"at": "soon"}]}')
    panel.select_scenario(str(bad))  # marked as not loading: they wait at once
    assert enabled(window, "run", "step", "end", "reset") == [False, False, False, False]
    assert panel.notice.isVisible() and "events[0]" in panel.notice.text()
    assert not panel.load()
    assert enabled(window, "run", "step", "end", "reset") == [False, False, False, False]
    assert "does not load" in panel.actions_by_name["run"].toolTip()
    # Fixed on disk and chosen again in the box: it loads, and they come back.
    bad.write_text(SCENARIO.read_text(encoding="utf-8"))
    box = panel.scenario_combo
    box.activated.emit(box.currentIndex())
    assert panel.runner.loaded and panel.notice.isHidden()
    assert enabled(window, "run", "step", "end") == [True, True, True]


def test_choosing_another_scenario_after_a_failure_enables_run(qtbot, window: MainWindow,
                                                               tmp_path: Path) -> None:
    panel = window.simulation_panel
    bad = tmp_path / "bad.scenario.json"
    bad.write_text("{")
    panel.select_scenario(str(bad))
    assert not panel.load()
    assert not enabled(window, "run")[0]
    box = panel.scenario_combo
    box.setCurrentIndex(box.findData(str(SCENARIO)))
    box.activated.emit(box.currentIndex())
    assert panel.runner.loaded
    assert enabled(window, "run", "step", "end") == [True, True, True]


def test_a_bad_scenario_brings_the_simulation_panel_to_the_front(qtbot, window: MainWindow,
                                                                 tmp_path: Path) -> None:
    panel = window.simulation_panel
    dock = window.docks["simulation"]
    window.docks["lint"].raise_()  # Warnings in front
    qtbot.waitUntil(lambda: dock.visibleRegion().isEmpty(), timeout=2000)
    bad = tmp_path / "bad.scenario.json"
    bad.write_text('{"start": "2026-01-01T00:00:00Z", "events": [{"at": "soon"}]}')
    panel.ask_scenario = lambda _start: str(bad)
    window.simulation_panel.actions_by_name["open"].trigger()  # Simulate > Open Scenario…
    assert not panel.runner.loaded
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=2000)
    assert panel.notice.isVisible() and "events[0]" in panel.notice.text()


def test_pause_mid_way_offers_continue(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    run = panel.actions_by_name["run"]
    assert panel.load()
    assert run.text() == "&Run"  # set up, not started
    panel.toggle_run()
    assert run.text() == "&Pause"
    qtbot.waitUntil(lambda: panel.runner.simulation.processed > 0, timeout=10000)
    panel.toggle_run()
    assert not panel.runner.running and not panel.runner.done
    assert run.text() == "&Continue"
    assert panel.run_button.text() == "Continue"
    status = window.statusBar().currentMessage()
    assert status.startswith("Paused ") and "F5 continues" in status
    assert panel.run_button.width() >= panel.run_button.fontMetrics().horizontalAdvance(
        "Continue")
    panel.reset()
    assert run.text() == "&Run"


def test_the_horizon_line_says_events_come_after_it(qtbot, window: MainWindow,
                                                    tmp_path: Path) -> None:
    import json

    data = json.loads(SCENARIO.read_text(encoding="utf-8"))
    data["until"] = "2026-03-04T00:00:00Z"  # events after it are left out
    short = tmp_path / "short.scenario.json"
    short.write_text(json.dumps(data))
    panel = window.simulation_panel
    panel.select_scenario(str(short))
    assert panel.load()
    panel.runner.finish()
    text = panel.log_view.toPlainText()
    assert "scenario events come after it and were not simulated" in text


def test_save_result_waits_for_a_started_run(qtbot, window: MainWindow,
                                             tmp_path: Path) -> None:
    panel = window.simulation_panel
    save = panel.actions_by_name["save_result"]
    assert not save.isEnabled()
    assert panel.load()  # set up (Reset): nothing has run
    assert not save.isEnabled()
    target = tmp_path / "nothing.result.json"
    assert not panel.save_result(str(target))
    assert not target.exists()
    assert "Nothing to save yet" in window.statusBar().currentMessage()
    panel.step()
    assert save.isEnabled()
    assert panel.save_result(str(target))
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Saved a partial result to {target}: the run stopped at "
                              "2 Mar 2026 09:00 UTC")
    panel.reset()
    assert not save.isEnabled()


@pytest.mark.parametrize(("event", "fits"), [
    ({"type": "add_to_campaign", "contact": "c-ana", "campaign": "elsewhere"}, False),
    ({"type": "apply_tag", "contact": "c-nobody", "tag": "vip"}, False),
    ({"type": "purchase", "contact": "c-ana", "channel": "shopping_cart", "order_id": "o-1",
      "products": ["no-such-product"], "payment_type": "credit_card"}, False),
    ({"type": "purchase", "contact": "c-ana", "channel": "shopping_cart", "order_id": "o-1",
      "products": ["shock"], "payment_type": "barter"}, False),
    ({"type": "apply_tag", "contact": "c-ana", "tag": "vip", "products": ["shock"]}, True),
])
def test_a_reference_to_something_missing_is_told_apart(window: MainWindow, tmp_path: Path,
                                                        event: dict, fits: bool) -> None:
    import json

    data = {"start": "2026-03-02T08:00:00Z", "events": [{"at": "2026-03-02T09:00:00Z",
                                                           **event}]}
    path = tmp_path / "one.scenario.json"
    path.write_text(json.dumps(data))
    with pytest.raises(SimulationError) as caught:
        open_scenario(str(path), window.controller.workspace)
    assert isinstance(caught.value, ScenarioDoesNotFit) is not fits, str(caught.value)


def test_the_scenario_list_greys_scenarios_for_another_workspace(qtbot,
                                                                 window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    box = window.simulation_panel.scenario_combo
    index = box.findData(str(SCENARIO))
    box.showPopup()  # against the sample workspace: it loads
    assert box.itemData(index, Qt.ItemDataRole.ForegroundRole) is None
    assert "another workspace" not in box.itemData(index, Qt.ItemDataRole.ToolTipRole)
    box.hidePopup()
    assert window.files.new_workspace()
    box.showPopup()
    tip = box.itemData(index, Qt.ItemDataRole.ToolTipRole)
    assert box.itemData(index, Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert 'Written for another workspace: ' in tip and '"shock-nurture"' in tip
    box.hidePopup()
    assert box.itemText(box.count() - 1) == "Open Scenario…"  # never greyed
    assert box.itemData(box.count() - 1, Qt.ItemDataRole.ForegroundRole) is None


def test_where_now_says_why_a_contact_is_at_no_node() -> None:
    from canvas_app.sim.state import ContactState
    from canvas_app.ui.simulation.contacts_model import nowhere

    c = ContactState("a", "Ann", "Lee", "a@x.com", [], None, False)
    assert nowhere(c) == "not in a campaign"
    c.membership["c1"] = "in"
    assert nowhere(c) == "finished"
    c.membership["c1"] = "removed"
    assert nowhere(c) == "removed from its campaign"
    c.membership["c2"] = "removed"
    assert nowhere(c) == "removed from its campaigns"


def test_a_small_window_keeps_most_of_its_height_for_the_canvas(qtbot, window: MainWindow) -> None:
    """QA: at 820x560 the Warnings/Simulation area took the canvas's height, because the
    Simulation tabs asked for 128 pixels however small the window."""
    from PySide6.QtWidgets import QApplication

    window.resize(820, 560)
    QApplication.processEvents()
    bottom = window.docks["lint"].height()
    assert window.view.height() >= 2 * bottom


def test_a_workspace_chosen_as_the_scenario_is_called_a_workspace(qtbot, window: MainWindow,
                                                                   sample_file: Path) -> None:
    """QA: opening a .campaign.json as the scenario said 'the key "start" is missing'."""
    panel = window.simulation_panel
    panel.ask_scenario = lambda _start: str(sample_file)
    panel.actions_by_name["open"].trigger()  # Simulate > Open Scenario…
    assert not panel.runner.loaded
    text = panel.notice.text()
    assert text.startswith(f"{sample_file}: this file is a workspace, not a scenario: choose "
                           "a .scenario.json file, or make one with New What-If Scenario…")
    assert '"start"' not in text
    assert panel.what_if_button.isVisible()  # the way out: a scenario made for it


def test_a_scenario_that_fits_again_after_an_undo_runs_again(qtbot, window: MainWindow) -> None:
    """A scenario failed because a campaign it names was deleted; Undo brings the campaign
    back: the panel's notice goes and Run, Step and Run to End work again (QA: the notice
    said "Put it back" and the buttons stayed off while the toolbar's Simulate ran it)."""
    panel = window.simulation_panel
    window.controller.delete_campaign("shock-nurture")
    assert not panel.load()
    assert panel.notice.isVisible() and "Put it back" in panel.notice.text()
    assert enabled(window, "run", "step", "end") == [False, False, False]
    window.controller.undo_stack.undo()
    assert panel.notice.isHidden()
    assert enabled(window, "run", "step", "end") == [True, True, True]
    assert "fits the workspace again" in window.statusBar().currentMessage()
    window.simulation_panel.actions_by_name["end"].trigger()
    qtbot.waitUntil(lambda: panel.runner.done, timeout=5000)
    assert panel.runner.loaded and panel.notice.isHidden()


def test_an_edit_that_makes_the_chosen_scenario_unfit_turns_its_buttons_off(
        qtbot, window: MainWindow) -> None:
    """A campaign the chosen scenario names is deleted before any run: once the Scenario
    box marks it, the panel says why and Run, Step and Run to End wait, without being
    pressed first (QA: Step and Run to End stayed on until pressed); Undo turns them on."""
    panel = window.simulation_panel
    box = panel.scenario_combo
    assert panel.selected_scenario() == str(SCENARIO) and not panel.runner.loaded
    window.controller.delete_campaign("shock-nurture")
    qtbot.waitUntil(lambda: " — " in box.currentText(), timeout=3000)  # marked
    assert enabled(window, "run", "step", "end") == [False, False, False]
    assert panel.notice.isVisible() and "Put it back" in panel.notice.text()
    assert panel.failed_scenario == str(SCENARIO)
    window.controller.undo_stack.undo()
    assert enabled(window, "run", "step", "end") == [True, True, True]
    assert panel.notice.isHidden()


def test_cancelling_open_scenario_keeps_the_word_on_the_scenario_back_on_show(
        qtbot, window: MainWindow) -> None:
    """QA: with an unfit scenario chosen, Open Scenario… cancelled put the box back but
    took the panel's word away, and nothing said why Run was off."""
    panel = window.simulation_panel
    window.controller.delete_campaign("shock-nurture")
    qtbot.waitUntil(lambda: panel.failed_scenario == str(SCENARIO), timeout=3000)
    panel.ask_scenario = lambda _start: ""
    assert not panel.open_scenario_dialog()
    assert panel.selected_scenario() == str(SCENARIO)
    assert panel.notice.isVisible() and "Put it back" in panel.notice.text()
    assert enabled(window, "run", "step", "end") == [False, False, False]
