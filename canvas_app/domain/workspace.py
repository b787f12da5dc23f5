"""The workspace: catalog, e-commerce settings, contacts and campaigns (SPEC §1)."""

from __future__ import annotations

from datetime import UTC, datetime

from . import events as ev
from .campaign import Campaign, Finding
from .catalog import Catalog
from .contacts import Contact
from .ecommerce import DEFAULT_SETS, Ecommerce
from .errors import DomainError, Problem
from .events import DomainEvent, Emitter
from .nodes import Node
from .steps import ACTION_KINDS, validate_step


class Workspace:
    def __init__(self, catalog: Catalog | None = None, ecommerce: Ecommerce | None = None,
                 contacts: list[Contact] | None = None) -> None:
        self.events = Emitter()
        self.catalog = catalog or Catalog()
        self.ecommerce = ecommerce or Ecommerce()
        self.contacts: list[Contact] = contacts or []
        self._campaigns: dict[str, Campaign] = {}

    # -- campaigns ----------------------------------------------------------------------
    @property
    def campaigns(self) -> list[Campaign]:
        return list(self._campaigns.values())

    def campaign(self, campaign_id: str) -> Campaign:
        try:
            return self._campaigns[campaign_id]
        except KeyError:
            raise DomainError(f'no campaign "{campaign_id}" in this workspace') from None

    def has_campaign(self, campaign_id: str) -> bool:
        return campaign_id in self._campaigns

    def new_campaign(self, campaign_id: str, name: str) -> Campaign:
        return self.add_campaign(Campaign(campaign_id, name))

    def add_campaign(self, campaign: Campaign, index: int | None = None) -> Campaign:
        if campaign.id in self._campaigns:
            raise DomainError(f'a campaign with id "{campaign.id}" already exists')
        campaign.events = self.events
        items = list(self._campaigns.items())
        position = len(items) if index is None else max(0, min(index, len(items)))
        items.insert(position, (campaign.id, campaign))
        self._campaigns = dict(items)
        self.events.emit(DomainEvent(ev.CAMPAIGN_ADDED, campaign_id=campaign.id))
        return campaign

    def remove_campaign(self, campaign_id: str) -> tuple[Campaign, int]:
        campaign = self.campaign(campaign_id)
        index = list(self._campaigns).index(campaign_id)
        del self._campaigns[campaign_id]
        self.events.emit(DomainEvent(ev.CAMPAIGN_REMOVED, campaign_id=campaign_id))
        return campaign, index

    def rename_campaign(self, campaign_id: str, name: str) -> None:
        name = name.strip()
        if not name:
            raise DomainError("a campaign name cannot be empty")
        self.campaign(campaign_id).name = name
        self.events.emit(DomainEvent(ev.CAMPAIGN_CHANGED, campaign_id=campaign_id))

    def find_node(self, node_id: str) -> tuple[Campaign, Node] | None:
        for campaign in self._campaigns.values():
            if campaign.has_node(node_id):
                return campaign, campaign.node(node_id)
        return None

    def all_node_ids(self) -> set[str]:
        return {n for c in self._campaigns.values() for n in c.graph.nodes}

    # -- catalog, e-commerce, contacts ----------------------------------------------------
    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.events.emit(DomainEvent(ev.CATALOG_CHANGED))

    def set_ecommerce(self, ecommerce: Ecommerce) -> None:
        self.ecommerce = ecommerce
        self.events.emit(DomainEvent(ev.ECOMMERCE_CHANGED))

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.contacts = contacts
        self.events.emit(DomainEvent(ev.CONTACTS_CHANGED))

    # -- equality -----------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Workspace):
            return NotImplemented
        return (self.catalog, self.ecommerce, self.contacts, self.campaigns) == (
            other.catalog, other.ecommerce, other.contacts, other.campaigns)

    __hash__ = None  # type: ignore[assignment]

    # -- checking -----------------------------------------------------------------------
    def validate(self) -> list[Problem]:
        """Every problem that makes the workspace invalid, located by JSON path (C6)."""
        problems: list[Problem] = []
        cat = self.catalog
        for i, product in enumerate(cat.products.values()):
            if product.category is not None and product.category not in cat.categories:
                problems.append(Problem(f"catalog.products[{i}].category",
                                        f'no category "{product.category}" in the catalog'))
        seen_catalog: dict[str, str] = {}
        for section in ("categories", "products", "order_forms"):
            for i, item_id in enumerate(getattr(cat, section)):
                if item_id in seen_catalog:
                    problems.append(Problem(
                        f"catalog.{section}[{i}].id",
                        f'id "{item_id}" is used twice (also in {seen_catalog[item_id]})'))
                seen_catalog[item_id] = f"catalog.{section}"
        listed: set[str] = set()
        for i, name in enumerate(cat.payment_types):
            if name in listed:
                problems.append(Problem(f"catalog.payment_types[{i}]",
                                        f'payment type "{name}" is listed twice'))
            listed.add(name)
        problems += self._validate_actions()
        seen_contacts: set[str] = set()
        for i, contact in enumerate(self.contacts):
            if contact.id in seen_contacts:
                problems.append(Problem(f"contacts[{i}].id",
                                        f'contact id "{contact.id}" is used twice'))
            seen_contacts.add(contact.id)
        seen_nodes: dict[str, str] = {}
        for ci, campaign in enumerate(self.campaigns):
            for ni, node in enumerate(campaign.nodes):
                if node.id in seen_nodes:
                    problems.append(Problem(
                        f"campaigns[{ci}].nodes[{ni}].id",
                        f'node id "{node.id}" is used twice (also in {seen_nodes[node.id]})'))
                seen_nodes[node.id] = f"campaign {campaign.id}"
            for problem in campaign.validate(cat):
                problems.append(_name_node(problem.at(f"campaigns[{ci}]"), campaign))
        return problems

    def _validate_actions(self) -> list[Problem]:
        problems: list[Problem] = []
        eco = self.ecommerce
        sets = [(f"ecommerce.action_sets.{name}", actions)
                for name, actions in eco.action_sets.items()]
        for product_id, actions in eco.product_action_sets.items():
            if product_id not in self.catalog.products:
                problems.append(Problem(f"ecommerce.product_action_sets.{product_id}",
                                        f'no product "{product_id}" in the catalog'))
            sets.append((f"ecommerce.product_action_sets.{product_id}", actions))
        for name in eco.action_sets:
            if name not in DEFAULT_SETS:
                problems.append(Problem(
                    f"ecommerce.action_sets.{name}",
                    f'unknown action set "{name}" (expected one of: {", ".join(DEFAULT_SETS)})'))
        for prefix, actions in sets:
            for i, action in enumerate(actions):
                for problem in validate_step(action, ACTION_KINDS):
                    problems.append(problem.at(f"{prefix}[{i}]"))
                if (action.kind in ("add_to_campaign", "remove_from_campaign")
                        and action.campaign and action.campaign not in self._campaigns):
                    problems.append(Problem(f"{prefix}[{i}].campaign",
                                            f'no campaign "{action.campaign}"'))
        return problems

    def lint(self, now: datetime | None = None) -> list[Finding]:
        """Warnings a builder shows as badges: see :mod:`canvas_app.domain.lint`."""
        from .lint import lint_workspace

        return lint_workspace(self, now or datetime.now(UTC))


def _name_node(problem: Problem, campaign: Campaign) -> Problem:
    """Adds the node id to a problem located inside a node (C6)."""
    marker = ".nodes["
    if marker not in problem.path:
        return problem
    index = int(problem.path.split(marker, 1)[1].split("]", 1)[0])
    node_id = campaign.nodes[index].id
    return Problem(problem.path, f"(node {node_id}) {problem.message}")
