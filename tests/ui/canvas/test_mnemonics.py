"""Every menu entry has a keyboard letter (Alt+letter), and no two in a menu share one: in
the menu bar's menus and their submenus, and in the canvas's context menus (the empty
canvas's, a node's, a link's), which share their actions with the menu bar (QA: "Add
&Purchase Goal" and "&Paste", "Select &All" and "&Auto-Layout" shared a letter)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

from canvas_app.ui.main_window import MainWindow


def letter(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def clashes(menu: QMenu, title: str) -> list[str]:
    """What is wrong with the letters of ``menu`` and of its submenus."""
    entries = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    letters = [letter(a.text()) for a in entries]
    problems = []
    for action, key in zip(entries, letters, strict=True):
        if key is None:
            problems.append(f"{title}: {action.text()!r} has no letter")
        elif letters.count(key) > 1:
            problems.append(f"{title}: {action.text()!r} shares {key!r}")
        if action.menu() is not None:
            problems += clashes(action.menu(), f"{title} > {action.text()}")
    return problems


def test_menu_entries_each_have_their_own_letter(window: MainWindow) -> None:
    bar = window.menuBar()
    titles = [letter(a.text()) for a in bar.actions()]
    assert None not in titles and len(set(titles)) == len(titles)
    problems = []
    for action in bar.actions():
        problems += clashes(action.menu(), action.text())
    assert problems == []


def context_menu(qtbot, window: MainWindow, kind: str) -> QMenu:
    """The canvas's context menu as the Menu key opens it on what is selected."""
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    QTest.keyClick(window.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = window.view.context_menu
    assert menu is not None
    qtbot.waitUntil(menu.isVisible, timeout=1000)
    assert menu.actions(), kind
    return menu


def test_context_menus_of_the_canvas_each_have_their_own_letters(
        qtbot, window: MainWindow) -> None:
    scene = window.scene
    problems = []
    scene.clearSelection()  # the empty canvas's menu: Add…, Paste, Select All…
    menu = context_menu(qtbot, window, "canvas")
    assert {a.text() for a in menu.actions()} >= {"&Paste", "Select &All"}
    problems += clashes(menu, "canvas")
    menu.close()
    scene.select_nodes(["bought-shock"])  # a node's: View and Edit, Rename, Align…
    menu = context_menu(qtbot, window, "node")
    problems += clashes(menu, "node")
    menu.close()
    scene.clearSelection()
    link = next(iter(scene.links.values()))
    link.setSelected(True)
    menu = context_menu(qtbot, window, "link")
    problems += clashes(menu, "link")
    menu.close()
    assert problems == []
