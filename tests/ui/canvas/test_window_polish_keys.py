"""Toolbar tooltips end with their key; Ctrl+PgDown / Ctrl+PgUp step through the campaigns
from the canvas; Ctrl+F6 / Ctrl+Shift+F6 move the keyboard from panel to panel; Help >
Keyboard and Mouse lists them, and no key serves two actions."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.shortcuts import ShortcutsDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def plain(tip: str) -> str:
    return re.sub(r"<[^>]+>", "", tip).replace("&amp;", "&").replace("&quot;", '"')


def test_every_toolbar_tooltip_ends_with_its_key_once(qtbot, window: MainWindow) -> None:
    shown = window.toolbar.actions()
    tips = {key: plain(a.toolTip()) for key, a in window.toolbar_actions.items() if a in shown}
    assert len(tips) == 15
    menu_keys = {"undo": window.actions_by_name["undo"],
                 "redo": window.actions_by_name["redo"],
                 "simulate": window.actions_by_name["sim_run"]}
    for key, tip in tips.items():
        source = menu_keys.get(key, window.toolbar_actions[key])
        first = source.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
        assert tip.endswith(f"({first})"), (key, tip)
        assert tip.count(f"({first})") == 1, (key, tip)
    assert tips["delete"] == "Delete the selected nodes and links (Del)"  # "Del" in "Delete"
    assert tips["undo"] == "Undo (Ctrl+Z)"


def test_undo_and_redo_tips_keep_their_keys_as_edits_come(qtbot, window: MainWindow) -> None:
    undo, redo = window.toolbar_actions["undo"], window.toolbar_actions["redo"]
    redo_key = window.actions_by_name["redo"].shortcuts()[0].toString(
        QKeySequence.SequenceFormat.NativeText)
    window.controller.rename_node("shock-nurture", "nurture", "Onboarding")
    assert plain(undo.toolTip()) == 'Undo Rename "Nurture" to "Onboarding" (Ctrl+Z)'
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert plain(undo.toolTip()) == "Undo (Ctrl+Z)"
    assert plain(redo.toolTip()) == f'Redo Rename "Nurture" to "Onboarding" ({redo_key})'


def test_ctrl_page_down_and_up_step_through_campaigns(qtbot, window: MainWindow) -> None:
    ids = window.campaign_list.ids()
    assert len(ids) == 2
    window.campaign_list.select(ids[0])
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    QTest.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
    assert window.current_campaign_id() == ids[1]
    assert window.view.hasFocus()  # the keyboard stays on the canvas
    QTest.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # past the last: the first
    assert window.current_campaign_id() == ids[0]
    QTest.keyClick(window.view, Qt.Key.Key_PageUp, CTRL)
    assert window.current_campaign_id() == ids[1]
    assert window.campaign_list.current_id() == ids[1]


def test_ctrl_f6_moves_the_keyboard_round_the_panels(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    visited = []
    for _ in range(5):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, CTRL)
        visited.append(QApplication.focusWidget())
    docks = window.docks
    assert docks["campaigns"].isAncestorOf(visited[0])
    assert visited[0] is window.campaign_list.list
    assert docks["palette"].isAncestorOf(visited[1])
    assert docks["lint"].isAncestorOf(visited[2])  # Warnings is in front of Simulation
    assert docks["simulation"].isAncestorOf(visited[3])  # brought to the front (QA10)
    assert visited[4] is window.view  # History is closed: round to the canvas
    QTest.keyClick(window.view, Qt.Key.Key_F6, CTRL | SHIFT)
    assert docks["simulation"].isAncestorOf(QApplication.focusWidget())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, CTRL | SHIFT)
    assert docks["lint"].isAncestorOf(QApplication.focusWidget())  # Warnings in front again


def test_the_new_keys_are_listed_and_clash_with_none(qtbot, window: MainWindow) -> None:
    window.show_shortcuts()
    dialog: ShortcutsDialog = window.shortcuts_dialog
    table = dialog.table
    rows = {(table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    for row in (("Next Campaign", "Ctrl+PgDown"), ("Previous Campaign", "Ctrl+PgUp"),
                ("Next Panel", "Ctrl+F6"), ("Previous Panel", "Ctrl+Shift+F6")):
        assert row in rows
    dialog.close()
    users: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            users.setdefault(key.toString(), []).append(action.text())
    for key in ("Ctrl+PgDown", "Ctrl+PgUp", "Ctrl+F6", "Ctrl+Shift+F6", "F6"):
        assert len(users[key]) == 1, (key, users[key])


def test_an_action_in_two_menus_is_listed_once(qtbot, window: MainWindow) -> None:
    """New Campaign is in File and Workspace: Help > Keyboard and Mouse listed Ctrl+N
    twice (QA)."""
    from canvas_app.ui.shortcuts import shortcut_rows

    menus = [window.menus[k] for k in ("file", "edit", "insert", "view", "simulate",
                                       "workspace")]
    rows = shortcut_rows(menus)
    assert [r for r in rows if r[2] == "Ctrl+N"] == [("File", "New Campaign", "Ctrl+N")]
    keys = [r[2] for r in rows]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]


def test_help_lists_its_own_key_and_the_simulation_s_gestures(qtbot, window: MainWindow) -> None:
    """QA: F1 was missing, as were the charts' and the Scenario box's menus, a journey's
    double-click and the navigator; the groups ran in another order than the menu bar."""
    window.show_shortcuts()
    dialog: ShortcutsDialog = window.shortcuts_dialog
    table = dialog.table
    rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    assert ("Help", "Keyboard and Mouse", "F1") in rows
    wheres = [r[0] for r in rows]
    titles = [menu.title().replace("&", "") for menu in window.menuBar().findChildren(QMenu)
              if menu.menuAction() in window.menuBar().actions()]
    listed = list(dict.fromkeys(w for w in wheres if w in titles))
    assert listed == [t for t in titles if t in listed]  # in the menu bar's order
    assert {"Navigator", "Simulation"} <= set(wheres)
    gestures = " ".join(r[1] + " " + r[2] for r in rows)
    for words in ("journey's step", "Ctrl+C on a chart", "Scenario box", "in the map"):
        assert words in gestures, words
    dialog.close()
