"""Database URLs as kept and compared: Open Recent keeps a server's URL without its
password; one database is one whatever password a URL carries; the driver's "which
password?" is told from its other refusals."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from canvas_app.store.urls import asks_password, safe_url, same_database, without_password

URL = "postgresql+psycopg://ann:p%40ss%3Aw%2Frd@db.example.org:6543/team"


def test_without_password_keeps_everything_else() -> None:
    kept = without_password(URL)
    assert "p%40ss" not in kept and "***" not in kept
    url = make_url(kept)
    assert (url.drivername, url.username, url.password, url.host, url.port,
            url.database) == ("postgresql+psycopg", "ann", None, "db.example.org", 6543, "team")


def test_without_password_leaves_other_sources_alone() -> None:
    for source in ("postgresql://ann@db/team", "/home/ann/shop.db", "sqlite:///x.db",
                   "shop.campaign.json"):
        assert without_password(source) == source


def test_same_database_whatever_the_password() -> None:
    assert same_database(URL, without_password(URL))
    assert same_database(URL, URL.replace("p%40ss%3Aw%2Frd", "other"))
    assert not same_database(URL, URL.replace("/team", "/shop"))
    assert not same_database(URL, URL.replace("ann:", "bob:"))


def test_safe_url_hides_the_password() -> None:
    assert safe_url(URL) == "postgresql+psycopg://ann:***@db.example.org:6543/team"


def test_asks_password_knows_the_drivers_words() -> None:
    # As psycopg says them (PostgreSQL 15): none given, and a wrong one or unknown user.
    assert asks_password('connection to server at "127.0.0.1", port 5432 failed: '
                         "fe_sendauth: no password supplied")
    assert asks_password('connection to server at "127.0.0.1", port 5432 failed: FATAL: '
                         'password authentication failed for user "ann"')
    assert not asks_password('connection to server at "127.0.0.1", port 5432 failed: '
                             'FATAL: database "nosuch" does not exist')
    assert not asks_password("Connection refused. Is the server running on that host?")
