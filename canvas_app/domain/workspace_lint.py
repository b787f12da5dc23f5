"""Lint's errors for what makes a workspace invalid beyond its nodes' settings: each problem
:meth:`Workspace.validate <canvas_app.domain.workspace.Workspace.validate>` finds (from the
same checks, :mod:`canvas_app.domain.workspace_checks`) in words people can act on: named
by names (an id in parentheses where only an id tells them apart), on the node(s) concerned
where there are nodes, and saying what to do, in the app where the app can do it, else in
the workspace file. A node with no name is :func:`unnamed_nodes`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .campaign import Finding
from .campaign_usage import set_label
from .catalog import payment_type_label
from .names import isolated
from .workspace_checks import (
    action_problems,
    grouped,
    products_in_missing_categories,
    repeated_catalog_ids,
    repeated_contact_ids,
    repeated_node_ids,
    repeated_payment_types,
    sets_of_missing_products,
    unknown_action_sets,
)

if TYPE_CHECKING:
    from .campaign import Campaign
    from .workspace import Workspace

CATALOG_NOUNS = {"categories": "category", "products": "product", "order_forms": "order form"}


def listed(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def quoted(name: str) -> str:
    return f'"{isolated(name)}"'


def workspace_errors(workspace: Workspace) -> list[Finding]:
    """Every problem of the workspace that :meth:`Workspace.validate` finds and a node's
    own settings (lint_campaign) do not, as lint errors."""
    findings = repeated_node_findings(workspace)
    findings += unnamed_node_findings(workspace)
    findings += contact_findings(workspace)
    findings += catalog_findings(workspace)
    findings += action_findings(workspace)
    return findings


def repeated_node_findings(workspace: Workspace) -> list[Finding]:
    """A node id used in two campaigns: one error on each node that has it."""
    findings = []
    for node_id, places in grouped(repeated_node_ids(workspace.campaigns)).items():
        for place in places:
            others = listed([f"{quoted(p.node.name)} in campaign {quoted(p.campaign.name)}"
                             for p in places if p is not place])
            findings.append(Finding(
                "error", f"{quoted(place.node.name)} has the same id ({node_id}) as {others}, "
                "so a simulation cannot tell them apart. Delete one of them and add it "
                "again, or Duplicate it: a copy gets an id of its own (link the copy as the "
                "original was, then delete the original).", node_id, place.campaign.id))
    return findings


def unnamed_nodes(campaign: Campaign) -> list[str]:
    """Ids of the campaign's nodes whose name is empty or spaces only (as
    :meth:`Campaign.validate <canvas_app.domain.campaign.Campaign.validate>` refuses)."""
    return [node.id for node in campaign.nodes if not node.name.strip()]


def unnamed_node_findings(workspace: Workspace) -> list[Finding]:
    findings = []
    for campaign in workspace.campaigns:
        for node_id in unnamed_nodes(campaign):
            label = campaign.node(node_id).spec.label.lower()
            findings.append(Finding("error", f"This {label} has no name: give it one (select "
                                    "it, then Edit > Rename, or F2)", node_id, campaign.id))
    return findings


def contact_findings(workspace: Workspace) -> list[Finding]:
    """Contacts with the same id: the app has no place to edit contacts, so the file."""
    contacts = workspace.contacts
    findings = []
    for contact_id, places in grouped(repeated_contact_ids(contacts)).items():
        names = listed([quoted(contacts[i].display_name) for i in places])
        findings.append(Finding(
            "error", f"Contacts {names} have the same id ({contact_id}), so a scenario or a "
            "simulation cannot tell them apart. Contacts are not edited in the app: give one "
            'of them another id in the workspace file (its "contacts" list), then open it '
            "again."))
    return findings


def catalog_findings(workspace: Workspace) -> list[Finding]:
    catalog = workspace.catalog
    findings = []
    for _, product in products_in_missing_categories(catalog):
        findings.append(Finding(
            "error", f"Product {quoted(product.name)} is in a category the catalog does not "
            f"have ({product.category}): edit the product and choose its category again "
            "(Catalog)"))
    for item_id, places in grouped(repeated_catalog_ids(catalog)).items():
        items = listed([f"{CATALOG_NOUNS[section]} "
                        f"{quoted(getattr(catalog, section)[item_id].name)}"
                        for section, _ in places])
        findings.append(Finding(
            "error", f"{items[0].upper()}{items[1:]} have the same id ({item_id}), so goals, "
            "actions and scenarios that name it cannot tell which is meant. The app does not "
            "change ids: give one of them another id in the workspace file, and in the goals "
            "and actions that mean it, then open it again."))
    for payment_type, places in grouped(repeated_payment_types(catalog)).items():
        times = "twice" if len(places) == 2 else f"{len(places)} times"
        findings.append(Finding(
            "error", f"Payment type {quoted(payment_type_label(payment_type))} is listed "
            f"{times} in the catalog. Deleting it in the app would take it out "
            "of every goal that requires it: remove the extra one from the workspace file "
            '(its "payment_types" list), then open it again.'))
    return findings


def action_findings(workspace: Workspace) -> list[Finding]:
    from .ecommerce import DEFAULT_SETS

    eco = workspace.ecommerce
    findings = []
    for product_id in sets_of_missing_products(workspace):
        findings.append(Finding(
            "error", f"A product no longer in the catalog ({product_id}) has e-commerce "
            "actions, so they can never run: remove them (E-Commerce Actions)"))
    for name in unknown_action_sets(eco):
        known = listed([quoted(label) for label, _ in DEFAULT_SETS.values()])
        findings.append(Finding(
            "error", f"Action set {quoted(name)} is none of the app's ({known}), so it never "
            "runs. Remove it from the workspace file, then open it again."))
    for found in action_problems(eco):
        findings.append(Finding(
            "error", f"Action {found.index + 1} of {set_label(workspace, found.set_key)} is "
            f"incomplete ({found.problem.message}): edit or remove that action "
            "(E-Commerce Actions)"))
    return findings
