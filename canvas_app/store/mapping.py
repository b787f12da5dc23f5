"""A domain :class:`Workspace` to table rows and back.

Rows are plain tuples (one list per table, columns as in ``COLUMNS``) so that a save can
hand each table to the database driver in one bulk statement. Node settings and actions go
through the domain's own file form (``spec.to_data`` / ``from_data``, ``step_to_data`` /
``step_from_data``), so the store needs no change when a node kind or an action kind is
added.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..domain.campaign import Campaign
from ..domain.catalog import Catalog, Category, OrderForm, Product
from ..domain.contacts import Contact
from ..domain.ecommerce import Ecommerce
from ..domain.nodes import Node, node_kind
from ..domain.sequence import step_from_data, step_to_data
from ..domain.steps import Step
from ..domain.workspace import Workspace
from .models import (
    DEFAULT_SCOPE,
    PRODUCT_SCOPE,
    ActionRow,
    ActionSetRow,
    Base,
    CampaignRow,
    CategoryRow,
    ContactRow,
    ContactTagRow,
    EdgeRow,
    NodeRow,
    OrderFormRow,
    PaymentTypeRow,
    ProductRow,
    WorkspaceRow,
)

Row = tuple[Any, ...]
Rows = dict[type[Base], list[Row]]

# The columns of each table's row tuples, in the order :func:`workspace_rows` fills them.
COLUMNS: dict[type[Base], tuple[str, ...]] = {
    WorkspaceRow: ("id", "product_actions_for_legacy_and_manual", "revision", "saved_at"),
    CategoryRow: ("id", "position", "name"),
    ProductRow: ("id", "position", "name", "category", "price", "billing"),
    OrderFormRow: ("id", "position", "name", "legacy"),
    PaymentTypeRow: ("position", "name"),
    ActionSetRow: ("scope", "name", "position"),
    ActionRow: ("scope", "set_name", "position", "data"),
    ContactRow: ("position", "id", "first_name", "last_name", "email", "contact_type"),
    ContactTagRow: ("contact_position", "position", "tag"),
    CampaignRow: ("id", "position", "name"),
    NodeRow: ("campaign_id", "id", "position", "kind", "name", "x", "y", "settings"),
    EdgeRow: ("campaign_id", "source", "target", "position"),
}


def _as_is(data: dict[str, Any]) -> Any:
    return data


def workspace_row(workspace: Workspace, revision: int, saved_at: str) -> Row:
    """The ``workspace`` table's single row (columns as in ``COLUMNS[WorkspaceRow]``)."""
    return (1, bool(workspace.ecommerce.product_actions_for_legacy_and_manual), revision,
            saved_at)


def workspace_rows(workspace: Workspace,
                   encode: Callable[[dict[str, Any]], Any] = _as_is) -> Rows:
    """Every row of ``workspace`` but the ``workspace`` table's own (see
    :func:`workspace_row`), by table, as tuples in the order of ``COLUMNS``. ``encode``
    turns each JSON document (a node's settings, an action) into what the database
    driver is given: the dict itself by default, or its JSON text."""
    cat = workspace.catalog
    eco = workspace.ecommerce
    rows: Rows = {
        CategoryRow: [(c.id, i, c.name) for i, c in enumerate(cat.categories.values())],
        ProductRow: [(p.id, i, p.name, p.category, float(p.price), p.billing)
                     for i, p in enumerate(cat.products.values())],
        OrderFormRow: [(f.id, i, f.name, bool(f.legacy))
                       for i, f in enumerate(cat.order_forms.values())],
        PaymentTypeRow: list(enumerate(cat.payment_types)),
        ActionSetRow: [],
        ActionRow: [],
        ContactRow: [],
        ContactTagRow: [],
        CampaignRow: [],
        NodeRow: [],
        EdgeRow: [],
    }
    for scope, sets in ((DEFAULT_SCOPE, eco.action_sets),
                        (PRODUCT_SCOPE, eco.product_action_sets)):
        for i, (name, actions) in enumerate(sets.items()):
            rows[ActionSetRow].append((scope, name, i))
            rows[ActionRow] += [(scope, name, j, encode(step_to_data(action)))
                                for j, action in enumerate(actions)]
    for i, contact in enumerate(workspace.contacts):
        rows[ContactRow].append((i, contact.id, contact.first_name, contact.last_name,
                                 contact.email, contact.contact_type))
        rows[ContactTagRow] += [(i, j, tag) for j, tag in enumerate(contact.tags)]
    for i, campaign in enumerate(workspace.campaigns):
        cid = campaign.id
        rows[CampaignRow].append((cid, i, campaign.name))
        rows[NodeRow] += [(cid, node.id, j, node.kind, node.name, float(node.x),
                           float(node.y), encode(node.spec.to_data(node.config)))
                          for j, node in enumerate(campaign.nodes)]
        rows[EdgeRow] += [(cid, source, target, j)
                          for j, (source, target) in enumerate(campaign.edges)]
    return rows


def build_workspace(
    settings: Any,
    categories: Iterable[Sequence[Any]],
    products: Iterable[Sequence[Any]],
    order_forms: Iterable[Sequence[Any]],
    payment_types: Iterable[str],
    action_sets: Iterable[Sequence[Any]],
    actions: Iterable[Sequence[Any]],
    contacts: Iterable[Sequence[Any]],
    tags: Iterable[Sequence[Any]],
    campaigns: Iterable[Sequence[Any]],
    nodes: Iterable[Sequence[Any]],
    edges: Iterable[Sequence[Any]],
) -> Workspace:
    """The workspace from rows read in ``position`` order (columns as in ``store.load``).

    Raises ValueError (or KeyError for an unknown node kind) for data it cannot read.
    """
    catalog = Catalog(
        categories={cid: Category(cid, name) for cid, name in categories},
        products={pid: Product(pid, name, category, price, billing)
                  for pid, name, category, price, billing in products},
        order_forms={fid: OrderForm(fid, name, legacy) for fid, name, legacy in order_forms},
        payment_types=list(payment_types),
    )

    ecommerce = Ecommerce(product_actions_for_legacy_and_manual=bool(settings))
    steps: dict[tuple[str, str], list[Step]] = defaultdict(list)
    for scope, set_name, data in actions:
        steps[(scope, set_name)].append(step_from_data(data))
    for scope, name in action_sets:
        target = ecommerce.product_action_sets if scope == PRODUCT_SCOPE else (
            ecommerce.action_sets)
        target[name] = steps.get((scope, name), [])

    contact_tags: dict[int, list[str]] = defaultdict(list)
    for contact_position, tag in tags:
        contact_tags[contact_position].append(tag)
    contact_list = [Contact(cid, first, last, email, contact_tags.get(position, []), ctype)
                    for position, cid, first, last, email, ctype in contacts]

    workspace = Workspace(catalog, ecommerce, contact_list)
    by_id: dict[str, Campaign] = {}
    for cid, name in campaigns:
        by_id[cid] = workspace.add_campaign(Campaign(cid, name))
    for campaign_id, nid, kind, name, x, y, data in nodes:
        spec = node_kind(kind)
        by_id[campaign_id].add_node(Node(nid, kind, name, x, y, spec.from_data(data)))
    for campaign_id, source, target in edges:
        by_id[campaign_id].link(source, target)
    return workspace
