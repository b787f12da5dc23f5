"""Per-node plans precomputed from a workspace: what the engine needs, in fixed order.

Everything the engine iterates over is a tuple or an insertion-ordered dict built here, in
the workspace's own campaign and node order, so a run never depends on set or hash order
(R17).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress

import networkx as nx

from ..domain.campaign import Campaign
from ..domain.names import isolated
from ..domain.purchase import PurchaseGoalConfig
from ..domain.steps import Step
from ..domain.tag_goal import TagGoalConfig
from ..domain.workspace import Workspace


@dataclass(slots=True)
class NodePlan:
    id: str
    kind: str
    name: str
    campaign: str
    is_goal: bool
    successors: tuple[str, ...]
    # goals (and see upstream_sequences below)
    achieved_by: str = "campaign"
    purchase: PurchaseGoalConfig | None = None
    tags: tuple[str, ...] = ()
    # sequences
    steps: tuple[Step, ...] = ()
    runs_until_completed: bool = False
    # how the log and journeys name it: '"Name"', or '"Name" in "Campaign"' when a node of
    # another campaign in the run has the same name
    label: str = ""
    # where a goal's upstream sequences come from, and their tuple once asked for
    upstream_from: UpstreamSequences | None = field(default=None, repr=False, compare=False)
    _upstream: tuple[str, ...] | None = field(default=None, init=False, repr=False,
                                              compare=False)

    @property
    def upstream_sequences(self) -> tuple[str, ...]:
        """For a goal, every sequence from which links lead to it, directly or through
        other nodes (R5), in the campaign's node order; none for a sequence. Listed on
        first asking (a long chain's goals list many: see :class:`UpstreamSequences`)."""
        listed = self._upstream
        if listed is None:
            source = self.upstream_from
            listed = self._upstream = () if source is None else source.of(self.id)
        return listed


@dataclass(slots=True)
class CampaignPlan:
    id: str
    name: str
    entries: tuple[str, ...]
    nodes: tuple[str, ...]


# ``format(mask, "b")``'s digits as bytes 0 and 1, for ``itertools.compress``
_DIGITS_AS_FLAGS = bytes.maketrans(b"01", b"\x00\x01")
# a bit set with fewer than (its width / this) bits set is listed bit by bit (a few big-int
# operations a bit, ~0.3 us); a fuller one by flags over all sequences (~15 ns a sequence)
_SPARSE = 32


class UpstreamSequences:
    """For every goal of one campaign, the sequences upstream of it (``campaign.upstream``,
    R5), in the campaign's node order; each goal's tuple is listed when first asked for.

    Asking ``campaign.upstream`` goal by goal walks the campaign again for each goal, and
    filtering the node order by it looks at every node again: set-up time grew with the
    square of a chain's length (2,000 links: ~4 s; 5,000: ~20 s). And listing every goal's
    tuple up front cannot be linear either: on a chain, goal k has k upstream sequences.

    So set-up makes one pass over the campaign's strongly connected components (the nodes
    on a common loop all reach one another) in topological order, giving each component the
    set of sequences that reach it: its own and those reaching any component linking into
    it. A set is a Python int, one bit a sequence (the sequence at position i of the
    campaign's sequences is bit ``width - 1 - i``, so the binary digits read in node order);
    a union is one big-int ``|``. A goal's upstream is its component's set: nodes upstream
    of a goal are those of the components linking into its own, directly or not, and, when
    it lies on a loop, the others of its component; the goal itself is not a sequence, so
    never in the set (as ``nx.ancestors`` never names the node asked about). A campaign
    without loops is its own condensation (each node a component), so it is walked as it is.
    """

    __slots__ = ("_component", "_listed", "_reaching", "_sequences", "_width")

    def __init__(self, campaign: Campaign, order: list[str], is_goal: dict[str, bool]) -> None:
        sequences = [n for n in order if not is_goal[n]]
        width = len(sequences)
        position = {n: width - 1 - i for i, n in enumerate(sequences)}
        graph = campaign.graph
        reaching: dict[str | int, int] = {}
        try:  # no loop (the usual campaign): every node is a component of its own
            ordered = list(nx.topological_sort(graph))
        except nx.NetworkXUnfeasible:
            condensed = nx.condensation(graph)
            members = condensed.nodes
            for component in nx.topological_sort(condensed):
                mask = 0
                for node in members[component]["members"]:
                    if node in position:
                        mask |= 1 << position[node]
                for before in condensed.predecessors(component):
                    mask |= reaching[before]
                reaching[component] = mask
            self._component: dict[str, int] | None = condensed.graph["mapping"]
        else:
            for node in ordered:
                mask = 1 << position[node] if node in position else 0
                for before in graph.predecessors(node):
                    mask |= reaching[before]
                reaching[node] = mask
            self._component = None
        component_of = self._component
        # only goals are asked about: the sets of the others may go (a chain's goals' sets
        # take about N * N / 64 bytes in all for N nodes, as its tuples would take N * N)
        self._reaching = {key: reaching[key] for key in (
            n if component_of is None else component_of[n] for n in order if is_goal[n])}
        self._sequences = sequences
        self._width = width
        self._listed: dict[str | int, tuple[str, ...]] = {}

    def of(self, goal_id: str) -> tuple[str, ...]:
        """The sequences upstream of ``goal_id``, in node order."""
        component = goal_id if self._component is None else self._component[goal_id]
        listed = self._listed.get(component)
        if listed is None:
            listed = self._listed[component] = self._list(self._reaching[component])
        return listed

    def _list(self, mask: int) -> tuple[str, ...]:
        """The sequences whose bits ``mask`` sets, in node order."""
        if not mask:
            return ()
        sequences, width = self._sequences, self._width
        if mask.bit_count() * _SPARSE < width:
            found = []
            while mask:
                top = mask.bit_length() - 1
                found.append(sequences[width - 1 - top])
                mask ^= 1 << top
            return tuple(found)
        flags = format(mask, f"0{width}b").encode("ascii").translate(_DIGITS_AS_FLAGS)
        return tuple(compress(sequences, flags))


class Plan:
    """The campaigns in scope (all, or the one ``campaign_id`` names, C14)."""

    def __init__(self, workspace: Workspace, campaign_id: str | None = None) -> None:
        self.workspace = workspace
        self.catalog = workspace.catalog
        self.ecommerce = workspace.ecommerce
        campaigns = workspace.campaigns
        if campaign_id is not None:
            campaigns = [workspace.campaign(campaign_id)]
        self.campaigns: dict[str, CampaignPlan] = {}
        self.nodes: dict[str, NodePlan] = {}
        self.purchase_goals: list[NodePlan] = []
        self.tag_goals: dict[str, list[NodePlan]] = {}
        for campaign in campaigns:
            self._add_campaign(campaign)
        self.all_campaign_names = {c.id: c.name for c in workspace.campaigns}
        self._label_nodes()
        self._index_purchase_goals()

    def _index_purchase_goals(self) -> None:
        """Which purchase goals an order can meet, by what it holds: those of any purchase,
        and by each order form, product and category their options choose. A goal none of
        whose options the order meets is neither met nor refused for its payment type
        (:func:`~canvas_app.domain.purchase.match_purchase` names the payment type only
        once an option matched), so :meth:`purchase_candidates` leaves it out unchecked
        (QA 21: every order was matched against all 500 goals of 50 campaigns)."""
        self._goal_rank = {goal.id: i for i, goal in enumerate(self.purchase_goals)}
        self._any_purchase: list[NodePlan] = []
        self._by_form: dict[str, list[NodePlan]] = {}
        self._by_product: dict[str, list[NodePlan]] = {}
        self._by_category: dict[str, list[NodePlan]] = {}
        for goal in self.purchase_goals:
            config = goal.purchase
            assert config is not None
            if config.any_purchase:
                self._any_purchase.append(goal)
            if config.use_order_forms:
                for form in dict.fromkeys(config.order_forms):
                    self._by_form.setdefault(form, []).append(goal)
            if config.use_products:
                for product in dict.fromkeys(config.products):
                    self._by_product.setdefault(product, []).append(goal)
            if config.use_categories:
                for category in dict.fromkeys(config.categories):
                    self._by_category.setdefault(category, []).append(goal)
        self._candidates: dict[tuple, list[NodePlan]] = {}

    def purchase_candidates(self, products: tuple[str, ...] | list[str],
                            order_form: str | None) -> list[NodePlan]:
        """The purchase goals an order of ``products`` through ``order_form`` may meet, in
        the plan's order (a superset of those it meets; see _index_purchase_goals)."""
        key = (tuple(products), order_form)
        found = self._candidates.get(key)
        if found is None:
            chosen: dict[str, NodePlan] = {g.id: g for g in self._any_purchase}
            if order_form is not None:
                chosen.update((g.id, g) for g in self._by_form.get(order_form, ()))
            for product_id in products:
                chosen.update((g.id, g) for g in self._by_product.get(product_id, ()))
                product = self.catalog.products.get(product_id)
                if product is not None and product.category is not None:
                    chosen.update((g.id, g) for g in self._by_category.get(product.category, ()))
            found = sorted(chosen.values(), key=lambda g: self._goal_rank[g.id])
            if len(self._candidates) < 4096:
                self._candidates[key] = found
        return found

    def _label_nodes(self) -> None:
        campaigns_by_name: dict[str, set[str]] = {}
        for node in self.nodes.values():
            campaigns_by_name.setdefault(node.name, set()).add(node.campaign)
        for node in self.nodes.values():
            node.label = f'"{isolated(node.name)}"'
            if len(campaigns_by_name[node.name]) > 1:
                node.label += f' in "{isolated(self.campaigns[node.campaign].name)}"'

    def _add_campaign(self, campaign: Campaign) -> None:
        nodes = campaign.nodes
        order = [n.id for n in nodes]
        is_goal = {n.id: n.is_goal for n in nodes}
        upstream = UpstreamSequences(campaign, order, is_goal)
        rank = {node_id: i for i, node_id in enumerate(order)}
        self.campaigns[campaign.id] = CampaignPlan(
            campaign.id, campaign.name,
            tuple(sorted(campaign.entry_nodes(), key=rank.__getitem__)), tuple(order))
        for node in nodes:
            successors = tuple(sorted(campaign.successors(node.id), key=rank.__getitem__))
            goal = is_goal[node.id]
            plan = NodePlan(node.id, node.kind, node.name, campaign.id, goal, successors)
            config = node.config
            if goal:
                plan.upstream_from = upstream
                plan.achieved_by = getattr(config, "achieved_by", "campaign")
            if isinstance(config, PurchaseGoalConfig):
                plan.purchase = config
                self.purchase_goals.append(plan)
            elif isinstance(config, TagGoalConfig):
                plan.tags = tuple(config.tags)
                for tag in dict.fromkeys(config.tags):
                    self.tag_goals.setdefault(tag, []).append(plan)
            elif not goal:
                plan.steps = tuple(config.steps)
                plan.runs_until_completed = bool(config.runs_until_completed)
            self.nodes[node.id] = plan

    def campaign_name(self, campaign_id: str) -> str:
        return self.all_campaign_names.get(campaign_id, campaign_id)
