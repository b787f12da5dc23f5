"""Lint: a tag goal whose tags no step or action of the workspace applies.

A tag goal is achieved when one of its tags is *applied* to an eligible contact (R7): by an
"Apply tag" step of a sequence (of any campaign), by an e-commerce action (R12: the default
sets and the product sets), or from outside the workspace, which a scenario's ``apply_tag``
event stands for (someone tagging by hand). When nothing in the workspace applies any of its
tags, contacts reach the goal and wait there for good unless someone outside applies one;
the simulation only shows them waiting and the node after the goal with nobody in.

Contacts who already hold the tag do not help: goals react to the tag being applied, not to
holding it, and applying a tag a contact has changes nothing (C7). So the finding stays when
workspace contacts hold the tag, and says how many do.

A tag that is applied, but spelled with other capitals or spaces, is left to the spelling
finding (:mod:`canvas_app.domain.tag_spelling`), which already names both places.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .campaign import Finding
from .names import isolated, name_key

if TYPE_CHECKING:
    from .nodes import Node
    from .workspace import Workspace


def applied_tags(workspace: Workspace) -> set[str]:
    """The tags some step or e-commerce action applies, as spelled there (the places
    :func:`~canvas_app.domain.tag_spelling.tag_uses` lists as applying, read without
    making their descriptions: lint runs after every edit)."""
    tags = {step.tag for campaign in workspace.campaigns for node in campaign.nodes
            if node.kind == "sequence" for step in node.config.steps
            if step.kind == "apply_tag"}
    eco = workspace.ecommerce
    for actions in [*eco.action_sets.values(), *eco.product_action_sets.values()]:
        tags.update(action.tag for action in actions if action.kind == "apply_tag")
    return {tag for tag in tags if tag and tag.strip()}


def unapplied_tag_goals(workspace: Workspace) -> list[Finding]:
    applied = applied_tags(workspace)
    folded = {name_key(tag) for tag in applied}  # other spellings: tag_spelling's business
    findings = []
    holders: dict[str, set[int]] | None = None  # tag -> the contacts having it (by index)
    for campaign in workspace.campaigns:
        for node in campaign.nodes:
            if node.kind != "tag_goal":
                continue
            tags = list(dict.fromkeys(t for t in node.config.tags if t.strip()))
            if not none_applied(tags, applied, folded):
                continue  # no tag at all is an error of its own (R11)
            if holders is None:
                holders = tag_holders(workspace)
            having = set().union(*(holders.get(t, ()) for t in tags))
            findings.append(Finding("warning", _message(node, tags, len(having)),
                                    node.id, campaign.id))
    return findings


def none_applied(tags: list[str], applied: set[str],
                 folded: set[str] | None = None) -> bool:
    """Whether none of these tags (some given) is one of ``applied``
    (:func:`applied_tags`), spelling aside (``folded``: their ``name_key``, when the
    caller has them)."""
    if folded is None:
        folded = {name_key(tag) for tag in applied}
    tags = [t for t in tags if t.strip()]
    return bool(tags) and not any(t in applied or name_key(t) in folded for t in tags)


def editor_note(tags: list[str], applied: set[str]) -> str:
    """The tag goal editor's word on ticked tags nothing applies ("" when something
    applies one): the finding's, shorter, naming no tag (they are ticked beside it), so
    its length never changes with theirs."""
    if not none_applied(tags, applied):
        return ""
    return UNAPPLIED_NOTE if len({t for t in tags if t.strip()}) == 1 else UNAPPLIED_NOTE_MANY


UNAPPLIED_NOTE = ("No step or action applies the ticked tag: contacts wait at this goal "
                  "until someone applies it by hand.")
UNAPPLIED_NOTE_MANY = ("No step or action applies any ticked tag: contacts wait at this goal "
                       "until someone applies one by hand.")


def tag_holders(workspace: Workspace) -> dict[str, set[int]]:
    """Each tag the workspace's contacts have, and which of them (by their index)."""
    holders: dict[str, set[int]] = {}
    for index, contact in enumerate(workspace.contacts):
        for tag in contact.tags:
            holders.setdefault(tag, set()).add(index)
    return holders


# where a simulation applies a tag by hand (QA 23g: a newcomer looked for it)
SIMULATED_TAG = ("a scenario's apply_tag event, as New What-If Scenario's \"Logins and "
                 'tags" tab makes')


def _message(node: Node, tags: list[str], holders: int) -> str:
    """Several sentences, so it ends with a full stop (see :func:`~.lint.as_sentences`)."""
    quoted = " or ".join(f'"{isolated(t)}"' for t in tags)
    if len(tags) == 1:
        text = (f'The goal "{isolated(node.name)}" waits for the tag {quoted}, which no step '
                "or action applies: contacts wait here until someone applies it by hand (in a "
                f"simulation, {SIMULATED_TAG}). To have the campaign apply it, add an "
                '"Apply tag" step or action.')
    else:
        text = (f'The goal "{isolated(node.name)}" waits for the tags {quoted}, none of which '
                "a step or action applies: contacts wait here until someone applies one by hand "
                f"(in a simulation, {SIMULATED_TAG}). To have the campaign apply one, add an "
                '"Apply tag" step or action.')
    if holders:
        who = "1 contact already has" if holders == 1 else f"{holders} contacts already have"
        text += (f" {who} {'it' if len(tags) == 1 else 'one of them'}, which does not "
                 "count: the goal is achieved when the tag is applied, and applying a tag a "
                 "contact has changes nothing.")
    return text
