"""Open, save, import/export, recent files, autosave and crash recovery for the window.

The document logic (sources, snapshots) is Qt-free in :mod:`canvas_app.documents`; this
module adds the timers and the questions. Autosave writes a recovery snapshot 30 s after
the last edit and when the window closes; the source itself is written only by Save. A save
that meets someone else's merges theirs in (:mod:`.save_merge`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QElapsedTimer, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from ..documents import (
    Document,
    DocumentConflict,
    DocumentError,
    PasswordNeeded,
    Stamp,
    is_sqlite_file,
    is_url,
)
from ..domain.campaign import Campaign
from ..domain.counting import counted
from ..domain.workspace import Workspace
from ..recovery import Recovery, autosave_failed_words, recovery_for
from ..store.urls import same_database
from .busy import busy_cursor
from .collector import settle_after_open
from .database_actions import DatabaseActions, read_held
from .file_dialogs import FileDialogs, workspace_file_name
from .json_actions import JsonActions
from .merge_box import Choice, ask_merge, merge_box
from .path_text import PathMessageBox
from .recent_files import RecentFiles
from .recovery_offers import RecoveryOffers, readable_time
from .save_merge import SaveMerge
from .session import AS_GIVEN, AsGiven, Base, Session, make_session
from .waiting import StoppedWaiting, wait_for

if TYPE_CHECKING:
    from ..io.merge import Clash
    from .main_window import MainWindow

T = TypeVar("T")
AUTOSAVE_IDLE_MS = 30_000
AUTOSAVE_RETRY_MS = 1_000  # a snapshot due during a drag: tried again this soon
LARGE_FILE_BYTES = 512 * 1024  # about 1,700 nodes: a file this big is read on a thread
# Every name Save As keeps as typed (file_dialogs.WORKSPACE_ENDINGS) is one Open lists (QA
# 22g: "plan.json" and "plan.sqlite3" were saved, then hidden)
FILE_FILTER = ("Workspaces (*.campaign.json *.json *.db *.sqlite *.sqlite3);;"
               "JSON (*.json);;All files (*)")
Button = QMessageBox.StandardButton


def _same_source(one: Document, other: Document) -> bool:
    """True when both documents are the same file (or the same database URL)."""
    mine, theirs = one.local_file(), other.local_file()
    if mine is not None and theirs is not None:
        return mine.absolute() == theirs.absolute()
    return same_database(one.source, other.source)


__all__ = ["FileActions", "readable_time"]


def is_large_file(document: Document) -> bool:
    """Whether the document is a file of LARGE_FILE_BYTES or more (read on a thread)."""
    file = document.local_file()
    try:
        return file is not None and file.stat().st_size >= LARGE_FILE_BYTES
    except OSError:
        return False  # the read says what is wrong


class FileActions(SaveMerge, DatabaseActions, JsonActions, FileDialogs, RecoveryOffers,
                  RecentFiles, QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_IDLE_MS)
        self.autosave_idle_ms = AUTOSAVE_IDLE_MS  # (tests shorten it)
        self.autosave_timer.timeout.connect(self.autosave)
        self._unsnapshotted = QElapsedTimer()
        # Unsaved edits whose snapshot went (removed by hand, or by an older copy of the
        # app) are written again: checked every autosave interval.
        self.snapshot_check = QTimer(self)
        self.snapshot_check.setInterval(AUTOSAVE_IDLE_MS)
        self.snapshot_check.timeout.connect(self.rewrite_missing_snapshot)
        self.snapshot_check.start()
        self.last_error = ""
        self.recovery_box: QMessageBox | None = None
        self._unsaved_before = "before closing it"
        self._deferred: set[Path] = set()  # snapshots the user said Not Now to, this run
        self._error_box: QMessageBox | None = None
        # Asked when closing or replacing a modified workspace: "save", "discard", "cancel".
        self.ask_unsaved: Callable[[], str] = self._ask_unsaved
        self.ask_import = self._ask_import
        self.ask_replace_database: Callable[[str], bool] = self._ask_replace_database
        # Asked when Save finds someone else's changes clashing with the user's:
        # (question, clashes) -> "mine", "theirs" or "cancel".
        self.ask_merge: Callable[[str, Sequence[Clash]], Choice] = self._ask_merge
        self.ask_replace_unreadable: Callable[[str], str] = self._ask_replace_unreadable
        # Asked when Save finds the file it read gone: (path) -> "again", "save_as", "cancel"
        self.ask_file_gone: Callable[[Path], str] = self._ask_file_gone
        # Asks for a file: (title, start path, filter, saving) -> the chosen path or "".
        self.ask_path: Callable[[str, str, str, bool], str] = self._ask_path
        self.ask_save_with_filter: Callable[..., tuple[str, str]] = self._ask_save_with_filter
        self.start_watch()  # every 30 s: has someone else saved the document?

    @property
    def session(self) -> Session:
        return self.window.session

    # -- edits and autosave ---------------------------------------------------------------
    def edited(self, _index: int = 0) -> None:
        """After each edit: autosave once editing pauses for 30 s, and at the latest 30 s
        after the first edit the last snapshot does not hold (so a crash loses <= 30 s)."""
        if not self.session.modified:  # back at the saved state: nothing to recover
            self.discard_snapshot(self.session.recovery)
            self._unsnapshotted.invalidate()
            self.autosave_timer.stop()
            self.window.update_title()
            return
        if not self._unsnapshotted.isValid():
            self._unsnapshotted.start()
        idle, elapsed = self.autosave_idle_ms, self._unsnapshotted.elapsed()
        if elapsed >= idle:
            self.autosave()
        else:  # not a full 30 s from now (QA 22: edits 28 s apart were snapshotted 59 s
            self.autosave_timer.start(idle - elapsed)  # after the first): from the first
        self.window.update_title()

    def autosave(self) -> bool:
        """Writes a recovery snapshot of unsaved edits; never touches the document. Not in
        the middle of a drag (its nodes half-way, and a drag put back with Esc pushes
        nothing that would write the snapshot again; QA 22h): soon after it."""
        session = self.session
        if not session.modified:
            return False
        scene = self.window.scene
        if scene is not None and scene.gesture_active():
            self.autosave_timer.start(AUTOSAVE_RETRY_MS)
            return False
        session.claim()  # never the snapshot another running copy holds and writes
        try:
            session.recovery.write(session.workspace, stamp=session.stamp,
                                   base=session.base.text if session.base else None)
        except OSError as exc:
            self.window.show_status(autosave_failed_words(exc, session.recovery.path.parent),
                                    lasting=True)
            return False
        self._unsnapshotted.invalidate()
        self.autosave_timer.stop()
        shown = self.window.statusBar().currentMessage()
        # never over a message being read, but over an autosave's failure, no longer so
        if not shown or shown.startswith("Autosave failed"):
            self.window.show_status("Unsaved edits kept for recovery.")
        return True

    def rewrite_missing_snapshot(self) -> bool:
        """Writes the snapshot again when the workspace has unsaved edits but its snapshot
        is gone (no autosave pending): a crash then still keeps them."""
        session = self.session
        if not session.modified or self.autosave_timer.isActive() or session.recovery.exists():
            return False
        return self.autosave()

    # -- questions -------------------------------------------------------------------------
    def unsaved_box(self) -> QMessageBox:
        """Save / Discard / Cancel, each with its mnemonic (Alt+S, Alt+D, Alt+C)."""
        box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes",
                          f"Save the changes to {self.session.title} {self._unsaved_before}?",
                          Button.Save | Button.Discard | Button.Cancel, self.window)
        box.setObjectName("unsavedBox")
        for button, text in ((Button.Save, "&Save"), (Button.Discard, "&Discard"),
                             (Button.Cancel, "&Cancel")):
            box.button(button).setText(text)
        box.setDefaultButton(Button.Save)
        box.setEscapeButton(Button.Cancel)
        return box

    def _ask_replace_unreadable(self, question: str) -> str:
        """Replace / Save As… / Cancel (the default) for a file on disk that Save cannot
        read: "replace", "save_as" or "cancel"."""
        return self._ask_or_save_as(question, "replaceUnreadableBox", "&Replace It",
                                    "replace", Button.Cancel)

    def _ask_file_gone(self, file: Path) -> str:
        """Save Here Again / Save As… (the default) / Cancel, for a file no longer where
        it was read: "again", "save_as" or "cancel"."""
        return self._ask_or_save_as(
            f"{file} is no longer there: it was moved, renamed or deleted since it was "
            "opened.\n\nSave the workspace there again, or choose where with Save As…?",
            "fileGoneBox", "Save &Here Again", "again", Button.SaveAll)

    def _ask_or_save_as(self, question: str, name: str, first: str, answer: str,
                        default: QMessageBox.StandardButton) -> str:
        """A Save question: ``first`` / Save As… / Cancel; ``answer``, "save_as" or
        "cancel"."""
        box = PathMessageBox(QMessageBox.Icon.Warning, "Save", question,
                             Button.Save | Button.SaveAll | Button.Cancel, self.window)
        box.setObjectName(name)
        box.button(Button.Save).setText(first)
        box.button(Button.SaveAll).setText("Save &As…")
        box.setDefaultButton(default)
        box.setEscapeButton(Button.Cancel)
        box.exec()
        clicked = box.standardButton(box.clickedButton())
        return {Button.Save: answer, Button.SaveAll: "save_as"}.get(clicked, "cancel")

    def _ask_unsaved(self) -> str:
        box = self.unsaved_box()
        box.exec()
        answer = box.standardButton(box.clickedButton())
        return {Button.Save: "save", Button.Discard: "discard"}.get(answer, "cancel")

    def confirm_close(self, before: str = "before closing it") -> bool:
        """True when the current workspace may be closed (saved, discarded or unchanged);
        ``before`` ends the question ("Save the changes to X before closing it?")."""
        session = self.session
        if not session.modified:
            self.discard_snapshot(session.recovery)
            return True
        self.autosave()  # a crash while the question is open loses nothing
        self._unsaved_before = before
        try:
            answer = self.ask_unsaved()
        finally:
            self._unsaved_before = "before closing it"
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.discard_snapshot(session.recovery)
            return True
        return False

    def show_error(self, message: str, save_as: bool = False) -> None:
        """One box with the problem (and the status bar); ``save_as``: a failed Save, so
        the box offers Save As… (QA: a read-only store said "cannot write" and left the
        user to think of saving elsewhere)."""
        self.last_error = message
        self.window.show_status(message)
        box = PathMessageBox(QMessageBox.Icon.Warning, "Campaign Canvas", message,
                             Button.Ok, self.window)  # paths kept whole on one line
        box.setObjectName("errorBox")
        if save_as:
            button = box.addButton("Save &As…", QMessageBox.ButtonRole.ActionRole)
            button.setObjectName("saveAsButton")
            # once the box has gone (its dialog would open over it otherwise)
            button.clicked.connect(lambda: QTimer.singleShot(0, self.save_as_dialog))
        box.open()
        self._error_box = box

    # -- documents -------------------------------------------------------------------------
    def _replace(self, workspace: Workspace, document: Document | None,
                 dirty: bool = False, stamp: Stamp | None = None,
                 base: Base | AsGiven | None = AS_GIVEN) -> None:
        """Shows ``workspace`` in a new session; ``base``: the workspace as read (by
        default ``workspace`` itself, as read or saved just now)."""
        self.session.release()
        session = make_session(workspace, document, self.window.recovery_dir, stamp, base)
        session.dirty = dirty
        self.window.bind_session(session)
        self.autosave_timer.stop()
        settle_after_open()  # GC: the shown workspace is frozen (ui/collector.py)

    def new_workspace(self) -> bool:
        if not self.confirm_close():
            return False
        workspace = Workspace()
        workspace.add_campaign(Campaign("campaign-1", "Campaign 1"))
        self._replace(workspace, None)
        self.window.show_status("New untitled workspace; Save As keeps it in a file or "
                                "database.")
        return True

    def open_source(self, source: str) -> bool:
        """Opens ``source`` (and offers edits a crash left of it). The file is read and
        checked first: only one that opens leads to the question about unsaved changes,
        and a Cancel there leaves the open workspace as it was."""
        document = Document(source)
        try:
            workspace, stamp = self.read_document(document)
        except StoppedWaiting:
            self.window.show_status(f"Stopped waiting for {document.title}: not opened.")
            return False
        except PasswordNeeded as exc:  # asked for, then opened (as Open Database does)
            self.ask_password(exc, source, "Open Database", self.open_database)
            return False
        except DocumentError as exc:
            self.show_error(str(exc))
            return False
        current = self.session.document
        reopening = current is not None and _same_source(current, document)
        had_edits = self.session.modified
        if not self.confirm_close():
            return False
        if reopening and had_edits:  # saved just now, or discarded: read what is there now
            try:
                workspace, stamp = self.read_document(document)
            except StoppedWaiting:
                self.window.show_status(f"Stopped waiting for {document.title}: not opened.")
                return False
            except DocumentError as exc:
                self.show_error(str(exc))
                return False
        self._opened(workspace, document, stamp)
        return True

    def read_document(self, document: Document) -> tuple[Workspace, Stamp | None]:
        """The document's workspace and stamp; a server's read, or a large file's, while
        the window waits (it may stop waiting: :class:`StoppedWaiting`). A file of 12,000
        nodes (3.5 MB) takes a second or two to read and check: the window froze for it,
        not even repainting; now it repaints, and says what it waits for."""
        if is_large_file(document):
            return wait_for(self.window, f"Opening {document.title}…", document.load_stamped,
                            can_stop=True)
        return self.on_server(document, f"Connecting to {document.title}…",
                              document.load_stamped, can_stop=True)

    def on_server(self, document: Document, saying: str, work: Callable[[], T],
                  can_stop: bool = False) -> T:
        """``work`` on the document: on a server's, run while the window waits (it repaints,
        and after a moment says ``saying``); on a file, at once."""
        if document.local_file() is not None or not is_url(document.source):
            return work()
        return wait_for(self.window, saying, work, can_stop)

    def _opened(self, workspace: Workspace, document: Document, stamp: Stamp | None,
                recover: Recovery | None = None) -> None:
        """Shows a workspace just opened (read at ``stamp``); with ``recover``, restores
        that snapshot at once instead of asking (the user already chose to recover it)."""
        self._replace(workspace, document, stamp=stamp)
        self.add_recent(document.source)
        self.window.show_status(f"Opened {document.title}.{self._errors_note()}")
        if recover is not None and recover.exists():
            self.restore_recovery(recover)
        else:
            self.offer_recovery()

    def open_dialog(self) -> None:
        path = self.ask_path("Open workspace", str(self.start_directory()), FILE_FILTER, False)
        if path:
            self.remember_folder(path)
            self.open_source(path)

    def save(self, replace: bool = False) -> bool:
        """Writes the workspace to its document; ``replace``: Save As over a file the user
        chose to replace, which is replaced whole."""
        self.window.view.keep_name_editor()  # a name being typed is part of what is saved
        self.window.view.end_press()  # and a drag under way ends where it is (QA 22h)
        session = self.session
        if session.document is None:
            return self.save_as_dialog()
        file = session.document.local_file()
        if not replace and session.stamp is not None and file is not None \
                and not file.exists():  # (QA 22f: Save made a second copy where it was)
            answer = self.ask_file_gone(file)
            if answer == "save_as":
                return self.save_as_dialog()
            if answer != "again":
                return False
        expected = None if replace else session.stamp
        size = sum(len(c) for c in session.workspace.campaigns)
        try:
            with busy_cursor(size):  # a second or so at 10,000 nodes
                # one text: a JSON file's, and what the next merge starts from
                base = Base.of(session.workspace)
                stamp = self.on_server(
                    session.document, f"Saving to {session.document.title}…",
                    lambda: session.document.save(session.workspace, replace, expected,
                                                  base.text))
        except DocumentConflict as conflict:  # someone else saved since: merged with theirs
            return self.save_over_theirs(conflict)
        except PasswordNeeded as exc:  # asked for, then saved
            self.ask_password(exc, session.document.source, "Save to Database",
                              self.save_with_password)
            return False
        except DocumentError as exc:
            self.show_error(str(exc), save_as=True)
            return False
        session.stamp = stamp
        session.base = base  # what the next merge starts from
        session.undo_stack.setClean()
        session.dirty = False
        self.discard_snapshot(session.recovery)
        self.autosave_timer.stop()
        self._unsnapshotted.invalidate()
        self.window.update_title()
        self.window.show_status(f"Saved {session.document.title}.{self._errors_note()}")
        return True

    def conflict_box(self, question: str, clashes: Sequence[Clash] = ()) -> QMessageBox:
        """The question Save asks when someone else's changes clash with the user's:
        Keep Mine / Keep Theirs / Cancel (the default)."""
        return merge_box(question, clashes, self.session.title, self.window)

    def _ask_merge(self, question: str, clashes: Sequence[Clash]) -> Choice:
        return ask_merge(question, clashes, self.session.title, self.window)

    def restore_recovery(self, snapshot: Recovery | None = None) -> bool:
        """As :meth:`RecoveryOffers.restore_recovery`; the restored edits' base is the one
        the snapshot keeps (what they were made on), or for a snapshot without one the
        document as it is now when it is still as the snapshot's session read it, else not
        known (a later save that meets someone else's then asks about the whole)."""
        try:  # read before the snapshot may go (kept under the document's own name)
            kept = (snapshot or self.session.recovery).base()
        except DocumentError:
            kept = None
        if not super().restore_recovery(snapshot):
            return False
        session = self.session
        if kept is not None:  # what the edits were made on: merged with theirs on Save
            session.base = Base(kept)
            return True
        session.base = None
        if session.document is not None and session.stamp is not None and \
                session.document.stamp() == session.stamp:
            try:
                workspace, stamp = session.document.load_stamped()
            except DocumentError:
                return True
            if stamp == session.stamp:
                session.base = Base.of(workspace)
        return True

    def _errors_note(self) -> str:
        """" It has 2 errors: see Warnings." (and the Warnings panel comes forward) when
        the workspace has errors, which its own checks would refuse elsewhere; else ""."""
        errors = sum(1 for f in self.session.controller.findings() if f.severity == "error")
        if not errors:
            return ""
        self.window.docks["lint"].raise_()
        return (f" It has {counted(errors, 'error')} to fix before it can be "
                "simulated, validated or imported: see Warnings.")

    def save_as(self, source: str, keep_held: bool = True) -> bool:
        """Writes the workspace to ``source`` and works on it from now on. A file the
        dialog asked to replace is replaced whole; a SQLite store's workspace there is
        first kept in the data folder's backups (``keep_held``; QA 21: Save As over a
        team's .db kept nothing, Save to Database over a server did)."""
        session = self.session
        previous, previous_recovery = session.document, session.recovery
        target = Document(source)
        file = target.local_file()
        own = previous.local_file() if previous is not None else None
        # A file the dialog asked to replace is replaced whole (not the open one's own).
        replace = file is not None and file.exists() and \
            (own is None or file.absolute() != own.absolute())
        if keep_held and replace and file is not None and is_sqlite_file(file):
            stamp, theirs = read_held(target)
            kept = self.keep_held(target, theirs) if stamp and stamp.revision else True
            if kept is False:
                return False
            if isinstance(kept, Path):
                return self.save_and_say_kept(source, kept)
        previous_stamp = session.stamp
        session.document, session.stamp = target, None  # another place: no check
        session.set_recovery(recovery_for(session.document, self.window.recovery_dir))
        if not self.save(replace=replace):
            session.document, session.stamp = previous, previous_stamp
            session.set_recovery(previous_recovery)
            return False
        self.discard_snapshot(previous_recovery)
        self.add_recent(session.document.source)
        return True

    def save_as_dialog(self) -> bool:
        path = self.ask_save_path("Save workspace as", self._start_path(), FILE_FILTER,
                                  workspace_file_name)
        return self.save_as(path) if path else False

