"""Three-way merge of workspaces (canvas_app/io/merge.py), on the bundled sample."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from canvas_app.domain.catalog import Category, Product
from canvas_app.domain.contacts import Contact
from canvas_app.domain.nodes import Node
from canvas_app.domain.purchase import PurchaseGoalConfig
from canvas_app.domain.steps import Step
from canvas_app.domain.workspace import Workspace
from canvas_app.io.draft import draft_from_data
from canvas_app.io.merge import Clash, Merged, merge_workspaces
from canvas_app.io.workspace_file import (
    dumps_workspace,
    load_workspace,
    node_to_data,
    parse_json,
    workspace_to_data,
)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"
NURTURE, CHECKUP = "shock-nurture", "checkup-onboarding"


def copies() -> tuple[Workspace, Workspace, Workspace]:
    """base, mine and theirs: three copies of the sample, as three readers got it."""
    return load_workspace(SAMPLE), load_workspace(SAMPLE), load_workspace(SAMPLE)


def text(workspace: Workspace) -> str:
    return dumps_workspace(workspace)


def reloads(merged: Merged) -> None:
    """The result round-trips through the file's text and the app's lenient loader."""
    again = draft_from_data(parse_json(text(merged.workspace)))
    assert text(again) == text(merged.workspace)


def test_edits_to_different_campaigns_combine_and_theirs_are_listed() -> None:
    base, mine, theirs = copies()
    mine.campaign(NURTURE).rename("nurture", "Nurture A")
    mine.campaign(NURTURE).move("post-purchase", 300, 40)
    theirs.campaign(CHECKUP).rename("onboarding", "Welcome")
    theirs.rename_campaign(CHECKUP, "Checkups")
    merged = merge_workspaces(base, mine, theirs)
    assert merged.clashes == []
    result = merged.workspace
    assert result.campaign(NURTURE).node("nurture").name == "Nurture A"
    assert (result.campaign(NURTURE).node("post-purchase").x,
            result.campaign(NURTURE).node("post-purchase").y) == (300, 40)
    assert result.campaign(CHECKUP).node("onboarding").name == "Welcome"
    assert result.campaign(CHECKUP).name == "Checkups"
    assert 'campaign "Checkup Onboarding": renamed "Onboarding" to "Welcome"' in merged.taken
    assert 'renamed campaign "Checkup Onboarding" to "Checkups"' in merged.taken
    assert len(merged.taken) == 2  # my own edits are not "taken"
    reloads(merged)


def test_nothing_taken_when_they_changed_nothing() -> None:
    base, mine, theirs = copies()
    mine.campaign(NURTURE).rename("nurture", "Nurture A")
    merged = merge_workspaces(base, mine, theirs)
    assert merged.taken == [] and merged.clashes == []


def test_one_renames_a_node_the_other_moves_it_both_kept() -> None:
    base, mine, theirs = copies()
    mine.campaign(NURTURE).rename("nurture", "Nurture A")
    theirs.campaign(NURTURE).move("nurture", -120, 75)
    merged = merge_workspaces(base, mine, theirs)
    node = merged.workspace.campaign(NURTURE).node("nurture")
    assert (node.name, node.x, node.y) == ("Nurture A", -120, 75)
    assert merged.clashes == []
    assert merged.taken == ['campaign "Pool Shock Nurture": moved "Nurture"']


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_same_node_renamed_differently_is_one_clash_that_prefer_decides(prefer: str) -> None:
    base, mine, theirs = copies()
    mine.campaign(NURTURE).rename("nurture", "Nurture A")
    theirs.campaign(NURTURE).rename("nurture", "Nurture B")
    theirs.campaign(NURTURE).move("nurture", 10, 20)  # no clash: only they moved it
    merged = merge_workspaces(base, mine, theirs, prefer=prefer)  # type: ignore[arg-type]
    assert merged.clashes == [Clash('campaign "Pool Shock Nurture", sequence "Nurture"',
                                    'renamed it "Nurture A"', 'renamed it "Nurture B"')]
    node = merged.workspace.campaign(NURTURE).node("nurture")
    assert node.name == {"mine": "Nurture A", "theirs": "Nurture B"}[prefer]
    assert (node.x, node.y) == (10, 20)


def test_same_change_on_both_sides_is_no_clash() -> None:
    base, mine, theirs = copies()
    for side in (mine, theirs):
        side.campaign(NURTURE).rename("nurture", "Nurture A")
    merged = merge_workspaces(base, mine, theirs)
    assert merged.clashes == [] and merged.taken == []
    assert merged.workspace.campaign(NURTURE).node("nurture").name == "Nurture A"


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_they_deleted_a_node_i_edited(prefer: str) -> None:
    base, mine, theirs = copies()
    mine.campaign(NURTURE).rename("nurture", "Nurture A")
    theirs.campaign(NURTURE).remove_node("nurture")
    merged = merge_workspaces(base, mine, theirs, prefer=prefer)  # type: ignore[arg-type]
    assert merged.clashes == [Clash('campaign "Pool Shock Nurture", sequence "Nurture"',
                                    'renamed it "Nurture A"', "deleted it")]
    campaign = merged.workspace.campaign(NURTURE)
    if prefer == "mine":  # my edited version is kept, with the links they lost with it
        assert campaign.node("nurture").name == "Nurture A"
        assert campaign.has_edge("nurture", "bought-shock")
    else:
        assert not campaign.has_node("nurture")
        assert campaign.edges == [("bought-shock", "post-purchase")]
    reloads(merged)


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_i_deleted_a_node_they_edited(prefer: str) -> None:
    base, mine, theirs = copies()
    mine.campaign(CHECKUP).remove_node("visit-booked")
    theirs.campaign(CHECKUP).rename("visit-booked", "Visit booked!")
    theirs.campaign(CHECKUP).move("visit-booked", 5, 5)
    merged = merge_workspaces(base, mine, theirs, prefer=prefer)  # type: ignore[arg-type]
    assert merged.clashes == [Clash('campaign "Checkup Onboarding", tag goal "Visit booked"',
                                    "deleted it", 'renamed it "Visit booked!" and moved it')]
    campaign = merged.workspace.campaign(CHECKUP)
    assert campaign.has_node("visit-booked") == (prefer == "theirs")
    if prefer == "theirs":
        assert campaign.node("visit-booked").name == "Visit booked!"
        assert campaign.has_edge("onboarding", "visit-booked")
        assert campaign.has_edge("visit-booked", "visit-follow-up")
    reloads(merged)


def test_deleted_on_one_side_unchanged_on_the_other_is_deleted() -> None:
    base, mine, theirs = copies()
    theirs.campaign(NURTURE).remove_node("post-purchase")
    mine.campaign(CHECKUP).remove_node("visit-follow-up")
    merged = merge_workspaces(base, mine, theirs)
    assert merged.clashes == []
    assert not merged.workspace.campaign(NURTURE).has_node("post-purchase")
    assert not merged.workspace.campaign(CHECKUP).has_node("visit-follow-up")
    assert merged.taken == ['campaign "Pool Shock Nurture": deleted sequence "Post-purchase"']


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_a_link_to_a_node_they_deleted_is_named_and_settled_by_prefer(prefer: str) -> None:
    """Keep Mine: the node comes back with my new links and the link it had (it dropped
    my links and kept the node deleted, QA 22b); Keep Theirs: it stays deleted, and my
    links to it go."""
    base, mine, theirs = copies()
    mine.campaign(NURTURE).link("nurture", "post-purchase")
    mine.campaign(NURTURE).link("post-purchase", "nurture")
    theirs.campaign(NURTURE).remove_node("post-purchase")
    merged = merge_workspaces(base, mine, theirs, prefer=prefer)  # type: ignore[arg-type]
    where = 'campaign "Pool Shock Nurture", sequence "Post-purchase"'
    assert merged.clashes == [Clash(where, 'linked "Nurture" to it', "deleted it"),
                              Clash(where, 'linked it to "Nurture"', "deleted it")]
    campaign = merged.workspace.campaign(NURTURE)
    if prefer == "mine":
        assert campaign.node("post-purchase") == mine.campaign(NURTURE).node("post-purchase")
        assert sorted(campaign.edges) == sorted(mine.campaign(NURTURE).edges)
        assert not any("deleted" in line for line in merged.taken)
    else:
        assert not campaign.has_node("post-purchase")
        assert campaign.edges == [("nurture", "bought-shock")]
    reloads(merged)


def test_a_link_they_drew_to_a_node_i_deleted_is_named_from_my_side() -> None:
    base, mine, theirs = copies()
    mine.campaign(CHECKUP).remove_node("subscribed")
    theirs.campaign(CHECKUP).link("subscribed", "visit-booked")
    merged = merge_workspaces(base, mine, theirs)
    assert merged.clashes == [Clash(
        'campaign "Checkup Onboarding", purchase goal "Subscribed to checkup"',
        "deleted it", 'linked it to "Visit booked"')]
    assert not merged.workspace.campaign(CHECKUP).has_node("subscribed")


def test_links_merge_as_a_set() -> None:
    base, mine, theirs = copies()
    mine.campaign(CHECKUP).link("subscribed", "visit-booked")
    theirs.campaign(CHECKUP).unlink("onboarding", "visit-booked")
    theirs.campaign(CHECKUP).link("visit-follow-up", "subscribed")
    merged = merge_workspaces(base, mine, theirs)
    assert set(merged.workspace.campaign(CHECKUP).edges) == {
        ("subscribed", "onboarding"), ("visit-booked", "visit-follow-up"),
        ("subscribed", "visit-booked"), ("visit-follow-up", "subscribed")}
    assert merged.clashes == []
    assert sorted(merged.taken) == [
        'campaign "Checkup Onboarding": linked "Visit follow-up" to "Subscribed to checkup"',
        'campaign "Checkup Onboarding": removed the link from "Onboarding" to "Visit booked"']


def test_catalog_product_edited_by_both_on_different_fields_combines() -> None:
    base, mine, theirs = copies()
    mine.catalog.products["shock"] = replace(mine.catalog.products["shock"], price=21.5)
    theirs.catalog.products["shock"] = replace(theirs.catalog.products["shock"],
                                               name="Pool Shock", category="pool-care")
    merged = merge_workspaces(base, mine, theirs)
    assert merged.clashes == []
    assert merged.workspace.catalog.products["shock"] == Product(
        "shock", "Pool Shock", "pool-care", 21.5, "one_time")
    assert merged.taken == [
        'catalog: renamed product "Super Sock It Pool Shock" to "Pool Shock"',
        'catalog: set the category of product "Super Sock It Pool Shock" to "Pool care"']


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_catalog_product_price_changed_by_both_is_a_clash(prefer: str) -> None:
    base, mine, theirs = copies()
    mine.catalog.products["shock"] = replace(mine.catalog.products["shock"], price=21.5)
    theirs.catalog.products["shock"] = replace(theirs.catalog.products["shock"], price=18)
    merged = merge_workspaces(base, mine, theirs, prefer=prefer)  # type: ignore[arg-type]
    assert merged.clashes == [Clash('product "Super Sock It Pool Shock"',
                                    "set its price to 21.50", "set its price to 18.00")]
    assert merged.workspace.catalog.products["shock"].price == {"mine": 21.5,
                                                                "theirs": 18}[prefer]


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_a_product_they_deleted_that_my_goal_now_chooses_is_settled_by_prefer(
        prefer: str) -> None:
    """QA: whichever was kept, the goal was saved naming a product the catalog lacked.
    Mine: the product is back in the catalog; theirs: the goal no longer chooses it."""
    base, mine, theirs = copies()
    goal = mine.campaign(NURTURE).node("bought-shock")
    config = PurchaseGoalConfig(use_products=True, products=["shock", "mitt"])
    mine.campaign(NURTURE).set_config(goal.id, config)
    del theirs.catalog.products["mitt"]
    merged = merge_workspaces(base, mine, theirs, prefer=prefer)
    assert merged.clashes == [Clash('product "Pool Scrubbing Mitt"',
                                    'chose it in purchase goal "Bought pool shock"',
                                    "deleted it")]
    result = merged.workspace
    products = result.campaign(NURTURE).node("bought-shock").config.products
    if prefer == "mine":
        assert result.catalog.products["mitt"] == base.catalog.products["mitt"]
        assert products == ["shock", "mitt"]
    else:
        assert "mitt" not in result.catalog.products
        assert products == ["shock"]
    assert result.validate() == []  # nothing left naming what is gone
    reloads(merged)


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_a_category_i_deleted_that_their_product_now_has_is_settled_by_prefer(
        prefer: str) -> None:
    base, mine, theirs = copies()
    """I deleted a category (its products left without one); they put another product
    in it meanwhile."""
    category = next(iter(base.catalog.categories))
    other = next(p for p in base.catalog.products.values() if p.category != category)
    theirs.catalog.products[other.id] = replace(other, category=category)
    for product in [p for p in mine.catalog.products.values() if p.category == category]:
        mine.catalog.products[product.id] = replace(product, category=None)
    del mine.catalog.categories[category]
    merged = merge_workspaces(base, mine, theirs, prefer=prefer)
    result = merged.workspace
    assert any(c.mine == "deleted it" for c in merged.clashes)
    if prefer == "theirs":
        assert category in result.catalog.categories
        assert result.catalog.products[other.id].category == category
    else:
        assert category not in result.catalog.categories
        assert result.catalog.products[other.id].category is None
    assert result.validate() == []
    reloads(merged)


def test_an_action_naming_a_campaign_they_deleted_is_named() -> None:
    base, mine, theirs = copies()
    actions = mine.ecommerce.action_sets["successful_purchase"]
    actions.append(Step(kind="add_to_campaign", campaign=CHECKUP))
    theirs.remove_campaign(CHECKUP)
    merged = merge_workspaces(base, mine, theirs)
    assert merged.clashes == [Clash('campaign "Checkup Onboarding"',
                                    'named it in "Successful Purchase Action"',
                                    "deleted it")]
    assert not merged.workspace.has_campaign(CHECKUP)
    assert merged.taken == ['deleted campaign "Checkup Onboarding"']
    reloads(merged)


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_a_campaign_they_deleted_that_i_edited(prefer: str) -> None:
    base, mine, theirs = copies()
    mine.rename_campaign(CHECKUP, "Checkups")
    mine.campaign(CHECKUP).move("onboarding", 1, 2)
    theirs.remove_campaign(CHECKUP)
    merged = merge_workspaces(base, mine, theirs, prefer=prefer)  # type: ignore[arg-type]
    assert merged.clashes == [Clash('campaign "Checkup Onboarding"',
                                    'renamed it "Checkups" and changed its nodes or links',
                                    "deleted it")]
    assert merged.workspace.has_campaign(CHECKUP) == (prefer == "mine")
    if prefer == "mine":
        assert merged.workspace.campaign(CHECKUP) == mine.campaign(CHECKUP)


def test_payment_types_keep_their_order_and_append_mine() -> None:
    base, mine, theirs = copies()
    mine.catalog.payment_types.append("store_credit")
    mine.catalog.payment_types.remove("cash")
    theirs.catalog.payment_types.insert(0, "bitcoin")
    theirs.catalog.payment_types.reverse()
    merged = merge_workspaces(base, mine, theirs)
    expected = [p for p in theirs.catalog.payment_types if p != "cash"] + ["store_credit"]
    assert merged.workspace.catalog.payment_types == expected
    assert 'catalog: added payment type "Bitcoin"' in merged.taken


def test_catalog_items_added_on_both_sides_are_all_kept_in_order() -> None:
    base, mine, theirs = copies()
    mine.catalog.add_category(Category("tools", "Tools"))
    mine.catalog.add_product(Product("net", "Leaf net", "tools", 9.5))
    theirs.catalog.add_product(Product("brush", "Wall brush", "pool-care", 7))
    merged = merge_workspaces(base, mine, theirs)
    assert merged.clashes == []
    assert list(merged.workspace.catalog.products) == [*base.catalog.products, "brush", "net"]
    assert "tools" in merged.workspace.catalog.categories
    assert merged.taken == ['catalog: added product "Wall brush"']


def test_action_sets_merge_by_key_and_the_legacy_setting_on_its_own() -> None:
    base, mine, theirs = copies()
    mine.ecommerce.action_sets["on_login"] = [Step(kind="apply_tag", tag="Cart")]
    theirs.ecommerce.action_sets["error_purchase"] = []
    theirs.ecommerce.product_actions_for_legacy_and_manual = False
    merged = merge_workspaces(base, mine, theirs)
    eco = merged.workspace.ecommerce
    assert eco.action_sets["on_login"] == [Step(kind="apply_tag", tag="Cart")]
    assert eco.action_sets["error_purchase"] == []
    assert eco.product_actions_for_legacy_and_manual is False
    assert merged.clashes == []
    assert merged.taken == [
        'e-commerce: turned off "Also run product actions for legacy order forms and manual '
        'orders"', 'e-commerce: changed action set "Error Purchase Action"']


def test_same_action_set_changed_differently_is_one_clash() -> None:
    base, mine, theirs = copies()
    mine.ecommerce.action_sets["on_login"].pop()
    theirs.ecommerce.action_sets["on_login"].append(Step(kind="apply_tag", tag="Again"))
    merged = merge_workspaces(base, mine, theirs, prefer="theirs")
    # what each did, not "changed its actions" twice (QA 22b: a choice made blind)
    assert merged.clashes == [Clash('e-commerce action set "On Login (Multi-Step Cart)"',
                                    "removed action 2", "added an action")]
    assert merged.workspace.ecommerce.action_sets["on_login"] == \
        theirs.ecommerce.action_sets["on_login"]


def test_list_changes_are_said_in_a_few_words() -> None:
    from canvas_app.io.merge_kinds import list_change

    assert list_change([1, 2], [1, 2, 3], "step") == "added a step"
    assert list_change([1], [1, 2, 3], "step") == "added 2 steps"
    assert list_change([1, 2, 3], [1, 3], "step") == "removed step 2"
    assert list_change([1, 2, 3, 4, 5], [5], "step") == "removed 4 steps"
    assert list_change([1, 2, 3], [1, 9, 3], "step") == "changed step 2"
    assert list_change([1, 2, 3], [9, 2, 8], "step") == "changed steps 1 and 3"
    assert list_change([1, 2, 3], [3, 1, 2], "step") == "reordered its steps"
    assert list_change([1, 2, 3], [7, 8], "step") == "changed its steps"


def test_a_sequence_changed_on_both_sides_says_what_each_did() -> None:
    base, mine, theirs = copies()
    steps = mine.campaign(NURTURE).node("nurture").config.steps
    steps[0] = replace(steps[0], subject="A new subject")
    theirs.campaign(NURTURE).node("nurture").config.steps.append(
        Step(kind="apply_tag", tag="Again"))
    merged = merge_workspaces(base, mine, theirs)
    assert merged.clashes == [Clash('campaign "Pool Shock Nurture", sequence "Nurture"',
                                    "changed step 1", "added a step")]


def test_contacts_by_id_and_one_contact_both_added_by_email() -> None:
    base, mine, theirs = copies()
    mine.contacts.append(Contact("c-mine", "Bo", "Lee", "bo@example.com"))
    theirs.contacts.append(Contact("c-theirs", "Bo", "Lee", " BO@example.com"))
    mine.contacts[0] = replace(mine.contacts[0], tags=["VIP"])
    merged = merge_workspaces(base, mine, theirs)
    contacts = merged.workspace.contacts
    assert [c.id for c in contacts] == [c.id for c in theirs.contacts]
    assert contacts[0].tags == ["VIP"]
    assert merged.clashes == [Clash('contact "Bo Lee"', 'set its email to "bo@example.com"',
                                    'set its email to " BO@example.com"')]


def test_work_in_progress_is_kept() -> None:
    base, mine, theirs = copies()
    unfinished = PurchaseGoalConfig(any_purchase=False)  # no option yet: R11 refuses it
    mine.campaign(NURTURE).add_node(Node("n-new", "purchase_goal", "Unfinished", 1, 2,
                                         unfinished))
    theirs.campaign(CHECKUP).rename("onboarding", "Welcome")
    merged = merge_workspaces(base, mine, theirs)
    assert merged.workspace.campaign(NURTURE).node("n-new").name == "Unfinished"
    assert merged.workspace.validate()  # work in progress, as the canvas shows it
    reloads(merged)


def test_identities_on_the_sample() -> None:
    base, mine, theirs = copies()
    mine.campaign(NURTURE).rename("nurture", "Nurture A")
    mine.catalog.payment_types.reverse()
    mine.add_campaign(mine.remove_campaign(NURTURE)[0])  # reordered
    theirs.campaign(CHECKUP).remove_node("onboarding")
    theirs.catalog.products["mitt"] = replace(theirs.catalog.products["mitt"], price=1.5)
    assert text(merge_workspaces(base, base, theirs).workspace) == text(theirs)
    assert text(merge_workspaces(base, mine, base).workspace) == text(mine)
    assert text(merge_workspaces(base, theirs, theirs).workspace) == text(theirs)
    assert merge_workspaces(base, mine, mine).clashes == []


def test_inputs_are_never_changed_and_the_result_is_new() -> None:
    base, mine, theirs = copies()
    mine.campaign(NURTURE).rename("nurture", "Nurture A")
    theirs.campaign(NURTURE).remove_node("nurture")
    before = [workspace_to_data(w) for w in (base, mine, theirs)]
    merged = merge_workspaces(base, mine, theirs)
    assert [workspace_to_data(w) for w in (base, mine, theirs)] == before
    assert all(merged.workspace is not w for w in (base, mine, theirs))
    merged.workspace.campaign(NURTURE).rename("nurture", "Changed after")
    assert mine.campaign(NURTURE).node("nurture").name == "Nurture A"


def test_the_result_is_deterministic() -> None:
    base, mine, theirs = copies()
    mine.campaign(NURTURE).rename("nurture", "Nurture A")
    mine.campaign(CHECKUP).link("subscribed", "visit-booked")
    theirs.campaign(NURTURE).rename("nurture", "Nurture B")
    theirs.campaign(CHECKUP).remove_node("visit-booked")
    runs = [merge_workspaces(base, mine, theirs) for _ in range(3)]
    assert len({text(r.workspace) for r in runs}) == 1
    assert all((r.taken, r.clashes) == (runs[0].taken, runs[0].clashes) for r in runs)


def test_prefer_must_be_mine_or_theirs() -> None:
    base, mine, theirs = copies()
    with pytest.raises(ValueError, match="prefer"):
        merge_workspaces(base, mine, theirs, prefer="both")  # type: ignore[arg-type]


def test_one_id_given_to_a_category_here_and_a_product_there_is_named() -> None:
    base, mine, theirs = copies()
    mine.catalog.add_category(Category("net", "Nets"))
    theirs.catalog.add_product(Product("net", "Leaf net", "pool-care", 9.5))
    merged = merge_workspaces(base, mine, theirs)
    assert merged.clashes == [Clash('catalog id "net"', 'added category "Nets"',
                                    'added product "Leaf net"')]
    catalog = merged.workspace.catalog
    assert "net" in catalog.categories and "net" in catalog.products  # nothing is lost
    assert any('"net" is used twice' in p.message for p in merged.workspace.validate())
    reloads(merged)


def test_order_form_legacy_changed_by_both_is_said_in_words() -> None:
    base, mine, theirs = copies()
    form = base.catalog.order_forms["spring-form"]
    mine.catalog.order_forms["spring-form"] = replace(form, legacy=True, name="Spring")
    theirs.catalog.order_forms["spring-form"] = replace(form, name="Spring sale")
    merged = merge_workspaces(base, mine, theirs, prefer="theirs")
    assert merged.clashes == [Clash('order form "Spring Opening Order Form"',
                                    'renamed it "Spring"', 'renamed it "Spring sale"')]
    assert catalog_form(merged) == ("Spring sale", True)
    theirs.catalog.order_forms["spring-form"] = replace(form, legacy=True)
    merged = merge_workspaces(base, base, theirs)
    assert merged.taken == ['catalog: marked order form "Spring Opening Order Form" legacy']


def catalog_form(merged: Merged) -> tuple[str, bool]:
    form = merged.workspace.catalog.order_forms["spring-form"]
    return form.name, form.legacy


# -- a node's settings merge field by field ------------------------------------------------
def goal_config(workspace: Workspace) -> PurchaseGoalConfig:
    return workspace.campaign(NURTURE).node("bought-shock").config.copy()


def set_goal(workspace: Workspace, config: PurchaseGoalConfig) -> None:
    workspace.campaign(NURTURE).set_config("bought-shock", config)


def test_one_chooses_payment_types_the_other_products_both_kept() -> None:
    """Settings merged as one value made these clash, though neither undid the other's."""
    base, mine, theirs = copies()
    config = goal_config(mine)
    config.payment_types = ["paypal"]
    set_goal(mine, config)
    config = goal_config(theirs)
    config.products = ["shock", "mitt"]
    set_goal(theirs, config)
    merged = merge_workspaces(base, mine, theirs)
    assert merged.clashes == []
    result = goal_config(merged.workspace)
    assert (result.payment_types, result.products) == (["paypal"], ["shock", "mitt"])
    assert merged.taken == ['campaign "Pool Shock Nurture": changed the purchase options of '
                            '"Bought pool shock"']
    reloads(merged)


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_two_valid_edits_that_merge_into_a_goal_with_no_option_are_a_clash(
        prefer: str) -> None:
    """One took the categories out of a goal's options, the other its products: merged
    field by field, no purchase option was left (R11), saved unasked (QA 22b)."""
    base, mine, theirs = copies()
    goal = ("subscribed", CHECKUP)

    def options(side: Workspace, products: list[str], categories: list[str]) -> None:
        config = side.campaign(goal[1]).node(goal[0]).config
        config.products, config.categories = products, categories

    options(mine, ["checkup"], [])
    options(theirs, [], ["services"])
    merged = merge_workspaces(base, mine, theirs, prefer=prefer)  # type: ignore[arg-type]
    assert merged.clashes == [Clash(
        'campaign "Checkup Onboarding", purchase goal "Subscribed to checkup"',
        "changed its purchase options",
        # what the two together would do (QA 23i: no reason to choose was given)
        "changed its purchase options; with both, no purchase option is ticked")]
    chosen = mine if prefer == "mine" else theirs
    result = merged.workspace.campaign(CHECKUP).node("subscribed")
    assert node_to_data(result) == node_to_data(chosen.campaign(CHECKUP).node("subscribed"))
    assert result.config.products or result.config.categories
    assert merged.taken == []  # their change is the clash, not taken in too (QA 23i)
    reloads(merged)


def test_both_choosing_other_products_clash_on_the_purchase_options() -> None:
    base, mine, theirs = copies()
    for side, products in ((mine, ["mitt"]), (theirs, ["shock", "test-kit"])):
        config = goal_config(side)
        config.products = products
        set_goal(side, config)
    merged = merge_workspaces(base, mine, theirs, prefer="theirs")
    assert merged.clashes == [Clash('campaign "Pool Shock Nurture", purchase goal '
                                    '"Bought pool shock"', "changed its purchase options",
                                    "changed its purchase options")]
    assert goal_config(merged.workspace).products == ["shock", "test-kit"]


def test_one_edits_a_sequences_steps_the_other_runs_it_until_completed() -> None:
    base, mine, theirs = copies()
    steps = [step.copy() for step in mine.campaign(NURTURE).node("nurture").config.steps]
    steps.append(Step("email", subject="Last call"))
    config = mine.campaign(NURTURE).node("nurture").config
    mine.campaign(NURTURE).set_config("nurture", type(config)(steps, config.runs_until_completed))
    config = theirs.campaign(NURTURE).node("nurture").config
    theirs.campaign(NURTURE).set_config("nurture", type(config)(
        [step.copy() for step in config.steps], True))
    merged = merge_workspaces(base, mine, theirs)
    assert merged.clashes == []
    result = merged.workspace.campaign(NURTURE).node("nurture").config
    assert result.runs_until_completed and result.steps[-1].subject == "Last call"
    assert merged.taken == ['campaign "Pool Shock Nurture": changed the "runs until '
                            'completed" setting of "Nurture"']
    reloads(merged)


def test_campaigns_i_moved_keep_my_order_when_they_only_added_one() -> None:
    """QA 23h: I moved a campaign up, a teammate added one and saved; my save took their
    order and my move was gone, with nothing said."""
    base, mine, theirs = copies()
    first, second = (c.id for c in base.campaigns)
    mine.move_campaign(second, 0)
    theirs.new_campaign("delta", "Delta")
    merged = merge_workspaces(base, mine, theirs)
    assert [c.id for c in merged.workspace.campaigns] == [second, first, "delta"]
    assert merged.clashes == []
    # the other way round: their move kept, my new campaign after it
    base, mine, theirs = copies()
    theirs.move_campaign(second, 0)
    mine.new_campaign("gamma", "Gamma")
    merged = merge_workspaces(base, mine, theirs)
    assert [c.id for c in merged.workspace.campaigns] == [second, first, "gamma"]


def test_merged_order_follows_the_side_that_moved_keys() -> None:
    from canvas_app.io.merge_kinds import merged_order

    base = ["a", "b", "c"]
    assert merged_order(base, ["b", "a", "c"], ["a", "b", "c", "d"]) == ["b", "a", "c", "d"]
    assert merged_order(base, ["a", "c", "e"], ["c", "a", "b"]) == ["c", "a", "b", "e"]
    assert merged_order(base, ["b", "a", "c"], ["a", "c"]) == ["b", "a", "c"]  # they deleted
    assert merged_order(base, ["c", "b", "a"], ["b", "a", "c"]) == ["b", "a", "c"]  # both


def test_both_moving_campaigns_differently_is_a_clash_the_choice_settles() -> None:
    """QA 23i: both put the campaigns in another order; mine was lost and the status bar
    said nothing of theirs was new."""
    base, mine, theirs = copies()
    base.new_campaign("b-new", "B New")
    for side in (mine, theirs):
        side.new_campaign("b-new", "B New")
    first, second = (c.id for c in base.campaigns[:2])
    mine.move_campaign("b-new", 1)  # [first, b-new, second]
    theirs.move_campaign(second, 0)  # [second, first, b-new]
    kept = merge_workspaces(base, mine, theirs, prefer="mine")
    assert [c.id for c in kept.workspace.campaigns] == [first, "b-new", second]
    assert [(c.where, c.mine, c.theirs) for c in kept.clashes] == [
        ("the order of the campaigns", "put them in another order",
         "put them in another order")]
    taken = merge_workspaces(base, mine, theirs, prefer="theirs")
    assert [c.id for c in taken.workspace.campaigns] == [second, first, "b-new"]
    assert len(taken.clashes) == 1


def test_their_new_order_is_said_when_taken_in() -> None:
    base, mine, theirs = copies()
    first, second = (c.id for c in base.campaigns)
    theirs.move_campaign(second, 0)
    mine.rename_campaign(first, "Mine")
    merged = merge_workspaces(base, mine, theirs)
    assert [c.id for c in merged.workspace.campaigns] == [second, first]
    assert merged.taken == ["put the campaigns in another order"]
    assert merged.clashes == []


def test_a_campaign_kept_over_their_delete_stays_in_its_place() -> None:
    """QA 23i: Keep Mine on a campaign they deleted put it last."""
    base, mine, theirs = copies()
    base.new_campaign("third", "Third")
    for side in (mine, theirs):
        side.new_campaign("third", "Third")
    first = base.campaigns[0].id
    mine.rename_campaign(first, "Renamed first")
    theirs.remove_campaign(first)
    merged = merge_workspaces(base, mine, theirs, prefer="mine")
    assert [c.id for c in merged.workspace.campaigns] == [c.id for c in base.campaigns]
