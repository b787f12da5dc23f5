"""Where a catalog item is used, and how to delete it with its references (Qt-free).

The catalog manager asks :func:`where_used` before deleting a product, category, order form
or payment type, shows the answer (which campaign and goal, which action set, which
product) and, when the user agrees, applies :func:`delete_with_references`: the item leaves
the catalog and every reference to it is dropped, as one change.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from .campaign import Campaign
from .catalog import Catalog
from .counting import counted
from .ecommerce import DEFAULT_SETS, Ecommerce
from .nodes import Node
from .purchase import PurchaseGoalConfig
from .workspace import Workspace

Section = Literal["products", "categories", "order_forms", "payment_types"]
SECTIONS: tuple[str, ...] = ("products", "categories", "order_forms", "payment_types")

# section -> (purchase goal list attribute, its use_* flag)
_GOAL_FIELDS: dict[str, tuple[str, str | None]] = {
    "products": ("products", "use_products"),
    "categories": ("categories", "use_categories"),
    "order_forms": ("order_forms", "use_order_forms"),
    "payment_types": ("payment_types", None),
}


@dataclass(frozen=True)
class Usage:
    """One place that uses a catalog item, with a sentence saying where."""

    where: str
    short: str  # for a table cell: 'goal "Bought pool shock"'
    campaign_id: str | None = None
    node_id: str | None = None
    action_set: str | None = None  # a default set name or "product:<id>"
    product_id: str | None = None  # a product whose category this is


def purchase_goals(workspace: Workspace
                   ) -> Iterator[tuple[Campaign, Node, PurchaseGoalConfig]]:
    """Every purchase goal of the workspace, with its campaign and its settings."""
    for campaign in workspace.campaigns:
        for node in campaign.nodes:
            if isinstance(node.config, PurchaseGoalConfig):
                yield campaign, node, node.config


def where_used(workspace: Workspace, section: str, item_id: str) -> list[Usage]:
    """Every goal, action set and product that refers to ``item_id`` of ``section``."""
    if section not in SECTIONS:
        raise ValueError(f"unknown catalog section {section!r}")
    usages: list[Usage] = []
    attr, _flag = _GOAL_FIELDS[section]
    for campaign, node, config in purchase_goals(workspace):
        chosen = getattr(config, attr)
        if isinstance(chosen, list) and item_id in chosen:
            usages.append(Usage(
                f'campaign "{campaign.name}", purchase goal "{node.name}"',
                f'goal "{node.name}"', campaign_id=campaign.id, node_id=node.id))
    catalog = workspace.catalog
    if section == "categories":
        for product in catalog.products.values():
            if product.category == item_id:
                usages.append(Usage(f'product "{product.name}" (its category)',
                                    f'product "{product.name}"', product_id=product.id))
    if section == "products" and workspace.ecommerce.product_action_sets.get(item_id):
        usages.append(_own_action_set(
            item_id, len(workspace.ecommerce.product_action_sets[item_id])))
    return usages


class UsageIndex:
    """Where every catalog item is used, found in one walk over the workspace.

    ``index.where_used(section, item_id)`` answers as :func:`where_used` does, in the same
    order, without walking every node again: the Catalog window asks for each of its rows
    (2,000 products and 14,000 nodes took 24 s one item at a time). The index is a snapshot:
    build a new one after the workspace changes.
    """

    def __init__(self, workspace: Workspace) -> None:
        goals: dict[tuple[str, str], list[Usage]] = {}
        lists = [(section, attr) for section, (attr, _flag) in _GOAL_FIELDS.items()]
        for campaign, node, config in purchase_goals(workspace):
            usage: Usage | None = None
            for section, attr in lists:
                chosen = getattr(config, attr)
                if not isinstance(chosen, list) or not chosen:
                    continue
                if usage is None:
                    usage = Usage(
                        f'campaign "{campaign.name}", purchase goal "{node.name}"',
                        f'goal "{node.name}"', campaign_id=campaign.id, node_id=node.id)
                for item_id in dict.fromkeys(chosen):  # a goal once, however often named
                    goals.setdefault((section, item_id), []).append(usage)
        self._goals = goals
        self._products_by_category: dict[str, list[Usage]] = {}
        for product in workspace.catalog.products.values():
            if product.category is not None:
                self._products_by_category.setdefault(product.category, []).append(Usage(
                    f'product "{product.name}" (its category)', f'product "{product.name}"',
                    product_id=product.id))
        self._own_sets = {product_id: len(actions) for product_id, actions
                          in workspace.ecommerce.product_action_sets.items() if actions}

    def where_used(self, section: str, item_id: str) -> list[Usage]:
        """What :func:`where_used` says for ``item_id`` of ``section`` (a new list)."""
        if section not in SECTIONS:
            raise ValueError(f"unknown catalog section {section!r}")
        usages = list(self._goals.get((section, item_id), ()))
        if section == "categories":
            usages.extend(self._products_by_category.get(item_id, ()))
        if section == "products" and item_id in self._own_sets:
            usages.append(_own_action_set(item_id, self._own_sets[item_id]))
        return usages


def emptied_category(workspace: Workspace, product_id: str) -> tuple[str, list[str]] | None:
    """When deleting the product ``product_id`` leaves its category with no products and
    purchase goals count that category: the category's name and the goals' names (QA 21:
    the question said nothing of it, and the goal was left unmeetable)."""
    catalog = workspace.catalog
    product = catalog.products.get(product_id)
    if product is None or product.category not in catalog.categories:
        return None
    category = product.category
    if any(p.category == category for p in catalog.products.values() if p.id != product_id):
        return None
    goals = [node.name for campaign in workspace.campaigns for node in campaign.nodes
             if isinstance(node.config, PurchaseGoalConfig) and node.config.use_categories
             and not node.config.any_purchase and category in node.config.categories]
    return (catalog.categories[category].name, goals) if goals else None


def goals_left_without(workspace: Workspace, section: str, item_id: str) -> list[str]:
    """The names of the purchase goals that deleting ``item_id`` of ``section`` leaves with
    no purchase option (for a payment type: with "Only these payment types" and none),
    which makes them invalid (R11): those whose only option is a list of this item alone.
    (QA: the question said "a goal left with no purchase option becomes invalid" while it
    knew which goal.)"""
    if section not in SECTIONS:
        raise ValueError(f"unknown catalog section {section!r}")
    attr, flag = _GOAL_FIELDS[section]
    names = []
    for _campaign, node, config in purchase_goals(workspace):
        chosen = getattr(config, attr)
        if not isinstance(chosen, list) or set(chosen) != {item_id} \
                or (flag is not None and not getattr(config, flag)):
            continue
        if section == "payment_types" or not _other_option(config, section):
            names.append(node.name)
    return names


def _other_option(config: PurchaseGoalConfig, section: str) -> bool:
    """Whether the goal has a purchase option besides its list of ``section``'s items:
    any purchase, or another option ticked with something chosen."""
    return config.any_purchase or any(
        getattr(config, flag) and getattr(config, attr)
        for other, (attr, flag) in _GOAL_FIELDS.items()
        if flag is not None and other != section)


def _own_action_set(product_id: str, actions: int) -> Usage:
    return Usage("the product's own action set in E-Commerce Actions "
                 f"({counted(actions, 'action')})",
                 "its own action set", action_set=f"product:{product_id}")


def describe_usages(usages: list[Usage]) -> str:
    """One bullet line per place, for a question before deleting."""
    return "\n".join(f"• {u.where}" for u in usages)


def summarise_usages(usages: list[Usage]) -> str:
    """The places in one short line, for a table cell."""
    return ", ".join(u.short for u in usages)


@dataclass
class Deletion:
    """The state after deleting an item: a new catalog, changed nodes, a new ecommerce."""

    catalog: Catalog
    nodes: list[tuple[str, Node, Node]] = field(default_factory=list)  # campaign, before, after
    ecommerce: Ecommerce | None = None  # None when the action sets do not change


def copy_catalog(catalog: Catalog) -> Catalog:
    return copy.deepcopy(catalog)


def delete_with_references(workspace: Workspace, section: str, item_id: str) -> Deletion:
    """What deleting ``item_id`` does: it leaves the catalog and every list that names it.

    A goal option whose list becomes empty is no longer selected (as in a file, C2); if
    that was its only option the goal becomes invalid and lint shows it, which the usage
    message warned about. A product's own action set goes with the product; products of a
    deleted category keep no category.
    """
    if section not in SECTIONS:
        raise ValueError(f"unknown catalog section {section!r}")
    catalog = copy_catalog(workspace.catalog)
    if section == "payment_types":
        catalog.payment_types = [p for p in catalog.payment_types if p != item_id]
    else:
        getattr(catalog, section).pop(item_id, None)
    if section == "categories":
        for product in catalog.products.values():
            if product.category == item_id:
                product.category = None
    deletion = Deletion(catalog)
    attr, flag = _GOAL_FIELDS[section]
    for campaign, node, config in purchase_goals(workspace):
        chosen = getattr(config, attr)
        if not isinstance(chosen, list) or item_id not in chosen:
            continue
        after = node.copy()
        remaining = [i for i in chosen if i != item_id]
        setattr(after.config, attr, remaining)
        if flag is not None and not remaining:
            setattr(after.config, flag, False)
        deletion.nodes.append((campaign.id, node.copy(), after))
    if section == "products" and item_id in workspace.ecommerce.product_action_sets:
        ecommerce = workspace.ecommerce.copy()
        del ecommerce.product_action_sets[item_id]
        deletion.ecommerce = ecommerce
    return deletion


def default_set_label(name: str) -> str:
    return DEFAULT_SETS[name][0] if name in DEFAULT_SETS else name
