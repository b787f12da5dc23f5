"""The parts of the three-way merge (:mod:`canvas_app.io.merge`) that name things: how each
kind of item is named, split into the fields merged apart and put back together, and the
words a clash or a change taken in is said in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..domain.nodes import node_kinds

Data = dict[str, Any]


class Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = Missing()
SIDES = ("mine", "theirs")


def merged_order(base: list[Any], mine: list[Any], theirs: list[Any]) -> list[Any]:
    """Every key of mine and theirs once: theirs' order and my new keys after it, in my
    order; mine's order when theirs holds the base's keys in the base's order."""
    first, then = (mine, theirs) if theirs == base else (theirs, mine)
    seen = set(first)
    return list(first) + [k for k in then if k not in seen]


def quoted(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if value is None or value is MISSING:
        return "none"
    if isinstance(value, float):
        return f"{value:g}"
    return f'"{value}"'


@dataclass
class Kind:
    """How one kind of item is named, split into fields and put back together."""

    noun: str | Callable[[Data], str]
    container: str = ""  # taken lines start 'catalog: ', 'campaign "Pool Shock Nurture": '
    where_prefix: str = ""  # 'campaign "Pool Shock Nurture", ' before a node's phrase
    name: Callable[[Data], str] = lambda item: str(item.get("name", item.get("id", "")))
    split: Callable[[Data], Data] = lambda item: {k: v for k, v in item.items() if k != "id"}
    join: Callable[[Any, Data], Data] = lambda key, groups: {"id": key, **groups}
    show: Callable[[str, Any], str] = lambda group, value: quoted(value)
    bare_changes: bool = False  # 'renamed "A" to "B"' rather than 'renamed sequence "A" ...'

    def phrase(self, item: Data) -> str:
        noun = self.noun(item) if callable(self.noun) else self.noun
        return f'{noun} "{self.name(item)}"' if noun else self.name(item)

    def where(self, item: Data) -> str:
        return self.where_prefix + self.phrase(item)

    def line(self, text: str) -> str:
        return f"{self.container}: {text}" if self.container else text

    def did(self, group: str, value: Any) -> str:
        """What a side did to one field, for a Clash: 'renamed it "B"', 'moved it'."""
        if group == "name":
            return f'renamed it "{value}"'
        if group == "position":
            return "moved it"
        if group == "legacy" and isinstance(value, bool):
            return "marked it legacy" if value else "marked it not legacy"
        if group in ("settings", "actions", "tags"):
            return f"changed its {group}"
        if value is MISSING:
            return f"cleared its {group.replace('_', ' ')}"
        return f"set its {group.replace('_', ' ')} to {self.show(group, value)}"

    def changed(self, group: str, before: Data, value: Any) -> str:
        """A change of theirs taken in: 'renamed "A" to "B"', 'moved "A"'."""
        what = f'"{self.name(before)}"' if self.bare_changes else self.phrase(before)
        if group == "name":
            return f'renamed {what} to "{value}"'
        if group == "position":
            return f"moved {what}"
        if group == "legacy" and isinstance(value, bool):
            return f"marked {what} {'legacy' if value else 'not legacy'}"
        if group == "actions":
            return f"changed {what}"
        if group in ("settings", "tags"):
            return f"changed the {group} of {what}"
        label = group.replace("_", " ")
        if value is MISSING:
            return f"cleared the {label} of {what}"
        return f"set the {label} of {what} to {self.show(group, value)}"


def node_noun(item: Data) -> str:
    spec = node_kinds().get(item.get("kind", ""))
    return spec.label.lower() if spec else str(item.get("kind", "node"))


def node_split(item: Data) -> Data:
    return {"name": item["name"], "position": (item["x"], item["y"]),
            "settings": {k: v for k, v in item.items() if k not in ("id", "name", "x", "y")}}


def node_join(key: Any, groups: Data) -> Data:
    x, y = groups["position"]
    return {"id": key, "name": groups["name"], "x": x, "y": y, **groups["settings"]}
