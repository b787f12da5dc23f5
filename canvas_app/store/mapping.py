"""A domain :class:`Workspace` to table rows and back.

Rows are plain dicts (one list per table) so that a save can insert each table in one bulk
statement. Node settings and actions go through the domain's own file form
(``spec.to_data`` / ``from_data``, ``step_to_data`` / ``step_from_data``), so the store
needs no change when a node kind or an action kind is added.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
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

Rows = dict[type[Base], list[dict[str, Any]]]


def workspace_rows(workspace: Workspace) -> Rows:
    """Every row of ``workspace``, by table."""
    cat = workspace.catalog
    eco = workspace.ecommerce
    rows: Rows = {
        WorkspaceRow: [{"id": 1, "product_actions_for_legacy_and_manual":
                        bool(eco.product_actions_for_legacy_and_manual)}],
        CategoryRow: [{"id": c.id, "position": i, "name": c.name}
                      for i, c in enumerate(cat.categories.values())],
        ProductRow: [{"id": p.id, "position": i, "name": p.name, "category": p.category,
                      "price": float(p.price), "billing": p.billing}
                     for i, p in enumerate(cat.products.values())],
        OrderFormRow: [{"id": f.id, "position": i, "name": f.name, "legacy": bool(f.legacy)}
                       for i, f in enumerate(cat.order_forms.values())],
        PaymentTypeRow: [{"position": i, "name": name}
                         for i, name in enumerate(cat.payment_types)],
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
            rows[ActionSetRow].append({"scope": scope, "name": name, "position": i})
            rows[ActionRow] += [{"scope": scope, "set_name": name, "position": j,
                                 "data": step_to_data(action)}
                                for j, action in enumerate(actions)]
    for i, contact in enumerate(workspace.contacts):
        rows[ContactRow].append({
            "position": i, "id": contact.id, "first_name": contact.first_name,
            "last_name": contact.last_name, "email": contact.email,
            "contact_type": contact.contact_type})
        rows[ContactTagRow] += [{"contact_position": i, "position": j, "tag": tag}
                                for j, tag in enumerate(contact.tags)]
    for i, campaign in enumerate(workspace.campaigns):
        rows[CampaignRow].append({"id": campaign.id, "position": i, "name": campaign.name})
        rows[NodeRow] += [{"campaign_id": campaign.id, "id": node.id, "position": j,
                           "kind": node.kind, "name": node.name, "x": float(node.x),
                           "y": float(node.y), "settings": node.spec.to_data(node.config)}
                          for j, node in enumerate(campaign.nodes)]
        rows[EdgeRow] += [{"campaign_id": campaign.id, "source": source, "target": target,
                           "position": j}
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
