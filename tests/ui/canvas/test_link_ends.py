"""A link meets its nodes at the edge of their bodies (icon circle, sequence box), never at
or across the name drawn under a node: one from below goes round the name and enters from
the side; one leaving downwards leaves from the side."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker

from canvas_app.ui.canvas.link_clearance import node_boxes
from canvas_app.ui.canvas.link_item import LinkItem
from canvas_app.ui.canvas.node_item import GOAL_RADIUS, SEQ_HEIGHT, SEQ_WIDTH, NodeItem
from canvas_app.ui.main_window import MainWindow

GOAL = "bought-shock"  # a purchase goal at (240, 0) in the sample's first campaign
SEQUENCE = "post-purchase"  # a sequence at (480, 0)


def name_rect(item: NodeItem) -> QRectF:
    left, top, right, bottom = node_boxes(item)[1]
    return QRectF(QPointF(left, top), QPointF(right, bottom))


def off_body(item: NodeItem, point: QPointF) -> float:
    """How far the point lies from the body's outline as links meet it (2 px out)."""
    x, y = point.x() - item.centre[0], point.y() - item.centre[1]
    if item.kind == "sequence":
        hw, hh = SEQ_WIDTH / 2 + 2, SEQ_HEIGHT / 2 + 2
        if abs(x) <= hw and abs(y) <= hh:
            return min(hw - abs(x), hh - abs(y))
        return math.hypot(max(abs(x) - hw, 0.0), max(abs(y) - hh, 0.0))
    return abs(math.hypot(x, y) - (GOAL_RADIUS + 2))


def crosses(path: QPainterPath, rect: QRectF) -> bool:
    stroker = QPainterPathStroker()
    stroker.setWidth(2)
    return stroker.createStroke(path).intersects(rect)


def head_tip(link: LinkItem) -> QPointF:
    if link.is_arc():
        return link.curve()[1].at(1)
    return link.arrow()[1].at(1)


def assert_clear_ends(link: LinkItem) -> None:
    path = link.path()
    start, end = path.pointAtPercent(0.0), path.pointAtPercent(1.0)
    assert off_body(link.source, start) < 0.01, (link.key, start)
    assert off_body(link.target, end) < 0.01, (link.key, end)
    assert QLineF(head_tip(link), end).length() < 0.5
    for item in (link.source, link.target):
        assert not crosses(path, name_rect(item)), (link.key, item.node_id)


def test_a_link_from_below_meets_the_icon_from_the_side(window: MainWindow) -> None:
    cid = window.current_campaign_id()
    below = window.controller.add_node(cid, "sequence", 240.0, 300.0)
    assert window.controller.link(cid, below, GOAL)
    link = window.scene.links[(below, GOAL)]
    goal = window.scene.nodes[GOAL]
    end = link.path().pointAtPercent(1.0)
    name = name_rect(goal)
    assert end.y() < name.top()  # it ends on the icon, above the name ...
    assert abs(end.x() - 240.0) > GOAL_RADIUS / 2  # ... on its side, not its bottom
    assert_clear_ends(link)
    # a straight way up would have crossed the name
    assert crosses(QPainterPath(QPointF(240.0, 268.0)), name) or \
        name.contains(QPointF(240.0, name.center().y()))


def test_a_link_from_below_meets_a_sequence_box_on_its_edge(window: MainWindow) -> None:
    cid = window.current_campaign_id()
    below = window.controller.add_node(cid, "tag_goal", 470.0, 280.0)
    assert window.controller.link(cid, below, SEQUENCE)
    assert_clear_ends(window.scene.links[(below, SEQUENCE)])


def test_a_link_leaving_downwards_does_not_start_across_its_name(window: MainWindow) -> None:
    cid = window.current_campaign_id()
    below = window.controller.add_node(cid, "tag_goal", 250.0, 320.0)
    assert window.controller.link(cid, GOAL, below)
    link = window.scene.links[(GOAL, below)]
    start = link.path().pointAtPercent(0.0)
    assert start.y() < name_rect(window.scene.nodes[GOAL]).top()
    assert_clear_ends(link)


def test_a_link_back_keeps_clear_of_the_names_of_its_ends(window: MainWindow) -> None:
    cid = window.current_campaign_id()
    assert window.controller.link(cid, "post-purchase", "nurture")
    link = window.scene.links[("post-purchase", "nurture")]
    assert link.is_arc()
    assert_clear_ends(link)


def test_a_short_name_lets_a_link_from_below_reach_the_icon_directly(
        window: MainWindow) -> None:
    cid = window.current_campaign_id()
    below = window.controller.add_node(cid, "sequence", 360.0, 300.0)
    assert window.controller.link(cid, below, GOAL)
    link = window.scene.links[(below, GOAL)]
    assert link.is_arc()  # round the long name
    assert window.controller.rename_node(cid, GOAL, "B")
    assert not link.is_arc()  # beside a short name: straight to the icon's edge
    assert_clear_ends(link)
    window.controller.undo_stack.undo()
    assert link.is_arc()
    assert_clear_ends(link)


@pytest.mark.parametrize("kind", ["sequence", "tag_goal"])
def test_links_from_every_direction_meet_bodies_and_miss_names(
        window: MainWindow, kind: str) -> None:
    cid = window.current_campaign_id()
    controller = window.controller
    controller.move_nodes(cid, {"nurture": (-2000.0, -2000.0),
                                "post-purchase": (2000.0, -2000.0)})  # out of the way
    other = controller.add_node(cid, kind, 240.0, 260.0)
    assert controller.link(cid, other, GOAL) and controller.link(cid, GOAL, other)
    links = [window.scene.links[(other, GOAL)], window.scene.links[(GOAL, other)]]
    for distance in (220.0, 320.0, 520.0):
        for step in range(16):
            angle = 2 * math.pi * step / 16
            x = 240.0 + distance * math.cos(angle)
            y = distance * math.sin(angle)
            controller.move_nodes(cid, {other: (round(x), round(y))})
            for link in links:
                assert_clear_ends(link)


def apart(one: QPainterPath, other: QPainterPath, gap: float) -> bool:
    """Whether the middle of ``one`` (15 % to 85 % of its length) keeps ``gap`` from
    ``other`` all along: two links there are drawn as two lines, not one."""
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * gap)
    band = stroker.createStroke(other)
    return not any(band.contains(one.pointAtPercent(i / 40)) for i in range(6, 35))


@pytest.mark.parametrize(("a", "b"), [((0.0, 0.0), (240.0, 0.0)), ((0.0, 0.0), (0.0, 260.0)),
                                      ((0.0, 0.0), (240.0, 140.0)),
                                      ((0.0, 0.0), (160.0, 240.0)),
                                      ((0.0, 0.0), (-200.0, 200.0))])
def test_links_both_ways_between_two_nodes_are_both_visible(
        window: MainWindow, a: tuple[float, float], b: tuple[float, float]) -> None:
    cid = window.current_campaign_id()
    controller = window.controller
    controller.move_nodes(cid, {"nurture": (-3000.0, -3000.0), "bought-shock": (3000, -3000.0),
                                "post-purchase": (3000.0, 3000.0)})  # out of the way
    one = controller.add_node(cid, "tag_goal", *a)
    two = controller.add_node(cid, "sequence", *b)
    assert controller.link(cid, one, two) and controller.link(cid, two, one)
    there, back = window.scene.links[(one, two)], window.scene.links[(two, one)]
    assert apart(there.path(), back.path(), 6.0) and apart(back.path(), there.path(), 6.0)
    for link in (there, back):
        assert_clear_ends(link)
