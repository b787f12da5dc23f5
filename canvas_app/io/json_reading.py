"""Reading JSON text as the app's files are read: UTF-8 (a BOM allowed), errors in words with
their line and column ("the file may be cut short"), and what the json module would let
through refused at its place: a key given twice in one object (the json module keeps the
last, and the first value would be lost at the next save), lone surrogates, numbers that
are not finite or too large for a float, nesting too deep to read."""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable
from typing import Any

from ..domain.errors import Problem
from .encoding import NotAFile, NotText, decode_utf8, read_file_bytes
from .errors import LoadError, json_path
from .schema_messages import node_id


def read_json(path: str | os.PathLike[str], source: str | None = None) -> Any:
    """The parsed JSON of a file, or a LoadError naming the line and column."""
    if not os.fspath(path):  # Path("") would be the current folder
        raise LoadError(source or "", Problem("", "the file name is empty"))
    source = source or str(path)
    try:
        data = read_file_bytes(path)  # a regular file only (not /dev/zero, not a FIFO)
    except NotAFile as exc:
        raise LoadError(source, Problem("", exc.message)) from None
    except FileNotFoundError:
        raise LoadError(source, Problem("", "no such file")) from None
    except IsADirectoryError:
        raise LoadError(source, Problem("", "it is a folder, not a file")) from None
    except OSError as exc:
        raise LoadError(source, Problem("", f"cannot read the file: {exc.strerror or exc}")) \
            from None
    try:
        text = decode_utf8(data)  # a BOM (Notepad) is not content
    except NotText as exc:
        raise LoadError(source, Problem(exc.place, exc.message)) from None
    return parse_json(text, source)


_JSON_ERRORS = {
    "Unterminated string starting at": "a string starts here and never ends (a missing \")",
    "Invalid control character at": "a line break or control character inside a string",
    "Expecting value": "expected a value here (text in double quotes, a number, true, "
                       "false, null, a list or an object)",
    "Extra data": "more text after the end of the JSON",
    "Invalid \\escape": "an invalid \\ escape in a string",
    "Invalid \\uXXXX escape": "an invalid \\u escape in a string (\\u needs 4 hex digits)",
    "Expecting property name enclosed in double quotes": "a key must be in double quotes here",
    "Expecting ':' delimiter": "a colon (:) must follow the key here",
    "Expecting ',' delimiter": "a comma (,) or a closing bracket is missing here",
}
CUT_SHORT = "the text ends before the JSON does: the file may be cut short"


def json_error_text(msg: str) -> str:
    """The json module's message in plain words that read whole (its messages end in
    "at", meant to be followed by a position, which our messages give first)."""
    if msg in _JSON_ERRORS:
        return _JSON_ERRORS[msg]
    return msg.removesuffix(" at")


def json_problem(exc: json.JSONDecodeError) -> Problem:
    """What is wrong with text the json module could not read, in plain words, at its
    line and column: an empty file, a file cut short, or the mistake at that place."""
    text, pos = exc.doc, exc.pos
    if not text.strip():
        return Problem("", "the file is empty")
    place = f"line {exc.lineno} column {exc.colno}"
    if not text[pos:].strip() and exc.msg != "Unterminated string starting at":
        return Problem(place, CUT_SHORT)
    before = text[:pos].rstrip()
    if text[pos:pos + 1] in "]}" and before.endswith(",") and exc.msg in (
            "Expecting value", "Expecting property name enclosed in double quotes"):
        return Problem(place, "malformed JSON: a comma before a closing bracket is one "
                              "too many")
    if text[pos:pos + 1] == "'" and exc.msg.startswith("Expecting"):
        return Problem(place, "malformed JSON: JSON text must be in double quotes, "
                              "not single quotes")
    return Problem(place, f"malformed JSON: {json_error_text(exc.msg)}")


def parse_json(text: str, source: str = "") -> Any:
    """Parsed JSON text, refusing what JSON does not allow or Python cannot hold with a
    located LoadError: ``NaN``/``Infinity``, numbers too large for a float (``1e400``,
    which Python would read as infinity), a key given twice in one object, and nesting
    too deep to read."""
    seen: list[str] = []
    # The objects that had a key more than once, with the keys as the text gives them.
    doubled: list[tuple[dict[str, Any], list[str]]] = []

    def pairs_to_dict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # The json module builds each object from its pairs here: one that is shorter
        # than its pairs had a key twice (about 15 ms more for a 4.6 MB file of 10,000
        # nodes, some 3% of loading it). Where it was is looked for only then.
        made = dict(pairs)
        if len(made) != len(pairs):
            doubled.append((made, [key for key, _ in pairs]))
        return made

    def non_finite(token: str) -> _NonFinite:
        seen.append(token)
        return _NonFinite(token)

    def parse_float(token: str) -> float | _NonFinite:
        value = float(token)
        if math.isinf(value):
            seen.append(token)
            return _TooLarge(token)
        return value

    def parse_int(token: str) -> int | _NonFinite:
        if len(token) < _LONG_INT:
            return int(token)
        try:  # Python refuses integers of over 4300 digits; floats end near 1.8e308
            value = int(token)
            float(value)
            return value
        except (ValueError, OverflowError):
            seen.append(token)
            return _TooLarge(token)

    try:
        data = json.loads(text, parse_constant=non_finite, parse_float=parse_float,
                          parse_int=parse_int, object_pairs_hook=pairs_to_dict)
        bad = _find_non_finite(data) if seen else None  # searched only when there is one
        twice = _find_doubled_key(data, doubled) if doubled else None
    except json.JSONDecodeError as exc:
        raise LoadError(source, json_problem(exc)) from None
    except RecursionError:
        raise LoadError(source, Problem("", TOO_DEEP)) from None
    if twice is not None:
        raise LoadError(source, twice_problem(*twice, data))
    if bad is not None:
        path, token = bad
        if isinstance(token, _TooLarge):
            number = token if len(token) <= 40 else f"{token[:20]}…{token[-10:]}"
            message = (f"{number} is too large a number for any field: use a number "
                       "within the field's limits")
        else:
            message = f"{token} is not a number JSON allows: use a finite number"
        node = node_id(path, data)
        if node is not None:
            message = f"(node {node}) {message}"
        raise LoadError(source, Problem(json_path(path), message))
    if _SURROGATE_ESCAPE.search(text):
        _refuse_lone_surrogates(data, source)
    return data


def _find_doubled_key(data: Any, doubled: list[tuple[dict[str, Any], list[str]]]
                      ) -> tuple[list[str | int], list[str]] | None:
    """The place of the first object (in the file's order) that had a key twice, and the
    keys it was given (``doubled``: such objects and their keys, all alive in ``data``)."""
    keys_of = {id(made): keys for made, keys in doubled}
    return _find(data, [], lambda v: keys_of.get(id(v)) if isinstance(v, dict) else None)


def twice_problem(path: list[str | int], keys: list[str], data: Any) -> Problem:
    """``campaigns[0].nodes[0]: (node nurture) the key "name" is given twice`` (a file
    whose object gives a key twice: the json module would keep the last value)."""
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    key, count = next(((k, n) for k, n in counts.items() if n > 1), ("?", 2))
    times = "twice" if count == 2 else f"{count} times"
    shown_key = _escape_surrogates(json.dumps(key, ensure_ascii=False))
    message = f"the key {shown_key} is given {times}: keep one"
    node = node_id([*path, key], data)
    if node is not None:
        message = f"(node {node}) {message}"
    escaped = [_escape_surrogates(p) if isinstance(p, str) else p for p in path]
    return Problem(json_path(escaped), _escape_surrogates(message))


# \uD800-\uDFFF: JSON writes a character beyond U+FFFF as a pair of these; one alone is no
# character (Python keeps it in the string, and then cannot write the file as UTF-8)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _refuse_lone_surrogates(data: Any, source: str) -> None:
    found = _find_lone_surrogate(data, [])
    if found is None:
        return
    path, char = found
    message = (f"\\u{ord(char):04x} in a string is half of a UTF-16 pair without its other "
               "half: it is no character, and the file could not be saved; remove it")
    node = node_id(path, data)
    if node is not None:
        message = f"(node {node}) {message}"
    # a key or node id holding one is named with the escape (it cannot be printed)
    escaped = [_escape_surrogates(p) if isinstance(p, str) else p for p in path]
    raise LoadError(source, Problem(json_path(escaped), _escape_surrogates(message)))


def _escape_surrogates(text: str) -> str:
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _find_lone_surrogate(value: Any,
                         path: list[str | int]) -> tuple[list[str | int], str] | None:
    if isinstance(value, str):
        lone = _LONE_SURROGATE.search(value)
        return (path, lone.group()) if lone else None
    if isinstance(value, dict):
        for key, item in value.items():
            lone = _LONE_SURROGATE.search(key)
            if lone:
                return [*path, key], lone.group()
            found = _find_lone_surrogate(item, [*path, key])
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _find_lone_surrogate(item, [*path, index])
            if found is not None:
                return found
    return None


# json.loads joins a valid pair into one character: any surrogate left in a string is alone
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


TOO_DEEP = "the JSON is nested too deeply to read (arrays or objects inside each other)"
_LONG_INT = 300  # integers this long may not fit a float: they are checked


class _NonFinite(str):
    """What ``NaN``, ``Infinity`` and ``-Infinity`` parse to, so they can be located and
    refused (Python's json module accepts them; JSON does not)."""


class _TooLarge(_NonFinite):
    """What a number too large for a float parses to (``1e400``, a 400-digit integer)."""


def _find(value: Any, path: list[str | int], what: Callable[[Any], Any]
          ) -> tuple[list[str | int], Any] | None:
    """The place of the first value inside ``value`` (dicts and lists walked in order) for
    which ``what`` gives something other than None, and what it gave."""
    found = what(value)
    if found is not None:
        return path, found
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        inner = _find(item, [*path, key], what)
        if inner is not None:
            return inner
    return None


def _find_non_finite(value: Any) -> tuple[list[str | int], _NonFinite] | None:
    """The place of a NaN, an Infinity or a number too large, as parsed from JSON text."""
    return _find(value, [], lambda v: v if isinstance(v, _NonFinite) else None)


def find_not_finite(value: Any) -> tuple[list[str | int], str] | None:
    """The place and value of a NaN or infinite float (a database column may hold one)."""
    return _find(value, [], lambda v: repr(v) if isinstance(v, float)
                 and not math.isfinite(v) else None)
