"""Findings that time changes (a Wait until step whose time has passed) reach the Warnings
panel and the badges without an edit (long-session QA: the badge said the wait had passed
after a switch of campaigns, the panel did not list it until an unrelated edit)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from canvas_app.domain.steps import Step
from canvas_app.editing.settings_commands import ReplaceNodeCommand
from canvas_app.ui.main_window import LINT_CLOCK_MS, MainWindow


def passed_rows(window: MainWindow) -> list[str]:
    return [row.text for row in window.lint_panel._rows if "has passed" in row.text]


def test_a_wait_that_passes_is_listed_and_badged_without_an_edit(qtbot,
                                                                 window: MainWindow) -> None:
    assert window.lint_clock.isActive() and window.lint_clock.interval() == LINT_CLOCK_MS
    campaign_id = window.scene.campaign_id
    campaign = window.controller.campaign(campaign_id)
    node = next(n for n in campaign.nodes if n.kind == "sequence")
    until = datetime.now(UTC) + timedelta(seconds=1.5)
    steps = [*node.config.steps, Step("wait_until", until=until)]
    after = node.copy(config=type(node.config)(steps=steps))
    window.session.undo_stack.push(ReplaceNodeCommand(window.controller.workspace,
                                                      campaign_id, node, after))
    window.lint_panel._timer.stop()  # its refresh after the edit, done now
    window.lint_panel.refresh()
    window.scene.refresh_findings()
    assert passed_rows(window) == []
    qtbot.waitUntil(lambda: datetime.now(UTC) > until, timeout=3000)
    qtbot.wait(20)
    assert passed_rows(window) == []  # nothing has been edited since the time passed
    window._lint_clock_tick()  # what the clock does every LINT_CLOCK_MS
    assert len(passed_rows(window)) == 1
    assert any("has passed" in m for m in window.scene.findings_for(node.id))


def test_the_panel_follows_findings_the_canvas_asked_for_later(qtbot,
                                                               window: MainWindow) -> None:
    """The canvas asks for the findings at the current time when it shows a campaign; the
    clock's next tick lists what it got."""
    window.lint_panel.refresh()
    shown = window.lint_panel.shown_findings
    window._lint_clock_tick()
    assert window.lint_panel.shown_findings is shown  # nothing changed: nothing redone
    window.controller.rename_node(window.scene.campaign_id,
                                  window.controller.campaign(window.scene.campaign_id)
                                  .nodes[0].id, "Renamed by the test")
    window.scene.refresh_findings()  # as on switching campaigns
    window._lint_clock_tick()
    assert window.lint_panel.shown_findings is window.controller.findings()
