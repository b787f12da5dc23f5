"""Crash recovery's questions: the edits a crash (or a copy of the app that did not close
normally) left in recovery snapshots, offered at start without blocking.

Every offer is the same question: what was kept and when, then "&Restore Them" (or "&Open
It" for an untitled workspace), "&Discard Them" and "&Not Now". Not Now keeps the snapshot
for the next start. A snapshot that another running copy is writing is never offered nor
removed (see :func:`~.session.held_by_another_copy`). Each untitled workspace has a snapshot
of its own, so several may be left: they are offered one after the other, newest first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from ..documents import Document, DocumentError, PasswordNeeded, settings_key
from ..recovery import (
    Recovery,
    autosave_failed_words,
    other_recoveries,
    recovery_for,
    untitled_recoveries,
)
from .path_text import PathMessageBox
from .recent_files import safe_source
from .session import (
    UNTITLED,
    Session,
    held_by_another_copy,
    make_session,
    remove_stale_untitled_locks,
)

if TYPE_CHECKING:
    from ..documents import Stamp
    from ..domain.workspace import Workspace
    from .main_window import MainWindow

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# True of a crash, a kill, and a start after Not Now (QA 22: "did not close normally" was
# said after a normal quit that kept edits offered for later)
CRASHED = "Campaign Canvas was closed with edits not saved."


def same_document(recovery: Recovery, document: Document) -> bool:
    """Whether the snapshot is of ``document`` (its source kept without a password)."""
    return settings_key(recovery.document.source) == settings_key(document.source)


def readable_time(stamp: str, zone: tzinfo | None = None) -> str:
    """An ISO timestamp as people read it, in local time (or ``zone``): "22 Nov 2026 17:37".
    A stamp without a zone is taken as local; one that does not parse is shown as it is."""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if when.tzinfo is not None or zone is not None:
        when = when.astimezone(zone)
    return f"{when.day} {MONTHS[when.month - 1]} {when.year} {when:%H:%M}"


class RecoveryOffers:
    """The recovery part of :class:`~.file_actions.FileActions`, which gives it
    ``window``, ``session``, ``show_error``, ``confirm_close``, ``_replace`` and
    ``_opened``."""

    window: MainWindow
    recovery_box: QMessageBox | None
    _deferred: set[Path]

    if TYPE_CHECKING:
        @property
        def session(self) -> Session: ...
        def show_error(self, message: str) -> None: ...
        def confirm_close(self, before: str = "before closing it") -> bool: ...
        def ask_password(self, refusal: PasswordNeeded, url: str, title: str,
                         then: Callable[[str], object]) -> object: ...
        def _replace(self, workspace: Workspace, document: Document | None,
                     dirty: bool = False, stamp: Stamp | None = None) -> None: ...
        def _opened(self, workspace: Workspace, document: Document, stamp: Stamp | None,
                    recover: Recovery | None = None) -> None: ...

    def discard_snapshot(self, recovery: Recovery) -> bool:
        """Removes a snapshot, unless another running copy of the app is writing it (its
        live snapshot is not ours to remove); False when it stays."""
        if held_by_another_copy(recovery):
            return False
        return recovery.discard()

    def _ask_recovery(self, text: str, object_name: str, answered: Callable[[str], None],
                      open_text: str = "&Restore Them", discard_text: str = "&Discard Them",
                      whole: Iterable[str] = ()) -> QMessageBox:
        """Asks, without blocking, ``open_text`` / ``discard_text`` / Not Now; ``answered``
        gets "open", "discard" or "later" (Not Now, Esc, or the box closed). The text's
        paths, and the names and times in ``whole``, are never broken across lines."""
        box = PathMessageBox(QMessageBox.Icon.Question, "Recover unsaved edits?", text,
                             QMessageBox.StandardButton.NoButton, self.window, whole=whole)
        box.setObjectName(object_name)
        buttons = {
            box.addButton(open_text, QMessageBox.ButtonRole.AcceptRole): "open",
            box.addButton(discard_text, QMessageBox.ButtonRole.DestructiveRole): "discard"}
        later = box.addButton("&Not Now", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(next(iter(buttons)))
        box.setEscapeButton(later)
        box.finished.connect(lambda _result: answered(buttons.get(box.clickedButton(),
                                                                  "later")))
        box.open()
        self.recovery_box = box
        return box

    def _kept(self, recovery: Recovery) -> str | None:
        """When the snapshot's edits were kept ("23 Nov 2026 18:15"), None for a snapshot
        that cannot be read: it is set aside under a name never offered, and a box says
        so and where (QA 21: it was removed with a word in the status bar)."""
        try:
            return readable_time(recovery.saved_at())
        except DocumentError as exc:
            aside = recovery.set_aside_unreadable()
            if aside is None:  # it stays, out of this session's way
                self._deferred.add(recovery.path)
            kept = f"It stays as {recovery.path}." if aside is None else \
                f"The file is kept as {aside}."
            self.show_error(f"Unsaved edits a crash left behind cannot be restored: "
                            f"{str(exc).rstrip('.')}. {kept}")
            return None

    # -- the current document's edits --------------------------------------------------------
    def offer_recovery(self) -> QMessageBox | None:
        """Asks (without blocking) whether to restore edits a crash left behind: first the
        current document's, then an untitled workspace's, then other documents'."""
        recovery = self.session.recovery
        if recovery.file is not None and not recovery.exists() and \
                recovery.document.source != UNTITLED:
            # This session writes a snapshot of its own (the document's was locked when it
            # began): the document's own, when no running copy holds it, comes first.
            main = recovery_for(recovery.document, recovery.folder)
            if main.exists():
                recovery = main
        if not recovery.exists() or held_by_another_copy(recovery):
            return self.offer_untitled_recovery()
        when = self._kept(recovery)
        if when is None:  # unreadable: set aside, and said
            return self.offer_untitled_recovery()

        def answered(choice: str) -> None:
            if choice == "open":
                self.restore_recovery(recovery)
            elif choice == "discard":
                self.discard_snapshot(recovery)
            else:  # out of this session's way, which would overwrite or remove it
                self._deferred.add(recovery.set_aside().path)
            self.offer_untitled_recovery()

        return self._ask_recovery(
            f"{CRASHED} Unsaved edits to {self.session.title} were kept at {when}.\n\n"
            "Restore them?", "recoveryBox", answered, whole=(self.session.title, when))

    def restore_recovery(self, snapshot: Recovery | None = None) -> bool:
        """Puts the snapshot's edits (by default the document's own) into the window,
        unsaved; one found under another name is kept under the document's own."""
        session = self.session
        snapshot = snapshot or session.recovery
        try:
            workspace = snapshot.load()
        except DocumentError as exc:
            # Kept for the next start, out of this session's way: it would remove the
            # snapshot as it closes unchanged (QA: the edits were lost for good).
            aside = snapshot.set_aside() if snapshot.exists() else snapshot
            if aside is snapshot:
                self.show_error(str(exc))
                return False
            self._deferred.add(aside.path)
            self.show_error(f"{str(exc).rstrip('.')}. The unsaved edits are kept in "
                            f"{aside.path} and offered again at the next start.")
            return False
        # Checked on Save against the document as the crashed session knew it: a change
        # someone else made before the crash is still caught.
        stamp = snapshot.stamp() or session.stamp
        base = snapshot.base()
        session.release()
        restored = make_session(workspace, session.document, self.window.recovery_dir, stamp)
        restored.dirty = True
        self.window.bind_session(restored)
        if snapshot.path != restored.recovery.path:
            try:
                restored.recovery.write(workspace, stamp=stamp, base=base)
            except OSError:
                pass
            else:
                self.discard_snapshot(snapshot)
        self.window.show_status("Unsaved edits restored; save to keep them.")
        return True

    # -- untitled workspaces left by a crash -------------------------------------------------
    def untitled_recoveries(self) -> list[Recovery]:
        """The untitled workspaces' snapshots to offer, newest first: each copy of the app
        keeps its own, so every one left by a copy no longer running is here (not this
        window's own, nor those another running copy holds or Not Now deferred)."""
        own = self.session.recovery.path
        return [recovery for recovery in untitled_recoveries(self.window.recovery_dir,
                                                             self._deferred | {own})
                if not held_by_another_copy(recovery)]

    def offer_untitled_recovery(self) -> QMessageBox | None:
        """When copies of the app crashed with untitled workspaces never saved, offers to
        open them, newest first, one question each. One replaces the current workspace
        only when that has no unsaved changes; the others then stay, offered when a
        workspace is next opened or at the next start."""
        remove_stale_untitled_locks(self.window.recovery_dir)
        found = self.untitled_recoveries()
        if not found:
            return self.offer_other_recovery()
        if self.session.modified:
            kept = ("An untitled workspace that was never saved is also kept; it is"
                    if len(found) == 1 else f"{len(found)} untitled workspaces that were "
                    "never saved are also kept; they are")
            self.window.show_status(f"{kept} offered again at the next start.")
            return None
        recovery = found[0]
        when = self._kept(recovery)
        if when is None:  # unreadable: set aside, and said
            return self.offer_untitled_recovery()
        more = len(found) - 1
        also = (f"\n\n{more} other untitled workspace{'s are' if more > 1 else ' is'} "
                "also kept; offered next." if more else "")

        def answered(choice: str) -> None:
            if choice == "open":
                self.restore_untitled(recovery)
                return
            if choice == "discard":
                self.discard_snapshot(recovery)
            else:
                self._deferred.add(recovery.path)
            self.offer_untitled_recovery()

        return self._ask_recovery(
            f"{CRASHED} An untitled workspace, never saved, was kept at {when}.\n\n"
            f"Open it in place of {self.session.title}? {self.session.title} has no "
            f"unsaved changes.{also}",
            "untitledRecoveryBox", answered, open_text="&Open It", discard_text="&Discard It",
            whole=(self.session.title, when))

    def restore_untitled(self, recovery: Recovery | None = None) -> bool:
        """Opens an untitled workspace a crash left behind (by default the newest), with
        its edits unsaved. They are kept under this window's own untitled snapshot before
        the old one goes, so a crash in between loses nothing."""
        if recovery is None:
            found = self.untitled_recoveries()
            if not found:
                return False
            recovery = found[0]
        moved = self._open_untitled_from(recovery)
        if moved is None:
            return False
        if not moved:  # the old snapshot stays: offered again at the next start
            return True
        remove_stale_untitled_locks(self.window.recovery_dir)
        left = len(self.untitled_recoveries())
        then = (f" {left} other untitled workspace{'s' if left > 1 else ''} also kept "
                f"{'are' if left > 1 else 'is'} offered when you next open a workspace, or "
                "at the next start." if left else "")
        self.window.show_status(f"Untitled workspace restored; use Save As to keep it.{then}")
        return True

    # -- another document's edits, when the app was started on a different one ---------------
    def offer_other_recovery(self) -> QMessageBox | None:
        """Unsaved edits to another document that a crash left behind (the app started on
        a different one): offers to open that document with them. Asked only while the
        current workspace has no unsaved changes; otherwise offered at the next start."""
        skip = {UNTITLED} | ({self.session.document.source} if self.session.document else set())
        own = self.session.recovery.path
        others = [other for other in other_recoveries(self.window.recovery_dir, skip)
                  if other.path not in self._deferred and other.path != own
                  and not held_by_another_copy(other)]
        if not others:
            return None
        if self.session.modified:
            mine = self.session.document is not None and any(
                same_document(other, self.session.document) for other in others)
            if mine:  # two copies of the app had it open: the other's edits, asked now
                return self.offer_other_copy(next(
                    other for other in others
                    if same_document(other, self.session.document)))
            return None
        recovery = others[0]
        file = recovery.document.local_file()
        if file is not None and not file.exists():  # moved, renamed or deleted since
            return self.offer_as_untitled(recovery, f"{file}: no such file")
        name = recovery.document.title
        when = self._kept(recovery)
        if when is None:
            return None
        more = (f"\n\n{len(others) - 1} other workspace{'s' if len(others) > 2 else ''} also "
                f"had unsaved edits; offered next." if len(others) > 1 else "")
        answered = self._then_next(recovery, self.open_recovered)
        if self.session.document is not None and \
                same_document(recovery, self.session.document):
            # Two copies had it open at once, or an earlier session's edits were put off
            # with Not Now (QA 22b: "another copy" was said of the user's own session)
            return self._ask_recovery(
                f"{CRASHED} Unsaved edits to {name} were kept at {when}, by an earlier "
                f"session or by another copy of the app.\n\nRestore them?{more}",
                "otherRecoveryBox", answered, whole=(name, when))
        where = safe_source(recovery.document.source)
        place = f" (in {Path(where).parent})" if "://" not in where else f" ({where})"
        return self._ask_recovery(
            f"{CRASHED} Unsaved edits to {name}{place} were kept at {when}.\n\n"
            f"Open {name} and restore them?{more}", "otherRecoveryBox", answered,
            whole=(name, where, when))

    def offer_other_copy(self, recovery: Recovery) -> QMessageBox | None:
        """Another copy of the app kept edits to the open document, which has unsaved
        edits of its own (one copy's just restored): the two cannot be merged, so the
        other's are offered now as an untitled workspace, after Save or Discard of these."""
        name = self.session.title
        when = self._kept(recovery)
        if when is None:
            return None

        def open_untitled(other: Recovery) -> bool:
            if not self.confirm_close("before opening the other copy's edits"):
                self._deferred.add(other.path)
                self.window.show_status(f"The other copy's edits to {name} are kept; they "
                                        "are offered again at the next start.")
                return False
            return self.restore_as_untitled(other)

        answered = self._then_next(recovery, open_untitled)
        return self._ask_recovery(
            f"Another copy of the app also kept unsaved edits to {name}, at {when}. They "
            "cannot be merged with the edits open now.\n\nOpen them as an untitled "
            f"workspace? You are asked first whether to save {name}.", "otherCopyBox",
            answered, open_text="Open as &Untitled", whole=(name, when))

    def _then_next(self, recovery: Recovery, open_it: Callable[[Recovery], object]
                   ) -> Callable[[str], None]:
        """What an answer to an offer about another document's snapshot does: "open" runs
        ``open_it``; "discard" drops the snapshot, "later" keeps it for the next start;
        either way the next snapshot is offered."""
        def answered(choice: str) -> None:
            if choice == "open":
                open_it(recovery)
                return
            if choice == "discard":
                self.discard_snapshot(recovery)
            else:
                self._deferred.add(recovery.path)
            self.offer_other_recovery()

        return answered

    def open_recovered(self, recovery: Recovery) -> bool:
        """Opens the document a snapshot was kept for, with its edits. When the document
        cannot be opened (moved, renamed or deleted), says why and offers the edits as an
        untitled workspace to keep with Save As."""
        if not self.confirm_close():
            return False
        try:
            workspace, stamp = recovery.document.load_stamped()
        except PasswordNeeded as exc:  # a snapshot keeps no password: asked for, then opened
            self.ask_password(exc, recovery.document.source, "Open Database",
                              lambda url: self.open_recovered(
                                  Recovery(Document(url), recovery.folder, recovery.path)))
            return False
        except DocumentError as exc:
            self.offer_as_untitled(recovery, str(exc))
            return False
        self._opened(workspace, recovery.document, stamp, recover=recovery)
        return True

    def offer_as_untitled(self, recovery: Recovery, why: str) -> QMessageBox:
        """The original of a snapshot cannot be opened: asks whether to open its edits as
        an untitled workspace (then kept as that, and this snapshot goes)."""
        name = recovery.document.title
        answered = self._then_next(recovery, self.restore_as_untitled)
        return self._ask_recovery(
            f"{name} cannot be opened, so its unsaved edits cannot be put back into it: "
            f"{why}.\n\nOpen the edits as an untitled workspace and keep them with File > "
            "Save As… (if the file was moved or renamed, over it where it is now), or choose "
            "Not Now to be asked again at the next start.", "untitledCopyBox",
            answered, open_text="Open as &Untitled", whole=(name,))

    def _open_untitled_from(self, recovery: Recovery) -> bool | None:
        """Opens a snapshot's edits as this window's untitled workspace, unsaved, and keeps
        them under its own snapshot before the old one goes (a crash in between loses
        nothing). None when the snapshot cannot be read (said in a box); False when the
        edits could not be kept (said in the status bar; the old snapshot stays)."""
        try:
            workspace = recovery.load()
        except DocumentError as exc:
            self.show_error(str(exc))
            return None
        self._replace(workspace, None, dirty=True)
        try:
            self.session.recovery.write(workspace)
        except OSError as exc:
            self.window.show_status(autosave_failed_words(exc, self.session.recovery.path.parent),
                                    lasting=True)
            return False
        self.discard_snapshot(recovery)
        return True

    def restore_as_untitled(self, recovery: Recovery) -> bool:
        """A snapshot's edits as an untitled workspace; kept as the untitled snapshot
        before the old one goes, so a crash in between loses nothing."""
        if self._open_untitled_from(recovery) is None:
            return False
        self.window.show_status(f"The unsaved edits of {recovery.document.title} are open "
                                "as an untitled workspace; use Save As to keep them.")
        return True
