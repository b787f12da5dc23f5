"""Two campaigns of one name (QA 20: a merge of a teammate's save brought in a second
"Summer Sale" with no word): a warning on each, capitals and spaces aside, in the kept lint
as in a fresh one."""

from __future__ import annotations

from datetime import UTC, datetime

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.lint import lint_workspace
from canvas_app.domain.lint_cache import LintCache
from canvas_app.domain.workspace import Workspace

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def named(findings, word: str = "campaigns are named") -> list[tuple[str, str | None]]:
    return [(f.message, f.campaign_id) for f in findings if word in f.message]


def test_two_campaigns_of_one_name_have_a_warning_each() -> None:
    workspace = Workspace()
    cache = LintCache(workspace)
    workspace.events.subscribe(cache.changed)
    workspace.add_campaign(Campaign("a", "Summer Sale"))
    workspace.add_campaign(Campaign("b", "Winter"))
    assert named(lint_workspace(workspace, NOW)) == [] == named(cache.findings(NOW))
    workspace.add_campaign(Campaign("c", "summer  SALE"))
    found = named(lint_workspace(workspace, NOW))
    assert [campaign for _message, campaign in found] == ["a", "c"]
    assert found[0][0].startswith('2 campaigns are named "Summer Sale": ')
    assert all(f.severity == "warning" for f in lint_workspace(workspace, NOW)
               if "campaigns are named" in f.message)
    assert cache.findings(NOW) == lint_workspace(workspace, NOW)
    workspace.rename_campaign("c", "Autumn")
    assert named(cache.findings(NOW)) == [] == named(lint_workspace(workspace, NOW))
