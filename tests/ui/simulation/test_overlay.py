"""The counts drawn on the canvas follow the nodes and leave nothing behind."""

from __future__ import annotations

import json

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.overlay import badge_texts
from canvas_app.ui.theme import kind_colour

from .test_simulation_panel import run_to_finish


def on_screen(window: MainWindow) -> QImage:
    """What the window shows now: its backing store, as painted so far (not a fresh render,
    which would hide anything left behind by a partial repaint)."""
    QApplication.processEvents()
    QApplication.processEvents()
    return window.screen().grabWindow(window.winId()).toImage()


def pills_rect(window: MainWindow, node_id: str) -> QRect:
    """Where a node's count pills are on the window now (in window pixels)."""
    layer = window.simulation_panel.layer
    area = layer.pills_area(window.scene.nodes[node_id])
    view = window.view
    polygon = view.mapFromScene(area)
    rect = polygon.boundingRect()
    top_left = view.viewport().mapTo(window, rect.topLeft())
    return QRect(top_left, rect.size())


def stale_share(window: MainWindow) -> float:
    """The share of the canvas's pixels that differ from a full repaint of the window now:
    anything left behind on screen by a partial repaint, or not drawn where it should be."""
    shown = on_screen(window)
    fresh = window.grab().toImage().convertToFormat(shown.format())
    viewport = window.view.viewport()
    rect = QRect(viewport.mapTo(window, viewport.rect().topLeft()), viewport.size())
    differ = total = 0
    for y in range(rect.top(), rect.bottom() + 1, 2):
        for x in range(rect.left(), rect.right() + 1, 2):
            total += 1
            if shown.pixel(x, y) != fresh.pixel(x, y):
                differ += 1
    return differ / max(total, 1)


def colour_share(image: QImage, rect: QRect, colour: QColor) -> float:
    """The share of the pixels in ``rect`` close to ``colour``."""
    rect = rect.intersected(image.rect())
    near = total = 0
    for y in range(rect.top(), rect.bottom() + 1, 2):
        for x in range(rect.left(), rect.right() + 1, 2):
            pixel = image.pixelColor(x, y)
            total += 1
            if (abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green())
                    + abs(pixel.blue() - colour.blue())) < 40:
                near += 1
    return near / max(total, 1)


def test_pills_sit_where_they_are_said_to(qtbot, window: MainWindow) -> None:
    run_to_finish(qtbot, window)
    window.docks["simulation"].raise_()
    image = on_screen(window)
    rect = pills_rect(window, "post-purchase")
    assert badge_texts("sequence", window.simulation_panel.layer.counts["post-purchase"])
    assert colour_share(image, rect, kind_colour("sequence")) > 0.1  # the "N in" pill


def test_moving_a_node_leaves_no_count_pills_behind(qtbot, window: MainWindow) -> None:
    run_to_finish(qtbot, window)
    blue = kind_colour("sequence")
    on_screen(window)
    old = pills_rect(window, "post-purchase")
    node = window.scene.domain_node("post-purchase")
    x, y = node.x, node.y  # where it starts (the node itself moves)
    campaign = window.current_campaign_id()
    drag = window.controller.new_drag_id()
    # A drag: several small moves merged into one, 120 px down. (Much further down, the link
    # from the node before would come in from above, through where the pills are, and the
    # pills would go below the node's name, out of the view.)
    for step in range(1, 5):
        window.controller.move_nodes(campaign, {"post-purchase": (x, y + 30 * step)}, drag)
        on_screen(window)
    image = on_screen(window)
    new = pills_rect(window, "post-purchase")
    assert not new.intersects(old)
    assert colour_share(image, old, blue) < 0.02  # nothing left where they were
    assert colour_share(image, new, blue) > 0.1  # and they are drawn where the node is
    window.controller.undo_stack.undo()  # back where it was
    image = on_screen(window)
    assert colour_share(image, new, blue) < 0.02
    assert colour_share(image, old, blue) > 0.1
    window.controller.undo_stack.redo()
    image = on_screen(window)
    assert colour_share(image, old, blue) < 0.02
    assert colour_share(image, new, blue) > 0.1


def test_the_screen_matches_a_full_repaint_after_moves(qtbot, window: MainWindow) -> None:
    run_to_finish(qtbot, window)
    layer = window.simulation_panel.layer
    qtbot.waitUntil(lambda: not layer.tokens, timeout=3000)  # the last dots have arrived
    assert stale_share(window) == 0
    node = window.scene.domain_node("post-purchase")
    campaign = window.current_campaign_id()
    drag = window.controller.new_drag_id()
    for step in range(1, 5):
        window.controller.move_nodes(campaign, {"post-purchase": (node.x, node.y + 20 * step)},
                                     drag)
        assert stale_share(window) == 0


def test_a_node_deleted_or_brought_back_takes_its_pills_with_it(qtbot,
                                                                window: MainWindow) -> None:
    run_to_finish(qtbot, window)
    layer = window.simulation_panel.layer
    qtbot.waitUntil(lambda: not layer.tokens, timeout=3000)
    blue = kind_colour("sequence")
    on_screen(window)
    where = pills_rect(window, "post-purchase")
    window.scene.select_nodes(["post-purchase"])
    window.controller.delete(window.current_campaign_id(), ["post-purchase"])
    assert "post-purchase" not in window.scene.nodes
    assert colour_share(on_screen(window), where, blue) < 0.02
    assert stale_share(window) == 0
    window.controller.undo_stack.undo()  # back, with the counts the run gave it
    assert colour_share(on_screen(window), where, blue) > 0.1
    assert stale_share(window) == 0


def test_a_node_added_during_a_run_is_drawn_over_cleanly(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    for _ in range(6):
        panel.step()
    layer = panel.layer
    qtbot.waitUntil(lambda: not layer.tokens, timeout=3000)
    campaign = window.current_campaign_id()
    window.controller.add_node(campaign, "sequence", 200, 380)
    added = next(n for n in window.scene.nodes if n not in layer.counts)
    assert layer.boundingRect().contains(window.scene.nodes[added].sceneBoundingRect())
    assert stale_share(window) == 0
    node = window.scene.domain_node("nurture")
    window.controller.move_nodes(campaign, {"nurture": (node.x, node.y + 140)})
    assert stale_share(window) == 0


def test_a_layer_whose_scene_went_stops_listening(qtbot, window: MainWindow) -> None:
    import shiboken6

    from canvas_app.ui.canvas.scene import CampaignScene
    from canvas_app.ui.simulation.overlay import SimulationLayer

    scene = CampaignScene(window.controller)
    scene.show_campaign(window.current_campaign_id())
    layer = SimulationLayer(scene)
    scene.detach()
    shiboken6.delete(scene)  # the scene and its items go, the layer not disposed
    assert not shiboken6.isValid(layer)
    campaign = window.current_campaign_id()
    node = window.scene.domain_node("nurture")
    x, y = node.x, node.y
    window.controller.move_nodes(campaign, {"nurture": (x, y + 40)})  # no error
    assert window.scene.domain_node("nurture").y == y + 40


def test_a_sequence_pill_counts_contacts_a_goal_took_out_early() -> None:
    counts = {"entered": 3, "active": 0, "completed": 1, "removed": 2}
    assert badge_texts("sequence", counts) == [("0 in", "main"), ("1 completed", "muted"),
                                                ("2 left early", "muted")]
    assert badge_texts("sequence", {"entered": 1, "active": 1}) == [("1 in", "main")]


def test_a_node_deleted_during_a_run_leaves_no_moving_contacts_behind(
        qtbot, window: MainWindow) -> None:
    """QA: rings and dots went on where a deleted node had been."""
    panel = window.simulation_panel
    window.show_simulation_panel()
    layer = None
    for _ in range(40):
        panel.step()
        layer = panel.layer
        if layer is not None and layer.tokens:
            break
    assert layer is not None and layer.tokens  # contacts on the move
    where = window.view.mapFromScene(window.scene.nodes["nurture"].pos())
    window.controller.delete("shock-nurture", ["nurture"])
    assert layer.tokens == []
    image = on_screen(window)
    spot = window.view.viewport().mapTo(window, where)
    background = image.pixelColor(spot.x() + 60, spot.y() + 60)
    assert image.pixelColor(spot).rgb() == background.rgb() or \
        abs(image.pixelColor(spot).lightness() - background.lightness()) < 30


def test_nodes_added_before_a_run_are_inside_the_layer(qtbot, window: MainWindow) -> None:
    """With nothing to show, the layer follows added nodes only by its bounds (one node at
    once, a batch at its end): nodes placed or pasted far away before a run are inside them,
    where the run's pills will be drawn."""
    layer = window.simulation_panel.layer
    assert not layer.counts
    campaign = window.current_campaign_id()
    one = window.controller.add_node(campaign, "sequence", 3000, 2000)
    assert layer.boundingRect().contains(window.scene.nodes[one].sceneBoundingRect())
    window.scene.select_nodes(["post-purchase", "nurture"])
    window.copy()
    pasted = window.controller.paste_data(campaign, json.loads(
        QApplication.clipboard().text()), offset=(-4000, -3000))
    assert pasted
    for node_id in pasted:
        assert layer.boundingRect().contains(window.scene.nodes[node_id].sceneBoundingRect())


def test_a_count_pill_hovered_shows_its_nodes_tooltip(qtbot, window: MainWindow) -> None:
    """The pills above a node had no tooltip (QA): hovered, one shows its node's, with
    the counts in words."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtWidgets import QGraphicsSceneHelpEvent, QToolTip

    run_to_finish(qtbot, window)
    layer = window.simulation_panel.layer
    item = window.scene.nodes["post-purchase"]
    [(pill, _text, _role), *_rest] = layer.pills(item)
    assert not item.sceneBoundingRect().contains(pill.center())  # above the node
    assert layer.pill_owner(pill.center()) == "post-purchase"
    assert layer.pill_owner(pill.center() + QPointF(0, -200)) is None
    event = QGraphicsSceneHelpEvent(QEvent.Type.GraphicsSceneHelp)
    event.setScenePos(pill.center())
    event.setScreenPos(QPoint(100, 100))
    window.scene.helpEvent(event)
    assert event.isAccepted()
    assert "Post-purchase" in QToolTip.text() and "Simulation:" in QToolTip.text()
    QToolTip.hideText()
