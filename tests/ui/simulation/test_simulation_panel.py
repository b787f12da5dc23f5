"""The Simulation panel: runs the engine live in the window, on the canvas and in its tabs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsSceneHelpEvent, QToolTip

from canvas_app.io import load_workspace
from canvas_app.sim import Simulation, load_scenario
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.runner import SPEEDS

from .conftest import SAMPLE, SCENARIO

FASTEST = len(SPEEDS) - 1


def engine_counts() -> dict[str, dict[str, int]]:
    """What the engine alone (as `canvas-app simulate`) gives for the sample scenario."""
    workspace = load_workspace(SAMPLE)
    return Simulation(workspace, load_scenario(SCENARIO, workspace)).run().counts()


def run_to_finish(qtbot, window: MainWindow, speed: int = FASTEST) -> None:
    panel = window.simulation_panel
    panel.speed_combo.setCurrentIndex(speed)
    window.actions_by_name["sim_run"].trigger()
    assert panel.runner.running
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=20000)


def finished_on_tab(qtbot, window: MainWindow, size: tuple[int, int], tab: str,
                    history: bool = False) -> None:
    """The window at ``size`` (History open too with ``history``), the sample scenario run
    to its end, the panel's ``tab`` (an attribute of the panel) in front, and the window's
    panels settled (it checks their shares once resizing pauses: a 150 ms timer)."""
    window.resize(*size)
    if history:
        window.docks["history"].show()
    window.show_simulation_panel()
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(getattr(panel, tab))
    qtbot.wait(200)
    qtbot.waitUntil(lambda: not window._canvas_room_check.isActive())
    QApplication.processEvents()


def find(qtbot, tab, text: str) -> None:
    """Types ``text`` in the contacts' find box and waits for it to search (it waits for
    typing to pause)."""
    tab.find.setText(text)
    qtbot.waitUntil(lambda: tab.model.filter_text == text.casefold(), timeout=3000)


def test_run_plays_the_scenario_to_the_engines_own_result(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    sim = panel.runner.simulation
    assert sim.counts() == engine_counts()
    assert panel.layer.counts == sim.counts()  # what the canvas shows
    log = panel.log_view.toPlainText()
    assert 'Ana Diaz achieved "Bought pool shock" (order o-1001, PayPal)' in log
    assert panel.progress.value() == 1000
    assert panel.clock_label.text() == "10 Apr 2026 00:00 UTC"  # the scenario's horizon
    assert panel.actions_by_name["run"].text() == "&Run Again"
    assert not panel.actions_by_name["step"].isEnabled()
    assert "Simulation finished: 29 events" in window.statusBar().currentMessage()


def test_timed_playback_never_runs_ahead_of_its_clock(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.speed_combo.setCurrentIndex(3)  # a week per second
    assert panel.load()
    sim = panel.runner.simulation
    start = sim.time
    panel.toggle_run()
    qtbot.waitUntil(lambda: (sim.time - start).days >= 2, timeout=10000)
    panel.toggle_run()  # pause
    assert not panel.runner.running
    following = sim.next_time()
    assert following is None or following > sim.time  # every event up to the clock is done
    assert not sim.done
    paused_at = sim.time
    qtbot.wait(150)
    assert sim.time == paused_at  # paused means paused


def test_step_handles_one_instant_and_shows_the_move_on_the_canvas(qtbot,
                                                                  window: MainWindow) -> None:
    panel = window.simulation_panel
    for _ in range(4):  # up to Ana's purchase on 3 March, 14:00
        panel.step()
    sim = panel.runner.simulation
    assert sim.processed == 4
    assert sim.counts()["bought-shock"]["achieved"] == 1
    layer = panel.layer
    nodes = window.scene.nodes
    along = [(t.start, t.end) for t in layer.tokens if t.end is not None]
    # Ana went from the goal to the post-purchase sequence, along their link.
    assert (nodes["bought-shock"].pos(), nodes["post-purchase"].pos()) in along


def test_contacts_tab_lists_contacts_and_shows_a_journey(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    panel.tabs.setCurrentIndex(1)
    model = panel.contacts_model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert {"Ana Diaz", "Ben Okafor", "Dana Whitfield"} <= set(names)  # Dana: made by a purchase
    ana = names.index("Ana Diaz")
    assert model.index(ana, 3).data() == "Bought pool shock"
    panel.select_contact("c-ana")
    rows = [panel.journey.topLevelItem(i) for i in range(panel.journey.topLevelItemCount())]
    assert rows
    achieved = [r for r in rows if r.text(1) == "achieved"]
    assert achieved and achieved[0].text(2) == "Bought pool shock"
    # Activating a step shows its node on the canvas.
    panel.journey.itemActivated.emit(achieved[0], 0)
    assert window.scene.selected_node_ids() == ["bought-shock"]


def test_chart_follows_the_campaign_on_show(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    panel.tabs.setCurrentIndex(2)
    values = panel.chart.values()
    # Bars read top to bottom in flow order; categories are bottom-up.
    assert values["Achieved"] == [0, 2, 0]  # Post-purchase, Bought pool shock, Nurture
    assert values["Waiting at a goal"] == [0, 1, 0]
    assert values["Completed"] == [2, 0, 1]
    window.campaign_list.select("checkup-onboarding")
    assert panel.chart.chart().title().startswith("Checkup Onboarding")
    assert sum(panel.chart.values()["Achieved"]) == 3  # subscribed 2, visit booked 1


def test_node_tooltip_gives_the_simulated_counts(qtbot, window: MainWindow) -> None:
    run_to_finish(qtbot, window)
    event = QGraphicsSceneHelpEvent()
    event.setScenePos(window.scene.nodes["bought-shock"].pos())
    event.setScreenPos(QPoint(100, 100))
    window.scene.helpEvent(event)
    assert "Simulation: 2 achieved · 1 waiting" in QToolTip.text()
    QToolTip.hideText()


def test_editing_during_a_run_does_not_change_it_and_says_so(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.step()
    sim = panel.runner.simulation
    window.controller.rename_node(window.current_campaign_id(), "nurture", "Renamed")
    assert not panel.notice.isHidden()
    assert "workspace changed after this run started" in panel.notice.text()
    assert sim.workspace.campaign("shock-nurture").node("nurture").name == "Nurture"
    panel.reset()  # runs the workspace as it is now
    assert panel.runner.simulation.workspace.campaign("shock-nurture").node(
        "nurture").name == "Renamed"
    assert panel.notice.isHidden()


def test_moving_nodes_does_not_make_a_run_stale(qtbot, window: MainWindow) -> None:
    """Where a node sits changes nothing a simulation does."""
    panel = window.simulation_panel
    panel.step()
    cid = window.current_campaign_id()
    window.controller.move_nodes(cid, {"nurture": (40.0, 80.0)})
    window.controller.move_nodes(cid, {"nurture": (60.0, 80.0), "bought-shock": (300.0, 0.0)})
    assert panel.notice.isHidden()
    window.controller.undo_stack.undo()
    assert panel.notice.isHidden()
    window.controller.rename_node(cid, "nurture", "Renamed")  # this one counts
    assert "workspace changed after this run started" in panel.notice.text()
    window.controller.undo_stack.undo()  # back as the run took it, places aside
    assert panel.notice.isHidden()


def test_a_workspace_with_errors_is_not_simulated(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    window.controller.add_node(window.current_campaign_id(), "tag_goal", 0, 300)  # no tag
    window.actions_by_name["sim_run"].trigger()
    assert not panel.runner.loaded
    assert panel.notice.text().startswith("Fix the workspace before simulating: "
                                          "Pool Shock Nurture › Tag goal 1: no tag is chosen")
    assert "campaigns[" not in panel.notice.text()  # names, not JSON paths or ids


def test_a_bad_scenario_file_gets_one_located_line(qtbot, window: MainWindow,
                                                   tmp_path: Path) -> None:
    panel = window.simulation_panel
    bad = tmp_path / "bad.scenario.json"
    bad.write_text('{"start": "2026-01-01T00:00:00Z", "events": [{"at": "soon"}]}')
    panel.ask_scenario = lambda _start: str(bad)
    assert not panel.open_scenario_dialog()
    assert panel.notice.text().startswith(str(bad))
    assert "events[0]" in panel.notice.text()
    assert not panel.runner.loaded
    assert panel.selected_scenario() == str(bad)  # kept chosen, to fix and try again


def test_opening_another_workspace_ends_the_run(qtbot, window: MainWindow,
                                                sample_file: Path) -> None:
    panel = window.simulation_panel
    panel.step()
    assert panel.runner.loaded
    assert window.files.open_source(str(sample_file))
    assert not panel.runner.loaded
    assert panel.layer.scene() is window.scene  # drawn on the new canvas
    assert panel.log_view.toPlainText() == ""


def test_simulate_toolbar_action_shows_the_panel_and_runs(qtbot, window: MainWindow) -> None:
    dock = window.docks["simulation"]
    simulate = window.toolbar_actions["simulate"]
    assert simulate.text() == "Simulate"
    simulate.trigger()
    assert dock.isVisible()
    assert window.simulation_panel.runner.running
    assert simulate.text() == "Pause"  # the button says what pressing it does now
    qtbot.waitUntil(lambda: window.simulation_panel.runner.simulation.processed > 0)
    simulate.trigger()  # again: pause
    assert not window.simulation_panel.runner.running
    assert simulate.text() == "Continue"
    QApplication.processEvents()


def test_clicks_go_through_the_simulation_layer(qtbot, window: MainWindow) -> None:
    window.simulation_panel.step()
    viewport = window.view.viewport()
    node = window.scene.nodes["nurture"]
    window.scene.clearSelection()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                     pos=window.view.mapFromScene(node.pos() + QPointF(0, 5)))
    assert window.scene.selected_node_ids() == ["nurture"]


def test_f5_on_the_canvas_runs_and_shows_the_panel(qtbot, window: MainWindow) -> None:
    dock = window.docks["simulation"]
    window.docks["lint"].raise_()
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    assert window.simulation_panel.runner.running
    assert dock.isVisible() and not dock.visibleRegion().isEmpty()  # raised over Warnings
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    assert not window.simulation_panel.runner.running


def test_saved_result_is_the_command_lines_json(qtbot, window: MainWindow,
                                                tmp_path: Path) -> None:
    panel = window.simulation_panel
    assert not panel.actions_by_name["save_result"].isEnabled()  # nothing run yet
    run_to_finish(qtbot, window)
    target = tmp_path / "out" / "spring.result.json"
    panel.ask_result_path = lambda start: (
        str(target) if start.endswith("pool-store.result.json") else "")
    assert panel.save_result_dialog()
    workspace = load_workspace(SAMPLE)
    expected = Simulation(workspace, load_scenario(SCENARIO, workspace)).run().to_json()
    assert target.read_text(encoding="utf-8") == expected
    assert "saved to" in window.statusBar().currentMessage()
    # a name typed without ".json": the suffix added (QA 22i: "rés ult" was written as it
    # was typed), and asked about when that file is there
    panel.ask_result_path = lambda start: str(tmp_path / "out" / "rés ult")
    assert panel.save_result_dialog()
    assert (tmp_path / "out" / "rés ult.result.json").read_text(encoding="utf-8") == expected
    assert not (tmp_path / "out" / "rés ult").exists()
    window.files.ask_replace_file = lambda path: False
    (tmp_path / "out" / "rés ult.result.json").write_text("keep", encoding="utf-8")
    assert not panel.save_result_dialog()
    assert (tmp_path / "out" / "rés ult.result.json").read_text(encoding="utf-8") == "keep"


def test_a_result_saved_midway_says_it_is_not_complete(qtbot, window: MainWindow,
                                                       tmp_path: Path) -> None:
    panel = window.simulation_panel
    panel.step()
    target = tmp_path / "partial.result.json"
    assert panel.save_result(str(target))
    assert '"complete": false' in target.read_text(encoding="utf-8")


def test_a_selected_contact_s_path_is_drawn_on_the_canvas(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    panel.tabs.setCurrentIndex(1)
    panel.select_contact("c-ana")
    layer = panel.layer
    assert layer.path_nodes == {"nurture", "bought-shock", "post-purchase"}
    assert layer.path_links == {("bought-shock", "post-purchase")}  # nurture was cut short
    assert layer.path_current == set(panel.runner.simulation.contacts["c-ana"].position())
    panel.contacts_table.clearSelection()
    assert not layer.path_nodes and not layer.path_links


def test_over_time_chart_follows_the_run(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    panel.tabs.setCurrentWidget(panel.timeline)
    timeline = panel.runner.timeline()
    times = [at for at, _counts in timeline]
    assert times == sorted(times) and len(times) > 10
    assert timeline[-1][1] == panel.runner.simulation.counts()
    achieved = [value for _at, value in panel.timeline.values("bought-shock")]
    assert achieved == sorted(achieved)  # achieving is cumulative
    assert achieved[0] == 0 and achieved[-1] == 2
    in_nurture = [value for _at, value in panel.timeline.values("nurture")]
    assert max(in_nurture) >= 1 and in_nurture[-1] == 0
    # The axis shows UTC: the first point is the scenario's start, 2 March 08:00 UTC.
    assert panel.timeline.values("nurture")[0][0] == timeline[0][0]
    legend = panel.timeline.chart().legend().markers()
    assert [m.label() for m in legend] == [
        "Nurture (in it)", "Bought pool shock (achieved)", "Post-purchase (in it)"]


def test_step_and_run_to_end_keep_the_same_history_as_playing(qtbot,
                                                              window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    played = panel.runner.timeline()
    panel.reset()
    panel.step()
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=10000)
    assert panel.runner.timeline() == played


def test_count_scale_gives_whole_ticks_for_every_count_and_room() -> None:
    from canvas_app.ui.simulation.funnel_chart import count_scale

    assert count_scale(0) == (1, 2)
    assert count_scale(9) == (10, 6)
    assert count_scale(589) == (600, 4)
    for most in range(2, 7):
        for biggest in range(0, 3000, 7):
            top, ticks = count_scale(biggest, most)
            assert top >= biggest and 2 <= ticks <= most
            assert top % (ticks - 1) == 0  # every tick a whole number


def test_this_campaign_only_simulates_the_campaign_on_show(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.only_campaign.setChecked(True)
    run_to_finish(qtbot, window)
    workspace = load_workspace(SAMPLE)
    alone = Simulation(workspace, load_scenario(SCENARIO, workspace),
                       campaign="shock-nurture").run()
    assert panel.runner.simulation.counts() == alone.counts()
    assert "subscribed" not in panel.runner.simulation.counts()  # Checkup Onboarding's goal
    panel.reset()  # a reset keeps the choice
    assert panel.runner.simulation.campaign == "shock-nurture"


def add_invalid_goal(window: MainWindow) -> None:
    window.controller.add_node(window.current_campaign_id(), "tag_goal", 0, 300)  # no tag


def test_reset_on_a_workspace_with_errors_ends_the_old_run(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.toggle_run()
    panel.step()
    assert panel.runner.loaded
    add_invalid_goal(window)
    panel.reset()
    assert not panel.runner.loaded and not panel.runner.running
    assert panel.notice.text().startswith("Fix the workspace before simulating")
    assert panel.log_view.toPlainText() == ""
    assert panel.layer.counts == {}
    assert panel.actions_by_name["run"].text() == "&Run"


def test_run_after_a_reset_takes_the_edited_workspace(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    assert panel.load()  # set up, not started
    add_invalid_goal(window)
    assert "workspace changed" not in panel.notice.text()  # it will take it when it starts
    panel.toggle_run()  # nothing was played yet: the run takes the workspace as it is now
    assert not panel.runner.running
    assert panel.notice.text().startswith("Fix the workspace before simulating")


def test_a_scenario_that_fails_to_load_clears_the_previous_run(qtbot, window: MainWindow,
                                                               tmp_path: Path) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    bad = tmp_path / "bad.scenario.json"
    bad.write_text('{"start": "2026-01-01T00:00:00Z", "events": [{"type": "cart_login"}]}')
    panel.ask_scenario = lambda _start: str(bad)
    assert not panel.open_scenario_dialog()
    assert not panel.runner.loaded
    assert panel.log_view.toPlainText() == "" and panel.clock_label.text() == ""
    assert not panel.actions_by_name["save_result"].isEnabled()
    # Choosing again and cancelling puts that file back on show, and the message saying why
    # it does not load stays with it (nothing else would say why Run is off).
    panel.ask_scenario = lambda _start: ""
    assert not panel.open_scenario_dialog()
    assert panel.selected_scenario() == str(bad)
    assert not panel.notice.isHidden()
    assert 'the key "at" is missing' in panel.notice.text()


def test_time_axis_ticks_fall_on_round_steps_and_end_with_the_run() -> None:
    from canvas_app.ui.simulation.time_axis import axis_labels, steps, time_ticks

    day = 86400
    start = 1772438400  # 2 March 2026 08:00 UTC
    end = start + 39 * day  # 10 April 08:00
    first, step, ticks = time_ticks(start, end)
    assert step == 7 * day and first % day == 0 and first <= start and ticks <= 8
    assert first + (ticks - 1) * step <= end < first + ticks * step  # no tick past the end
    axis_start, labels = axis_labels(start, end)
    assert axis_start == first and labels[0] == (first, "2 Mar")
    assert [at for at, _ in labels[:-1]] == [first + i * step for i in range(ticks)]
    assert labels[-1] == (end, "10 Apr 08:00")  # the end itself, with its time
    # An end at midnight is labelled by its day; one just after a tick is not labelled.
    assert axis_labels(start, first + 39 * day)[1][-1] == (first + 39 * day, "10 Apr")
    assert axis_labels(start, first + 35 * day + 3600)[1][-1] == (first + 35 * day, "6 Apr")
    first, step, ticks = time_ticks(start, start + 5 * 3600)
    assert step == 3600 and first == start and ticks == 6
    assert axis_labels(start, start + 5 * 3600)[1][-1] == (start + 5 * 3600, "2 Mar 13:00")
    assert steps([(0, 0), (10, 2), (20, 2), (30, 1)]) == [
        (0, 0), (10, 0), (10, 2), (20, 2), (30, 2), (30, 1)]


def test_a_long_time_axis_names_months_and_years_of_the_calendar() -> None:
    """QA 22i: over ten years the ticks were 364 days apart, each a day earlier ("1 Dec,
    30 Nov, 28 Nov…") with no year; over a century their labels overlapped."""
    from datetime import UTC, datetime

    from canvas_app.ui.simulation.time_axis import axis_labels

    def at(text: str) -> int:
        return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp())

    _start, labels = axis_labels(at("2026-12-01"), at("2036-11-28"), apart=0.75)
    assert [text for _at, text in labels] == ["2026", "2028", "2030", "2032", "2034", "2036"]
    assert all(datetime.fromtimestamp(moment, UTC).timetuple()[1:3] == (1, 1)
               for moment, _text in labels)  # on 1 January
    _start, labels = axis_labels(at("2026-05-01"), at("2126-05-01"), apart=0.75)
    assert len(labels) <= 8 and [t for _a, t in labels][:2] == ["2020", "2040"]
    _start, labels = axis_labels(at("2026-05-01"), at("2027-06-01"), apart=0.75)
    assert [text for _at, text in labels] == [
        "May 2026", "Jul 2026", "Sep 2026", "Nov 2026", "Jan 2027", "Mar 2027", "1 Jun 2027"]
    # a month's run keeps its days, as before
    assert axis_labels(at("2026-05-01"), at("2026-06-01"))[1][0][1] == "1 May"


def test_over_time_axis_ends_at_the_run_s_end(qtbot, window: MainWindow) -> None:
    """QA: the axis kept round ticks and so ended up to a step after the run's end."""
    from canvas_app.ui.simulation.time_axis import from_axis_ms

    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    panel.tabs.setCurrentWidget(panel.timeline)
    QApplication.processEvents()
    sim = panel.runner.simulation
    axis = panel.timeline.chart().axes(Qt.Orientation.Horizontal)[0]
    assert from_axis_ms(axis.max()) == sim.until
    assert from_axis_ms(axis.min()) <= sim.start
    assert axis.categoriesLabels()[0] == "2 Mar" and axis.categoriesLabels()[-1] == "10 Apr"
    assert all(from_axis_ms(axis.endValue(label)) <= sim.until
               for label in axis.categoriesLabels())


def test_charts_show_every_label_in_a_short_panel(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    window.campaign_list.select("checkup-onboarding")
    panel.tabs.setCurrentWidget(panel.chart)
    qtbot.waitUntil(lambda: panel.chart.chart().title().startswith("Checkup"), timeout=2000)
    for chart in (panel.chart, panel.timeline):
        for axis in chart.chart().axes():
            assert not axis.truncateLabels()


def test_run_to_end_keeps_the_window_responsive_and_can_be_paused(qtbot, window: MainWindow,
                                                                  tmp_path: Path) -> None:
    import json

    panel = window.simulation_panel
    what_if = json.loads((SCENARIO.parent / "pool-store-what-if.scenario.json").read_text())
    what_if["population"]["count"] = 20000  # many slices of work, on any machine
    big = tmp_path / "big.scenario.json"
    big.write_text(json.dumps(what_if))
    panel.select_scenario(str(big))
    assert panel.load()
    window.actions_by_name["sim_end"].trigger()
    assert panel.runner.running and panel.runner.to_end  # on the timer, not all at once
    assert not panel.actions_by_name["end"].isEnabled()
    assert "to the end" in window.statusBar().currentMessage()
    with qtbot.waitSignal(panel.runner.advanced, timeout=10000):
        pass  # one slice done
    panel.toggle_run()  # Pause
    assert not panel.runner.running and not panel.runner.to_end
    assert 0 < panel.progress.value() < 1000
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done, timeout=60000)
    assert panel.progress.value() == 1000
    assert len(panel.layer.tokens) <= 50  # the end state, not thousands of dots


def test_log_follows_new_lines_unless_scrolled_up(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.log_view)
    window.resizeDocks([window.docks["simulation"]], [200], Qt.Orientation.Vertical)
    for _ in range(8):
        panel.step()
    window.controller.rename_node(window.current_campaign_id(), "nurture", "Renamed")
    assert not panel.notice.isHidden()  # the notice takes room from the log
    QApplication.processEvents()
    for _ in range(8):
        panel.step()
    bar = panel.log_view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()
    bar.triggerAction(bar.SliderAction.SliderToMinimum)  # the user scrolls up to read
    QApplication.processEvents()
    panel.step()
    assert bar.value() == 0


def test_contacts_can_be_found_and_sorted(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    tab = panel.contacts
    table = tab.table
    find(qtbot, tab, "okafor")
    assert table.model().rowCount() == 1
    assert table.model().index(0, 0).data() == "Ben Okafor"
    find(qtbot, tab, "")
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert names == sorted(names, key=str.lower, reverse=True)
    find(qtbot, tab, "nobody-has-this")
    panel.select_contact("c-ana")  # a search that hides her is cleared
    assert tab.find.text() == "" and tab.selected_contact() == "c-ana"


def test_a_contact_with_no_journey_says_so(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    assert panel.load()  # nothing has happened yet
    panel.select_contact("c-ana")
    assert panel.journey.topLevelItem(0).text(0) == "Nothing has happened to this contact yet."


def test_a_one_campaign_run_says_so_on_another_campaign(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.only_campaign.setChecked(True)
    assert panel.load()
    window.campaign_list.select("checkup-onboarding")
    assert 'simulates "Pool Shock Nurture" alone' in panel.notice.text()
    window.campaign_list.select("shock-nurture")
    assert panel.notice.isHidden()


def test_cancelling_open_scenario_in_the_box_goes_back_to_the_last_choice(
        qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    what_if = str(SCENARIO.parent / "pool-store-what-if.scenario.json")
    panel.select_scenario(what_if)
    box = panel.scenario_combo
    asked: list[str] = []
    panel.ask_scenario = lambda start: asked.append(start) or ""
    box.setCurrentIndex(box.count() - 1)  # "Open Scenario…", as a click picks it
    box.activated.emit(box.count() - 1)
    assert asked and panel.selected_scenario() == what_if


def test_journey_placeholder_gives_way_to_the_first_event(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    assert panel.load()
    panel.select_contact("c-ana")
    assert panel.journey.topLevelItemCount() == 1  # the placeholder
    panel.step()  # 09:00: Ana is added to the nurture
    panel._refresh_slow_views()
    first = panel.journey.topLevelItem(0)
    assert first.text(1) == "added to the campaign"


def test_the_fix_the_workspace_notice_goes_when_the_error_does(qtbot,
                                                              window: MainWindow) -> None:
    panel = window.simulation_panel
    add_invalid_goal(window)
    panel.toggle_run()
    assert not panel.notice.isHidden()
    window.controller.undo_stack.undo()
    assert panel.notice.isHidden()
    assert "can be simulated again" in window.statusBar().currentMessage()


def test_searching_keeps_the_selected_contact_and_selects_no_other(qtbot,
                                                                   window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    tab = panel.contacts
    tab.select_contact("c-dev")
    find(qtbot, tab, "visit")  # Dev has not booked a visit: he drops out of the list
    assert tab.selected_contact() is None
    find(qtbot, tab, "")
    assert tab.selected_contact() is None
    tab.select_contact("c-ana")
    find(qtbot, tab, "ana")
    assert tab.selected_contact() == "c-ana"


def test_over_time_places_a_change_after_a_quiet_spell_at_its_own_time(
        qtbot, window: MainWindow) -> None:
    from datetime import UTC, datetime

    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    dana_joins = int(datetime(2026, 3, 5, 11, tzinfo=UTC).timestamp())  # the log's time
    timeline = panel.runner.timeline()
    before = [c["onboarding"]["active"] for at, c in timeline if at < dana_joins]
    at_once = [c["onboarding"]["active"] for at, c in timeline if at == dana_joins]
    assert set(before) == {0} and at_once == [1]


def test_a_journey_in_another_campaign_says_where(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    panel.select_contact("new-1")  # Dana, created by her purchase: Checkup Onboarding only
    assert ("Dana Whitfield's journey is in Checkup Onboarding"
            in window.statusBar().currentMessage())


def test_this_campaign_only_ignores_errors_in_other_campaigns(qtbot,
                                                              window: MainWindow) -> None:
    panel = window.simulation_panel
    window.controller.add_node("checkup-onboarding", "tag_goal", 0, 300)  # no tag: an error
    panel.only_campaign.setChecked(True)  # Pool Shock Nurture is on show
    assert panel.load()
    assert panel.runner.simulation.campaign == "shock-nurture"
    panel.only_campaign.setChecked(False)
    assert not panel.load()
    assert "Checkup Onboarding › Tag goal 1" in panel.notice.text()


def test_the_canvas_shows_the_simulation_while_its_panel_is_open(
        qtbot, window: MainWindow) -> None:
    """QA: the counts went from the canvas as Warnings came to the front, so the two could
    not be compared. They stay, whichever tab is in front, until the panel is closed."""
    panel = window.simulation_panel
    dock = window.docks["simulation"]
    window.simulate()  # shows the panel and runs
    panel.toggle_run()
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=20000)
    assert panel.layer.isVisible() and panel.layer.counts
    window.docks["lint"].raise_()  # Warnings to the front
    qtbot.waitUntil(lambda: dock.visibleRegion().isEmpty(), timeout=2000)
    qtbot.wait(50)
    assert panel.layer.isVisible() and panel.layer.counts  # still on the canvas
    panel.actions_by_name["reset"].trigger()  # Reset: the run starts over, its counts too
    assert not any(n for counts in panel.layer.counts.values() for n in counts.values())
    window.show_simulation_panel()
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=2000)
    assert panel.layer.isVisible()
    dock.close()
    qtbot.waitUntil(lambda: not panel.layer.isVisible(), timeout=2000)
    window.show_simulation_panel()
    qtbot.waitUntil(lambda: panel.layer.isVisible(), timeout=2000)


def test_undoing_back_to_the_runs_version_takes_the_notice_away(qtbot,
                                                                window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.step()
    window.controller.rename_node(window.current_campaign_id(), "nurture", "Renamed")
    assert "workspace changed" in panel.notice.text() and not panel.notice.isHidden()
    window.controller.undo_stack.undo()
    assert panel.notice.isHidden()
    window.controller.undo_stack.redo()
    assert not panel.notice.isHidden()


def test_changing_this_campaign_only_after_a_run_says_reset_applies_it(
        qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.step()
    panel.only_campaign.setChecked(True)
    assert "Reset (Shift+F5) runs it with the new choice" in panel.notice.text()
    panel.only_campaign.setChecked(False)
    assert panel.notice.isHidden()
    panel.only_campaign.setChecked(True)
    panel.reset()
    assert panel.notice.isHidden() and panel.runner.simulation.campaign == "shock-nurture"


def test_a_node_name_two_campaigns_share_says_which_campaign(qtbot, window: MainWindow) -> None:
    from canvas_app.ui.simulation.contacts_model import node_name

    window.controller.rename_node("checkup-onboarding", "onboarding", "Nurture")
    panel = window.simulation_panel
    assert panel.load()
    sim = panel.runner.simulation
    assert node_name(sim, "nurture") == "Nurture (Pool Shock Nurture)"
    assert node_name(sim, "onboarding") == "Nurture (Checkup Onboarding)"
    assert node_name(sim, "bought-shock") == "Bought pool shock"  # unique: no campaign


def test_simulate_leaves_the_canvas_most_of_a_small_window(qtbot, window: MainWindow) -> None:
    window.resize(1000, 600)
    QApplication.processEvents()
    window.show_simulation_panel()
    QApplication.processEvents()
    assert window.docks["simulation"].height() <= int(window.height() * 0.45) + 10


def test_this_campaign_only_ticked_before_the_run_starts_is_used(qtbot,
                                                                 window: MainWindow) -> None:
    panel = window.simulation_panel
    assert panel.load()  # chosen and set up, not started
    assert panel.runner.simulation.campaign is None
    panel.only_campaign.setChecked(True)
    assert "Reset" not in panel.notice.text()  # nothing to reset: it has not started
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done, timeout=20000)
    assert panel.runner.simulation.campaign == window.current_campaign_id()


def test_an_edit_before_the_run_starts_is_simulated(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    assert panel.load()
    window.controller.rename_node(window.current_campaign_id(), "nurture", "Renamed")
    panel.step()
    assert panel.runner.simulation.workspace.campaign("shock-nurture").node(
        "nurture").name == "Renamed"


def test_an_edit_after_a_finished_run_says_run_again_simulates_it(qtbot,
                                                                   window: MainWindow) -> None:
    panel = window.simulation_panel
    assert panel.load()
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done, timeout=20000)
    window.controller.rename_node(window.current_campaign_id(), "nurture", "Renamed")
    assert "results on show are of the earlier version" in panel.notice.text()
    assert "goes on" not in panel.notice.text()
    panel.toggle_run()  # Run Again
    assert panel.runner.simulation.workspace.campaign("shock-nurture").node(
        "nurture").name == "Renamed"


def test_the_earlier_version_notice_survives_a_visit_to_another_campaign(
        qtbot, window: MainWindow) -> None:
    """QA 6: with "This campaign only", showing another campaign replaced the notice that
    the run is of an earlier version, and coming back lost it for good."""
    panel = window.simulation_panel
    panel.only_campaign.setChecked(True)
    assert panel.load()
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done, timeout=20000)
    window.place_node("sequence")
    assert "earlier version" in panel.notice.text()
    window.campaign_list.select("checkup-onboarding")
    assert "alone" in panel.notice.text() and "earlier version" in panel.notice.text()
    window.campaign_list.select("shock-nurture")
    assert "alone" not in panel.notice.text()
    assert "earlier version" in panel.notice.text() and panel.notice.isVisible()


def test_a_step_says_where_it_stopped(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.step()
    message = window.statusBar().currentMessage()
    assert message.startswith("Stepped to ") and "F6 steps again" in message


def test_the_hint_to_pick_a_campaign_goes_once_it_is_picked(qtbot, window: MainWindow) -> None:
    """Selecting a contact whose journey is in another campaign says to pick it; picking it
    takes the hint away (it stayed), picking another one does not."""
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    panel.tabs.setCurrentWidget(panel.contacts)
    bar = window.statusBar()
    dana = next(cid for cid, c in panel.runner.simulation.contacts.items()
                if c.name == "Dana Whitfield")  # made by her purchase
    panel.select_contact(dana)  # her journey is in Checkup Onboarding only
    assert bar.currentMessage().startswith("Dana Whitfield's journey is in Checkup Onboarding")
    window.campaign_list.select("shock-nurture")  # the one on show already: no change
    assert bar.currentMessage().startswith("Dana Whitfield's journey")
    window.campaign_list.select("checkup-onboarding")
    assert bar.currentMessage() == ""
    assert window.scene.nodes.keys() & panel.layer.path_nodes  # her journey, on show
    # Another message since is left alone.
    window.campaign_list.select("shock-nurture")
    panel.select_contact("c-ana")
    panel.select_contact(dana)
    window.show_status("Something else")
    window.campaign_list.select("checkup-onboarding")
    assert bar.currentMessage() == "Something else"


def test_the_hint_goes_when_another_contact_is_chosen(qtbot, window: MainWindow) -> None:
    """QA: Dana's hint to pick her campaign stayed in the status bar while the next
    contact's journey, on the canvas already, was drawn."""
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    panel.tabs.setCurrentWidget(panel.contacts)
    bar = window.statusBar()
    dana = next(cid for cid, c in panel.runner.simulation.contacts.items()
                if c.name == "Dana Whitfield")  # her journey is in Checkup Onboarding only
    panel.select_contact(dana)
    assert bar.currentMessage().startswith("Dana Whitfield's journey is in")
    panel.select_contact("c-ana")  # Ana's journey is in the campaign on show
    assert panel.layer.path_nodes & window.scene.nodes.keys()
    assert "Dana" not in bar.currentMessage()
