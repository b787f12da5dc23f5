"""Edit > Align: aligning and distributing selected nodes, one undo step each."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QContextMenuEvent

from canvas_app.editing.arrange import Box, arranged
from canvas_app.ui.main_window import MainWindow

GOAL, SEQ = (30.0, 30.0), (66.0, 30.0)  # half sizes of a goal's and a sequence's body

coords = st.floats(min_value=-5000, max_value=5000, allow_nan=False, allow_infinity=False)
boxes_st = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=3),
    st.builds(lambda x, y, s: Box(x, y, *s), coords, coords, st.sampled_from([GOAL, SEQ])),
    min_size=3, max_size=12)


def placed(boxes: dict[str, Box], key: str) -> dict[str, tuple[float, float]]:
    new = arranged(boxes, key)
    return {n: new.get(n, (b.x, b.y)) for n, b in boxes.items()}


@given(boxes_st)
@settings(max_examples=60, deadline=None)
def test_aligned_edges_and_centres_line_up(boxes: dict[str, Box]) -> None:
    left = min(b.x - b.half_width for b in boxes.values())
    bottom = max(b.y + b.half_height for b in boxes.values())
    after = placed(boxes, "left")
    assert {round(after[n][0] - b.half_width, 6) for n, b in boxes.items()} == {round(left, 6)}
    assert all(after[n][1] == b.y for n, b in boxes.items())  # only x moves
    after = placed(boxes, "bottom")
    assert {round(after[n][1] + b.half_height, 6) for n, b in boxes.items()} \
        == {round(bottom, 6)}
    after = placed(boxes, "centre")
    assert len({round(p[0], 6) for p in after.values()}) == 1


@given(boxes_st)
@settings(max_examples=60, deadline=None)
def test_distributed_keeps_the_ends_and_order_with_equal_gaps(boxes: dict[str, Box]) -> None:
    after = placed(boxes, "horizontal")
    order = sorted(boxes, key=lambda n: boxes[n].x)
    first, last = order[0], order[-1]
    assert after[first] == (boxes[first].x, boxes[first].y)
    assert after[last] == (boxes[last].x, boxes[last].y)
    xs = [after[n][0] for n in order]
    assert xs == sorted(xs)  # nobody jumps over a neighbour
    gaps = [(after[b][0] - boxes[b].half_width) - (after[a][0] + boxes[a].half_width)
            for a, b in zip(order, order[1:], strict=False)]
    steps = [after[b][0] - after[a][0] for a, b in zip(order, order[1:], strict=False)]
    if min(gaps) >= -1e-6:
        assert max(gaps) - min(gaps) < 1e-6
    else:  # too tight for the bodies side by side: equal steps between centres
        assert max(steps) - min(steps) < 1e-6
    assert all(after[n][1] == boxes[n].y for n in boxes)


def test_too_few_nodes_arrange_nothing() -> None:
    two = {"a": Box(0, 0, *GOAL), "b": Box(300, 50, *SEQ)}
    assert arranged(two, "horizontal") == {}
    assert arranged({"a": Box(0, 0, *GOAL)}, "left") == {}
    assert arranged(two, "top") == {"b": (300, 0)}  # same half height: same centre line


def three_nodes(window: MainWindow) -> tuple[str, list[str]]:
    cid = window.current_campaign_id()
    c = window.controller
    ids = [c.add_node(cid, "purchase_goal", 0, 400), c.add_node(cid, "sequence", 500, 520),
           c.add_node(cid, "tag_goal", 220, 610)]
    window.scene.select_nodes(ids)
    return cid, ids


def test_align_from_the_edit_menu_is_one_undo_step(qtbot, window: MainWindow) -> None:
    cid, ids = three_nodes(window)
    campaign = window.controller.campaign(cid)
    before = {n: (campaign.node(n).x, campaign.node(n).y) for n in ids}
    menu = window.align_menu
    assert menu in [a.menu() for a in window.menus["edit"].actions()]
    menu.aboutToShow.emit()  # as when the menu opens
    assert all(a.isEnabled() for a in menu.entries.values())
    stack = window.session.undo_stack
    count = stack.count()
    menu.entries["top"].trigger()
    tops = {campaign.node(n).y - 30 for n in ids}  # every body here is 60 high
    assert tops == {370.0}
    assert stack.count() == count + 1
    assert stack.undoText() == "Align top edges of 3 nodes"
    assert window.scene.nodes[ids[1]].pos().y() == 400  # the canvas follows
    assert "Undo (Ctrl+Z)" in window.statusBar().currentMessage()
    stack.undo()
    assert {n: (campaign.node(n).x, campaign.node(n).y) for n in ids} == before


def test_distribute_spaces_three_nodes_evenly(qtbot, window: MainWindow) -> None:
    cid, ids = three_nodes(window)
    campaign = window.controller.campaign(cid)
    window.align_menu.aboutToShow.emit()
    window.align_menu.entries["horizontal"].trigger()
    goal, seq, tag = (campaign.node(n) for n in ids)
    assert (goal.x, seq.x) == (0, 500)  # the outermost stay
    gap_left = (tag.x - 30) - (goal.x + 30)
    gap_right = (seq.x - 66) - (tag.x + 30)
    assert gap_left == pytest.approx(gap_right)
    assert window.session.undo_stack.undoText() == "Distribute 3 nodes horizontally"
    window.align_menu.entries["horizontal"].trigger()
    assert window.statusBar().currentMessage() == "The 3 nodes are already evenly spaced."


def test_node_menu_offers_align_only_for_several(qtbot, window: MainWindow) -> None:
    view = window.view

    def node_menu(node_id: str):
        pos = view.mapFromScene(window.scene.nodes[node_id].pos())
        view.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                view.viewport().mapToGlobal(pos)))
        menu = view.context_menu
        entry = next(a for a in menu.actions() if a.menu() is window.align_menu)
        menu.close()
        return entry

    window.scene.select_nodes(["nurture"])
    assert not node_menu("nurture").isEnabled()
    window.scene.select_nodes(["nurture", "bought-shock"])
    entry = node_menu("nurture")
    assert entry.isEnabled()
    assert window.align_menu.entries["left"].isEnabled()
    assert not window.align_menu.entries["vertical"].isEnabled()  # needs three


def test_align_with_one_node_is_off_and_says_what_it_needs(qtbot, window: MainWindow) -> None:
    window.scene.select_nodes(["nurture"])
    window.align_menu.aboutToShow.emit()
    assert not window.align_menu.entries["left"].isEnabled()
    count = window.session.undo_stack.count()
    window.align_menu.apply("left")  # reached some other way: nothing moves, and it says why
    assert window.session.undo_stack.count() == count
    assert window.statusBar().currentMessage() == "Select two or more nodes to align them."


def test_edit_menu_offers_align_for_the_selection_as_it_opens(qtbot, window: MainWindow) -> None:
    _cid, ids = three_nodes(window)
    window.align_menu.refresh()
    window.scene.select_nodes(ids[:1])  # one: refreshed to off as the Edit menu opens
    window.menus["edit"].aboutToShow.emit()
    assert not window.align_menu.menuAction().isEnabled()
    window.scene.select_nodes(ids)
    window.menus["edit"].aboutToShow.emit()
    assert window.align_menu.menuAction().isEnabled()


def test_a_right_click_on_one_of_several_keeps_them_selected(qtbot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    _cid, ids = three_nodes(window)
    view = window.view
    view.ensureVisible(window.scene.nodes[ids[1]])
    pos = view.mapFromScene(window.scene.nodes[ids[1]].pos())
    QTest.mousePress(view.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier(0), pos)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier(0),
                       pos)
    assert sorted(window.scene.selected_node_ids()) == sorted(ids)
    view.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                            view.viewport().mapToGlobal(pos)))
    assert sorted(window.scene.selected_node_ids()) == sorted(ids)
    assert window.align_menu.menuAction().isEnabled()
    view.context_menu.close()
    # on a node not selected, a right-click selects just it, as before
    window.scene.select_nodes(ids[:2])
    pos = view.mapFromScene(window.scene.nodes[ids[2]].pos())
    QTest.mousePress(view.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier(0), pos)
    # released, or Qt keeps the button down for the tests after this one
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier(0),
                       pos)
    view.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                            view.viewport().mapToGlobal(pos)))
    assert window.scene.selected_node_ids() == [ids[2]]
    view.context_menu.close()
