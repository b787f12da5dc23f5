"""Shift+F10 opens the Campaigns list's menu, as Help > Keyboard and Mouse says (QA10: Qt
on X11 sends no context menu event for it, so only the Menu key worked)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow


def test_shift_f10_opens_the_list_menu_under_the_current_campaign(
        qtbot, window: MainWindow) -> None:
    clist = window.campaign_list
    clist.select("checkup-onboarding")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    clist.list.setFocus()
    qtbot.waitUntil(clist.list.hasFocus, timeout=3000)
    QTest.keyClick(clist.list, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = getattr(clist, "menu", None)
    assert menu is not None
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&New Campaign\tCtrl+N", "&Rename", "D&uplicate", "&Delete…", "Move U&p",
        "Move Do&wn"]
    row = clist.list.visualItemRect(clist.list.currentItem())
    assert abs(menu.pos().y() - clist.list.viewport().mapToGlobal(row.bottomLeft()).y()) <= 2
    assert clist.current_id() == "checkup-onboarding"
    menu.close()


def test_plain_f10_is_not_taken_by_the_list(qtbot, window: MainWindow) -> None:
    clist = window.campaign_list
    clist.list.setFocus()
    QTest.keyClick(clist.list, Qt.Key.Key_F10)
    assert getattr(clist, "menu", None) is None
