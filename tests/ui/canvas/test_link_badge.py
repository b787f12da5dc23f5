"""QA: the arrowhead of a link coming from the upper right hid under its target's warning
badge (the badge is drawn over the node's links). A link's end keeps clear of the badge
while the node shows one, and goes back to the body's edge when the badge goes."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF

from canvas_app.ui.canvas.node_item import badge_rect
from canvas_app.ui.main_window import MainWindow


def link_and_nodes(window: MainWindow) -> tuple[str, str, str]:
    controller = window.controller
    cid = controller.new_campaign("Badges")
    source = controller.add_node(cid, "sequence", 300, 0)  # up and to the right
    goal = controller.add_node(cid, "purchase_goal", 100, 150)
    other = controller.add_node(cid, "tag_goal", 500, 400)
    assert controller.link(cid, source, goal)
    return cid, goal, other


def end_of_link(window: MainWindow, target: str) -> QPointF:
    scene = window.view.scene()
    (link,) = scene.nodes[target].links
    return link.line().p2()


def test_an_arrow_from_the_upper_right_ends_at_the_badge_not_under_it(
        qtbot, window: MainWindow) -> None:
    cid, goal, other = link_and_nodes(window)
    scene = window.view.scene()
    scene.refresh_findings()
    assert not scene.has_badge(goal)
    item = scene.nodes[goal]
    centre = QPointF(*item.centre)
    badge = badge_rect("purchase_goal").translated(centre)
    plain = end_of_link(window, goal)
    assert math.dist((plain.x(), plain.y()), (centre.x(), centre.y())) < 34
    # A duplicate name gives the goal a warning badge: the arrow stops at its edge.
    window.controller.rename_node(cid, goal, "Same")
    window.controller.rename_node(cid, other, "Same")
    scene.refresh_findings()
    assert scene.has_badge(goal)
    end = end_of_link(window, goal)
    radius = badge.width() / 2
    gap = math.dist((end.x(), end.y()), (badge.center().x(), badge.center().y()))
    assert radius < gap <= radius + 3, (end, badge)
    # Renamed apart: the badge goes, and the arrow meets the body again.
    window.controller.rename_node(cid, other, "Other")
    scene.refresh_findings()
    assert not scene.has_badge(goal)
    again = end_of_link(window, goal)
    assert (again.x(), again.y()) == (plain.x(), plain.y())
