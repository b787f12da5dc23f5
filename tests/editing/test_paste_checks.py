"""Pasting checks the clipboard's nodes as a file's nodes are checked, before anything
changes, and carries the catalog items the nodes name (QA: a self-link pasted pushed a
broken Undo entry; JSON from another application raised KeyError; a goal pasted into
another workspace named products its catalog lacked, without a word)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.catalog import Catalog, Category, Product
from canvas_app.domain.workspace import Workspace
from canvas_app.editing import clipboard
from canvas_app.editing.paste_checks import (
    NOTHING_TO_PASTE,
    PasteRefused,
    catalog_data,
    check_paste,
    pasted_text,
)
from canvas_app.io import load_workspace, workspace_to_data
from canvas_app.io.workspace_file import workspace_from_data

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"
CHECKUP = "checkup-onboarding"


def _tag(**changes: object) -> dict:
    node = {"kind": "tag_goal", "id": "a", "name": "Tagged", "x": 0, "y": 0,
            "config": {"tags": ["vip"]}}
    node.update(changes)
    return node


def _seq(node_id: str = "a", **changes: object) -> dict:
    node = {"kind": "sequence", "id": node_id, "name": f"Seq {node_id}", "x": 0, "y": 0}
    node.update(changes)
    return node


def _purchase(config: object) -> dict:
    return {"kind": "purchase_goal", "id": "a", "name": "Bought", "x": 0, "y": 0,
            "config": config}


def _refusal(data: object, workspace: Workspace | None = None) -> str:
    workspace = workspace or Workspace()
    before = workspace_to_data(workspace)
    with pytest.raises(PasteRefused) as caught:
        check_paste(data, workspace)
    assert workspace_to_data(workspace) == before  # nothing changed
    return str(caught.value)


# -- A and B: what is refused, and how it is said --------------------------------------------
@pytest.mark.parametrize(("data", "words"), [
    # A: the domain refuses these links (a DomainError inside redo before)
    ({"nodes": [_seq(name="Loop")], "edges": [{"source": "a", "target": "a"}]},
     ["edges[0]", "a node cannot link to itself"]),
    ({"nodes": [_seq("a"), _seq("b")],
      "edges": [{"source": "a", "target": "b"}, {"source": "a", "target": "b"}]},
     ["edges[1]", "already links to"]),
    ({"nodes": [_seq("a")], "edges": [{"source": "a", "target": "zz"}]},
     ["edges[0].target", 'no node "zz" among the copied nodes']),
    ({"nodes": [_seq("a"), _seq("a")]}, ["nodes[1].id", "used twice"]),
    # B: JSON from other applications, and bad values
    ({"nodes": [{"id": "a"}], "links": []}, ["nodes[0]", 'the key "kind" is missing']),
    ({"nodes": [1]}, ["nodes[0]", "expected an object, found 1"]),
    ({"nodes": [_tag(kind="bogus")]}, ["nodes[0].kind", 'unknown node kind "bogus"']),
    ({"nodes": [_tag(x="abc")]}, ["nodes[0].x", 'expected a number, found "abc"']),
    ({"nodes": [_tag(x=float("nan"))]}, ["nodes[0].x", "not a finite number"]),
    ({"nodes": [_tag(y=1e300)]}, ["nodes[0].y", "too large"]),
    ({"nodes": [_purchase("junk")]}, ["nodes[0].config", 'expected an object, found "junk"']),
    ({"nodes": [_seq(steps="junk")]}, ["nodes[0].steps", 'expected an array, found "junk"']),
    ({"nodes": [_seq(steps=[{"kind": "teleport"}])]},
     ["nodes[0].steps[0].kind", 'unknown step kind "teleport"']),
    ({"nodes": [_seq(steps=[{"kind": "delay", "duration": "PT1.5S"}])]},
     ["nodes[0].steps[0].duration", "whole number of seconds"]),
    ({"nodes": [_tag(name="")]}, ["nodes[0].name", "name cannot be empty"]),
    ({"nodes": [_tag(name="   ")]}, ["nodes[0].name", "name cannot be empty"]),
    ({"nodes": [_tag(name="A\x00B")]}, ["nodes[0].name", "NUL"]),
    ({"nodes": [_purchase({"products": ["nope"], "payment_types": "any"})]},
     ["nodes[0].config.products[0]", 'no product "nope"']),
    ({"nodes": [_purchase({"any_purchase": True, "payment_types": ["bitcoin"]})]},
     ["nodes[0].config.payment_types[0]", 'no payment type "bitcoin"']),
    ({"nodes": [_tag()], "edges": "junk"}, ["edges", "expected an array"]),
    ({"nodes": [_tag()], "catalog": {"products": [{"id": "p"}]}},
     ["catalog.products[0]", 'the key "name" is missing']),
])
def test_bad_clipboard_data_is_refused_with_one_located_sentence(data: dict,
                                                                  words: list[str]) -> None:
    message = _refusal(data)
    assert message.startswith("The clipboard's nodes cannot be pasted: ")
    assert message.endswith(".") and "\n" not in message
    assert "campaigns[0]" not in message  # the clipboard's own keys, not the file's
    for word in words:
        assert word in message


@pytest.mark.parametrize("data", [None, 5, [], {}, {"nodes": 5}, {"nodes": []},
                                  {"links": [{"id": "a"}]}])
def test_no_nodes_at_all(data: object) -> None:
    assert _refusal(data) == NOTHING_TO_PASTE


def test_a_product_carried_without_its_category_is_refused() -> None:
    data = {"nodes": [_purchase({"products": ["p"], "payment_types": "any"})],
            "catalog": {"products": [{"id": "p", "name": "P", "category": "gone"}]}}
    message = _refusal(data)
    assert "catalog.products[0].category" in message and 'no category "gone"' in message


def test_incomplete_settings_still_paste_as_a_draft_opens() -> None:
    """A goal with no option ticked yet, a tag goal with no tag, a sequence with no steps:
    the draft loader opens them (the canvas shows warnings), and so does a paste."""
    data = {"nodes": [_purchase({"any_purchase": False, "payment_types": "any"}),
                      _tag(id="b", config={"tags": []}), _seq("c")],
            "edges": [{"source": "a", "target": "c"}]}
    plan = check_paste(data, Workspace())
    assert [n.id for n in plan.nodes] == ["a", "b", "c"]
    assert plan.links == [("a", "c")]
    assert plan.catalog is None and not plan.added
    assert plan.nodes[0].spec.validate(plan.nodes[0].config, Catalog())  # still incomplete


def test_a_copy_of_the_workspaces_own_nodes_passes() -> None:
    workspace = load_workspace(SAMPLE)
    for campaign in workspace.campaigns:
        ids = [n.id for n in campaign.nodes]
        plan = check_paste(clipboard.copy_nodes(campaign, ids, workspace.catalog), workspace)
        assert [n.id for n in plan.nodes] == ids
        assert sorted(plan.links) == sorted(campaign.edges)
        assert plan.catalog is None and not plan.added and not plan.kept
        assert [n.config for n in plan.nodes] == [n.config for n in campaign.nodes]


# -- C: the catalog items a copy carries -----------------------------------------------------
def _subscribed() -> dict:
    workspace = load_workspace(SAMPLE)
    return clipboard.copy_nodes(workspace.campaign(CHECKUP), ["subscribed"], workspace.catalog)


def test_a_copy_carries_the_items_its_goals_name_with_all_they_hold() -> None:
    carried = _subscribed()["catalog"]
    assert carried == {
        "categories": [{"id": "services", "name": "Services"}],
        "products": [{"id": "checkup", "name": "Weekly Pool Checkup", "category": "services",
                      "price": 49.0, "billing": "subscription"}],
        "order_forms": [],
        "payment_types": ["credit_card", "paypal"],
    }


def test_catalog_data_takes_a_products_category_and_nothing_unnamed() -> None:
    workspace = load_workspace(SAMPLE)
    nodes = [workspace.campaign("shock-nurture").node("bought-shock")]
    carried = catalog_data(workspace.catalog, nodes)
    assert [p["id"] for p in carried["products"]] == ["shock"]
    assert [c["id"] for c in carried["categories"]] == ["chemicals"]  # shock's category
    assert carried["order_forms"] == [] and carried["payment_types"] == []  # "any"


def _bare_workspace(catalog: Catalog | None = None) -> Workspace:
    workspace = Workspace(catalog or Catalog(payment_types=["credit_card"]))
    workspace.add_campaign(Campaign("c", "C"))
    return workspace


def test_a_paste_into_a_catalog_lacking_the_items_adds_them() -> None:
    target = _bare_workspace()
    plan = check_paste(_subscribed(), target)
    assert target.catalog == Catalog(payment_types=["credit_card"])  # not yet: on push
    assert plan.catalog is not None
    assert plan.catalog.products["checkup"] == Product("checkup", "Weekly Pool Checkup",
                                                       "services", 49.0, "subscription")
    assert plan.catalog.categories == {"services": Category("services", "Services")}
    assert plan.catalog.payment_types == ["credit_card", "paypal"]
    assert pasted_text("Pasted", 1, plan) == (
        'Pasted 1 node, and added to the catalog: product "Weekly Pool Checkup", '
        'category "Services", payment type "paypal".')
    # the result is a workspace the strict loader (and canvas-app validate) accepts
    target.set_catalog(plan.catalog)
    target.campaign("c").add_many(plan.nodes, plan.links)
    workspace_from_data(json.loads(json.dumps(workspace_to_data(target))))


def test_an_id_the_target_holds_is_kept_as_it_is_there_and_a_name_change_is_said() -> None:
    catalog = Catalog(categories={"services": Category("services", "Services")},
                      products={"checkup": Product("checkup", "Checkup visit", "services",
                                                   10.0)},
                      payment_types=["credit_card", "paypal"])
    plan = check_paste(_subscribed(), _bare_workspace(catalog))
    assert plan.catalog is None and not plan.added  # nothing to add
    assert plan.nodes[0].config.products == ["checkup"]
    text = pasted_text("Pasted", 1, plan)
    assert text.startswith("Pasted 1 node.")
    assert '"Weekly Pool Checkup"' in text and '"Checkup visit"' in text and "kept" in text


def test_an_id_another_section_uses_and_a_name_taken_give_a_free_id_and_name() -> None:
    catalog = Catalog(categories={"checkup": Category("checkup", "Checkups")},
                      products={"p1": Product("p1", "Weekly pool checkup")},
                      payment_types=["credit_card", "paypal"])
    target = _bare_workspace(catalog)
    plan = check_paste(_subscribed(), target)
    assert plan.catalog is not None
    added = plan.catalog.products["checkup-2"]
    assert added.name == "Weekly Pool Checkup (2)" and added.category == "services"
    assert plan.nodes[0].config.products == ["checkup-2"]
    assert plan.nodes[0].config.categories == ["services"]
    assert 'is added as "Weekly Pool Checkup (2)"' in pasted_text("Pasted", 1, plan)
    target.set_catalog(plan.catalog)
    target.campaign("c").add_many(plan.nodes, plan.links)
    assert not target.validate()


def test_a_goal_naming_an_item_neither_catalog_holds_is_refused() -> None:
    data = _subscribed()
    del data["catalog"]  # a copy without its catalog (another program, an older version)
    message = _refusal(data, _bare_workspace())
    assert "nodes[0].config.products[0]" in message and 'no product "checkup"' in message
