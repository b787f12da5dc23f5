"""File > Open Database… and File > Save to Database…: a team's server database chosen in
a form (:mod:`.database_dialog`), then opened or saved to as a file is; part of
:class:`~.file_actions.FileActions`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QMessageBox

from ..backups import write_backup
from ..documents import Document, DocumentError, PasswordNeeded, Stamp
from ..domain.counting import counted
from ..domain.workspace import Workspace
from ..store.urls import same_database
from .database_dialog import DatabaseDialog
from .merge_box import saved_at
from .path_text import ask_replace
from .waiting import StoppedWaiting

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .session import Session

T = TypeVar("T")


class DatabaseActions:
    """Needs from FileActions: ``window``, ``session``, ``open_source``, ``save_as``,
    ``save``, ``on_server`` and ``show_error``."""

    window: MainWindow
    database_box: DatabaseDialog
    # Asked before Save to Database replaces a workspace the database holds: -> replace?
    ask_replace_database: Callable[[str], bool]

    if TYPE_CHECKING:
        @property
        def session(self) -> Session: ...
        def open_source(self, source: str) -> bool: ...
        def save_as(self, source: str, keep_held: bool = True) -> bool: ...
        def save(self, replace: bool = False) -> bool: ...
        def on_server(self, document: Document, saying: str, work: Callable[[], T],
                      can_stop: bool = False) -> T: ...
        def show_error(self, message: str, save_as: bool = False) -> None: ...

    def database_dialog(self, title: str, then: Callable[[str], object],
                        current: str | None = None) -> DatabaseDialog:
        """Opens the database form (window-modal, prefilled from ``current``, by default
        the current document when it is a database URL); on OK, ``then(url)``. Kept as
        ``database_box`` for tests."""
        if current is None:
            document = self.session.document
            current = document.source if document is not None else ""
        dialog = DatabaseDialog(title, current, self.window)
        dialog.accepted.connect(lambda: then(dialog.url_text()))
        dialog.finished.connect(dialog.deleteLater)
        self.database_box = dialog
        dialog.open()
        return dialog

    def ask_password(self, refusal: PasswordNeeded, url: str, title: str,
                     then: Callable[[str], object]) -> DatabaseDialog:
        """The database form again, on ``url``, saying that the server wants a password
        (or refused the one given) with the keyboard in the password field; on OK,
        ``then(url)`` tries again (and asks again while the server refuses)."""
        dialog = self.database_dialog(title, then, url)
        dialog.ask_for_password(refusal.given)
        self.window.show_status(f"Waiting for {dialog.whose_password()}.")
        return dialog

    def save_with_password(self, url: str) -> bool:
        """Save once the password is given: to the same database, as Save (the window's
        document is now read and written with that password); to another one, as Save to
        Database."""
        document = self.session.document
        if document is None or not same_database(url, document.source):
            return self.save_to_database(url)
        self.session.document = Document(url)
        if self.save():
            return True
        self.session.document = document  # as it was (Save asked again, or failed)
        return False

    def open_database_dialog(self) -> None:
        self.database_dialog("Open Database", self.open_database)

    def save_to_database_dialog(self) -> None:
        self.database_dialog("Save to Database", self.save_to_database)

    def open_database(self, url: str) -> bool:
        """Opens a server database as Open does a file; one holding no workspace yet opens
        empty, and the status bar says how to put a workspace there."""
        if not self.open_source(url):
            return False
        session = self.session
        if session.stamp is not None and session.stamp.revision == 0 and \
                not session.workspace.campaigns:
            self.window.show_status(f"{session.title} holds no workspace yet: it opened "
                                    "empty. To put a workspace there, open it and use File "
                                    "> Save to Database….")
        return True

    def save_to_database(self, url: str) -> bool:
        """Save As onto a server database. One that holds a workspace already (a team's,
        not this window's own) is replaced only when the user says so, as a file chosen in
        Save As is (QA: it was replaced without a word); the question says when it was
        saved and what it holds, and it is first kept as a ``.campaign.json`` in the data
        folder's ``backups/``, as ``canvas-app import`` keeps one (nothing is lost by
        saving to the wrong database)."""
        target = Document(url)
        current = self.session.document
        kept: Path | bool | None = None
        if current is None or not same_database(current.source, target.source):
            try:
                stamp, theirs = self.on_server(target, f"Connecting to {target.title}…",
                                               lambda: read_held(target), can_stop=True)
            except StoppedWaiting:
                self.window.show_status(f"Stopped waiting for {target.title}: not saved.")
                return False
            if stamp is not None and stamp.revision:
                if not self.ask_replace_database(replace_question(target.title, stamp,
                                                                  theirs)):
                    self.window.show_status(f"Not saved: {target.title} is as it was.")
                    return False
                kept = self.keep_held(target, theirs)
                if kept is False:
                    return False
        return self.save_and_say_kept(url, kept if isinstance(kept, Path) else None)

    def keep_held(self, target: Document, theirs: Workspace | str | None) -> Path | bool:
        """Writes ``theirs``, the workspace the store ``target`` holds, to the data
        folder's backups; the file, True when there is nothing to keep (it cannot be
        read), False when it could not be written (said: nothing is saved then)."""
        if not isinstance(theirs, Workspace):
            return True
        try:
            return write_backup(theirs, target.store_url, "before-save")
        except OSError as exc:
            self.show_error(f"Not saved: cannot keep a copy of the workspace {target.title} "
                            f"holds: {exc.strerror or exc}. {target.title} is as it was.")
            return False

    def save_and_say_kept(self, source: str, kept: Path | None) -> bool:
        """Save As to ``source`` (its workspace kept in ``kept`` first, if any): the copy
        goes when the save fails (nothing was replaced), and the status bar says where it
        is when it succeeds."""
        if not self.save_as(source, keep_held=False):
            if kept is not None:
                kept.unlink(missing_ok=True)
            return False
        if kept is not None:
            self.window.show_status(f"Saved {Document(source).title}. The workspace it held "
                                    f"is kept in {kept}.", lasting=True)
        return True

    def _ask_replace_database(self, question: str) -> bool:
        return ask_replace(self.window, QMessageBox.Icon.Warning, "Save to Database",
                           question, "replaceDatabaseBox")


def read_held(target: Document) -> tuple[Stamp | None, Workspace | str | None]:
    """What the database ``target`` holds: its stamp (None when it cannot be read: Save
    then says why) and, when a workspace was saved there, that workspace, or why it cannot
    be read (a string)."""
    stamp = target.stamp()
    if stamp is None or not stamp.revision:
        return stamp, None
    try:
        return stamp, target.load()
    except PasswordNeeded:
        return None, None  # Save asks for the password, then asks this again
    except DocumentError as exc:
        return stamp, str(exc)


def replace_question(title: str, stamp: Stamp, theirs: Workspace | str | None) -> str:
    """Save to Database's question on a database holding a workspace: when it was saved,
    how many campaigns it has, and that a copy is kept (or why none can be)."""
    when = f", saved at {saved_at(stamp.saved_at)}" if stamp.saved_at is not None else ""
    if isinstance(theirs, Workspace):
        holds = f"a workspace of {counted(len(theirs.campaigns), 'campaign')}{when}"
        kept = ("A copy of theirs is kept first in the data folder's backups (the status "
                "bar says where).")
    else:
        holds = f"a workspace{when}"
        reason = f" ({theirs.rstrip('.')})" if theirs else ""
        kept = f"It cannot be read here{reason}, so no copy of it can be kept."
    return (f"{title} holds {holds}. Replace it with this one?\n\nEveryone who opens it "
            f"then sees your workspace instead. {kept}")

