"""Three-way merge of workspaces (Qt-free): edits that do not clash combine by themselves.

``base`` is the workspace as this copy read (or last saved) it, ``mine`` this copy's
workspace now, ``theirs`` what the store or file holds now. The merge works on the file
format's data (:func:`~canvas_app.io.workspace_file.workspace_to_data`) and builds its result
with the loader the app opens documents with (:func:`~canvas_app.io.draft.draft_from_data`),
so work in progress (a goal with no purchase option yet) is kept.

Identity is by id: campaigns (their name, and nodes and links merged inside), nodes by
(campaign id, node id) with name, position (x and y together) and settings as three fields;
links as a set per campaign; catalog categories, products and order forms by id, field by
field; payment types as a set; e-commerce action sets by key (each set one value) and each
setting; contacts by id (a contact both added with the same email is one contact).

For each field: mine == base -> theirs; theirs == base -> mine; mine == theirs -> that; else
a :class:`Clash`, resolved by ``prefer``. Added on one side -> kept; deleted on one side and
unchanged on the other -> deleted; deleted on one side and changed on the other -> a Clash
(``prefer`` decides). Order: that of the side that moved items (theirs when both did), the
other side's new items after it; the campaigns' order, moved by both sides differently, is a
Clash (``prefer`` decides), and taken in from theirs is said. Afterwards a link to or from a node
that is gone is dropped and named as a Clash (whatever ``prefer``); a reference to a
catalog item one side deleted and the other chose is a Clash ``prefer`` settles (the item
back, or the choice taken out); one to a campaign that is gone is kept, as the lenient
loader keeps work in progress (the Warnings panel names it), and named as a Clash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..domain.catalog import Catalog, payment_type_label
from ..domain.contacts import normalise_email
from ..domain.ecommerce import DEFAULT_SETS, LEGACY_SETTING
from ..domain.nodes import node_kinds
from ..domain.workspace import Workspace
from .draft import draft_from_data
from .merge_kinds import (
    MISSING,
    SIDES,
    Kind,
    merged_order,
    moved,
    node_join,
    node_noun,
    node_split,
    quoted,
)
from .workspace_file import workspace_to_data

Prefer = Literal["mine", "theirs"]
Data = dict[str, Any]


@dataclass(frozen=True)
class Clash:
    """A place both copies changed differently, in the words the app shows."""

    where: str  # 'campaign "Pool Shock Nurture", sequence "Nurture"'
    mine: str  # what this copy did: 'renamed it "Nurture A"', 'deleted it', 'moved it'
    theirs: str  # what the other save did, same style


@dataclass
class Merged:
    workspace: Workspace  # a new Workspace; the inputs are never changed
    taken: list[str] = field(default_factory=list)  # their changes taken in, one line each
    clashes: list[Clash] = field(default_factory=list)  # resolved by ``prefer``


def merge_workspaces(base: Workspace, mine: Workspace, theirs: Workspace,
                     prefer: Prefer = "mine") -> Merged:
    """The three-way merge of ``mine`` and ``theirs`` from ``base`` (see the module)."""
    if prefer not in ("mine", "theirs"):
        raise ValueError(f'prefer is "mine" or "theirs", not {prefer!r}')
    merger = _Merger(prefer, *(workspace_to_data(w) for w in (base, mine, theirs)))
    data = merger.run()
    return Merged(draft_from_data(data, "merged workspace"), merger.taken, merger.clashes)


class _Merger:
    def __init__(self, prefer: Prefer, base: Data, mine: Data, theirs: Data) -> None:
        self.prefer = prefer
        self.sides = {"base": base, "mine": mine, "theirs": theirs}
        self.taken: list[str] = []
        self.clashes: list[Clash] = []

    # -- the pieces ------------------------------------------------------------------------
    def run(self) -> Data:
        b, m, t = (self.sides[s] for s in ("base", "mine", "theirs"))
        bc, mc, tc = (d["catalog"] for d in (b, m, t))
        catalog: Data = {}
        for section, noun in (("categories", "category"), ("products", "product"),
                              ("order_forms", "order form")):
            kind = Kind(noun, "catalog", show=self._show_catalog)
            catalog[section] = self._keyed_list(bc[section], mc[section], tc[section], kind)
        catalog["payment_types"] = self._set(
            bc["payment_types"], mc["payment_types"], tc["payment_types"],
            lambda pt, added: Kind("", "catalog").line(
                f'{"added" if added else "removed"} payment type '
                f'"{payment_type_label(pt)}"'))
        be, me, te = (d["ecommerce"] for d in (b, m, t))
        ecommerce: Data = {"settings": self._settings(be["settings"], me["settings"],
                                                      te["settings"])}
        sets = Kind("action set", "e-commerce", "e-commerce ",
                     name=lambda s: DEFAULT_SETS.get(s["id"], (s["id"],))[0],
                     split=lambda s: {"actions": s["actions"]})
        products = Kind("", "e-commerce", "e-commerce ", name=lambda s: "actions of product "
                         f'"{self._catalog_name("products", s["id"])}"',
                         split=lambda s: {"actions": s["actions"]})
        for key, kind in (("action_sets", sets), ("product_action_sets", products)):
            ecommerce[key] = self._keyed_map(be[key], me[key], te[key], kind)
        data: Data = {"format": t["format"], "version": t["version"], "catalog": catalog,
                      "ecommerce": ecommerce,
                      "contacts": self._contacts(b["contacts"], m["contacts"], t["contacts"]),
                      "campaigns": self._campaigns(b["campaigns"], m["campaigns"],
                                                   t["campaigns"])}
        self._catalog_ids(catalog)
        self._references(data)
        return data

    def _settings(self, b: Data, m: Data, t: Data) -> Data:
        out: Data = {}
        for key in merged_order(list(b), list(m), list(t)):
            value, source = self._pick(b.get(key, MISSING), m.get(key, MISSING),
                                       t.get(key, MISSING))
            label = ("Also run product actions for legacy order forms and manual orders"
                     if key == LEGACY_SETTING else key)
            if source == "theirs":
                self.taken.append(f'e-commerce: turned {quoted(value)} "{label}"')
            elif source == "clash":
                self.clashes.append(Clash(
                    f'e-commerce setting "{label}"',
                    *(f"turned it {quoted(self.sides[s]['ecommerce']['settings'].get(key))}"
                      for s in SIDES)))
            if value is not MISSING:
                out[key] = value
        return out

    def _contacts(self, b: list[Data], m: list[Data], t: list[Data]) -> list[Data]:
        # a contact both added (ids neither base nor theirs knew) with one email is one
        known = {c["id"] for c in b}
        new_theirs = {normalise_email(c["email"]): c["id"] for c in t
                      if c["id"] not in known and c.get("email", "").strip()}
        theirs_ids = {c["id"] for c in t}
        mine = [{**c, "id": new_theirs.get(normalise_email(c["email"]), c["id"])}
                if c["id"] not in known and c["id"] not in theirs_ids else c for c in m]
        kind = Kind("contact", "contacts", name=lambda c: " ".join(
            p for p in (c.get("first_name", ""), c.get("last_name", "")) if p.strip())
            or c.get("email") or c["id"])
        return self._keyed_list(b, mine, t, kind)

    def _campaigns(self, b: list[Data], m: list[Data], t: list[Data]) -> list[Data]:
        kind = Kind("campaign", split=lambda c: {k: v for k, v in c.items() if k != "id"})
        merged = self._keyed_list(b, m, t, kind, both=self._campaign)
        return self._campaign_order(b, m, t, merged)

    def _campaign_order(self, b: list[Data], m: list[Data], t: list[Data],
                        merged: list[Data]) -> list[Data]:
        """The campaigns' order is said when theirs came in, and is a clash when both put
        them in other orders (QA 23i: one side's move was lost, and the status bar said
        nothing of theirs was new)."""
        base, mine, theirs = ([c["id"] for c in side] for side in (b, m, t))
        by_mine, by_theirs = moved(base, mine), moved(base, theirs)
        if not by_theirs:
            return merged
        both = [k for k in mine if k in set(theirs)]
        if not by_mine or both == [k for k in theirs if k in set(mine)]:
            if not by_mine:  # only theirs moved: their order, taken in
                self.taken.append("put the campaigns in another order")
            return merged
        self.clashes.append(Clash("the order of the campaigns", "put them in another order",
                                  "put them in another order"))
        if self.prefer != "mine":
            return merged
        place = {key: i for i, key in enumerate(mine)}  # mine's order, theirs' new ones last
        return sorted(merged, key=lambda c: (c["id"] not in place, place.get(c["id"], 0)))

    def _campaign(self, key: str, b: Data | Any, m: Data, t: Data) -> Data:
        """A campaign both copies hold: its own fields, then its nodes and links."""
        empty: Data = {"id": key, "nodes": [], "edges": []}
        base = empty if b is MISSING else b
        own = Kind("campaign", split=lambda c: {k: v for k, v in c.items()
                                                 if k not in ("id", "nodes", "edges")})
        merged = self._fields(key, b, m, t, own)
        name = self._name_of(base, t, m)
        nodes_kind = Kind(node_noun, f'campaign "{name}"', f'campaign "{name}", ',
                           split=node_split, join=node_join, bare_changes=True)
        nodes = self._keyed_list(base["nodes"], m["nodes"], t["nodes"], nodes_kind)
        self._restore_linked(base, m, t, nodes, nodes_kind)
        self._keep_valid(base, m, t, nodes, nodes_kind)
        merged["nodes"] = nodes
        merged["edges"] = self._edges(base, m, t, nodes, nodes_kind)
        return merged

    def _restore_linked(self, b: Data, m: Data, t: Data, nodes: list[Data],
                        kind: Kind) -> None:
        """A node one side deleted, unchanged, and the other linked anew to or from: when
        ``prefer`` is the linking side, the node comes back (with the link, see _edges):
        Keep Mine promised "your version", and dropped my new link and the node with it
        (QA 22b). The other side's deletion is then no change of theirs taken in."""
        kept = {n["id"] for n in nodes}
        base_links = {(e["source"], e["target"]) for e in b["edges"]}
        side = m if self.prefer == "mine" else t
        held = {n["id"]: n for n in side["nodes"]}
        restored: set[str] = set()
        for edge in side["edges"]:
            link = (edge["source"], edge["target"])
            gone = [end for end in link if end not in kept]
            if link in base_links or not gone or not all(end in held for end in gone):
                continue
            self._dangling_link(link, gone[0], b, m, t, kind)  # named, as when dropped
            for end in gone:
                if end in restored:
                    continue
                restored.add(end)
                nodes.append(held[end])
                deleted = next((n for n in b["nodes"] if n["id"] == end), None)
                if deleted is not None:
                    line = kind.line(f"deleted {kind.phrase(deleted)}")
                    self.taken = [x for x in self.taken if x != line]

    def _keep_valid(self, b: Data, m: Data, t: Data, nodes: list[Data], kind: Kind) -> None:
        """A node whose settings both sides changed, each valid, merged into settings that
        are not (one took the products out of a goal's options, the other its categories:
        a goal with no purchase option, R11): a clash, and ``prefer``'s settings are kept
        whole (QA 22b: it was saved unasked, and the file no longer loaded)."""
        by_id = [{n["id"]: n for n in d["nodes"]} for d in (b, m, t)]
        for index, node in enumerate(nodes):
            old, mine, theirs = (d.get(node["id"]) for d in by_id)
            if old is None or mine is None or theirs is None or node in (mine, theirs):
                continue
            made = _problems(node) - _problems(mine) - _problems(theirs)
            if not made:
                continue
            chosen = mine if self.prefer == "mine" else theirs
            nodes[index] = {**chosen, **{k: node[k] for k in ("name", "x", "y")}}
            # what the two together would do, said (QA 23i: "you changed its purchase
            # options; they changed its purchase options" named no reason to choose)
            why = sorted(made)[0].split(":")[0]
            self.clashes.append(Clash(kind.where(old), self._edits(kind, old, mine),
                                      f"{self._edits(kind, old, theirs)}; with both, {why}"))
            # their settings change is the clash now, not a change taken in as well (QA
            # 23i: after Keep Theirs it was listed twice)
            for group, value in kind.split(theirs).items():
                line = kind.line(kind.changed(group, old, value))
                if group not in ("name", "position") and line in self.taken:
                    self.taken.remove(line)

    def _edges(self, b: Data, m: Data, t: Data, nodes: list[Data], kind: Kind) -> list[Data]:
        """Links as a set; one a side lost only with a node it deleted stays while both its
        nodes are kept; a link to or from a node that is gone is dropped (a Clash)."""
        kept = {n["id"] for n in nodes}
        node_ids = {s: {n["id"] for n in d["nodes"]} for s, d in
                    (("base", b), ("mine", m), ("theirs", t))}
        links = {s: [(e["source"], e["target"]) for e in d["edges"]] for s, d in
                 (("base", b), ("mine", m), ("theirs", t))}
        names = {n["id"]: n["name"] for d in (m, b, t) for n in d["nodes"]}  # theirs first

        def ends(edge: tuple[str, str]) -> str:
            return f'"{names.get(edge[0], edge[0])}" to "{names.get(edge[1], edge[1])}"'

        base_set = set(links["base"])
        have: dict[str, set[tuple[str, str]]] = {}
        for side in SIDES:
            have[side] = set(links[side]) | {
                e for e in base_set if not (set(e) <= node_ids[side]) and set(e) <= kept}
        out = []
        for edge in merged_order(links["base"], links["mine"], links["theirs"]):
            value, source = self._pick(edge in base_set, edge in have["mine"],
                                       edge in have["theirs"])
            if not value:
                if source == "theirs" and set(edge) <= kept:
                    self.taken.append(kind.line(f"removed the link from {ends(edge)}"))
                continue
            gone = [end for end in edge if end not in kept]
            if gone:
                self._dangling_link(edge, gone[0], b, m, t, kind)
                continue
            if source == "theirs":
                self.taken.append(kind.line(f"linked {ends(edge)}"))
            out.append({"source": edge[0], "target": edge[1]})
        return out

    def _dangling_link(self, edge: tuple[str, str], gone: str, b: Data, m: Data, t: Data,
                       kind: Kind) -> None:
        linker = "mine" if edge in {(e["source"], e["target"]) for e in m["edges"]} \
            else "theirs"
        data = m if linker == "mine" else t
        names = {n["id"]: n["name"] for n in data["nodes"]}
        other = edge[1] if gone == edge[0] else edge[0]
        words = (f'linked it to "{names.get(other, other)}"' if gone == edge[0]
                 else f'linked "{names.get(other, other)}" to it')
        node = next((n for d in (b, m, t) for n in d["nodes"] if n["id"] == gone),
                    {"id": gone, "name": gone})
        said = {linker: words, ("theirs" if linker == "mine" else "mine"): "deleted it"}
        self.clashes.append(Clash(kind.where(node), said["mine"], said["theirs"]))

    # -- generic merging -------------------------------------------------------------------
    def _pick(self, b: Any, m: Any, t: Any) -> tuple[Any, str]:
        """The merged value and where it came from: same, mine, theirs (a change of theirs
        taken in) or clash (resolved by ``prefer``)."""
        if m == t:
            return m, "same"
        if m == b:
            return t, "theirs"
        if t == b:
            return m, "mine"
        return (m if self.prefer == "mine" else t), "clash"

    def _set(self, b: list[Any], m: list[Any], t: list[Any],
             line: Callable[[Any, bool], str]) -> list[Any]:
        out = []
        for item in merged_order(b, m, t):
            value, source = self._pick(item in b, item in m, item in t)
            if source == "theirs":
                self.taken.append(line(item, value))
            if value:
                out.append(item)
        return out

    def _keyed_list(self, b: list[Data], m: list[Data], t: list[Data], kind: Kind,
                    both: Callable[..., Data] | None = None) -> list[Data]:
        by_id = [{item["id"]: item for item in items} for items in (b, m, t)]
        out = []
        for key in merged_order(*(list(d) for d in by_id)):
            item = self._item(key, *(d.get(key, MISSING) for d in by_id), kind, both)
            if item is not MISSING:
                out.append(item)
        return out

    def _keyed_map(self, b: Data, m: Data, t: Data, kind: Kind) -> Data:
        """A mapping key -> value, each value one field (``actions``)."""
        items = [[{"id": k, "actions": v} for k, v in d.items()] for d in (b, m, t)]
        return {item["id"]: item["actions"] for item in self._keyed_list(*items, kind)}

    def _item(self, key: Any, b: Any, m: Any, t: Any, kind: Kind,
              both: Callable[..., Data] | None) -> Any:
        if m is MISSING and t is MISSING:
            return MISSING
        if m == t:  # both hold the same (most items): nothing to look into
            return m
        if b is MISSING and (m is MISSING or t is MISSING):
            if m is MISSING:
                self.taken.append(kind.line(f"added {kind.phrase(t)}"))
                return t
            return m
        if m is not MISSING and t is not MISSING:
            return both(key, b, m, t) if both else self._fields(key, b, m, t, kind)
        if m is MISSING:  # I deleted it
            if t == b:
                return MISSING
            self.clashes.append(Clash(kind.where(b), "deleted it", self._edits(kind, b, t)))
            return MISSING if self.prefer == "mine" else t
        if m == b:  # they deleted it
            self.taken.append(kind.line(f"deleted {kind.phrase(b)}"))
            return MISSING
        self.clashes.append(Clash(kind.where(b), self._edits(kind, b, m), "deleted it"))
        return m if self.prefer == "mine" else MISSING

    def _edits(self, kind: Kind, before: Data, after: Data) -> str:
        """What one side did to an item the other deleted: 'renamed it "B" and moved it'."""
        old, new = kind.split(before), kind.split(after)
        graph = ("nodes", "edges")  # a campaign's: not fields of their own
        words = [kind.did(g, new[g], old.get(g, MISSING)) for g in new
                 if g not in graph and old.get(g, MISSING) != new[g]]
        words += [kind.did(g, MISSING) for g in old if g not in new and g not in graph]
        if any(old.get(g) != new.get(g) for g in graph):
            words.append("changed its nodes or links")
        return " and ".join(words) or "changed it"

    def _fields(self, key: Any, b: Any, m: Data, t: Data, kind: Kind) -> Data:
        groups = [kind.split(x) if x is not MISSING else {} for x in (b, m, t)]
        where_item = b if b is not MISSING else t
        out: Data = {}
        for group in merged_order(*(list(g) for g in groups)):
            old, mine, theirs = (g.get(group, MISSING) for g in groups)
            value, source = self._pick(old, mine, theirs)
            if source == "theirs":
                self.taken.append(kind.line(kind.changed(group, where_item, value)))
            elif source == "clash":
                self.clashes.append(Clash(kind.where(where_item), kind.did(group, mine, old),
                                          kind.did(group, theirs, old)))
            if value is not MISSING:
                out[group] = value
        return kind.join(key, out)

    # -- names -----------------------------------------------------------------------------
    def _name_of(self, *versions: Data) -> str:
        return next((v["name"] for v in versions if v.get("name") is not None), "")

    def _catalog_name(self, section: str, item_id: str) -> str:
        for side in ("base", "theirs", "mine"):
            for item in self.sides[side]["catalog"][section]:
                if item["id"] == item_id:
                    return str(item["name"])
        return item_id

    def _show_catalog(self, group: str, value: Any) -> str:
        if group == "category" and isinstance(value, str):
            return f'"{self._catalog_name("categories", value)}"'
        if group == "price" and isinstance(value, int | float):
            return f"{value:.2f}"
        if group == "billing":
            return {"one_time": "one-time"}.get(value, str(value))
        return quoted(value)

    # -- what the merge left dangling ------------------------------------------------------
    _SECTIONS = (("categories", "category"), ("products", "product"),
                 ("order_forms", "order form"))

    def _catalog_ids(self, catalog: Data) -> None:
        """Names an id the two copies gave to items of different sections (a category here,
        a product there: catalog ids are unique across sections). Both are kept; the
        Warnings panel names the id used twice."""
        owner: dict[str, str] = {}
        for section, _ in self._SECTIONS:
            for item in catalog[section]:
                if owner.setdefault(item["id"], section) == section:
                    continue
                before = self._held("base", item["id"])
                said = {}
                for side in SIDES:
                    held = self._held(side, item["id"])
                    said[side] = ("left it out" if held is None else
                                  f'{"kept" if held == before else "added"} {held[0]} '
                                  f'"{held[1]}"')
                self.clashes.append(Clash(f'catalog id "{item["id"]}"', said["mine"],
                                          said["theirs"]))

    def _held(self, side: str, item_id: str) -> tuple[str, str] | None:
        """The noun and name of the catalog item a side holds under an id."""
        for section, noun in self._SECTIONS:
            for item in self.sides[side]["catalog"][section]:
                if item["id"] == item_id:
                    return noun, str(item["name"])
        return None

    def _references(self, data: Data) -> None:
        """Names as Clashes the references the merge left pointing at a catalog item or a
        campaign that is gone. A catalog item one side deleted and the other chose (a
        product in a purchase goal): ``prefer`` settles it, the item back in the catalog
        for the side that chose it, the choice taken out for the side that deleted it (QA:
        either way the goal was saved naming a product the catalog lacked). A campaign
        that is gone stays named, as work in progress (the lenient loader keeps it)."""
        catalog = data["catalog"]
        have = {section: {i["id"] for i in catalog[section]}
                for section in ("categories", "products", "order_forms")}
        have["payment_types"] = set(catalog["payment_types"])
        have["campaigns"] = {c["id"] for c in data["campaigns"]}
        seen: set[Clash] = set()
        back: set[tuple[str, str]] = set()  # catalog items put back
        for section, ref, words, path in list(self._uses(data, have)):
            users = [s for s in SIDES if _holds(_at(self.sides[s], path), ref)]
            if not users or any(ref not in self._ids(s, section) for s in users):
                continue  # dangling in a copy already: not the merge's doing
            deleted = ref in self._ids("base", section)
            said = {s: (words() if s in users else "deleted it" if deleted else "left it out")
                    for s in SIDES}
            clash = Clash(self._ref_where(section, ref), said["mine"], said["theirs"])
            if clash not in seen:
                seen.add(clash)
                self.clashes.append(clash)
            if section == "campaigns" or not deleted:
                continue
            if self.prefer in users:
                if (section, ref) not in back:
                    back.add((section, ref))
                    self._put_back(catalog, section, ref, self.prefer)
            else:
                _drop(data, path, ref)

    def _put_back(self, catalog: Data, section: str, ref: str, side: str) -> None:
        """The catalog item ``ref`` of ``section`` as ``side`` has it, back in the merged
        catalog."""
        if section == "payment_types":
            catalog[section].append(ref)
            return
        item = next(i for i in self.sides[side]["catalog"][section] if i["id"] == ref)
        catalog[section].append(dict(item))

    def _ids(self, side: str, section: str) -> set[str]:
        data = self.sides[side]
        if section == "campaigns":
            return {c["id"] for c in data["campaigns"]}
        items = data["catalog"][section]
        return set(items) if section == "payment_types" else {i["id"] for i in items}

    def _ref_where(self, section: str, ref: str) -> str:
        if section == "payment_types":
            return f'payment type "{payment_type_label(ref)}"'
        if section == "campaigns":
            name = next((c["name"] for s in ("base", "theirs", "mine")
                         for c in self.sides[s]["campaigns"] if c["id"] == ref), ref)
            return f'campaign "{name}"'
        return f'{dict(self._SECTIONS)[section]} "{self._catalog_name(section, ref)}"'

    def _uses(self, data: Data, have: dict[str, set[str]]
              ) -> Iterable[tuple[str, str, Callable[[], str], tuple[str, ...]]]:
        """Each reference of the result to something it lacks: (section, id, what a side
        that holds the reference did, the reference's place in a copy's data)."""
        for product in data["catalog"]["products"]:
            category = product.get("category")
            if category is not None and category not in have["categories"]:
                yield ("categories", category,
                       lambda p=product: f'put product "{p["name"]}" in it',
                       ("catalog", "products", product["id"], "category"))
        eco = data["ecommerce"]
        for product_id in eco["product_action_sets"]:
            if product_id not in have["products"]:
                yield ("products", product_id, lambda: "set e-commerce actions for it",
                       ("ecommerce", "product_action_sets"))
        for key in ("action_sets", "product_action_sets"):
            for set_id, actions in eco[key].items():
                shown = (f'the actions of product "{self._catalog_name("products", set_id)}"'
                         if key == "product_action_sets"
                         else f'"{DEFAULT_SETS.get(set_id, (set_id,))[0]}"')
                for action in actions:
                    campaign = action.get("campaign")
                    if isinstance(campaign, str) and campaign not in have["campaigns"]:
                        yield ("campaigns", campaign, lambda s=shown: f"named it in {s}",
                               ("ecommerce", key, set_id))
        for campaign in data["campaigns"]:
            for node in campaign["nodes"]:
                config = node.get("config")
                for section in ("order_forms", "products", "categories", "payment_types"):
                    chosen = config.get(section) if isinstance(config, dict) else None
                    for ref in chosen if isinstance(chosen, list) else ():
                        if ref not in have[section]:
                            yield (section, ref, lambda n=node: f"chose it in {node_noun(n)} "
                                   f'"{n["name"]}"', ("campaigns", campaign["id"], "nodes",
                                                      node["id"], "config", section))


def _problems(node: Data) -> set[str]:
    """What is wrong with a node's settings on their own (no catalog: the catalog's own
    checks are the same for every version of it)."""
    spec = node_kinds().get(node.get("kind", ""))
    if spec is None:
        return set()
    try:
        config = spec.from_data(node)
    except Exception:  # noqa: BLE001 (a version the loader refuses: nothing to compare)
        return set()
    return {problem.message for problem in spec.validate(config, Catalog())}


def _at(data: Any, path: tuple[str, ...]) -> Any:
    """The value at ``path`` in file data, a list of objects stepped into by ``id``; None
    where a step is missing."""
    for step in path:
        if isinstance(data, list):
            data = next((i for i in data if isinstance(i, dict) and i.get("id") == step), None)
        elif isinstance(data, dict):
            data = data.get(step)
        else:
            return None
    return data


def _drop(data: Data, path: tuple[str, ...], ref: str) -> None:
    """Takes the reference to ``ref`` at ``path`` out of the merged data: out of a list
    (a goal's products), a product's category unset, a product's action set removed."""
    value = _at(data, path)
    if isinstance(value, list):
        while ref in value:
            value.remove(ref)
    elif isinstance(value, dict):
        value.pop(ref, None)
    elif value == ref:
        parent = _at(data, path[:-1])
        if isinstance(parent, dict):
            parent[path[-1]] = None


def _holds(value: Any, ref: str) -> bool:
    """Whether a value names ``ref``: is it, lists or maps it, or holds an action naming
    it as its campaign."""
    if value == ref:
        return True
    if isinstance(value, list | dict):
        return ref in value or any(isinstance(a, dict) and a.get("campaign") == ref
                                   for a in value)
    return False
