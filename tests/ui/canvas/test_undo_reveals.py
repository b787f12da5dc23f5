"""Undo and Redo (menu, toolbar, keys, the History panel's jumps) show where the edit was:
the canvas switches to the campaign the edit was in, the nodes it touched are selected and
scrolled into view (the zoom kept while they fit), and the status bar says what was undone
or redone. Edits of no one campaign's nodes (the catalog) leave the view as it is."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from canvas_app.domain.usage import copy_catalog
from canvas_app.editing.settings_commands import SetCatalogCommand
from canvas_app.ui.main_window import MainWindow

NURTURE = "shock-nurture"  # "Pool Shock Nurture", shown at start
CHECKUP = "checkup-onboarding"  # "Checkup Onboarding"


def in_view(window: MainWindow, node_id: str) -> bool:
    """The node's item wholly inside the canvas's viewport."""
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    return shown.contains(window.scene.nodes[node_id].sceneBoundingRect())


def zoomed_in_on(window: MainWindow, node_id: str) -> None:
    window.view.reset_zoom()
    window.view.centerOn(window.scene.nodes[node_id])
    for _ in range(4):
        window.view.zoom_in()


def test_undo_and_redo_of_a_move_in_a_hidden_campaign_go_to_it(window: MainWindow) -> None:
    assert window.current_campaign_id() == NURTURE
    window.controller.move_nodes(NURTURE, {"post-purchase": (900.0, 300.0)})
    window.campaign_list.select(CHECKUP)
    assert window.current_campaign_id() == CHECKUP
    window.actions_by_name["undo"].trigger()  # Edit > Undo (Ctrl+Z)
    node = window.controller.campaign(NURTURE).node("post-purchase")
    assert (node.x, node.y) == (480.0, 0.0)
    assert window.current_campaign_id() == NURTURE
    assert window.campaign_list.current_id() == NURTURE
    assert window.scene.selected_node_ids() == ["post-purchase"]
    assert in_view(window, "post-purchase")
    assert window.statusBar().currentMessage() == \
        'Undid Move "Post-purchase" in "Pool Shock Nurture".'
    window.campaign_list.select(CHECKUP)
    window.toolbar_actions["redo"].trigger()  # the toolbar's Redo
    assert window.current_campaign_id() == NURTURE
    assert window.scene.selected_node_ids() == ["post-purchase"]
    assert window.statusBar().currentMessage() == \
        'Redid Move "Post-purchase" in "Pool Shock Nurture".'
    # In the campaign shown, the status bar does not name it.
    window.undo()
    assert window.statusBar().currentMessage() == 'Undid Move "Post-purchase".'


def test_undo_scrolls_an_off_screen_node_into_view_keeping_the_zoom(
        window: MainWindow) -> None:
    window.controller.move_nodes(NURTURE, {"post-purchase": (3000.0, 2000.0)})
    zoomed_in_on(window, "nurture")
    zoom = window.view.zoom()
    window.scene.clearSelection()
    window.undo()
    assert window.scene.selected_node_ids() == ["post-purchase"]
    assert in_view(window, "post-purchase")
    assert window.view.zoom() == zoom
    # A delete undone with the view far away: the node comes back selected, in view.
    window.scene.select_nodes(["post-purchase"])
    window.delete_selection()
    window.view.centerOn(QPointF(-3000, -3000))
    window.undo()
    assert window.scene.selected_node_ids() == ["post-purchase"]
    assert in_view(window, "post-purchase")
    assert window.view.zoom() == zoom


def test_undo_of_nodes_in_view_does_not_scroll(window: MainWindow) -> None:
    window.view.reset_zoom()
    window.view.centerOn(window.scene.nodes["bought-shock"])
    assert in_view(window, "nurture") and in_view(window, "post-purchase")
    window.controller.rename_node(NURTURE, "nurture", "Welcome")
    bars = (window.view.horizontalScrollBar().value(), window.view.verticalScrollBar().value())
    window.undo()
    assert window.scene.selected_node_ids() == ["nurture"]
    assert (window.view.horizontalScrollBar().value(),
            window.view.verticalScrollBar().value()) == bars


def test_nodes_too_far_apart_for_the_zoom_are_shown_by_zooming_out(
        window: MainWindow) -> None:
    window.controller.move_nodes(NURTURE, {"nurture": (-4000.0, -3000.0),
                                           "post-purchase": (4000.0, 3000.0)})
    zoomed_in_on(window, "bought-shock")
    zoom = window.view.zoom()
    window.undo()
    window.redo()  # the two nodes far apart again
    assert sorted(window.scene.selected_node_ids()) == ["nurture", "post-purchase"]
    assert window.view.zoom() < zoom
    assert in_view(window, "nurture") and in_view(window, "post-purchase")


def test_undoing_a_cut_made_in_another_campaign_shows_the_nodes_back(
        window: MainWindow) -> None:
    window.campaign_list.select(CHECKUP)
    window.scene.select_nodes(["onboarding", "visit-booked"])
    window.cut()
    assert not window.controller.campaign(CHECKUP).has_node("onboarding")
    window.campaign_list.select(NURTURE)
    window.undo()
    assert window.current_campaign_id() == CHECKUP
    assert sorted(window.scene.selected_node_ids()) == ["onboarding", "visit-booked"]
    assert window.statusBar().currentMessage().startswith("Undid Cut")
    assert window.statusBar().currentMessage().endswith(' in "Checkup Onboarding".')


def test_a_jump_in_the_history_panel_shows_the_campaign_and_its_nodes(
        qtbot, window: MainWindow) -> None:
    window.panel_actions["history"].trigger()
    view = window.docks["history"].widget()
    qtbot.waitUntil(view.isVisible)
    window.scene.select_nodes(["bought-shock"])
    window.delete_selection()  # row 1
    window.campaign_list.select(CHECKUP)
    window.controller.rename_node(CHECKUP, "onboarding", "Welcome")  # row 2
    window.campaign_list.select(NURTURE)
    model = view.model()
    opened = view.visualRect(model.index(0, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=opened)
    # both undone; the earlier, the delete, is the last change made: its campaign shows,
    # the node it brings back selected
    assert window.controller.campaign(NURTURE).has_node("bought-shock")
    assert window.current_campaign_id() == NURTURE
    assert window.scene.selected_node_ids() == ["bought-shock"]
    assert window.statusBar().currentMessage() == \
        'Undid Delete "Bought pool shock" and 1 edit after it.'
    last = view.visualRect(model.index(2, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=last)
    assert window.current_campaign_id() == CHECKUP
    assert window.scene.selected_node_ids() == ["onboarding"]
    # the campaign is the one of the edit named, not of every edit (QA)
    assert window.statusBar().currentMessage() == ('Redid Rename "Onboarding" to "Welcome" '
                                                   'in "Checkup Onboarding" and 1 edit '
                                                   'before it.')
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Up)  # the keys in the panel go the same way
    assert window.scene.selected_node_ids() == ["onboarding"]
    assert window.statusBar().currentMessage() == 'Undid Rename "Onboarding" to "Welcome".'


def test_an_edit_of_no_campaign_keeps_the_view_and_says_what_was_undone(
        window: MainWindow) -> None:
    workspace = window.controller.workspace
    after = copy_catalog(workspace.catalog)
    window.controller.undo_stack.push(SetCatalogCommand(workspace, workspace.catalog, after))
    window.campaign_list.select(CHECKUP)
    window.scene.select_nodes(["subscribed"])
    window.undo()
    assert window.current_campaign_id() == CHECKUP
    assert window.scene.selected_node_ids() == ["subscribed"]
    assert window.statusBar().currentMessage() == "Undid Edit catalog."


def test_a_jump_over_several_steps_selects_the_nodes_of_the_last_change_alone(
        qtbot, window: MainWindow) -> None:
    """QA: adding two nodes, then jumping back to "As opened" and forward to the last row
    selected both nodes, where two Redo select the last alone; a Delete then took both."""
    window.panel_actions["history"].trigger()
    view = window.docks["history"].widget()
    qtbot.waitUntil(view.isVisible)
    first = window.controller.add_node(NURTURE, "purchase_goal", 100, 500)
    second = window.controller.add_node(NURTURE, "sequence", 400, 500)
    model = view.model()
    for row in (0, 2):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(model.index(row, 0)).center())
    assert window.controller.campaign(NURTURE).has_node(first)
    assert window.scene.selected_node_ids() == [second]
    assert window.statusBar().currentMessage().endswith("and 1 edit before it.")
    # back over both: the earlier add is the last change made; its node is gone, so
    # nothing of the two is left to select
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(model.index(0, 0)).center())
    assert not window.controller.campaign(NURTURE).has_node(first)
    assert window.scene.selected_node_ids() == []
