"""Hypothesis strategies for valid workspaces (shared by the store, io and domain tests).

``workspaces()`` draws a workspace that passes ``Workspace.validate()`` and that the JSON
file format represents exactly (so ``workspace_from_data(workspace_to_data(w)) == w``):

- a catalog with categories, products (in a category or none), order forms and payment
  types, all catalog ids distinct;
- e-commerce action sets (default and per product) holding every action kind, with
  optional delays and extra keys;
- contacts with tags;
- campaigns holding every registered node kind: purchase goals whose settings are valid
  and name catalog ids, tag goals, sequences with steps of every kind, durations and
  times; links between distinct nodes, without duplicates (``Campaign.can_link``).

Durations are whole seconds and times UTC (the file writes ``format_duration`` /
``format_time``). Text has no NUL and no lone surrogate (neither is storable as UTF-8
text in PostgreSQL).
"""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import Any

from hypothesis import strategies as st

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.catalog import (
    BILLINGS,
    DEFAULT_PAYMENT_TYPES,
    Catalog,
    Category,
    OrderForm,
    Product,
)
from canvas_app.domain.contacts import Contact
from canvas_app.domain.ecommerce import DEFAULT_SETS, Ecommerce
from canvas_app.domain.nodes import Node, node_kinds
from canvas_app.domain.purchase import ACHIEVED_BY, PurchaseGoalConfig
from canvas_app.domain.sequence import SequenceConfig
from canvas_app.domain.steps import ACTION_KINDS, CONTACT_TYPES, STEP_KINDS, Step
from canvas_app.domain.tag_goal import TagGoalConfig
from canvas_app.domain.workspace import Workspace

CHARS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
texts = st.text(CHARS, max_size=12)
ids = st.text(CHARS, min_size=1, max_size=8)
required_texts = st.text(CHARS, min_size=1, max_size=12).filter(lambda s: s.strip() != "")
finite_floats = st.floats(allow_nan=False, allow_infinity=False)
coordinates = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)  # the schema's range
prices = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
# Whole seconds, up to about 30 years.
durations = st.integers(min_value=0, max_value=10**9).map(lambda s: timedelta(seconds=s))
# Any UTC time, microseconds included (years 1 to 9999).
times = st.datetimes(timezones=st.just(UTC))

# Keys a step's file form uses for its own fields; extra keys must differ from them.
STEP_KEYS = {"kind", "subject", "duration", "until", "tag", "message", "contact_type",
             "campaign", "delay"}
json_scalars = (st.none() | st.booleans() | st.integers(-(2**53), 2**53) | finite_floats
                | texts)
extras = st.dictionaries(ids.filter(lambda k: k not in STEP_KEYS), json_scalars, max_size=2)


def _unique_split(draw: st.DrawFn, values: list[str], parts: int) -> list[list[str]]:
    """``values`` cut into ``parts`` consecutive (possibly empty) slices."""
    cuts = sorted(draw(st.integers(0, len(values))) for _ in range(parts - 1))
    bounds = [0, *cuts, len(values)]
    return [values[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


# -- catalog -------------------------------------------------------------------------------
@st.composite
def catalogs(draw: st.DrawFn, max_items: int = 9) -> Catalog:
    all_ids = draw(st.lists(ids, unique=True, max_size=max_items))
    category_ids, product_ids, form_ids = _unique_split(draw, all_ids, 3)
    categories = {c: Category(c, draw(texts)) for c in category_ids}
    products = {}
    for p in product_ids:
        category = draw(st.none() | st.sampled_from(category_ids)) if category_ids else None
        products[p] = Product(p, draw(texts), category, draw(prices),
                              draw(st.sampled_from(BILLINGS)))
    order_forms = {f: OrderForm(f, draw(texts), draw(st.booleans())) for f in form_ids}
    payment_types = draw(st.just(list(DEFAULT_PAYMENT_TYPES))
                         | st.lists(ids, unique=True, max_size=6))
    return Catalog(categories, products, order_forms, payment_types)


# -- steps and actions ---------------------------------------------------------------------
def _field(name: str, campaign_ids: list[str]) -> st.SearchStrategy[Any]:
    if name == "duration":
        return durations
    if name == "until":
        return times
    if name == "contact_type":
        return st.sampled_from(CONTACT_TYPES)
    if name == "campaign":
        return st.sampled_from(campaign_ids)
    return required_texts


@st.composite
def steps(draw: st.DrawFn, kinds: dict[str, tuple[str, tuple[str, ...]]] = STEP_KINDS,
          campaign_ids: tuple[str, ...] = (), with_delay: bool = False) -> Step:
    """A valid step (or, with ``kinds=ACTION_KINDS``, action) of any kind in ``kinds``;
    kinds that name a campaign are drawn only when ``campaign_ids`` has a non-blank id."""
    # A blank id is a valid campaign id, but an action cannot name it (a blank field).
    campaign_ids = tuple(c for c in campaign_ids if c.strip())
    usable = [k for k, (_, needed) in kinds.items()
              if "campaign" not in needed or campaign_ids]
    kind = draw(st.sampled_from(usable))
    step = Step(kind=kind, extra=draw(extras))
    for name in kinds[kind][1]:
        setattr(step, name, draw(_field(name, list(campaign_ids))))
    if with_delay:
        step.delay = draw(st.none() | durations)
    return step


def actions(campaign_ids: tuple[str, ...] = ()) -> st.SearchStrategy[Step]:
    return steps(ACTION_KINDS, campaign_ids, with_delay=True)


@st.composite
def ecommerces(draw: st.DrawFn, catalog: Catalog,
               campaign_ids: tuple[str, ...] = ()) -> Ecommerce:
    action_lists = st.lists(actions(campaign_ids), max_size=3)
    set_names = draw(st.lists(st.sampled_from(list(DEFAULT_SETS)), unique=True))
    products = list(catalog.products)
    product_sets = draw(st.lists(st.sampled_from(products), unique=True)) if products else []
    return Ecommerce(
        action_sets={name: draw(action_lists) for name in set_names},
        product_action_sets={p: draw(action_lists) for p in product_sets},
        product_actions_for_legacy_and_manual=draw(st.booleans()),
    )


# -- contacts ------------------------------------------------------------------------------
@st.composite
def contact_lists(draw: st.DrawFn, max_size: int = 5) -> list[Contact]:
    contact_ids = draw(st.lists(ids, unique=True, max_size=max_size))
    return [Contact(c, draw(texts), draw(texts), draw(texts),
                    draw(st.lists(texts, max_size=3)),
                    draw(st.none() | st.sampled_from(CONTACT_TYPES)))
            for c in contact_ids]


# -- node settings ---------------------------------------------------------------------------
@st.composite
def purchase_configs(draw: st.DrawFn, catalog: Catalog) -> PurchaseGoalConfig:
    """Valid settings (R11): at least one option, chosen ids from the catalog."""
    config = PurchaseGoalConfig(any_purchase=draw(st.booleans()))
    for flag, attr, known in (("use_order_forms", "order_forms", catalog.order_forms),
                              ("use_products", "products", catalog.products),
                              ("use_categories", "categories", catalog.categories)):
        if known and draw(st.booleans()):
            setattr(config, flag, True)
            setattr(config, attr, draw(st.lists(st.sampled_from(list(known)), min_size=1,
                                                max_size=3)))
    if not (config.any_purchase or config.use_order_forms or config.use_products
            or config.use_categories):
        config.any_purchase = True
    if catalog.payment_types and draw(st.booleans()):
        config.payment_types = draw(st.lists(st.sampled_from(catalog.payment_types),
                                             min_size=1, max_size=3))
    config.achieved_by = draw(st.sampled_from(ACHIEVED_BY))
    return config


@st.composite
def tag_goal_configs(draw: st.DrawFn) -> TagGoalConfig:
    return TagGoalConfig(tags=draw(st.lists(required_texts, min_size=1, max_size=3,
                                            unique=True)),
                         achieved_by=draw(st.sampled_from(ACHIEVED_BY)))


@st.composite
def sequence_configs(draw: st.DrawFn) -> SequenceConfig:
    return SequenceConfig(steps=draw(st.lists(steps(), max_size=4)),
                          runs_until_completed=draw(st.booleans()))


def node_configs(kind: str, catalog: Catalog) -> st.SearchStrategy[Any]:
    """Valid settings of a node kind; a kind without a strategy gets its default."""
    if kind == "purchase_goal":
        return purchase_configs(catalog)
    if kind == "tag_goal":
        return tag_goal_configs()
    if kind == "sequence":
        return sequence_configs()
    return st.builds(node_kinds()[kind].make_config)


# -- campaigns and workspaces --------------------------------------------------------------
@st.composite
def campaigns(draw: st.DrawFn, campaign_id: str, node_ids: list[str],
              catalog: Catalog) -> Campaign:
    campaign = Campaign(campaign_id, draw(texts))
    kinds = list(node_kinds())
    for node_id in node_ids:
        kind = draw(st.sampled_from(kinds))
        campaign.add_node(Node(node_id, kind, draw(required_texts), draw(coordinates),
                               draw(coordinates), draw(node_configs(kind, catalog))))
    if len(node_ids) >= 2:
        pairs = st.tuples(st.sampled_from(node_ids), st.sampled_from(node_ids)).filter(
            lambda e: e[0] != e[1])
        for source, target in draw(st.lists(pairs, unique=True, max_size=2 * len(node_ids))):
            assert campaign.can_link(source, target) is None
            campaign.link(source, target)
    return campaign


@st.composite
def workspaces(draw: st.DrawFn, max_campaigns: int = 3, max_nodes: int = 12) -> Workspace:
    """A valid workspace (``validate()`` finds nothing); see the module's docstring."""
    catalog = draw(catalogs())
    campaign_ids = draw(st.lists(ids, unique=True, max_size=max_campaigns))
    node_ids = draw(st.lists(ids, unique=True, max_size=max_nodes))  # unique in the workspace
    ecommerce = draw(ecommerces(catalog, tuple(campaign_ids)))
    workspace = Workspace(catalog, ecommerce, draw(contact_lists()))
    shares = _unique_split(draw, node_ids, len(campaign_ids)) if campaign_ids else []
    for campaign_id, nodes in zip(campaign_ids, shares, strict=True):
        workspace.add_campaign(draw(campaigns(campaign_id, nodes, catalog)))
    return workspace
