"""Deleting a campaign: the question, the e-commerce actions that name it, one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from canvas_app.domain.campaign_usage import actions_using_campaign
from canvas_app.ui.lint_panel import FINDING_ROLE
from canvas_app.ui.main_window import MainWindow

from .conftest import canonical


def _on_login_kinds(window: MainWindow) -> list[str]:
    return [a.kind for a in window.controller.workspace.ecommerce.action_sets["on_login"]]


def test_delete_campaign_asks_and_removes_its_actions_in_one_undo(window: MainWindow) -> None:
    ws = window.controller.workspace
    before = canonical(ws)
    questions: list[str] = []
    window.campaign_list.ask_delete = lambda q: questions.append(q) or True
    window.campaign_list.select("shock-nurture")
    window.campaign_list.buttons["delete"].click()
    assert questions == [
        'Delete campaign "Pool Shock Nurture" and its 3 nodes? Action 2 of the "On Login '
        '(Multi-Step Cart)" action set adds contacts to it; that action will be removed too.']
    assert not ws.has_campaign("shock-nurture")
    assert _on_login_kinds(window) == ["apply_tag"]
    assert ws.validate() == []
    stack = window.controller.undo_stack
    stack.undo()
    assert ws.has_campaign("shock-nurture")
    assert _on_login_kinds(window) == ["apply_tag", "add_to_campaign"]
    assert canonical(ws) == before
    stack.redo()
    assert not ws.has_campaign("shock-nurture") and ws.validate() == []


def test_cancel_keeps_the_campaign_and_its_actions(window: MainWindow) -> None:
    ws = window.controller.workspace
    before = canonical(ws)
    window.campaign_list.ask_delete = lambda _q: False
    window.campaign_list.select("shock-nurture")
    assert not window.campaign_list.delete_current()
    assert canonical(ws) == before
    assert not window.controller.undo_stack.canUndo()


def test_empty_unnamed_campaign_is_deleted_without_asking(window: MainWindow) -> None:
    def never(question: str) -> bool:
        raise AssertionError(f"asked: {question}")

    window.campaign_list.ask_delete = never
    campaign_id = window.controller.new_campaign()
    window.campaign_list.select(campaign_id)
    assert window.campaign_list.delete_current()
    assert not window.controller.workspace.has_campaign(campaign_id)


def test_question_lists_every_action_naming_the_campaign(window: MainWindow) -> None:
    ws = window.controller.workspace
    eco = ws.ecommerce.copy()
    eco.action_sets["contact_creation"] = [
        *eco.action_sets["contact_creation"],
        eco.action_sets["on_login"][1]]
    ws.set_ecommerce(eco)
    assert len(actions_using_campaign(ws, "shock-nurture")) == 2
    question = window.campaign_list.delete_question("shock-nurture")
    assert question.count("adds contacts to it.") == 2
    assert question.endswith("These 2 actions will be removed too.")
    window.controller.delete_campaign("shock-nurture")
    assert ws.validate() == []


def test_lint_panel_lists_and_activates_a_finding_without_campaign(window: MainWindow) -> None:
    ws = window.controller.workspace
    ws.remove_campaign("shock-nurture")  # bypassing the controller: the action dangles
    window.lint_panel.refresh()
    panel = window.lint_panel
    rows = [panel.item(i) for i in range(panel.count())]
    row = next(r for r in rows if "no longer exists" in r.text())
    assert row.data(FINDING_ROLE)
    assert panel.findings_count() >= 1
    panel.itemActivated.emit(row)
    assert "no longer exists" in window.statusBar().currentMessage()


def test_the_question_box_defaults_to_cancel(window: MainWindow) -> None:
    question = window.campaign_list.delete_question("shock-nurture")
    box = window.campaign_list.delete_box(question)
    box.deleteLater()  # a child of the list; never shown
    assert box.text() == question
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.standardButtons() == (QMessageBox.StandardButton.Yes
                                     | QMessageBox.StandardButton.Cancel)


def test_undoing_new_campaign_returns_to_the_campaign_shown_before(window: MainWindow) -> None:
    window.campaign_list.select("shock-nurture")  # the first of two; the new one is third
    window.campaign_list.new_campaign()
    assert window.current_campaign_id() not in ("shock-nurture", "checkup-onboarding")
    window.session.undo_stack.undo()
    assert window.current_campaign_id() == "shock-nurture"  # not the new one's neighbour
    window.campaign_list.select("shock-nurture")
    window.campaign_list.select("checkup-onboarding")
    window.campaign_list.new_campaign()
    window.campaign_list.select("shock-nurture")
    window.session.undo_stack.undo()  # the new one goes while another is shown: no jump
    assert window.current_campaign_id() == "shock-nurture"
