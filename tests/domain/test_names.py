"""Names compared as people read them (capitals and spaces aside): nodes and catalog items."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.catalog import Catalog, Category, OrderForm, Product
from canvas_app.domain.catalog_edit import validate_item
from canvas_app.domain.lint import same_names
from canvas_app.domain.names import name_key, tidy_name
from canvas_app.domain.nodes import Node


def test_tidy_name_keeps_one_space_between_words_and_none_around() -> None:
    assert tidy_name("  spa   Nurture ") == "spa Nurture"
    assert tidy_name("Spa\tnurture\n") == "Spa nurture"
    assert tidy_name("Spa\u00a0nurture") == "Spa nurture"  # a no-break space looks alike
    assert tidy_name("Spa nurture") == "Spa nurture"
    assert tidy_name("   ") == ""


def test_name_key_puts_capitals_and_spaces_aside_but_not_letters_or_punctuation() -> None:
    assert name_key("spa  Nurture") == name_key("Spa nurture") == name_key(" SPA NURTURE ")
    assert name_key("Spa-nurture") != name_key("Spa nurture")
    assert name_key("Spanurture") != name_key("Spa nurture")


@given(st.text(alphabet=st.sampled_from("aA bB\t\u00a0-"), max_size=12))
def test_a_tidied_name_keeps_its_key_and_tidying_twice_changes_nothing(name: str) -> None:
    assert name_key(tidy_name(name)) == name_key(name)
    assert tidy_name(tidy_name(name)) == tidy_name(name)
    assert tidy_name(name) == tidy_name(name).strip() and "  " not in tidy_name(name)


def campaign_named(*names: str) -> Campaign:
    campaign = Campaign("c", "Spa")
    for i, name in enumerate(names):
        campaign.add_node(Node(f"n{i}", "sequence", name))
    return campaign


def test_nodes_named_alike_but_for_capitals_and_spaces_are_pointed_out() -> None:
    findings = same_names(campaign_named("Spa nurture", "spa  Nurture", "Welcome"))
    assert [(f.node_id, f.campaign_id, f.severity) for f in findings] == [
        ("n0", "c", "warning"), ("n1", "c", "warning")]
    assert findings[0].message == (
        '2 nodes of this campaign are named "Spa nurture": the simulation\'s log and '
        "journeys cannot tell them apart; rename one")
    assert findings == same_names(campaign_named("Spa nurture", " SPA NURTURE\t", "Welcome"))


def test_nodes_with_other_words_are_not_pointed_out() -> None:
    assert same_names(campaign_named("Spa nurture", "Spa-nurture", "Spa nurture 2")) == []


def test_catalog_items_clash_as_nodes_do_capitals_and_spaces_aside() -> None:
    catalog = Catalog(categories={"c": Category("c", "Chemicals")},
                      products={"p": Product("p", "Pool  Shock", None, 9.0)},
                      order_forms={"f": OrderForm("f", "Spring sale")})
    clash = validate_item(catalog, Product("new", " pool shock ", None, 1.0))
    assert [(p.path, p.message) for p in clash] == [
        ("name", 'there is already a product named "Pool Shock"')]  # as shown: one space
    assert validate_item(catalog, OrderForm("g", "spring   SALE"))[0].message == (
        'there is already an order form named "Spring sale"')
    assert validate_item(catalog, Category("d", "Chemical s")) == []
