"""JSON Schemas of the scenario and result files, registered with :mod:`canvas_app.io.schema`.

``python -m canvas_app.io.schema`` writes them to ``resources/schema`` as
``scenario.schema.json`` and ``result.schema.json``. Loading a scenario file lives in
:mod:`.scenario_file`.
"""

from __future__ import annotations

from typing import Any

from ..domain.ecommerce import CHANNELS, OUTCOMES
from ..domain.sequence import DURATION_SCHEMA
from ..io.schema import DRAFT, contact_schema, register_schema
from .model import EVENT_TYPES, PAYMENT_OUTCOMES
from .result import RESULT_FORMAT, RESULT_VERSION

_ID = {"type": "string", "minLength": 1}
_TIME = {"type": "string", "description": "ISO 8601 time; UTC when it has no offset"}
_SHARE = {"type": "number", "minimum": 0, "maximum": 1}
_MIX = {"type": "object", "additionalProperties": {"type": "number", "minimum": 0},
        "minProperties": 1, "description": "id -> relative weight"}

_REQUIRED_BY_TYPE: dict[str, list[str]] = {
    "add_to_campaign": ["contact", "campaign"],
    "remove_from_campaign": ["contact", "campaign"],
    "apply_tag": ["contact", "tag"],
    "remove_tag": ["contact", "tag"],
    "cart_login": ["contact"],
    "purchase": ["contact", "channel", "order_id", "products", "payment_type"],
    "payment": ["order_id", "outcome"],
}


def buyer_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "A buyer named by first name, last name and email (R15)",
        "properties": {"first_name": {"type": "string"}, "last_name": {"type": "string"},
                       "email": {"type": "string", "minLength": 3}},
        "required": ["first_name", "last_name", "email"],
        "additionalProperties": False,
    }


def event_schema() -> dict[str, Any]:
    branches: list[dict[str, Any]] = [
        {"if": {"properties": {"type": {"const": t}}, "required": ["type"]},
         "then": {"required": keys}}
        for t, keys in _REQUIRED_BY_TYPE.items()
    ]
    branches.append({"if": {"properties": {"type": {"const": "payment"}},
                            "required": ["type"]},
                     "then": {"properties": {"outcome": {"enum": list(PAYMENT_OUTCOMES)}}}})
    return {
        "type": "object",
        "properties": {
            "at": _TIME,
            "type": {"enum": list(EVENT_TYPES)},
            "contact": {"oneOf": [_ID, buyer_schema()]},
            "campaign": _ID,
            "tag": _ID,
            "channel": {"enum": list(CHANNELS)},
            "order_id": _ID,
            "products": {"type": "array", "items": _ID, "minItems": 1},
            "payment_type": _ID,
            "order_form": _ID,
            "outcome": {"enum": list(OUTCOMES)},
            "note": {"type": "string"},
        },
        "required": ["at", "type"],
        "additionalProperties": False,
        "allOf": branches,
    }


def population_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "N synthetic contacts for a what-if run (R18)",
        "properties": {
            "count": {"type": "integer", "minimum": 0, "maximum": 50_000_000},
            "arrival_spread": DURATION_SCHEMA,
            "campaign": _ID,
            "share_added": _SHARE,
            "purchases": {"type": "array", "items": {
                "type": "object",
                "properties": {"product": _ID, "probability": _SHARE,
                               "within": DURATION_SCHEMA, "channel": {"enum": list(CHANNELS)},
                               "order_form": _ID},
                "required": ["product", "probability"],
                "additionalProperties": False,
            }},
            "channels": _MIX,
            "payment_types": _MIX,
            "failure_rate": _SHARE,
            "error_rate": _SHARE,
            "retry_share": _SHARE,
            "retry_after": DURATION_SCHEMA,
            "renewals": {"type": "integer", "minimum": 0, "maximum": 1000},
            "renewal_every": DURATION_SCHEMA,
            "resolution": DURATION_SCHEMA,
            "id_prefix": {"type": "string"},
            "login_share": {**_SHARE, "description": "the share that logs into the "
                            "multi-step cart on arrival (On Login, R12); 0 by default"},
            "tags": {"type": "array", "items": {
                "type": "object",
                "description": "a tag applied to each contact with this probability, "
                               "within this time after its arrival (7 days by default)",
                "properties": {"tag": {"type": "string"}, "probability": _SHARE,
                               "within": DURATION_SCHEMA},
                "required": ["tag", "probability"],
                "additionalProperties": False,
            }},
        },
        "required": ["count"],
        "additionalProperties": False,
    }


def scenario_schema() -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "$id": "https://campaign-canvas.invalid/schema/scenario.schema.json",
        "title": "Campaign Canvas simulation scenario (.scenario.json)",
        "type": "object",
        "properties": {
            "description": {"type": "string"},
            "start": _TIME,
            "until": {"oneOf": [_TIME, {"type": "null"}]},
            "seed": {"type": ["integer", "null"]},
            "contacts": {"type": "array", "items": contact_schema()},
            "events": {"type": "array", "items": event_schema()},
            "population": population_schema(),
        },
        "required": ["start"],
        "additionalProperties": False,
    }


def result_schema() -> dict[str, Any]:
    count = {"type": "integer", "minimum": 0}
    journey_entry = {
        "type": "object",
        "properties": {
            "at": {"type": "string", "pattern": "Z$"},
            "event": {"enum": ["added", "removed_from_campaign", "entered", "step",
                               "completed", "removed", "waiting", "achieved",
                               "achieved_again", "not_eligible", "skipped_reentry",
                               "tag_applied", "tag_removed", "email_sent", "notify_team",
                               "contact_type_set", "action_set", "contact_created",
                               "purchase", "payment", "cart_login"]},
            "node": {"type": ["string", "null"]},
            "detail": {"type": "string"},
        },
        "required": ["at", "event", "node", "detail"],
        "additionalProperties": False,
    }
    node_common = {"kind": {"type": "string"}, "name": {"type": "string"},
                   "campaign": {"type": "string"}}
    goal = {"type": "object",
            "properties": {**node_common, "achieved": count, "waiting": count},
            "required": ["kind", "achieved"]}
    sequence = {"type": "object",
                "properties": {**node_common, "entered": count, "completed": count,
                               "removed": count, "active": count},
                "required": ["kind", "entered", "completed", "removed", "active"]}
    return {
        "$schema": DRAFT,
        "$id": "https://campaign-canvas.invalid/schema/result.schema.json",
        "title": "Campaign Canvas simulation result (simulate --json)",
        "type": "object",
        "properties": {
            "format": {"const": RESULT_FORMAT},
            "version": {"const": RESULT_VERSION},
            "start": {"type": "string"},
            "until": {"type": ["string", "null"]},
            "seed": {"type": ["integer", "null"]},
            "campaign": {"type": ["string", "null"]},
            "complete": {"type": "boolean"},
            "campaigns": {"type": "object", "additionalProperties": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "contacts": count},
                "required": ["name", "contacts"]}},
            "nodes": {"type": "object", "additionalProperties": {
                "if": {"properties": {"kind": {"const": "sequence"}}},
                "then": sequence, "else": goal}},
            "contacts": {"type": "object", "additionalProperties": {
                "type": "object",
                "properties": {
                    "first_name": {"type": "string"}, "last_name": {"type": "string"},
                    "email": {"type": "string"},
                    "position": {"type": "array", "items": {"type": "string"}},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "contact_type": {"type": ["string", "null"]},
                    "journey": {"type": "array", "items": journey_entry},
                },
                "required": ["first_name", "last_name", "email", "position", "tags",
                             "contact_type"],
                "additionalProperties": False}},
            "action_sets": {"type": "object", "additionalProperties": count},
            "emails_sent": count,
            "log": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["format", "version", "nodes", "contacts", "action_sets", "emails_sent",
                     "log"],
    }


register_schema("scenario.schema.json", scenario_schema)
register_schema("result.schema.json", result_schema)
