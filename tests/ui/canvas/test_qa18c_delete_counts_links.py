"""QA: deleting a node with links said "Deleted 1 node."; the links that went with it are
counted too."""

from __future__ import annotations

from canvas_app.ui.main_window import MainWindow


def test_deleting_a_node_counts_the_links_removed_with_it(window: MainWindow) -> None:
    window.view.setFocus()
    window.scene.select_nodes(["bought-shock"])  # linked from Nurture and to Post-purchase
    window.actions_by_name["delete"].trigger()
    assert window.statusBar().currentMessage() == (
        "Deleted 1 node and 2 links. Undo (Ctrl+Z) brings them back.")


def test_a_selected_link_of_a_deleted_node_is_counted_once(window: MainWindow) -> None:
    window.view.setFocus()
    window.scene.select_nodes(["post-purchase"])
    window.scene.links[("bought-shock", "post-purchase")].setSelected(True)
    window.actions_by_name["delete"].trigger()
    assert window.statusBar().currentMessage() == (
        "Deleted 1 node and 1 link. Undo (Ctrl+Z) brings them back.")


def test_a_lone_node_is_still_just_a_node(window: MainWindow) -> None:
    window.view.setFocus()
    node_id = window.place_node("tag_goal")
    window.scene.select_nodes([node_id])
    window.actions_by_name["delete"].trigger()
    assert window.statusBar().currentMessage() == (
        "Deleted 1 node. Undo (Ctrl+Z) brings it back.")
