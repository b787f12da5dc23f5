"""The overview (a large campaign zoomed far out) follows nodes moved by arrow keys without
being rebuilt at each press (perf QA: a held key with 1,000 of 10,000 nodes selected
rebuilt all of it each time): what moved moves, and the drawing is what a rebuild makes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication

from canvas_app.ui.canvas.overview import OverviewItem
from canvas_app.ui.canvas.scene import OVERVIEW_MIN_NODES
from canvas_app.ui.canvas.view import OVERVIEW_SCALE
from canvas_app.ui.main_window import MainWindow

from .conftest import add_big_campaign


def drawn(overview: OverviewItem) -> tuple[dict[str, tuple[float, float]],
                                           list[tuple[float, float, float, float]]]:
    """Where the overview draws each node's square (its centre) and each link's line, in
    scene coordinates, its lines sorted."""
    ox, oy = overview._offset
    squares = {n: (round(r.center().x() + ox, 6), round(r.center().y() + oy, 6))
               for n, r in overview._by_id.items()}
    lines = sorted((round(ln.x1() + ox, 6), round(ln.y1() + oy, 6), round(ln.x2() + ox, 6),
                    round(ln.y2() + oy, 6)) for ln in overview._lines)
    return squares, lines


def spin() -> None:
    """The events posted so far, timers of zero delay included."""
    for _ in range(3):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


@pytest.mark.parametrize("shift", [False, True])
def test_arrow_presses_move_the_overview_in_place(qtbot, window: MainWindow,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  shift: bool) -> None:
    cid = add_big_campaign(window, OVERVIEW_MIN_NODES)
    view, scene = window.view, window.scene
    view.set_zoom(OVERVIEW_SCALE / 2)
    assert scene.overview_mode
    overview = scene.overview
    overview.ensure_current()
    chosen = [f"big-{i}" for i in range(0, OVERVIEW_MIN_NODES, 3)]  # a third, linked to
    scene.select_nodes(chosen)  # nodes that stay
    view.setFocus()
    spin()
    rebuilds: list[int] = []
    rebuild = overview.rebuild

    def counted() -> None:
        rebuilds.append(1)
        rebuild()

    monkeypatch.setattr(overview, "rebuild", counted)
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left):
        qtbot.keyClick(view, key, modifier)
        spin()
    assert rebuilds == []
    campaign = window.controller.campaign(cid)
    squares, lines = drawn(overview)
    assert squares == {n.id: (n.x, n.y) for n in campaign.nodes}
    # the drawing is what a rebuild makes of the campaign now, selection rings included
    rings = [r.center() for r in overview._rings(3.0)]
    assert sorted((p.x(), p.y()) for p in rings) == sorted(
        (campaign.node(n).x - overview._offset[0], campaign.node(n).y - overview._offset[1])
        for n in chosen)
    rebuild()
    assert drawn(overview) == (squares, lines)
    # the bounds the overview had cover every node where it is now
    for node in campaign.nodes:
        assert overview.boundingRect().contains(node.x, node.y)


def test_every_node_moved_alike_shifts_the_overview(qtbot, window: MainWindow,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    cid = add_big_campaign(window, OVERVIEW_MIN_NODES)
    view, scene = window.view, window.scene
    view.set_zoom(OVERVIEW_SCALE / 2)
    overview = scene.overview
    overview.ensure_current()
    view.setFocus()
    window.actions_by_name["select_all"].trigger()
    spin()
    rebuilds: list[int] = []
    monkeypatch.setattr(overview, "rebuild", lambda: rebuilds.append(1))
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down)
        spin()
    assert rebuilds == []
    campaign = window.controller.campaign(cid)
    assert drawn(overview)[0] == {n.id: (n.x, n.y) for n in campaign.nodes}


def test_the_navigator_leaves_the_hidden_links_behind(qtbot, window: MainWindow,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """After a run of arrow presses in the overview, the navigator decides whether it shows
    from its own rectangle of the nodes: the scene's nodes_rect() would bring up to date
    every link the overview hides (perf QA: 160 ms after a burst at 10,000 nodes)."""
    cid = add_big_campaign(window, OVERVIEW_MIN_NODES)
    view, scene = window.view, window.scene
    view.set_zoom(OVERVIEW_SCALE / 2)
    assert scene.overview_mode
    navigator = window.navigator
    chosen = [f"big-{i}" for i in range(0, OVERVIEW_MIN_NODES, 3)]
    scene.select_nodes(chosen)
    view.setFocus()
    spin()
    calls: list[int] = []
    nodes_rect = scene.nodes_rect
    monkeypatch.setattr(scene, "nodes_rect", lambda: calls.append(1) or nodes_rect())
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
        spin()
    qtbot.waitUntil(lambda: not navigator._redraw.isActive())  # the map's pause is over
    navigator.view_changed()
    assert calls == []
    assert scene._stale_links  # still left for when the links show again
    campaign = window.controller.campaign(cid)
    whole = navigator._campaign_rect()
    for node in campaign.nodes:  # yet its rectangle is of the nodes where they are now
        assert whole.contains(node.x, node.y)


def test_a_rename_or_new_settings_leave_the_overview_and_the_map_be(
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the overview nor the navigator's map shows names or settings: renaming a
    node, or editing its settings, draws neither again (perf: 0.1 s each at 10,000 nodes).
    An edit that also moves the node (the editors' replace) still moves its square."""
    from canvas_app.editing.settings_commands import ReplaceNodeCommand

    cid = add_big_campaign(window, OVERVIEW_MIN_NODES)
    view, scene, navigator = window.view, window.scene, window.navigator
    view.set_zoom(OVERVIEW_SCALE / 2)
    overview = scene.overview
    overview.ensure_current()
    navigator._ensure_map()
    spin()
    qtbot.waitUntil(lambda: not navigator._redraw.isActive())
    rebuilds: list[int] = []
    rebuild = overview.rebuild
    monkeypatch.setattr(overview, "rebuild", lambda: rebuilds.append(1) or rebuild())
    content = navigator._campaign_rect()
    campaign = window.controller.campaign(cid)
    window.controller.rename_node(cid, "big-5", "A much longer name than before")
    node = campaign.node("big-6")
    window.session.undo_stack.push(ReplaceNodeCommand(window.controller.workspace, cid, node,
                                              node.copy(name="Edited")))
    spin()
    overview.ensure_current()
    assert rebuilds == []
    assert not navigator._stale and not navigator._redraw.isActive()
    assert navigator._campaign_rect() == content
    node = campaign.node("big-7")
    window.session.undo_stack.push(ReplaceNodeCommand(window.controller.workspace, cid, node,
                                              node.copy(x=node.x + 9000, y=node.y)))
    spin()
    overview.ensure_current()
    assert drawn(overview)[0]["big-7"] == (node.x + 9000, node.y)
    assert navigator._stale or navigator._campaign_rect() != content
    assert navigator._campaign_rect().right() > content.right()
