"""Adding and changing catalog items (Qt-free): ids for new items and their checks."""

from __future__ import annotations

from .catalog import BILLINGS, Catalog, Category, OrderForm, Product
from .errors import Problem
from .ids import slugify, unique_id
from .names import name_key


def new_item_id(catalog: Catalog, name: str, section: str) -> str:
    """A readable id from the name, unique across the catalog (payment types use ``_``)."""
    if section == "payment_types":
        return unique_id(slugify(name).replace("-", "_"), catalog.payment_types)
    return unique_id(slugify(name), catalog.all_ids())


def validate_item(catalog: Catalog, item: Category | Product | OrderForm) -> list[Problem]:
    problems: list[Problem] = []
    if not item.name.strip():
        problems.append(Problem("name", "the name cannot be empty"))
    else:
        clash = same_name(catalog, item)
        if clash is not None:
            problems.append(Problem("name", f'there is already {_NOUNS[type(item)]} named '
                                            f'"{clash.name}"'))
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
    """A new payment type: a name whose id (``Store credit`` -> ``store_credit``) is free."""
    if not name.strip():
        return [Problem("payment_types", "the name cannot be empty")]
    payment_id = slugify(name).replace("-", "_")
    if payment_id in catalog.payment_types:
        return [Problem("payment_types", f'there is already a payment type "{payment_id}"')]
    return []
