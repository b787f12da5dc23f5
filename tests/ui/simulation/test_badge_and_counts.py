"""A node's warning badge and its simulation count pills side by side: neither covers the
other (QA: the badge covered the bottom of "3149 waiting" and "3 completed")."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsSceneHelpEvent, QToolTip

from canvas_app.ui.canvas.node_item import DETAIL_LOD, HALO, NodeItem, body_rect
from canvas_app.ui.main_window import MainWindow

from .test_overlay import colour_share, on_screen, pills_rect
from .test_simulation_panel import run_to_finish

# The counts of the QA screenshots, wide enough to reach the badge's corner.
BIG_COUNTS = {
    "purchase_goal": {"achieved": 1159, "waiting": 3149},
    "tag_goal": {"achieved": 1159, "waiting": 3149},
    "sequence": {"entered": 40, "active": 12, "completed": 3, "removed": 25},
}


def warned_nodes(qtbot, window: MainWindow) -> list[NodeItem]:
    """A node of each kind, on its own away from the flow (so each has a warning), shown
    with counts after a run of the sample scenario."""
    run_to_finish(qtbot, window)
    cid = window.current_campaign_id()
    ids = [window.controller.add_node(cid, kind, 900.0 + 300 * i, 900.0)
           for i, kind in enumerate(("purchase_goal", "tag_goal", "sequence"))]
    window.scene.refresh_findings()
    items = [window.scene.nodes[i] for i in ids]
    for item in items:
        assert window.scene.findings_for(item.node_id), item.kind
    layer = window.simulation_panel.layer
    layer.set_counts({**layer.counts, **{i.node_id: BIG_COUNTS[i.kind] for i in items}})
    return items


def badge_in_scene(item: NodeItem) -> QRectF:
    return item.mapRectToScene(item.badge_rect())


def test_the_badge_and_the_pills_do_not_overlap(qtbot, window: MainWindow) -> None:
    items = warned_nodes(qtbot, window)
    layer = window.simulation_panel.layer
    # The sample's own nodes with counts, and a warning where they have one, too.
    shown = items + [n for n in window.scene.nodes.values()
                     if n.node_id in layer.counts and n not in items]
    for item in shown:
        pills = layer.pills(item)
        assert pills, item.node_id
        body = body_rect(item.kind).translated(item.pos())
        glow = body.adjusted(-HALO, -HALO, HALO, HALO)  # a selected node's outline
        for rect, text, _role in pills:
            assert not rect.intersects(badge_in_scene(item)), (item.kind, text)
            assert not rect.intersects(glow), (item.kind, text)
    # The wide pills of the QA reach over the badge's corner: they are beside it, above it.
    for item in items:
        area = layer.pills_area(item)
        badge = badge_in_scene(item)
        assert area.right() > badge.left() and area.bottom() <= badge.top()
    # Goals and sequences alike: the pills of nodes in one row are in line.
    assert len({round(layer.pills_area(i).top() - i.pos().y(), 3) for i in items}) == 1


def test_at_every_zoom_where_both_show_they_stay_apart(qtbot, window: MainWindow) -> None:
    items = warned_nodes(qtbot, window)
    view = window.view
    for zoom in (DETAIL_LOD, 0.6, 1.0, 2.0, 4.0):
        view.set_zoom(zoom)
        for item in items:
            view.centerOn(item)
            pills = pills_rect(window, item.node_id)
            badge = view.mapFromScene(badge_in_scene(item)).boundingRect()
            badge.translate(view.viewport().mapTo(window, QPoint(0, 0)))
            assert not pills.intersects(badge), (zoom, item.kind, pills, badge)


def test_on_screen_the_pill_is_whole_and_the_badge_still_tells_why(qtbot,
                                                                  window: MainWindow) -> None:
    items = warned_nodes(qtbot, window)
    view = window.view
    view.set_zoom(2.0)
    goal = items[0]
    view.centerOn(goal)
    image = on_screen(window)
    badge = view.mapFromScene(badge_in_scene(goal)).boundingRect()
    badge.translate(view.viewport().mapTo(window, QPoint(0, 0)))
    # The badge is drawn whole (its amber), and none of its amber is in the pills.
    amber = QColor("#f2b705")
    assert colour_share(image, badge, amber) > 0.15
    assert colour_share(image, pills_rect(window, goal.node_id), amber) == 0.0
    # Its tooltip: the badge tells the warning, where it stands out above the body too.
    badge_rect = badge_in_scene(goal)
    for point in (QPointF(badge_rect.left() + 5, badge_rect.bottom() - 5),  # over the body
                  badge_rect.center(), QPointF(badge_rect.center().x(), badge_rect.top() + 4)):
        assert goal.part_at(point) == "badge"
        assert window.scene.node_at(point) is goal
        text = tooltip_at(window, point)
        assert window.scene.domain_node(goal.node_id).name in text and "⚠" in text
    # A node without a warning keeps its own outline: there, the corner is the canvas's.
    plain = next(n for n in window.scene.nodes.values()
                 if n.kind == "purchase_goal" and not window.scene.findings_for(n.node_id))
    assert window.scene.node_at(badge_in_scene(plain).center()) is None


def tooltip_at(window: MainWindow, point: QPointF) -> str:
    """The tooltip the canvas shows for a pointer resting at ``point`` (scene)."""
    event = QGraphicsSceneHelpEvent()
    event.setScenePos(QPointF(point))
    event.setScreenPos(QPoint(100, 100))
    window.scene.helpEvent(event)
    text = QToolTip.text()
    QToolTip.hideText()
    return text
