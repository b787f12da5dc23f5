"""Save when someone else saved the document since this window read it, and the watch for
their saves while the window is idle; part of :class:`~.file_actions.FileActions`.

Save then reads theirs and merges it with the user's workspace against the one this
window read or last saved (its session's ``base``; :func:`canvas_app.io.merge.merge_workspaces`).
Changes that do not clash combine by themselves and are saved with no question; clashes
are asked about (:mod:`.merge_box`: Keep Mine, Keep Theirs, Cancel). The window then shows
what was saved, on the campaign and at the zoom and place it showed.

Every 30 s a window with no unsaved changes that sees the document changed (its stamp: one
query, or a file's status) reads it again quietly; one with unsaved changes only says so in
the status bar, once for each new save of theirs. A timer never opens a box.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ..documents import (
    Document,
    DocumentConflict,
    DocumentError,
    Stamp,
    UnreadableDocument,
    is_sqlite_file,
)
from ..domain.counting import counted
from .busy import busy_cursor
from .canvas.view_places import ViewPlace as CampaignPlace
from .merge_box import Choice, changed_at_question, saved_at, unknown_base_clash
from .session import AsGiven, Base, Session
from .waiting import waiting

if TYPE_CHECKING:
    from ..domain.workspace import Workspace
    from ..io.merge import Clash, Merged
    from ..recovery import Recovery
    from .main_window import MainWindow

WATCH_MS = 30_000  # how often an idle window looks for someone else's save
MERGED_TRIES = 2  # merged saves met by yet another save before the question is asked
TRIES_AFTER_CHOICE = 3  # saves after Keep Mine or Keep Theirs, each met by another save

__all__ = ["WATCH_MS", "SaveMerge", "ViewPlace"]


@dataclass(frozen=True)
class ViewPlace:
    """The campaign a window shows, and where its view looks: kept across reading the
    workspace again."""

    campaign_id: str | None
    place: CampaignPlace

    @classmethod
    def of(cls, window: MainWindow) -> ViewPlace:
        return cls(window.current_campaign_id(), CampaignPlace.of(window.view))

    def restore(self, window: MainWindow) -> None:
        shown = self.campaign_id
        if shown is None or not window.controller.workspace.has_campaign(shown):
            return  # gone in their version: the window shows what the list chose
        if window.current_campaign_id() != shown:
            window.campaign_list.select(shown)
        if self.place.fitted or window.current_campaign_id() != shown:
            return
        self.place.restore(window.view)


T = TypeVar("T")

class _StampSeen(QObject):
    """Brings a stamp read on the watch's thread back to the window's (a queued signal)."""

    seen = Signal(object, object)  # the document, its stamp (None: it could not be read)


def stamp_time(stamp: Stamp) -> datetime:
    """When a document got ``stamp``: a file's time; a store's save time as the store has
    it (the clash box says the same: QA saw 09:17 in the notice, 09:16 in the box); else
    now, when this window sees it (within the watch's 30 s)."""
    if stamp.saved_at is not None:
        return stamp.saved_at.astimezone()
    if stamp.mtime_ns is not None:
        return datetime.fromtimestamp(stamp.mtime_ns / 1e9).astimezone()
    return datetime.now().astimezone()


# Up to this many nodes, a save taken in while idle is listed as a merge lists it: the
# listing compares the whole workspace (about 0.15 s at 1,000 nodes, 1.1 s at 10,000, on
# top of reading it); larger, the window only says that changes came in.
LIST_CHANGES_MAX_NODES = 1000


def their_changes(shown: Workspace, theirs: Workspace) -> list[str]:
    """What ``theirs`` changed in the workspace ``shown``, a line each, in a merge's words
    ('renamed sequence "Nurture" to "Spring nurture"'); none listed for a workspace of
    more than LIST_CHANGES_MAX_NODES nodes."""
    from ..io.merge import merge_workspaces

    if sum(len(c) for c in shown.campaigns) > LIST_CHANGES_MAX_NODES:
        return []
    return merge_workspaces(shown, shown, theirs).taken


class SaveMerge:
    """Needs from FileActions: ``window``, ``session``, ``show_error``, ``_replace``,
    ``discard_snapshot``, ``_errors_note``, ``autosave_timer`` and ``_unsnapshotted``."""

    window: MainWindow
    autosave_timer: QTimer
    _unsnapshotted: QElapsedTimer
    # Asked when a save clashes with someone else's: (question, clashes) -> the choice.
    ask_merge: Callable[[str, Sequence[Clash]], Choice]
    # Asked when Save finds the file on disk unreadable: (question) -> "replace",
    # "save_as" or "cancel".
    ask_replace_unreadable: Callable[[str], str]

    if TYPE_CHECKING:
        @property
        def session(self) -> Session: ...
        def show_error(self, message: str) -> None: ...
        def on_server(self, document: Document, saying: str, work: Callable[[], T],
                      can_stop: bool = False) -> T: ...
        def discard_snapshot(self, recovery: Recovery) -> bool: ...
        def _errors_note(self) -> str: ...
        def save(self, replace: bool = False) -> bool: ...
        def save_as_dialog(self) -> bool: ...
        def _replace(self, workspace: Workspace, document: Document | None,
                     dirty: bool = False, stamp: Stamp | None = None,
                     base: Base | AsGiven | None = ...) -> None: ...

    def start_watch(self) -> None:
        self._noticed: Stamp | None = None  # their save the status bar told of
        self._told_unreadable_store = False  # the SQLite file is no database: said
        # the session and its stamp when the lasting notice of their save was shown: it
        # goes once either changes (a save, their changes taken in, another workspace)
        self._notice_for: tuple[Session, Stamp | None] | None = None
        self._looking = False  # a stamp is being read on the watch's thread
        self._stamp_seen = _StampSeen(self.window)
        self._stamp_seen.seen.connect(self._stamp_arrived)
        self.change_check = QTimer(self.window)
        self.change_check.setInterval(WATCH_MS)
        self.change_check.timeout.connect(self.look_for_changes)
        self.change_check.start()

    def look_for_changes(self) -> None:
        """The watch's timer: reads the document's stamp on a thread of its own (a server
        that does not answer takes 10 s to fail: the window must not freeze meanwhile),
        then :meth:`check_for_changes` with it, back on the window's thread."""
        session = self.session
        document = session.document
        if self._looking or document is None or session.stamp is None:
            return
        self._looking = True
        seen = self._stamp_seen.seen

        def look() -> None:
            try:
                now = document.stamp()
            except Exception:  # noqa: BLE001 (a watch: Open and Save say what is wrong)
                now = None
            with contextlib.suppress(RuntimeError):  # the window has gone meanwhile
                seen.emit(document, now)

        threading.Thread(target=look, name="document-watch", daemon=True).start()

    def _stamp_arrived(self, document: Document, now: Stamp | None) -> None:
        self._looking = False
        if now is not None and self.session.document is document:
            self.check_for_changes(now)

    # -- Save meets someone else's save ----------------------------------------------------
    def save_over_theirs(self, conflict: DocumentConflict) -> bool:
        """Save found ``conflict``: merges theirs with the user's workspace and saves the
        result, asking only about clashes (or after saves of theirs kept coming between the
        merge and its save); True when saved."""
        session = self.session
        document = session.document
        assert document is not None  # an untitled workspace has no one else's save
        size = sum(len(c) for c in session.workspace.campaigns)
        question = changed_at_question(session.title, conflict.changed_at,
                                       session.stamp.mtime_ns if session.stamp else None)
        when = conflict.changed_at
        base = session.base.workspace() if session.base is not None else None
        prefer: Choice | None = None
        for attempt in range(MERGED_TRIES + TRIES_AFTER_CHOICE):
            try:
                with busy_cursor(size):
                    theirs, their_stamp = self.on_server(
                        document, f"Reading {session.title}…", document.load_stamped)
                    merged = self._merged(base, theirs, prefer or "mine")
            except UnreadableDocument as exc:
                return self.save_over_unreadable(exc)
            except DocumentError as exc:
                self.show_error(str(exc))
                return False
            if prefer is None and (merged.clashes or attempt >= MERGED_TRIES):
                prefer = self.ask_merge(question, merged.clashes)
                if prefer == "cancel":
                    told = (f"Not saved. Your edits are still here; {session.title}'s "
                            "changes by someone else are not taken in yet: Save again to "
                            "choose.")
                    self.window.show_status(told)
                    # the lasting word is of their save still to come in, not of one taken
                    # in before (QA: it still said "Took in changes saved at 09:18")
                    self._show_notice(f"Changed by someone else at {saved_at(when)}"
                                      if when is not None else "Changed by someone else",
                                      told)
                    return False
                if merged.clashes:
                    with busy_cursor(size):
                        merged = self._merged(base, theirs, prefer)
            try:
                with busy_cursor(size):
                    stamp = self.on_server(
                        document, f"Saving to {session.title}…",
                        partial(document.save, merged.workspace, False, their_stamp))
            except DocumentConflict as again:
                when = again.changed_at or when
                continue
            except DocumentError as exc:
                self.show_error(str(exc))
                return False
            self._show_merged(merged, stamp, when,
                              prefer if prefer != "cancel" and merged.clashes else None)
            return True
        self.window.show_status(f"Not saved: {session.title} kept being saved by someone "
                                "else meanwhile. Save again to take their changes in.")
        return False

    def save_over_unreadable(self, problem: UnreadableDocument) -> bool:
        """Save found the file on disk changed into something that is no workspace (cut
        short, edited outside the app): the user's workspace may replace it, or go to
        another file (QA: every Save showed only the file's error, and saved nothing;
        only Save As got the work out). True when saved."""
        title = self.session.title
        question = (f"{title} was changed on disk and can no longer be read as a "
                    f"workspace:\n{problem}\n\nReplace it with your workspace as it is here, "
                    "or save yours to another file?")
        answer = self.ask_replace_unreadable(question)
        if answer == "replace":
            return self.save(replace=True)
        if answer == "save_as":
            return self.save_as_dialog()
        self.window.show_status(f"Not saved. Your edits are still here; {title} on disk is as "
                                "it was.")
        return False

    def _merged(self, base: Workspace | None, theirs: Workspace, prefer: Choice) -> Merged:
        """Theirs merged with the user's workspace against ``base``; with no base (edits
        restored after a crash, read before their save) the whole workspace clashes."""
        from ..io.merge import Merged, merge_workspaces

        mine = self.session.workspace
        if base is not None:
            return merge_workspaces(base, mine, theirs,
                                    prefer="theirs" if prefer == "theirs" else "mine")
        if prefer == "theirs":
            return Merged(theirs, ["their version of the whole workspace"],
                          [unknown_base_clash()])
        return Merged(mine, [], [unknown_base_clash()])

    def _show_merged(self, merged: Merged, stamp: Stamp | None, when: datetime | None,
                     prefer: Choice | None) -> None:
        """After the merged workspace was saved (at ``stamp``): the window shows it, and
        the status bar says what of theirs came in."""
        had_history = self._take_in(merged.workspace, stamp)
        at = f" at {saved_at(when)}" if when is not None else ""
        kept = {"mine": ", keeping your version where yours and theirs clashed",
                "theirs": ", keeping their version where yours and theirs clashed"}
        message = f"Saved{kept.get(prefer or '', '')}."
        # their side of each clash kept is theirs taken in too (QA: after Keep Theirs it
        # said "nothing of theirs was new here")
        taken = merged.taken + ([f"{c.where}: {c.theirs}" for c in merged.clashes]
                                if prefer == "theirs" else [])
        # theirs where mine was kept: said, not "nothing of theirs was new" (QA 22b: their
        # new step had just been dropped)
        dropped = [f"{c.where}: {c.theirs}" for c in merged.clashes] if prefer == "mine" \
            else []
        if taken:
            message += (f" Taken in {counted(len(taken), 'change')} someone else "
                        f"saved{at}: {'; '.join(taken)}.")
        elif not dropped:
            message += f" Someone else saved{at}; nothing of theirs was new here."
        if dropped:
            message += (f" Not kept of what someone else saved{at}: "
                        f"{'; '.join(dropped)}.")
        if had_history:
            message += " Undo starts again from here."
        self.window.show_status(f"{message}{self._errors_note()}")
        if taken or dropped:  # what came in, whole, after the message has gone (QA: 8 s)
            label = "Took in changes" if taken else "Kept yours over changes"
            self._show_notice(f"{label} saved{at}", message)

    def _take_in(self, workspace: Workspace, stamp: Stamp | None) -> bool:
        """The window shows ``workspace``, as saved or read now at ``stamp``, on the same
        campaign and at the same place; True when the undo history went with it (the
        session is made again, as after an import), False when nothing had to change."""
        session = self.session
        self.discard_snapshot(session.recovery)
        self.autosave_timer.stop()
        self._unsnapshotted.invalidate()
        if workspace is session.workspace or workspace == session.workspace:
            session.stamp, session.base = stamp, Base.of(session.workspace)
            session.undo_stack.setClean()
            session.dirty = False
            self.window.update_title()
            return False
        had_history = session.undo_stack.count() > 0
        place = ViewPlace.of(self.window)
        self._replace(workspace, session.document, stamp=stamp)
        place.restore(self.window)
        self.window.update_title()
        return had_history

    # -- someone else's save seen while idle -----------------------------------------------
    def check_for_changes(self, now: Stamp | None = None) -> bool:
        """Looks whether someone else saved the document (its stamp ``now``, read here when
        not given): an unchanged window reads it again, one with unsaved changes (or a
        simulation loaded) says so once per save. True when it did either. Waits while a
        box is open, a mouse button is held or a name is being edited."""
        session = self.session
        document = session.document
        if document is None or session.stamp is None or self._interacting():
            return False
        if now is None:
            now = document.stamp()
        if now is None:
            return self._store_file_unreadable(document)
        self._told_unreadable_store = False  # it reads again
        if now == session.stamp:
            return False
        at = saved_at(stamp_time(now))
        if session.modified or self.window.simulation_panel.runner.loaded:
            if now == self._noticed:
                return False
            self._noticed = now
            unreadable = self._unreadable(document)
            if unreadable is not None:  # not someone else's save: no workspace at all
                self._say_unreadable(unreadable)  # (QA: "Save takes their changes in")
                return True
            if session.modified:
                told = (f"{session.title} was changed by someone else at {at}; Save takes "
                        "their changes in with yours.")
            else:  # read again, the run on show would be of a workspace no longer shown
                told = (f"{session.title} was changed by someone else at {at}; Save "
                        "(Ctrl+S) takes their changes in, and ends the simulation on show.")
            self.window.show_status(told)
            self._show_notice(f"Changed by someone else at {at}", told)
            return True
        try:
            workspace, stamp = document.load_stamped()
        except UnreadableDocument as exc:  # said once per change (QA: not at all)
            if now == self._noticed:
                return False
            self._noticed = now
            self._say_unreadable(exc)
            return True
        except DocumentError:
            return False  # quietly: Open or Save says what is wrong
        if self.session is not session:
            return False
        if workspace == session.workspace:  # saved as it was (or touched): nothing new
            session.stamp, session.base = stamp, Base.of(workspace)
            self.refresh_notice()  # a word of it unreadable goes (QA: it stayed for good)
            return False
        came = their_changes(session.workspace, workspace)
        had_history = self._take_in(workspace, stamp)
        note = " Undo starts again from here." if had_history else ""
        # what came in, as a merge says it (QA: only "Taken in changes someone else saved
        # at 09:26.", its tooltip the same)
        what = f" {counted(len(came), 'change')}" if came else " changes"
        told = (f"Taken in{what} someone else saved at {at}"
                f"{': ' + '; '.join(came) if came else ''}.{note}")
        self.window.show_status(told)
        self._show_notice(f"Took in changes saved at {at}", told)
        return True

    def _store_file_unreadable(self, document: Document) -> bool:
        """The window's SQLite file is no database any more (written over, damaged): said
        once, as a JSON file that no longer reads is (QA 21: nothing was said until Save).
        A store that cannot be read for a while (a server out of reach, a file locked by a
        save) is not: its file is still a database."""
        file = document.local_file()
        if document.kind != "store" or file is None or not file.is_file() or \
                is_sqlite_file(file) or self._told_unreadable_store:
            return False
        self._told_unreadable_store = True
        told = (f"{self.session.title} was changed on disk and is no longer a database "
                "this app can read. Your workspace here is as it was: Save As keeps it in "
                "another file.")
        self.window.show_status(told)
        self._show_notice("File on disk unreadable", told)
        return True

    @staticmethod
    def _unreadable(document: Document) -> UnreadableDocument | None:
        """Why a JSON file changed on disk is no workspace now; None when it is one (or is
        no file: a database's change is someone else's save)."""
        if document.kind != "json":
            return None
        try:
            document.load_stamped()
        except UnreadableDocument as exc:
            return exc
        except DocumentError:
            return None
        return None

    def _say_unreadable(self, problem: UnreadableDocument) -> None:
        told = (f"{self.session.title} was changed on disk and can no longer be read as a "
                f"workspace ({problem}). Your workspace here is as it was: Save asks whether "
                "to write it over the file, or Save As to another.")
        self.window.show_status(told)
        self._show_notice("File on disk unreadable", told)

    def _show_notice(self, text: str, told: str) -> None:
        """A lasting word in the status bar beside the zoom, the sentence ``told`` as its
        tooltip (QA: the 8 s message was gone before anyone read it): someone else's save
        not yet in this window, until it saves or takes it in; what a merge or a reading
        took in, until the next save or reading."""
        label = self.window.teammate_label
        label.setText(text)
        label.setToolTip(told)
        label.show()
        self._notice_for = (self.session, self.session.stamp)
        QTimer.singleShot(0, self.window, self.window.refit_status)  # less room beside it

    def refresh_notice(self) -> None:
        """Takes the lasting notice away once it is out of date (called as the title is)."""
        if self._notice_for is not None and \
                self._notice_for != (self.session, self.session.stamp):
            self._notice_for = None
            self.window.teammate_label.hide()
            QTimer.singleShot(0, self.window, self.window.refit_status)  # more room

    def _interacting(self) -> bool:
        return waiting() or self._box_open() or \
            QApplication.mouseButtons() != Qt.MouseButton.NoButton or \
            self.window.view.name_editor is not None or \
            self.window.campaign_list.delegate.open_editor() is not None  # (QA 22b)

    def _box_open(self) -> bool:
        """A modal box shown over this window, or over every window; not one left open by
        another window (a closed window's error box kept this one from ever looking)."""
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible() or not widget.isModal():
                continue
            if widget.windowModality() == Qt.WindowModality.ApplicationModal:
                return True
            owner = widget.parentWidget()
            if owner is not None and owner.window() is self.window:
                return True
        return False
