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
