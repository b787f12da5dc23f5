"""What a paste may add, checked before anything is pushed (no Qt).

Copied nodes are plain data (see :mod:`.clipboard`), and text from another application
may look like them. Before a paste changes anything, the clipboard's nodes and links pass
the checks a ``.campaign.json`` file's nodes pass when the app opens it as work in
progress (``io/draft.py``, ``workspace_from_stored``): the JSON Schema (kinds, names,
places, settings, steps), finite numbers, ids used once, links the domain's ``can_link``
allows, step values; then what the file loader refuses beyond them (``file_problems``: a
value an editor's field refuses, a NUL character); and a node's name is not empty.
Settings that are incomplete (a goal with no option ticked yet) still paste, as a draft
opens: the canvas shows them as warnings.

A copy carries the catalog items its goals name (:func:`catalog_data`). Pasted into a
workspace whose catalog lacks some, :func:`check_paste` gives the catalog with them added
(the same paste then sets it, as one undo step with the nodes); an id the target's catalog
holds is used as the target has it. A goal naming an item that neither this catalog nor
the copy holds is refused, as the file loader refuses it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from ..domain.catalog import Catalog, Category, OrderForm, Product
from ..domain.counting import counted
from ..domain.errors import Problem
from ..domain.names import name_key, short_name
from ..domain.nodes import Node
from ..domain.purchase import PurchaseGoalConfig
from ..domain.usage import copy_catalog
from ..domain.workspace import Workspace
from ..io.editor_limits import editor_problems
from ..io.errors import LoadError
from ..io.schema import FORMAT, VERSION
from ..io.storable import NUL_ESCAPE, nul_problem
from ..io.workspace_file import build_checked, workspace_from_stored

NOTHING_TO_PASTE = "The clipboard holds no nodes to paste."

# The catalog sections a purchase goal names, with the word for one item, in the order of
# its settings in a file (a paste's first problem is the first in the file).
ITEM_SECTIONS: tuple[tuple[str, str], ...] = (
    ("order_forms", "order form"), ("products", "product"), ("categories", "category"))
WORDS = {**dict(ITEM_SECTIONS), "payment_types": "payment type"}
_ORDER = ("products", "categories", "order_forms", "payment_types")
_CLIPBOARD_CAMPAIGN = "clipboard"

Item = Category | Product | OrderForm


class PasteRefused(ValueError):
    """The clipboard's content cannot be pasted; ``str()`` says why, in one sentence."""


@dataclass
class CatalogNote:
    """One catalog item a paste involves: added, or used as the target has it."""

    section: str
    item_id: str
    name: str  # as the workspace holds it after the paste
    copied_name: str = ""  # the copy's name, when it differs from ``name``

    def __str__(self) -> str:
        word = WORDS[self.section]
        if self.section == "payment_types":
            return f'{word} "{self.item_id}"'
        return f'{word} "{short_name(self.name)}"'


@dataclass
class PastePlan:
    """Checked nodes (with the clipboard's ids), the links among them, and the catalog
    the target workspace has after the paste (None: unchanged)."""

    nodes: list[Node]
    links: list[tuple[str, str]]
    catalog: Catalog | None = None
    added: list[CatalogNote] = field(default_factory=list)
    kept: list[CatalogNote] = field(default_factory=list)  # same id, other name there
    renamed: list[CatalogNote] = field(default_factory=list)  # added under another name


# -- copying ----------------------------------------------------------------------------
def catalog_data(catalog: Catalog, nodes: list[Node]) -> dict[str, Any]:
    """The catalog items ``nodes`` name, with everything an item holds (as a file writes
    them), and the categories of those products; payment types as ids (SPEC C3)."""
    wanted: dict[str, list[str]] = {s: [] for s in WORDS}
    for node in nodes:
        for section, item_id in references(node):
            if item_id not in wanted[section]:
                wanted[section].append(item_id)
    for product_id in wanted["products"]:
        product = catalog.products.get(product_id)
        if product is not None and product.category is not None \
                and product.category not in wanted["categories"]:
            wanted["categories"].append(product.category)
    categories = [catalog.categories[c] for c in wanted["categories"]
                  if c in catalog.categories]
    products = [catalog.products[p] for p in wanted["products"] if p in catalog.products]
    forms = [catalog.order_forms[f] for f in wanted["order_forms"] if f in catalog.order_forms]
    return {
        "categories": [{"id": c.id, "name": c.name} for c in categories],
        "products": [{"id": p.id, "name": p.name, "category": p.category, "price": p.price,
                      "billing": p.billing} for p in products],
        "order_forms": [{"id": f.id, "name": f.name, "legacy": f.legacy} for f in forms],
        "payment_types": [p for p in wanted["payment_types"] if p in catalog.payment_types],
    }


def references(node: Node) -> list[tuple[str, str]]:
    """(section, item id) of every catalog item a node's settings name, in order."""
    config = node.config
    if not isinstance(config, PurchaseGoalConfig):
        return []
    found = [(section, item_id) for section, _word in ITEM_SECTIONS
             for item_id in getattr(config, section)]
    if isinstance(config.payment_types, list):
        found += [("payment_types", p) for p in config.payment_types]
    return found


# -- checking ---------------------------------------------------------------------------
def check_paste(data: Any, workspace: Workspace) -> PastePlan:
    """The nodes and links of clipboard ``data`` (``{"nodes": [...], "edges": [...],
    "catalog": {...}}``) checked for pasting into ``workspace``; raises PasteRefused
    saying why not. Changes nothing."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) \
            or not data["nodes"]:
        raise PasteRefused(NOTHING_TO_PASTE)
    file_data = {
        "format": FORMAT, "version": VERSION,
        "catalog": data.get("catalog", {}),
        "campaigns": [{"id": _CLIPBOARD_CAMPAIGN, "name": "Clipboard",
                       "nodes": data["nodes"], "edges": data.get("edges", [])}],
    }
    # As a store's data is checked (workspace_from_stored: finite numbers, then
    # build_checked), then what only files refuse (file_problems). The searches for a NaN
    # and a NUL walk every value in Python, a third of a second each on 10,000 nodes: they
    # run only when the JSON encoder, in C, meets one.
    try:
        text: str | None = json.dumps(file_data, allow_nan=False)  # a NUL as \u0000
    except ValueError:  # a NaN or an infinity
        text = None
    try:
        built = (build_checked(file_data) if text is not None
                 else workspace_from_stored(file_data))
        problems = editor_problems(file_data)
        nul = nul_problem(file_data) if text is not None and NUL_ESCAPE in text else None
        problems += [nul] if nul is not None else []
    except LoadError as exc:
        problems = exc.problems
    if problems:
        raise PasteRefused(refusal(problems[0]))
    campaign = built.campaign(_CLIPBOARD_CAMPAIGN)
    nodes = campaign.nodes
    for i, node in enumerate(nodes):
        if not node.name.strip():
            raise PasteRefused(refusal(Problem(f"nodes[{i}].name", f"(node {node.id}) a "
                                               "node's name cannot be empty")))
    plan = PastePlan(nodes, list(campaign.edges))
    _CatalogMerge(workspace.catalog, built.catalog, file_data["catalog"], plan).run()
    return plan


def refusal(problem: Problem) -> str:
    """One sentence for a problem found in the clipboard's data, located as in a file but
    from the clipboard's own keys (``nodes[0].x``, not ``campaigns[0].nodes[0].x``)."""
    path = problem.path.removeprefix("campaigns[0].")
    if path == "campaigns[0]":
        path = ""
    message = problem.message.replace(" in this campaign", " among the copied nodes")
    where = f"{path}: " if path else ""
    return f"The clipboard's nodes cannot be pasted: {where}{message}."


class _CatalogMerge:
    """Works out the catalog after a paste: each item the pasted goals name that the
    target lacks is added from the copy (a product with its category); an id the target
    holds stays as it is there. An added item keeps its id unless another section of the
    target uses it (then it gets a free one, and the goals name that), and its name unless
    another item of its section has it (then "Name (2)")."""

    def __init__(self, target: Catalog, copied: Catalog, copied_data: dict[str, Any],
                 plan: PastePlan) -> None:
        self.target = target
        self.copied = copied
        self.copied_payment_types = list(copied_data.get("payment_types", []))
        self.plan = plan
        self.after: Catalog | None = None
        self.new_ids: dict[tuple[str, str], str] = {}

    def run(self) -> None:
        for i, node in enumerate(self.plan.nodes):
            config = node.config
            if not isinstance(config, PurchaseGoalConfig):
                continue
            for section, _word in ITEM_SECTIONS:
                chosen: list[str] = getattr(config, section)
                setattr(config, section, [
                    self.need(section, item_id, f"nodes[{i}].config.{section}[{j}]", node.id)
                    for j, item_id in enumerate(chosen)])
            if isinstance(config.payment_types, list):
                for j, item_id in enumerate(config.payment_types):
                    self.need("payment_types", item_id,
                              f"nodes[{i}].config.payment_types[{j}]", node.id)
        self.plan.catalog = self.after

    @property
    def catalog(self) -> Catalog:
        return self.after if self.after is not None else self.target

    def _writable(self) -> Catalog:
        if self.after is None:
            self.after = copy_catalog(self.target)
        return self.after

    def need(self, section: str, item_id: str, where: str, node_id: str | None) -> str:
        """The id the pasted settings name ``item_id`` of ``section`` by, once the catalog
        holds it (added from the copy if it is missing)."""
        if (section, item_id) in self.new_ids:
            return self.new_ids[(section, item_id)]
        if section == "payment_types":
            if item_id not in self.catalog.payment_types:
                if item_id not in self.copied_payment_types:
                    return self._missing(section, item_id, where, node_id)
                self._writable().payment_types.append(item_id)
                self.plan.added.append(CatalogNote(section, item_id, item_id))
            self.new_ids[(section, item_id)] = item_id
            return item_id
        have: dict[str, Item] = getattr(self.catalog, section)
        copied: Item | None = getattr(self.copied, section).get(item_id)
        if item_id in have:
            held = have[item_id]
            if copied is not None and name_key(copied.name) != name_key(held.name):
                self.plan.kept.append(CatalogNote(section, item_id, held.name, copied.name))
            self.new_ids[(section, item_id)] = item_id
            return item_id
        if copied is None:
            return self._missing(section, item_id, where, node_id)
        item = replace(copied)
        if isinstance(item, Product) and item.category is not None:
            index = list(self.copied.products).index(item_id)
            item.category = self.need("categories", item.category,
                                      f"catalog.products[{index}].category", None)
        after = self._writable()
        if item_id in after.all_ids():  # another section's id: one file id names one item
            item.id = _free_id(item_id, after.all_ids())
        self.new_ids[(section, item_id)] = item.id
        item.name = _free_name(item.name, getattr(after, section).values())
        getattr(after, section)[item.id] = item
        note = CatalogNote(section, item.id, item.name,
                           copied.name if item.name != copied.name else "")
        self.plan.added.append(note)
        if note.copied_name:
            self.plan.renamed.append(note)
        return item.id

    def _missing(self, section: str, item_id: str, where: str, node_id: str | None) -> str:
        """An item neither catalog holds: refused, as the file loader refuses it."""
        node = f"(node {node_id}) " if node_id else ""
        raise PasteRefused(refusal(Problem(where, f'{node}no {WORDS[section]} "{item_id}" in '
                                                  "this workspace's catalog, and the copy "
                                                  "does not carry it")))


def _free_id(item_id: str, taken: set[str]) -> str:
    n = 2
    while f"{item_id}-{n}" in taken:
        n += 1
    return f"{item_id}-{n}"


def _free_name(name: str, items: Any) -> str:
    keys = {name_key(i.name) for i in items}
    if name_key(name) not in keys:
        return name
    n = 2
    while name_key(f"{name} ({n})") in keys:
        n += 1
    return f"{name} ({n})"


# -- telling ----------------------------------------------------------------------------
def pasted_text(verb: str, count: int, plan: PastePlan | None) -> str:
    """The status bar's sentence after a paste: 'Pasted 1 node, and added to the catalog:
    product "Checkup", payment type "paypal".', with what the catalog kept or renamed."""
    text = f"{verb} {counted(count, 'node')}"  # "1,111 nodes", as Delete says (QA 21)
    if plan is None:
        return text + "."
    if plan.added:  # in the Catalog window's order: products, categories, ...
        added = sorted(plan.added, key=lambda n: _ORDER.index(n.section))
        text += ", and added to the catalog: " + ", ".join(str(n) for n in added)
    text += "."
    for note in plan.renamed:
        text += (f' The {WORDS[note.section]} "{short_name(note.copied_name)}" is added as '
                 f'"{short_name(note.name)}": the catalog has another by that name.')
    for note in plan.kept:
        text += (f' The copy\'s {WORDS[note.section]} "{short_name(note.copied_name)}" is '
                 f'this catalog\'s "{short_name(note.name)}" (the same id, '
                 f'"{note.item_id}"), kept as it is here.')
    return text
