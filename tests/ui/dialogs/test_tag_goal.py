"""The tag goal dialog: pick existing tags or type new ones; one undo step; Cancel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.tag_goal import TagGoalDialog

from .helpers import click, snapshot


def open_tag_goal(qtbot, workspace, undo_stack) -> TagGoalDialog:
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "visit-booked")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, TagGoalDialog)
    assert dialog.objectName() == "tagGoalDialog"
    return dialog


def test_offers_every_tag_of_the_workspace(qtbot, workspace, undo_stack):
    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    offered = dialog.tag_list.ids()
    # from a goal, a sequence step, action sets and a contact
    for tag in ("Visit booked", "Shock customer", "Customer", "Bought pool shock",
                "Newsletter"):
        assert tag in offered
    assert dialog.tag_list.checked_ids() == ["Visit booked"]


def test_save_existing_and_new_tags_then_undo(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    dialog.name_edit.setText("Visit booked or called")
    dialog.tag_list.set_checked("Customer")
    qtbot.keyClicks(dialog.new_tag_edit, "Called us")
    click(qtbot, dialog.add_tag_button)
    assert "Called us" in dialog.tag_list.checked_ids()
    dialog.any_contact_radio.setChecked(True)
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    node = workspace.campaign("checkup-onboarding").node("visit-booked")
    assert node.name == "Visit booked or called"
    assert sorted(node.config.tags) == ["Called us", "Customer", "Visit booked"]
    assert node.config.achieved_by == "any_contact"
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert snapshot(workspace) == before


def test_no_tag_keeps_save_disabled(qtbot, workspace, undo_stack):
    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    dialog.tag_list.set_checked("Visit booked", False)
    assert not dialog.save_button.isEnabled()
    assert dialog.problem_label.text() == ("No tag is ticked: tick at least one tag, or type "
                                           "a new one and press Add tag")


def test_cancel_changes_nothing(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    dialog.tag_list.set_checked("Customer")
    click(qtbot, dialog.cancel_button)
    assert snapshot(workspace) == before
    assert undo_stack.count() == 0


def test_enter_in_new_tag_adds_it_and_keeps_the_dialog_open(qtbot, workspace, undo_stack):
    """QA 3: Enter in "New tag" added the tag and closed the whole dialog (Save)."""
    from PySide6.QtCore import Qt

    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    qtbot.waitExposed(dialog)
    dialog.new_tag_edit.setFocus()
    for tag in ("Gold", "Silver"):
        qtbot.keyClicks(dialog.new_tag_edit, tag)
        qtbot.keyClick(dialog.new_tag_edit, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.new_tag_edit.text() == ""
        assert dialog.focusWidget() is dialog.new_tag_edit
    assert {"Gold", "Silver", "Visit booked"} <= set(dialog.tag_list.checked_ids())
    assert undo_stack.count() == 0  # nothing saved yet
    click(qtbot, dialog.save_button)
    tags = workspace.campaign("checkup-onboarding").node("visit-booked").config.tags
    assert sorted(tags) == ["Gold", "Silver", "Visit booked"]


def test_a_new_tag_differing_only_in_case_ticks_the_existing_one(qtbot, workspace,
                                                                 undo_stack):
    from PySide6.QtCore import Qt

    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    qtbot.waitExposed(dialog)
    before = dialog.tag_list.ids()
    dialog.new_tag_edit.setFocus()
    qtbot.keyClicks(dialog.new_tag_edit, "  visit BOOKED ")
    qtbot.keyClick(dialog.new_tag_edit, Qt.Key.Key_Return)
    assert dialog.tag_list.ids() == before  # no second "Visit booked"
    assert "Visit booked" in dialog.tag_list.checked_ids()
    # and it says so, in a line under the field (not its cut-off placeholder), until the
    # next key
    note = dialog.new_tag_note
    assert note.isVisible() and note.text() == (
        '"visit BOOKED" differs from the tag "Visit booked" only in capitals: ticked '
        '"Visit booked" instead of adding a second tag.')
    assert dialog.new_tag_edit.placeholderText() == "New tag, e.g. Visit booked"
    qtbot.keyClicks(dialog.new_tag_edit, "x")
    assert not note.isVisible() and note.text() == ""
    # said again, then a tick elsewhere: old news, gone too (QA: it stayed until closed)
    dialog.new_tag_edit.clear()
    qtbot.keyClicks(dialog.new_tag_edit, "visit BOOKED")
    qtbot.keyClick(dialog.new_tag_edit, Qt.Key.Key_Return)
    assert note.isVisible()
    other = next(t for t in dialog.tag_list.ids() if t != "Visit booked")
    dialog.tag_list.set_checked(other, other not in dialog.tag_list.checked_ids())
    assert not note.isVisible() and note.text() == ""


def test_add_tag_button_gives_the_focus_back_to_the_field(qtbot, workspace, undo_stack):
    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    qtbot.waitExposed(dialog)
    dialog.new_tag_edit.setFocus()
    qtbot.keyClicks(dialog.new_tag_edit, "Gold")
    click(qtbot, dialog.add_tag_button)
    assert dialog.focusWidget() is dialog.new_tag_edit
    assert "Gold" in dialog.tag_list.checked_ids()


def test_enter_in_tag_search_does_not_save(qtbot, workspace, undo_stack):
    from PySide6.QtCore import Qt

    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    qtbot.waitExposed(dialog)
    search = dialog.tag_list.search
    assert search is not None
    search.setFocus()
    qtbot.keyClicks(search, "custo")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    # Enter went to the first match in the list: Space ticks it
    assert dialog.focusWidget() is dialog.tag_list.list
    assert dialog.tag_list.list.currentItem().text() == "Customer"


def _row_in_sight(check_list, item_id: str) -> bool:
    view = check_list.list
    row = check_list.ids().index(item_id)
    rect = view.visualRect(view.model().index(row, 0))
    return view.viewport().rect().contains(rect)


def test_the_ticked_tags_are_in_sight_when_it_opens(qtbot, workspace, undo_stack):
    """QA 3: "Visit booked" (ticked) sat below the visible rows of the list."""
    workspace.contacts[0].tags.extend(f"Tag {n:02d}" for n in range(1, 31))
    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    qtbot.waitExposed(dialog)
    assert dialog.tag_list.ids()[-1] == "Visit booked"  # sorted: far below the first rows
    assert dialog.tag_list.list.verticalScrollBar().maximum() > 0
    assert _row_in_sight(dialog.tag_list, "Visit booked")


def test_a_tag_added_while_searching_is_shown(qtbot, workspace, undo_stack):
    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    search = dialog.tag_list.search
    qtbot.keyClicks(search, "news")
    assert dialog.tag_list.visible_ids() == ["Newsletter"]
    qtbot.keyClicks(dialog.new_tag_edit, "Gold")
    click(qtbot, dialog.add_tag_button)
    assert search.text() == ""  # the search would have hidden it
    assert "Gold" in dialog.tag_list.visible_ids()
    assert len(dialog.tag_list.visible_ids()) == len(dialog.tag_list.ids())
    qtbot.keyClicks(search, "news")
    qtbot.keyClicks(dialog.new_tag_edit, "Newsflash")
    click(qtbot, dialog.add_tag_button)
    assert search.text() == "news"  # it matches: the search stays
    assert sorted(dialog.tag_list.visible_ids()) == ["Newsflash", "Newsletter"]


@pytest.mark.asks_to_discard
def test_cancel_with_changes_asks_before_dropping_them(qtbot, workspace, undo_stack):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    dialog.show()
    click(qtbot, dialog.cancel_button)  # nothing changed: closes without a question
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()

    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    dialog.show()
    dialog.tag_list.set_checked("Customer")
    asked: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "discardChangesBox"
        asked.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()

    QTimer.singleShot(0, lambda: answer("Keep Editing"))
    click(qtbot, dialog.cancel_button)
    assert asked == ['Discard your changes to "Visit booked"?']
    assert dialog.isVisible() and "Customer" in dialog.tag_list.checked_ids()  # kept
    QTimer.singleShot(0, lambda: answer("Discard"))
    click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible() and undo_stack.count() == 0


def test_it_says_when_nothing_applies_the_ticked_tags(qtbot, workspace, undo_stack):
    """QA: "No problems in these settings." beside a goal whose badge warns that no step or
    action applies its tag (the sample's "Visit booked")."""
    from canvas_app.domain.tag_sources import UNAPPLIED_NOTE, UNAPPLIED_NOTE_MANY

    dialog = open_tag_goal(qtbot, workspace, undo_stack)
    label = dialog.problem_label
    assert label.isVisible() and label.text() == UNAPPLIED_NOTE
    assert label.property("notice") and dialog.save_button.isEnabled()
    dialog.new_tag_edit.setText("Nobody tags this")
    click(qtbot, dialog.add_tag_button)
    assert label.text() == UNAPPLIED_NOTE_MANY
    dialog.tag_list.set_checked("Customer")  # applied by the Successful Purchase Action
    assert not label.isVisible()
    dialog.tag_list.set_checked("Customer", False)
    dialog.tag_list.set_checked("Visit booked", False)
    dialog.tag_list.set_checked("Nobody tags this", False)
    assert label.isVisible() and not label.property("notice")  # no tag: a problem
