"""ordered_findings: one order for the Warnings list, whatever the edits (errors first, the
workspace's own, each campaign as listed, its own, then its nodes by name as read)."""

from __future__ import annotations

from canvas_app.domain.campaign import Finding
from canvas_app.domain.lint import ordered_findings, sort_text
from canvas_app.domain.nodes import Node
from canvas_app.domain.sequence import SequenceConfig
from canvas_app.domain.workspace import Workspace


def workspace(names: dict[str, list[tuple[str, str]]]) -> Workspace:
    ws = Workspace()
    for campaign_id, nodes in names.items():
        campaign = ws.new_campaign(campaign_id, campaign_id.upper())
        for node_id, name in nodes:
            campaign.add_node(Node(node_id, "sequence", name, config=SequenceConfig([])))
    return ws


def test_names_sort_as_read() -> None:
    names = ["Goal 10", "goal 2", "Goal  1", "Alpha", "goal 2b"]
    assert sorted(names, key=sort_text) == ["Alpha", "Goal  1", "goal 2", "goal 2b",
                                            "Goal 10"]


def test_errors_first_then_workspace_campaigns_and_names() -> None:
    ws = workspace({"b": [("n1", "Step 10"), ("n2", "Step 9")],
                    "a": [("n3", "Zed"), ("n4", "alpha")]})
    w = [Finding("warning", "b10", "n1", "b"), Finding("warning", "b9", "n2", "b"),
         Finding("warning", "a-own", None, "a"), Finding("error", "zed", "n3", "a"),
         Finding("warning", "zed", "n3", "a"), Finding("warning", "alpha 1", "n4", "a"),
         Finding("warning", "alpha 2", "n4", "a"), Finding("warning", "workspace"),
         Finding("error", "b9", "n2", "b"), Finding("error", "gone", "x", "gone")]
    got = [(f.severity, f.message) for f in ordered_findings(ws, w)]
    assert got == [
        ("error", "b9"),  # campaign "b" is listed first
        ("error", "zed"),
        ("error", "gone"),  # a campaign no longer there: last
        ("warning", "workspace"),  # about the workspace as a whole
        ("warning", "b9"), ("warning", "b10"),  # "Step 9" before "Step 10"
        ("warning", "a-own"),  # the campaign's own, before its nodes'
        ("warning", "alpha 1"), ("warning", "alpha 2"),  # one node's keep their order
        ("warning", "zed"),
    ]


def test_the_order_does_not_depend_on_the_order_found_or_of_the_nodes() -> None:
    first = workspace({"c": [("n1", "B"), ("n2", "A"), ("n3", "A")]})
    second = workspace({"c": [("n3", "A"), ("n2", "A"), ("n1", "B")]})  # as after an undo
    findings = [Finding("warning", node_id, node_id, "c") for node_id in ("n1", "n2", "n3")]
    expected = ["n2", "n3", "n1"]  # by name, then by id
    for ws in (first, second):
        for found in (findings, findings[::-1]):
            assert [f.node_id for f in ordered_findings(ws, found)] == expected


def test_a_node_id_in_two_campaigns_is_placed_in_its_own() -> None:
    ws = workspace({"a": [("n1", "Zed"), ("n2", "Alpha")], "b": [("n1", "Beta")]})
    findings = [Finding("warning", "b", "n1", "b"), Finding("warning", "a-zed", "n1", "a"),
                Finding("warning", "a-alpha", "n2", "a")]
    assert [f.message for f in ordered_findings(ws, findings)] == ["a-alpha", "a-zed", "b"]


def test_a_limit_gives_the_first_findings_of_the_same_order() -> None:
    ws = workspace({"a": [(f"a{i}", f"Step {i}") for i in range(12)],
                    "b": [(f"b{i}", f"Goal {i}") for i in range(12)]})
    findings = [Finding(severity, f"{severity} {node_id}", node_id, campaign)
                for campaign, prefix in (("b", "b"), ("a", "a")) for i in range(12)
                for node_id in [f"{prefix}{i}"] for severity in ("warning", "error")
                if (i % 3 or severity == "warning")]
    findings += [Finding("warning", "workspace"), Finding("error", "gone", None, "gone")]
    whole = ordered_findings(ws, findings)
    assert len(whole) == len(findings)
    for limit in range(len(findings) + 2):
        assert ordered_findings(ws, findings, limit=limit) == whole[:limit]
