"""Where a problem in a store's rows is, in the words the app shows (Qt-free).

A store's rows are checked as the file loader checks a file (``store/mapping.py``
``workspace_data``), so each problem comes with a file place such as
``campaigns[0].nodes[2].steps[1].duration``. A file's reader can look that place up in the
file; a store's cannot. So a store names the place by what its user sees: the campaign's
and the node's names as the canvas shows them, the product's name as the catalog lists it,
and the id only where there is no name or where two things have the same name::

    campaign "Pool Shock Nurture", sequence "Nurture", step 2, duration
    product "Pool Scrubbing Mitt", price
    e-commerce action set "On Login (Multi-Step Cart)", action 1, delay
    campaign "Spring", link from "Welcome" to "Bought" (id bought-2)

A message then reads as a file's does, ``STORE: PLACE: problem``, all after the store's
name in lower case as a file's are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..domain.ecommerce import DEFAULT_SETS
from ..domain.errors import Problem
from ..domain.names import name_key, short_name
from ..domain.nodes import node_kinds

_INDEX = re.compile(r"\[(\d+)\]")
_CATALOG = re.compile(r"catalog\.(products|categories|order_forms|payment_types)\[(\d+)\]")
_CATALOG_WORDS = {"products": "product", "categories": "category",
                  "order_forms": "order form", "payment_types": "payment type"}
_NODE_PREFIX = re.compile(r"^\(node [^)]*\) ")


def stored_problem(problem: Problem, data: dict[str, Any] | None) -> Problem:
    """``problem`` (placed in the file's terms) placed in the store's words; the
    "(node X) " a file's message starts with is dropped once the place names that node."""
    place = stored_place(problem.path, data)
    message = problem.message
    if place != problem.path:
        message = _NODE_PREFIX.sub("", message)
    return Problem(place, message)


def stored_place(path: str, data: dict[str, Any] | None) -> str:
    """A file place (``campaigns[0].nodes[2].steps[1]``) in the store's words
    (``campaign "Spring", sequence "Nurture", step 2``); ``path`` itself when it names
    nothing the data holds."""
    if data is None or not path:
        return path
    named: list[str] = []
    rest = path
    if rest.startswith("campaigns["):
        rest = _campaign_place(rest, data, named)
    elif rest.startswith("catalog."):
        rest = _catalog_place(rest, data, named)
    elif rest.startswith("contacts["):
        rest = _contact_place(rest, data, named)
    elif rest.startswith("ecommerce."):
        rest = _ecommerce_place(rest, data, named)
    if not named:
        return path
    tail = _tail_words(rest)
    return ", ".join(named + ([tail] if tail else []))


# -- each section ------------------------------------------------------------------------
def _campaign_place(path: str, data: dict[str, Any], named: list[str]) -> str:
    campaigns = _list(data.get("campaigns"))
    match = _INDEX.match(path, len("campaigns"))
    if match is None or int(match.group(1)) >= len(campaigns):
        return path
    campaign = campaigns[int(match.group(1))]
    if not isinstance(campaign, dict):
        return path
    named.append(f"campaign {_named(campaign, campaigns)}")
    rest = path[match.end():]
    nodes = _list(campaign.get("nodes"))
    for section in ("nodes", "edges"):
        if not rest.startswith(f".{section}["):
            continue
        items = nodes if section == "nodes" else _list(campaign.get("edges"))
        inner = _INDEX.match(rest, len(section) + 1)
        if inner is None or int(inner.group(1)) >= len(items):
            break
        item = items[int(inner.group(1))]
        if not isinstance(item, dict):
            break
        rest = rest[inner.end():]
        if section == "nodes":
            named.append(node_words(item, nodes))
            step = re.match(r"\.steps\[(\d+)\]", rest)
            if step is not None:
                named.append(f"step {int(step.group(1)) + 1}")
                rest = rest[step.end():]
        else:
            named.append(f"link from {_end(item.get('source'), nodes)} to "
                         f"{_end(item.get('target'), nodes)}")
        break
    return rest


def _catalog_place(path: str, data: dict[str, Any], named: list[str]) -> str:
    match = _CATALOG.match(path)
    catalog = data.get("catalog")
    if match is None or not isinstance(catalog, dict):
        return path
    section, index = match.group(1), int(match.group(2))
    items = _list(catalog.get(section))
    if index >= len(items):
        return path
    item = items[index]
    word = _CATALOG_WORDS[section]
    if section == "payment_types":  # a list of ids: the id is its name
        named.append(f"{word} {_quoted(item)}" if isinstance(item, str) and item
                     else f"{word} {index + 1}")
    elif isinstance(item, dict):
        named.append(f"{word} {_named(item, items)}")
    else:
        return path
    return path[match.end():]


def _contact_place(path: str, data: dict[str, Any], named: list[str]) -> str:
    contacts = _list(data.get("contacts"))
    match = _INDEX.match(path, len("contacts"))
    if match is None or int(match.group(1)) >= len(contacts):
        return path
    contact = contacts[int(match.group(1))]
    if not isinstance(contact, dict):
        return path
    names = [_contact_name(c) if isinstance(c, dict) else "" for c in contacts]
    name = _contact_name(contact)
    shown = _quoted(name) if name else f"(id {_text(contact.get('id'))})"
    if name and sum(name_key(short_name(n)) == name_key(short_name(name))
                    for n in names if n) > 1:
        shown += f" (id {_text(contact.get('id'))})"
    named.append(f"contact {shown}")
    return path[match.end():]


def _ecommerce_place(path: str, data: dict[str, Any], named: list[str]) -> str:
    eco = data.get("ecommerce")
    if not isinstance(eco, dict):
        return path
    if path.startswith("ecommerce.settings"):
        named.append("e-commerce settings")
        return path[len("ecommerce.settings"):]
    for key in ("action_sets", "product_action_sets"):
        prefix = f"ecommerce.{key}."
        sets = eco.get(key)
        if not path.startswith(prefix) or not isinstance(sets, dict):
            continue
        after = path[len(prefix):]
        # A set's name may hold dots or brackets: the longest name the place starts with.
        names = [n for n in sets if isinstance(n, str) and after.startswith(n)
                 and after[len(n):len(n) + 1] in ("", ".", "[")]
        if not names:
            return path
        name = max(names, key=len)
        if key == "product_action_sets":
            named.append(f"e-commerce action set of product {_product_name(name, data)}")
        else:
            label = DEFAULT_SETS[name][0] if name in DEFAULT_SETS else name
            named.append(f"e-commerce action set {_quoted(label)}")
        rest = after[len(name):]
        action = _INDEX.match(rest)
        if action is not None:
            named.append(f"action {int(action.group(1)) + 1}")
            rest = rest[action.end():]
        return rest
    return path


# -- names -------------------------------------------------------------------------------
def node_words(node: dict[str, Any], siblings: Sequence[Any] = ()) -> str:
    """A node (as a file holds it) as the canvas shows it: ``sequence "Nurture"``, with its
    id when one of ``siblings`` is shown with the same name or it has no name."""
    return f"{_kind_word(node.get('kind'))} {_named(node, siblings or [node])}"


def _named(item: dict[str, Any], siblings: Sequence[Any]) -> str:
    """``"Nurture"``; ``"Nurture" (id nurture)`` when a sibling is shown with the same
    name; ``(id nurture)`` when it has no name (or one that is not text)."""
    name = item.get("name")
    ident = item.get("id")
    if not isinstance(name, str) or not name.strip():
        return f"(id {_text(ident)})" if ident is not None else "(no name, no id)"
    key = name_key(short_name(name))
    same = sum(isinstance(s, dict) and isinstance(s.get("name"), str)
               and name_key(short_name(s["name"])) == key for s in siblings)
    if same > 1 and ident is not None:
        return f"{_quoted(name)} (id {_text(ident)})"
    return _quoted(name)


def _end(node_id: Any, nodes: Sequence[Any]) -> str:
    """One end of a link: the node's name, or the id a link names when no node has it."""
    for node in nodes:
        if isinstance(node, dict) and node.get("id") == node_id:
            return _named(node, nodes)
    return _quoted(node_id) if isinstance(node_id, str) else _text(node_id)


def _kind_word(kind: Any) -> str:
    """"sequence", "purchase goal" (the palette's label in a sentence), or "node"."""
    spec = node_kinds().get(kind) if isinstance(kind, str) else None
    if spec is None:
        return "node"
    label = spec.label
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def _product_name(product_id: str, data: dict[str, Any]) -> str:
    catalog = data.get("catalog")
    products = _list(catalog.get("products")) if isinstance(catalog, dict) else []
    for product in products:
        if isinstance(product, dict) and product.get("id") == product_id:
            return _named(product, products)
    return f"(id {_text(product_id)})"


def _contact_name(contact: dict[str, Any]) -> str:
    parts = [contact.get(k) for k in ("first_name", "last_name")]
    name = " ".join(p for p in parts if isinstance(p, str) and p.strip()).strip()
    email = contact.get("email")
    return name or (email if isinstance(email, str) else "")


def _quoted(name: Any) -> str:
    """A name in double quotes, on one line and cut short as sentences quote names; a
    NUL character is shown as its escape."""
    return '"' + short_name(str(name)).replace("\x00", "\\u0000") + '"'


def _text(value: Any) -> str:
    return str(value).replace("\x00", "\\u0000")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


# -- what follows the named thing ----------------------------------------------------------
def _tail_words(rest: str) -> str:
    """The key path after the named thing (``.config.payment_types[1]``) as words:
    ``payment types (item 2)``; a goal's ``config`` is not said, as its dialog does not
    say it."""
    rest = rest.removeprefix(".")
    rest = "" if rest == "config" else rest.removeprefix("config.")
    words = []
    for part in rest.split("."):
        if not part:
            continue
        key, _, index = part.partition("[")
        word = key.replace("_", " ")
        for number in _INDEX.findall("[" + index) if index else []:
            word += f" (item {int(number) + 1})"
        words.append(word)
    return ", ".join(words)
