"""The usage index answers exactly as ``where_used`` does, item by item (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.catalog import Catalog, Category, Product
from canvas_app.domain.ecommerce import Ecommerce
from canvas_app.domain.nodes import Node
from canvas_app.domain.purchase import PurchaseGoalConfig
from canvas_app.domain.usage import SECTIONS, UsageIndex, where_used
from canvas_app.domain.workspace import Workspace
from canvas_app.io import load_workspace
from tests.strategies import workspaces

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"


def asked_ids(workspace: Workspace) -> set[str]:
    """Every id worth asking about: the catalog's, those the goals name (known or not),
    the product action sets' keys, and one nobody uses."""
    catalog = workspace.catalog
    found = {*catalog.products, *catalog.categories, *catalog.order_forms,
             *catalog.payment_types, *workspace.ecommerce.product_action_sets,
             "nobody-uses-this"}
    for campaign in workspace.campaigns:
        for node in campaign.nodes:
            if isinstance(node.config, PurchaseGoalConfig):
                for attr in ("products", "categories", "order_forms", "payment_types"):
                    chosen = getattr(node.config, attr)
                    if isinstance(chosen, list):
                        found.update(chosen)
    return found


def assert_same_as_where_used(workspace: Workspace) -> int:
    index = UsageIndex(workspace)
    used = 0
    for section in SECTIONS:
        for item_id in sorted(asked_ids(workspace)):
            expected = where_used(workspace, section, item_id)
            assert index.where_used(section, item_id) == expected, (section, item_id)
            used += bool(expected)
    return used


def test_the_sample_gets_the_same_answers():
    assert assert_same_as_where_used(load_workspace(SAMPLE)) > 5  # not only empty answers


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workspaces(max_campaigns=3, max_nodes=12))
def test_random_workspaces_get_the_same_answers(workspace):
    assert_same_as_where_used(workspace)


def goal(node_id: str, **lists: list[str]) -> Node:
    config = PurchaseGoalConfig(use_products=True, use_categories=True, use_order_forms=True)
    for attr, ids in lists.items():
        setattr(config, attr, ids)
    return Node(node_id, "purchase_goal", f"Goal {node_id}", 0.0, 0.0, config)


def test_a_goal_naming_an_id_twice_or_in_two_lists_is_listed_once_per_list():
    catalog = Catalog({"x": Category("x", "X")}, {"x": Product("x", "X", "x", 1.0)}, {},
                      ["x", "cash"])
    workspace = Workspace(catalog, Ecommerce(product_action_sets={"x": []}))
    campaign = Campaign("c", "C")
    campaign.add_node(goal("g1", products=["x", "x"], categories=["x"], payment_types=["x"]))
    campaign.add_node(goal("g2", products=["gone"], order_forms=["x", "x"]))
    workspace.add_campaign(campaign)
    index = UsageIndex(workspace)
    assert [u.node_id for u in index.where_used("products", "x")] == ["g1"]
    assert [(u.node_id, u.product_id) for u in index.where_used("categories", "x")] == [
        ("g1", None), (None, "x")]
    assert [u.node_id for u in index.where_used("order_forms", "x")] == ["g2"]
    assert [u.node_id for u in index.where_used("products", "gone")] == ["g2"]
    assert assert_same_as_where_used(workspace) == 5


def test_answers_are_fresh_lists_and_unknown_sections_are_refused():
    workspace = load_workspace(SAMPLE)
    index = UsageIndex(workspace)
    index.where_used("products", "shock").clear()
    assert index.where_used("products", "shock") == where_used(workspace, "products", "shock")
    with pytest.raises(ValueError):
        index.where_used("contacts", "c-ana")
