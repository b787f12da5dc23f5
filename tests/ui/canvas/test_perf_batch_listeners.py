"""A batch of edits (a delete, a paste, their undo; a move of many nodes) is followed once,
at the event naming its nodes, by the views that need not follow each node: the Warnings
panel, the simulation's layer; and the scene takes every item off at once when all the
campaign's nodes go (perf QA: ~0.3 s of a 1 s delete of 10,000 nodes went to listeners
other than the scene, and the scene took its items off one at a time)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGraphicsItem

from canvas_app.ui.canvas.link_item import LinkItem
from canvas_app.ui.canvas.node_item import NodeItem
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.overlay import FEW_CHANGED

from .conftest import add_big_campaign

COUNTS = {"entered": 3, "active": 2}


def counting(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[tuple]:
    """Calls of ``owner.name`` from now on, each with its arguments."""
    calls: list[tuple] = []
    original = getattr(owner, name)

    def counted(*args: object) -> object:
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(owner, name, counted)
    return calls


def campaign_items(window: MainWindow) -> list[QGraphicsItem]:
    return [i for i in window.scene.items() if isinstance(i, NodeItem | LinkItem)]


def test_deleting_every_node_takes_the_items_off_at_once(qtbot, window: MainWindow,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    cid = add_big_campaign(window, 80)
    scene = window.scene
    scene.select_nodes(list(scene.nodes))
    one_by_one = counting(monkeypatch, scene, "_remove_node_item")
    links_one_by_one = counting(monkeypatch, scene, "_remove_link")
    told: list[int] = []
    scene.selectionChanged.connect(lambda: told.append(1))
    emptied: list[bool] = []
    scene.emptiness_changed.connect(emptied.append)
    window.controller.delete(cid, list(scene.nodes))
    assert one_by_one == [] and links_one_by_one == []
    assert scene.nodes == {} and scene.links == {} and campaign_items(window) == []
    assert told == [1]  # the selection's change told once
    assert emptied == [True]
    assert scene.selected_node_ids() == []
    window.controller.undo_stack.undo()
    assert len(scene.nodes) == 80 and len(scene.links) == 79
    assert len(campaign_items(window)) == 80 + 79
    window.controller.undo_stack.redo()
    assert campaign_items(window) == []


def test_deleting_some_nodes_still_takes_off_theirs_alone(qtbot, window: MainWindow) -> None:
    cid = add_big_campaign(window, 40)
    scene = window.scene
    going = [f"big-{i}" for i in range(0, 40, 2)]
    scene.select_nodes(going)
    told: list[int] = []
    scene.selectionChanged.connect(lambda: told.append(1))
    window.controller.delete(cid, going)
    assert set(scene.nodes) == {f"big-{i}" for i in range(1, 40, 2)}
    assert scene.links == {}  # every link had an end among them
    assert len(campaign_items(window)) == 20
    assert all(not item.links for item in scene.nodes.values())
    assert told == [1]
    window.controller.undo_stack.undo()
    assert len(scene.nodes) == 40 and len(scene.links) == 39


def test_the_warnings_panel_waits_for_the_end_of_a_batch(qtbot, window: MainWindow,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    cid = add_big_campaign(window, 50)
    panel = window.lint_panel

    class Timer:  # stands for the panel's timer: counts the starts
        starts = 0

        def start(self) -> None:
            Timer.starts += 1

    monkeypatch.setattr(panel, "_timer", Timer())
    window.controller.delete(cid, list(window.scene.nodes)[:30])  # 30 nodes, 30 links
    assert Timer.starts == 1
    window.controller.undo_stack.undo()
    assert Timer.starts == 2


@pytest.mark.parametrize("many", [False, True])
def test_a_drawn_layer_follows_a_batch_once_at_its_end(qtbot, window: MainWindow,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       many: bool) -> None:
    size = FEW_CHANGED + 20 if many else 30
    cid = add_big_campaign(window, size)
    layer = window.simulation_panel.layer
    scene = window.scene
    layer.set_counts({n: COUNTS for n in scene.nodes})
    followed = counting(monkeypatch, layer, "_follow_node")
    seen: list[int] = []  # how many node items the scene had at each repaint asked
    monkeypatch.setattr(layer, "update", lambda *_args: seen.append(len(scene.nodes)))
    campaign = window.controller.campaign(cid)
    ids = list(scene.nodes)
    window.controller.move_nodes(cid, {n: (campaign.node(n).x + 7000,
                                           campaign.node(n).y + 5000) for n in ids})
    # each node once at the end, or (many) none of them each: the layer repainted whole
    assert len(followed) == (0 if many else size)
    assert seen  # it did repaint
    for node_id in ids:
        assert layer.boundingRect().contains(scene.nodes[node_id].sceneBoundingRect())
    followed.clear()
    seen.clear()
    window.controller.delete(cid, ids)
    assert len(followed) == (0 if many else size)
    assert seen and set(seen) == {0}  # every item gone by then
