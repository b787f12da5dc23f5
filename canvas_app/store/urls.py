"""Database URLs as the app shows and keeps them: never with a password in sight, and the
server's "which password?" told apart from its other refusals."""

from __future__ import annotations

import re

from sqlalchemy.engine import URL, make_url

# What PostgreSQL's client library says when the server wants a password it was not given,
# or refused the one given (it says the same of an unknown user name, on purpose).
_ASKS_PASSWORD = re.compile(r"no password supplied|password authentication failed",
                            re.IGNORECASE)


def safe_url(url: str) -> str:
    """The URL with its password replaced by ``***``."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not parseable: hide whatever sits between "user:" and "@"
        return re.sub(r"(://[^/:@]*:)[^/@]*@", r"\1***@", url)


def url_password(url: str) -> str | None:
    """The password in ``url``, or None."""
    try:
        password = make_url(url).password
    except Exception:
        return None
    return str(password) if password else None


def without_password(url: str) -> str:
    """``url`` with no password at all (as Open Recent keeps a server's URL: the password is
    asked for again); a URL without one, or not a URL, as it is."""
    if "://" not in url or url_password(url) is None:
        return url
    try:
        parsed = make_url(url)
        bare = URL.create(parsed.drivername, username=parsed.username, host=parsed.host,
                          port=parsed.port, database=parsed.database, query=parsed.query)
        return bare.render_as_string(hide_password=False)
    except Exception:
        return re.sub(r"(://[^/:@]*):[^/@]*@", r"\1@", url)


def same_database(one: str, other: str) -> bool:
    """Whether two sources name the same database, whatever password each carries."""
    return without_password(one) == without_password(other)


def asks_password(message: str) -> bool:
    """Whether a driver's message says the server wants a password (none given, or the one
    given refused)."""
    return _ASKS_PASSWORD.search(message) is not None
