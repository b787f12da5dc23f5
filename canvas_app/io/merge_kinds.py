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
    """Every key of mine and theirs once: the order of the side that changed the order,
    then the other side's new keys in its order. Mine's when theirs holds the base's keys
    in the base's order, or when only I moved keys of the base (they only added or deleted
    some: QA 23h, a campaign I moved up went back when they added one); else theirs'."""
    if theirs == base or (mine != base and _moved(base, mine)
                          and not _moved(base, theirs)):
        first, then = mine, theirs
    else:
        first, then = theirs, mine
    out = list(first)
    seen = set(first)
    known = set(base)
    for i, key in enumerate(then):
        if key in seen:
            continue
        seen.add(key)
        if key in known:  # one the first side deleted, kept by a clash: back in its place
            # (QA 23i: Keep Mine put the campaign they deleted last), after the key before
            # it on its own side
            before = next((k for k in reversed(then[:i]) if k in out), None)
            out.insert(out.index(before) + 1 if before is not None else 0, key)
        else:
            out.append(key)
    return out


def moved(base: list[Any], side: list[Any]) -> bool:
    """Whether ``side`` holds some of the base's keys in another order than the base's."""
    return _moved(base, side)


def _moved(base: list[Any], side: list[Any]) -> bool:
    """Whether ``side`` holds some of the base's keys in another order than the base's
    (not merely with keys added or deleted)."""
    known = set(base)
    kept = [key for key in side if key in known]
    there = set(kept)
    return kept != [key for key in base if key in there]


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

    def did(self, group: str, value: Any, before: Any = MISSING) -> str:
        """What a side did to one field, for a Clash: 'renamed it "B"', 'moved it'; a list
        of steps or actions, from ``before``: 'added a step', 'changed step 2' (QA 22:
        "you changed its steps; they changed its steps" left the choice blind)."""
        if group == "name":
            return f'renamed it "{value}"'
        if group == "position":
            return "moved it"
        if group == "legacy" and isinstance(value, bool):
            return "marked it legacy" if value else "marked it not legacy"
        if group in ("steps", "actions") and isinstance(value, list) \
                and isinstance(before, list):
            return list_change(before, value, group[:-1])
        label = setting_label(group) if group != "tags" else "tags"
        if group == "actions" or label is not None:
            return f"changed its {label or group}"
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
        label = setting_label(group) if group != "tags" else "tags"
        if label is not None:
            return f"changed the {label} of {what}"
        label = group.replace("_", " ")
        if value is MISSING:
            return f"cleared the {label} of {what}"
        return f"set the {label} of {what} to {self.show(group, value)}"


def list_change(before: list[Any], after: list[Any], noun: str) -> str:
    """How a list of steps or actions changed, in a few words: 'added 2 steps', 'removed
    step 3', 'changed step 1', 'reordered its steps', else 'changed its steps'."""
    def many(count: int) -> str:
        article = "an" if noun[:1] in "aeiou" else "a"
        return f"{article} {noun}" if count == 1 else f"{count} {noun}s"

    def places(numbers: list[int]) -> str:
        shown = [str(n) for n in numbers]
        if len(shown) == 1:
            return f"{noun} {shown[0]}"
        return f"{noun}s {', '.join(shown[:-1])} and {shown[-1]}"

    if len(after) > len(before) and _within(before, after):
        return f"added {many(len(after) - len(before))}"
    if len(after) < len(before) and _within(after, before):
        gone = _left_out(after, before)
        return f"removed {places(gone)}" if len(gone) <= 3 else \
            f"removed {many(len(before) - len(after))}"
    if len(after) == len(before):
        changed = [i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        if sorted(map(repr, before)) == sorted(map(repr, after)):
            return f"reordered its {noun}s"
        if len(changed) <= 3:
            return f"changed {places(changed)}"
    return f"changed its {noun}s"


def _within(shorter: list[Any], longer: list[Any]) -> bool:
    """Whether ``shorter`` is ``longer`` with some items left out, in the same order."""
    items = iter(longer)
    return all(any(item == other for other in items) for item in shorter)


def _left_out(shorter: list[Any], longer: list[Any]) -> list[int]:
    """The numbers (from 1) of the items of ``longer`` that ``shorter`` leaves out."""
    out, at = [], 0
    for number, item in enumerate(longer, 1):
        if at < len(shorter) and shorter[at] == item:
            at += 1
        else:
            out.append(number)
    return out


def node_noun(item: Data) -> str:
    spec = node_kinds().get(item.get("kind", ""))
    return spec.label.lower() if spec else str(item.get("kind", "node"))


# A node's settings, merged field by field (one person changes a goal's payment types while
# another chooses its products): the group of each, and how a change of it is said.
CONFIG = "config."  # a goal's settings sit in its "config"; a sequence's beside its name
SETTING_LABELS = {
    "steps": "steps", "runs_until_completed": '"runs until completed" setting',
    "config.any_purchase": "purchase options", "config.order_forms": "purchase options",
    "config.products": "purchase options", "config.categories": "purchase options",
    "config.payment_types": "payment types", "config.achieved_by": "who may achieve it",
    "config.tags": "tags",
}
_NODE_FIELDS = ("id", "name", "x", "y", "kind", "config")


def setting_label(group: str) -> str | None:
    """How a change of a node's setting is said ("payment types"), or None for a group
    that is not one."""
    if group in SETTING_LABELS:
        return SETTING_LABELS[group]
    if group.startswith(CONFIG):
        return group[len(CONFIG):].replace("_", " ")
    if group == "settings":
        return "settings"
    return None


def node_split(item: Data) -> Data:
    groups: Data = {"name": item["name"], "position": (item["x"], item["y"]),
                    "kind": item.get("kind", MISSING)}
    config = item.get("config")
    if isinstance(config, dict):
        groups["config"] = True  # a goal's settings: put back in a "config" object
        groups.update({CONFIG + k: v for k, v in config.items()})
    elif "config" in item:
        groups["settings"] = config  # (not an object: kept whole, as it is)
    groups.update({k: v for k, v in item.items() if k not in _NODE_FIELDS})
    return groups


def node_join(key: Any, groups: Data) -> Data:
    x, y = groups["position"]
    node: Data = {"id": key, "name": groups["name"], "x": x, "y": y}
    if groups.get("kind", MISSING) is not MISSING:
        node["kind"] = groups["kind"]
    if groups.get("config"):
        node["config"] = {k[len(CONFIG):]: v for k, v in groups.items() if k.startswith(CONFIG)}
    elif "settings" in groups:
        node["config"] = groups["settings"]
    node.update({k: v for k, v in groups.items() if k not in ("name", "position", "kind",
                                                                 "config", "settings")
                 and not k.startswith(CONFIG)})
    return node
