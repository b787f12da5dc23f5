"""Checks and help texts for the node editors (Qt-free, so the rules stay in the domain).

- :func:`validate_node`: a node's name and settings, as the editors check them before Save.
- :func:`placement_help`: what a goal means where it sits (before or after sequences), as
  the reference article's Pro Tips explain it.
- :func:`workspace_tags`: every tag used anywhere in a workspace, for pickers.
- :func:`step_warning`: lint's warning about one step, shown while it is edited.
"""

from __future__ import annotations

from datetime import datetime

from .campaign import Campaign
from .catalog import Catalog
from .errors import Problem
from .nodes import Node
from .steps import Step
from .workspace import Workspace

EMPTY_NAME = "the name cannot be empty"


def validate_name(name: str) -> list[Problem]:
    if not name.strip():
        return [Problem("name", EMPTY_NAME)]
    return []


def validate_node(node: Node, catalog: Catalog) -> list[Problem]:
    """Name and settings problems of one node (R11 for purchase goals)."""
    return validate_name(node.name) + node.spec.validate(node.config, catalog)


def _names(campaign: Campaign, ids: list[str]) -> str:
    return ", ".join(f'"{campaign.node(i).name}"' for i in ids)


def placement_help(campaign: Campaign, node_id: str) -> str:
    """Plain words on what achieving this goal does to the nodes around it (R5): it ends
    every sequence upstream of it (directly or through other nodes), and the contact moves
    on into the sequences right after it, or waits at the goals right after it."""
    upstream = [n for n in campaign.graph.nodes
                if n in campaign.upstream(node_id) and not campaign.node(n).is_goal]
    next_sequences = [n for n in campaign.successors(node_id)
                      if not campaign.node(n).is_goal]
    next_goals = [n for n in campaign.successors(node_id) if campaign.node(n).is_goal]
    lines = []
    if upstream:
        lines.append(f"After {_names(campaign, upstream)}: when the goal is achieved the "
                     "contact is removed from it (unless it runs until completed).")
    if next_sequences:
        lines.append(f"Before {_names(campaign, next_sequences)}: when the goal is achieved "
                     "the contact moves forward into it.")
    if next_goals:
        lines.append(f"Then the contact waits at {_names(campaign, next_goals)}.")
    if not lines:
        lines.append("Not linked to a sequence yet. A goal before a sequence moves the "
                     "contact forward; a goal after a sequence removes the contact from it.")
    return " ".join(lines)


def workspace_tags(workspace: Workspace) -> list[str]:
    """Every tag used in the workspace: goals, steps, actions and contacts, sorted."""
    tags: set[str] = set()
    for campaign in workspace.campaigns:
        for node in campaign.nodes:
            tags.update(getattr(node.config, "tags", []) or [])
            for step in getattr(node.config, "steps", []) or []:
                if step.tag:
                    tags.add(step.tag)
    eco = workspace.ecommerce
    for actions in list(eco.action_sets.values()) + list(eco.product_action_sets.values()):
        tags.update(a.tag for a in actions if a.tag)
    for contact in workspace.contacts:
        tags.update(contact.tags)
    return sorted(t for t in tags if t.strip())


def step_warning(step: Step, now: datetime) -> str:
    """A warning about one step as lint gives it (R2): a ``wait_until`` already past."""
    if step.kind == "wait_until" and step.until is not None and step.until < now:
        return (f"This time has already passed (it is now {now:%Y-%m-%d %H:%M} UTC): contacts "
                "who reach this step from now on go straight through. A simulation whose "
                "scenario runs before that time still holds them until then.")
    return ""
