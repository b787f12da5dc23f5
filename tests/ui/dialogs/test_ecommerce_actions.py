"""The E-Commerce Actions window and the action-set editor (R12-R14)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialog

from canvas_app.domain.ecommerce import DEFAULT_SETS
from canvas_app.ui.dialogs import open_ecommerce_actions
from canvas_app.ui.dialogs.ecommerce_actions import EcommerceActionsDialog

from .helpers import click, snapshot


def open_window(qtbot, workspace, undo_stack) -> EcommerceActionsDialog:
    window = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(window)
    assert isinstance(window, EcommerceActionsDialog)
    assert window.objectName() == "ecommerceActionsDialog"
    return window


def completions(window) -> list[str]:
    completer = window.completer
    model = completer.completionModel()
    return [model.index(i, 0).data() for i in range(completer.completionCount())]


def test_lists_the_five_default_sets_with_their_descriptions(qtbot, workspace, undo_stack):
    window = open_window(qtbot, workspace, undo_stack)
    assert list(window.set_buttons) == list(DEFAULT_SETS)
    assert window.count_labels["successful_purchase"].text() == "3 actions"
    assert window.count_labels["error_purchase"].text() == "1 action"
    texts = [label.text() for label in window.findChildren(type(window.count_labels["on_login"]))]
    for label, description in DEFAULT_SETS.values():
        # the set's name, bold, with its Alt+letter ("&On Login …") marked
        assert label in [text.replace("&", "") for text in texts]
        assert description in texts
    assert window.legacy_check.isChecked()


def test_product_box_completes_by_substring(qtbot, workspace, undo_stack):
    window = open_window(qtbot, workspace, undo_stack)
    qtbot.keyClicks(window.product_edit, "pool")
    assert completions(window) == ["Pool Scrubbing Mitt", "Pool Stabilizer / Conditioner",
                                   "Super Sock It Pool Shock", "Weekly Pool Checkup"]
    window.product_edit.clear()
    qtbot.keyClicks(window.product_edit, "SOCK")
    assert completions(window) == ["Super Sock It Pool Shock"]
    assert window.product_button.isEnabled()  # the only match is chosen


def test_product_actions_are_saved_under_that_product_and_undone(qtbot, workspace,
                                                                  undo_stack):
    before = snapshot(workspace)
    window = open_window(qtbot, workspace, undo_stack)
    window.product_edit.setText("Pool Scrubbing Mitt")
    click(qtbot, window.product_button)
    dialog = window.set_dialog
    assert dialog is not None and dialog.key == "product:mitt"
    assert dialog.steps_editor.steps() == []
    editor = dialog.steps_editor
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData("apply_tag"))
    click(qtbot, editor.add_button)
    editor.form.tag_edit.setText("Bought mitt")
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData("send_email"))
    click(qtbot, editor.add_button)
    editor.form.subject_edit.setText("Caring for your mitt")
    editor.form.delay_check.setChecked(True)
    editor.form.delay_edit.amount.setValue(2)
    editor.form.delay_edit.unit.setCurrentText("days")
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData("add_to_campaign"))
    click(qtbot, editor.add_button)
    editor.form.campaign_combo.setCurrentIndex(
        editor.form.campaign_combo.findData("checkup-onboarding"))
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted

    actions = workspace.ecommerce.product_action_sets["mitt"]
    assert [a.kind for a in actions] == ["apply_tag", "send_email", "add_to_campaign"]
    assert actions[0].tag == "Bought mitt" and actions[0].delay is None
    assert actions[1].subject == "Caring for your mitt"
    assert actions[1].delay == timedelta(days=2)
    assert actions[2].campaign == "checkup-onboarding"
    assert undo_stack.count() == 1
    assert window.product_sets.count() == 3  # the window follows the domain
    undo_stack.undo()
    assert snapshot(workspace) == before
    assert window.product_sets.count() == 2


def test_default_set_edit_and_cancel(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    window = open_window(qtbot, workspace, undo_stack)
    click(qtbot, window.set_buttons["failed_purchase"])
    dialog = window.set_dialog
    assert dialog.key == "failed_purchase"
    assert len(dialog.steps_editor.steps()) == 2
    dialog.steps_editor.list.setCurrentRow(0)
    click(qtbot, dialog.steps_editor.remove_button)
    click(qtbot, dialog.cancel_button)
    assert snapshot(workspace) == before
    assert undo_stack.count() == 0

    click(qtbot, window.set_buttons["failed_purchase"])
    dialog = window.set_dialog
    dialog.steps_editor.list.setCurrentRow(0)
    click(qtbot, dialog.steps_editor.remove_button)
    click(qtbot, dialog.save_button)
    assert [a.kind for a in workspace.ecommerce.action_sets["failed_purchase"]] == [
        "send_email"]
    assert window.count_labels["failed_purchase"].text() == "1 action"
    undo_stack.undo()
    assert snapshot(workspace) == before


def copy_into_checkup_set(qtbot, workspace, undo_stack):
    """The checkup's product set, emptied, with the successful-purchase actions copied in."""
    window = open_window(qtbot, workspace, undo_stack)
    window.product_edit.setText("Weekly Pool Checkup")
    dialog = window.open_product_set()
    dialog.steps_editor.set_steps([])
    combo = dialog.copy_combo
    combo.setCurrentIndex(combo.findData("successful_purchase"))
    click(qtbot, dialog.copy_button)
    return dialog


def test_copy_an_existing_set(qtbot, workspace, undo_stack):
    dialog = copy_into_checkup_set(qtbot, workspace, undo_stack)
    click(qtbot, dialog.save_button)
    copied = workspace.ecommerce.product_action_sets["checkup"]
    assert copied == workspace.ecommerce.action_sets["successful_purchase"]
    assert copied is not workspace.ecommerce.action_sets["successful_purchase"]


def test_an_incomplete_action_keeps_save_disabled(qtbot, workspace, undo_stack):
    window = open_window(qtbot, workspace, undo_stack)
    dialog = window.open_set("on_login")
    editor = dialog.steps_editor
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData("notify_team"))
    click(qtbot, editor.add_button)
    assert not dialog.save_button.isEnabled()
    assert dialog.problem_label.text().startswith("Action 2: ")


def test_legacy_setting_is_one_undo_step(qtbot, workspace, undo_stack):
    window = open_window(qtbot, workspace, undo_stack)
    window.legacy_check.setChecked(False)
    assert not workspace.ecommerce.product_actions_for_legacy_and_manual
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert workspace.ecommerce.product_actions_for_legacy_and_manual
    assert window.legacy_check.isChecked()


def test_closing_stops_following_the_domain(qtbot, workspace, undo_stack):
    window = open_window(qtbot, workspace, undo_stack)
    destroyed = []
    window.destroyed.connect(lambda *_: destroyed.append(True))
    click(qtbot, window.close_button)
    qtbot.waitUntil(lambda: bool(destroyed))  # a closed window deletes itself
    ecommerce = workspace.ecommerce.copy()
    ecommerce.product_actions_for_legacy_and_manual = False
    workspace.set_ecommerce(ecommerce)  # no listener left to call into a deleted window
    assert not workspace.ecommerce.product_actions_for_legacy_and_manual


def test_enter_after_add_copies_saves_instead_of_copying_again(qtbot, workspace, undo_stack):
    from PySide6.QtCore import Qt

    dialog = copy_into_checkup_set(qtbot, workspace, undo_stack)
    count = len(workspace.ecommerce.action_sets["successful_purchase"])
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert len(workspace.ecommerce.product_action_sets["checkup"]) == count  # saved, once


def test_enter_in_product_field_opens_its_actions_and_nothing_else(qtbot, workspace,
                                                                    undo_stack):
    from PySide6.QtCore import Qt

    window = open_window(qtbot, workspace, undo_stack)
    qtbot.waitExposed(window)
    window.product_edit.setFocus()
    window.product_edit.setText("Pool Scrubbing Mitt")
    qtbot.keyClick(window.product_edit, Qt.Key.Key_Return)
    assert window.set_dialog is not None and window.set_dialog.key == "product:mitt"
    assert window.isVisible() and window.set_dialog.isVisible()


def test_small_window_scrolls_and_keeps_close_in_sight(qtbot, workspace, undo_stack):
    """At 800 x 560 the window could not get smaller than 634 pixels (its content)."""
    from .helpers import overlapping_widgets

    window = open_window(qtbot, workspace, undo_stack)
    window.resize(800, 560)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.height() == 560)
    assert window.scroll_area.verticalScrollBar().maximum() > 0
    assert not window.scroll_area.isAncestorOf(window.close_button)
    assert window.close_button.isVisible()
    assert overlapping_widgets(window.scroll_area.widget()) == []


def test_enter_on_a_product_opens_its_actions_and_they_stay_open(qtbot, workspace,
                                                                 undo_stack):
    """QA 5: Enter opened the product's action set, and the same key then reached the
    window, which pressed the new editor's Save: it closed at once."""
    from PySide6.QtCore import Qt

    window = open_window(qtbot, workspace, undo_stack)
    window.show()
    qtbot.waitExposed(window)
    window.product_sets.setFocus()
    window.product_sets.setCurrentRow(0)
    qtbot.keyClick(window.product_sets, Qt.Key.Key_Return)
    assert window.set_dialog.isVisible()
    assert window.isVisible()
    window.set_dialog.reject()


def test_a_ticked_delay_cannot_be_zero(qtbot, workspace, undo_stack):
    """QA 5: "Run after a delay" ticked with 0 was accepted and silently meant no delay."""
    window = open_window(qtbot, workspace, undo_stack)
    window.product_edit.setText("Pool Scrubbing Mitt")
    click(qtbot, window.product_button)
    editor = window.set_dialog.steps_editor
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData("send_email"))
    click(qtbot, editor.add_button)
    editor.form.delay_check.setChecked(True)
    amount = editor.form.delay_edit.amount
    amount.setValue(0)
    assert amount.text() == "0"  # shown as given, and refused: not made 1 behind the user
    assert amount.value() is None and amount.problem() == "the delay must be more than 0"
    assert not window.set_dialog.save_button.isEnabled()
    amount.stepBy(-1)  # stepping keeps to the range
    assert amount.value() == 1
    editor.form.delay_check.setChecked(False)
    assert editor.form.delay_edit.amount.minimum() == 0


def test_the_no_delay_hint_shows_only_without_a_delay(qtbot, workspace, undo_stack):
    window = open_window(qtbot, workspace, undo_stack)
    window.show()
    window.product_edit.setText("Pool Scrubbing Mitt")
    click(qtbot, window.product_button)
    editor = window.set_dialog.steps_editor
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData("send_email"))
    click(qtbot, editor.add_button)
    assert editor.form.delay_hint.isVisible()
    editor.form.delay_check.setChecked(True)
    assert not editor.form.delay_hint.isVisible()
