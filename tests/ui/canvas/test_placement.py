"""Where new nodes go: Ctrl+1/2/3 at the view centre, paste and duplicate, never on top of
another node or its name."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from canvas_app.editing.layout import NODE_FOOTPRINT, free_offset, free_spot
from canvas_app.ui.canvas.node_item import item_bounds, name_rect
from canvas_app.ui.main_window import MainWindow


def _overlapping(window: MainWindow, ids: list[str]) -> list[tuple[str, str]]:
    items = window.scene.nodes
    return [(a, b) for a, b in combinations(ids, 2)
            if items[a].sceneBoundingRect().intersects(items[b].sceneBoundingRect())]


def _name_covered(window: MainWindow, original: str, copies: list[str]) -> bool:
    item = window.scene.nodes[original]
    label = item.mapRectToScene(name_rect(item.kind))
    return any(window.scene.nodes[c].sceneBoundingRect().intersects(label) for c in copies)


def test_footprint_holds_every_kind_of_node() -> None:
    for kind in ("purchase_goal", "tag_goal", "sequence"):
        bounds = item_bounds(kind)
        assert bounds.width() <= NODE_FOOTPRINT[0] and bounds.height() <= NODE_FOOTPRINT[1]


def test_free_spot_steps_down_past_taken_spots() -> None:
    assert free_spot([], 100, 40) == (100, 40)
    assert free_spot([(500, 40)], 100, 40) == (100, 40)  # far enough to the right
    assert free_spot([(100, 40)], 100, 40) == (100, 160)
    assert free_spot([(100, 40), (110, 160)], 100, 40) == (100, 280)


def test_nearest_free_spot_looks_all_round_and_not_far() -> None:
    from canvas_app.editing.layout import nearest_free_spot

    assert nearest_free_spot([], 100, 40) == (100, 40)
    width, height = NODE_FOOTPRINT
    # one node in the way: the nearest clear spot, below it (less far than beside it)
    assert nearest_free_spot([(100, 40)], 100, 40) == (100, 40 + height)
    # blocked below: it goes up rather than past the one below
    x, y = nearest_free_spot([(100, 40), (100, 40 + height)], 100, 40)
    assert (x, y) == (100, 40 - height)
    # nothing free within a footprint's reach: where it was asked
    crowd = [(i * 60.0, j * 40.0) for i in range(-20, 21) for j in range(-20, 21)]
    assert nearest_free_spot(crowd, 0, 0) == (0, 0)
    # a node half a width to the left: a step to the right clears it, nearer than a row
    assert width == 180
    assert nearest_free_spot([(0, 40)], 100, 40) == (180, 40)


def test_free_offset_moves_a_group_clear_of_its_originals() -> None:
    group = [(0.0, 0.0), (240.0, 0.0)]
    dx, dy = free_offset(group, group, (40.0, 40.0))
    assert (dx, dy) == (40.0, 120.0)


def test_a_group_too_big_to_fit_nearby_goes_below_everything() -> None:
    """QA 23e: 1,400 nodes copied and pasted were put back at the paste offset, each copy
    half over its original: no free offset was found in the stretch searched."""
    from canvas_app.editing.layout import _Occupancy

    grid = [(x * 240.0, y * 180.0) for x in range(40) for y in range(40)]  # 9,600 x 7,200
    dx, dy = free_offset(grid, grid, (40.0, 40.0))
    assert dx == 40.0 and dy % 20 == 0
    occupancy = _Occupancy(grid, NODE_FOOTPRINT)
    assert not any(occupancy.overlaps(x + dx, y + dy) for x, y in grid)
    assert dy - 39 * 180.0 < 2 * NODE_FOOTPRINT[1]  # just below, not far off


def test_keyboard_placement_never_stacks_nodes(qtbot, window: MainWindow) -> None:
    campaign_id = window.controller.new_campaign()
    window.campaign_list.select(campaign_id)
    window.view.setFocus()
    for _ in range(3):
        QTest.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    window.place_node("sequence")
    ids = list(window.scene.nodes)
    assert len(ids) == 4
    assert _overlapping(window, ids) == []
    campaign = window.controller.campaign(campaign_id)
    assert all(n.x % 20 == 0 and n.y % 20 == 0 for n in campaign.nodes)  # still on the grid


def test_a_node_placed_after_one_off_the_grid_is_in_line_with_it(qtbot,
                                                                 window: MainWindow) -> None:
    """QA 23c: Auto-Layout leaves rows at y = 90; Ctrl+3 after such a node snapped the new
    one to y = 80, visibly above the row."""
    campaign = window.controller.campaign(window.scene.campaign_id)
    window.controller.move_nodes(campaign.id, {"post-purchase": (700.0, 90.0)})
    window.scene.select_nodes(["post-purchase"])
    added = window.place_node("sequence")
    assert (campaign.node(added).x, campaign.node(added).y) == (940.0, 90.0)
    window.scene.select_nodes([])
    window.view.context_pos = None
    centre = window.place_node("tag_goal")  # at the view's centre: on the grid
    assert campaign.node(centre).x % 20 == 0 and campaign.node(centre).y % 20 == 0


def test_paste_clears_the_originals_and_says_pasted(window: MainWindow) -> None:
    originals = ["nurture", "bought-shock", "post-purchase"]
    window.scene.select_nodes(["nurture", "bought-shock"])
    assert window.copy()
    assert window.statusBar().currentMessage() == "Copied 2 nodes."
    first = window.paste()
    assert window.statusBar().currentMessage() == "Pasted 2 nodes."
    second = window.paste()
    assert len(first) == len(second) == 2
    ids = originals + first + second
    assert _overlapping(window, ids) == []
    assert not any(_name_covered(window, o, first + second) for o in originals)


def test_duplicate_does_not_cover_the_original(window: MainWindow) -> None:
    window.scene.select_nodes(["post-purchase"])
    copy = window.duplicate()
    assert len(copy) == 1
    assert not _name_covered(window, "post-purchase", copy)
    assert _overlapping(window, ["nurture", "bought-shock", "post-purchase", *copy]) == []
    assert window.statusBar().currentMessage() == "Duplicated 1 node."


def _in_view(window: MainWindow, node_id: str) -> bool:
    seen = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    return seen.contains(window.scene.nodes[node_id].sceneBoundingRect())


def test_paste_after_scrolling_away_lands_in_view(qtbot, window: MainWindow) -> None:
    window.scene.select_nodes(["nurture"])
    assert window.copy()
    window.view.centerOn(5000, 3000)  # far from the originals (as far as the scene goes)
    centre = window.view.centre_scene_pos()
    assert not _in_view(window, "nurture")
    pasted = window.paste()
    assert len(pasted) == 1 and _in_view(window, pasted[0])
    node = window.controller.campaign(window.current_campaign_id()).node(pasted[0])
    assert abs(node.x - centre.x()) < 200 and abs(node.y - centre.y()) < 200


def test_duplicate_near_the_edge_is_scrolled_into_view(qtbot, window: MainWindow) -> None:
    window.view.reset_zoom()
    item = window.scene.nodes["post-purchase"]
    window.view.ensureVisible(item.sceneBoundingRect(), 0, 0)  # at the view's edge
    window.scene.select_nodes(["post-purchase"])
    for _ in range(3):  # each copy goes further down
        copy = window.duplicate()
        window.scene.select_nodes(copy)
    assert _in_view(window, copy[0])


def test_add_from_the_canvas_menu_places_the_node_where_the_menu_opened(
        qtbot, window: MainWindow) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QContextMenuEvent

    campaign_id = window.current_campaign_id()
    scene_point = QPointF(-600, 500)  # empty canvas
    window.view.centerOn(scene_point + QPointF(200, 0))
    pos = window.view.mapFromScene(scene_point)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                              window.view.viewport().mapToGlobal(pos))
    window.view.contextMenuEvent(event)
    menu = window.view.context_menu
    add = next(a for a in menu.actions() if a.text().replace("&", "") == "Add Sequence")
    add.trigger()
    menu.close()
    added = [n for n in window.controller.campaign(campaign_id).nodes
             if n.name.startswith("Sequence")]
    assert len(added) == 1
    assert abs(added[0].x - scene_point.x()) <= 20 and abs(added[0].y - scene_point.y()) <= 20
    qtbot.waitUntil(lambda: window.view.context_pos is None, timeout=1000)
    window.place_node("tag_goal")  # a shortcut afterwards uses the middle of the view again
    centre = window.view.centre_scene_pos()
    tag = next(n for n in window.controller.campaign(campaign_id).nodes if n.kind == "tag_goal"
               and n.name.startswith("Tag goal"))
    assert abs(tag.x - centre.x()) < 200


def test_a_node_added_from_the_keyboard_goes_right_of_the_one_selected(
        qtbot, window: MainWindow) -> None:
    from canvas_app.editing.layout import COLUMN

    window.scene.select_nodes(["post-purchase"])
    campaign = window.controller.campaign(window.current_campaign_id())
    anchor = campaign.node("post-purchase")
    new_id = window.place_node("tag_goal")
    new = campaign.node(new_id)
    assert (new.x, new.y) == window.scene.snap(anchor.x + COLUMN, anchor.y)
    third = campaign.node(window.place_node("sequence"))  # after the new one, selected now
    assert third.x > new.x and third.y == new.y


def test_paste_from_the_canvas_menu_places_the_nodes_where_the_menu_opened(
        qtbot, window: MainWindow) -> None:
    """QA 21: Paste in the canvas's menu put the copy beside the original, while Add in
    the same menu uses the spot."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QContextMenuEvent

    campaign_id = window.current_campaign_id()
    window.scene.select_nodes(["nurture"])
    assert window.copy()
    window.scene.clearSelection()
    scene_point = QPointF(-600, 500)  # empty canvas
    window.view.centerOn(scene_point + QPointF(200, 0))
    pos = window.view.mapFromScene(scene_point)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                              window.view.viewport().mapToGlobal(pos))
    before = {n.id for n in window.controller.campaign(campaign_id).nodes}
    window.view.contextMenuEvent(event)
    menu = window.view.context_menu
    paste = next(a for a in menu.actions() if a.text().replace("&", "") == "Paste")
    paste.trigger()
    menu.close()
    [pasted] = [n for n in window.controller.campaign(campaign_id).nodes if n.id not in before]
    assert abs(pasted.x - scene_point.x()) <= 20 and abs(pasted.y - scene_point.y()) <= 20
    qtbot.waitUntil(lambda: window.view.context_pos is None, timeout=1000)
