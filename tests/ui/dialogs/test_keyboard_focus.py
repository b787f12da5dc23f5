"""Where the keyboard focus goes in the node editors (QA 7): Tab walks the name, then the
form's controls in reading order, then the buttons, with no invisible stop between."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QScrollArea

from canvas_app.ui.dialogs import open_node_editor

# (campaign, node) -> Tab stops after the name field, in reading order: each is visited, in
# this order (Qt skips disabled widgets, e.g. "Move up" while the first step is current, and
# decides which radio buttons of a group are stops)
CHAINS = {
    ("shock-nurture", "nurture"): [
        "runsUntilCompletedCheck", "stepList", "addKindCombo", "addStepButton",
        "moveDownButton", "removeStepButton", "stepKindCombo", "subjectEdit"],
    ("checkup-onboarding", "subscribed"): [
        "orderFormsCheck", "anyPurchaseCheck", "productsCheck", "productSearch",
        "productListList", "categoriesCheck", "categoryListList", "paymentTypeListList",
        "campaignContactsRadio"],
    ("checkup-onboarding", "visit-booked"): [
        "tagSearch", "tagListList", "newTagEdit", "campaignContactsRadio"],
}


def open_editor(qtbot, workspace, undo_stack, campaign, node):
    dialog = open_node_editor(None, workspace, undo_stack, campaign, node)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def tab_chain(qtbot, dialog, steps: int = 30) -> list[str]:
    """The focused widget after each Tab from the name field, until it is back there."""
    dialog.name_edit.setFocus()
    names = []
    for _ in range(steps):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        widget = dialog.focusWidget()
        assert not isinstance(widget, QScrollArea), f"Tab stops on {widget.objectName()}"
        names.append(widget.objectName())
        if widget is dialog.name_edit:
            break
    return names


@pytest.mark.parametrize(("campaign", "node"), list(CHAINS))
def test_tab_goes_name_form_buttons(qtbot, workspace, undo_stack, campaign, node):
    dialog = open_editor(qtbot, workspace, undo_stack, campaign, node)
    chain = tab_chain(qtbot, dialog)
    expected = CHAINS[(campaign, node)]
    assert chain[0] == expected[0]  # the first Tab reaches the form's first control
    assert chain[-3:] == ["saveButton", "cancelButton", "nameEdit"]
    assert [name for name in chain if name in expected] == expected


def test_three_tabs_from_the_name_reach_new_tag(qtbot, workspace, undo_stack):
    """The QA's keys: name, Tab x3 (search, list, New tag), type, Enter. The scroll area
    was a stop of its own, so the typing went into the tag list (Space ticked a tag and
    Enter saved the goal)."""
    dialog = open_editor(qtbot, workspace, undo_stack, "checkup-onboarding", "visit-booked")
    tab_chain(qtbot, dialog, 3)
    field = dialog.focusWidget()
    assert field is dialog.new_tag_edit
    qtbot.keyClicks(field, "Guide download")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "Guide download" in dialog.tag_list.checked_ids()


@pytest.mark.parametrize(("campaign", "node"), list(CHAINS))
def test_the_form_scrolls_to_the_focused_widget(qtbot, workspace, undo_stack, campaign,
                                                 node):
    """Shift+Tab from Save reaches the form's last control from outside the scroll area:
    in a small window the area scrolls so that control is in sight."""
    dialog = open_editor(qtbot, workspace, undo_stack, campaign, node)
    dialog.resize(560, 320)
    qtbot.wait(10)
    area = dialog.scroll_area
    dialog.save_button.setFocus()
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Backtab)
    widget = dialog.focusWidget()
    assert area.widget().isAncestorOf(widget)  # the form's last control
    viewport = area.viewport()
    shown = QRect(widget.mapTo(viewport, widget.rect().topLeft()), widget.size())
    assert viewport.rect().contains(shown), (shown, viewport.rect())


# kind -> (what is typed right after "Add step", the step's field it must reach, its value)
TYPED = {
    "email": ("Welcome aboard", "subject", "Welcome aboard"),
    "delay": ("3", "duration", timedelta(days=3)),
    "apply_tag": ("VIP", "tag", "VIP"),
    "remove_tag": ("Lead", "tag", "Lead"),
    "notify_team": ("Call them", "message", "Call them"),
    "set_contact_type": ("partner", "contact_type", "partner"),
}


@pytest.mark.parametrize("kind", [*TYPED, "wait_until"])
def test_after_add_step_typing_goes_into_the_new_step(qtbot, workspace, undo_stack, kind):
    """QA 7: after "Add step" the focus was on the Kind list, so a typed subject went into
    its type-ahead (and could change the kind)."""
    dialog = open_editor(qtbot, workspace, undo_stack, "shock-nurture", "nurture")
    editor = dialog.steps_editor
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData(kind))
    editor.add_button.setFocus()
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)  # press "Add step" by keyboard
    row = editor.list.currentRow()
    field = dialog.focusWidget()
    assert field is not editor.form.kind_combo
    if kind == "wait_until":
        assert field is editor.form.until_edit
        qtbot.keyClicks(field, "2031")  # the year is selected: typing replaces it
        assert editor.steps()[row].until.year == 2031
    else:
        text, name, value = TYPED[kind]
        qtbot.keyClicks(field, text)
        assert getattr(editor.steps()[row], name) == value
    assert editor.steps()[row].kind == kind


def test_after_add_action_the_campaign_choice_has_the_focus(qtbot):
    from .helpers import add_step_of, shown_action_set

    dialog = shown_action_set(qtbot)
    editor = dialog.steps_editor
    add_step_of(qtbot, editor, "add_to_campaign")
    assert dialog.focusWidget() is editor.form.campaign_combo
