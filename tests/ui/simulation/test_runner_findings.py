"""F5 checks the workspace can run without linting it all again: the lint that names the
first error is asked for only when validate() finds one, and from the controller's kept
findings when the panel hands them over (a full lint of 12,000 nodes took a quarter of a
second at every F5)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from canvas_app.domain.workspace import Workspace
from canvas_app.editing.controller import Controller
from canvas_app.io import load_workspace
from canvas_app.ui.simulation.runner import (
    SimRunner,
    WorkspaceNotRunnable,
    check_runnable,
    snapshot,
)
from tests.ui.canvas.conftest import SAMPLE

SCENARIO = SAMPLE.parent / "pool-store.scenario.json"


def no_full_lint(monkeypatch: pytest.MonkeyPatch) -> None:
    def lint(self, now=None):
        raise AssertionError("a full lint")

    monkeypatch.setattr(Workspace, "lint", lint)


def test_a_runnable_workspace_is_not_linted(monkeypatch) -> None:
    workspace = load_workspace(SAMPLE)
    asked: list[int] = []
    no_full_lint(monkeypatch)
    check_runnable(workspace, None, lambda: asked.append(1) or [])
    check_runnable(workspace)
    assert asked == []


def test_the_first_error_is_named_from_the_kept_findings(monkeypatch) -> None:
    workspace = load_workspace(SAMPLE)
    controller = Controller(workspace, QUndoStack())
    campaign, goal = next((c, n) for c in workspace.campaigns for n in c.nodes
                          if n.kind == "tag_goal")
    campaign.set_config(goal.id, type(goal.config)(tags=[]))  # no tag: an error (R11)
    with pytest.raises(WorkspaceNotRunnable) as full:
        check_runnable(snapshot(workspace))
    expected = str(full.value)
    kept = controller.findings()
    asked: list[int] = []

    def findings():
        asked.append(1)
        return kept

    no_full_lint(monkeypatch)
    with pytest.raises(WorkspaceNotRunnable) as error:
        SimRunner().load(workspace, str(SCENARIO), findings=findings)
    assert asked == [1]
    assert str(error.value) == expected
    assert goal.name in expected
