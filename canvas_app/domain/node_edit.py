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
from .lint import sort_text
from .names import MOST_NAMED, named_list
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


def _names(campaign: Campaign, ids: list[str], direct: set[str] | None = None) -> str:
    """ "A", "B" and "C". With ``direct`` (the nodes right before), the others are marked
    "(upstream)": once after the names when none is direct, else each. Past MOST_NAMED,
    the direct ones first, then "and 4,990 more"."""
    def name(i: str, mark: bool) -> str:
        return f'"{campaign.node(i).name}"' + (" (upstream)" if mark else "")

    each = direct is not None and any(i in direct for i in ids)
    first = sorted(ids, key=lambda i: direct is None or i not in direct)[:MOST_NAMED] \
        if len(ids) > MOST_NAMED else ids
    names = [name(i, each and direct is not None and i not in direct) for i in first]
    joined = named_list(names, len(ids))
    return joined + (" (upstream)" if direct is not None and not each else "")


def placement_help(campaign: Campaign, node_id: str) -> str:
    """Plain words on where this goal sits and what achieving it does to the nodes around
    it (R5): it comes right after its direct predecessors; it ends every sequence upstream
    of it (directly or through other nodes, marked "upstream"), and the contact moves on
    into the sequences right after it, or waits at the goals right after it."""
    before = campaign.predecessors(node_id)
    above = campaign.upstream(node_id)  # once (QA 21: once per node, a minute at 10,000)
    upstream = [n for n in campaign.graph.nodes
                if n in above and not campaign.node(n).is_goal]
    next_sequences = [n for n in campaign.successors(node_id)
                      if not campaign.node(n).is_goal]
    next_goals = [n for n in campaign.successors(node_id) if campaign.node(n).is_goal]
    if not (before or next_sequences or next_goals):
        return ("Not linked to a sequence yet. A goal before a sequence moves the contact "
                "forward; a goal after a sequence removes the contact from it.")
    # (verb, what follows "the contact" / "it"): the names are the user's own words, so
    # they are never put through str.format ("Promo {2024}" broke it)
    # a sequence that runs until completed keeps the contact (R5): said as such, not "takes
    # it out of X, unless it runs until completed" of one that does (QA 23g)
    stopped = [n for n in upstream if not campaign.node(n).config.runs_until_completed]
    running = [n for n in upstream if campaign.node(n).config.runs_until_completed]
    does: list[tuple[str, str]] = []
    if stopped:
        does.append(("takes", f"out of {_names(campaign, stopped, set(before))}"))
    if next_sequences:
        does.append(("moves", f"forward into {_names(campaign, next_sequences)}"))
    if next_goals:
        does.append(("makes", f"wait at {_names(campaign, next_goals)}"))
    said = [f"After {_names(campaign, before)}."] if before else []
    if does:
        clauses = [f"{verb} {'the contact' if i == 0 else 'it'} {rest}"
                   for i, (verb, rest) in enumerate(does)]
        joined = " and ".join(clauses) if len(clauses) <= 2 \
            else ", ".join(clauses[:-1]) + ", and " + clauses[-1]
        said.append(f"Achieving it {joined}.")
    if running:
        one = len(running) == 1
        said.append(f"{_names(campaign, running, set(before))} "
                    f"run{'s' if one else ''} until completed: the contact stays in "
                    f"{'it' if one else 'them'}.")
    if not does and not running:
        said.append("No sequence is linked before or after it yet.")
    return " ".join(said)


def workspace_tags(workspace: Workspace) -> list[str]:
    """Every tag used in the workspace: goals, steps, actions and contacts, sorted as
    people sort (capitals aside: "left-review" before "VIP")."""
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
    return sorted((t for t in tags if t.strip()), key=lambda tag: (sort_text(tag), tag))


def step_warning(step: Step, now: datetime) -> str:
    """A warning about one step as lint gives it (R2): a ``wait_until`` already past."""
    if step.kind == "wait_until" and step.until is not None and step.until < now:
        return (f"This time has already passed (it is now {now:%Y-%m-%d %H:%M} UTC): contacts "
                "who reach this step from now on go straight through. A simulation whose "
                "scenario runs before that time still holds them until then.")
    return ""
