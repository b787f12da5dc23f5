"""Composition root: the document, the workspace, the undo stack and the main window.

``run_gui(source)`` is what ``canvas-app`` / ``canvas-app gui [WORKSPACE]`` / ``python main.py
[WORKSPACE]`` call. With no source the default SQLite store is opened, and seeded with the
bundled sample when it is empty, so a newcomer sees a campaign at once.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication, QMessageBox

from .documents import (
    Document,
    DocumentError,
    PasswordNeeded,
    default_document,
    open_or_seed,
)
from .io import LoadError

if TYPE_CHECKING:
    from .ui.main_window import MainWindow

ORGANIZATION = "CampaignCanvas"
APPLICATION = "Campaign Canvas"


def open_document(source: str | None) -> tuple[Document, object, object]:
    """The document for ``source`` (default store when None), its workspace, and the
    source's stamp as it was read (Save checks it: changed by someone else since?)."""
    document = Document(source) if source else default_document()
    try:
        open_or_seed(document, seed=not source, load=False)
        workspace, stamp = document.load_stamped()
    except LoadError as exc:
        raise DocumentError(str(exc)) from None
    return document, workspace, stamp


def user_settings() -> QSettings:
    """The user's settings (window layout, recent workspaces), in a folder only its owner
    can read: a recent database URL may hold its password (QA: the file was readable by
    every user of the machine)."""
    settings = QSettings(ORGANIZATION, APPLICATION)
    folder = Path(settings.fileName()).parent
    if folder.name != ORGANIZATION:  # not the app's own folder (~/.config itself): left be
        return settings
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
    except OSError:
        pass  # not ours to change (a shared or read-only home): the settings still work
    return settings


def open_while_waiting(source: str | None) -> tuple[Document, object, object]:
    """:func:`open_document` on a thread of its own, before any window shows: past a moment
    a box says what is opened, and its Stop Waiting gives up (a DocumentError saying so).
    A server that does not answer, or a SQLite file another program holds, took up to 10 s
    with nothing on screen."""
    from .ui.waiting import StoppedWaiting, wait_for

    title = Document(source).title if source else "your workspace"
    try:
        return wait_for(None, f"Opening {title}…", lambda: open_document(source),
                        can_stop=True)
    except StoppedWaiting:
        raise DocumentError(f"{title}: you stopped waiting for it to open.") from None


def build_main_window(source: str | None, *, settings: QSettings | None = None,
                      recovery_dir: Path | None = None, offer_recovery: bool = True,
                      wait: bool = False):
    """Builds the main window on ``source``; raises DocumentError with one clear line.
    With ``wait``, the opening says what it waits for (:func:`open_while_waiting`)."""
    from .ui import dialog_focus
    from .ui.main_window import MainWindow
    from .ui.session import make_session
    from .ui.theme import use_app_style

    use_app_style()  # light, tabs with room round their labels (before any widget)
    dialog_focus.install()  # a dialog shows its focused widget's frame from the start
    document, workspace, stamp = open_while_waiting(source) if wait \
        else open_document(source)
    if settings is None:
        settings = user_settings()
    session = make_session(workspace, document, recovery_dir, stamp)  # type: ignore[arg-type]
    window = MainWindow(session, settings, recovery_dir)
    window.files.add_recent(document.source)
    if offer_recovery:
        QTimer.singleShot(0, window, window.files.offer_recovery)
    return window


def open_problem(exc: DocumentError | OSError, instead: str = "") -> str:
    """One line for a start that failed: the document's own message, or for the data
    folder (the default store, recovery snapshots) what it is for and what to do."""
    if not isinstance(exc, OSError):
        return str(exc)
    from .data_folder import data_folder_problem

    problem = data_folder_problem(exc, instead)
    if problem is not None:
        return problem
    return f"{exc.filename}: {exc.strerror or exc}" if exc.filename else str(exc)


def hand_back_clipboard(clipboard: QClipboard, shared: bool) -> None:
    """Our copied nodes are a QMimeData made in Python: the clipboard is handed back before
    Qt tears down, or Qt deletes it after Python has finalised (a crash at exit). Only
    when it is ours: on a ``shared`` clipboard (a real display's) clearing it takes it
    over and empties it, what another program (or another copy of the app) put there
    included (QA 23: quitting wiped the text another program had copied)."""
    if clipboard.ownsClipboard() or not shared:
        clipboard.clear()


def can_show_windows(app: QApplication) -> bool:
    """A real display (not the offscreen or minimal platform of tests and scripts)."""
    return app.platformName() not in ("offscreen", "minimal")


def shows_errors_in_a_window(app: QApplication) -> bool:
    """Started from a launcher or file manager (a real display, no terminal), a message on
    stderr would go unseen: say it in a window too."""
    return can_show_windows(app) and not sys.stderr.isatty()


# -- when the workspace does not open at start ---------------------------------------------
TRY_AGAIN = "&Try Again"
OPEN_ANOTHER = "&Open Another…"
OPEN_YOURS = "Open &Your Workspace"
QUIT = "&Quit"
# What the user chose instead: a source to open ("" is the default workspace) or None (quit).
AskInstead = Callable[[str | None, str], str | None]
# A server's URL the server wants a password for -> the URL with one, or None (cancelled).
AskPassword = Callable[[str, PasswordNeeded], str | None]


def open_first_window(app: QApplication, source: str | None,
                      ask: AskInstead | None = None, ask_password: AskPassword | None = None,
                      **options: Any) -> MainWindow | None:
    """The main window on ``source`` (the default workspace when None or ""). When it does
    not open, one line says why on stderr; where windows can be shown, a box then offers
    another workspace (``ask``), until one opens or the user quits (None). A server that
    wants a password gets it asked for first (``ask_password``), as often as it refuses."""
    ask = ask or ask_after_failed_start
    ask_password = ask_password or ask_password_at_start
    while True:
        try:
            return build_main_window(source or None,
                                     **{"wait": can_show_windows(app), **options})
        except (DocumentError, OSError) as exc:
            problem = open_problem(exc)
            if isinstance(exc, PasswordNeeded) and source and can_show_windows(app):
                given = ask_password(source, exc)
                if given is not None:
                    source = given
                    continue
                # cancelled: the server's refusal of no password is no failure to report
                # (QA: "connection failed: … no password supplied")
                problem = "No password was given, so it was not opened."
                print(f"canvas-app: {Document(source).title}: {problem}", file=sys.stderr)
            else:
                print(f"canvas-app: {open_problem(exc, 'or open a file: canvas-app FILE')}",
                      file=sys.stderr)
            if not can_show_windows(app):
                return None
            choice = ask(source or None, problem)
            if choice is None:
                return None
            source = choice


def ask_password_at_start(source: str, refusal: PasswordNeeded) -> str | None:
    """The Open Database form on ``source``, asking for its password; the URL with the
    password typed, or None when cancelled."""
    from .ui.database_dialog import DatabaseDialog

    dialog = DatabaseDialog("Open Database", source)
    dialog.ask_for_password(refusal.given)
    return dialog.url_text() if dialog.exec() == DatabaseDialog.DialogCode.Accepted else None


def offers_your_workspace(source: str | None) -> bool:
    """Whether "Open Your Workspace" is another workspace than ``source``."""
    if not source:
        return False
    from .data_folder import default_db_url_for_reading
    from .store import resolve_url

    return resolve_url(source) != default_db_url_for_reading()


def failed_start_box(source: str | None, problem: str) -> QMessageBox:
    """Says which workspace did not open and why, and offers another one. Its name and
    the paths in ``problem`` are never broken across lines."""
    from .ui.path_text import PathMessageBox

    what = "Your workspace" if not source else Document(source).title
    box = PathMessageBox(QMessageBox.Icon.Warning, APPLICATION, f"{what} did not open.",
                         QMessageBox.StandardButton.NoButton, whole=(what,))
    box.setInformativeText(f"{problem}\n\nOpen another workspace instead?")
    # the same again: once the program holding it lets go, the server is back, the file
    # is mended in an editor
    box.addButton(TRY_AGAIN, QMessageBox.ButtonRole.AcceptRole)
    another = box.addButton(OPEN_ANOTHER, QMessageBox.ButtonRole.AcceptRole)
    if offers_your_workspace(source):
        box.addButton(OPEN_YOURS, QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(QUIT, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(another)
    box.setEscapeButton(quit_button)
    return box


def ask_after_failed_start(source: str | None, problem: str) -> str | None:
    """The box of :func:`failed_start_box`; "Open Another…" asks for a file (cancelling it
    asks again). Returns the source to open ("" for your workspace; ``source`` again to
    try again) or None to quit."""
    from PySide6.QtWidgets import QFileDialog

    from .ui.file_actions import FILE_FILTER

    start = str(Path(source).parent) if source and "://" not in source else str(Path.home())
    while True:
        box = failed_start_box(source, problem)
        box.exec()
        clicked = box.clickedButton()
        choice = clicked.text() if clicked is not None else QUIT
        if choice == OPEN_YOURS:
            return ""
        if choice == TRY_AGAIN:
            return source or ""
        if choice != OPEN_ANOTHER:
            return None
        path, _ = QFileDialog.getOpenFileName(None, "Open workspace", start, FILE_FILTER)
        if path:
            return path


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


# -- is there a display to show the window on? -------------------------------------------
WITHOUT_A_DISPLAY = "the commands validate, import, export and simulate work without one"
_X11 = ("xcb",)
_WAYLAND = ("wayland", "wayland-egl", "wayland-brcm")


def display_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """Why Qt could not show a window here (one line), or None. Qt itself prints several
    lines of plugin noise (advice to reinstall) and aborts; this says it first. Only the
    X11 and Wayland platforms are checked; any other one (offscreen, vnc, eglfs...) set in
    QT_QPA_PLATFORM is left to Qt."""
    env = os.environ if environ is None else environ
    if sys.platform in ("win32", "darwin"):
        return None
    wanted = [p.split(":", 1)[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";")]
    wanted = [p for p in wanted if p]
    if any(p not in _X11 + _WAYLAND for p in wanted):
        return None
    x11 = not wanted or any(p in _X11 for p in wanted)
    wayland = not wanted or any(p in _WAYLAND for p in wanted)
    if wayland and _has_wayland(env):
        return None
    display = env.get("DISPLAY", "")
    if not x11 or not display:
        if wanted and not x11:
            missing = "WAYLAND_DISPLAY is not set"
        else:
            missing = "DISPLAY is not set" if not wayland else \
                "neither DISPLAY nor WAYLAND_DISPLAY is set"
        return f"no display to show the window on ({missing}); {WITHOUT_A_DISPLAY}"
    if _x_display_reachable(display) is False:
        return (f"cannot connect to the display {display} (DISPLAY={display}): is its X "
                f"server running? {WITHOUT_A_DISPLAY}")
    return None


def _has_wayland(env: Mapping[str, str]) -> bool:
    if env.get("WAYLAND_DISPLAY"):
        return True
    runtime = env.get("XDG_RUNTIME_DIR")  # a client's default is wayland-0 in there
    return env.get("XDG_SESSION_TYPE") == "wayland" and bool(runtime) and \
        Path(runtime, "wayland-0").exists()


def _x_display_reachable(display: str) -> bool | None:
    """Whether an X client can connect to ``display`` (as Qt's xcb plugin will: same
    library, same authorisation), or None when libxcb cannot be loaded to tell."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    # An X server with no client left resets itself (Xvfb does, by default) and refuses
    # connections for a moment: a refusal is tried again, and a connection that works is
    # kept open, so the server cannot reset between this check and Qt's own connection.
    for attempt in range(10):
        connection = xcb.xcb_connect(display.encode(), None)
        if xcb.xcb_connection_has_error(connection) == 0:
            _KEPT_CONNECTIONS.append(connection)
            return True
        xcb.xcb_disconnect(connection)
        if attempt < 9:
            time.sleep(0.05)
    return False


_KEPT_CONNECTIONS: list[int] = []  # see _x_display_reachable


def is_untouched_sample(window: MainWindow) -> bool:
    """Whether the window shows your workspace as it started: the bundled sample."""
    document = window.session.document
    if document is None or document.source != default_document().source:
        return False
    from .documents import sample_path
    from .io import load_workspace

    try:
        return window.session.workspace == load_workspace(sample_path())
    except (LoadError, OSError):
        return False


def quit_on_signals(window: MainWindow) -> None:
    """SIGTERM and SIGINT (a logout, a shutdown, Ctrl+C in the terminal) quit the window
    without a question (``MainWindow.terminate``), from the event loop.

    Python runs a signal's handler at the next line of Python it runs, wherever that is:
    inside any override Qt calls (the app's style is asked about the window while Qt is
    in the middle of activating one). Closing the window there pulled the active window
    out from under Qt, which then sent an event to nobody: a crash at exit, about one
    quit in ten. So the handler only posts the quit; the loop runs it between events.
    A timer gives Python control now and then: else the signal waits for the next event."""

    def handler(_number: int, _frame: object) -> None:
        QTimer.singleShot(0, window, window.terminate)

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    ticker = QTimer(window)
    ticker.start(250)
    ticker.timeout.connect(lambda: None)


def run_gui(source: str | None, *, reopen_last: bool = True) -> int:
    """The desktop app on ``source``; with none, on the workspace open last (unless
    ``reopen_last`` is False) or else your own, seeded with the sample on a first run."""
    if QApplication.instance() is None:
        problem = display_problem()
        if problem is not None:
            print(f"canvas-app: {problem}", file=sys.stderr)
            return 1
    configure_qt()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    named = bool(source)
    gone = None
    if not named and reopen_last:  # the workspace open last, or None: yours
        from .ui.recent_files import last_workspace, last_workspace_gone

        settings = user_settings()
        source, gone = last_workspace(settings), last_workspace_gone(settings)
    window = open_first_window(app, source)
    if window is None:
        return 1
    window.show()
    window.view.fit()
    if gone is not None:
        window.show_status(f"{gone}, the workspace you had open last, is no longer there "
                           "(moved or deleted?); this is your own. File > Open… finds it.")
    elif is_untouched_sample(window):
        window.show_status("This is a sample pool-supplies shop to try things on; File > New "
                           "Workspace (Ctrl+Shift+N) starts an empty one.")
    elif not named and source and window.session.document.source == source:
        window.show_status(f"Reopened {window.session.document.title}, the workspace you had "
                           "open last. File > Open Recent has the others.")
    from .ui.collector import settle_after_open, tune_for_the_window

    tune_for_the_window()  # GC: frozen after each open (ui/collector.py)
    settle_after_open()
    from .ui.error_report import install

    install(window)  # a bug in a slot: one message and a log, edits kept; no traceback
    quit_on_signals(window)
    app.aboutToQuit.connect(lambda: hand_back_clipboard(app.clipboard(),
                                                        can_show_windows(app)))
    try:
        return int(app.exec())
    finally:
        # The recovery snapshot's lock goes with the app (the window, closed, still holds
        # it): nothing is left in the recovery folder but unsaved edits.
        window.session.release()
