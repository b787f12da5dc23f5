"""JSON Schemas of the files (SPEC §6), built from the code and kept in ``resources/schema``.

The workspace schema is assembled from the node-kind registry, so a new node kind brings
its own keys. ``python -m canvas_app.io.schema`` rewrites the files in ``resources/schema``;
a test fails when the files and the code disagree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.catalog import BILLINGS
from ..domain.ecommerce import DEFAULT_SETS, LEGACY_SETTING
from ..domain.nodes import COORDINATE_LIMIT, node_kinds
from ..domain.sequence import step_schema
from ..domain.steps import ACTION_KINDS

FORMAT = "campaign-canvas"
RESULT_FORMAT = "campaign-canvas-result"  # a simulation's result (sim.result, SPEC §6)
VERSION = 1
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "resources" / "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

_ID = {"type": "string", "minLength": 1}
_COORDINATE = {"type": "number", "minimum": -COORDINATE_LIMIT, "maximum": COORDINATE_LIMIT}
_NAMED = {"type": "object", "properties": {"id": _ID, "name": {"type": "string"}},
          "required": ["id", "name"]}


def contact_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "id": _ID,
            "first_name": {"type": "string"},
            "last_name": {"type": "string"},
            "email": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "contact_type": {"type": ["string", "null"]},
        },
        "required": ["id"],
        "additionalProperties": False,
    }


def node_schema() -> dict[str, Any]:
    """A node: its common keys, then its kind's own (an ``if``/``then`` per kind). Each
    kind's ``then`` lists every key a node of that kind may hold and refuses others (a
    misspelt ``runs_until_complete`` would otherwise be read as nothing, silently)."""
    kinds = node_kinds()
    common = {
        "id": _ID,
        "kind": {"enum": list(kinds)},
        "name": {"type": "string"},
        # Where a node sits on the canvas: a million either way is thousands of
        # auto-layout columns; a point much further cannot be shown or reached.
        "x": _COORDINATE,
        "y": _COORDINATE,
    }
    branches = []
    for name, spec in kinds.items():
        branches.append({
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {"properties": {**{k: True for k in common},
                                    **close(spec.schema_properties)},
                     "required": list(spec.schema_required),
                     "additionalProperties": False},
        })
    return {
        "type": "object",
        "properties": common,
        "required": ["id", "kind", "name", "x", "y"],
        "allOf": branches,
    }


def close(schema: Any) -> Any:
    """``schema`` with every object that lists its keys (``properties``) refusing keys it
    does not list (``additionalProperties: false``), where it allowed any; a map (whose
    ``additionalProperties`` is a schema) is left a map. A misspelt key would otherwise be
    read as nothing and dropped on save, silently. Steps and actions (objects with a
    ``kind``) stay open: the model keeps their unknown keys and saves them back as read,
    and ``validate`` warns of each (docs/file-format.md, "Unknown keys")."""
    if isinstance(schema, list):
        return [close(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: close(value) for key, value in schema.items()}
    properties = schema.get("properties")
    if isinstance(properties, dict) and "kind" not in properties \
            and not isinstance(schema.get("additionalProperties"), dict):
        out["additionalProperties"] = False
    return out


def action_list_schema() -> dict[str, Any]:
    return {"type": "array", "items": step_schema(ACTION_KINDS)}


def workspace_schema() -> dict[str, Any]:
    """The workspace file's schema: unknown keys are refused, but in steps and actions
    (see :func:`close`)."""
    schema = _workspace_schema()
    nodes = schema["properties"]["campaigns"]["items"]["properties"].pop("nodes")
    schema = close(schema)
    schema["properties"]["campaigns"]["items"]["properties"]["nodes"] = nodes
    return schema


def _workspace_schema() -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "$id": "https://campaign-canvas.invalid/schema/workspace.schema.json",
        "title": "Campaign Canvas workspace (.campaign.json)",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "catalog": {
                "type": "object",
                "properties": {
                    "categories": {"type": "array", "items": _NAMED},
                    "products": {"type": "array", "items": {
                        "type": "object",
                        "properties": {
                            "id": _ID, "name": {"type": "string"},
                            "category": {"type": ["string", "null"]},
                            "price": {"type": "number", "minimum": 0},
                            "billing": {"enum": list(BILLINGS)},
                        },
                        "required": ["id", "name"],
                    }},
                    "order_forms": {"type": "array", "items": {
                        "type": "object",
                        "properties": {"id": _ID, "name": {"type": "string"},
                                       "legacy": {"type": "boolean"}},
                        "required": ["id", "name"],
                    }},
                    "payment_types": {"type": "array", "items": _ID},
                },
            },
            "ecommerce": {
                "type": "object",
                "properties": {
                    "settings": {"type": "object",
                                 "properties": {LEGACY_SETTING: {"type": "boolean"}}},
                    "action_sets": {
                        "type": "object",
                        "propertyNames": {"enum": list(DEFAULT_SETS)},
                        "additionalProperties": action_list_schema(),
                    },
                    "product_action_sets": {
                        "type": "object",
                        "additionalProperties": action_list_schema(),
                    },
                },
            },
            "contacts": {"type": "array", "items": contact_schema()},
            "campaigns": {"type": "array", "items": {
                "type": "object",
                "properties": {
                    "id": _ID,
                    "name": {"type": "string"},
                    "nodes": {"type": "array", "items": node_schema()},
                    "edges": {"type": "array", "items": {
                        "type": "object",
                        "properties": {"source": _ID, "target": _ID},
                        "required": ["source", "target"],
                    }},
                },
                "required": ["id", "name", "nodes", "edges"],
            }},
        },
        "required": ["format", "version", "catalog", "campaigns"],
    }


# Other modules (the simulation's scenario and result files) register their schemas here.
SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "workspace.schema.json": workspace_schema,
}


def register_schema(file_name: str, builder: Callable[[], dict[str, Any]]) -> None:
    SCHEMAS[file_name] = builder


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=False) + "\n"


def write_all(directory: Path = SCHEMA_DIR) -> list[Path]:
    _load_registered()
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, builder in SCHEMAS.items():
        path = directory / name
        path.write_text(dump(builder()), encoding="utf-8")
        written.append(path)
    return written


def _load_registered() -> None:
    """Imports the modules that register further schemas (scenario, result)."""
    import importlib

    for module in ("canvas_app.sim.files",):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


if __name__ == "__main__":
    # Run as a script this file is __main__, a module apart from canvas_app.io.schema, with
    # which the scenario and result schemas register: write that module's.
    from canvas_app.io import schema as _registered

    for written_path in _registered.write_all():
        print(written_path)
