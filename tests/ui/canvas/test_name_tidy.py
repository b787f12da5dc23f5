"""Renames keep a name as the canvas shows it: one space between words, none around."""

from __future__ import annotations

from canvas_app.ui.main_window import MainWindow


def test_a_rename_keeps_the_name_as_shown(window: MainWindow) -> None:
    cid = window.current_campaign_id()
    controller = window.controller
    assert controller.rename_node(cid, "nurture", "  Spa   nurture\t")
    assert controller.campaign(cid).node("nurture").name == "Spa nurture"
    assert window.session.undo_stack.undoText() == 'Rename "Nurture" to "Spa nurture"'
    assert not controller.rename_node(cid, "nurture", "Spa  nurture")  # the same name


def test_campaign_names_alike_but_for_spaces_are_refused(window: MainWindow) -> None:
    campaigns = window.controller.workspace.campaigns
    first, second = campaigns[0], campaigns[1]
    assert not window.controller.rename_campaign(second.id, "  " + first.name.upper().replace(
        " ", "   "))
    assert window.controller.rename_campaign(second.id, " Spring   sale ")
    assert window.controller.campaign(second.id).name == "Spring sale"


def test_history_names_the_nodes_a_link_joins(window: MainWindow) -> None:
    cid = window.current_campaign_id()
    assert window.controller.link(cid, "nurture", "post-purchase")
    stack = window.session.undo_stack
    assert stack.undoText() == 'Link "Nurture" to "Post-purchase"'
    window.controller.unlink(cid, "nurture", "post-purchase")
    assert stack.undoText() == 'Delete link "Nurture" to "Post-purchase"'


def test_history_names_what_a_delete_took(window: MainWindow) -> None:
    cid = window.current_campaign_id()
    stack = window.session.undo_stack
    window.controller.delete(cid, ["post-purchase"])
    assert stack.undoText() == 'Delete "Post-purchase"'
    stack.undo()
    window.controller.delete(cid, ["nurture", "post-purchase"], [("nurture", "bought-shock")])
    assert stack.undoText() == "Delete 2 nodes"  # the link went with its node
    stack.undo()
    window.controller.delete(cid, ["post-purchase"], [("nurture", "bought-shock")])
    assert stack.undoText() == "Delete 1 node and 1 link"


def test_undo_of_a_delete_selects_the_nodes_back(window: MainWindow) -> None:
    cid = window.current_campaign_id()
    window.scene.select_nodes(["nurture", "post-purchase"])
    window.delete_selection()
    assert window.scene.selected_node_ids() == []
    window.undo()
    assert sorted(window.scene.selected_node_ids()) == ["nurture", "post-purchase"]
    window.scene.select_nodes([])
    window.redo()  # the delete again: nothing comes back, nothing selected
    assert window.scene.selected_node_ids() == []
    assert not window.controller.campaign(cid).has_node("nurture")
