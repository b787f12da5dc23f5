"""Per-node plans precomputed from a workspace: what the engine needs, in fixed order.

Everything the engine iterates over is a tuple or an insertion-ordered dict built here, in
the workspace's own campaign and node order, so a run never depends on set or hash order
(R17).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.campaign import Campaign
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
    # goals
    upstream_sequences: tuple[str, ...] = ()
    achieved_by: str = "campaign"
    purchase: PurchaseGoalConfig | None = None
    tags: tuple[str, ...] = ()
    # sequences
    steps: tuple[Step, ...] = ()
    runs_until_completed: bool = False
    # how the log and journeys name it: '"Name"', or '"Name" in "Campaign"' when a node of
    # another campaign in the run has the same name
    label: str = ""


@dataclass(slots=True)
class CampaignPlan:
    id: str
    name: str
    entries: tuple[str, ...]
    nodes: tuple[str, ...]


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

    def _label_nodes(self) -> None:
        campaigns_by_name: dict[str, set[str]] = {}
        for node in self.nodes.values():
            campaigns_by_name.setdefault(node.name, set()).add(node.campaign)
        for node in self.nodes.values():
            node.label = f'"{node.name}"'
            if len(campaigns_by_name[node.name]) > 1:
                node.label += f' in "{self.campaigns[node.campaign].name}"'

    def _add_campaign(self, campaign: Campaign) -> None:
        order = [n.id for n in campaign.nodes]
        rank = {node_id: i for i, node_id in enumerate(order)}
        self.campaigns[campaign.id] = CampaignPlan(
            campaign.id, campaign.name,
            tuple(sorted(campaign.entry_nodes(), key=rank.__getitem__)), tuple(order))
        for node in campaign.nodes:
            successors = tuple(sorted(campaign.successors(node.id), key=rank.__getitem__))
            plan = NodePlan(node.id, node.kind, node.name, campaign.id, node.is_goal,
                            successors)
            config = node.config
            if node.is_goal:
                upstream = campaign.upstream(node.id)
                plan.upstream_sequences = tuple(
                    n for n in order if n in upstream and not campaign.node(n).is_goal)
                plan.achieved_by = getattr(config, "achieved_by", "campaign")
            if isinstance(config, PurchaseGoalConfig):
                plan.purchase = config
                self.purchase_goals.append(plan)
            elif isinstance(config, TagGoalConfig):
                plan.tags = tuple(config.tags)
                for tag in dict.fromkeys(config.tags):
                    self.tag_goals.setdefault(tag, []).append(plan)
            elif not node.is_goal:
                plan.steps = tuple(config.steps)
                plan.runs_until_completed = bool(config.runs_until_completed)
            self.nodes[node.id] = plan

    def campaign_name(self, campaign_id: str) -> str:
        return self.all_campaign_names.get(campaign_id, campaign_id)
