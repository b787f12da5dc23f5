"""An independent copy of a workspace the app holds, as saving and reopening it would give.

The simulation runs on a copy of the workspace as it is when the run starts (edits made
during the run change nothing in it). That copy was the workspace written to this format's
data and read back (``draft_from_data(workspace_to_data(w))``): on a 5,000-node campaign
about half of a run's set-up, a third of it checking against the JSON Schema data the app
had just written itself. :func:`workspace_snapshot` gives the same workspace without the
detour: every object copied directly, normalised as the file's round trip normalises it
(coordinates and prices as floats, a purchase goal's options ticked exactly when they list
something, durations in whole seconds, times in UTC, an empty contact type as none), in the
same order (nodes, links, and so each node's successors and predecessors). What the direct
copy cannot reproduce for certain (a step's duration with a fraction of a second, a time in
another zone, a node kind of unknown settings) goes through the file's own functions, one
step or one node at a time. ``tests/ui/simulation/test_snapshot_copy.py`` compares the two
on the sample and on random workspaces.

Nothing is checked: the workspace is the app's own, already checked as it was opened and
edited (``check_runnable`` refuses one with errors before a run starts).
"""

from __future__ import annotations

from datetime import UTC, timedelta

import networkx as nx

from ..domain.campaign import Campaign
from ..domain.catalog import Catalog, Category, OrderForm, Product
from ..domain.contacts import Contact
from ..domain.ecommerce import Ecommerce
from ..domain.nodes import Node, node_kind
from ..domain.sequence import SequenceConfig, step_from_data, step_to_data
from ..domain.steps import Step
from ..domain.timeutil import MAX_DURATION
from ..domain.workspace import Workspace
from .workspace_file import node_to_data

# What step_to_data writes besides a step's ``extra`` (which it writes over them).
_STEP_KEYS = frozenset({"kind", "subject", "duration", "until", "tag", "message",
                        "contact_type", "campaign", "delay"})
_NO_TIME = timedelta(0)


def _whole(delta: timedelta | None) -> bool:
    """Whether the file's round trip gives ``delta`` back as it is (whole seconds, in
    range)."""
    return delta is None or (delta.microseconds == 0 and _NO_TIME <= delta <= MAX_DURATION)


def copy_step(step: Step) -> Step:
    """The step as the file's round trip gives it (``step_from_data(step_to_data(step))``)."""
    until = step.until
    if (_whole(step.duration) and _whole(step.delay)
            and (until is None or until.tzinfo is UTC)
            and not _STEP_KEYS.intersection(step.extra)):
        return Step(step.kind, step.subject, step.duration, until, step.tag, step.message,
                    step.contact_type, step.campaign, step.delay, dict(step.extra))
    return step_from_data(step_to_data(step))


def _copy_config(node: Node) -> object:
    """The node's settings as the file's round trip gives them."""
    config = node.config
    if node.kind == "sequence" and type(config) is SequenceConfig:
        return SequenceConfig([copy_step(s) for s in config.steps],
                              bool(config.runs_until_completed))
    return node_kind(node.kind).from_data(node_to_data(node))


def copy_campaign(campaign: Campaign) -> Campaign:
    copy = Campaign(campaign.id, campaign.name)
    graph: nx.DiGraph = copy.graph
    graph.add_nodes_from(
        (n.id, {"node": Node(n.id, n.kind, n.name, float(n.x), float(n.y), _copy_config(n))})
        for n in campaign.nodes)
    graph.add_edges_from(campaign.graph.edges())
    return copy


def copy_catalog(catalog: Catalog) -> Catalog:
    return Catalog(
        categories={c.id: Category(c.id, c.name) for c in catalog.categories.values()},
        products={p.id: Product(p.id, p.name, p.category, float(p.price), p.billing)
                  for p in catalog.products.values()},
        order_forms={f.id: OrderForm(f.id, f.name, bool(f.legacy))
                     for f in catalog.order_forms.values()},
        payment_types=list(catalog.payment_types),
    )


def copy_ecommerce(ecommerce: Ecommerce) -> Ecommerce:
    return Ecommerce(
        action_sets={k: [copy_step(a) for a in v] for k, v in ecommerce.action_sets.items()},
        product_action_sets={k: [copy_step(a) for a in v]
                             for k, v in ecommerce.product_action_sets.items()},
        product_actions_for_legacy_and_manual=bool(
            ecommerce.product_actions_for_legacy_and_manual))


def workspace_snapshot(workspace: Workspace) -> Workspace:
    """An independent copy of ``workspace``, equal to what saving it and opening the file
    again gives (see the module's docstring); it shares no object that an edit changes."""
    contacts = [Contact(c.id, c.first_name, c.last_name, c.email, list(c.tags),
                        c.contact_type if c.contact_type else None)
                for c in workspace.contacts]
    copy = Workspace(copy_catalog(workspace.catalog), copy_ecommerce(workspace.ecommerce),
                     contacts)
    for campaign in workspace.campaigns:
        copy.add_campaign(copy_campaign(campaign))
    return copy
