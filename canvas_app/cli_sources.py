"""The workspace sources named on the command line: names that cannot be used (empty,
a folder, a device, a URL whose password hides its host) and URLs shown with their
passwords hidden."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from urllib.parse import unquote

from .passwords import hide_secret

WORKSPACE_SOURCE = "a .campaign.json file, a SQLite file or a SQLAlchemy URL"
STDOUT = "-"  # export -o -: the JSON on standard output


def name_problem(label: str, value: str | None, wanted: str, *,
                 output: bool = False) -> str | None:
    """Why a file name given on the command line cannot be used, or None: it is empty
    (which would name the current folder), an input that is a folder, a URL whose
    password cannot be told from its host, or a device, named pipe or socket (an input
    would be read without end or wait for a writer; an output would be replaced by a
    file), for a path and a ``sqlite:///`` URL's file alike. The file itself is only
    looked at (``os.stat``), never opened."""
    if value is None:
        return None
    if not value.strip():
        return f"{label}: the name is empty: give {wanted}"
    path: str | None = value
    if "://" in value:
        problem = url_problem(value)
        if problem is not None:
            return problem
        # a sqlite:/// URL's file is looked at as a path given alone is (QA: a folder
        # was "disk I/O error", "unable to open database file")
        path = sqlite_url_file(value)
        if path is None:
            return None
    elif output and value == STDOUT:
        return None
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):  # no such file (yet), or a name the system refuses
        return None
    from .io.encoding import not_a_file

    problem = not_a_file(mode)
    if problem is None or (output and stat.S_ISDIR(mode)):  # (a folder: output_problem)
        return None
    return f"{value}: {problem}: give {'a file name' if output else wanted}"


def sqlite_url_file(url: str) -> str | None:
    """The file a ``sqlite:///`` URL names (None for other URLs and in-memory SQLite)."""
    scheme, _, rest = url.partition("://")
    if not scheme.startswith("sqlite") or not rest.startswith("/"):
        return None
    path = rest[1:].split("?", 1)[0]
    return path if path and path != ":memory:" else None


def url_problem(url: str) -> str | None:
    """A URL with an ``@`` in its password (or user name) not written ``%40``: the database
    library would take what follows the first ``@`` for the host, and print it (a piece
    of the password) in its messages."""
    written = _written_password(url)
    if written is None or "@" not in written:
        return None
    try:
        from sqlalchemy.engine import make_url

        host = make_url(url).host or ""
    except Exception:  # noqa: BLE001 (not a URL the library reads)
        host = "@"
    if "@" not in host:  # the @ is in the database name, after the host
        return None
    return f"{shown_source(url)}: the user name or password holds an @: write it as %40"


# After "scheme://": a user name (no ":", "/" or "@"), ":", and the password, up to the
# last "@" (a password may hold "/", ":" and, mistakenly, "@").
_USER_PASSWORD = re.compile(r"([^:/@]*):(.*)@")


def _written_password(url: str) -> str | None:
    """The password of ``url`` as written (None when there is none)."""
    match = _USER_PASSWORD.match(url.partition("://")[2])
    return match.group(2) if match else None


def shown_source(arg: str) -> str:
    """A workspace source as it is printed: a URL with its password hidden (``***``), as
    the store's own messages show it."""
    written = _written_password(arg)
    if written is None:  # no password: the name as given
        return arg
    if "@" not in written:
        try:
            from .store.repository import safe_url
        except ImportError:  # the store (SQLAlchemy) is optional for JSON files
            pass
        else:
            shown = safe_url(arg)
            if not written or written not in shown:  # (an unparseable URL's may stay)
                return shown
    scheme, _, rest = arg.partition("://")
    return scheme + "://" + _USER_PASSWORD.sub(r"\1:***@", rest, count=1)


def hide_passwords(text: str, values: Sequence[str | None]) -> str:
    """``text`` with every URL among ``values`` shown as :func:`shown_source` shows it, and
    its password (as written, and as the database library reads it) replaced by ``***``:
    no message of the command line ever shows a password."""
    for value in values:
        if not value or "://" not in value:
            continue
        shown = shown_source(value)
        passwords = sorted(_passwords(value), key=len, reverse=True)
        # the password anywhere else in the text, but not inside the URL as shown: a
        # password "postgres" in postgresql+psycopg://postgres:***@… is its scheme and user
        parts = text.replace(value, shown).split(shown)
        for i, part in enumerate(parts):
            for password in passwords:
                part = hide_secret(part, password)
            parts[i] = part
        text = shown.join(parts)
    return text


def _passwords(url: str) -> set[str]:
    """The password of ``url`` as written, decoded, and as the database library reads it;
    one under 4 characters is left (it could not be told from the words of a message)."""
    written = _written_password(url)
    found = set() if written is None else {written, unquote(written)}
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(url).password
    except Exception:  # noqa: BLE001 (not a URL the library reads: nothing more to hide)
        parsed = None
    if parsed:
        found.add(str(parsed))
    return {p for p in found if len(p) >= 4}
