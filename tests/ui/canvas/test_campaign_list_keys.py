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
        "&New Campaign\tCtrl+N", "&Rename", "D&uplicate", "&Delete…"]
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
