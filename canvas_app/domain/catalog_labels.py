"""Catalog items as lists show them: by name, and where an item's name is one an item
before it in the catalog has too (capitals and spaces aside, :func:`~.names.name_key`),
with its id in parentheses: "Pool Scrubbing Mitt" and "Pool Scrubbing Mitt (mitt2)".

The Catalog refuses a second item of a name (:func:`~.catalog_edit.same_name`), but a
file, a merge or another tool can bring one in; lint warns of it
(:func:`~.lint.same_catalog_names`). Until one is renamed, the E-Commerce Actions'
product search, the Catalog's tables and the purchase goal's lists show the two apart,
and a row picked means that item (QA: two identical rows, and picking the second opened
the first product's actions).
"""

from __future__ import annotations

from collections.abc import Iterable

from .catalog import Catalog, payment_type_label
from .names import name_key

LABEL_SECTIONS = ("products", "categories", "order_forms", "payment_types")  # as the tabs


def item_names(catalog: Catalog, section: str) -> list[tuple[str, str]]:
    """The (id, name) of each item of ``section`` in the catalog's order; a payment type's
    name is its label ("Credit card"), once however often it is listed."""
    if section == "payment_types":
        return [(p, payment_type_label(p)) for p in dict.fromkeys(catalog.payment_types)]
    return [(item.id, item.name) for item in getattr(catalog, section).values()]


def told_apart(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each id -> its label: the name, with `` (id)`` after it when an earlier item has
    the same name."""
    labels: dict[str, str] = {}
    seen: set[str] = set()
    for item_id, name in items:
        key = name_key(name)
        labels[item_id] = f"{name} ({item_id})" if key in seen else name
        seen.add(key)
    return labels


def item_labels(catalog: Catalog, section: str) -> dict[str, str]:
    """Every item of ``section`` -> its label, in the catalog's order."""
    return told_apart(item_names(catalog, section))


def product_label(catalog: Catalog, product_id: str) -> str:
    """A product's label (its id when the catalog has no such product)."""
    return item_labels(catalog, "products").get(product_id, product_id)
