"""Which e-commerce actions name a campaign, and dropping them when it is deleted (Qt-free).

``add_to_campaign`` and ``remove_from_campaign`` actions name a campaign by id. Deleting
that campaign would leave them pointing at nothing, which the file format refuses; the app
asks first (:func:`actions_using_campaign`) and deletes the campaign together with those
actions as one undoable change (:func:`ecommerce_without_campaign`). Lint flags a reference
that dangles anyway (:func:`dangling_campaign_actions`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .ecommerce import DEFAULT_SETS, Ecommerce, product_set_key
from .names import isolated
from .workspace import Workspace

CAMPAIGN_ACTIONS = ("add_to_campaign", "remove_from_campaign")


@dataclass(frozen=True)
class ActionRef:
    """One action naming a campaign: its set key (``on_login``, ``product:<id>``), index,
    the campaign id, and a sentence for people."""

    set_key: str
    index: int
    campaign: str
    where: str


def set_label(workspace: Workspace, key: str) -> str:
    if key.startswith("product:"):
        product_id = key[len("product:"):]
        return f'the actions of product "{isolated(workspace.catalog.product_name(product_id))}"'
    return f'the "{DEFAULT_SETS.get(key, (key, ""))[0]}" action set'


def campaign_actions(workspace: Workspace) -> list[ActionRef]:
    """Every add/remove-campaign action of the workspace, in set order."""
    eco = workspace.ecommerce
    sets = [(k, v) for k, v in eco.action_sets.items()]
    sets += [(product_set_key(p), v) for p, v in eco.product_action_sets.items()]
    refs = []
    for key, actions in sets:
        for i, action in enumerate(actions):
            if action.kind in CAMPAIGN_ACTIONS and action.campaign:
                verb = "adds contacts to" if action.kind == "add_to_campaign" else \
                    "removes contacts from"
                refs.append(ActionRef(key, i, action.campaign,
                                      f"action {i + 1} of {set_label(workspace, key)} "
                                      f"{verb} it"))
    return refs


def actions_using_campaign(workspace: Workspace, campaign_id: str) -> list[ActionRef]:
    return [r for r in campaign_actions(workspace) if r.campaign == campaign_id]


def dangling_campaign_actions(workspace: Workspace) -> list[ActionRef]:
    return [r for r in campaign_actions(workspace) if not workspace.has_campaign(r.campaign)]


def ecommerce_without_campaign(ecommerce: Ecommerce, campaign_id: str) -> Ecommerce:
    """A copy of ``ecommerce`` without the actions that name ``campaign_id``; a set left
    empty is dropped (C10: it could never fire)."""

    def keep(actions: list) -> list:
        return [a for a in actions
                if not (a.kind in CAMPAIGN_ACTIONS and a.campaign == campaign_id)]

    result = ecommerce.copy()
    result.action_sets = {k: kept for k, v in result.action_sets.items() if (kept := keep(v))}
    result.product_action_sets = {k: kept for k, v in result.product_action_sets.items()
                                  if (kept := keep(v))}
    return result
