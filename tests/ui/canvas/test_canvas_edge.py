"""Nodes stay within the canvas's extent, so that what is saved can be opened again."""

from __future__ import annotations

from pathlib import Path

from canvas_app.domain.nodes import COORDINATE_LIMIT
from canvas_app.io import load_workspace, save_workspace
from canvas_app.ui.main_window import MainWindow


def test_a_node_moved_past_the_edge_stops_there_and_the_file_opens(
        window: MainWindow, tmp_path: Path) -> None:
    cid = window.current_campaign_id()
    controller = window.controller
    controller.move_nodes(cid, {"nurture": (5e6, -3e7)})
    node = controller.campaign(cid).node("nurture")
    assert (node.x, node.y) == (COORDINATE_LIMIT, -COORDINATE_LIMIT)
    assert window.scene.nodes["nurture"].pos().x() == COORDINATE_LIMIT
    added = controller.add_node(cid, "sequence", -2e6, 0)
    assert controller.campaign(cid).node(added).x == -COORDINATE_LIMIT
    pasted = controller.paste_data(cid, controller.copy_data(cid, ["nurture"]))
    assert all(abs(controller.campaign(cid).node(n).x) <= COORDINATE_LIMIT for n in pasted)
    path = tmp_path / "edge.campaign.json"
    save_workspace(controller.workspace, path)
    assert load_workspace(path).campaign(cid).node("nurture").x == COORDINATE_LIMIT
