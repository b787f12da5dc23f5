"""Links bend round the nodes in their way, and re-route when nodes move or are renamed."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker

from canvas_app.ui.canvas.link_clearance import CLEARANCE, bow_to_clear, node_boxes
from canvas_app.ui.canvas.link_item import LinkItem
from canvas_app.ui.canvas.node_item import NodeItem
from canvas_app.ui.main_window import MainWindow

SHOCK = "shock-nurture"  # nurture (0, 0) -> bought-shock (240, 0) -> post-purchase (480, 0)
CHECKUP = "checkup-onboarding"  # subscribed, onboarding, visit-booked, visit-follow-up


def show(window: MainWindow, campaign_id: str) -> None:
    window.campaign_list.select(campaign_id)
    assert window.scene.campaign_id == campaign_id


def link_item(window: MainWindow, source: str, target: str) -> LinkItem:
    return window.scene.links[(source, target)]


def node_rects(item: NodeItem) -> list[QRectF]:
    """The node's body and its name as drawn, in scene coordinates."""
    return [QRectF(QPointF(left, top), QPointF(right, bottom))
            for left, top, right, bottom in node_boxes(item)]


def runs_through(path: QPainterPath, item: NodeItem) -> bool:
    """Whether the drawn way (a thin band along the path, not the area the path encloses)
    meets the node's body or name."""
    stroker = QPainterPathStroker()
    stroker.setWidth(2)
    band = stroker.createStroke(path)
    return any(band.intersects(rect) for rect in node_rects(item))


def straight_way(link: LinkItem) -> QPainterPath:
    """The way the link would take drawn straight from centre to centre."""
    (sx, sy), (tx, ty) = link.source.centre, link.target.centre
    path = QPainterPath(QPointF(sx, sy))
    path.lineTo(tx, ty)
    return path


def arrow_points_into_target(link: LinkItem) -> bool:
    """The head's tip is at the end of the way, and the head lies along the curve's last
    direction (from the control point to the end)."""
    shaft, head = link.curve()
    tip = head.at(1)
    end = link.path().pointAtPercent(1.0)
    back = QPointF((head.at(0).x() + head.at(2).x()) / 2, (head.at(0).y() + head.at(2).y()) / 2)
    along = QLineF(back, tip).angle()
    tangent = link.path().angleAtPercent(1.0)
    diff = abs((along - tangent + 180) % 360 - 180)
    return QLineF(tip, end).length() < 0.5 and diff < 3 and \
        QLineF(shaft.currentPosition(), back).length() < 0.5


def test_a_link_with_a_node_between_bends_round_it(window: MainWindow) -> None:
    show(window, SHOCK)
    scene = window.scene
    between = scene.nodes["bought-shock"]
    assert window.controller.link(SHOCK, "nurture", "post-purchase")
    link = link_item(window, "nurture", "post-purchase")
    assert runs_through(straight_way(link), between)  # drawn straight, it would
    assert link.is_arc()
    assert not runs_through(link.path(), between)
    assert arrow_points_into_target(link)
    # a tidy bend: the curve stands off the straight way by less than half its length
    (sx, sy), (tx, ty) = link.source.centre, link.target.centre
    length = math.hypot(tx - sx, ty - sy)
    peak = max(abs(link.path().pointAtPercent(i / 20).y() - sy) for i in range(21))
    assert 0 < peak < length / 2


def test_links_with_nothing_between_stay_straight(window: MainWindow) -> None:
    for campaign_id in (SHOCK, CHECKUP):
        show(window, campaign_id)
        assert window.scene.links
        for link in window.scene.links.values():
            assert not link.is_arc(), link.key
            others = [n for n in window.scene.nodes.values()
                      if n is not link.source and n is not link.target]
            assert not any(runs_through(link.path(), n) for n in others)


def test_moving_the_node_away_straightens_the_link_and_undo_bends_it(
        window: MainWindow) -> None:
    show(window, SHOCK)
    assert window.controller.link(SHOCK, "nurture", "post-purchase")
    link = link_item(window, "nurture", "post-purchase")
    between = window.scene.nodes["bought-shock"]
    assert link.is_arc()
    window.controller.move_nodes(SHOCK, {"bought-shock": (240.0, 300.0)})
    assert between.centre == (240.0, 300.0)
    assert not link.is_arc()
    assert not runs_through(link.path(), between)
    window.controller.undo_stack.undo()
    assert between.centre == (240.0, 0.0)
    assert link.is_arc()
    assert not runs_through(link.path(), between)
    window.controller.undo_stack.redo()
    assert not link.is_arc()


def test_moving_a_node_into_a_straight_link_bends_it(window: MainWindow) -> None:
    show(window, CHECKUP)
    link = link_item(window, "subscribed", "onboarding")  # (0, 0) -> (240, 0)
    mover = window.scene.nodes["visit-booked"]
    assert not link.is_arc()
    window.controller.move_nodes(CHECKUP, {"visit-booked": (100.0, 0.0)})
    assert runs_through(straight_way(link), mover)
    assert link.is_arc()
    assert not runs_through(link.path(), mover)
    assert arrow_points_into_target(link)
    # its own links follow it and keep clear of the others too
    for own in mover.links:
        others = [n for n in window.scene.nodes.values()
                  if n is not own.source and n is not own.target]
        assert not any(runs_through(own.path(), n) for n in others), own.key


def test_dragging_a_node_across_a_link_re_routes_it_each_step(window: MainWindow) -> None:
    show(window, CHECKUP)
    link = link_item(window, "subscribed", "onboarding")
    mover = window.scene.nodes["visit-booked"]
    drag = window.controller.new_drag_id()
    bent = []
    for y in range(200, -201, -40):
        window.controller.move_nodes(CHECKUP, {"visit-booked": (100.0, float(y))}, drag)
        assert not runs_through(link.path(), mover), y
        bent.append(link.is_arc())
    assert True in bent and bent[0] is False and bent[-1] is False
    window.controller.undo_stack.undo()  # the whole drag is one step
    assert mover.centre == (480.0, 0.0)
    assert not link.is_arc()


def test_a_back_link_keeps_its_arc_unless_a_node_is_in_its_way(window: MainWindow) -> None:
    show(window, SHOCK)
    assert window.controller.link(SHOCK, "post-purchase", "nurture")
    link = link_item(window, "post-purchase", "nurture")
    assert link.is_arc()
    arc = link.path()
    below = arc.pointAtPercent(0.5).y()
    assert below > 0  # the back arc runs below the flow
    # a node put where the arc runs: the arc goes round it
    window.controller.move_nodes(SHOCK, {"bought-shock": (240.0, below)})
    mover = window.scene.nodes["bought-shock"]
    assert runs_through(arc, mover)
    assert link.is_arc()
    assert not runs_through(link.path(), mover)
    assert arrow_points_into_target(link)


def test_a_renamed_node_whose_name_now_blocks_a_link_bends_it(window: MainWindow) -> None:
    show(window, SHOCK)
    scene = window.scene
    named = scene.nodes["bought-shock"]  # at (240, 0); its name is drawn below it
    short_bottom = node_boxes(named)[1][3]
    window.controller.move_nodes(SHOCK, {"nurture": (0.0, short_bottom + 8),
                                         "post-purchase": (480.0, short_bottom + 8)})
    assert window.controller.link(SHOCK, "nurture", "post-purchase")
    link = link_item(window, "nurture", "post-purchase")
    assert not link.is_arc()
    long_name = "Bought pool shock during the summer promotion weekend"
    assert window.controller.rename_node(SHOCK, "bought-shock", long_name)
    assert node_boxes(named)[1][3] > short_bottom + 8  # the name wraps to two lines
    assert link.is_arc()
    assert not runs_through(link.path(), named)
    window.controller.undo_stack.undo()
    assert not link.is_arc()


def test_deleting_the_node_between_straightens_the_link(window: MainWindow) -> None:
    show(window, SHOCK)
    assert window.controller.link(SHOCK, "nurture", "post-purchase")
    link = link_item(window, "nurture", "post-purchase")
    assert link.is_arc()
    window.controller.delete(SHOCK, ["bought-shock"])
    assert "bought-shock" not in window.scene.nodes
    assert not link.is_arc()
    window.controller.undo_stack.undo()
    assert link_item(window, "nurture", "post-purchase").is_arc()


def test_bow_to_clear_takes_the_side_with_less_bend() -> None:
    # a box reaching 40 above a level way and 10 below it: going below bends less
    box = (200.0, -40.0, 280.0, 10.0)
    above = bow_to_clear(0.0, 0.0, 480.0, 0.0, [box], -1)
    below = bow_to_clear(0.0, 0.0, 480.0, 0.0, [box], 1)
    assert 0 < below < above
    # at the box's end nearer a link's end, the curve (2 s (1 - s) times the bow off the
    # way) stands CLEARANCE beyond the box
    s = 200.0 / 480.0
    assert 2 * s * (1 - s) * above == pytest.approx(40.0 + CLEARANCE)
    assert 2 * s * (1 - s) * below == pytest.approx(10.0 + CLEARANCE)
    # a box wholly on the other side asks for no bend
    assert bow_to_clear(0.0, 0.0, 480.0, 0.0, [(200.0, 20.0, 280.0, 50.0)], -1) == 0.0


def routes(window: MainWindow) -> dict[tuple[str, str], tuple[float, float] | None]:
    out = {}
    for key, link in window.scene.links.items():
        control = link.control()
        out[key] = None if control is None else (round(control.x(), 1), round(control.y(), 1))
    return out


def assert_routes_current(window: MainWindow) -> None:
    """Every link is routed as it would be if worked out afresh from where the nodes are
    now: no edit left a link on an old way."""
    kept = routes(window)
    for link in window.scene.links.values():
        link.adjust()
    assert routes(window) == kept


def test_routes_stay_current_through_layout_paste_moves_renames_and_undo(
        window: MainWindow) -> None:
    show(window, CHECKUP)
    controller = window.controller
    ids = ["subscribed", "onboarding", "visit-booked", "visit-follow-up"]
    kinds = ["sequence", "tag_goal", "purchase_goal"]
    for i in range(8):
        ids.append(controller.add_node(CHECKUP, kinds[i % 3], 240 * (i % 4), 180 * (1 + i // 4)))
    for a, b in [(0, 9), (1, 11), (4, 7), (0, 2), (5, 10), (8, 3), (4, 11), (1, 8)]:
        assert controller.link(CHECKUP, ids[a], ids[b])
    assert any(link.is_arc() for link in window.scene.links.values())
    assert_routes_current(window)
    controller.move_nodes(CHECKUP, {ids[5]: (360.0, 100.0), ids[6]: (600.0, 260.0)})
    assert_routes_current(window)
    copies = controller.paste_data(CHECKUP, controller.copy_data(CHECKUP, ids[4:7]),
                                   offset=(120.0, 90.0))
    assert len(copies) == 3
    assert_routes_current(window)
    controller.rename_node(CHECKUP, ids[9], "A much longer name that wraps onto two lines")
    assert_routes_current(window)
    controller.auto_layout(CHECKUP)
    assert_routes_current(window)
    drag = controller.new_drag_id()
    for step in range(6):
        controller.move_nodes(CHECKUP, {ids[2]: (100.0 + 60 * step, 90.0 * step)}, drag)
        assert_routes_current(window)
    for _ in range(4):
        controller.undo_stack.undo()
        assert_routes_current(window)
    for _ in range(4):
        controller.undo_stack.redo()
        assert_routes_current(window)
    controller.delete(CHECKUP, [ids[1], ids[6]])
    assert_routes_current(window)
    controller.undo_stack.undo()
    assert_routes_current(window)


def test_a_link_that_cannot_clear_keeps_the_least_bad_way(window: MainWindow) -> None:
    show(window, SHOCK)
    # a node right on the source: every way out of it runs through that node
    window.controller.move_nodes(SHOCK, {"bought-shock": (40.0, 0.0)})
    assert window.controller.link(SHOCK, "nurture", "post-purchase")
    link = link_item(window, "nurture", "post-purchase")
    blocker = window.scene.nodes["bought-shock"]
    assert runs_through(link.path(), blocker)  # it could not clear, and it came back
    others = [n for n in window.scene.nodes.values() if n not in (link.source, link.target)]
    assert sum(runs_through(link.path(), n) for n in others) == 1


def test_a_link_passing_where_a_warning_badge_shows_bends_too(window: MainWindow) -> None:
    """A badge sits above a node's top-right corner, and can come with any edit: a link
    running through that corner, clear of the body itself, went over the badge."""
    from canvas_app.ui.canvas.node_item import body_rect

    show(window, CHECKUP)
    link = link_item(window, "subscribed", "onboarding")  # (0, 0) -> (240, 0)
    mover = window.scene.nodes["visit-booked"]
    body, badge = body_rect(mover.kind), mover.badge_rect()
    assert badge.top() < body.top() - 5  # the badge stands out above the body
    # Put the node so that the link's line runs 5 px above its body, through the badge.
    x = 120.0 - badge.center().x()
    window.controller.move_nodes(CHECKUP, {"visit-booked": (x, -(body.top() - 5))})
    assert link.is_arc()
    window.controller.move_nodes(CHECKUP, {"visit-booked": (x, -(badge.top() - 10))})
    assert not link.is_arc()  # above the badge as well: nothing in the way
