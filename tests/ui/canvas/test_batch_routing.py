"""Batches of edits (moves of many nodes, deletes, undo, paste, auto-layout) route each
link once, at the batch's end, and the routes are the same as routing every link afresh
with the router's plain way of looking for the nodes in a link's way (every node checked):
random campaigns, random edits."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF

from canvas_app.domain.errors import DomainError
from canvas_app.domain.nodes import Node
from canvas_app.ui.canvas.link_clearance import pieces, pieces_hit
from canvas_app.ui.canvas.link_item import LinkItem, link_way, way_points
from canvas_app.ui.canvas.link_routing import SAMPLES, LinkRouter
from canvas_app.ui.canvas.node_item import NodeItem
from canvas_app.ui.canvas.scene import CampaignScene
from canvas_app.ui.main_window import MainWindow

KINDS = ("sequence", "purchase_goal", "tag_goal")
NAMES = ("Welcome", "Bought the spa cover", "A rather long name that wraps onto two lines",
         "X", "Tag: pool owner since last summer, with a very long tail to elide")

Routes = dict[tuple[str, str], tuple[float, float] | None]


class ScanningRouter(LinkRouter):
    """The router with the way it looked for the nodes in a link's way before the grid:
    every node of the scene checked (the reference the grid must agree with)."""

    def _hits(self, link: LinkItem, control: QPointF | None) -> list[NodeItem]:
        source, target = link.source, link.target
        points = way_points(link_way(source, target, control), SAMPLES)
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
        hits = []
        line = pieces(points)
        for item in self.scene.nodes.values():
            if item is source or item is target:
                continue
            _centre, _boxes, grown_boxes, (left, top, right, bottom) = self._place(item)
            if right < low_x or left > high_x or bottom < low_y or top > high_y:
                continue
            if pieces_hit(line, grown_boxes):
                hits.append(item)
        return hits


def routes_of(scene: CampaignScene) -> Routes:
    out: Routes = {}
    for key, link in scene.links.items():
        control = link.control()
        out[key] = None if control is None else (round(control.x(), 6), round(control.y(), 6))
    return out


def routes_afresh(window: MainWindow) -> Routes:
    """Every link of the campaign shown routed from scratch, in a scene of its own whose
    router checks every node."""
    scene = CampaignScene(window.controller)
    scene.router = ScanningRouter(scene, window.scene.router.max_nodes)
    try:
        scene.show_campaign(window.scene.campaign_id)
        return routes_of(scene)
    finally:
        scene.detach()


def random_campaign(window: MainWindow, rnd: random.Random, size: int, links: int) -> str:
    """A campaign of ``size`` nodes scattered over rough rows (many links run past other
    nodes and bend), linked at random; shown at 100 %."""
    cid = window.controller.new_campaign("Random")
    campaign = window.controller.campaign(cid)
    columns = max(2, int(size ** 0.5))
    for i in range(size):
        row, column = divmod(i, columns)
        campaign.add_node(Node(f"r{i}", KINDS[rnd.randrange(3)], rnd.choice(NAMES),
                               column * 200 + rnd.uniform(-60, 60),
                               row * 160 + rnd.uniform(-50, 50)))
    made = 0
    while made < links:
        a, b = rnd.randrange(size), rnd.randrange(size)
        try:
            campaign.link(f"r{a}", f"r{b}")
        except DomainError:  # the rules refuse it (a loop, a link twice...)
            continue
        made += 1
    window.campaign_list.select(cid)
    window.view.reset_zoom()
    window.controller.undo_stack.clear()  # undo never takes the campaign away
    assert window.scene.router.active
    return cid


def random_edit(window: MainWindow, cid: str, rnd: random.Random) -> str:
    """One batch edit (or its undo), chosen at random; its name."""
    controller = window.controller
    ids = list(window.scene.nodes)
    some = rnd.sample(ids, k=max(1, len(ids) // rnd.choice((2, 4, 8))))
    choice = rnd.randrange(9)
    if choice == 0:
        controller.move_nodes(cid, {n: (rnd.uniform(-200, 1600), rnd.uniform(-200, 1400))
                                    for n in some})
        return "move some apart"
    if choice == 1:
        dx, dy = rnd.uniform(-300, 300), rnd.uniform(-300, 300)
        campaign = controller.campaign(cid)
        controller.move_nodes(cid, {n: (campaign.node(n).x + dx, campaign.node(n).y + dy)
                                    for n in some})
        return "move some alike"
    if choice == 2:
        controller.delete(cid, some)
        return "delete some"
    if choice == 3:
        window.scene.select_nodes(ids)
        window.actions_by_name["delete"].trigger()
        window.actions_by_name["undo"].trigger()
        return "delete all, undo"
    if choice == 4:
        controller.paste_data(cid, controller.copy_data(cid, some),
                              offset=(rnd.uniform(-200, 200), rnd.uniform(-200, 200)))
        return "paste"
    if choice == 5:
        controller.auto_layout(cid)
        return "auto-layout"
    if choice == 6:
        controller.rename_node(cid, rnd.choice(ids), rnd.choice(NAMES) + " (renamed)")
        return "rename"
    if choice == 7 and controller.undo_stack.canUndo():
        controller.undo_stack.undo()
        return "undo"
    if controller.undo_stack.canRedo():
        controller.undo_stack.redo()
        return "redo"
    controller.move_nodes(cid, {some[0]: (rnd.uniform(0, 1200), rnd.uniform(0, 1000))})
    return "move one"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_routes_after_random_batches_are_the_routes_worked_out_afresh(
        window: MainWindow, seed: int) -> None:
    rnd = random.Random(seed)
    cid = random_campaign(window, rnd, size=45, links=50)
    assert routes_of(window.scene) == routes_afresh(window)
    bent = 0
    for step in range(14):
        edit = random_edit(window, cid, rnd)
        if len(window.scene.nodes) < 20:  # keep enough nodes for links to run past
            window.controller.undo_stack.undo()
            edit += ", undone"
        now = routes_of(window.scene)
        assert now == routes_afresh(window), f"step {step}: {edit}"
        bent += sum(control is not None for control in now.values())
    assert bent > 0  # links did bend on the way: the check compared real routes


@pytest.mark.parametrize("seed", [4, 5])
def test_the_grid_finds_the_nodes_every_node_checked_finds(window: MainWindow,
                                                             seed: int) -> None:
    """For random links and random control points (straight, gentle and wild curves),
    the nodes the router finds in the way are those a check of every node finds."""
    rnd = random.Random(seed)
    random_campaign(window, rnd, size=60, links=40)
    scene = window.scene
    scanning = ScanningRouter(scene, scene.router.max_nodes)
    links = list(scene.links.values())
    found = 0
    for _ in range(300):
        link = rnd.choice(links)
        (sx, sy), (tx, ty) = link.source.centre, link.target.centre
        control = None if rnd.random() < 0.3 else QPointF(
            (sx + tx) / 2 + rnd.uniform(-900, 900), (sy + ty) / 2 + rnd.uniform(-900, 900))
        hits = scene.router._hits(link, control)
        assert len(hits) == len(set(hits))
        assert set(hits) == set(scanning._hits(link, control))
        found += len(hits)
    assert found > 0


def test_deleting_every_node_routes_no_link_it_removes(window: MainWindow) -> None:
    """Deleting all the nodes of a routed campaign re-routes none of the links the same
    delete takes away; undoing it routes each link it brings back once."""
    rnd = random.Random(7)
    cid = random_campaign(window, rnd, size=40, links=45)
    scene = window.scene
    routed: list[LinkItem] = []

    class CountingRouter(LinkRouter):
        def route(self, link: LinkItem, preferred: QPointF | None) -> QPointF | None:
            routed.append(link)
            return super().route(link, preferred)

    scene.router = CountingRouter(scene, scene.router.max_nodes)
    scene.show_campaign(cid)
    count = len(scene.links)
    routed.clear()
    window.controller.delete(cid, list(scene.nodes))
    assert not scene.links and routed == []
    window.controller.undo_stack.undo()
    assert len(scene.links) == count
    # each link once, but for the links with a link the other way: once more each, as
    # the second of the pair comes (the two are drawn apart)
    assert set(routed) == set(scene.links.values())
    pairs = sum((t, s) in scene.links for s, t in scene.links)
    assert len(routed) <= count + pairs
    assert routes_of(scene) == routes_afresh(window)
