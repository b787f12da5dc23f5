"""Enter saves after the keyboard focus has passed Save and Cancel (QA, HIGH): Qt took the
dialog's default from Save as Tab left it, so Enter in a field did nothing afterwards and
Save lost its default frame. Real key presses, in every dialog with Save and Cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from canvas_app.ui.dialogs import open_ecommerce_actions, open_node_editor
from canvas_app.ui.dialogs.catalog_item import CatalogItemDialog

from .helpers import add_step_of, click

EDITORS = [("shock-nurture", "bought-shock"),  # purchase goal
           ("checkup-onboarding", "visit-booked"),  # tag goal
           ("shock-nurture", "nurture")]  # sequence


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    # focus events (which took the default from Save) reach an active window only
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press(qtbot, dialog, key) -> str:
    """Presses ``key`` in the focused widget; the object name of the widget focused then."""
    qtbot.keyClick(dialog.focusWidget(), key)
    return dialog.focusWidget().objectName()


def through_the_buttons_and_back(qtbot, dialog, field) -> None:
    """The QA's keys from ``field`` (the first Tab stop): Shift+Tab twice (Cancel, Save),
    Tab twice (Cancel, back into ``field``)."""
    field.setFocus()
    assert press(qtbot, dialog, Qt.Key.Key_Backtab) == "cancelButton"
    assert press(qtbot, dialog, Qt.Key.Key_Backtab) == "saveButton"
    assert press(qtbot, dialog, Qt.Key.Key_Tab) == "cancelButton"
    assert dialog.focusWidget() is not field
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is field
    assert dialog.save_button.isDefault()  # its frame is back: Enter presses it


@pytest.mark.parametrize(("campaign", "node"), EDITORS)
def test_node_editor_enter_saves_after_tabbing_through_the_buttons(
        qtbot, workspace, undo_stack, campaign, node):
    dialog = shown(qtbot, open_node_editor(None, workspace, undo_stack, campaign, node))
    through_the_buttons_and_back(qtbot, dialog, dialog.name_edit)
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Renamed by keys")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert workspace.campaign(campaign).node(node).name == "Renamed by keys"
    assert undo_stack.count() == 1


@pytest.mark.parametrize(("campaign", "node"), EDITORS)
def test_node_editor_enter_saves_after_tabbing_forward_past_cancel(
        qtbot, workspace, undo_stack, campaign, node):
    """Tab from the form's end through Save and Cancel round to the name, then Enter."""
    dialog = shown(qtbot, open_node_editor(None, workspace, undo_stack, campaign, node))
    dialog.save_button.setFocus()
    assert press(qtbot, dialog, Qt.Key.Key_Tab) == "cancelButton"
    assert press(qtbot, dialog, Qt.Key.Key_Tab) == "nameEdit"
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.name_edit, " (loop)")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert workspace.campaign(campaign).node(node).name.endswith(" (loop)")


@pytest.mark.parametrize("section", ["products", "categories", "order_forms",
                                     "payment_types"])
def test_catalog_item_enter_saves_after_tabbing_through_the_buttons(qtbot, workspace,
                                                                    section):
    catalog = workspace.catalog
    item = {"products": catalog.products.get("mitt"),
            "categories": next(iter(catalog.categories.values())),
            "order_forms": next(iter(catalog.order_forms.values())),
            "payment_types": None}[section]
    dialog = shown(qtbot, CatalogItemDialog(catalog, section, item))
    if item is None:  # a new payment type: Save waits for a name
        qtbot.keyClicks(dialog.name_edit, "Store credit")
    assert dialog.save_button.isEnabled()
    through_the_buttons_and_back(qtbot, dialog, dialog.name_edit)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.name_edit, " two")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    saved = dialog.value()
    assert saved is not None
    if section == "payment_types":
        assert saved == "store_credit_two"
    else:
        assert saved.name.endswith(" two")


def action_set(qtbot, workspace, undo_stack, key: str = "contact_creation"):
    """The QA's way in: E-Commerce Actions, then the set's Actions button."""
    window = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    click(qtbot, window.set_buttons[key])
    dialog = window.set_dialog
    assert dialog is not None and dialog.key == key
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    # focus events (which took the default from Save) reach an active window only
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_action_set_enter_saves_after_tabbing_through_the_buttons(qtbot, workspace,
                                                                  undo_stack):
    dialog = action_set(qtbot, workspace, undo_stack)
    through_the_buttons_and_back(qtbot, dialog, dialog.copy_combo)
    qtbot.keyClick(dialog.copy_combo, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_action_set_enter_in_a_field_saves_what_was_typed(qtbot, workspace, undo_stack):
    """From an action's field Tab to Save and Cancel, Shift+Tab back to the field, type,
    Enter: the typed message is saved."""
    dialog = action_set(qtbot, workspace, undo_stack)
    editor = dialog.steps_editor
    add_step_of(qtbot, editor, "notify_team")
    field = editor.form.message_edit
    field.setFocus()
    qtbot.keyClicks(field, "Call")  # an empty message is a problem: Save is disabled
    stops: list[str] = []
    while "cancelButton" not in stops and len(stops) < 20:
        stops.append(press(qtbot, dialog, Qt.Key.Key_Tab))
    assert stops[-2:] == ["saveButton", "cancelButton"], stops
    for _ in range(len(stops)):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Backtab)
    assert dialog.focusWidget() is field
    assert dialog.save_button.isDefault()
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, " them")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = workspace.ecommerce.action_sets["contact_creation"]
    assert [a.message for a in saved if a.kind == "notify_team"] == ["Call them"]


def test_enter_on_the_focused_cancel_cancels(qtbot, workspace, undo_stack):
    """Cancel with the focus takes the default frame, and Enter there cancels (nothing
    was changed, so nothing is asked)."""
    dialog = shown(qtbot, open_node_editor(None, workspace, undo_stack, "shock-nurture",
                                           "bought-shock"))
    dialog.name_edit.setFocus()
    assert press(qtbot, dialog, Qt.Key.Key_Backtab) == "cancelButton"
    assert dialog.cancel_button.isDefault() and not dialog.save_button.isDefault()
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert undo_stack.count() == 0


def test_enter_with_focus_on_add_step_saves_and_adds_nothing(qtbot, workspace, undo_stack):
    """Buttons other than Save and Cancel never take Enter, also after Tab passed Save."""
    dialog = action_set(qtbot, workspace, undo_stack)
    count = len(dialog.steps_editor.steps())
    dialog.save_button.setFocus()
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Backtab)
    dialog.steps_editor.add_button.setFocus()
    qtbot.keyClick(dialog.steps_editor.add_button, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(workspace.ecommerce.action_sets["contact_creation"]) == count
