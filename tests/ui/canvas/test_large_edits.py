"""Edits of many nodes at once go through the domain's batches (``add_many``,
``remove_many``, ``move_many``): the canvas must end up item for item as the domain is —
every node and link drawn where it is, the selection on the pasted nodes, one undo step,
the overview and the lint badges current."""

from __future__ import annotations

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from canvas_app.ui import busy
from canvas_app.ui.canvas.link_item import LinkItem
from canvas_app.ui.canvas.node_item import NodeItem
from canvas_app.ui.canvas.scene import OVERVIEW_MIN_NODES, CampaignScene
from canvas_app.ui.canvas.view import OVERVIEW_SCALE
from canvas_app.ui.main_window import MainWindow

from .conftest import add_big_campaign

SIZE = OVERVIEW_MIN_NODES + 20  # large enough for the overview


def assert_scene_matches_domain(scene: CampaignScene) -> None:
    """One item per node, at the node's place; one link item per link, joining the right
    items, with its way worked out for where they are now."""
    campaign = scene.current_campaign()
    assert campaign is not None
    assert set(scene.nodes) == {n.id for n in campaign.nodes}
    for node in campaign.nodes:
        item = scene.nodes[node.id]
        assert (item.pos().x(), item.pos().y()) == (node.x, node.y)
        assert item.centre == (node.x, node.y)
    assert set(scene.links) == set(campaign.edges)
    for (source, target), link in scene.links.items():
        assert link.source is scene.nodes[source] and link.target is scene.nodes[target]
        assert link in link.source.links and link in link.target.links
        drawn, bounds, control = QLineF(link.line()), link.rect(), link.control()
        link.adjust()  # the way for the places now: the same when the link had followed
        assert link.line() == drawn, (source, target)
        assert link.rect() == bounds and link.control() == control, (source, target)
    items = [i for i in scene.items() if isinstance(i, (NodeItem, LinkItem))]
    assert len(items) == len(scene.nodes) + len(scene.links)  # nothing left behind


def overview_matches_domain(scene: CampaignScene) -> None:
    """The overview drawn now is the one a rebuild from the domain draws: its bounds, and
    each node's square where its lists (shifted by a move of all) put it."""
    overview = scene.overview
    overview.ensure_current()
    shown = overview.boundingRect()
    dx, dy = overview._offset
    squares = {n: rect.translated(dx, dy) for n, rect in overview._by_id.items()}
    overview.rebuild()
    assert overview.boundingRect() == shown
    assert squares == overview._by_id


def test_paste_of_many_builds_every_item_selects_them_and_undoes_in_one_step(
        window: MainWindow, qtbot) -> None:
    cid = add_big_campaign(window, SIZE)
    scene, stack = window.scene, window.controller.undo_stack
    window.view.setFocus()
    window.actions_by_name["select_all"].trigger()
    window.actions_by_name["copy"].trigger()
    steps = stack.count()
    pasted = window.paste()
    campaign = window.controller.campaign(cid)
    assert len(pasted) == SIZE and len(campaign) == 2 * SIZE
    assert stack.count() == steps + 1  # one undo step
    assert not set(pasted) & {f"big-{i}" for i in range(SIZE)}  # fresh ids
    assert sorted(scene.selected_node_ids()) == sorted(pasted)
    names = [n.name.casefold() for n in campaign.nodes]
    assert len(set(names)) == len(names)  # made unique
    copies = set(pasted)
    assert len([e for e in campaign.edges if set(e) <= copies]) == SIZE - 1  # the chain
    assert_scene_matches_domain(scene)
    # The lint badges come for the copies too (a sequence with no steps is warned of).
    copy_of_first = next(n.id for n in campaign.nodes if n.id in copies and n.name == "S 0 (2)")
    qtbot.waitUntil(lambda: bool(scene.findings_for(copy_of_first)), timeout=3000)
    assert len(scene.findings_for(copy_of_first)) == len(scene.findings_for("big-0"))
    stack.undo()
    assert len(campaign) == SIZE and not copies & set(scene.nodes)
    assert_scene_matches_domain(scene)
    stack.redo()
    assert copies <= set(scene.nodes) and len(scene.links) == 2 * SIZE - 2
    assert_scene_matches_domain(scene)


def test_paste_and_duplicate_in_the_overview(window: MainWindow) -> None:
    cid = add_big_campaign(window, SIZE)
    scene = window.scene
    window.view.set_zoom(OVERVIEW_SCALE / 2)
    assert scene.overview_mode
    window.view.setFocus()
    window.actions_by_name["select_all"].trigger()
    duplicated = window.duplicate()
    assert len(duplicated) == SIZE
    assert sorted(scene.selected_node_ids()) == sorted(duplicated)
    assert all(not scene.nodes[n].isVisible() for n in duplicated)  # the overview shows
    overview_matches_domain(scene)
    assert len(scene.overview._by_id) == 2 * SIZE
    assert len(window.controller.campaign(cid)) == 2 * SIZE
    assert_scene_matches_domain(scene)


def test_delete_of_many_and_its_undo_restore_every_item_and_link(window: MainWindow) -> None:
    cid = add_big_campaign(window, SIZE)
    scene = window.scene
    window.view.setFocus()
    window.actions_by_name["select_all"].trigger()
    window.actions_by_name["delete"].trigger()
    assert not scene.nodes and not scene.links
    assert_scene_matches_domain(scene)
    window.actions_by_name["undo"].trigger()
    assert len(scene.nodes) == SIZE and len(scene.links) == SIZE - 1
    assert len(window.controller.campaign(cid)) == SIZE
    assert_scene_matches_domain(scene)


def test_an_arrow_key_moves_every_selected_item_and_link(window: MainWindow) -> None:
    cid = add_big_campaign(window, SIZE)
    scene = window.scene
    window.view.reset_zoom()
    assert not scene.overview_mode
    window.view.setFocus()
    window.actions_by_name["select_all"].trigger()
    before = {n.id: n.x for n in window.controller.campaign(cid).nodes}
    QTest.keyClick(window.view, Qt.Key.Key_Down)
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    campaign = window.controller.campaign(cid)
    assert all(n.x == before[n.id] + 20 for n in campaign.nodes)
    assert_scene_matches_domain(scene)
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    assert all(n.x == before[n.id] for n in campaign.nodes)
    assert_scene_matches_domain(scene)


def test_a_move_of_some_nodes_in_the_overview(window: MainWindow) -> None:
    cid = add_big_campaign(window, SIZE)
    scene = window.scene
    window.view.set_zoom(OVERVIEW_SCALE / 2)
    scene.select_nodes([f"big-{i}" for i in range(0, SIZE, 2)])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Left)
    overview_matches_domain(scene)
    assert window.controller.campaign(cid).node("big-2").x == 2 * 240 - 20
    assert window.controller.campaign(cid).node("big-1").x == 240
    window.view.reset_zoom()  # the links, hidden meanwhile, show where they now are
    assert_scene_matches_domain(scene)


def test_moving_everything_in_the_overview_shifts_it_and_the_links_follow(
        window: MainWindow) -> None:
    cid = add_big_campaign(window, SIZE)
    scene = window.scene
    window.view.set_zoom(OVERVIEW_SCALE / 2)
    assert scene.overview_mode
    window.view.setFocus()
    window.actions_by_name["select_all"].trigger()
    scene.overview.ensure_current()
    shown = scene.overview.boundingRect()
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Up):
        QTest.keyClick(window.view, key)
    assert scene.overview.boundingRect() == shown.translated(40, -20)
    overview_matches_domain(scene)
    assert window.controller.campaign(cid).node("big-0").x == 40
    rect = scene.nodes_rect()  # asked in the overview: with the links where they are now
    assert rect.left() < 40 and rect.top() < -20
    window.view.reset_zoom()
    assert_scene_matches_domain(scene)
    assert sorted(scene.selected_node_ids()) == sorted(f"big-{i}" for i in range(SIZE))


def test_an_arrow_key_move_of_many_nodes_shows_the_wait_cursor(window: MainWindow,
                                                             monkeypatch) -> None:
    monkeypatch.setattr(busy, "BUSY_NODES", 3)  # the sample's three nodes count as many
    window.view.setFocus()
    window.actions_by_name["select_all"].trigger()
    stack = window.controller.undo_stack
    seen: list = []

    def push(command) -> None:
        cursor = QGuiApplication.overrideCursor()
        seen.append(cursor.shape() if cursor is not None else None)
        type(stack).push(stack, command)

    monkeypatch.setattr(stack, "push", push)
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    assert seen == [Qt.CursorShape.WaitCursor]
    assert QGuiApplication.overrideCursor() is None
    window.scene.select_nodes(window.scene.selected_node_ids()[:1])
    QTest.keyClick(window.view, Qt.Key.Key_Right)  # one node: no wait cursor
    assert seen[-1] is None
