"""In the window, an edit lints again only its own campaign, once, for the Warnings panel,
the canvas's badges and Save together; the workspace is not linted whole
(``domain/lint_cache.py``; tests/test_lint_incremental.py proves the findings exact)."""

from __future__ import annotations

import canvas_app.domain.lint_cache as lint_cache
from canvas_app.domain.workspace import Workspace
from canvas_app.ui.main_window import MainWindow


def test_an_edit_lints_its_campaign_once_and_no_whole_workspace(qtbot, window: MainWindow,
                                                                 monkeypatch) -> None:
    window.controller.findings()  # the opening's lint is done
    linted: list[str] = []
    real = lint_cache.lint_campaign

    def counting(workspace, campaign, *args):
        linted.append(campaign.id)
        return real(workspace, campaign, *args)

    def whole(self, now=None):
        raise AssertionError("the whole workspace linted")

    monkeypatch.setattr(lint_cache, "lint_campaign", counting)
    monkeypatch.setattr(Workspace, "lint", whole)
    campaign_id = window.current_campaign_id()
    window.controller.rename_node(campaign_id, "nurture", "Welcome")
    qtbot.waitUntil(lambda: bool(linted))
    window.lint_panel.refresh()
    window.scene.refresh_findings()
    assert linted == [campaign_id]
    window.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: len(linted) >= 2)
    window.lint_panel.refresh()
    window.scene.refresh_findings()
    assert linted == [campaign_id, campaign_id]
