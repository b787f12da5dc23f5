"""The simulation's layer with no run loaded does not work out the campaign's bounds after
every move (perf QA: at 2,000 nodes that was 60 % of an arrow key's press with 1,000 nodes
selected); it fits them again when it has something to draw."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt

from canvas_app.ui.main_window import MainWindow

from .conftest import add_big_campaign

COUNTS = {"entered": 3, "active": 2}


def count_nodes_rect(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> list[int]:
    """How many times the scene's nodes_rect() is called from now on (one entry a call)."""
    scene = window.scene
    calls: list[int] = []
    original = scene.nodes_rect

    def counted() -> QRectF:
        calls.append(1)
        return original()

    monkeypatch.setattr(scene, "nodes_rect", counted)
    return calls


def test_moves_with_no_run_loaded_do_not_refit_the_layer(qtbot, window: MainWindow,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    cid = add_big_campaign(window, 60)
    layer = window.simulation_panel.layer
    assert layer is not None and not layer.draws()
    scene = window.scene
    calls = count_nodes_rect(monkeypatch, window)
    ids = list(scene.nodes)[:30]
    campaign = window.controller.campaign(cid)
    for step in range(1, 4):  # a batched move, three times
        window.controller.move_nodes(cid, {n: (campaign.node(n).x + 20 * step,
                                               campaign.node(n).y + 4000) for n in ids})
    one = ids[0]
    window.controller.move_nodes(cid, {one: (-5000.0, -3000.0)})  # one node alone
    scene.findings_changed.emit()  # as after a lint (the panel refits the layer then)
    assert calls == []
    # Something to draw: the bounds cover every node where it is now.
    layer.set_counts({n: COUNTS for n in scene.nodes})
    assert calls
    for node_id, item in scene.nodes.items():
        assert layer.boundingRect().contains(item.sceneBoundingRect()), node_id


def test_arrow_keys_with_no_run_loaded_do_not_refit_the_layer(
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    add_big_campaign(window, 60)
    layer = window.simulation_panel.layer
    scene = window.scene
    view = window.view
    view.setFocus()
    ids = list(scene.nodes)
    scene.select_nodes(ids)
    moved = layer.refit  # whoever else refits the layer, it works nothing out
    refits: list[int] = []

    def refit() -> None:
        refits.append(1)
        moved()

    monkeypatch.setattr(layer, "refit", refit)
    calls = count_nodes_rect(monkeypatch, window)
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    # the layer neither refits nor reads the bounds per press
    assert refits == [] and calls == []
    # A contact's journey shown: the bounds are fitted round the nodes where they are now.
    layer.show_path({ids[0]}, set(), set())
    assert calls
    for node_id in ids:
        assert layer.boundingRect().contains(scene.nodes[node_id].sceneBoundingRect())


def test_a_drawn_layer_still_follows_moved_nodes(qtbot, window: MainWindow) -> None:
    """With counts shown, nodes moved far away stay inside the layer's bounds."""
    cid = add_big_campaign(window, 40)
    layer = window.simulation_panel.layer
    scene = window.scene
    layer.set_counts({n: COUNTS for n in scene.nodes})
    campaign = window.controller.campaign(cid)
    ids = list(scene.nodes)[:10]
    window.controller.move_nodes(cid, {n: (campaign.node(n).x + 9000,
                                           campaign.node(n).y - 7000) for n in ids})
    for node_id in ids:
        assert layer.boundingRect().contains(scene.nodes[node_id].sceneBoundingRect())
