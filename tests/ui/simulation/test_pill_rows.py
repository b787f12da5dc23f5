"""A node's count pills wrap into rows where a row would run into the next node: large
counts of a sequence covered the next goal's "✓ N" pill (QA 21g)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from canvas_app.ui.canvas.node_item import body_rect
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.overlay import ROW_STEP, wrap_rows

from .test_overlay import stale_share

BIG = {"achieved": 41159, "waiting": 23149, "active": 12345, "completed": 98765,
       "removed": 25000, "entered": 140000}


def all_pills(window: MainWindow) -> dict[str, list[QRectF]]:
    layer = window.simulation_panel.layer
    return {node_id: [rect for rect, _text, _role in layer.pills(item)]
            for node_id, item in window.scene.nodes.items()}


def rows(rects: list[QRectF]) -> int:
    return len({round(rect.top(), 3) for rect in rects})


def test_wrap_rows_puts_as_many_pills_in_a_row_as_fit() -> None:
    assert wrap_rows([50, 100, 100], 400) == [[0, 1, 2]]
    assert wrap_rows([50, 100, 100], 160) == [[0, 1], [2]]
    assert wrap_rows([50, 100, 100], 30) == [[0], [1], [2]]  # one a row at least


def test_large_counts_wrap_clear_of_the_next_node_and_its_pills(qtbot,
                                                             window: MainWindow) -> None:
    layer = window.simulation_panel.layer
    layer.set_counts({node_id: BIG for node_id in window.scene.nodes})
    pills = all_pills(window)
    scene = window.scene
    for node_id, rects in pills.items():
        assert len(rects) >= 2
        for other_id, others in pills.items():
            if other_id == node_id:
                continue
            body = body_rect(scene.nodes[other_id].kind).translated(scene.nodes[other_id].pos())
            for rect in rects:
                assert not rect.intersects(body), (node_id, other_id)
                assert not any(rect.intersects(o) for o in others), (node_id, other_id)
    # Nurture's three pills would run past the goal beside it: two rows, the main pill in
    # the lower one, on its own line the next row up
    nurture = pills["nurture"]
    assert rows(nurture) == 2
    assert nurture[0].top() == max(rect.top() for rect in nurture)
    assert nurture[2].top() == nurture[0].top() - ROW_STEP
    # Post-purchase has nothing to its right: one row, as before
    assert rows(pills["post-purchase"]) == 1


def test_a_node_placed_beside_wraps_its_neighbours_pills_and_leaves_nothing_behind(
        qtbot, window: MainWindow) -> None:
    """A node placed (then moved, then undone) to the right of Post-purchase, not linked
    to it: Post-purchase's pills wrap round it, and the screen shows no pills left where
    they were."""
    layer = window.simulation_panel.layer
    layer.set_counts({node_id: BIG for node_id in window.scene.nodes})
    window.view.fit()
    qtbot.wait(50)
    assert rows(all_pills(window)["post-purchase"]) == 1
    last = window.scene.nodes["post-purchase"].pos()
    cid = window.current_campaign_id()
    added = window.controller.add_node(cid, "sequence", last.x() + 240, last.y())
    layer.set_counts({**layer.counts, added: BIG})
    window.view.fit()
    qtbot.wait(50)
    assert rows(all_pills(window)["post-purchase"]) == 2
    assert stale_share(window) == 0
    window.controller.move_nodes(cid, {added: (last.x() + 240, last.y() + 300)})
    assert rows(all_pills(window)["post-purchase"]) == 1
    assert stale_share(window) == 0  # repainted where they went, though not linked
    window.controller.undo_stack.undo()
    assert rows(all_pills(window)["post-purchase"]) == 2
    assert stale_share(window) == 0
    # a node moved alone (its one NODE_MOVED event, not a batch's), within the layer's
    # bounds (a move out of them repaints it all)
    window.controller.add_node(cid, "sequence", last.x() + 600, last.y() + 600)
    window.view.fit()
    qtbot.wait(50)
    assert rows(all_pills(window)["post-purchase"]) == 2
    assert stale_share(window) == 0
    window.controller.campaign(cid).move(added, last.x() + 240, last.y() + 300)
    assert rows(all_pills(window)["post-purchase"]) == 1
    assert stale_share(window) == 0
