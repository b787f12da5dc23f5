"""A PostgreSQL server that wants a password: the store says so as a PasswordRefused
(the window then asks for it), and the command line says where to give it. On the real
server (CANVAS_APP_TEST_PG_URL)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import URL, make_url

from canvas_app.cli import main
from canvas_app.store import PasswordRefused, Store, StoreError
from canvas_app.store.repository import PASSWORD_HINT
from canvas_app.store.urls import without_password

from .conftest import PG_URL

pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(not PG_URL, reason="CANVAS_APP_TEST_PG_URL is not set")]


def with_password(password: str) -> str:
    url = make_url(PG_URL)
    return URL.create(url.drivername, username=url.username, password=password,
                      host=url.host, port=url.port, database=url.database
                      ).render_as_string(hide_password=False)


@pytest.mark.parametrize("read_only", [True, False])
def test_no_password_given(read_only: bool) -> None:
    with pytest.raises(PasswordRefused) as raised:
        Store(without_password(PG_URL), read_only=read_only)
    assert raised.value.given is False
    assert str(raised.value).endswith(f"no password supplied{PASSWORD_HINT}")


def test_a_wrong_password_refused_and_never_shown() -> None:
    with pytest.raises(PasswordRefused) as raised:
        Store(with_password("Wr0ngPassw0rd"))
    assert raised.value.given is True
    assert "password authentication failed" in str(raised.value)
    assert "Wr0ngPassw0rd" not in str(raised.value) and PASSWORD_HINT not in str(raised.value)


def test_another_refusal_is_not_about_the_password() -> None:
    url = make_url(PG_URL)
    missing = URL.create(url.drivername, username=url.username, password=url.password,
                         host=url.host, port=url.port, database="no_such_database_here")
    with pytest.raises(StoreError) as raised:
        Store(missing.render_as_string(hide_password=False), read_only=True)
    assert not isinstance(raised.value, PasswordRefused)


def test_the_command_line_says_where_to_give_it(capsys) -> None:
    assert main(["validate", without_password(PG_URL)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "cannot open:" in err and err.endswith("~/.pgpass)")


@pytest.mark.parametrize("command", ["validate", "export"])
def test_the_command_line_says_to_check_a_password_refused(capsys, command: str) -> None:
    """QA 20: with no password the line says where to give one; with a wrong one it said
    nothing of where to put it right."""
    url = with_password("Wr0ngPassw0rd")
    args = [command, url] if command == "validate" else [command, "--db", url, "-o", "-"]
    assert main(args) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "password authentication failed" in err
    assert err.endswith("(check the password in the URL, "
                        "postgresql://USER:PASSWORD@HOST/DATABASE)")
    assert "Wr0ngPassw0rd" not in err
