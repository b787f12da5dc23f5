"""Nodes and the node-kind registry (R1).

A node kind is described once, by a :class:`NodeKind` registered under its name: its label
and icon, whether it is a goal, how to make, validate, describe, save and load its settings,
and the JSON Schema of its keys in the file. Adding a kind is one module that calls
:func:`register` (see ``purchase.py``, ``tag_goal.py``, ``sequence.py``), plus an import in
``kinds.py``; nothing else in the code lists the kinds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import Problem

if TYPE_CHECKING:
    from .catalog import Catalog

Config = Any  # each kind's own settings object (a dataclass)


@dataclass(frozen=True)
class NodeKind:
    kind: str
    label: str  # shown in the palette: "Purchase goal"
    is_goal: bool
    icon: str  # file name under resources/icons
    make_config: Callable[[], Config]
    validate: Callable[[Config, Catalog], list[Problem]]
    describe: Callable[[Config, Catalog], str]
    to_data: Callable[[Config], dict[str, Any]]  # keys merged into the node's JSON object
    from_data: Callable[[dict[str, Any]], Config]  # the node's JSON object (schema-valid)
    schema_properties: dict[str, Any]  # JSON Schema of the keys to_data writes
    schema_required: tuple[str, ...] = ()
    copy_config: Callable[[Config], Config] | None = None
    help: str = ""
    order: int = 100  # place in the palette and in lists (lower first)


_REGISTRY: dict[str, NodeKind] = {}
_ORDERED: dict[str, NodeKind] = {}  # _REGISTRY in palette order; rebuilt on register()


def register(kind: NodeKind) -> NodeKind:
    if kind.kind in _REGISTRY:
        raise ValueError(f"node kind {kind.kind!r} is registered twice")
    _REGISTRY[kind.kind] = kind
    ordered = sorted(_REGISTRY.items(), key=lambda item: (item[1].order, item[0]))
    _ORDERED.clear()
    _ORDERED.update(ordered)
    return kind


def node_kinds() -> dict[str, NodeKind]:
    """All registered kinds, in palette order (``order``, then name): stable whatever
    order the modules were imported in."""
    from . import kinds  # noqa: F401  (registers the built-in kinds)

    return dict(_ORDERED)


def goal_kinds() -> frozenset[str]:
    """The names of the kinds that are goals (``is_goal``)."""
    return frozenset(name for name, spec in node_kinds().items() if spec.is_goal)


def node_kind(name: str) -> NodeKind:
    spec = _ORDERED.get(name)
    if spec is not None:
        return spec
    kinds = node_kinds()  # imports the built-in kinds on first use
    if name not in kinds:
        raise KeyError(f"unknown node kind {name!r} (known: {', '.join(kinds)})")
    return kinds[name]


# How far from the origin a node may sit, either way, in canvas pixels at 100 % (files are
# refused beyond it, the editor keeps nodes within it): thousands of auto-layout columns.
COORDINATE_LIMIT = 1_000_000


def on_canvas(value: float) -> float:
    """``value`` kept within the canvas's extent (see COORDINATE_LIMIT)."""
    return max(-COORDINATE_LIMIT, min(COORDINATE_LIMIT, value))


@dataclass
class Node:
    """One goal or sequence on a campaign's canvas."""

    id: str
    kind: str
    name: str
    x: float = 0.0
    y: float = 0.0
    config: Config = None

    def __post_init__(self) -> None:
        if self.config is None:
            self.config = node_kind(self.kind).make_config()

    @property
    def spec(self) -> NodeKind:
        return node_kind(self.kind)

    @property
    def is_goal(self) -> bool:
        return self.spec.is_goal

    def copy(self, **changes: Any) -> Node:
        spec = self.spec
        config = spec.copy_config(self.config) if spec.copy_config else _deepcopy(self.config)
        values = {"id": self.id, "kind": self.kind, "name": self.name, "x": self.x,
                  "y": self.y, "config": config}
        values.update(changes)
        return Node(**values)


def _deepcopy(value: Any) -> Any:
    import copy

    return copy.deepcopy(value)
