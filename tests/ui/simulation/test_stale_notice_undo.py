"""The notice that the workspace changed after a run goes once the edits are undone back to
the workspace the run was made on (QA: selecting a campaign's three nodes on the canvas,
deleting them and undoing left it shown: the undo put the nodes back in the order they
were selected in, and the comparison took the order of nodes and links as a change)."""

from __future__ import annotations

from canvas_app.ui.main_window import MainWindow

from .test_simulation_panel import run_to_finish

STALE = "The workspace changed after this run"


def stale(window: MainWindow) -> bool:
    notice = window.simulation_panel.notice
    return STALE in notice.text() and not notice.isHidden()


def delete_all_reversed(window: MainWindow) -> None:
    """Every node of the campaign on show selected, last first, and deleted."""
    cid = window.current_campaign_id()
    nodes = [node.id for node in window.controller.workspace.campaign(cid).nodes]
    assert len(nodes) >= 3
    window.scene.select_nodes(nodes[::-1])
    window.delete_selection()


def test_undoing_a_deletion_takes_the_notice_back(qtbot, window: MainWindow) -> None:
    run_to_finish(qtbot, window)
    delete_all_reversed(window)
    assert stale(window)
    window.controller.undo_stack.undo()
    assert not stale(window), window.simulation_panel.notice.text()
    window.controller.undo_stack.redo()  # changed again: said again
    assert stale(window)
    window.controller.undo_stack.undo()
    assert not stale(window)


def test_an_edit_undone_and_another_made_in_its_place_is_a_change(
        qtbot, window: MainWindow) -> None:
    """Back at the run's place in the undo history by other commands is not the same."""
    cid = window.current_campaign_id()
    window.controller.rename_node(cid, "nurture", "First")
    run_to_finish(qtbot, window)
    window.controller.undo_stack.undo()  # the run's rename undone
    assert stale(window)
    window.controller.rename_node(cid, "nurture", "Second")  # same index, other command
    assert window.controller.undo_stack.index() == 1
    assert stale(window)


def test_a_big_workspace_is_compared_by_its_undo_history(qtbot, window: MainWindow) -> None:
    """Over SAME_CHECK_MAX_NODES nodes the data are not compared (too slow for every
    edit): undoing back to the run still takes the notice back; a rename typed back by
    hand does not."""
    window.simulation_panel.same_check_max_nodes = 2  # the sample is "big"
    run_to_finish(qtbot, window)
    cid = window.current_campaign_id()
    delete_all_reversed(window)
    assert stale(window)
    window.controller.undo_stack.undo()
    assert not stale(window)
    window.controller.rename_node(cid, "nurture", "Renamed")
    window.controller.rename_node(cid, "nurture", "Nurture")
    assert stale(window)



def test_a_run_that_ends_after_an_edit_says_its_results_are_of_the_earlier_version(
        qtbot, window: MainWindow) -> None:
    """QA: an edit while a run went on said it "goes on with the version it started with";
    once the run had ended the notice still said so, not how to simulate the changed one."""
    panel = window.simulation_panel
    window.actions_by_name["sim_step"].trigger()  # started, paused
    window.actions_by_name["sim_step"].trigger()
    assert panel.runner.loaded and not panel.runner.done
    delete_all_reversed(window)
    assert "goes on with the version it started with" in panel.notice.text()
    window.actions_by_name["sim_end"].trigger()
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=20000)
    assert stale(window) and "Run Again (F5)" in panel.notice.text()
    assert "goes on" not in panel.notice.text()
