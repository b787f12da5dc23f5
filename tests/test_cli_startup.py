"""Starting the desktop app where it cannot show a window: one line, exit 1, no Qt abort."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from canvas_app.app import WITHOUT_A_DISPLAY, display_problem

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
NO_DISPLAY = ("canvas-app: no display to show the window on (neither DISPLAY nor "
              f"WAYLAND_DISPLAY is set); {WITHOUT_A_DISPLAY}\n")


def _free_display() -> str:
    number = next(n for n in range(173, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())
    return f":{number}"


def _start_app(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
    return subprocess.run([sys.executable, "-m", "canvas_app", *args], capture_output=True,
                          text=True, cwd=ROOT, env={**base, **env}, timeout=60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_no_display_is_one_line_and_exit_1():
    result = _start_app({}, str(SAMPLE))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", NO_DISPLAY)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_xcb_asked_for_without_a_display_is_one_line():
    result = _start_app({"QT_QPA_PLATFORM": "xcb"})
    assert result.returncode == 1
    assert result.stderr == ("canvas-app: no display to show the window on (DISPLAY is not "
                             f"set); {WITHOUT_A_DISPLAY}\n")


def _has_libxcb() -> bool:
    try:
        ctypes.CDLL("libxcb.so.1")
    except OSError:
        return False
    return True


@pytest.mark.skipif(not sys.platform.startswith("linux") or not _has_libxcb(),
                    reason="needs libxcb")
def test_a_display_no_server_answers_is_one_line():
    display = _free_display()
    result = _start_app({"DISPLAY": display})
    assert result.returncode == 1
    assert result.stderr == (f"canvas-app: cannot connect to the display {display} "
                             f"(DISPLAY={display}): is its X server running? "
                             f"{WITHOUT_A_DISPLAY}\n")


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")
def test_a_running_x_server_is_a_display():
    display = _free_display()
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "640x480x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
                break
            time.sleep(0.05)
        assert display_problem({"DISPLAY": display}) is None
        assert display_problem({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}) is None
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("env", [
    {"QT_QPA_PLATFORM": "offscreen"},               # the tests and CI
    {"QT_QPA_PLATFORM": "minimal"},
    {"QT_QPA_PLATFORM": "vnc:size=800x600"},
    {"WAYLAND_DISPLAY": "wayland-1"},               # a Wayland session
    {"WAYLAND_DISPLAY": "wayland-1", "QT_QPA_PLATFORM": "wayland"},
    {"WAYLAND_DISPLAY": "wayland-1", "QT_QPA_PLATFORM": "wayland;xcb"},
])
def test_other_platforms_and_wayland_are_left_to_qt(env):
    assert display_problem(env) is None


def test_a_wayland_session_with_its_default_socket_is_a_display(tmp_path):
    (tmp_path / "wayland-0").touch()
    env = {"XDG_SESSION_TYPE": "wayland", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert display_problem(env) is None
    assert display_problem({**env, "XDG_SESSION_TYPE": "x11"}) is not None


def test_wayland_asked_for_without_one_says_which_variable():
    problem = display_problem({"QT_QPA_PLATFORM": "wayland"})
    assert problem == f"no display to show the window on (WAYLAND_DISPLAY is not set); " \
                      f"{WITHOUT_A_DISPLAY}"


# -- a data folder that cannot be made or written ------------------------------------------
@pytest.fixture
def blocked_data_home(tmp_path, monkeypatch) -> Path:
    """XDG_DATA_HOME under a plain file: the data folder cannot be made, even by root."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    home = blocker / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def _data_folder_line(home: Path, instead: str) -> str:
    return (f"canvas-app: cannot use the data folder {home / 'campaign-canvas'}, where "
            "Campaign Canvas keeps your workspace, recovery snapshots and import backups "
            f"({home.parent} is a file, not a folder): move that file away or set "
            f"XDG_DATA_HOME to a folder you can write; {instead}\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_DATA_HOME is Linux's")
def test_import_into_the_default_store_says_what_the_data_folder_is_for(blocked_data_home,
                                                                        capsys):
    from canvas_app.cli import main

    assert main(["import", str(SAMPLE)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == _data_folder_line(blocked_data_home,
                                             "or give the store with --db URL")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_DATA_HOME is Linux's")
def test_the_app_on_its_default_store_says_what_the_data_folder_is_for(blocked_data_home):
    result = _start_app({"QT_QPA_PLATFORM": "offscreen",
                         "XDG_DATA_HOME": str(blocked_data_home)})
    assert result.returncode == 1
    assert result.stderr == _data_folder_line(blocked_data_home,
                                              "or open a file: canvas-app FILE")


def test_commands_that_only_read_never_make_the_data_folder(tmp_path, monkeypatch, capsys):
    from canvas_app.cli import main

    home = tmp_path / "data"
    home.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    out = tmp_path / "out.campaign.json"
    assert main(["export", "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"there is no workspace to export yet ({home / 'campaign-canvas' / 'workspace.db'} "
        "does not exist): open the app or import a file first\n")
    assert main(["validate", str(SAMPLE)]) == 0
    assert main(["simulate", str(SAMPLE), "--scenario",
                 str(SAMPLE.parent / "pool-store.scenario.json")]) == 0
    assert list(home.iterdir()) == [] and not out.exists()


def test_export_reads_the_default_store_where_the_app_keeps_it(tmp_path, monkeypatch, capsys):
    from canvas_app.cli import main
    from canvas_app.data_folder import default_db_url_for_reading
    from canvas_app.io import load_workspace
    from canvas_app.store import default_db_url

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["import", str(SAMPLE)]) == 0
    assert default_db_url_for_reading() == default_db_url()
    out = tmp_path / "out.campaign.json"
    assert main(["export", "-o", str(out)]) == 0
    assert load_workspace(out) == load_workspace(SAMPLE)


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root and setpriv to drop the permission override")
def test_export_from_a_read_only_data_folder(tmp_path):
    """As QA ran it: the data folder and its parent read-only, for a user root or not."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "ro" / "data")}
    command = [sys.executable, "-m", "canvas_app"]
    assert subprocess.run([*command, "import", str(SAMPLE)], env=env, cwd=ROOT,
                          capture_output=True).returncode == 0
    for folder in (tmp_path / "ro" / "data" / "campaign-canvas", tmp_path / "ro" / "data",
                   tmp_path / "ro"):
        folder.chmod(0o555)
    drop = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps",
            "-dac_override,-dac_read_search"]
    out = tmp_path / "out.campaign.json"
    try:
        result = subprocess.run([*drop, *command, "export", "-o", str(out)], env=env,
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        for folder in (tmp_path / "ro", tmp_path / "ro" / "data"):
            folder.chmod(0o755)
    assert (result.returncode, result.stderr) == (0, "")
    assert out.exists()


def test_a_data_folder_error_names_the_folder_that_refused(tmp_path, monkeypatch):
    from canvas_app.data_folder import data_folder_problem

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    refused = PermissionError(13, "Permission denied", str(tmp_path / "data"))
    problem = data_folder_problem(refused)
    assert problem is not None
    assert f"({tmp_path / 'data'}: Permission denied): make it writable" in problem
    other = PermissionError(13, "Permission denied", str(tmp_path / "elsewhere.json"))
    assert data_folder_problem(other) is None


# -- start-up: the simulation is imported only for simulate ---------------------------------
_SIM_MODULES = """
import sys
from canvas_app.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(code, sorted(m for m in sys.modules if m == "canvas_app.sim" or
                   m.startswith("canvas_app.sim.") or m == "simpy"), file=sys.stderr)
"""


def _sim_modules_after(*args: str) -> tuple[str, str]:
    """(exit code, the simulation modules imported) of the command in a fresh Python."""
    result = subprocess.run([sys.executable, "-c", _SIM_MODULES, *args], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    code, _, modules = result.stderr.strip().splitlines()[-1].partition(" ")
    return code, modules


@pytest.mark.parametrize("args", [("validate", str(SAMPLE)), ("--help",), ("export", "--help"),
                                  ("validate", "--help")])
def test_commands_other_than_simulate_do_not_import_the_simulation(args):
    assert _sim_modules_after(*args) == ("0", "[]")


def test_simulate_still_imports_it():
    code, modules = _sim_modules_after("simulate", "--help")
    assert code == "0" and "'canvas_app.sim.cli'" in modules


def test_the_command_list_is_the_same_with_the_simulation_imported_or_not():
    """The stand-in for simulate carries the module's own one-line help (PLUGIN_HELP)."""
    from canvas_app.cli import build_parser

    full, handlers = build_parser()
    light, light_handlers = build_parser(["validate", str(SAMPLE)])
    assert "simulate" in handlers and "simulate" not in light_handlers
    assert light.format_help() == full.format_help()
    assert "simulate  simulate a scenario over a workspace" in full.format_help()


class _Clipboard:
    """A clipboard as QClipboard answers: whether this process owns it; clear() noted."""

    def __init__(self, owned: bool) -> None:
        self.owned, self.cleared = owned, False

    def ownsClipboard(self) -> bool:  # noqa: N802 (Qt's name)
        return self.owned

    def clear(self) -> None:
        self.cleared = True


@pytest.mark.parametrize(("owned", "shared", "cleared"), [
    (True, True, True),  # our copied nodes, on a display: handed back before Qt goes
    (False, True, False),  # another program's text (QA 23: quitting wiped it)
    (False, False, True),  # offscreen: a clipboard of this process alone, always ours
])
def test_quitting_hands_back_the_clipboard_only_when_it_is_ours(owned, shared, cleared):
    from canvas_app.app import hand_back_clipboard

    clipboard = _Clipboard(owned)
    hand_back_clipboard(clipboard, shared)  # type: ignore[arg-type]
    assert clipboard.cleared is cleared
