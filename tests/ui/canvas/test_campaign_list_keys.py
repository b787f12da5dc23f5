"""The Campaigns list's menu and keys, and the Workspace menu's campaign entries."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow


def test_ctrl_d_and_delete_in_the_list_duplicate_and_delete(window: MainWindow) -> None:
    clist = window.campaign_list
    clist.select("shock-nurture")
    clist.list.setFocus()
    QTest.keyClick(clist.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copy_id = clist.current_id()
    assert window.controller.campaign(copy_id).name == "Pool Shock Nurture (copy)"
    nodes = len(window.controller.workspace.campaign("shock-nurture").nodes)
    QTest.keyClick(clist.list, Qt.Key.Key_Delete)  # asks (it has nodes); the fixture says yes
    assert copy_id not in clist.ids()
    assert len(window.controller.workspace.campaign("shock-nurture").nodes) == nodes


def test_deleting_a_campaign_shows_its_neighbour_not_the_one_shown_before(
        window: MainWindow) -> None:
    clist = window.campaign_list
    clist.new_campaign()  # a third campaign, at the end
    third = clist.current_id()
    clist.select("shock-nurture")  # shown before
    clist.select("checkup-onboarding")
    assert clist.delete_current()
    assert clist.current_id() == third  # the neighbour that took its row
    window.controller.undo_stack.undo()
    assert "checkup-onboarding" in clist.ids()


def test_the_menu_key_opens_the_list_menu_at_the_current_campaign(window: MainWindow) -> None:
    clist = window.campaign_list
    clist.select("checkup-onboarding")
    clist.list.setFocus()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(5, 5),
                              clist.list.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(clist.list, event)
    menu = clist.menu
    assert menu.isVisible()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&New Campaign\tCtrl+N", "&Rename", "D&uplicate", "&Delete…", "Move U&p", "Move Do&wn"]
    row = clist.list.visualItemRect(clist.list.currentItem())
    assert abs(menu.pos().y() - clist.list.viewport().mapToGlobal(row.bottomLeft()).y()) <= 2
    menu.close()


def test_right_click_on_empty_space_offers_only_a_new_campaign(window: MainWindow) -> None:
    clist = window.campaign_list
    below = QPoint(10, clist.list.viewport().height() - 5)
    assert clist.list.itemAt(below) is None
    clist.show_menu(False, below)
    assert [a.text() for a in clist.menu.actions()] == ["&New Campaign\tCtrl+N"]
    clist.menu.close()


def test_workspace_menu_entries_act_on_the_campaign_shown(window: MainWindow) -> None:
    clist = window.campaign_list
    clist.select("checkup-onboarding")
    window.actions_by_name["duplicate_campaign"].trigger()
    assert window.controller.campaign(clist.current_id()).name == "Checkup Onboarding (copy)"
    window.actions_by_name["delete_campaign"].trigger()
    assert len(clist.ids()) == 2
    for campaign_id in list(clist.ids()):
        clist.select(campaign_id)
        window.actions_by_name["delete_campaign"].trigger()
    assert clist.ids() == []
    assert not window.actions_by_name["rename_campaign"].isEnabled()
    assert not window.actions_by_name["delete_campaign"].isEnabled()


def test_the_list_shows_when_it_has_the_keyboard(window: MainWindow) -> None:
    from PySide6.QtGui import QColor

    from canvas_app.ui import theme

    lst = window.campaign_list.list
    window.view.setFocus()
    unfocused = lst.grab().toImage().pixelColor(0, lst.height() // 2)
    lst.setFocus()
    focused = lst.grab().toImage().pixelColor(0, lst.height() // 2)
    assert focused == QColor(theme.SELECTION) != unfocused


def test_the_delete_question_says_delete_without_a_green_icon(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    clist = window.campaign_list
    box = clist.delete_box(clist.delete_question("shock-nurture"))
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes.text() == "&Delete" and yes.icon().isNull()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.deleteLater()


def test_warnings_and_history_show_when_they_have_the_keyboard(window: MainWindow) -> None:
    from PySide6.QtGui import QColor

    from canvas_app.ui import theme

    window.docks["history"].show()
    for widget in (window.lint_panel, window.docks["history"].widget()):
        window.view.setFocus()
        before = widget.grab().toImage().pixelColor(0, widget.height() // 2)
        widget.setFocus()
        after = widget.grab().toImage().pixelColor(0, widget.height() // 2)
        assert after == QColor(theme.SELECTION) != before, widget.objectName()


def test_the_node_menu_offers_link(window: MainWindow) -> None:
    assert window.actions_by_name["link"] in window.view.context_actions["node"]


def test_a_new_campaign_opens_its_name_for_typing(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QLineEdit

    window.actions_by_name["new_campaign"].trigger()
    cid = window.current_campaign_id()
    editor = window.campaign_list.list.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    QTest.keyClicks(editor, "Spa follow-up")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.controller.campaign(cid).name == "Spa follow-up"


# -- QA 22: renaming while switching, the panel closed, Enter, long and refused names --------
def _edit_name(clist, text: str):
    """F2 on the current campaign and ``text`` typed over its name: the open editor."""
    clist.list.setFocus()
    QTest.keyClick(clist.list, Qt.Key.Key_F2)
    editor = clist.delegate.open_editor()
    assert editor is not None
    editor.selectAll()
    QTest.keyClicks(editor, text)
    return editor


def test_next_campaign_while_a_campaign_name_is_typed_keeps_it_and_shows_the_next(
        window: MainWindow) -> None:
    clist = window.campaign_list
    clist.select("checkup-onboarding")
    ids = clist.ids()
    _edit_name(clist, "CO typed")
    window.actions_by_name["next_campaign"].trigger()  # Ctrl+PgDown
    assert window.controller.campaign("checkup-onboarding").name == "CO typed"
    expected = ids[(ids.index("checkup-onboarding") + 1) % len(ids)]
    assert clist.current_id() == expected  # a campaign shown, not none
    assert window.current_campaign_id() == expected
    assert clist.buttons["rename"].isEnabled()


def test_ctrl_pgdown_typed_in_the_rename_field_keeps_it_and_shows_the_next(
        window: MainWindow) -> None:
    """The key itself, typed in the field (QA 22g: the list took it as its own page down;
    the action's trigger, above, never saw it)."""
    clist = window.campaign_list
    clist.select("shock-nurture")
    ids = clist.ids()
    editor = _edit_name(clist, "Shock Two")
    QTest.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.campaign("shock-nurture").name == "Shock Two"
    expected = ids[(ids.index("shock-nurture") + 1) % len(ids)]
    assert clist.current_id() == expected == window.current_campaign_id()


def test_ctrl_pgdown_with_a_refused_name_stays_and_types_it_again(
        qtbot, window: MainWindow) -> None:
    """QA 22k: the next campaign was shown and the name typed was lost; as with Enter, the
    field opens again with it."""
    clist = window.campaign_list
    clist.select("shock-nurture")
    editor = _edit_name(clist, "checkup ONBOARDING")
    QTest.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert clist.current_id() == "shock-nurture" == window.current_campaign_id()
    again = clist.delegate.open_editor()
    assert again is not None and again.text() == "checkup ONBOARDING"
    assert window.controller.campaign("shock-nurture").name == "Pool Shock Nurture"


def test_ctrl_pgdown_and_pgup_in_the_list_go_round_it(window: MainWindow) -> None:
    clist = window.campaign_list
    ids = clist.ids()
    clist.select(ids[-1])
    clist.list.setFocus()
    QTest.keyClick(clist.list, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert clist.current_id() == ids[0]  # round to the first, not stuck on the last
    QTest.keyClick(clist.list, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert clist.current_id() == ids[-1]


def test_next_campaign_while_a_node_name_is_typed_keeps_it(qtbot, window: MainWindow) -> None:
    cid = window.current_campaign_id()
    editor = window.view.open_name_editor("post-purchase")
    assert editor is not None
    editor.selectAll()
    QTest.keyClicks(editor, "Renamed while switching")
    window.actions_by_name["next_campaign"].trigger()
    assert window.controller.campaign(cid).node("post-purchase").name == \
        "Renamed while switching"
    assert window.controller.undo_stack.undoText().startswith("Rename")
    assert window.current_campaign_id() != cid


def test_rename_campaign_with_the_panel_closed_opens_it_ready_to_type(
        qtbot, window: MainWindow) -> None:
    dock = window.docks["campaigns"]
    dock.hide()
    window.actions_by_name["rename_campaign"].trigger()
    assert dock.isVisible()
    editor = window.campaign_list.delegate.open_editor()
    assert editor is not None and editor.text() == window.controller.campaign(
        window.current_campaign_id()).name


def test_enter_on_a_campaign_gives_the_canvas_the_keyboard(qtbot, window: MainWindow) -> None:
    clist = window.campaign_list
    window.activateWindow()
    clist.list.setFocus()
    qtbot.waitUntil(clist.list.hasFocus)
    QTest.keyClick(clist.list, Qt.Key.Key_Return)
    qtbot.waitUntil(window.view.hasFocus)


def test_a_refused_name_is_open_again_with_what_was_typed(qtbot, window: MainWindow) -> None:
    clist = window.campaign_list
    clist.select("checkup-onboarding")
    window.activateWindow()
    editor = _edit_name(clist, "pool shock NURTURE")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: clist.delegate.open_editor() is not None
                    and clist.delegate.open_editor() is not editor)
    again = clist.delegate.open_editor()
    assert again.text() == "pool shock NURTURE" and again.selectedText() == again.text()
    assert window.controller.campaign("checkup-onboarding").name == "Checkup Onboarding"


def test_a_campaign_name_takes_at_most_the_node_name_limit(qtbot, window: MainWindow) -> None:
    from canvas_app.domain.names import NAME_MAX_LENGTH

    clist = window.campaign_list
    editor = _edit_name(clist, "x")
    editor.selectAll()
    editor.insert("y" * (NAME_MAX_LENGTH + 50))  # a paste
    assert len(editor.text()) == NAME_MAX_LENGTH
    QTest.keyClick(editor, Qt.Key.Key_Escape)


def test_a_long_campaign_name_is_cut_with_a_tooltip_showing_it_whole(
        qtbot, window: MainWindow) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    clist = window.campaign_list
    long_name = "A campaign with a very long name " * 4
    assert window.controller.rename_campaign("checkup-onboarding", long_name)
    clist.select("checkup-onboarding")
    assert clist.list.horizontalScrollBar().maximum() == 0  # no sideways scrolling
    rect = clist.list.visualItemRect(clist.list.currentItem())
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(),
                       clist.list.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(clist.list.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == long_name.strip()
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    short_rect = clist.list.visualItemRect(clist.list.item(clist.ids().index("shock-nurture")))
    event = QHelpEvent(QEvent.Type.ToolTip, short_rect.center(),
                       clist.list.viewport().mapToGlobal(short_rect.center()))
    QApplication.sendEvent(clist.list.viewport(), event)
    qtbot.wait(50)
    assert not QToolTip.isVisible()  # a name shown whole needs none


def test_switching_campaigns_while_drawing_a_link_says_it_was_cancelled(
        qtbot, window: MainWindow) -> None:
    said: list[str] = []
    window.controller.status_message.connect(said.append)
    scene = window.scene
    scene._link_from = scene.nodes["nurture"]  # a link being drawn from it
    window.actions_by_name["next_campaign"].trigger()
    assert said[-1] == "Link cancelled."


def test_edit_undo_names_the_campaign_it_changes_when_another_is_on_show(
        window: MainWindow) -> None:
    controller = window.controller
    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert controller.rename_node("shock-nurture", "post-purchase", "Renamed")
    window.campaign_list.select("shock-nurture")
    assert undo.text() == '&Undo Rename "Post-purchase" to "Renamed"'  # its own: as ever
    window.campaign_list.select("checkup-onboarding")
    assert undo.text() == ('&Undo Rename "Post-purchase" to "Renamed" '
                           '(in "Pool Shock Nurture")')
    window.undo()  # shows the campaign it changed
    assert window.current_campaign_id() == "shock-nurture"
    assert redo.text() == '&Redo Rename "Post-purchase" to "Renamed"'
    window.campaign_list.select("checkup-onboarding")
    assert redo.text().endswith('(in "Pool Shock Nurture")')
