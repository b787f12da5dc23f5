"""Edit actions follow the selection: disabled (menu and toolbar) when they cannot apply, a
status hint when their key is pressed anyway; in a text field they edit its text."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QToolButton

from canvas_app.ui.main_window import MainWindow

SELECTION_ACTIONS = ("cut", "copy", "duplicate", "delete", "rename", "view_edit", "link")


def enabled(window: MainWindow) -> dict[str, bool]:
    return {k: window.actions_by_name[k].isEnabled() for k in (*SELECTION_ACTIONS, "paste")}


def toolbar_button(window: MainWindow, key: str) -> QToolButton:
    button = window.toolbar.widgetForAction(window.toolbar_actions[key])
    assert isinstance(button, QToolButton)
    return button


def shot(widget, name: str) -> None:
    folder = os.environ.get("CANVAS_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))


def first_nodes(window: MainWindow, count: int) -> list[str]:
    assert window.scene is not None
    return list(window.scene.nodes)[:count]


def test_nothing_selected_disables_the_selection_actions(qtbot, window: MainWindow) -> None:
    QGuiApplication.clipboard().clear()
    window.scene.clearSelection()
    assert enabled(window) == dict.fromkeys((*SELECTION_ACTIONS, "paste"), False)
    assert not toolbar_button(window, "cut").isEnabled()
    assert not toolbar_button(window, "delete").isEnabled()
    window.menus["edit"].popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(window.menus["edit"])
    shot(window.menus["edit"], "edit-menu-nothing-selected.png")
    window.menus["edit"].close()


def test_one_node_enables_all_two_disable_rename(qtbot, window: MainWindow) -> None:
    window.scene.select_nodes(first_nodes(window, 1))
    state = enabled(window)
    assert all(state[k] for k in SELECTION_ACTIONS)
    assert toolbar_button(window, "copy").isEnabled()
    window.menus["edit"].popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(window.menus["edit"])
    shot(window.menus["edit"], "edit-menu-one-selected.png")
    window.menus["edit"].close()
    window.scene.select_nodes(first_nodes(window, 2))
    state = enabled(window)
    assert state["cut"] and state["delete"] and state["link"]  # two: linked left to right
    assert not state["rename"] and not state["view_edit"]
    window.scene.select_nodes(first_nodes(window, 3))
    assert not window.actions_by_name["link"].isEnabled()


def test_a_selected_link_enables_delete_only(qtbot, window: MainWindow) -> None:
    link = next(iter(window.scene.links.values()))
    window.scene.clearSelection()
    link.setSelected(True)
    state = enabled(window)
    assert state["delete"] and not state["cut"] and not state["rename"]


def test_keys_of_disabled_actions_say_what_to_select(qtbot, window: MainWindow) -> None:
    window.scene.clearSelection()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    before = window.controller.undo_stack.count()
    for key, modifier, words in ((Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier,
                                  "Select a node to rename it."),
                                 (Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier,
                                  "Select the nodes to cut first."),
                                 (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier,
                                  "Select the nodes or links to delete first."),
                                 (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier,
                                  "Select a node and press Ctrl+L")):
        window.statusBar().clearMessage()
        qtbot.keyClick(window.view, key, modifier)
        assert window.statusBar().currentMessage().startswith(words)
    assert window.controller.undo_stack.count() == before  # nothing done
    window.scene.select_nodes(first_nodes(window, 2))
    window.statusBar().clearMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    assert window.statusBar().currentMessage() == "Select only one node to rename it."


def test_selection_keys_still_act(qtbot, window: MainWindow) -> None:
    node_id = first_nodes(window, 1)[0]
    window.scene.select_nodes([node_id])
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert node_id not in window.scene.nodes
    assert not window.actions_by_name["delete"].isEnabled()  # its selection went with it


def test_paste_follows_the_clipboard(qtbot, window: MainWindow) -> None:
    QGuiApplication.clipboard().setText("just words")
    qtbot.waitUntil(lambda: not window.actions_by_name["paste"].isEnabled())
    window.scene.select_nodes(first_nodes(window, 1))
    window.actions_by_name["copy"].trigger()
    qtbot.waitUntil(lambda: window.actions_by_name["paste"].isEnabled())
    window.scene.clearSelection()
    assert window.actions_by_name["paste"].isEnabled()  # no selection needed to paste
    mime = QMimeData()
    mime.setText("more words")
    QGuiApplication.clipboard().setMimeData(mime)
    qtbot.waitUntil(lambda: not window.actions_by_name["paste"].isEnabled())


def test_no_campaign_disables_them(qtbot, window: MainWindow) -> None:
    window.scene.select_nodes(first_nodes(window, 1))
    window.campaign_list.list.setCurrentRow(-1)
    window.show_campaign(None)
    window.edit_state.update()
    assert not any(enabled(window).values())


def test_text_fields_keep_cut_copy_paste_and_delete(qtbot, window: MainWindow) -> None:
    window.scene.clearSelection()
    window.find_bar.open()
    field = window.focusWidget()
    qtbot.waitUntil(lambda: window.focusWidget() is not None
                    and window.focusWidget().inherits("QLineEdit"))
    field = window.focusWidget()
    qtbot.keyClicks(field, "Welcome")
    field.selectAll()
    actions = window.actions_by_name
    assert actions["cut"].isEnabled() and actions["copy"].isEnabled()
    assert actions["delete"].isEnabled() and actions["paste"].isEnabled()
    assert not actions["rename"].isEnabled()
    actions["cut"].trigger()  # Edit > Cut on the field's text
    assert field.text() == ""
    assert QGuiApplication.clipboard().text() == "Welcome"
    assert not actions["cut"].isEnabled()  # nothing selected in the field now
    actions["paste"].trigger()
    assert field.text() == "Welcome"
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)  # its key too
    assert field.text() == ""
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "Welcome"


def test_the_name_editor_keeps_its_text_keys(qtbot, window: MainWindow) -> None:
    node_id = first_nodes(window, 1)[0]
    window.scene.select_nodes([node_id])
    window.view.setFocus()
    editor = window.view.open_name_editor(node_id)
    assert editor is not None
    qtbot.waitUntil(editor.hasFocus)
    name = editor.text()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == name
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.text() == ""
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == name
    assert node_id in window.scene.nodes  # the node was never deleted or cut


def test_undo_texts_and_the_delete_question_quote_long_names_short(qtbot,
                                                                   window: MainWindow) -> None:
    from canvas_app.domain.names import short_name

    long = "Pool opening kit with chlorine, test strips and a floating dispenser"
    controller = window.controller
    stack = controller.undo_stack
    campaign_id = controller.new_campaign(long)
    assert stack.undoText() == f'New campaign "{short_name(long)}"'
    node = controller.add_node(campaign_id, "sequence", 0, 0)
    other = controller.add_node(campaign_id, "sequence", 300, 0)
    controller.rename_node(campaign_id, node, long)
    controller.rename_node(campaign_id, other, long + " 2")
    controller.link(campaign_id, node, other)
    controller.delete(campaign_id, [], [(node, other)])
    assert stack.undoText() == (f'Delete link "{short_name(long)}" to '
                                f'"{short_name(long + " 2")}"')
    controller.delete(campaign_id, [node])
    assert stack.undoText() == f'Delete "{short_name(long)}"'
    question = window.campaign_list.delete_question(campaign_id)
    assert f'Delete campaign "{short_name(long)}" and its 1 node?' in question
    assert long not in question
    controller.delete_campaign(campaign_id)
    assert stack.undoText() == f'Delete campaign "{short_name(long)}"'
