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
from .workspace_checks import (
    NodePlace,
    Repeat,
    action_problems,
    products_in_missing_categories,
    repeated_catalog_ids,
    repeated_contact_ids,
    repeated_node_ids,
    repeated_payment_types,
    sets_of_missing_products,
    unknown_action_sets,
)


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

    def move_campaign(self, campaign_id: str, index: int) -> int:
        """Puts the campaign at ``index`` of the list (the others keep their order);
        returns the index it had."""
        campaign = self.campaign(campaign_id)
        items = [item for item in self._campaigns.items() if item[0] != campaign_id]
        before = list(self._campaigns).index(campaign_id)
        index = max(0, min(index, len(items)))
        if index != before:
            items.insert(index, (campaign_id, campaign))
            self._campaigns = dict(items)
            self.events.emit(DomainEvent(ev.CAMPAIGN_MOVED, campaign_id=campaign_id))
        return before

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
        """Every problem that makes the workspace invalid, located by JSON path (C6). Lint
        reports each as an error in people's words (:mod:`.workspace_lint`), from the same
        checks (:mod:`.workspace_checks`)."""
        problems: list[Problem] = []
        cat = self.catalog
        for i, product in products_in_missing_categories(cat):
            problems.append(Problem(f"catalog.products[{i}].category",
                                    f'no category "{product.category}" in the catalog'))
        for repeat in repeated_catalog_ids(cat):
            (section, i), (previous, _) = repeat.place, repeat.previous
            problems.append(Problem(f"catalog.{section}[{i}].id",
                                    f'id "{repeat.id}" is used twice (also in catalog.{previous})'))
        for payment in repeated_payment_types(cat):
            problems.append(Problem(f"catalog.payment_types[{payment.place}]",
                                    f'payment type "{payment.id}" is listed twice'))
        problems += self._validate_actions()
        for contact in repeated_contact_ids(self.contacts):
            problems.append(Problem(f"contacts[{contact.place}].id",
                                    f'contact id "{contact.id}" is used twice'))
        twice: dict[int, list[Repeat[NodePlace]]] = {}
        for repeat in repeated_node_ids(self.campaigns):
            twice.setdefault(repeat.place.campaign_index, []).append(repeat)
        for ci, campaign in enumerate(self.campaigns):
            for repeat in twice.get(ci, []):
                problems.append(Problem(
                    f"campaigns[{ci}].nodes[{repeat.place.node_index}].id",
                    f'node id "{repeat.id}" is used twice (also in campaign '
                    f"{repeat.previous.campaign.id})"))
            for problem in campaign.validate(cat):
                problems.append(_name_node(problem.at(f"campaigns[{ci}]"), campaign))
        return problems

    def _validate_actions(self) -> list[Problem]:
        eco = self.ecommerce
        problems = [Problem(f"ecommerce.product_action_sets.{product_id}",
                            f'no product "{product_id}" in the catalog')
                    for product_id in sets_of_missing_products(self)]
        problems += [Problem(f"ecommerce.action_sets.{name}",
                             f'unknown action set "{name}" (expected one of: '
                             f'{", ".join(DEFAULT_SETS)})')
                     for name in unknown_action_sets(eco)]
        of_action: dict[tuple[str, int], list[Problem]] = {}
        for found in action_problems(eco):
            where = f"{found.prefix}[{found.index}]"
            of_action.setdefault((found.prefix, found.index), []).append(found.problem.at(where))
        sets = [(f"ecommerce.action_sets.{name}", actions)
                for name, actions in eco.action_sets.items()]
        sets += [(f"ecommerce.product_action_sets.{product_id}", actions)
                 for product_id, actions in eco.product_action_sets.items()]
        for prefix, actions in sets:
            for i, action in enumerate(actions):
                problems += of_action.get((prefix, i), [])
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
