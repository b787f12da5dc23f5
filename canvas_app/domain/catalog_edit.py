"""Adding and changing catalog items (Qt-free): ids for new items and their checks."""

from __future__ import annotations

import re
import unicodedata

from .catalog import BILLINGS, Catalog, Category, OrderForm, Product, payment_type_label
from .errors import Problem
from .ids import has_word, slugify, unique_id
from .names import name_key, short_name


def new_item_id(catalog: Catalog, name: str, section: str) -> str:
    """A readable id from the name, unique across the catalog (payment types use ``_``)."""
    if section == "payment_types":
        return unique_id(payment_type_id(name), catalog.payment_types)
    return unique_id(slugify(name), catalog.all_ids())


def payment_type_id(name: str) -> str:
    """The id a typed payment type name is kept as. A payment type has no name of its own
    in the file (only its id, shown through ``payment_type_label``), so the id keeps the
    typed letters, accents included: ``"Crédit été"`` -> ``"crédit_été"``, shown as
    "Crédit été"; ``"Store credit"`` -> ``"store_credit"`` as always. Symbols and spaces
    become ``_``; a name with no letter or digit gives ``""`` (refused by
    :func:`validate_payment_type`)."""
    lowered = unicodedata.normalize("NFC", name).lower()
    return re.sub(r"[\W_]+", "_", lowered).strip("_")


def validate_item(catalog: Catalog, item: Category | Product | OrderForm) -> list[Problem]:
    problems: list[Problem] = []
    if not item.name.strip():
        problems.append(Problem("name", "the name cannot be empty"))
    else:
        clash = same_name(catalog, item)
        if clash is not None:
            problems.append(Problem("name", f'there is already {_NOUNS[type(item)]} named '
                                            f'"{short_name(clash.name, 80)}"'))
    if isinstance(item, Product):
        if item.category is not None and item.category not in catalog.categories:
            problems.append(Problem("category", f'no category "{item.category}" in the catalog'))
        if item.price < 0:
            problems.append(Problem("price", "the price cannot be negative"))
        if item.billing not in BILLINGS:
            problems.append(Problem("billing", 'billing is "one_time" or "subscription"'))
    return problems


_NOUNS = {Category: "a category", Product: "a product", OrderForm: "an order form"}


def same_name(catalog: Catalog, item: Category | Product | OrderForm
              ) -> Category | Product | OrderForm | None:
    """Another item of the same section whose name matches (:func:`name_key`: any case,
    spaces around and between words aside): two products called alike could not be told
    apart in a list or found by name."""
    section: dict[str, Category] | dict[str, Product] | dict[str, OrderForm]
    if isinstance(item, Product):
        section = catalog.products
    elif isinstance(item, OrderForm):
        section = catalog.order_forms
    else:
        section = catalog.categories
    wanted = name_key(item.name)
    return next((other for other in section.values()
                 if other.id != item.id and name_key(other.name) == wanted), None)


def validate_payment_type(catalog: Catalog, name: str) -> list[Problem]:
    """A new payment type: a name whose id (``Store credit`` -> ``store_credit``, ``Crédit
    été`` -> ``crédit_été``, see :func:`payment_type_id`) is free. A name of symbols only
    ("!!!") has no word to make an id of and is refused, never saved as "item"; a clash
    names the payment type as lists show it ("Credit card"), not its id."""
    if not name.strip():
        return [Problem("payment_types", "the name cannot be empty")]
    if not has_word(name):
        return [Problem("payment_types", f'the name "{short_name(name, 80)}" needs at '
                                         "least one letter or digit")]
    payment_id = payment_type_id(name)
    if payment_id in catalog.payment_types:
        return [Problem("payment_types", "there is already a payment type "
                                         f'"{payment_type_label(payment_id)}"')]
    return []
