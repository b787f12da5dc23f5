"""Purchase goal settings: validation (R11) and matching (R10)."""

import pytest

from canvas_app.domain.catalog import Catalog, Category, OrderForm, Product
from canvas_app.domain.purchase import PurchaseGoalConfig, match_purchase, validate_purchase


@pytest.fixture
def catalog() -> Catalog:
    cat = Catalog()
    cat.add_category(Category("chem", "Chemicals"))
    cat.add_product(Product("shock", "Pool Shock", "chem", 19.99))
    cat.add_product(Product("mitt", "Mitt", None, 5))
    cat.add_order_form(OrderForm("f1", "Form one"))
    return cat


def messages(config, catalog):
    return [(p.path, p.message) for p in validate_purchase(config, catalog)]


def test_R11_no_option_selected(catalog):
    assert messages(PurchaseGoalConfig(), catalog) == [
        ("config", 'no purchase option is ticked: tick "Order form", "Any purchase", '
                   '"Specific product purchase" or "Product in a specific category purchase"')]


@pytest.mark.parametrize("flag,attr,word,label", [
    ("use_order_forms", "order_forms", "order form", "Order form"),
    ("use_products", "products", "product", "Specific product purchase"),
    ("use_categories", "categories", "category", "Product in a specific category purchase")])
def test_R11_option_ticked_with_nothing_chosen(catalog, flag, attr, word, label):
    config = PurchaseGoalConfig(**{flag: True})
    assert messages(config, catalog) == [
        (f"config.{attr}", f'the "{label}" option is ticked but no {word} is chosen')]


def test_R11_no_payment_type_and_not_any(catalog):
    config = PurchaseGoalConfig(any_purchase=True, payment_types=[])
    assert messages(config, catalog) == [
        ("config.payment_types", '"Only these payment types" is chosen but no payment type '
                                 'is ticked: tick one, or choose "Any payment types"')]


def test_R11_ids_not_in_catalog(catalog):
    config = PurchaseGoalConfig(use_products=True, products=["shock", "ghost"],
                                use_categories=True, categories=["toys"],
                                use_order_forms=True, order_forms=["f9"],
                                payment_types=["paypal", "gold"])
    assert messages(config, catalog) == [
        ("config.order_forms[0]", 'no order form "f9" in the catalog'),
        ("config.products[1]", 'no product "ghost" in the catalog'),
        ("config.categories[0]", 'no category "toys" in the catalog'),
        ("config.payment_types[1]", 'no payment type "gold" in the catalog'),
    ]


def test_valid_settings_have_no_problems(catalog):
    config = PurchaseGoalConfig(use_products=True, products=["shock"], payment_types=["paypal"])
    assert validate_purchase(config, catalog) == []


def test_R10_any_selected_option_matches(catalog):
    config = PurchaseGoalConfig(use_products=True, products=["mitt"],
                                use_categories=True, categories=["chem"])
    assert match_purchase(config, catalog, ["shock"], None, "cash").matched
    assert match_purchase(config, catalog, ["mitt"], None, "cash").matched
    miss = match_purchase(config, catalog, [], None, "cash")
    assert not miss.matched
    assert "no chosen product on the order" in miss.reason


def test_R10_order_form_option(catalog):
    config = PurchaseGoalConfig(use_order_forms=True, order_forms=["f1"])
    assert match_purchase(config, catalog, ["mitt"], "f1", "cash").matched
    assert not match_purchase(config, catalog, ["mitt"], None, "cash").matched


def test_R10_payment_type_must_be_chosen(catalog):
    config = PurchaseGoalConfig(any_purchase=True, payment_types=["paypal"])
    assert match_purchase(config, catalog, ["mitt"], None, "paypal").matched
    refused = match_purchase(config, catalog, ["mitt"], None, "check")
    assert not refused.matched and refused.reason == "payment type Check not chosen"
