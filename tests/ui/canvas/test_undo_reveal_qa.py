"""A QA pass over Undo's reveal and the name editor: Alt (the menu bar) keeps a name being
typed; Undo leaves a view showing its nodes where it is; a jump over edits in several
campaigns names the campaign of the one it shows; a first click replaces the start-up
hint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos
from .test_name_editor_undo import NURTURE

CHECKUP = "checkup-onboarding"


def test_alt_to_the_menu_bar_keeps_the_name_being_typed(qtbot, window: MainWindow) -> None:
    editor = window.view.open_name_editor("post-purchase")
    QTest.keyClicks(editor, "After buy")
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut,
                                               Qt.FocusReason.MenuBarFocusReason))
    assert window.view.name_editor is editor and editor.text().endswith("After buy")
    assert window.controller.campaign(NURTURE).node("post-purchase").name == "Post-purchase"
    assert not window.controller.undo_stack.canUndo()


def test_undo_of_a_node_in_view_near_the_edge_does_not_scroll(window: MainWindow) -> None:
    view = window.view
    window.controller.rename_node(NURTURE, "post-purchase", "After buy")
    bounds = window.scene.nodes["post-purchase"].sceneBoundingRect()
    room = view.mapToScene(view.viewport().rect()).boundingRect()
    # the node whole in view, 10 px inside the view's right edge (Undo scrolled it 30 px)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + round((bounds.right() + 10 - room.right()) * view.zoom()))
    room = view.mapToScene(view.viewport().rect()).boundingRect()
    assert room.contains(view.nodes_rect(["post-purchase"]))
    assert room.right() - view.nodes_rect(["post-purchase"]).right() < 40
    before = (bar.value(), view.verticalScrollBar().value())
    window.undo()
    assert window.controller.campaign(NURTURE).node("post-purchase").name == "Post-purchase"
    assert window.scene.selected_node_ids() == ["post-purchase"]
    assert (bar.value(), view.verticalScrollBar().value()) == before


def test_a_jump_over_two_campaigns_names_the_campaign_of_the_edit_shown(
        window: MainWindow) -> None:
    stack = window.controller.undo_stack
    window.controller.rename_node(CHECKUP, "onboarding", "Welcome")
    window.controller.rename_node(NURTURE, "nurture", "Hello")
    window.campaign_list.select(NURTURE)
    with window.stepping(stack, 0):  # as a History panel jump back over both
        stack.setIndex(0)
    assert window.current_campaign_id() == CHECKUP  # the earliest edit undone: shown
    assert window.statusBar().currentMessage() == (
        f'Undid {stack.text(0)} in "Checkup Onboarding" and 1 edit after it.')


def test_a_first_click_takes_the_place_of_the_start_up_hint(qtbot,
                                                             window: MainWindow) -> None:
    bar = window.statusBar()
    window.show_status(window.start_hint())
    assert bar.currentMessage()
    item = window.scene.nodes["bought-shock"]
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_pos(window, item.sceneBoundingRect().center()))
    assert bar.currentMessage().startswith('Purchase goal "Bought pool shock" selected:')
