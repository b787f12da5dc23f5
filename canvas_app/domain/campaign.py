"""A campaign: goals and sequences linked into a flow, held in a ``networkx.DiGraph``.

Node ids are the graph's nodes; each carries its :class:`Node` under the ``"node"``
attribute. Every change goes through a method here, which checks the rules (R1, R2) and
emits one :class:`DomainEvent`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from . import events as ev
from .errors import DomainError, Problem
from .events import DomainEvent, Emitter
from .nodes import Config, Node, goal_kinds

if TYPE_CHECKING:
    from .catalog import Catalog

# The order of a campaign's nodes (None: not to be put back) and, by node, of its links'
# other ends (successors, predecessors): see Campaign.order_around
Order = tuple[list[str] | None, dict[str, tuple[list[str], list[str]]]]

@dataclass(frozen=True)
class Finding:
    """A lint finding: ``severity`` is ``warning`` or ``error``; ``node_id`` may be None."""

    severity: str
    message: str
    node_id: str | None = None
    campaign_id: str | None = None


class Campaign:
    def __init__(self, id: str, name: str, emitter: Emitter | None = None) -> None:
        self.id = id
        self.name = name
        self.graph: nx.DiGraph = nx.DiGraph()
        self.events = emitter if emitter is not None else Emitter()

    # -- reading ------------------------------------------------------------------------
    @property
    def nodes(self) -> list[Node]:
        return [data["node"] for _, data in self.graph.nodes(data=True)]

    @property
    def edges(self) -> list[tuple[str, str]]:
        return list(self.graph.edges())

    def node(self, node_id: str) -> Node:
        try:  # the graph's own node dict: its NodeView costs a Python call more per look-up
            return self.graph._node[node_id]["node"]
        except KeyError:
            raise DomainError(f'no node "{node_id}" in campaign "{self.name}"') from None

    def has_node(self, node_id: str) -> bool:
        return node_id in self.graph

    def has_edge(self, source: str, target: str) -> bool:
        return self.graph.has_edge(source, target)

    def successors(self, node_id: str) -> list[str]:
        return list(self.graph.successors(node_id))

    def predecessors(self, node_id: str) -> list[str]:
        return list(self.graph.predecessors(node_id))

    def entry_nodes(self) -> list[str]:
        """Nodes with no incoming link (R3), in the graph's order."""
        # the graph's own predecessor dict, in its nodes' order: in_degree() is a Python
        # call through a view per node (a third of a lint's time at 10,000 nodes)
        return [n for n, before in self.graph._pred.items() if not before]

    def upstream(self, node_id: str) -> set[str]:
        """Every node from which links lead to ``node_id``, directly or not (R5)."""
        return nx.ancestors(self.graph, node_id)

    def __len__(self) -> int:
        return self.graph.number_of_nodes()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Campaign):
            return NotImplemented
        mine = {n.id: n for n in self.nodes}
        theirs = {n.id: n for n in other.nodes}
        return (self.id, self.name, mine, set(self.edges)) == (
            other.id, other.name, theirs, set(other.edges))

    def __repr__(self) -> str:
        return f"Campaign({self.id!r}, {self.name!r}, {len(self)} nodes, {len(self.edges)} links)"

    # -- editing ------------------------------------------------------------------------
    def _emit(self, name: str, **kw: Any) -> None:
        self.events.emit(DomainEvent(name, campaign_id=self.id, **kw))

    def add_node(self, node: Node) -> Node:
        if node.id in self.graph:
            raise DomainError(f'a node with id "{node.id}" is already in this campaign')
        self.graph.add_node(node.id, node=node)
        self._emit(ev.NODE_ADDED, node_id=node.id)
        return node

    def remove_node(self, node_id: str) -> tuple[Node, list[tuple[str, str]]]:
        """Removes the node and its links; returns both so an undo can restore them."""
        node = self.node(node_id)
        links = list(self.graph.in_edges(node_id)) + list(self.graph.out_edges(node_id))
        for source, target in links:
            self.unlink(source, target)
        self.graph.remove_node(node_id)
        self._emit(ev.NODE_REMOVED, node_id=node_id)
        return node, links

    def add_many(self, nodes: list[Node], links: list[tuple[str, str]]) -> None:
        """Adds nodes and links among them (or to nodes already here) as one change: a
        NODE_ADDED each, then an EDGE_ADDED each (all marked ``batched``), then one
        NODES_ADDED naming them all. Everything is checked first: when a node or a link is
        refused, nothing is added."""
        graph = self.graph
        ids = [node.id for node in nodes]
        if len(set(ids)) != len(ids):
            raise DomainError("the nodes to add hold one id twice")
        for node_id in ids:
            if node_id in graph:
                raise DomainError(f'a node with id "{node_id}" is already in this campaign')
        new = set(ids)
        pairs: set[tuple[str, str]] = set()
        for source, target in links:
            for end in (source, target):
                if end not in new and end not in graph:
                    raise DomainError(f'there is no node "{end}" in this campaign')
            if source == target:
                raise DomainError("a node cannot link to itself")
            if (source, target) in pairs or graph.has_edge(source, target):
                raise DomainError(f'"{source}" already links to "{target}"')
            pairs.add((source, target))
        emit, batched = self.events.emit, {"batched": True}
        for node in nodes:
            graph.add_node(node.id, node=node)
            emit(DomainEvent(ev.NODE_ADDED, campaign_id=self.id, node_id=node.id,
                             extra=batched))
        for source, target in links:
            graph.add_edge(source, target)
            emit(DomainEvent(ev.EDGE_ADDED, campaign_id=self.id, source=source,
                             target=target, extra=batched))
        self._emit(ev.NODES_ADDED, extra={"node_ids": tuple(ids), "links": tuple(links)})

    def remove_many(self, node_ids: list[str]
                    ) -> tuple[list[Node], list[tuple[str, str]]]:
        """Removes nodes and every link they have as one change: for each node its links'
        EDGE_REMOVED, then its NODE_REMOVED (all marked ``batched``), then one NODES_REMOVED
        naming them all. Returns the nodes and links removed (each link once), so an undo
        can restore them with :meth:`add_many`. Unknown ids are refused before anything
        is removed."""
        graph = self.graph
        ids = list(dict.fromkeys(node_ids))
        for node_id in ids:
            self.node(node_id)  # all known before any goes
        batched = {"batched": True}
        removed: list[Node] = []
        links: list[tuple[str, str]] = []
        emit = self.events.emit
        for node_id in ids:
            removed.append(self.node(node_id))
            ends = [(p, node_id) for p in graph.predecessors(node_id)]
            ends += [(node_id, s) for s in graph.successors(node_id)]
            for source, target in ends:
                graph.remove_edge(source, target)
                links.append((source, target))
                emit(DomainEvent(ev.EDGE_REMOVED, campaign_id=self.id, source=source,
                                 target=target, extra=batched))
            graph.remove_node(node_id)
            emit(DomainEvent(ev.NODE_REMOVED, campaign_id=self.id, node_id=node_id,
                             extra=batched))
        self._emit(ev.NODES_REMOVED, extra={"node_ids": tuple(ids), "links": tuple(links)})
        return removed, links

    def order_around(self, node_ids: Iterable[str], whole: bool = False) -> Order:
        """What an undo of removing ``node_ids`` (``whole``: the nodes themselves; else
        their links) must put back in order: the campaign's order of nodes, and the order
        of the links of each of them and of their neighbours (of those with more than one
        link on a side: one alone has no order). Nodes and links put back by an undo go
        at the end otherwise, and a file saved after an edit and its undo differed from
        the one opened (QA: a node deleted and undone moved to the end)."""
        succ, pred = self.graph._succ, self.graph._pred
        links: dict[str, tuple[list[str], list[str]]] = {}
        for node_id in node_ids:
            for other in (node_id, *succ[node_id], *pred[node_id]):
                ahead, behind = succ[other], pred[other]
                if (len(ahead) > 1 or len(behind) > 1) and other not in links:
                    links[other] = (list(ahead), list(behind))
        return (list(self.graph._node) if whole else None), links

    def restore_order(self, order: Order) -> None:
        """Puts the nodes and links back in the order :meth:`order_around` took (those
        still here); nothing else changes, so no event is sent. The graph's own dicts are
        reordered in place (networkx keeps a node's and a link's place by the order they
        went in, and has no call to move one): from the first node out of place on."""
        nodes, links = order
        graph = self.graph
        if nodes is not None:
            now = list(graph._node)
            first = next((i for i, (a, b) in enumerate(zip(now, nodes, strict=False))
                          if a != b), None)
            if first is not None:
                for node_id in nodes[first:]:
                    if node_id in graph._node:
                        graph._node[node_id] = graph._node.pop(node_id)
                        graph._succ[node_id] = graph._succ.pop(node_id)  # _adj is _succ
                        graph._pred[node_id] = graph._pred.pop(node_id)
        for node_id, (successors, predecessors) in links.items():
            if node_id not in graph._node:
                continue
            for mine, wanted in ((graph._succ[node_id], successors),
                                 (graph._pred[node_id], predecessors)):
                if list(mine) != wanted:
                    for other in wanted:
                        if other in mine:
                            mine[other] = mine.pop(other)

    def can_link(self, source: str, target: str) -> str | None:
        """None when the link is allowed, else the reason in plain words (R2)."""
        if source not in self.graph or target not in self.graph:
            missing = source if source not in self.graph else target
            return f'there is no node "{missing}" in this campaign'
        if source == target:
            return "a node cannot link to itself"
        if self.graph.has_edge(source, target):
            return (f'"{self.node(source).name}" already links to "{self.node(target).name}"')
        return None

    def link(self, source: str, target: str) -> None:
        reason = self.can_link(source, target)
        if reason:
            raise DomainError(reason)
        self.graph.add_edge(source, target)
        self._emit(ev.EDGE_ADDED, source=source, target=target)

    def unlink(self, source: str, target: str) -> None:
        if not self.graph.has_edge(source, target):
            raise DomainError(f'there is no link from "{source}" to "{target}"')
        self.graph.remove_edge(source, target)
        self._emit(ev.EDGE_REMOVED, source=source, target=target)

    def move(self, node_id: str, x: float, y: float) -> None:
        if not (math.isfinite(x) and math.isfinite(y)):
            raise DomainError(f"a position must be a finite number, not ({x}, {y})")
        node = self.node(node_id)
        node.x, node.y = float(x), float(y)
        self._emit(ev.NODE_MOVED, node_id=node_id)

    def place(self, positions: dict[str, tuple[float, float]]) -> None:
        """Moves these nodes: one alone as :meth:`move` (its one event), several as
        :meth:`move_many`; none, nothing."""
        if len(positions) == 1:
            (node_id, (x, y)), = positions.items()
            self.move(node_id, x, y)
        elif positions:
            self.move_many(positions)

    def move_many(self, positions: dict[str, tuple[float, float]]) -> None:
        """Moves several nodes as one change: a NODE_MOVED event each (marked ``batched``),
        then one NODES_MOVED naming them all, so a view can do once what concerns them
        together (a link between two moved nodes follows once, not twice)."""
        moves = []
        for node_id, (x, y) in positions.items():  # all checked before any moves
            if not (math.isfinite(x) and math.isfinite(y)):
                raise DomainError(f"a position must be a finite number, not ({x}, {y})")
            moves.append((self.node(node_id), float(x), float(y)))
        emit, batched = self.events.emit, {"batched": True}
        for node, x, y in moves:
            node.x, node.y = x, y
            emit(DomainEvent(ev.NODE_MOVED, campaign_id=self.id, node_id=node.id,
                             extra=batched))
        self._emit(ev.NODES_MOVED, extra={"node_ids": tuple(positions)})

    def rename(self, node_id: str, name: str) -> None:
        name = name.strip()
        if not name:
            raise DomainError("a name cannot be empty")
        self.node(node_id).name = name
        self._emit(ev.NODE_CHANGED, node_id=node_id)

    def restore_name(self, node_id: str, name: str) -> None:
        """Gives the node back a name it had, as it was: an undo of a rename, where the old
        name may be blank (a file may hold a node with no name; lint says so), which
        :meth:`rename` refuses, and an Undo failed with an error."""
        self.node(node_id).name = name
        self._emit(ev.NODE_CHANGED, node_id=node_id)

    def set_config(self, node_id: str, config: Config) -> None:
        self.node(node_id).config = config
        self._emit(ev.NODE_CHANGED, node_id=node_id)

    def replace_node(self, node: Node) -> None:
        """Name, position and settings of an existing node at once (NODE_MOVED too when
        the position is another)."""
        current = self.node(node.id)
        if current.kind != node.kind:
            raise DomainError("a node cannot change its kind")
        self.graph.nodes[node.id]["node"] = node
        self._emit(ev.NODE_CHANGED, node_id=node.id)
        if (node.x, node.y) != (current.x, current.y):
            self._emit(ev.NODE_MOVED, node_id=node.id)

    # -- checking -----------------------------------------------------------------------
    def validate(self, catalog: Catalog) -> list[Problem]:
        """Settings problems of every node, with paths ``nodes[i]...`` (R11)."""
        problems: list[Problem] = []
        for i, node in enumerate(self.nodes):
            if not node.name.strip():
                problems.append(Problem(f"nodes[{i}].name", "a node's name cannot be empty"))
            for problem in node.spec.validate(node.config, catalog):
                problems.append(problem.at(f"nodes[{i}]"))
        return problems

    def node_problems(self, node_id: str, catalog: Catalog) -> list[Problem]:
        node = self.node(node_id)
        return node.spec.validate(node.config, catalog)

    def unreachable(self) -> set[str]:
        """Nodes that no contact can ever reach: neither an entry node nor a goal leads to
        them (a loop of sequences nobody enters).

        A goal is a starting point as well as an entry node: an eligible contact achieves
        it without waiting at it (R4, R5), a contact of any campaign when it is set to "any
        contact", one in the campaign otherwise, and then enters the goal's successors."""
        goals = goal_kinds()
        reached = set(self.entry_nodes())
        reached.update(n for n, data in self.graph._node.items() if data["node"].kind in goals)
        after = self.graph._succ
        todo = list(reached)
        while todo:  # one walk from all of them: a walk from each was quadratic
            for successor in after[todo.pop()]:
                if successor not in reached:
                    reached.add(successor)
                    todo.append(successor)
        return set(self.graph.nodes) - reached
