"""QA: Esc during a drag (the button still held) kept the move, and Undo held "Move". Esc
puts the dragged nodes back, leaves no undo step, and the rest of the press does nothing;
a link being drawn goes without a link; a rubber band goes and the selection is as before."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from canvas_app.ui.canvas.node_item import handle_centre
from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def _positions(window: MainWindow) -> dict[str, tuple[float, float]]:
    campaign = window.controller.campaign(window.scene.campaign_id)
    return {node.id: (node.x, node.y) for node in campaign.nodes}


def _at(window: MainWindow, node_id: str) -> QPoint:
    return view_pos(window, window.scene.nodes[node_id].pos())


def _setup(window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(240, 0))
    window.view.setFocus()


def test_esc_during_a_node_drag_puts_the_nodes_back_with_no_undo_step(
        qtbot, window: MainWindow) -> None:
    _setup(window)
    window.scene.select_nodes(["nurture", "bought-shock"])
    before = _positions(window)
    depth = window.controller.undo_stack.count()
    viewport = window.view.viewport()
    start = _at(window, "nurture")
    QTest.mousePress(viewport, LEFT, NONE, start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + QPoint(0, 30 * step))
    assert _positions(window)["nurture"] != before["nurture"]  # it was moving
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert _positions(window) == before
    assert window.scene.nodes["nurture"].centre == before["nurture"]
    for step in range(1, 4):  # the rest of the press does nothing
        qtbot.mouseMove(viewport, start + QPoint(40 * step, 150))
    QTest.mouseRelease(viewport, LEFT, NONE, start + QPoint(120, 150))
    assert _positions(window) == before
    assert window.controller.undo_stack.count() == depth
    assert not window.controller.undo_stack.canRedo()
    assert sorted(window.scene.selected_node_ids()) == ["bought-shock", "nurture"]
    assert window.statusBar().currentMessage() == (
        "Move cancelled: the nodes are back where they were.")
    # and the next drag works as ever
    start = _at(window, "nurture")
    QTest.mousePress(viewport, LEFT, NONE, start)
    for step in range(1, 4):
        qtbot.mouseMove(viewport, start + QPoint(0, 40 * step))
    QTest.mouseRelease(viewport, LEFT, NONE, start + QPoint(0, 120))
    assert _positions(window)["nurture"] == (before["nurture"][0], before["nurture"][1] + 120)
    assert window.controller.undo_stack.count() == depth + 1


def test_esc_during_a_link_drag_makes_no_link(qtbot, window: MainWindow) -> None:
    _setup(window)
    campaign = window.controller.campaign(window.scene.campaign_id)
    edges = set(campaign.edges)
    item = window.scene.nodes["nurture"]
    start = view_pos(window, item.mapToScene(handle_centre(item.kind)))
    end = _at(window, "post-purchase")
    viewport = window.view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, start)
    qtbot.mouseMove(viewport, start + QPoint(30, 40))
    qtbot.mouseMove(viewport, end)
    assert window.scene._rubber is not None
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.scene._rubber is None
    assert window.scene.link_target is None
    qtbot.mouseMove(viewport, end + QPoint(2, 2))
    QTest.mouseRelease(viewport, LEFT, NONE, end)
    assert set(campaign.edges) == edges
    assert window.controller.undo_stack.count() == 0
    assert window.statusBar().currentMessage() == "Link cancelled."


def test_esc_during_a_rubber_band_keeps_the_selection_before_it(qtbot,
                                                                window: MainWindow) -> None:
    _setup(window)
    window.scene.select_nodes(["post-purchase"])
    viewport = window.view.viewport()
    nurture = _at(window, "nurture")
    start = nurture + QPoint(-120, -110)  # blank canvas above and left of Nurture
    assert window.scene.node_at(window.view.mapToScene(start)) is None
    QTest.mousePress(viewport, LEFT, NONE, start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (nurture + QPoint(300, 40) - start) * step / 5)
    assert "nurture" in window.scene.selected_node_ids()  # the band took it
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.view.rubberBandRect().isNull()
    assert window.scene.selected_node_ids() == ["post-purchase"]
    qtbot.mouseMove(viewport, nurture + QPoint(310, 60))
    QTest.mouseRelease(viewport, LEFT, NONE, nurture + QPoint(310, 60))
    assert window.scene.selected_node_ids() == ["post-purchase"]


def test_esc_before_the_pointer_moves_keeps_the_selection(qtbot, window: MainWindow) -> None:
    """Esc right after the press, before any move: nothing moves and the selection is as
    it was (the release that ends the press was taken for a click on the node, which left
    it the only one selected)."""
    _setup(window)
    window.scene.select_nodes(["nurture", "bought-shock"])
    before = _positions(window)
    depth = window.controller.undo_stack.count()
    viewport = window.view.viewport()
    start = _at(window, "nurture")
    QTest.mousePress(viewport, LEFT, NONE, start)
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, LEFT, NONE, start)
    assert _positions(window) == before
    assert window.controller.undo_stack.count() == depth
    assert sorted(window.scene.selected_node_ids()) == ["bought-shock", "nurture"]


def test_esc_during_a_drag_of_one_node_says_the_node(qtbot, window: MainWindow) -> None:
    """QA 21: one node dragged and put back was "the nodes are back"."""
    _setup(window)
    window.scene.select_nodes(["nurture"])
    viewport = window.view.viewport()
    start = _at(window, "nurture")
    QTest.mousePress(viewport, LEFT, NONE, start)
    for step in range(1, 4):
        qtbot.mouseMove(viewport, start + QPoint(0, 30 * step))
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, LEFT, NONE, start + QPoint(0, 90))
    assert window.statusBar().currentMessage() == (
        "Move cancelled: the node is back where it was.")


# -- QA 22d: a drag pushes its step when it ends, not while it lasts ------------------------
def _undone_rename(window: MainWindow) -> str:
    """A rename made and undone: Redo offers it."""
    cid = window.scene.campaign_id
    assert window.controller.rename_node(cid, "post-purchase", "Renamed")
    window.undo()
    stack = window.controller.undo_stack
    assert stack.canRedo()
    return stack.redoText()


def _press_and_move(qtbot, window: MainWindow, node_id: str, offsets: list[QPoint]) -> QPoint:
    viewport = window.view.viewport()
    start = _at(window, node_id)
    QTest.mousePress(viewport, LEFT, NONE, start)
    for offset in offsets:
        qtbot.mouseMove(viewport, start + offset)
    return start


def test_esc_during_a_drag_keeps_what_redo_offers(qtbot, window: MainWindow) -> None:
    _setup(window)
    redo = _undone_rename(window)
    window.scene.select_nodes(["nurture"])
    before = _positions(window)
    start = _press_and_move(qtbot, window, "nurture", [QPoint(0, 30 * s) for s in range(1, 5)])
    assert _positions(window)["nurture"] != before["nurture"]
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(window.view.viewport(), LEFT, NONE, start + QPoint(0, 120))
    stack = window.controller.undo_stack
    assert _positions(window) == before
    assert stack.canRedo() and stack.redoText() == redo  # Redo's edit was dropped
    stack.redo()
    assert window.controller.campaign(window.scene.campaign_id).node(
        "post-purchase").name == "Renamed"


def test_a_drag_back_to_where_it_started_makes_no_step(qtbot, window: MainWindow) -> None:
    _setup(window)
    assert window.save()
    redo = _undone_rename(window)
    window.scene.select_nodes(["nurture"])
    depth = window.controller.undo_stack.count()
    before = _positions(window)
    start = _press_and_move(qtbot, window, "nurture",
                            [QPoint(0, 40), QPoint(0, 100), QPoint(0, 40), QPoint(0, 0)])
    QTest.mouseRelease(window.view.viewport(), LEFT, NONE, start)
    stack = window.controller.undo_stack
    assert _positions(window) == before
    assert stack.count() == depth and stack.redoText() == redo
    assert not window.isWindowModified()  # back at the saved state


def test_a_drag_is_one_step_pushed_as_it_ends(qtbot, window: MainWindow) -> None:
    _setup(window)
    window.scene.select_nodes(["nurture"])
    stack = window.controller.undo_stack
    depth = stack.count()
    before = _positions(window)
    start = _press_and_move(qtbot, window, "nurture", [QPoint(0, 40 * s) for s in range(1, 4)])
    assert stack.count() == depth  # nothing pushed while it lasts
    QTest.mouseRelease(window.view.viewport(), LEFT, NONE, start + QPoint(0, 120))
    assert stack.count() == depth + 1 and stack.undoText() == 'Move "Nurture"'
    moved = _positions(window)
    stack.undo()
    assert _positions(window) == before
    stack.redo()
    assert _positions(window) == moved


def test_undo_during_a_drag_takes_back_the_drag_only(qtbot, window: MainWindow) -> None:
    _setup(window)
    cid = window.scene.campaign_id
    assert window.controller.rename_node(cid, "post-purchase", "Renamed")
    window.scene.select_nodes(["nurture"])
    before = _positions(window)
    start = _press_and_move(qtbot, window, "nurture", [QPoint(0, 40 * s) for s in range(1, 4)])
    window.undo()  # Ctrl+Z with the button held
    QTest.mouseRelease(window.view.viewport(), LEFT, NONE, start + QPoint(0, 120))
    assert _positions(window) == before
    assert window.controller.campaign(cid).node("post-purchase").name == "Renamed"
    assert window.controller.undo_stack.undoText().startswith("Rename")


# -- QA 22h: a press cut short ----------------------------------------------------------------
def _saved_position(path, node_id: str) -> tuple[float, float]:
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    node = next(n for c in data["campaigns"] for n in c["nodes"] if n["id"] == node_id)
    return node["x"], node["y"]


def test_save_during_a_drag_ends_it_where_it_is_and_saves_that(
        qtbot, window: MainWindow, sample_file) -> None:
    _setup(window)
    window.scene.select_nodes(["nurture"])
    stack = window.controller.undo_stack
    depth = stack.count()
    start = _press_and_move(qtbot, window, "nurture", [QPoint(0, 40 * s) for s in range(1, 4)])
    assert window.save()  # Ctrl+S with the button held
    shown = _positions(window)["nurture"]
    assert stack.count() == depth + 1  # the drag is one step
    assert _saved_position(sample_file, "nurture") == shown
    assert not window.isWindowModified()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)  # too late: the drag has ended
    qtbot.mouseMove(window.view.viewport(), start + QPoint(60, 200))
    QTest.mouseRelease(window.view.viewport(), LEFT, NONE, start + QPoint(60, 200))
    assert _positions(window)["nurture"] == shown == _saved_position(sample_file, "nurture")
    assert not window.isWindowModified() and stack.count() == depth + 1


def test_the_keyboard_going_elsewhere_during_a_drag_ends_it(qtbot, window: MainWindow) -> None:
    """A dialog opening (or another panel taking the keyboard) takes the release: the drag
    ends where it is as one step, and the next press is a press of its own."""
    _setup(window)
    window.activateWindow()
    window.scene.select_nodes(["nurture"])
    stack = window.controller.undo_stack
    depth = stack.count()
    _press_and_move(qtbot, window, "nurture", [QPoint(0, 40 * s) for s in range(1, 4)])
    moved = _positions(window)["nurture"]
    window.campaign_list.list.setFocus()
    qtbot.waitUntil(lambda: not window.view.hasFocus())
    assert stack.count() == depth + 1 and _positions(window)["nurture"] == moved
    # the release went elsewhere; a move without the button is a hover again, and the
    # next press on empty canvas draws a band, not a drag of the node
    viewport = window.view.viewport()
    empty = view_pos(window, QPointF(240, -300))
    QTest.mouseMove(viewport, empty)
    QTest.mousePress(viewport, LEFT, NONE, empty)
    for step in range(1, 4):
        qtbot.mouseMove(viewport, empty + QPoint(10 * step, 10 * step))
    QTest.mouseRelease(viewport, LEFT, NONE, empty + QPoint(30, 30))
    assert _positions(window)["nurture"] == moved and stack.count() == depth + 1


def test_ctrl_z_during_a_drag_with_nothing_to_undo_takes_it_back(
        qtbot, window: MainWindow) -> None:
    _setup(window)
    stack = window.controller.undo_stack
    assert not stack.canUndo()  # Undo greyed: its key comes to the canvas
    window.scene.select_nodes(["nurture"])
    before = _positions(window)
    start = _press_and_move(qtbot, window, "nurture", [QPoint(0, 40 * s) for s in range(1, 4)])
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.mouseRelease(window.view.viewport(), LEFT, NONE, start + QPoint(0, 120))
    assert _positions(window) == before and stack.count() == 0


def test_no_snapshot_is_written_in_the_middle_of_a_drag(qtbot, window: MainWindow) -> None:
    _setup(window)
    cid = window.scene.campaign_id
    assert window.controller.rename_node(cid, "post-purchase", "Renamed")  # unsaved
    recovery = window.session.recovery
    window.scene.select_nodes(["nurture"])
    before = _positions(window)
    start = _press_and_move(qtbot, window, "nurture", [QPoint(0, 40 * s) for s in range(1, 4)])
    assert not window.files.autosave()  # due now: put off
    assert not recovery.exists()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(window.view.viewport(), LEFT, NONE, start + QPoint(0, 120))
    qtbot.waitUntil(recovery.exists, timeout=3000)  # soon after
    kept = recovery.load().campaign(cid)
    assert (kept.node("nurture").x, kept.node("nurture").y) == before["nurture"]


def test_a_drag_of_nodes_on_the_grid_moves_them_by_one_snapped_offset(
        qtbot, window: MainWindow) -> None:
    """Nodes on the grid move by the drag's offset snapped once; one off the grid is
    snapped on its own, as ever."""
    from canvas_app.ui.canvas.scene import GRID

    _setup(window)
    cid = window.scene.campaign_id
    window.controller.move_nodes(cid, {"post-purchase": (483.0, 7.0)})  # off the grid
    window.scene.select_nodes(["nurture", "bought-shock"])
    before = _positions(window)
    start = _press_and_move(qtbot, window, "nurture", [QPoint(13, 27), QPoint(33, 47)])
    QTest.mouseRelease(window.view.viewport(), LEFT, NONE, start + QPoint(33, 47))
    after = _positions(window)
    offsets = {n: (after[n][0] - before[n][0], after[n][1] - before[n][1])
               for n in ("nurture", "bought-shock")}
    assert offsets["nurture"] == offsets["bought-shock"] != (0.0, 0.0)
    assert all(v % GRID == 0 for pos in after.values() if pos != after["post-purchase"]
               for v in pos)
    window.scene.select_nodes(["post-purchase"])
    start = _press_and_move(qtbot, window, "post-purchase", [QPoint(10, 10), QPoint(20, 20)])
    QTest.mouseRelease(window.view.viewport(), LEFT, NONE, start + QPoint(20, 20))
    x, y = _positions(window)["post-purchase"]
    assert x % GRID == 0 and y % GRID == 0  # snapped on its own
