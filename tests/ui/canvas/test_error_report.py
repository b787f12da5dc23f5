"""An exception escaping into Qt's loop gives one message, a log entry, and keeps edits."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from canvas_app.ui.error_report import ErrorReporter, summary


def _raise_and_report(reporter: ErrorReporter) -> None:
    try:
        raise ValueError("the frobnicator broke\nsecond line")
    except ValueError:
        reporter(*sys.exc_info())  # type: ignore[arg-type]


def test_an_escaped_error_is_logged_and_told_in_one_message_and_edits_are_kept(
        window, tmp_path: Path, qtbot) -> None:
    window.place_node("sequence")  # an unsaved edit
    assert window.session.modified
    log = tmp_path / "logs" / "errors.log"
    reporter = ErrorReporter(window, log)
    _raise_and_report(reporter)
    box = window.findChild(QMessageBox, "errorReport")
    assert box is not None and box.isVisible()
    assert "ValueError: the frobnicator broke" in box.text()
    assert "second line" not in box.text() and "Traceback" not in box.text()
    assert "kept for recovery" in box.text() and str(log) in box.text()
    logged = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "second line" in logged
    assert window.session.recovery.exists()
    box.close()


def test_an_unwritable_log_still_gives_the_message(window, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    reporter = ErrorReporter(window, blocker / "errors.log")  # a folder that cannot exist
    _raise_and_report(reporter)
    assert reporter.shown and "could not be written" in reporter.shown[-1]


def test_summary_is_one_line() -> None:
    assert summary(KeyError("k")) == "KeyError: 'k'"
    assert summary(RuntimeError("")) == "RuntimeError"
    assert summary(OSError("a\nb")) == "OSError: a"
