"""Checks for one e-commerce action set while it is edited (R12), and product search."""

from __future__ import annotations

from .catalog import Catalog, Product
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
    """Products whose name contains ``text`` (case-insensitive), in catalog order."""
    needle = text.strip().casefold()
    return [p for p in catalog.products.values() if needle in p.name.casefold()]


def product_by_name(catalog: Catalog, name: str) -> Product | None:
    """The product with exactly this name (case-insensitive), or the only substring match."""
    wanted = name.strip().casefold()
    for product in catalog.products.values():
        if product.name.casefold() == wanted:
            return product
    matches = find_products(catalog, name) if wanted else []
    return matches[0] if len(matches) == 1 else None
