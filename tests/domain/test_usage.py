"""Where a catalog item is used, and deleting it with its references (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvas_app.domain.usage import delete_with_references, where_used
from canvas_app.io import load_workspace

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"


@pytest.fixture
def workspace():
    return load_workspace(SAMPLE)


def test_a_product_is_used_by_goals_and_its_action_set(workspace):
    usages = where_used(workspace, "products", "shock")
    assert [u.node_id for u in usages] == ["bought-shock", None]
    assert usages[0].campaign_id == "shock-nurture"
    assert usages[0].where == 'campaign "Pool Shock Nurture", purchase goal "Bought pool shock"'
    assert usages[1].action_set == "product:shock"


def test_a_category_is_used_by_goals_and_products(workspace):
    usages = where_used(workspace, "categories", "services")
    assert [(u.node_id, u.product_id) for u in usages] == [("subscribed", None),
                                                           (None, "checkup")]
    assert {u.product_id for u in where_used(workspace, "categories", "chemicals")} == {
        "stabilizer", "shock"}


def test_payment_types_count_only_when_listed(workspace):
    assert [u.node_id for u in where_used(workspace, "payment_types", "paypal")] == [
        "subscribed"]
    assert where_used(workspace, "payment_types", "cash") == []  # "any" names no type


def test_unused_items(workspace):
    assert where_used(workspace, "order_forms", "classic-form") == []
    assert where_used(workspace, "products", "mitt") == []
    with pytest.raises(ValueError):
        where_used(workspace, "contacts", "c-ana")


def test_deleting_a_product_drops_its_references_without_touching_the_workspace(workspace):
    deletion = delete_with_references(workspace, "products", "shock")
    assert "shock" not in deletion.catalog.products
    assert "shock" in workspace.catalog.products  # nothing applied yet
    [(campaign_id, before, after)] = deletion.nodes
    assert campaign_id == "shock-nurture" and before.config.products == ["shock"]
    assert after.config.products == [] and not after.config.use_products
    assert "shock" not in deletion.ecommerce.product_action_sets
    assert "shock" in workspace.ecommerce.product_action_sets


def test_deleting_a_category_leaves_its_products_without_one(workspace):
    deletion = delete_with_references(workspace, "categories", "services")
    assert deletion.catalog.products["checkup"].category is None
    [(_, _, after)] = deletion.nodes
    assert after.config.categories == [] and after.config.products == ["checkup"]
    assert deletion.ecommerce is None


def test_deleting_a_payment_type(workspace):
    deletion = delete_with_references(workspace, "payment_types", "paypal")
    assert "paypal" not in deletion.catalog.payment_types
    [(_, _, after)] = deletion.nodes
    assert after.config.payment_types == ["credit_card"]


@pytest.mark.parametrize(("count", "said"), [(1, "(1 action)"), (2, "(2 actions)")])
def test_a_products_own_action_set_counts_its_actions_in_words(workspace, count, said):
    """QA: the question before deleting a product said "(1 actions)"."""
    actions = workspace.ecommerce.product_action_sets["shock"]
    workspace.ecommerce.product_action_sets["shock"] = (actions * 2)[:count]
    own = where_used(workspace, "products", "shock")[-1]
    assert own.where == f"the product's own action set in E-Commerce Actions {said}"
