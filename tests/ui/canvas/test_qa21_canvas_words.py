"""QA 21, the canvas by mouse: the rename box stays inside the view, and Undo's words in
the status bar are cut as Edit > Undo's are."""

from __future__ import annotations

from canvas_app.ui.main_window import MainWindow


def test_the_rename_box_of_a_long_name_near_the_right_edge_stays_in_view(
        qtbot, window: MainWindow) -> None:
    campaign_id = window.current_campaign_id()
    long_name = "Post-purchase follow up for spring pool shock buyers " * 3
    window.controller.rename_node(campaign_id, "post-purchase", long_name.strip())
    view = window.view
    item = window.scene.nodes["post-purchase"]
    # the node at the view's right edge
    view.centerOn(item.sceneBoundingRect().center().x() - view.viewport().width() / 2 + 60,
                  item.sceneBoundingRect().center().y())
    editor = view.open_name_editor("post-purchase")
    assert editor is not None
    box = editor.geometry()
    assert box.left() >= 0 and box.right() < view.viewport().width()
    view.close_name_editor()


def test_undo_words_of_a_long_name_are_cut(qtbot, window: MainWindow) -> None:
    campaign_id = window.current_campaign_id()
    window.controller.rename_node(campaign_id, "nurture", "Nurture " + "x" * 230)
    node = window.controller.campaign(campaign_id).node("nurture")
    window.controller.move_nodes(campaign_id, {"nurture": (node.x + 40, node.y)})
    window.undo()
    said = window._status_full
    assert said.startswith("Undid ") and len(said) < 110 and '…"' in said
