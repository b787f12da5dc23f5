"""Every menu entry has a keyboard letter (Alt+letter), and no two in a menu share one."""

from __future__ import annotations

import re

from canvas_app.ui.main_window import MainWindow


def letter(text: str) -> str | None:
    match = re.search(r"&([^&])", text)
    return match.group(1).casefold() if match else None


def test_menu_entries_each_have_their_own_letter(window: MainWindow) -> None:
    bar = window.menuBar()
    menus = [a.menu() for a in bar.actions()]
    titles = [letter(a.text()) for a in bar.actions()]
    assert None not in titles and len(set(titles)) == len(titles)
    menus.append(window.menus["panels"])
    problems = []
    for menu in menus:
        entries = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        letters = [letter(a.text()) for a in entries]
        for action, key in zip(entries, letters, strict=True):
            if key is None:
                problems.append(f"{menu.title()}: {action.text()!r} has no letter")
            elif letters.count(key) > 1:
                problems.append(f"{menu.title()}: {action.text()!r} shares {key!r}")
    assert problems == []
