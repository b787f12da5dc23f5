"""Putting campaigns in order: Move Up / Down (keys, menus) and a drag in the Campaigns list,
each one undo step, kept by Save in a file and in a SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest

from canvas_app.documents import Document
from canvas_app.domain.workspace import Workspace
from canvas_app.io import load_workspace
from canvas_app.ui.main_window import MainWindow

from .conftest import SAMPLE, make_window

FIRST, SECOND = "shock-nurture", "checkup-onboarding"


def names(window: MainWindow) -> list[str]:
    return [window.controller.campaign(c).name for c in window.campaign_list.ids()]


def test_workspace_moves_a_campaign_and_says_so_once() -> None:
    workspace = load_workspace(SAMPLE)
    workspace.new_campaign("c-3", "Third")
    seen: list[str] = []
    workspace.events.subscribe(lambda e: seen.append(e.name))
    assert workspace.move_campaign("c-3", 0) == 2
    assert [c.id for c in workspace.campaigns] == ["c-3", FIRST, SECOND]
    assert workspace.move_campaign("c-3", 0) == 0  # already there: no event
    assert workspace.move_campaign("c-3", 99) == 0  # past the end: the last place
    assert [c.id for c in workspace.campaigns] == [FIRST, SECOND, "c-3"]
    assert seen == ["campaign_moved", "campaign_moved"]


def test_ctrl_shift_down_moves_the_campaign_and_undo_puts_it_back(window: MainWindow) -> None:
    clist = window.campaign_list
    clist.select(FIRST)
    clist.list.setFocus()
    QTest.keyClick(clist.list, Qt.Key.Key_Down,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert clist.ids() == [SECOND, FIRST]
    assert clist.current_id() == FIRST  # the moved campaign stays shown
    assert window.current_campaign_id() == FIRST
    stack = window.controller.undo_stack
    assert stack.undoText() == 'Move campaign "Pool Shock Nurture" down'
    assert window.isWindowModified()
    stack.undo()
    assert clist.ids() == [FIRST, SECOND]
    assert not window.isWindowModified()
    stack.redo()
    assert clist.ids() == [SECOND, FIRST]


def test_move_entries_are_greyed_at_the_ends_of_the_list(window: MainWindow) -> None:
    clist = window.campaign_list
    actions = window.actions_by_name
    clist.select(FIRST)
    assert not actions["move_campaign_up"].isEnabled()
    assert actions["move_campaign_down"].isEnabled()
    assert not clist.menu_actions["up"].isEnabled()
    actions["move_campaign_down"].trigger()  # the Workspace menu's entry
    assert clist.ids() == [SECOND, FIRST]
    assert actions["move_campaign_up"].isEnabled()
    assert not actions["move_campaign_down"].isEnabled()
    assert not clist.menu_actions["down"].isEnabled()
    depth = window.controller.undo_stack.count()
    actions["move_campaign_down"].trigger()  # greyed: nothing happens, nothing pushed
    clist.move_current(1)
    assert clist.ids() == [SECOND, FIRST]
    assert window.controller.undo_stack.count() == depth


def test_the_list_menu_offers_the_moves(window: MainWindow) -> None:
    clist = window.campaign_list
    clist.select(SECOND)
    clist.show_menu(True)
    texts = [a.text() for a in clist.menu.actions() if not a.isSeparator()]
    clist.menu.close()
    assert texts[-2:] == ["Move U&p", "Move Do&wn"]
    clist.menu_actions["up"].trigger()
    assert clist.ids() == [SECOND, FIRST]


def drop_on(qtbot, clist, row: int, below: bool) -> None:
    """A drop of the current campaign on ``row``'s upper or lower half, as a drag in the
    list ends."""
    widget = clist.list
    rect = widget.visualItemRect(widget.item(row))
    y = rect.bottom() - 2 if below else rect.top() + 2
    mime = widget.model().mimeData([widget.currentIndex()])
    event = QDropEvent(QPointF(QPoint(rect.center().x(), y)), Qt.DropAction.MoveAction,
                       mime or QMimeData(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    # dropEvent reads the drag's source: the list itself, as in a real drag within it
    event.source = lambda: widget  # type: ignore[method-assign]
    widget.dropEvent(event)
    assert event.dropAction() == Qt.DropAction.IgnoreAction  # the list removes no row
    qtbot.wait(20)


def test_a_drag_in_the_list_moves_the_campaign_as_one_undo_step(qtbot,
                                                                 window: MainWindow) -> None:
    clist = window.campaign_list
    clist.new_campaign()
    clist.delegate.finish()
    third = clist.current_id()
    assert clist.ids() == [FIRST, SECOND, third]
    drop_on(qtbot, clist, 0, below=False)  # before the first row
    assert clist.ids() == [third, FIRST, SECOND]
    assert clist.current_id() == third
    clist.select(third)
    drop_on(qtbot, clist, 1, below=True)  # after the second row
    assert clist.ids() == [FIRST, third, SECOND]
    depth = window.controller.undo_stack.count()
    drop_on(qtbot, clist, 1, below=False)  # onto itself: nothing moves, nothing pushed
    assert clist.ids() == [FIRST, third, SECOND]
    assert window.controller.undo_stack.count() == depth
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    assert clist.ids() == [FIRST, SECOND, third]
    assert sorted(names(window)) == sorted(["Pool Shock Nurture", "Checkup Onboarding",
                                            "Campaign 1"])


@pytest.mark.parametrize("suffix", [".campaign.json", ".db"])
def test_the_order_is_saved_and_reopened(qtbot, tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"work{suffix}"
    Document(str(source)).save(load_workspace(SAMPLE))
    window = make_window(qtbot, str(source), tmp_path)
    window.campaign_list.select(SECOND)
    window.campaign_list.move_current(-1)
    assert window.save()
    window.close()
    reread: Workspace = Document(str(source)).load()
    assert [c.id for c in reread.campaigns] == [SECOND, FIRST]
    again = make_window(qtbot, str(source), tmp_path)
    assert again.campaign_list.ids() == [SECOND, FIRST]


def test_ctrl_shift_up_while_a_name_is_typed_keeps_it_and_moves(qtbot,
                                                                window: MainWindow) -> None:
    """QA 23h: with the name field open the keys did nothing (the list's shortcut is for
    the list alone); the Workspace menu's entry kept the name and moved."""
    clist = window.campaign_list
    clist.select(SECOND)
    clist.rename_current()
    editor = clist.delegate.open_editor()
    assert editor is not None
    editor.setText("Onboarding first")
    QTest.keyClick(editor, Qt.Key.Key_Up,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert clist.ids() == [SECOND, FIRST]
    assert window.controller.campaign(SECOND).name == "Onboarding first"
    assert clist.current_id() == SECOND
