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

from ..domain.ecommerce import LEGACY_SETTING
from ..domain.errors import Problem
from ..domain.sequence import step_to_data
from ..domain.workspace import Workspace
from ..io.errors import LoadError
from ..io.schema import FORMAT, VERSION
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
from .places import node_words, stored_problem

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


def workspace_data(
    settings: Any,
    categories: Iterable[Sequence[Any]],
    products: Iterable[Sequence[Any]],
    order_forms: Iterable[Sequence[Any]],
    payment_types: Iterable[Any],
    action_sets: Iterable[Sequence[Any]],
    actions: Iterable[Sequence[Any]],
    contacts: Iterable[Sequence[Any]],
    tags: Iterable[Sequence[Any]],
    campaigns: Iterable[Sequence[Any]],
    nodes: Iterable[Sequence[Any]],
    edges: Iterable[Sequence[Any]],
    decode: Callable[[Any], Any],
    source: str = "",
) -> dict[str, Any]:
    """The rows (in ``position`` order, columns as ``store.load`` reads them; a node's
    settings and an action as their stored JSON text, read with ``decode``) as the data
    of a ``.campaign.json`` file, for ``io.workspace_file.workspace_from_stored`` to check
    as the file loader checks a file. Raises LoadError, placed in the store's words (see
    :mod:`.places`), for a JSON document that cannot be read or is not an object, and for
    a node or link whose campaign is not in the store (a database edited with its foreign
    keys off). An action whose set's row is missing is kept in a set of that name."""
    problems: list[Problem] = []  # in the file's terms until the data is whole

    def document(text: Any, where: str) -> dict[str, Any]:
        try:
            data = decode(text) if isinstance(text, (str, bytes)) else text
        except (ValueError, RecursionError):
            problems.append(Problem(where, f"the stored JSON cannot be read: {_cut(text)}"))
            return {}
        if not isinstance(data, dict):
            found = "null" if data is None else type(data).__name__
            found = {"list": "an array", "str": "a string", "int": "a number",
                     "float": "a number", "bool": "true or false"}.get(found, found)
            problems.append(Problem(where, f"expected a JSON object, found {found}"))
            return {}
        return data

    eco: dict[str, Any] = {"settings": {LEGACY_SETTING: settings},
                           "action_sets": {}, "product_action_sets": {}}
    for scope, name in action_sets:
        key = "product_action_sets" if scope == PRODUCT_SCOPE else "action_sets"
        eco[key].setdefault(name, [])
    for scope, set_name, text in actions:
        key = "product_action_sets" if scope == PRODUCT_SCOPE else "action_sets"
        target = eco[key].setdefault(set_name, [])
        target.append(document(text, f"ecommerce.{key}.{set_name}[{len(target)}]"))

    contact_tags: dict[int, list[Any]] = defaultdict(list)
    for contact_position, tag in tags:
        contact_tags[contact_position].append(tag)
    contact_list = []
    for position, cid, first, last, email, ctype in contacts:
        contact: dict[str, Any] = {"id": cid, "first_name": first, "last_name": last,
                                   "email": email, "tags": contact_tags.get(position, [])}
        if ctype is not None:
            contact["contact_type"] = ctype
        contact_list.append(contact)

    by_id: dict[Any, tuple[int, dict[str, Any]]] = {}
    campaign_list: list[dict[str, Any]] = []
    for cid, name in campaigns:
        campaign = {"id": cid, "name": name, "nodes": [], "edges": []}
        by_id[cid] = (len(campaign_list), campaign)
        campaign_list.append(campaign)
    orphans: list[Problem] = []  # in the store's words already: no file place holds them
    for campaign_id, nid, kind, name, x, y, text in nodes:
        node = {"id": nid, "kind": kind, "name": name, "x": x, "y": y}
        if campaign_id not in by_id:
            orphans.append(Problem(node_words(node), f"its campaign (id {campaign_id}) is "
                                                     "not in the store"))
            continue
        ci, campaign = by_id[campaign_id]
        where = f"campaigns[{ci}].nodes[{len(campaign['nodes'])}].settings"
        node = {**document(text, where), **node}
        campaign["nodes"].append(node)
    for campaign_id, source_id, target_id in edges:
        edge = {"source": source_id, "target": target_id}
        if campaign_id not in by_id:
            orphans.append(Problem(f"link from (id {source_id}) to (id {target_id})",
                                   f"its campaign (id {campaign_id}) is not in the store"))
            continue
        by_id[campaign_id][1]["edges"].append(edge)

    data = {
        "format": FORMAT,
        "version": VERSION,
        "catalog": {
            "categories": [{"id": cid, "name": name} for cid, name in categories],
            "products": [{"id": pid, "name": name, "category": category, "price": price,
                          "billing": billing}
                         for pid, name, category, price, billing in products],
            "order_forms": [{"id": fid, "name": name, "legacy": legacy}
                            for fid, name, legacy in order_forms],
            "payment_types": list(payment_types),
        },
        "ecommerce": eco,
        "contacts": contact_list,
        "campaigns": campaign_list,
    }
    if problems or orphans:
        raise LoadError(source, [stored_problem(p, data) for p in problems] + orphans)
    return data


def _cut(text: Any) -> str:
    shown = str(text)
    return shown if len(shown) <= 40 else shown[:37] + "..."
