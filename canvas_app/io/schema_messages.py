"""Readable, located messages for what the JSON Schemas refuse (C6).

jsonschema's own texts show Python values (``{'a': 1} is not valid under any of the given
schemas``); these say what is expected in the file's terms, name step and action kinds, and
use the model's own words where it has them (R11), so one problem reads the same in the
dialogs, the canvas and the command line.
"""

from __future__ import annotations

import json
from typing import Any

from jsonschema.exceptions import ValidationError, best_match

from ..domain.catalog import Catalog
from ..domain.errors import Problem
from ..domain.nodes import node_kinds
from ..domain.purchase import PurchaseGoalConfig, validate_purchase
from ..domain.sequence import DURATION_SCHEMA
from ..domain.steps import ACTION_KINDS, STEP_KINDS
from ..domain.timeutil import not_a_duration, shown_value
from .errors import json_path


def schema_problem(error: ValidationError, data: Any = None) -> Problem:
    """A readable Problem from a jsonschema error; with the file's ``data``, a problem
    inside a node names the node's id, as the model's own checks do (C6)."""
    problem = _describe(error)
    node = node_id(list(error.absolute_path), data)
    if node is not None:
        problem = Problem(problem.path, f"(node {node}) {problem.message}")
    return problem


def _describe(error: ValidationError) -> Problem:
    parts = list(error.absolute_path)
    path = json_path(parts)
    validator = error.validator
    instance = error.instance
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return Problem(path, f'the key "{missing}" is missing')
    if validator == "enum" and parts and parts[-1] == "kind":
        kind = _kind_word(parts)
        if kind is not None:
            word, known = kind
            return Problem(path, f'unknown {word} kind {shown(instance)} (known: '
                                 f'{", ".join(known)})')
    if validator == "enum":
        allowed = ", ".join(json.dumps(v) for v in error.validator_value)
        return Problem(path, f"{shown(instance)} is not allowed here "
                             f"(expected one of: {allowed})")
    if validator == "type":
        expected = error.validator_value
        expected = (" or ".join(_article(t) for t in expected) if isinstance(expected, list)
                    else _article(expected))
        return Problem(path, f"expected {expected}, found {shown(instance)}")
    if validator == "oneOf":
        return _one_of(error, path)
    if validator == "minLength":
        least = error.validator_value
        if least == 1:  # (QA 23d: '"" is too short (at least 1 characters)')
            return Problem(path, "must not be empty")
        return Problem(path, f"{shown(instance)} is too short (at least {least} "
                             f"character{'s' if least > 1 else ''})")
    if validator == "minItems":
        return Problem(path, f"the list needs at least {error.validator_value} "
                             f"item{'s' if error.validator_value != 1 else ''}")
    if validator in ("minimum", "maximum"):
        word = "less" if validator == "minimum" else "more"
        return Problem(path, f"{shown(instance)} is too {'small' if word == 'less' else 'large'}"
                             f" (it cannot be {word} than {error.validator_value})")
    if validator == "additionalProperties" and error.validator_value is False \
            and isinstance(instance, dict):
        known = list(error.schema.get("properties", {}))
        extra = [k for k in instance if k not in known]
        if extra:
            return Problem(path, f'unknown key "{extra[0]}" (known: {", ".join(known)})')
    if validator == "const":
        return Problem(path, f"expected {json.dumps(error.validator_value)}, found "
                             f"{shown(instance)}")
    return Problem(path, error.message)


def _one_of(error: ValidationError, path: str) -> Problem:
    instance = error.instance
    if error.schema == DURATION_SCHEMA:
        return Problem(path, not_a_duration(instance))
    if path.endswith("config.payment_types") and (instance == [] or isinstance(instance, str)):
        # the words of the purchase goal's own check (R11), as its dialog shows them
        config = PurchaseGoalConfig(any_purchase=True, payment_types=instance)
        for problem in validate_purchase(config, Catalog()):
            if problem.path == "config.payment_types":
                return Problem(path, problem.message)
    context = list(error.context or [])
    # A value none of whose forms fits at the top ("any" or a list, given 5): all the
    # forms are named, not only the one whose check happened to run last.
    top = [e for e in context if len(e.relative_schema_path) == 2]
    if top and len(top) == len(context) and all(e.validator in ("type", "const")
                                                 for e in top):
        forms = [_form(e, path) for e in sorted(top, key=lambda e: e.relative_schema_path[0])]
        return Problem(path, f"expected {' or '.join(dict.fromkeys(forms))}, found "
                             f"{shown(instance)}")
    # The branch meant for this kind of value (e.g. the object form of a buyer) explains.
    wrong_type = {e.relative_schema_path[0] for e in context
                  if e.validator == "type" and len(e.relative_schema_path) == 2}
    meant = [e for e in context if e.relative_schema_path[0] not in wrong_type]
    branches = {e.relative_schema_path[0] for e in meant}
    if len(branches) == 1:
        best = best_match(meant, key=error_rank)
        if best is not None:
            return _describe(best)
    types = [b.get("type") for b in error.validator_value if isinstance(b, dict)]
    if types and all(isinstance(t, str) for t in types):
        expected = " or ".join(_article(t) for t in dict.fromkeys(types))
        return Problem(path, f"expected {expected}, found {shown(instance)}")
    return Problem(path, f"{shown(instance)} is not allowed here")


# What a list holds, where the schema's "array" alone would not say it.
_LIST_OF = {"payment_types": "a list of payment type ids"}


def _form(error: ValidationError, path: str) -> str:
    """One form a value may take, as the schema's branch ``error`` failed on it."""
    if error.validator == "const":
        return json.dumps(error.validator_value)
    expected = error.validator_value
    words = expected if isinstance(expected, list) else [expected]
    key = path.rsplit(".", 1)[-1]
    return " or ".join(_LIST_OF.get(key, "a list") if w == "array" else _article(w)
                       for w in words)


def _kind_word(parts: list[str | int]) -> tuple[str, list[str]] | None:
    """Which kind an enum error on ``...kind`` is about: node, step or action kind."""
    if len(parts) == 5 and parts[0] == "campaigns" and parts[2] == "nodes":
        return "node", list(node_kinds())
    if len(parts) >= 3 and parts[-3] == "steps":
        return "step", list(STEP_KINDS)
    if parts[0] == "ecommerce":
        return "action", list(ACTION_KINDS)
    return None


def node_id(parts: list[str | int], data: Any) -> str | None:
    """The id of the node a path inside ``campaigns[i].nodes[j]`` points into, if it has
    one (not for a problem with the id itself)."""
    if (data is None or len(parts) < 4 or parts[0] != "campaigns" or parts[2] != "nodes"
            or parts[4:5] == ["id"]):
        return None
    try:
        node = data["campaigns"][parts[1]]["nodes"][parts[3]]
    except (KeyError, IndexError, TypeError):
        return None
    found = node.get("id") if isinstance(node, dict) else None
    return found if isinstance(found, str) and found else None


def shown(value: Any) -> str:
    """A value as JSON, cut short when long."""
    return shown_value(value)


def _article(word: str) -> str:
    if word == "null":
        return word
    return ("an " if word[:1] in "aeiou" else "a ") + word


def error_rank(error: ValidationError) -> tuple[int, int]:
    # Prefer the deepest error (the most exact place), then best_match's own preference.
    return (-len(error.absolute_path), 0)
