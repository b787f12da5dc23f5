"""Checks for one e-commerce action set while it is edited (R12), and product search."""

from __future__ import annotations

from .catalog import Catalog, Product
from .catalog_labels import item_labels
from .errors import Problem
from .steps import ACTION_KINDS, Step, validate_step
from .workspace import Workspace


def validate_actions(actions: list[Step], workspace: Workspace) -> list[Problem]:
    """Problems of an action list, paths ``[i].field`` (as ``Workspace.validate`` finds)."""
    problems: list[Problem] = []
    for i, action in enumerate(actions):
        problems += [p.at(f"[{i}]") for p in validate_step(action, ACTION_KINDS)]
        if (action.kind in ("add_to_campaign", "remove_from_campaign") and action.campaign
                and not workspace.has_campaign(action.campaign)):
            problems.append(Problem(f"[{i}].campaign", f'no campaign "{action.campaign}"'))
    return problems


def find_products(catalog: Catalog, text: str) -> list[Product]:
    """Products whose label contains ``text`` (case-insensitive), in catalog order: the
    name, and the id that tells apart a product of a name an earlier one has
    (:mod:`canvas_app.domain.catalog_labels`: "Pool Scrubbing Mitt (mitt2)")."""
    needle = text.strip().casefold()
    return [catalog.products[product_id]
            for product_id, label in item_labels(catalog, "products").items()
            if needle in label.casefold()]


def product_by_name(catalog: Catalog, name: str) -> Product | None:
    """The product whose label is exactly ``name`` (case-insensitive), or the only one
    whose label contains it. Of two products of one name, the plain name is the first's
    label and "Name (id)" the other's: each row of a list picks its own product, never
    the first of that name."""
    wanted = name.strip().casefold()
    for product_id, label in item_labels(catalog, "products").items():
        if label.casefold() == wanted:
            return catalog.products[product_id]
    matches = find_products(catalog, name) if wanted else []
    return matches[0] if len(matches) == 1 else None
