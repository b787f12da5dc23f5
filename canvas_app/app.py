"""Composition root: the document, the workspace, the undo stack and the main window.

``run_gui(source)`` is what ``canvas-app`` / ``canvas-app gui [WORKSPACE]`` / ``python main.py
[WORKSPACE]`` call. With no source the default SQLite store is opened, and seeded with the
bundled sample when it is empty, so a newcomer sees a campaign at once.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .documents import Document, DocumentError, default_document, open_or_seed
from .io import LoadError

ORGANIZATION = "CampaignCanvas"
APPLICATION = "Campaign Canvas"


def open_document(source: str | None) -> tuple[Document, object]:
    """The document for ``source`` (default store when None) and its workspace."""
    document = Document(source) if source else default_document()
    try:
        workspace = open_or_seed(document, seed=not source)
    except LoadError as exc:
        raise DocumentError(str(exc)) from None
    return document, workspace


def build_main_window(source: str | None, *, settings: QSettings | None = None,
                      recovery_dir: Path | None = None, offer_recovery: bool = True):
    """Builds the main window on ``source``; raises DocumentError with one clear line."""
    from .ui.main_window import MainWindow
    from .ui.session import make_session

    document, workspace = open_document(source)
    if settings is None:
        settings = QSettings(ORGANIZATION, APPLICATION)
    session = make_session(workspace, document, recovery_dir)  # type: ignore[arg-type]
    window = MainWindow(session, settings, recovery_dir)
    window.files.add_recent(document.source)
    if offer_recovery:
        QTimer.singleShot(0, window.files.offer_recovery)
    return window


def shows_errors_in_a_window(app: QApplication) -> bool:
    """Started from a launcher or file manager (a real display, no terminal), a message on
    stderr would go unseen: say it in a window too."""
    return app.platformName() not in ("offscreen", "minimal") and not sys.stderr.isatty()


# How the app runs Qt (a setting the user has made in the environment wins):
# - QT_NO_GUI_THREADPOOL: Qt splits every large image copy across a thread pool, sized by
#   the image, not by the part drawn. On the canvas, each step of a drag redraws a small
#   region from the view's full-size background image, and handing that to threads cost
#   more than the copy (about 15 % of a drag step here, and most of its jitter).
QT_ENVIRONMENT = {"QT_NO_GUI_THREADPOOL": "1"}


def configure_qt() -> None:
    """Sets QT_ENVIRONMENT; call before the QApplication is made."""
    for key, value in QT_ENVIRONMENT.items():
        os.environ.setdefault(key, value)


def run_gui(source: str | None) -> int:
    configure_qt()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    try:
        window = build_main_window(source)
    except DocumentError as exc:
        print(f"canvas-app: {exc}", file=sys.stderr)
        if shows_errors_in_a_window(app):
            QMessageBox.critical(None, APPLICATION, f"Campaign Canvas cannot open it:\n\n{exc}")
        return 1
    window.show()
    window.view.fit()
    from .ui.error_report import install

    install(window)  # a bug in a slot: one message and a log, edits kept; no traceback
    # Python only sees SIGINT/SIGTERM while Qt's loop runs if it gets control now and then.
    signal.signal(signal.SIGTERM, lambda *_: window.close())
    signal.signal(signal.SIGINT, lambda *_: window.close())
    ticker = QTimer(window)
    ticker.start(250)
    ticker.timeout.connect(lambda: None)
    # Our copied nodes are a QMimeData made in Python: hand the clipboard back before Qt
    # tears down, or Qt deletes it after Python has finalised (a crash at exit).
    app.aboutToQuit.connect(lambda: app.clipboard().clear())
    return int(app.exec())
