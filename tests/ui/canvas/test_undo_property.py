"""Property: any 50 edits undo back to the initial model and redo to the final one, as the
file would hold them (the order of nodes and links too: a file saved after an edit and its
undo is the file opened), and the canvas mirrors the model at every step."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack

from canvas_app.editing.controller import Controller
from canvas_app.io import load_workspace, workspace_to_data
from canvas_app.ui.canvas import CampaignScene

from .conftest import SAMPLE

OPS = ("add", "delete", "link", "unlink", "move", "drag", "rename", "duplicate",
       "new_campaign", "rename_campaign", "duplicate_campaign", "delete_campaign",
       "move_campaign", "layout", "delete_link_and_node")
KINDS = ("purchase_goal", "tag_goal", "sequence")

edit = st.tuples(st.sampled_from(OPS), st.integers(0, 10_000), st.integers(0, 10_000),
                 st.integers(-500, 500), st.integers(-500, 500))


def pick(items: list, n: int):
    return items[n % len(items)] if items else None


def apply(controller: Controller, scene: CampaignScene, op: str, a: int, b: int, x: int,
          y: int) -> None:
    ws = controller.workspace
    campaigns = ws.campaigns
    campaign = pick(campaigns, a)
    if campaign is None:
        controller.new_campaign()
        return
    cid = campaign.id
    nodes = [n.id for n in campaign.nodes]
    edges = campaign.edges
    if op == "add":
        controller.add_node(cid, KINDS[b % 3], x, y)
    elif op == "delete" and nodes:
        controller.delete(cid, [pick(nodes, b)])
    elif op == "link" and nodes:
        controller.link(cid, pick(nodes, b), pick(nodes, b // 7 + x))
    elif op == "unlink" and edges:
        controller.unlink(cid, *pick(edges, b))
    elif op == "move" and nodes:
        controller.move_nodes(cid, {pick(nodes, b): (float(x), float(y))})
    elif op == "drag" and nodes:
        drag = controller.new_drag_id()
        chosen = sorted({pick(nodes, b), pick(nodes, b // 3)})
        for step in range(3):
            controller.move_nodes(cid, {n: (float(x + 20 * step), float(y)) for n in chosen},
                                  drag)
    elif op == "rename" and nodes:
        controller.rename_node(cid, pick(nodes, b), f"Name {x}")
    elif op == "duplicate" and nodes:
        controller.duplicate(cid, sorted({pick(nodes, b), pick(nodes, b // 5)}))
    elif op == "new_campaign":
        controller.new_campaign()
    elif op == "rename_campaign":
        controller.rename_campaign(cid, f"Campaign named {x}")
    elif op == "duplicate_campaign":
        controller.duplicate_campaign(cid)
    elif op == "move_campaign":
        controller.move_campaign(cid, b % len(campaigns))
    elif op == "delete_campaign" and len(campaigns) > 1:
        controller.delete_campaign(cid)
    elif op == "layout":
        controller.auto_layout(cid)
    elif op == "delete_link_and_node" and edges and nodes:
        controller.delete(cid, [pick(nodes, b)], [pick(edges, x)])
    if scene.campaign_id is None or not ws.has_campaign(scene.campaign_id):
        scene.show_campaign(pick([c.id for c in ws.campaigns], b))


def assert_scene_mirrors_model(scene: CampaignScene) -> None:
    campaign = scene.current_campaign()
    if campaign is None:
        assert not scene.nodes and not scene.links
        return
    assert set(scene.nodes) == set(campaign.graph.nodes)
    assert set(scene.links) == set(campaign.edges)
    for node in campaign.nodes:
        pos = scene.nodes[node.id].pos()
        assert (pos.x(), pos.y()) == (node.x, node.y)
    for (source, target), link in scene.links.items():
        assert link.source is scene.nodes[source] and link.target is scene.nodes[target]


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=st.lists(edit, min_size=50, max_size=50))
def test_fifty_random_edits_undo_and_redo_exactly(qtbot, edits) -> None:
    workspace = load_workspace(SAMPLE)
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    scene = CampaignScene(controller)
    scene.show_campaign(workspace.campaigns[0].id)
    try:
        initial = workspace_to_data(workspace)
        for op, a, b, x, y in edits:
            apply(controller, scene, op, a, b, x, y)
            assert_scene_mirrors_model(scene)
        final = workspace_to_data(workspace)
        while stack.canUndo():
            stack.undo()
            assert_scene_mirrors_model(scene)
        assert workspace_to_data(workspace) == initial
        while stack.canRedo():
            stack.redo()
            assert_scene_mirrors_model(scene)
        assert workspace_to_data(workspace) == final
    finally:
        # Unowned Qt objects must go while Python runs, not in the interpreter's last
        # collection (their destructors call back into Python: a crash at exit).
        scene.detach()
        scene.clear()
        stack.clear()
