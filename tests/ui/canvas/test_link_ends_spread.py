"""Links meeting a node on one side are spread along it: every arrowhead into a node ends
at its own point, and links leaving a node start from their own points, whatever else is on
the canvas (QA: after a paste under the campaign, the long link back Post-purchase ->
Nurture went over the top and ended on Bought pool shock -> Nurture's arrowhead)."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtCore import QPointF

from canvas_app.ui.canvas.link_item import ARROW_SIZE, LinkItem
from canvas_app.ui.main_window import MainWindow

from .test_link_ends import assert_clear_ends

HEAD_WIDTH = 2 * ARROW_SIZE * 0.55  # as LinkItem draws the head
BACK_LINKS = [("post-purchase", "nurture"), ("bought-shock", "nurture"),
              ("post-purchase", "bought-shock")]


def ends(link: LinkItem) -> tuple[QPointF, QPointF]:
    path = link.path()
    return path.pointAtPercent(0.0), path.pointAtPercent(1.0)


def crowded_ends(window: MainWindow, gap: float) -> list[tuple]:
    """Pairs of link ends on one node (arrowheads, starts, or one of each) closer than
    ``gap``: (node, one link, the other, their distance)."""
    found = []
    for node_id, item in window.scene.nodes.items():
        points = []
        for link in item.links:
            start, end = ends(link)
            if link.source is item:
                points.append((link.key, "start", start))
            if link.target is item:
                points.append((link.key, "head", end))
        for (key1, what1, p1), (key2, what2, p2) in itertools.combinations(points, 2):
            distance = math.hypot(p1.x() - p2.x(), p1.y() - p2.y())
            if distance < gap:
                found.append((node_id, key1, what1, key2, what2, round(distance, 1)))
    return found


def assert_ends_apart(window: MainWindow) -> None:
    assert crowded_ends(window, HEAD_WIDTH) == []
    for link in window.scene.links.values():
        assert_clear_ends(link)


def test_a_paste_under_the_campaign_keeps_every_arrowhead_apart(window: MainWindow) -> None:
    cid = window.current_campaign_id()
    controller = window.controller
    for source, target in BACK_LINKS:
        assert controller.link(cid, source, target)
    assert_ends_apart(window)
    window.scene.select_nodes(list(window.scene.nodes))  # Ctrl+A, Ctrl+C, Ctrl+V
    assert window.copy()
    assert len(window.paste()) == 3
    long_back = window.scene.links[("post-purchase", "nurture")]
    assert long_back.is_arc() and long_back.control().y() < 0  # over the top now
    assert_ends_apart(window)
    controller.undo_stack.undo()
    assert_ends_apart(window)
    controller.undo_stack.redo()
    assert_ends_apart(window)
    # the two arcs into Nurture over the top do not cross near it: the long one, outside,
    # ends further from where they come ...
    short_back = window.scene.links[("bought-shock", "nurture")]
    assert ends(long_back)[1].x() < ends(short_back)[1].x()
    # ... and the two leaving Post-purchase over the top: the long one starts further out
    short_up = window.scene.links[("post-purchase", "bought-shock")]
    assert ends(long_back)[0].x() > ends(short_up)[0].x()


def test_links_going_round_a_name_on_one_side_end_apart(window: MainWindow) -> None:
    """Links from below on one side all meet the icon along the ray above its name's
    corner: spread, they stay clear of the name."""
    cid = window.current_campaign_id()
    controller = window.controller
    controller.move_nodes(cid, {"nurture": (-3000.0, -3000.0),
                                "post-purchase": (3000.0, -3000.0)})  # out of the way
    for x, y in ((-40.0, 260.0), (-200.0, 300.0), (80.0, 420.0)):
        other = controller.add_node(cid, "tag_goal", x, y)
        assert controller.link(cid, other, "bought-shock")
        assert controller.link(cid, "bought-shock", other)
    assert_ends_apart(window)


@pytest.mark.parametrize("seed", range(6))
def test_crowded_nodes_keep_their_link_ends_apart(window: MainWindow, seed: int) -> None:
    """Many links into and out of a few nodes, from every side, the routing bending some
    round others: no two ends on one node coincide, and none crosses a name."""
    import random

    rng = random.Random(seed)
    cid = window.current_campaign_id()
    controller = window.controller
    ids = ["nurture", "bought-shock", "post-purchase"]
    kinds = ["sequence", "tag_goal", "purchase_goal"]
    cells = rng.sample([(column, row) for column in range(-1, 4) for row in range(1, 4)], 5)
    for i, (column, row) in enumerate(cells):
        ids.append(controller.add_node(cid, kinds[i % 3], column * 200.0, row * 170.0))
    pairs = [(a, b) for a in ids for b in ids if a != b]
    rng.shuffle(pairs)
    for source, target in pairs[:14]:
        controller.link(cid, source, target)
    assert_ends_apart(window)
    kept = {key: ends(link) for key, link in window.scene.links.items()}
    for link in window.scene.links.values():  # worked out afresh: the same ends
        link.adjust()
    assert {key: ends(link) for key, link in window.scene.links.items()} == kept
