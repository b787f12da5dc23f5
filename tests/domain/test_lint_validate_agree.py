"""Workspace.validate() and lint agree: every kind of problem validate() (and so the command
line's validate) refuses is a lint error in words people can act on, and a workspace
validate() passes has no lint error. QA: a node id used in two campaigns, or two contacts
with one id, opened with no error counted, the Warnings panel silent, and Simulate refused
it naming ids the app never shows.

Each broken workspace is a file opened as the app opens it (``load_draft``), except two
kinds no file can hold: the loader refuses an action set the app does not know and an action
of a kind it does not know before any workspace is built (a store or code could still make
them), so those are built in code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from canvas_app.domain.campaign import Finding
from canvas_app.domain.lint import finding_text
from canvas_app.domain.steps import Step
from canvas_app.domain.workspace import Workspace
from canvas_app.io import LoadError
from canvas_app.io.draft import load_draft
from canvas_app.io.workspace_file import workspace_from_data
from tests.domain.test_lint_wording import sentences

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
Data = dict[str, Any]


def sample() -> Data:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def node_id_in_two_campaigns(d: Data) -> None:
    """As QA did: campaign 2's first node takes the id of campaign 1's first node."""
    old, new = d["campaigns"][1]["nodes"][0]["id"], d["campaigns"][0]["nodes"][0]["id"]
    d["campaigns"][1]["nodes"][0]["id"] = new
    for edge in d["campaigns"][1]["edges"]:
        for end in ("source", "target"):
            if edge[end] == old:
                edge[end] = new


def contact_twice(d: Data) -> None:
    d["contacts"].append(dict(d["contacts"][0], first_name="Anna"))


def node_without_name(d: Data) -> None:
    d["campaigns"][0]["nodes"][0]["name"] = "  "


def goal_naming_missing_product(d: Data) -> None:
    goal = next(n for n in d["campaigns"][0]["nodes"] if n["kind"] == "purchase_goal")
    goal["config"]["products"] = ["ghost"]


def step_missing_value(d: Data) -> None:
    sequence = next(n for n in d["campaigns"][0]["nodes"] if n["kind"] == "sequence")
    sequence["steps"][0] = {"kind": "email", "subject": " "}


def product_in_missing_category(d: Data) -> None:
    d["catalog"]["products"][0]["category"] = "gone"


def catalog_id_in_two_sections(d: Data) -> None:
    d["catalog"]["order_forms"][0]["id"] = d["catalog"]["products"][0]["id"]


def payment_type_twice(d: Data) -> None:
    d["catalog"]["payment_types"].append(d["catalog"]["payment_types"][0])


def actions_of_missing_product(d: Data) -> None:
    d["ecommerce"]["product_action_sets"]["ghost"] = [{"kind": "apply_tag", "tag": "x"}]


def action_missing_value(d: Data) -> None:
    d["ecommerce"]["action_sets"]["on_login"][0] = {"kind": "send_email", "subject": ""}


def action_naming_missing_campaign(d: Data) -> None:
    d["ecommerce"]["action_sets"]["on_login"].append({"kind": "add_to_campaign",
                                                      "campaign": "gone"})


# Every kind of problem Workspace.validate() finds, one file each.
BROKEN_FILES: dict[str, Callable[[Data], None]] = {
    "node id in two campaigns": node_id_in_two_campaigns,
    "contact id twice": contact_twice,
    "node without a name": node_without_name,
    "goal settings (R11)": goal_naming_missing_product,
    "sequence step missing a value": step_missing_value,
    "product in a missing category": product_in_missing_category,
    "catalog id in two sections": catalog_id_in_two_sections,
    "payment type twice": payment_type_twice,
    "actions of a missing product": actions_of_missing_product,
    "action missing a value": action_missing_value,
    "action naming a missing campaign": action_naming_missing_campaign,
}


def unknown_action_set(ws: Workspace) -> None:
    ws.ecommerce.action_sets["on_birthday"] = [Step("apply_tag", tag="x")]


def unknown_action_kind(ws: Workspace) -> None:
    ws.ecommerce.action_sets["on_login"] = [Step("send_fax")]


# The kinds the file loader refuses before a workspace is built: made in code.
BROKEN_IN_CODE: dict[str, Callable[[Workspace], None]] = {
    "unknown action set": unknown_action_set,
    "action of an unknown kind": unknown_action_kind,
}


def opened(tmp_path: Path, change: Callable[[Data], None] | None) -> Workspace:
    data = sample()
    if change is not None:
        change(data)
    path = tmp_path / "broken.campaign.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_draft(path)


def built(change: Callable[[Workspace], None]) -> Workspace:
    ws = workspace_from_data(sample())
    change(ws)
    return ws


def errors(ws: Workspace) -> list[Finding]:
    return [f for f in ws.lint(NOW) if f.severity == "error"]


def test_the_sample_is_valid_and_has_no_lint_error(tmp_path: Path) -> None:
    ws = opened(tmp_path, None)
    assert ws.validate() == []
    assert errors(ws) == []


@pytest.mark.parametrize("kind", list(BROKEN_FILES))
def test_each_broken_file_opens_in_the_app_and_the_command_line_refuses_it(
        tmp_path: Path, kind: str) -> None:
    ws = opened(tmp_path, BROKEN_FILES[kind])
    assert ws.validate(), kind
    data = sample()
    BROKEN_FILES[kind](data)
    with pytest.raises(LoadError):
        workspace_from_data(data)  # the command line's validate and import


@pytest.mark.parametrize("kind", list(BROKEN_IN_CODE))
def test_the_loader_refuses_what_only_code_can_make(kind: str) -> None:
    """Why these two kinds are built in code: no file reaches validate() with them."""
    assert built(BROKEN_IN_CODE[kind]).validate()
    data = sample()
    if kind == "unknown action set":
        data["ecommerce"]["action_sets"]["on_birthday"] = [{"kind": "apply_tag", "tag": "x"}]
    else:
        data["ecommerce"]["action_sets"]["on_login"] = [{"kind": "send_fax"}]
    with pytest.raises(LoadError):
        load_draft_data(data)


def load_draft_data(data: Data) -> Workspace:
    from canvas_app.io.draft import draft_from_data

    return draft_from_data(data)


def every_broken_workspace(tmp_path: Path) -> list[tuple[str, Workspace]]:
    found = [(kind, opened(tmp_path, change)) for kind, change in BROKEN_FILES.items()]
    return found + [(kind, built(change)) for kind, change in BROKEN_IN_CODE.items()]


@pytest.mark.parametrize("kind", [*BROKEN_FILES, *BROKEN_IN_CODE])
def test_validate_refuses_exactly_when_lint_has_an_error(tmp_path: Path, kind: str) -> None:
    if kind in BROKEN_FILES:
        ws = opened(tmp_path, BROKEN_FILES[kind])
    else:
        ws = built(BROKEN_IN_CODE[kind])
    assert bool(ws.validate()) == bool(errors(ws)), kind
    assert ws.validate()


def test_a_workspace_with_warnings_only_passes_validate(tmp_path: Path) -> None:
    """The other way round: lint's warnings are not errors validate() would refuse."""
    ws = opened(tmp_path, None)
    ws.campaigns[0].add_node(type(ws.campaigns[0].nodes[0])(
        "stray", "sequence", "Stray", config=ws.campaigns[0].nodes[0].config))
    assert [f for f in ws.lint(NOW) if f.severity == "warning"]
    assert ws.validate() == [] and errors(ws) == []


def messages(ws: Workspace) -> str:
    return " | ".join(f.message for f in errors(ws))


def test_a_node_id_in_two_campaigns_is_an_error_on_both_nodes_by_name(tmp_path: Path) -> None:
    ws = opened(tmp_path, node_id_in_two_campaigns)
    first, second = ws.campaigns
    node_id = first.nodes[0].id
    found = [f for f in errors(ws) if "same id" in f.message]
    assert {(f.campaign_id, f.node_id) for f in found} == {(first.id, node_id),
                                                           (second.id, node_id)}
    on_first = next(f for f in found if f.campaign_id == first.id)
    assert f'"{first.nodes[0].name}" has the same id ({node_id}) as ' \
           f'"{second.nodes[0].name}" in campaign "{second.name}"' in on_first.message
    assert "Duplicate it: a copy gets an id of its own" in on_first.message
    assert f'"{node_id}"' not in on_first.message  # the id only in parentheses


def test_contacts_with_one_id_are_named_and_sent_to_the_file(tmp_path: Path) -> None:
    ws = opened(tmp_path, contact_twice)
    (found,) = [f for f in errors(ws) if "same id" in f.message]
    assert found.node_id is None and found.campaign_id is None
    assert found.message.startswith('Contacts "Ana Diaz" and "Anna Diaz" have the same id '
                                    "(c-ana)")
    assert "Contacts are not edited in the app" in found.message
    assert "workspace file" in found.message


def test_a_node_without_a_name_is_an_error_on_it(tmp_path: Path) -> None:
    ws = opened(tmp_path, node_without_name)
    node = ws.campaigns[0].nodes[0]
    (found,) = [f for f in errors(ws) if "no name" in f.message]
    assert (found.campaign_id, found.node_id) == (ws.campaigns[0].id, node.id)
    assert "Rename" in found.message
    assert finding_text(ws, found).startswith(f"{ws.campaigns[0].name} › (no name): This ")


@pytest.mark.parametrize("kind", [*BROKEN_FILES, *BROKEN_IN_CODE])
def test_new_errors_follow_lints_punctuation(tmp_path: Path, kind: str) -> None:
    """One sentence: no full stop; several: a full stop at the end (test_lint_wording)."""
    ws = opened(tmp_path, BROKEN_FILES[kind]) if kind in BROKEN_FILES \
        else built(BROKEN_IN_CODE[kind])
    for message in (f.message for f in errors(ws)):
        if sentences(message) > 1:
            assert message.endswith(".") and not message.endswith(".."), message
        else:
            assert not message.endswith((".", "!", "?")), message


def test_three_campaigns_sharing_a_node_id_name_the_two_others(tmp_path: Path) -> None:
    ws = opened(tmp_path, None)
    first = ws.campaigns[0]
    node = first.nodes[0]
    third = ws.new_campaign("third", "Third")
    third.add_node(type(node)(node.id, node.kind, "Copy", config=node.config))
    second = ws.campaigns[1]
    second.add_node(type(node)(node.id, node.kind, "Other", config=node.config))
    on_third = next(f for f in errors(ws) if f.campaign_id == "third")
    assert f'"{node.name}" in campaign "{first.name}" and "Other" in campaign ' \
           f'"{second.name}"' in on_third.message
    assert len([p for p in ws.validate() if "used twice" in p.message]) == 2
