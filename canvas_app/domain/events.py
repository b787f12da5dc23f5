"""A tiny observer: the domain emits events, views subscribe to them.

Every change to a workspace goes through a domain method, and every such method emits
exactly one :class:`DomainEvent`. The canvas scene, campaign list and dialogs subscribe and
update themselves; nothing in the domain knows who listens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

# Event names (the ``name`` of a DomainEvent).
NODE_ADDED = "node_added"  # campaign_id, node_id
NODE_REMOVED = "node_removed"  # campaign_id, node_id
NODE_MOVED = "node_moved"  # campaign_id, node_id; extra["batched"] within NODES_MOVED
NODES_MOVED = "nodes_moved"  # campaign_id, extra["node_ids"]: after their NODE_MOVED events
# Several nodes added or removed as one change (a paste, a delete, their undo): each node's
# NODE_ADDED / NODE_REMOVED and each link's EDGE_ADDED / EDGE_REMOVED come first, marked
# extra["batched"], then one of these naming them all, so a view can do once what concerns
# them together (its scene rectangle, an overview, a lint).
NODES_ADDED = "nodes_added"  # campaign_id, extra["node_ids"], extra["links"]
NODES_REMOVED = "nodes_removed"  # campaign_id, extra["node_ids"], extra["links"]
MOVES = frozenset({NODE_MOVED, NODES_MOVED})  # where nodes sit: no lint finding is about it
NODE_CHANGED = "node_changed"  # campaign_id, node_id (name or config)
EDGE_ADDED = "edge_added"  # campaign_id, source, target
EDGE_REMOVED = "edge_removed"  # campaign_id, source, target
CAMPAIGN_ADDED = "campaign_added"  # campaign_id
CAMPAIGN_REMOVED = "campaign_removed"  # campaign_id
CAMPAIGN_CHANGED = "campaign_changed"  # campaign_id (renamed)
CAMPAIGN_MOVED = "campaign_moved"  # campaign_id: to another place in the list
CATALOG_CHANGED = "catalog_changed"
ECOMMERCE_CHANGED = "ecommerce_changed"
CONTACTS_CHANGED = "contacts_changed"
WORKSPACE_RESET = "workspace_reset"

T = TypeVar("T")


@dataclass(frozen=True)
class DomainEvent:
    name: str
    campaign_id: str | None = None
    node_id: str | None = None
    source: str | None = None
    target: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


Listener = Callable[[DomainEvent], None]


class Emitter(Generic[T]):
    """Subscribe / unsubscribe / emit. Listeners are called in subscription order.

    Generic in what it carries: the domain emits :class:`DomainEvent`; the simulation uses
    the same class for its movements. It is true while anyone listens, so a hot path can
    skip building an event nobody will see.
    """

    def __init__(self) -> None:
        self._listeners: list[Callable[[T], None]] = []

    def __bool__(self) -> bool:
        return bool(self._listeners)

    def subscribe(self, listener: Callable[[T], None]) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: T) -> None:
        for listener in list(self._listeners):
            listener(event)
