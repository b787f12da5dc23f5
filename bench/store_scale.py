"""Store speed: save and load a workspace of 10,000 nodes and links, SQLite (and PostgreSQL
when CANVAS_APP_TEST_PG_URL is set), side by side with the JSON file format, and the store's
former way (kept below, ``old_save`` / ``old_load``: a Session, a parameter dict per row
given to SQLAlchemy's insert, json.dumps per document; on PostgreSQL one INSERT per row)
against the store as it is, in the same run, with ratios.

    python bench/store_scale.py [--nodes 1000] [--campaigns 10] [--repeat 3]

Ratios are old / new (how many times faster).

CANVAS_APP_TEST_PG_URL must name a database used only for tests: its tables are replaced.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, delete, event, insert, select, text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from canvas_app.domain.campaign import Campaign  # noqa: E402
from canvas_app.domain.catalog import Catalog, Category, OrderForm, Product  # noqa: E402
from canvas_app.domain.contacts import Contact  # noqa: E402
from canvas_app.domain.ecommerce import Ecommerce  # noqa: E402
from canvas_app.domain.nodes import Node, node_kind  # noqa: E402
from canvas_app.domain.sequence import (
    step_from_data,  # noqa: E402
    step_to_data,  # noqa: E402
)
from canvas_app.domain.steps import Step  # noqa: E402
from canvas_app.domain.workspace import Workspace  # noqa: E402
from canvas_app.io import (  # noqa: E402
    load_workspace,
    save_workspace,
    workspace_from_data,
    workspace_to_data,
)
from canvas_app.store import (
    Store,  # noqa: E402
    engines,  # noqa: E402
)
from canvas_app.store.models import (  # noqa: E402
    DEFAULT_SCOPE,
    PRODUCT_SCOPE,
    TABLES,
    ActionRow,
    ActionSetRow,
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
from tests.store.test_store import big_workspace  # noqa: E402


# -- the former way (commit 51d8051), for comparison ----------------------------------------
def old_engine(url: str) -> Engine:
    """An engine as the store made it: SQLAlchemy's default JSON (the json module)."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", engines._sqlite_connect)
        event.listen(engine, "begin", engines._sqlite_begin)
    return engine


def old_rows(workspace: Workspace) -> dict[Any, list[dict[str, Any]]]:
    cat = workspace.catalog
    eco = workspace.ecommerce
    rows: dict[Any, list[dict[str, Any]]] = {
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
        ActionSetRow: [], ActionRow: [], ContactRow: [], ContactTagRow: [], CampaignRow: [],
        NodeRow: [], EdgeRow: [],
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


def old_save(engine: Engine, workspace: Workspace) -> None:
    rows = old_rows(workspace)
    writing = engine.execution_options(sqlite_begin="IMMEDIATE")
    with Session(writing) as session, session.begin():
        if engine.dialect.name == "postgresql":
            session.execute(text("LOCK TABLE workspace IN EXCLUSIVE MODE"))
        row = session.execute(select(WorkspaceRow.revision)).first()
        current = int(row[0] or 0) if row is not None else 0
        rows[WorkspaceRow][0].update(revision=current + 1,
                                     saved_at=datetime.now(UTC).isoformat())
        for table in reversed(TABLES):
            session.execute(delete(table))
        order = {table: i for i, table in enumerate(TABLES)}
        for model, table_rows in sorted(rows.items(), key=lambda kv: order[kv[0].__table__]):
            if table_rows:
                session.execute(insert(model.__table__), table_rows)


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
    """The store's former reader (kept for the comparison): the workspace from rows read in
    ``position`` order, built without the file format's checks.

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



def old_load(engine: Engine) -> Workspace:
    with Session(engine) as session, session.begin():
        if engine.dialect.name == "postgresql":
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})

        def rows(*columns: Any) -> Any:
            table = columns[0].class_
            order = [table.position]
            if table is ActionSetRow:
                order = [ActionSetRow.scope, ActionSetRow.position]
            elif table is ActionRow:
                order = [ActionRow.scope, ActionRow.set_name, ActionRow.position]
            elif table is ContactTagRow:
                order = [ContactTagRow.contact_position, ContactTagRow.position]
            elif table in (NodeRow, EdgeRow):
                order = [table.campaign_id, table.position]
            return session.execute(select(*columns).order_by(*order)).all()

        return build_workspace(
            session.scalar(select(WorkspaceRow.product_actions_for_legacy_and_manual)),
            categories=rows(CategoryRow.id, CategoryRow.name),
            products=rows(ProductRow.id, ProductRow.name, ProductRow.category,
                          ProductRow.price, ProductRow.billing),
            order_forms=rows(OrderFormRow.id, OrderFormRow.name, OrderFormRow.legacy),
            payment_types=session.scalars(
                select(PaymentTypeRow.name).order_by(PaymentTypeRow.position)).all(),
            action_sets=rows(ActionSetRow.scope, ActionSetRow.name),
            actions=rows(ActionRow.scope, ActionRow.set_name, ActionRow.data),
            contacts=rows(ContactRow.position, ContactRow.id, ContactRow.first_name,
                          ContactRow.last_name, ContactRow.email, ContactRow.contact_type),
            tags=rows(ContactTagRow.contact_position, ContactTagRow.tag),
            campaigns=rows(CampaignRow.id, CampaignRow.name),
            nodes=rows(NodeRow.campaign_id, NodeRow.id, NodeRow.kind, NodeRow.name, NodeRow.x,
                       NodeRow.y, NodeRow.settings),
            edges=rows(EdgeRow.campaign_id, EdgeRow.source, EdgeRow.target),
        )


# -- measuring -------------------------------------------------------------------------------
def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    fastest = float("inf")
    value = None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, value


def edited(workspace: Workspace, share: int = 100) -> Workspace:
    """A copy of ``workspace`` after a small edit: one node in ``share`` moved, one in ten
    times that renamed, one in ten times that removed (with its links)."""
    copy = workspace_from_data(workspace_to_data(workspace))
    for campaign in copy.campaigns:
        nodes = campaign.nodes
        for node in nodes[::share]:
            campaign.move(node.id, node.x + 7.0, node.y + 3.0)
        for node in nodes[1::share * 10]:
            campaign.rename(node.id, node.name + " (renamed)")
        for node in nodes[2::share * 10]:
            campaign.remove_node(node.id)
    return copy


def other(workspace: Workspace) -> Workspace:
    """The same shape with every campaign and node id different: every row changes."""
    data = json.loads(json.dumps(workspace_to_data(workspace)).replace('"big-', '"other-'))
    return workspace_from_data(data)


def measure(url: str, workspace: Workspace, repeat: int) -> dict[str, float]:
    """Old and new save and load, in turns so that a busy machine slows both alike. Each
    save starts from a store holding ``before`` (written untimed); the old way rewrites
    every row whatever changed, the new one what differs."""
    small_edit = edited(workspace)
    different = other(workspace)
    cases: list[tuple[str, Workspace, Callable[[], Any]]] = []
    times: dict[str, float] = {}
    engine = old_engine(url)
    try:
        with Store(url) as store:
            cases = [
                ("old save", workspace, lambda: old_save(engine, small_edit)),
                ("new save, unchanged", workspace, lambda: store.save(workspace)),
                ("new save, small edit", workspace, lambda: store.save(small_edit)),
                ("new save, every row", different, lambda: store.save(workspace)),
                ("old save, empty store", Workspace(), lambda: old_save(engine, workspace)),
                ("new save, empty store", Workspace(), lambda: store.save(workspace)),
                ("old load", workspace, lambda: old_load(engine)),
                ("new load", workspace, store.load),
            ]
            for _ in range(repeat):
                for key, before, fn in cases:
                    store.save(before)
                    seconds, value = best(fn, 1)
                    times[key] = min(times.get(key, float("inf")), seconds)
                    if key.endswith("load"):
                        assert value == workspace, f"{key} read another workspace"
            assert store.load() == workspace
    finally:
        engine.dispose()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--campaigns", type=int, default=10)
    parser.add_argument("--nodes", type=int, default=1000, help="nodes per campaign")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best counts")
    args = parser.parse_args()
    workspace = big_workspace(args.campaigns, args.nodes)
    total = sum(len(c) for c in workspace.campaigns)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.campaign.json"
        json_save, _ = best(lambda: save_workspace(workspace, path), args.repeat)
        json_load, _ = best(lambda: load_workspace(path), args.repeat)
        urls = [("SQLite", f"sqlite:///{Path(tmp) / 'big.db'}")]
        if os.environ.get("CANVAS_APP_TEST_PG_URL"):
            urls.append(("PostgreSQL", os.environ["CANVAS_APP_TEST_PG_URL"]))
        results = [(name, measure(url, workspace, args.repeat)) for name, url in urls]
    print(f"{total} nodes, {total - args.campaigns} links (best of {args.repeat} runs, "
          "seconds; old = the store before, new = as it is)")
    print(f"JSON file: save {json_save:.3f}, load {json_load:.3f}")
    print("save: old rewrites every row whatever changed; new writes what differs from the "
          "stored workspace (unchanged; a small edit: 1% of nodes moved, 0.1% renamed, "
          "0.1% removed; every row different; into a store holding an empty workspace)")
    keys = ["old save", "new save, unchanged", "new save, small edit", "new save, every row",
            "old save, empty store", "new save, empty store", "old load", "new load"]
    print(f"{'':<22}" + "".join(f"{name:>12}" for name, _ in results))
    for key in keys:
        line = f"{key:<22}"
        for _, t in results:
            ratio = ""
            if key.startswith("new"):
                old = t[key.replace("new", "old")] if "empty" in key else (
                    t["old save" if "save" in key else "old load"])
                ratio = f" {old / t[key]:4.1f}x"
            line += f"{t[key]:7.3f}{ratio:>5}" if ratio else f"{t[key]:7.3f}     "
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
