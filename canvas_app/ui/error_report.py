"""What the user sees when a bug escapes into Qt's event loop: one clear message, not a
traceback, and their unsaved edits kept.

PySide6 prints an exception raised in a slot or event handler and carries on; without this
the user would see nothing, or a traceback in a terminal. ``install(window)`` replaces
``sys.excepthook`` for the running app only (tests keep pytest-qt's own hook): the
traceback goes to a log file in the app's log folder (and to stderr), a recovery snapshot of
unsaved edits is written, and a message box says what happened and where the details are.
"""

from __future__ import annotations

import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from .main_window import MainWindow

APP_NAME = "campaign-canvas"


def log_path() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False)) / "errors.log"


def write_report(path: Path, kind: type[BaseException], value: BaseException,
                 tb: TracebackType | None) -> bool:
    """Appends the traceback, stamped, to ``path``; False if it cannot be written."""
    text = "".join(traceback.format_exception(kind, value, tb))
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(f"--- {stamp}\n{text}\n")
    except OSError:
        return False
    return True


def summary(value: BaseException) -> str:
    """One line naming the error: its type and its first line of text."""
    first = str(value).strip().splitlines()[0] if str(value).strip() else ""
    name = type(value).__name__
    return f"{name}: {first}" if first else name


class ErrorReporter:
    """The hook: ``reporter(kind, value, tb)``. Re-entry (an error while reporting one) only
    logs, so a failing message box cannot loop."""

    def __init__(self, window: MainWindow, path: Path | None = None) -> None:
        self.window = window
        self.path = path or log_path()
        self._reporting = False
        self.shown: list[str] = []  # the messages shown, newest last (for tests)

    def __call__(self, kind: type[BaseException], value: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        traceback.print_exception(kind, value, tb, file=sys.stderr)
        logged = write_report(self.path, kind, value, tb)
        if self._reporting:
            return
        self._reporting = True
        try:
            self.window.show_status("Something went wrong; details were logged.")
            kept = self._keep_edits()
            self._tell(value, logged, kept)
        finally:
            self._reporting = False

    def _keep_edits(self) -> bool:
        try:
            return self.window.files.autosave()
        except Exception:  # noqa: BLE001 - reporting must not fail on a broken session
            return False

    def _tell(self, value: BaseException, logged: bool, kept: bool) -> None:
        lines = [f"Campaign Canvas hit an internal error and stopped what it was doing:"
                 f"\n\n{summary(value)}"]
        if kept:
            lines.append("Your unsaved edits are kept for recovery; save your work now.")
        elif self.window.session.modified:
            lines.append("Save your work now.")
        lines.append(f"The details are in {self.path}." if logged else
                     "The details could not be written to the log; they are on the console.")
        text = "\n\n".join(lines)
        self.shown.append(text)
        box = QMessageBox(QMessageBox.Icon.Critical, "Something went wrong", text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("errorReport")
        box.open()


def install(window: MainWindow, path: Path | None = None) -> ErrorReporter:
    reporter = ErrorReporter(window, path)
    sys.excepthook = reporter
    return reporter
