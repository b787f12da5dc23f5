"""Ids from typed names (QA 3, item 4): a payment type (kept as its id alone) keeps the
typed letters, so it is shown as typed; other ids transliterate accents, never dropping the
letter; a name of symbols only is refused; a clash names the payment type as shown."""

from __future__ import annotations

import pytest

from canvas_app.domain.catalog import DEFAULT_PAYMENT_TYPES, Catalog, payment_type_label
from canvas_app.domain.catalog_edit import new_item_id, payment_type_id, validate_payment_type
from canvas_app.domain.ids import has_word, slugify


@pytest.mark.parametrize(("name", "payment_id", "shown"), [
    ("überweisung", "überweisung", "Überweisung"),  # was "berweisung" / "Berweisung"
    ("Crédit été", "crédit_été", "Crédit été"),  # was "cr_dit_t" / "Cr dit t"
    ("Store credit", "store_credit", "Store credit"),
    ("Money-order #2", "money_order_2", "Money order 2"),
])
def test_a_payment_type_is_shown_as_typed(name, payment_id, shown):
    catalog = Catalog()
    assert validate_payment_type(catalog, name) == []
    assert new_item_id(catalog, name, "payment_types") == payment_id
    assert payment_type_label(payment_id) == shown


@pytest.mark.parametrize(("name", "slug"), [
    ("überweisung", "uberweisung"), ("Crédit été", "credit-ete"), ("Straße", "strasse"),
    ("日本 Pay", "日本-pay")])  # letters with no Latin form are kept
def test_other_ids_transliterate_accents_and_keep_every_letter(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize("name", ["!!!", " - ", "***", "€"])
def test_a_name_of_symbols_only_is_refused_with_a_reason(name):
    problems = validate_payment_type(Catalog(), name)
    assert [p.message for p in problems] == [
        f'the name "{name.strip()}" needs at least one letter or digit']
    assert not has_word(name)


def test_a_clash_names_the_payment_type_as_lists_show_it():
    problems = validate_payment_type(Catalog(), "CREDIT card")
    assert [p.message for p in problems] == ['there is already a payment type "Credit card"']


def test_ascii_names_give_the_ids_they_always_gave():
    """Ids in existing files are never recomputed, and a name typed in ASCII still makes
    the id it made before the change (the old rule: runs of non [a-z0-9] become "-")."""
    for payment_id in DEFAULT_PAYMENT_TYPES:
        assert payment_type_id(payment_type_label(payment_id)) == payment_id
        assert slugify(payment_type_label(payment_id)).replace("-", "_") == payment_id
    assert slugify("Spring Order Form (2024)!") == "spring-order-form-2024"
    assert slugify("a_b  c") == "a-b-c"


def test_a_clash_with_a_long_name_quotes_it_short():
    from canvas_app.domain.catalog import Product
    from canvas_app.domain.catalog_edit import validate_item

    catalog = Catalog()
    long_name = "Pool opening kit " * 200
    catalog.products["long"] = Product("long", long_name, None, 1.0)
    message = validate_item(catalog, Product("new", long_name.upper(), None, 1.0))[0].message
    assert message.startswith('there is already a product named "Pool opening kit')
    assert len(message) < 130 and message.endswith('…"')
