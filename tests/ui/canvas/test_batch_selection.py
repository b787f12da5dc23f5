"""A change of many selected items at once (select all, a delete, an undo, the overview
coming or going, another campaign shown) tells the Edit actions once that the selection
changed, not once per item (each telling read the whole selection: n items cost n times
n); the actions are right at once after each of them."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from canvas_app.ui.main_window import MainWindow

from .conftest import add_big_campaign

SELECTION_ACTIONS = ("cut", "copy", "duplicate", "delete", "rename", "view_edit", "link")


def enabled(window: MainWindow) -> dict[str, bool]:
    return {k: window.actions_by_name[k].isEnabled() for k in SELECTION_ACTIONS}


def counting(window: MainWindow) -> list[int]:
    """A list that grows by one at each selectionChanged of the window's scene."""
    told: list[int] = []
    window.scene.selectionChanged.connect(lambda: told.append(1))
    return told


def test_select_all_tells_once_and_the_actions_follow(window: MainWindow) -> None:
    cid = add_big_campaign(window, 120)
    window.view.reset_zoom()
    told = counting(window)
    window.actions_by_name["select_all"].trigger()
    assert len(told) == 1
    assert len(window.scene.selected_node_ids()) == 120
    assert window._selection()[0] == cid
    state = enabled(window)
    assert state["delete"] and state["copy"] and state["cut"] and state["duplicate"]
    assert not state["rename"] and not state["view_edit"] and not state["link"]
    told.clear()
    window.actions_by_name["select_all"].trigger()  # nothing changes: nothing to tell
    assert told == []
    window.scene.select_nodes(["big-3"])
    assert len(told) == 1 and enabled(window)["rename"]


def test_deleting_and_undoing_many_selected_nodes_tells_once_each(
        window: MainWindow) -> None:
    add_big_campaign(window, 150)
    window.view.reset_zoom()
    window.actions_by_name["select_all"].trigger()
    told = counting(window)
    window.actions_by_name["delete"].trigger()
    assert not window.scene.nodes and not window.scene.links
    assert len(told) == 1
    assert not any(enabled(window).values())
    told.clear()
    window.actions_by_name["undo"].trigger()  # they come back, selected
    assert len(window.scene.nodes) == 150
    assert len(window.scene.selected_node_ids()) == 150
    assert 1 <= len(told) <= 2
    assert enabled(window)["delete"] and not enabled(window)["rename"]
    told.clear()
    window.actions_by_name["redo"].trigger()
    assert not window.scene.nodes and len(told) <= 1
    assert not any(enabled(window).values())


def test_a_batch_taking_some_selected_nodes_keeps_the_others_selected(
        window: MainWindow) -> None:
    cid = add_big_campaign(window, 60)
    window.view.reset_zoom()
    scene = window.scene
    chosen = [f"big-{i}" for i in range(0, 60, 2)]  # every other one
    scene.select_nodes(chosen)
    link = scene.links[("big-1", "big-2")]
    link.setSelected(True)
    told = counting(window)
    gone = chosen[:10]  # a delete from elsewhere (the domain's batch) of ten of them
    window.controller.delete(cid, gone)
    assert len(told) == 1
    assert sorted(window._selection()[1]) == sorted(chosen[10:])
    assert window._selection()[2] == []  # the link went with big-2
    assert enabled(window)["delete"]


def test_selected_links_taken_by_a_batch_tell_once(window: MainWindow) -> None:
    cid = add_big_campaign(window, 40)
    window.view.reset_zoom()
    scene = window.scene
    scene.clearSelection()
    for i in range(1, 20):
        scene.links[(f"big-{i - 1}", f"big-{i}")].setSelected(True)
    assert enabled(window)["delete"] and not enabled(window)["copy"]
    told = counting(window)
    window.controller.delete(cid, [f"big-{i}" for i in range(20)])
    assert len(told) == 1
    assert window._selection()[1:] == ([], [])
    assert not enabled(window)["delete"]


def test_the_overview_keeps_a_large_selection_telling_once_each_way(
        window: MainWindow) -> None:
    add_big_campaign(window, 420)  # large enough for the overview
    view, scene = window.view, window.scene
    view.reset_zoom()
    scene.select_nodes([f"big-{i}" for i in range(300)])
    told = counting(window)
    view.set_zoom(0.1)
    assert scene.overview_mode
    assert len(told) == 1
    assert len(scene.selected_node_ids()) == 300 and enabled(window)["delete"]
    told.clear()
    view.set_zoom(1.0, QPointF(0, 0))
    assert not scene.overview_mode
    assert len(told) == 1
    assert len(scene.selectedItems()) == 300 and enabled(window)["copy"]


def test_showing_another_campaign_drops_a_large_selection_telling_once(
        window: MainWindow) -> None:
    first = window.controller.workspace.campaigns[0].id
    add_big_campaign(window, 200)
    window.view.reset_zoom()
    window.actions_by_name["select_all"].trigger()
    told = counting(window)
    window.campaign_list.select(first)
    assert window.scene.campaign_id == first
    assert len(told) == 1
    assert window._selection()[1:] == ([], [])
    assert not enabled(window)["delete"]
