"""What makes a whole workspace invalid beyond its nodes' own settings, found once for both
:meth:`Workspace.validate <canvas_app.domain.workspace.Workspace.validate>` (located by
JSON path, C6) and lint (in people's words, :mod:`canvas_app.domain.workspace_lint`), so
the two never disagree about what is wrong: ids used twice (nodes across campaigns,
contacts, catalog items), payment types listed twice, products in a category the catalog
lacks, e-commerce action sets the app does not know or of a product it lacks, and actions
missing a value their kind needs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from .ecommerce import DEFAULT_SETS
from .errors import Problem
from .steps import ACTION_KINDS, Step, validate_step

if TYPE_CHECKING:
    from .campaign import Campaign
    from .catalog import Catalog, Product
    from .contacts import Contact
    from .ecommerce import Ecommerce
    from .nodes import Node
    from .workspace import Workspace

T = TypeVar("T")

CATALOG_SECTIONS = ("categories", "products", "order_forms")


@dataclass(frozen=True)
class Repeat(Generic[T]):
    """An id given again: ``place`` where it is given again, ``previous`` the nearest
    earlier place that gives it."""

    id: str
    place: T
    previous: T


def repeats(items: Iterable[tuple[str, T]]) -> list[Repeat[T]]:
    """Each (id, place) whose id an earlier one has, in the order given."""
    seen: dict[str, T] = {}
    found: list[Repeat[T]] = []
    for item_id, place in items:
        if item_id in seen:
            found.append(Repeat(item_id, place, seen[item_id]))
        seen[item_id] = place
    return found


def grouped(found: list[Repeat[T]]) -> dict[str, list[T]]:
    """Every place of each repeated id, in the order given (the first place included)."""
    groups: dict[str, list[T]] = {}
    for repeat in found:
        places = groups.setdefault(repeat.id, [repeat.previous])
        places.append(repeat.place)
    return groups


@dataclass(frozen=True)
class NodePlace:
    """A node and where it is: its campaign's and its own index (for JSON paths)."""

    campaign_index: int
    campaign: Campaign
    node_index: int
    node: Node


def repeated_node_ids(campaigns: list[Campaign]) -> list[Repeat[NodePlace]]:
    """Node ids used in more than one campaign (C1: unique within a workspace; a campaign's
    graph cannot hold one twice). Lint asks after every edit: the places of nodes are
    made only when some id is used twice (14,000 nodes in 20 campaigns: 0.17 s against 4 ms)."""
    graphs = [campaign.graph._node for campaign in campaigns]  # the graphs' own dicts
    if len(set().union(*graphs)) == sum(map(len, graphs)):
        return []
    counts = Counter(node_id for graph in graphs for node_id in graph)
    twice = {node_id for node_id, count in counts.items() if count > 1}
    return repeats((node.id, NodePlace(ci, campaign, ni, node))
                   for ci, campaign in enumerate(campaigns)
                   for ni, node in enumerate(campaign.nodes) if node.id in twice)


def repeated_contact_ids(contacts: list[Contact]) -> list[Repeat[int]]:
    """Contact ids used twice; places are indexes in ``contacts``."""
    return repeats((contact.id, i) for i, contact in enumerate(contacts))


def repeated_catalog_ids(catalog: Catalog) -> list[Repeat[tuple[str, int]]]:
    """Ids shared by catalog items of different sections (a section's own are unique: the
    file loader refuses one given twice); places are (section, index in it)."""
    return repeats((item_id, (section, i)) for section in CATALOG_SECTIONS
                   for i, item_id in enumerate(getattr(catalog, section)))


def repeated_payment_types(catalog: Catalog) -> list[Repeat[int]]:
    return repeats((name, i) for i, name in enumerate(catalog.payment_types))


def products_in_missing_categories(catalog: Catalog) -> list[tuple[int, Product]]:
    """Products whose category is not in the catalog, with their index."""
    return [(i, product) for i, product in enumerate(catalog.products.values())
            if product.category is not None and product.category not in catalog.categories]


def sets_of_missing_products(workspace: Workspace) -> list[str]:
    """Product ids that have an action set but are not in the catalog."""
    return [product_id for product_id in workspace.ecommerce.product_action_sets
            if product_id not in workspace.catalog.products]


def unknown_action_sets(ecommerce: Ecommerce) -> list[str]:
    """Names of action sets that are none of the app's (the engine never runs them)."""
    return [name for name in ecommerce.action_sets if name not in DEFAULT_SETS]


@dataclass(frozen=True)
class ActionProblem:
    """A problem of one action: its set's key (a set name, or ``product:<id>``), its path
    prefix in the file, its index in the set, the action, and the problem (its path
    relative to the action)."""

    set_key: str
    prefix: str
    index: int
    action: Step
    problem: Problem


def action_problems(ecommerce: Ecommerce) -> list[ActionProblem]:
    """Actions of a kind the app lacks or missing a value their kind needs."""
    sets = [(name, f"ecommerce.action_sets.{name}", actions)
            for name, actions in ecommerce.action_sets.items()]
    sets += [(f"product:{product_id}", f"ecommerce.product_action_sets.{product_id}", actions)
             for product_id, actions in ecommerce.product_action_sets.items()]
    return [ActionProblem(key, prefix, i, action, problem)
            for key, prefix, actions in sets
            for i, action in enumerate(actions)
            for problem in validate_step(action, ACTION_KINDS)]
