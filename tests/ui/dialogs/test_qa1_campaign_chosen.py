"""QA1 4: an "Add to campaign" action took the first campaign in the list ("Pool Shock
Nurture") without being asked, easy to save unnoticed. E-commerce actions belong to the
workspace, not to a campaign being edited, so none is preset: the box says to choose one,
is marked, and Save waits, with the reason, until one is chosen."""

from __future__ import annotations

import pytest

from canvas_app.ui.dialogs import open_ecommerce_actions


@pytest.mark.parametrize("kind", ["add_to_campaign", "remove_from_campaign"])
def test_a_new_campaign_action_asks_for_its_campaign(qtbot, workspace, undo_stack, kind):
    window = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(window)
    dialog = window.open_set("product:stabilizer")
    qtbot.addWidget(dialog)
    editor = dialog.steps_editor
    editor.add(kind)
    combo = editor.form.campaign_combo
    assert combo.isVisibleTo(dialog)
    assert combo.currentIndex() == -1 and combo.currentData() is None
    assert combo.placeholderText() == "Choose a campaign…"
    assert combo.property("invalid") in (True, "true")
    assert not dialog.save_button.isEnabled()
    assert "needs a campaign" in dialog.problem_label.text()
    assert editor.list.item(editor.list.count() - 1).text().endswith(
        "no campaign chosen yet")
    combo.setCurrentIndex(combo.findData("checkup-onboarding"))
    assert dialog.save_button.isEnabled() and not dialog.problem_label.text()
    assert dialog.value()[-1].campaign == "checkup-onboarding"
    dialog.save_button.click()
    actions = workspace.ecommerce.product_action_sets["stabilizer"]
    assert (actions[-1].kind, actions[-1].campaign) == (kind, "checkup-onboarding")


def test_changing_between_campaign_kinds_keeps_the_choice(qtbot, workspace, undo_stack):
    window = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(window)
    dialog = window.open_set("product:stabilizer")
    qtbot.addWidget(dialog)
    editor = dialog.steps_editor
    editor.add("add_to_campaign")
    form = editor.form
    form.campaign_combo.setCurrentIndex(form.campaign_combo.findData("checkup-onboarding"))
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("remove_from_campaign"))
    assert form.campaign_combo.currentData() == "checkup-onboarding"
