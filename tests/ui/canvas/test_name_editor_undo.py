"""The inline name editor against Undo, Redo and whatever else takes its node away; and
the status bar's words on a node clicked (how to open it, F2 to rename it).

Undo or Redo while a name is being typed (the toolbar's button, or Edit > Undo: the menu
opening keeps the editor, as Qt's item views keep theirs) cancels the rename, then undoes
or redoes as usual: the click means "go back", as clicking away from a field means "done
with it". Committing instead would push a rename only to undo it (leaving the text
half-saved) and, worse, empty Redo. Ctrl+Z in the editor is the field's own: it takes back
the typing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui.canvas.node_item import name_rect
from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos

NURTURE = "shock-nurture"


def add_sequence_and_type(qtbot, window: MainWindow, text: str) -> str:
    """Ctrl+3 (a sequence placed), F2, the text typed; the new node's id."""
    before = set(window.scene.nodes)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    QTest.keyClick(window.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    (node_id,) = set(window.scene.nodes) - before
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    editor = window.view.name_editor
    assert editor is not None and editor.node_id == node_id
    qtbot.waitUntil(editor.hasFocus)
    QTest.keyClicks(editor, text)
    return node_id


def test_toolbar_undo_while_renaming_cancels_the_rename_and_undoes_the_add(
        qtbot, window: MainWindow) -> None:
    stack = window.controller.undo_stack
    node_id = add_sequence_and_type(qtbot, window, "abc")
    editor = window.view.name_editor
    # Ctrl+Z in the editor is the field's own: the typing taken back, nothing else
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.view.name_editor is editor and editor.text().startswith("Sequence")
    assert node_id in window.scene.nodes
    editor.selectAll()
    QTest.keyClicks(editor, "abc")
    button = window.toolbar.widgetForAction(window.toolbar_actions["undo"])
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.view.name_editor is None and not editor.isVisible()
    assert node_id not in window.scene.nodes  # the add undone, no rename left behind
    assert stack.index() == 0 and stack.count() == 1
    QTest.keyClick(window.view, Qt.Key.Key_Return)  # nothing left to commit "abc"
    window.redo()  # Redo still has the add: the node back, with its own name
    node = window.controller.campaign(NURTURE).node(node_id)
    assert node.name != "abc" and node.name.startswith("Sequence")
    assert window.scene.selected_node_ids() == [node_id]


def test_edit_menu_undo_while_renaming_does_the_same(qtbot, window: MainWindow) -> None:
    node_id = add_sequence_and_type(qtbot, window, "abc")
    editor = window.view.name_editor
    # the Edit menu popping up takes the focus from the editor for a while
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut,
                                               Qt.FocusReason.PopupFocusReason))
    assert window.view.name_editor is editor
    window.actions_by_name["undo"].trigger()
    assert window.view.name_editor is None
    assert node_id not in window.scene.nodes
    assert window.controller.undo_stack.count() == 1  # the add, to redo


def test_redo_while_renaming_cancels_the_rename_and_redoes(qtbot,
                                                          window: MainWindow) -> None:
    window.controller.rename_node(NURTURE, "nurture", "Welcome")
    window.undo()
    item = window.scene.nodes["bought-shock"]
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier,
                      view_pos(window, item.mapToScene(name_rect(item.kind).center())))
    editor = window.view.name_editor
    assert editor is not None
    QTest.keyClicks(editor, "xyz")
    window.toolbar_actions["redo"].trigger()
    assert window.view.name_editor is None and not editor.isVisible()
    campaign = window.controller.campaign(NURTURE)
    assert campaign.node("nurture").name == "Welcome"
    assert campaign.node("bought-shock").name == "Bought pool shock"


def test_the_editor_goes_when_its_node_goes_whatever_removes_it(
        qtbot, window: MainWindow) -> None:
    window.view.open_name_editor("post-purchase")
    editor = window.view.name_editor
    assert editor is not None
    QTest.keyClicks(editor, "abc")
    window.controller.rename_node(NURTURE, "nurture", "Welcome")  # another node: it stays
    assert window.view.name_editor is editor and editor.isVisible()
    window.controller.delete(NURTURE, ["post-purchase"])  # e.g. from the History panel
    assert window.view.name_editor is None and not editor.isVisible()
    window.controller.undo_stack.undo()
    assert window.controller.campaign(NURTURE).node("post-purchase").name == "Post-purchase"
    # another campaign shown (Ctrl+PgDown, which the editor leaves to the window)
    editor = window.view.open_name_editor("bought-shock")
    window.step_campaign()
    assert window.current_campaign_id() != NURTURE
    assert window.view.name_editor is None and not editor.isVisible()
    window.campaign_list.select(NURTURE)
    # its campaign deleted from the list
    window.view.open_name_editor("bought-shock")
    editor = window.view.name_editor
    window.controller.delete_campaign(NURTURE)
    assert window.view.name_editor is None and not editor.isVisible()


def test_a_node_clicked_says_how_to_open_and_rename_it(qtbot, window: MainWindow) -> None:
    bar = window.statusBar()
    bar.clearMessage()
    item = window.scene.nodes["bought-shock"]
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_pos(window, item.sceneBoundingRect().center()))
    assert window.scene.selected_node_ids() == ["bought-shock"]
    assert bar.currentMessage() == ('Purchase goal "Bought pool shock" selected: Enter or '
                                    "double-click to View and Edit, F2 to rename.")
    # another node clicked: its words in place of these
    other = window.scene.nodes["nurture"]
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_pos(window, other.sceneBoundingRect().center()))
    assert bar.currentMessage().startswith('Sequence "Nurture" selected:')
    # a click on the empty canvas: the words go with the selection
    empty = view_pos(window, window.scene.nodes_rect().bottomRight() + QPointF(30, 30))
    assert window.view.viewport().rect().contains(empty)
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert window.scene.selected_node_ids() == []
    assert bar.currentMessage() == ""
    # a message being read stays
    window.show_status("Saved.")
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_pos(window, item.sceneBoundingRect().center()))
    assert window.scene.selected_node_ids() == ["bought-shock"]
    assert bar.currentMessage() == "Saved."

