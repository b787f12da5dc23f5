"""Properties of the three-way merge (canvas_app/io/merge.py) on random workspaces edited by
random sequences of the domain's own edits."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from canvas_app.domain.catalog import Product
from canvas_app.domain.contacts import Contact
from canvas_app.domain.nodes import Node, node_kinds
from canvas_app.domain.steps import Step
from canvas_app.domain.workspace import Workspace
from canvas_app.io.draft import draft_from_data
from canvas_app.io.merge import merge_workspaces
from canvas_app.io.workspace_file import (
    campaign_to_data,
    dumps_workspace,
    parse_json,
    workspace_to_data,
)
from tests.strategies import coordinates, required_texts, workspaces

SETTINGS = settings(max_examples=100, deadline=None)


def copy_of(workspace: Workspace) -> Workspace:
    return draft_from_data(parse_json(dumps_workspace(workspace)))


def text(workspace: Workspace) -> str:
    return dumps_workspace(workspace)


def edit_campaign(data: st.DataObject, workspace: Workspace, campaign_id: str, tag: str,
                  count: int) -> None:
    """``count`` random edits of one campaign through its own methods; new node ids start
    with ``tag`` so that two copies never make the same id."""
    campaign = workspace.campaign(campaign_id)
    for step in range(count):
        ids = [n.id for n in campaign.nodes]
        op = data.draw(st.sampled_from(["add", "rename", "move", "remove", "link", "unlink",
                                        "settings", "rename_campaign"]))
        if op == "add" or (not ids and op != "rename_campaign"):
            node_id = f"{tag}{step}"
            if node_id not in workspace.all_node_ids():
                kind = data.draw(st.sampled_from(list(node_kinds())))
                campaign.add_node(Node(node_id, kind, data.draw(required_texts),
                                       data.draw(coordinates), data.draw(coordinates)))
        elif op == "rename":
            campaign.rename(data.draw(st.sampled_from(ids)), data.draw(required_texts))
        elif op == "move":
            campaign.move(data.draw(st.sampled_from(ids)), data.draw(coordinates),
                          data.draw(coordinates))
        elif op == "remove":
            campaign.remove_node(data.draw(st.sampled_from(ids)))
        elif op == "link":
            source, target = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
            if campaign.can_link(source, target) is None:
                campaign.link(source, target)
        elif op == "unlink" and campaign.edges:
            campaign.unlink(*data.draw(st.sampled_from(campaign.edges)))
        elif op == "settings":
            node = campaign.node(data.draw(st.sampled_from(ids)))
            campaign.set_config(node.id, node.spec.make_config())
        elif op == "rename_campaign":
            workspace.rename_campaign(campaign_id, data.draw(required_texts))


def edit_workspace(data: st.DataObject, workspace: Workspace, tag: str) -> None:
    """Random edits anywhere: campaigns, catalog, payment types, e-commerce, contacts."""
    for step in range(data.draw(st.integers(0, 6))):
        op = data.draw(st.sampled_from(["campaign", "add_campaign", "remove_campaign",
                                        "product", "remove_product", "payment_type",
                                        "ecommerce", "contact"]))
        campaigns = [c.id for c in workspace.campaigns]
        catalog = workspace.catalog
        if op == "campaign" and campaigns:
            edit_campaign(data, workspace, data.draw(st.sampled_from(campaigns)),
                          f"{tag}{step}-", data.draw(st.integers(1, 4)))
        elif op == "add_campaign" and not workspace.has_campaign(f"{tag}c{step}"):
            workspace.new_campaign(f"{tag}c{step}", data.draw(required_texts))
        elif op == "remove_campaign" and campaigns:
            workspace.remove_campaign(data.draw(st.sampled_from(campaigns)))
        elif op == "product":
            product_id = data.draw(st.sampled_from([*catalog.products, f"{tag}p{step}"]))
            if product_id in catalog.products or product_id not in catalog.all_ids():
                old = catalog.products.get(product_id, Product(product_id, ""))
                catalog.products[product_id] = replace(
                    old, name=data.draw(required_texts),
                    price=data.draw(st.sampled_from([0.0, 1.5, 19.99])))
        elif op == "remove_product" and catalog.products:
            del catalog.products[data.draw(st.sampled_from(list(catalog.products)))]
        elif op == "payment_type":
            name = data.draw(st.sampled_from(["cash", "bitcoin", "store_credit"]))
            if name in catalog.payment_types:
                catalog.payment_types.remove(name)
            else:
                catalog.payment_types.append(name)
        elif op == "ecommerce":
            eco = workspace.ecommerce
            eco.product_actions_for_legacy_and_manual = data.draw(st.booleans())
            eco.action_sets[data.draw(st.sampled_from(["on_login", "error_purchase"]))] = [
                Step(kind="apply_tag", tag=data.draw(required_texts))]
        elif op == "contact":
            contact_id = f"{tag}k{step}"
            if all(c.id != contact_id for c in workspace.contacts):
                workspace.contacts.append(Contact(contact_id, data.draw(required_texts)))


def reloaded(workspace: Workspace) -> str:
    """The text of the workspace after a trip through its text and the lenient loader."""
    return text(draft_from_data(parse_json(text(workspace))))


@SETTINGS
@given(workspaces(), st.data())
def test_identities(base: Workspace, data: st.DataObject) -> None:
    mine, theirs = copy_of(base), copy_of(base)
    edit_workspace(data, mine, "m")
    edit_workspace(data, theirs, "t")
    for merged, expected in ((merge_workspaces(base, base, theirs), theirs),
                             (merge_workspaces(base, mine, base), mine),
                             (merge_workspaces(base, theirs, theirs), theirs),
                             (merge_workspaces(base, mine, mine, prefer="theirs"), mine)):
        assert text(merged.workspace) == text(expected)
        assert merged.clashes == []
    assert merge_workspaces(base, mine, base).taken == []
    assert merge_workspaces(base, theirs, theirs).taken == []
    assert (merge_workspaces(base, base, theirs).taken == []) == (text(theirs) == text(base))


@SETTINGS
@given(workspaces(), st.data())
def test_disjoint_campaign_edits_never_clash_and_both_are_kept(base: Workspace,
                                                              data: st.DataObject) -> None:
    for campaign_id in ("camp-a", "camp-b")[:max(0, 2 - len(base.campaigns))]:
        base.new_campaign(campaign_id, campaign_id)  # two campaigns at least
    first, second = data.draw(st.lists(st.sampled_from([c.id for c in base.campaigns]),
                                       min_size=2, max_size=2, unique=True))
    mine, theirs = copy_of(base), copy_of(base)
    edit_campaign(data, mine, first, "m-", data.draw(st.integers(1, 8)))
    edit_campaign(data, theirs, second, "t-", data.draw(st.integers(1, 8)))
    merged = merge_workspaces(base, mine, theirs, prefer=data.draw(
        st.sampled_from(["mine", "theirs"])))
    assert merged.clashes == []
    result = merged.workspace
    assert campaign_to_data(result.campaign(first)) == campaign_to_data(mine.campaign(first))
    assert campaign_to_data(result.campaign(second)) == campaign_to_data(
        theirs.campaign(second))
    assert [c.id for c in result.campaigns] == [c.id for c in base.campaigns]
    rest = {**workspace_to_data(result), "campaigns": []}
    assert rest == {**workspace_to_data(base), "campaigns": []}
    changed_theirs = text(theirs) != text(base)
    assert bool(merged.taken) == changed_theirs


@SETTINGS
@given(workspaces(), st.data())
def test_any_merge_round_trips_and_is_deterministic(base: Workspace,
                                                    data: st.DataObject) -> None:
    mine, theirs = copy_of(base), copy_of(base)
    edit_workspace(data, mine, "m")
    edit_workspace(data, theirs, "t")
    prefer = data.draw(st.sampled_from(["mine", "theirs"]))
    merged = merge_workspaces(base, mine, theirs, prefer=prefer)
    assert reloaded(merged.workspace) == text(merged.workspace)
    again = merge_workspaces(copy_of(base), copy_of(mine), copy_of(theirs), prefer=prefer)
    assert text(again.workspace) == text(merged.workspace)
    assert (again.taken, again.clashes) == (merged.taken, merged.clashes)
    for clash in merged.clashes:
        assert clash.where and clash.mine and clash.theirs
    # every link of the result joins two nodes of its campaign (none left dangling)
    for campaign in merged.workspace.campaigns:
        for source, target in campaign.edges:
            assert campaign.has_node(source) and campaign.has_node(target)


@SETTINGS
@given(workspaces(), st.data())
def test_prefer_only_matters_where_there_is_a_clash(base: Workspace,
                                                   data: st.DataObject) -> None:
    mine, theirs = copy_of(base), copy_of(base)
    edit_workspace(data, mine, "m")
    edit_workspace(data, theirs, "t")
    by_mine = merge_workspaces(base, mine, theirs, prefer="mine")
    by_theirs = merge_workspaces(base, mine, theirs, prefer="theirs")
    # a field both changed is a clash whichever wins; what is left dangling may differ
    assert bool(by_mine.clashes) == bool(by_theirs.clashes)
    if not by_mine.clashes:
        assert text(by_mine.workspace) == text(by_theirs.workspace)
