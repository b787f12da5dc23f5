"""Lint: one tag spelled with different capitals in different places.

Tags match exactly (R7: a tag goal is achieved when one of *its* tags is applied), so a step
that applies "visit booked" never reaches a goal waiting for "Visit booked", and a "Remove
tag vip" never removes "VIP". Nothing else would say so: the simulation just shows the
contact waiting. Every use of a tag whose spelling differs from another use only in
capitals or spaces (around it, or more than one between words: :func:`name_key`) is
pointed out, where it is: a sequence's step, a tag goal, or an e-commerce action.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .campaign import Finding
from .campaign_usage import set_label
from .ecommerce import product_set_key
from .names import isolated, name_key

if TYPE_CHECKING:
    from .workspace import Workspace

TAG_STEPS = {"apply_tag": "applies", "remove_tag": "removes"}


@dataclass(frozen=True)
class TagUse:
    tag: str
    what: str  # 'step 2 of "Onboarding" applies', 'the goal "Visit booked" waits for'
    campaign_id: str | None = None
    node_id: str | None = None
    kind: str = ""  # "apply_tag", "remove_tag", or "tag_goal" (waits for it)


def tag_uses(workspace: Workspace) -> list[TagUse]:
    """Every place a tag is applied, removed or waited for, in the workspace's order."""
    uses: list[TagUse] = []
    for campaign in workspace.campaigns:
        for node in campaign.nodes:
            if node.kind == "sequence":
                for i, step in enumerate(node.config.steps):
                    if step.kind in TAG_STEPS and (step.tag or "").strip():
                        uses.append(TagUse(step.tag, f'step {i + 1} of "{isolated(node.name)}" '
                                           f"{TAG_STEPS[step.kind]}", campaign.id, node.id,
                                           step.kind))
            elif node.kind == "tag_goal":
                for tag in node.config.tags:
                    if tag.strip():
                        uses.append(TagUse(tag, f'the goal "{isolated(node.name)}" waits for',
                                           campaign.id, node.id, "tag_goal"))
    eco = workspace.ecommerce
    sets = list(eco.action_sets.items())
    sets += [(product_set_key(p), v) for p, v in eco.product_action_sets.items()]
    for key, actions in sets:
        for i, action in enumerate(actions):
            if action.kind in TAG_STEPS and (action.tag or "").strip():
                uses.append(TagUse(action.tag, f"action {i + 1} of "
                                   f"{set_label(workspace, key)} {TAG_STEPS[action.kind]}",
                                   kind=action.kind))
    return uses


def spelled_tags(workspace: Workspace) -> Iterator[str]:
    """The tags of :func:`tag_uses`, in its order, without describing their places (lint
    runs after every edit; most workspaces have no tag spelled two ways)."""
    for campaign in workspace.campaigns:
        for node in campaign.nodes:
            if node.kind == "sequence":
                yield from (step.tag for step in node.config.steps
                            if step.kind in TAG_STEPS and (step.tag or "").strip())
            elif node.kind == "tag_goal":
                yield from (tag for tag in node.config.tags if tag.strip())
    eco = workspace.ecommerce
    for actions in [*eco.action_sets.values(), *eco.product_action_sets.values()]:
        yield from (action.tag for action in actions
                    if action.kind in TAG_STEPS and (action.tag or "").strip())


def spelled_two_ways(workspace: Workspace) -> bool:
    """Whether some tag is spelled another way elsewhere."""
    first: dict[str, str] = {}
    return any(first.setdefault(name_key(tag), tag) != tag for tag in spelled_tags(workspace))


def tag_spelling_findings(workspace: Workspace) -> list[Finding]:
    if not spelled_two_ways(workspace):
        return []
    uses = tag_uses(workspace)
    spellings: dict[str, dict[str, TagUse]] = {}  # folded -> spelling -> its first use
    for use in uses:
        spellings.setdefault(name_key(use.tag), {}).setdefault(use.tag, use)
    findings = []
    for use in uses:
        others = {s: u for s, u in spellings[name_key(use.tag)].items()
                  if s != use.tag}
        if not others:
            continue
        elsewhere = "; ".join(f'{u.what} "{isolated(s)}"' for s, u in others.items())
        findings.append(Finding(
            "warning", f'{use.what[0].upper()}{use.what[1:]} the tag "{isolated(use.tag)}", but '
            f"{elsewhere}: tags match only when spelled alike, capitals and spaces "
            "included, so these never meet. Spell them the same.", use.node_id, use.campaign_id))
    return findings
