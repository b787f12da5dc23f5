"""Load and save ``.campaign.json`` workspaces (SPEC §6, C1-C6).

Loading checks, in order: readable, well-formed JSON, the ``format`` and ``version``, the
JSON Schema (shapes and types), then the model's own rules (ids that exist, no duplicate
ids, no self or duplicate links, purchase goal settings R11). The first problem is raised
as a :class:`LoadError` whose text is one line ``FILE: PATH: MESSAGE``.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import fastjsonschema
import jsonschema
import orjson
from jsonschema.exceptions import best_match

from ..collector_pause import collector_paused
from ..domain.campaign import Campaign
from ..domain.catalog import Catalog, Category, OrderForm, Product
from ..domain.contacts import Contact
from ..domain.ecommerce import LEGACY_SETTING, Ecommerce
from ..domain.errors import Problem
from ..domain.nodes import Node, node_kind
from ..domain.sequence import StepValueError, step_from_data, step_to_data
from ..domain.steps import Step
from ..domain.workspace import Workspace
from .atomic import write_text_atomic
from .editor_limits import editor_problems
from .errors import LoadError, json_path
from .json_reading import find_not_finite, read_json
from .json_reading import parse_json as parse_json  # (re-exported: the app reads with it)
from .schema import FORMAT, RESULT_FORMAT, VERSION, workspace_schema
from .schema_messages import error_rank, node_id, schema_problem, shown
from .storable import nul_problem


# -- reading ---------------------------------------------------------------------------
def load_workspace(path: str | os.PathLike[str], source: str | None = None) -> Workspace:
    """The workspace of a file. Beyond what :func:`workspace_from_data` checks, what
    :func:`file_problems` finds is refused here, at its place: a value an editor's typed
    field would refuse (a price of 12.999, a wait of PT1.5S) rather than when a dialog
    shows it, and text that a PostgreSQL store cannot hold."""
    return read_checked(path, source, workspace_from_data)


def read_checked(path: str | os.PathLike[str], source: str | None,
                 build: Callable[[Any, str], Workspace]) -> Workspace:
    """The file read and made a workspace by ``build`` (as strict as it is), then what
    :func:`file_problems` finds refused at its place: the one way a file is opened, by the
    command line (:func:`load_workspace`) and the app (``draft.load_draft``) alike."""
    source = source or str(path)
    with collector_paused():  # tens of thousands of objects that live on (a large file)
        data = read_json(path, source)
        workspace = build(data, source)
    problems = file_problems(data)
    if problems:
        raise LoadError(source, problems)
    return workspace


def file_problems(data: dict[str, Any]) -> list[Problem]:
    """What :func:`load_workspace` refuses in a file's data beyond its schema and rules:
    every value an editor's typed field would refuse (:mod:`.editor_limits`), in the
    file's order, then the first text holding a NUL character (:mod:`.storable`)."""
    problems = editor_problems(data)
    nul = nul_problem(data)
    return problems + [nul] if nul is not None else problems


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(workspace_schema())


@lru_cache(maxsize=1)
def _fast_validator() -> Any:
    """The same schema compiled to Python code: several times faster on big files.

    The schema uses only keywords whose meaning is the same in draft 7 and 2020-12, so the
    compiled check and jsonschema agree (a test checks it); jsonschema, the reference,
    explains a failure and has the last word.

    A node's keys depend on its kind (an ``if``/``then`` per kind). Compiled as written,
    every node would fail the ``if`` of every other kind, and each failure raises and
    formats an exception: most of the time on a big file. So the compiled check takes the
    structure without those branches, then checks each node against its own kind's
    ``then`` only, which is what the branches mean.
    """
    schema = copy.deepcopy({k: v for k, v in workspace_schema().items()
                            if k not in ("$schema", "$id")})
    node = schema["properties"]["campaigns"]["items"]["properties"]["nodes"]["items"]
    branches = node.pop("allOf")
    structure = fastjsonschema.compile(schema)
    by_kind = {branch["if"]["properties"]["kind"]["const"]: fastjsonschema.compile(branch["then"])
               for branch in branches}

    def validate(data: Any) -> Any:
        structure(data)  # every node's kind is one of by_kind once this passes
        for campaign in data["campaigns"]:
            for item in campaign["nodes"]:
                by_kind[item["kind"]](item)
        return data

    return validate


def check_schema(data: Any) -> Problem | None:
    try:
        _fast_validator()(data)
        return None
    except fastjsonschema.JsonSchemaException:
        pass
    error = best_match(_validator().iter_errors(data), key=error_rank)
    return schema_problem(error, data) if error is not None else None


def workspace_from_data(data: Any, source: str = "") -> Workspace:
    if not isinstance(data, dict):
        raise LoadError(source, Problem("", "a workspace file holds a JSON object"))
    if data.get("format") != FORMAT:
        if "format" not in data and "start" in data and ("events" in data or
                                                         "population" in data):
            raise LoadError(source, Problem(
                "", "this is a simulation scenario, not a workspace: open it with Simulate > "
                    "Open Scenario…, or give it to canvas-app simulate WORKSPACE --scenario"))
        if "format" not in data:  # any other JSON object (QA: it said "format is null")
            raise LoadError(source, Problem(
                "", f'not a Campaign Canvas workspace: the "format" key is missing (a '
                    f'workspace file starts with "format": "{FORMAT}")'))
        if data.get("format") == RESULT_FORMAT:
            raise LoadError(source, Problem(
                "format", "this is a simulation's result (canvas-app simulate --json, or "
                          "Save Result), not a workspace: give the workspace it was run on"))
        found = shown(data.get("format"))
        raise LoadError(source, Problem(
            "format", f'not a Campaign Canvas workspace: format is {found}, '
                      f'expected "{FORMAT}"'))
    version = data.get("version")
    if version != VERSION:
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            message = (f"version {version} is newer than this app can read (it reads "
                       f"version {VERSION}); update Campaign Canvas")
        elif isinstance(version, str) and version.strip() == str(VERSION):
            message = (f"version is the text {json.dumps(version)}: write the number "
                       f"{VERSION}, without quotes")
        else:
            message = (f"unsupported version {json.dumps(version)} (this app reads version "
                       f"{VERSION})")
        raise LoadError(source, Problem("version", message))
    problem = check_schema(data)
    if problem is not None:
        raise LoadError(source, problem)
    workspace, problems = _build(data)
    problems += workspace.validate()
    if problems:
        raise LoadError(source, problems)
    return workspace


def workspace_from_stored(data: dict[str, Any], source: str = "", *,
                          file_checks: bool = False) -> Workspace:
    """The workspace a store's rows hold, given as this file format's data (see
    ``store/mapping.py`` ``workspace_data``), checked as a file is, so that store and file
    agree: the JSON Schema (shapes and types: a price of "abc", a node's x of NaN), ids
    used twice, links, step values. Not the model's own rules (R11, ``Workspace.validate``):
    a store may hold work in progress the app saved, and the app opens a file holding it
    too (``io/draft.py``). With ``file_checks``, the workspace is refused wherever
    :func:`load_workspace` refuses the same file (as the command line reads a file): the
    model's rules too, then :func:`file_problems` (a value an editor's field would refuse,
    text with a NUL). Raises LoadError (first problem first)."""
    bad = find_not_finite(data)
    if bad is not None:
        node = node_id(bad[0], data)
        prefix = f"(node {node}) " if node is not None else ""
        raise LoadError(source, Problem(json_path(bad[0]), f"{prefix}{bad[1]} is not a "
                                                           "finite number"))
    workspace = build_checked(data, source)
    problems: list[Problem] = []
    if file_checks:  # as load_workspace: the rules first; then what only files refuse
        problems = workspace.validate() or file_problems(data)
    if problems:
        raise LoadError(source, problems)
    return workspace


def build_checked(data: dict[str, Any], source: str = "") -> Workspace:
    """The workspace of file data whose format and version are known: checked against the
    JSON Schema, then built (ids used twice, links, step values); not R11's rules. Raises
    LoadError (first problem first)."""
    problem = check_schema(data)
    if problem is not None:
        raise LoadError(source, problem)
    workspace, problems = _build(data)
    if problems:
        raise LoadError(source, problems)
    return workspace


def _build(data: dict[str, Any]) -> tuple[Workspace, list[Problem]]:
    problems: list[Problem] = []
    cat_data = data.get("catalog", {})
    catalog = Catalog(
        categories={c["id"]: Category(c["id"], c["name"])
                    for c in cat_data.get("categories", [])},
        products={p["id"]: Product(p["id"], p["name"], p.get("category"),
                                   float(p.get("price", 0.0)), p.get("billing", "one_time"))
                  for p in cat_data.get("products", [])},
        order_forms={f["id"]: OrderForm(f["id"], f["name"], bool(f.get("legacy", False)))
                     for f in cat_data.get("order_forms", [])},
    )
    if "payment_types" in cat_data:
        # As listed: one listed twice is refused by Workspace.validate, not dropped.
        catalog.payment_types = list(cat_data["payment_types"])
    for section in ("categories", "products", "order_forms"):
        items = cat_data.get(section, [])
        if len({i["id"] for i in items}) != len(items):
            seen: set[str] = set()
            for i, item in enumerate(items):
                if item["id"] in seen:
                    problems.append(Problem(f"catalog.{section}[{i}].id",
                                            f'id "{item["id"]}" is used twice'))
                seen.add(item["id"])

    eco_data = data.get("ecommerce", {})
    ecommerce = Ecommerce(product_actions_for_legacy_and_manual=bool(
        eco_data.get("settings", {}).get(LEGACY_SETTING, False)))
    for key, target in (("action_sets", ecommerce.action_sets),
                        ("product_action_sets", ecommerce.product_action_sets)):
        for name, actions in eco_data.get(key, {}).items():
            target[name] = _actions(actions, f"ecommerce.{key}.{name}", problems)

    contacts = [Contact(c["id"], c.get("first_name", ""), c.get("last_name", ""),
                        c.get("email", ""), list(c.get("tags", [])), c.get("contact_type"))
                for c in data.get("contacts", [])]
    workspace = Workspace(catalog, ecommerce, contacts)

    for ci, camp in enumerate(data["campaigns"]):
        where = f"campaigns[{ci}]"
        if workspace.has_campaign(camp["id"]):
            problems.append(Problem(f"{where}.id", f'campaign id "{camp["id"]}" is used twice'))
            continue
        campaign = workspace.add_campaign(Campaign(camp["id"], camp["name"]))
        for ni, nd in enumerate(camp["nodes"]):
            node_where = f"{where}.nodes[{ni}]"
            if campaign.has_node(nd["id"]):
                problems.append(Problem(f"{node_where}.id",
                                        f'node id "{nd["id"]}" is used twice in this campaign'))
                continue
            try:
                config = node_kind(nd["kind"]).from_data(nd)
            except StepValueError as exc:
                problems.append(Problem(f"{node_where}.{exc.key}",
                                        f"(node {nd['id']}) {exc}"))
                continue
            campaign.add_node(Node(nd["id"], nd["kind"], nd["name"], float(nd["x"]),
                                   float(nd["y"]), config))
        for ei, edge in enumerate(camp["edges"]):
            reason = campaign.can_link(edge["source"], edge["target"])
            if reason is not None:
                missing = [k for k in ("source", "target") if not campaign.has_node(edge[k])]
                key = f".{missing[0]}" if missing else ""
                problems.append(Problem(f"{where}.edges[{ei}]{key}", reason))
                continue
            campaign.link(edge["source"], edge["target"])
    return workspace, problems


def _actions(items: list[dict[str, Any]], where: str, problems: list[Problem]) -> list[Step]:
    actions = []
    for i, item in enumerate(items):
        try:
            actions.append(step_from_data(item))
        except StepValueError as exc:
            problems.append(Problem(f"{where}[{i}].{exc.key}", str(exc)))
    return actions


# -- writing ---------------------------------------------------------------------------
def coordinate(value: float) -> float | int:
    """A node's x or y as the file holds it: a whole number of pixels as a whole number
    (``240``, not ``240.0``: what a person writes, and what a file saved again unchanged
    keeps, line for line), else as it is (``12.5``; ``-0.0`` too, read back the same)."""
    if isinstance(value, float) and value.is_integer() and (value or str(value) == "0.0"):
        return int(value)
    return value


def node_to_data(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"id": node.id, "kind": node.kind, "name": node.name,
                            "x": coordinate(node.x), "y": coordinate(node.y)}
    data.update(node.spec.to_data(node.config))
    return data


def campaign_to_data(campaign: Campaign) -> dict[str, Any]:
    return {
        "id": campaign.id,
        "name": campaign.name,
        "nodes": [node_to_data(n) for n in campaign.nodes],
        "edges": [{"source": s, "target": t} for s, t in campaign.edges],
    }


def workspace_to_data(workspace: Workspace) -> dict[str, Any]:
    cat = workspace.catalog
    eco = workspace.ecommerce
    return {
        "format": FORMAT,
        "version": VERSION,
        "catalog": {
            "categories": [{"id": c.id, "name": c.name} for c in cat.categories.values()],
            "products": [{"id": p.id, "name": p.name, "category": p.category,
                          "price": p.price, "billing": p.billing}
                         for p in cat.products.values()],
            "order_forms": [{"id": f.id, "name": f.name, "legacy": f.legacy}
                            for f in cat.order_forms.values()],
            "payment_types": list(cat.payment_types),
        },
        "ecommerce": {
            "settings": {LEGACY_SETTING: eco.product_actions_for_legacy_and_manual},
            "action_sets": {k: [step_to_data(a) for a in v]
                            for k, v in eco.action_sets.items()},
            "product_action_sets": {k: [step_to_data(a) for a in v]
                                    for k, v in eco.product_action_sets.items()},
        },
        "contacts": [{"id": c.id, "first_name": c.first_name, "last_name": c.last_name,
                      "email": c.email, "tags": list(c.tags),
                      **({"contact_type": c.contact_type} if c.contact_type else {})}
                     for c in workspace.contacts],
        "campaigns": [campaign_to_data(c) for c in workspace.campaigns],
    }


def dumps_workspace(workspace: Workspace) -> str:
    return dumps_json(workspace_to_data(workspace))


_ORJSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def dumps_json(data: Any) -> str:
    """``data`` as the files are written: 2-space indent, keys in their order, text as
    UTF-8 (no \\u escapes), one newline at the end; the same text as
    ``json.dumps(data, indent=2, ensure_ascii=False) + "\\n"`` but for the spelling of some
    exponents (``1e-7``, not ``1e-07``), which read back as the same number.

    orjson writes it some 40 times faster than the json module, whose C encoder is not used
    when ``indent`` is set (10,000 nodes: 0.38 s against 8 ms; bench/save_scale.py). What
    orjson refuses, an integer beyond 64 bits or a lone surrogate in a string, the json
    module writes as before."""
    try:
        return orjson.dumps(data, option=_ORJSON_OPTIONS).decode("utf-8")
    except orjson.JSONEncodeError:
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def save_workspace(workspace: Workspace, path: str | os.PathLike[str]) -> None:
    """Writes atomically: a temporary file in the same folder, then a rename."""
    write_text_atomic(path, dumps_workspace(workspace))
