"""Canvas gaps mended: count pills keep clear of the links at their node, and a node dropped
into a crowd lands on the nearest free spot near where it was let go."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRectF

from canvas_app.editing.layout import NODE_FOOTPRINT, SPOT_REACH, nearest_free_spot
from canvas_app.ui.canvas.node_item import HALO, body_rect
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.overlay import PILLS_BOTTOM, SimulationLayer

COUNTS = {"achieved": 1159, "waiting": 3149, "active": 12, "completed": 3, "removed": 25}


def end_piece(window: MainWindow, source: str, target: str) -> QLineF:
    """The last 30 px of a link, up to its arrowhead's tip (scene coordinates)."""
    path = window.scene.links[(source, target)].path()
    length = path.length()
    return QLineF(path.pointAtPercent(path.percentAtLength(max(length - 30, 0))),
                  path.pointAtPercent(1.0))


def meets(rect: QRectF, line: QLineF, pad: float = 6.0) -> bool:
    """Whether the segment, with ``pad`` either side (the arrowhead's half width), meets
    ``rect``: sampled every pixel."""
    grown = rect.adjusted(-pad, -pad, pad, pad)
    steps = max(int(line.length()), 1)
    return any(grown.contains(line.pointAt(i / steps)) for i in range(steps + 1))


def test_a_pill_moves_off_a_link_coming_in_from_above(qtbot, window: MainWindow) -> None:
    controller = window.controller
    cid = controller.new_campaign("Pills")
    window.campaign_list.select(cid)
    above = controller.add_node(cid, "sequence", 0, -240)
    goal = controller.add_node(cid, "purchase_goal", 0, 0)
    after = controller.add_node(cid, "sequence", 240, 0)
    alone = controller.add_node(cid, "sequence", 0, 400)  # nothing in the way: above
    controller.link(cid, above, goal)
    controller.link(cid, goal, after)
    layer = SimulationLayer(window.scene)
    try:
        layer.set_counts({n: COUNTS for n in (above, goal, after, alone)})
        item = window.scene.nodes[goal]
        area = layer.pills_area(item)
        assert not area.isEmpty()
        piece = end_piece(window, above, goal)
        assert piece.p2().y() < item.pos().y()  # the link does come in from above
        assert not meets(area, piece), (area, piece)
        for rect, text, _role in layer.pills(item):  # the whole way, not only its end
            assert not window.scene.links[(above, goal)].shape().intersects(rect), text
            assert not window.scene.links[(goal, after)].shape().intersects(rect), text
            # still clear of a selected node's glow and of its warning badge
            glow = body_rect(item.kind).translated(item.pos()).adjusted(
                -HALO, -HALO, HALO, HALO)
            assert not rect.intersects(glow), text
            assert not rect.intersects(item.mapRectToScene(item.badge_rect())), text
        # a node with no link in the way keeps its pills above, over the badge's place
        lone = window.scene.nodes[alone]
        lone_area = layer.pills_area(lone)
        assert lone_area.bottom() == lone.pos().y() + PILLS_BOTTOM
        # the link goes: the pills go back above; it comes back: they move off it again
        controller.unlink(cid, above, goal)
        assert layer.pills_area(item).bottom() == item.pos().y() + PILLS_BOTTOM
        controller.link(cid, above, goal)
        assert not meets(layer.pills_area(item), end_piece(window, above, goal))
        # the node above moves to the left: the pills follow wherever the link is not
        controller.move_nodes(cid, {above: (-300.0, -200.0)})
        assert not meets(layer.pills_area(item), end_piece(window, above, goal))
    finally:
        layer.dispose()


def test_every_side_crossed_keeps_the_least_crossed(qtbot, window: MainWindow) -> None:
    controller = window.controller
    cid = controller.new_campaign("Crossed")
    window.campaign_list.select(cid)
    hub = controller.add_node(cid, "sequence", 0, 0)
    around = [controller.add_node(cid, "sequence", x, y)
              for x, y in ((0, -300), (0, 320), (-400, 0), (400, 0))]
    for other in around:
        controller.link(cid, other, hub)
    layer = SimulationLayer(window.scene)
    try:
        layer.set_counts({hub: COUNTS})
        item = window.scene.nodes[hub]
        crossed = [sum(1 for link in item.links if link.shape().intersects(rect))
                   for rect, _text, _role in layer.pills(item)]
        assert crossed and max(crossed) <= 1  # never on more than one link
    finally:
        layer.dispose()


def overlapping(spot: tuple[float, float], taken: list[tuple[float, float]]) -> list:
    width, height = NODE_FOOTPRINT
    return [(x, y) for x, y in taken
            if abs(x - spot[0]) < width and abs(y - spot[1]) < height]


def test_a_drop_into_a_dense_cluster_lands_on_a_free_spot_near_it() -> None:
    width, height = NODE_FOOTPRINT
    # a 5 x 5 block of nodes closer than a footprint apart: no gap within a node's reach
    cluster = [(i * 100.0, j * 70.0) for i in range(-2, 3) for j in range(-2, 3)]
    x, y = nearest_free_spot(cluster, 10.0, 10.0)
    assert not overlapping((x, y), cluster)
    assert (x, y) != (10.0, 10.0)
    assert abs(x - 10) <= SPOT_REACH * width and abs(y - 10) <= SPOT_REACH * height
    # the nearest such spot: nothing on the grid closer to the drop is free
    reach = math.hypot(x - 10, y - 10)
    for c in range(-40, 41):
        for r in range(-40, 41):
            spot = (10 + c * 20.0, 10 + r * 20.0)
            if math.hypot(c * 20.0, r * 20.0) < reach - 1e-9:
                assert overlapping(spot, cluster), spot
    # a ring of nodes round the drop with a gap in it: the gap
    ring = [(-200.0 + i * 100, -140.0) for i in range(5)] + \
           [(-200.0 + i * 100, 140.0) for i in range(5)] + [(-200.0, 0.0), (0.0, 0.0)]
    x, y = nearest_free_spot(ring, 0.0, 0.0)
    assert not overlapping((x, y), ring)
    assert x >= 180 and abs(y) < height  # through the open right side, not far off
    # nothing free within reach: where it was let go
    crowd = [(i * 60.0, j * 40.0) for i in range(-40, 41) for j in range(-40, 41)]
    assert nearest_free_spot(crowd, 0.0, 0.0) == (0.0, 0.0)


def test_a_palette_drop_into_a_crowd_lands_clear(qtbot, window: MainWindow) -> None:
    controller = window.controller
    cid = controller.new_campaign("Crowd")
    window.campaign_list.select(cid)
    for i in range(-2, 3):
        for j in range(-2, 3):
            controller.add_node(cid, "sequence", i * 100.0, j * 80.0)
    taken = [(n.x, n.y) for n in controller.campaign(cid).nodes]
    new = controller.add_node(cid, "purchase_goal", 20.0, 20.0, near=True)
    node = controller.campaign(cid).node(new)
    assert not overlapping((node.x, node.y), taken)
    assert math.hypot(node.x - 20, node.y - 20) <= SPOT_REACH * NODE_FOOTPRINT[0]
    # on the canvas, its item covers no other node's item
    item = window.scene.nodes[new]
    for other in window.scene.nodes.values():
        if other is not item:
            assert not item.sceneBoundingRect().intersects(other.sceneBoundingRect()), \
                other.node_id


# -- links sharing a corridor ----------------------------------------------------------------
