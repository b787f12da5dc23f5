"""QA 10, the command line (SPEC §6: bad input exits non-zero with one clear line, naming
the file, the place and the problem):

- D3: no command prints a database URL's password, the URL is named once, masked;
- D4: a device, a named pipe or a folder given as any file is refused without being read
  (``/dev/zero`` never ends, a FIFO waits for a writer), and so is a file too big to load;
- m2: an event key of another type of event (a payment's ``contact``) is refused.
"""

from __future__ import annotations

import copy
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from canvas_app.cli import hide_passwords, main, shown_source
from canvas_app.io import LoadError
from canvas_app.io.encoding import NotAFile, read_file_bytes
from canvas_app.io.workspace_file import read_json

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
SCENARIO = ROOT / "resources" / "samples" / "pool-store.scenario.json"

PASSWORD = "S3cretPW"
UNREACHABLE = f"postgresql+psycopg://alice:{PASSWORD}@127.0.0.1:1/db"  # nothing listens
MASKED = "postgresql+psycopg://alice:***@127.0.0.1:1/db"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


# -- D3: passwords ---------------------------------------------------------------------
URL_COMMANDS = {
    "simulate": ["simulate", UNREACHABLE, "--scenario", str(SCENARIO)],
    "simulate --campaign": ["simulate", UNREACHABLE, "--scenario", str(SCENARIO),
                            "--campaign", "nope"],
    "validate": ["validate", UNREACHABLE],
    "export": ["export", "--db", UNREACHABLE, "-o", "{tmp}/out.campaign.json"],
    "import": ["import", str(SAMPLE), "--db", UNREACHABLE],
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", list(URL_COMMANDS))
def test_D3_an_unreachable_database_is_named_once_without_its_password(
        name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in URL_COMMANDS[name]]
    assert main(argv) == 1
    line = one_error_line(capsys)
    assert PASSWORD not in line
    assert line.startswith(f"{MASKED}: cannot open: ")
    assert line.count(MASKED) == 1
    assert list(tmp_path.iterdir()) == []  # nothing written


@pytest.mark.timeout(60)
def test_D3_the_simulate_repro_in_a_process_of_its_own(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "canvas_app", "simulate", UNREACHABLE, "--scenario",
         str(SCENARIO)], capture_output=True, text=True, timeout=50, cwd=tmp_path)
    assert done.returncode == 1
    assert PASSWORD not in done.stdout + done.stderr
    assert done.stdout == ""
    assert done.stderr.count(MASKED) == 1 and len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize("argv", [
    ["validate", "{url}"],
    ["simulate", "{url}", "--scenario", str(SCENARIO)],
    ["export", "--db", "{url}", "-o", "{tmp}/x.campaign.json"],
    ["import", str(SAMPLE), "--db", "{url}"],
])
def test_D3_a_password_holding_an_unwritten_at_sign_is_refused_unshown(
        argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The database library would take "tPW@127.0.0.1" for the host and print it.
    url = "postgresql+psycopg://alice:S3cr@tPW@127.0.0.1:1/db"
    assert main([a.replace("{url}", url).replace("{tmp}", str(tmp_path))
                 for a in argv]) == 1
    line = one_error_line(capsys)
    assert line == f"{MASKED}: the user name or password holds an @: write it as %40"
    assert "S3cr" not in line and "tPW" not in line


def test_D3_argparse_quoting_a_url_hides_its_password(
        capsys: pytest.CaptureFixture[str]) -> None:
    # An unquoted space in the URL: argparse names the second half as an extra argument.
    with pytest.raises(SystemExit) as caught:
        main(["validate", "post", f"gres://alice:{PASSWORD}@h/db"])
    assert caught.value.code == 2
    captured = capsys.readouterr()
    assert PASSWORD not in captured.out + captured.err
    assert "gres://alice:***@h/db" in captured.err


@pytest.mark.parametrize(("url", "shown"), [
    (UNREACHABLE, MASKED),
    ("postgresql+psycopg://alice:pa/ss:wd@h:5/db", "postgresql+psycopg://alice:***@h:5/db"),
    ("postgresql+psycopg://alice@h/db", "postgresql+psycopg://alice@h/db"),
    ("sqlite:///C:/data/ws.db", "sqlite:///C:/data/ws.db"),
    ("://alice:pa/sswd@h/db", "://alice:***@h/db"),
])
def test_D3_shown_source_hides_the_password(url: str, shown: str) -> None:
    assert shown_source(url) == shown
    assert hide_passwords(f"{url}: {url} failed", [url]) == f"{shown}: {shown} failed"


# -- D4: devices, named pipes, folders, big files --------------------------------------
def _file_arguments(bad: str, tmp: Path) -> dict[str, list[str]]:
    """Every file argument of every command, each given ``bad``."""
    out = str(tmp / "out.json")
    return {
        "simulate WORKSPACE": ["simulate", bad, "--scenario", str(SCENARIO)],
        "simulate --scenario": ["simulate", str(SAMPLE), "--scenario", bad],
        "simulate --out": ["simulate", str(SAMPLE), "--scenario", str(SCENARIO), "--out", bad],
        "validate": ["validate", bad],
        "import FILE": ["import", bad, "--db", str(tmp / "store.db")],
        "import --db": ["import", str(SAMPLE), "--db", bad],
        "export --db": ["export", "--db", bad, "-o", out],
        "gui": ["gui", bad],
    }


OUTPUTS = {"simulate --out"}


def _check_refused(bad: str, kind: str, tmp: Path,
                   capsys: pytest.CaptureFixture[str]) -> None:
    before = os.stat(bad).st_mode
    for name, argv in _file_arguments(bad, tmp).items():
        assert main(argv) == 1, name
        line = one_error_line(capsys)
        label = "--out: " if name in OUTPUTS else ""  # as --out's other problems begin
        assert line.startswith(f"{label}{bad}: it is {kind}, not a file: give "), (name, line)
        if name in OUTPUTS:
            assert line.endswith(": give a file name")
        assert os.stat(bad).st_mode == before, name  # never replaced by a file
        assert sorted(p.name for p in tmp.iterdir()) == sorted(
            p for p in ("fifo",) if (tmp / p).exists()), name  # nothing written


@pytest.mark.timeout(120)
@needs_fifo
def test_D4_a_named_pipe_is_refused_everywhere_without_being_opened(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # opening it to read would wait for a writer for ever
    _check_refused(str(fifo), "a named pipe (FIFO)", tmp_path, capsys)


@pytest.mark.timeout(120)
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_D4_a_device_is_refused_everywhere(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _check_refused("/dev/zero", "a device", tmp_path, capsys)


@pytest.mark.timeout(60)
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_D4_the_dev_zero_repro_ends_at_once_in_a_process_of_its_own(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "canvas_app", "simulate", str(SAMPLE), "--scenario",
         "/dev/zero"], capture_output=True, text=True, timeout=50, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "/dev/zero: it is a device, not a file: give a .scenario.json file\n"


def test_D4_a_folder_is_refused_as_any_input(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for name, argv in _file_arguments(str(folder), tmp_path).items():
        assert main(argv) == 1, name
        line = one_error_line(capsys)
        if name in OUTPUTS:  # (said by the output check, as before)
            assert line == f"--out: {folder}: it is a folder, not a file: give a file name"
        else:
            assert line.startswith(f"{folder}: it is a folder, not a file: give "), name


@needs_fifo
@pytest.mark.timeout(30)
def test_D4_the_reader_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, message in ((fifo, "it is a named pipe (FIFO), not a file"),
                          (tmp_path, "it is a folder, not a file")):
        with pytest.raises(NotAFile) as caught:
            read_file_bytes(path)
        assert caught.value.message == message
        with pytest.raises(LoadError) as loading:  # the loaders' one line
            read_json(path)
        assert str(loading.value) == f"{path}: {message}"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_D4_a_file_too_big_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.scenario.json"
    big.write_bytes(b" " * 3 * 1024 * 1024)
    with pytest.raises(NotAFile) as caught:
        read_file_bytes(big, limit=1024 * 1024)
    assert caught.value.message == ("the file is larger than 1 MB (3 MB): too big to be a "
                                    "workspace or a scenario")
    assert read_file_bytes(big, limit=4 * 1024 * 1024) == big.read_bytes()


# -- m2: a key of another type of event --------------------------------------------------
def _scenario_with(tmp_path: Path, change: Any) -> Path:
    data = json.loads(SCENARIO.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    change(data["events"])
    path = tmp_path / "s.scenario.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _first(events: list[dict[str, Any]], kind: str) -> tuple[int, dict[str, Any]]:
    return next((i, e) for i, e in enumerate(events) if e["type"] == kind)


@pytest.mark.parametrize("contact", ["c-ana", "c-nobody"])
def test_m2_a_payment_naming_a_contact_is_refused(
        contact: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found: list[int] = []

    def change(events: list[dict[str, Any]]) -> None:
        i, payment = _first(events, "payment")
        payment["contact"] = contact  # the order's buyer pays: this would be ignored
        found.append(i)

    path = _scenario_with(tmp_path, change)
    assert main(["simulate", str(SAMPLE), "--scenario", str(path)]) == 1
    assert one_error_line(capsys) == (
        f'{path}: events[{found[0]}].contact: a payment event has no "contact"; the order\'s '
        'buyer pays (its keys: order_id, outcome, payment_type): remove it')


@pytest.mark.parametrize("key", ["campaign", "tag"])
def test_m2_a_purchase_naming_a_campaign_or_tag_is_refused(
        key: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found: list[int] = []

    def change(events: list[dict[str, Any]]) -> None:
        i, purchase = _first(events, "purchase")
        purchase[key] = "shock-nurture" if key == "campaign" else "Customer"
        found.append(i)

    path = _scenario_with(tmp_path, change)
    assert main(["simulate", str(SAMPLE), "--scenario", str(path)]) == 1
    line = one_error_line(capsys)
    assert line.startswith(f'{path}: events[{found[0]}].{key}: a purchase event has no '
                           f'"{key}" (its keys: contact, channel, ')


def test_m2_each_type_keeps_its_own_keys(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    def change(events: list[dict[str, Any]]) -> None:
        _i, payment = _first(events, "payment")
        payment["payment_type"] = "check"  # C4: a payment may carry its own
        payment["note"] = "any event may carry a note"

    path = _scenario_with(tmp_path, change)
    assert main(["simulate", str(SAMPLE), "--scenario", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_m2_the_keys_of_each_type_agree_with_the_schema() -> None:
    from canvas_app.sim.files import _REQUIRED_BY_TYPE, event_schema
    from canvas_app.sim.model import EVENT_TYPES
    from canvas_app.sim.scenario_file import EVENT_KEYS

    assert set(EVENT_KEYS) == set(EVENT_TYPES)
    every_key = set(event_schema()["properties"]) - {"at", "type", "note"}
    assert set().union(*EVENT_KEYS.values()) == every_key
    for kind, required in _REQUIRED_BY_TYPE.items():
        assert set(required) <= set(EVENT_KEYS[kind]), kind


def test_a_password_that_is_also_the_scheme_or_user_leaves_the_shown_url_whole() -> None:
    """CI on PostgreSQL: the password "postgres" was hidden inside its own masked URL too
    ("***ql+psycopg://***:***@…"). The URL shows once, masked as the store shows it; the
    password is still hidden anywhere else in the line."""
    from canvas_app.cli import hide_passwords

    url = "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/canvas_test"
    shown = "postgresql+psycopg://postgres:***@127.0.0.1:5432/canvas_test"
    line = f"cannot read {url}: password postgres refused for {shown}"
    assert hide_passwords(line, [url]) == (
        f"cannot read {shown}: password *** refused for {shown}")


def test_a_password_that_is_a_common_word_is_hidden_only_where_it_stands_alone() -> None:
    """QA (team store): with the password "postgres", a driver's name in a message came out
    as "sqlalchemy.dialects:***ql.psycopgg" and a path "test_***_import". The password is
    hidden where it is a word of its own, as a password in a message is."""
    from canvas_app.cli import hide_passwords

    url = "postgresql+psycopgg://postgres:postgres@127.0.0.1:5432/x"
    shown = "postgresql+psycopgg://postgres:***@127.0.0.1:5432/x"
    line = (f"{url}: cannot open: unknown kind of database (Can't load plugin: "
            "sqlalchemy.dialects:postgresql.psycopgg); see /tmp/test_postgres_import/x.json; "
            "dsn host=127.0.0.1 password=postgres user=postgres, 'postgres'")
    assert hide_passwords(line, [url]) == (
        f"{shown}: cannot open: unknown kind of database (Can't load plugin: "
        "sqlalchemy.dialects:postgresql.psycopgg); see /tmp/test_postgres_import/x.json; "
        "dsn host=127.0.0.1 password=*** user=***, '***'")


def test_the_command_line_names_a_mistyped_driver_whole(capsys) -> None:
    assert main(["validate", "postgresql+psycopgg://postgres:postgres@127.0.0.1:1/x"]) == 1
    err = capsys.readouterr().err
    assert 'unknown kind of database "postgresql+psycopgg": give a SQLite file' in err
    assert ":postgres@" not in err and "***ql" not in err
