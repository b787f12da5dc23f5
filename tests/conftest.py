"""Shared test set-up.

- Qt runs offscreen, so the suite needs no display.
- The app's data and settings folders (platformdirs, QSettings) point into a temporary
  folder, so tests never touch a real user's workspace, recent files or window layout.
- With CANVAS_APP_REQUIRE_PG set (CI), the PostgreSQL store tests must run, not skip.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="canvas-app-tests-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)  # not left behind in /tmp
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_STATE_HOME"] = os.path.join(_HOME, "state")
os.environ["XDG_CACHE_HOME"] = os.path.join(_HOME, "cache")


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("CANVAS_APP_REQUIRE_PG") and not os.environ.get("CANVAS_APP_TEST_PG_URL"):
        raise pytest.UsageError(
            "CANVAS_APP_REQUIRE_PG is set but CANVAS_APP_TEST_PG_URL is not: "
            "start PostgreSQL with .ci/start_postgres.sh")


@pytest.fixture(autouse=True)
def _clear_clipboard_after_test():
    """Copy/paste tests leave a QMimeData made in Python on the clipboard; Qt would delete it
    while tearing the application down, after Python has finalised (a crash at exit)."""
    yield
    import sys

    if "PySide6.QtGui" not in sys.modules:
        return
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication, QToolTip

        if QApplication.instance() is not None and QToolTip.isVisible():
            QToolTip.hideText()  # not left on show for a widget the test deletes


@pytest.fixture(autouse=True)
def _editors_discard_without_asking(request, monkeypatch):
    """An editor with changes asks before Cancel drops them, in a modal box that would wait
    forever offscreen: tests answer "Discard" unless they ask for the question itself
    (``@pytest.mark.asks_to_discard``)."""
    if "ui" not in str(request.node.fspath) or request.node.get_closest_marker("asks_to_discard"):
        yield
        return
    from canvas_app.ui.dialogs.discard_question import DiscardQuestion

    monkeypatch.setattr(DiscardQuestion, "ask", staticmethod(lambda *_args: True))
    yield


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's folder as the working folder: files named relative, as in a shell."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
