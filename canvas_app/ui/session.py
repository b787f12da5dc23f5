"""One open workspace: its document, undo stack and controller, and the lock that tells
other running copies of the app that its recovery snapshot is being written. An untitled
workspace has a snapshot of its own (see :func:`~canvas_app.recovery.new_untitled_recovery`),
locked the same way, so two copies never write each other's."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtGui import QUndoStack

from ..documents import UNTITLED, Document, Stamp
from ..domain.workspace import Workspace
from ..editing.controller import Controller
from ..io.draft import draft_from_data
from ..io.workspace_file import dumps_workspace, parse_json
from ..recovery import (
    UNTITLED_PREFIX,
    Recovery,
    copy_recovery,
    new_untitled_recovery,
    recovery_for,
)

__all__ = ["AS_GIVEN", "UNTITLED", "AsGiven", "Base", "Session", "claim_snapshot",
           "held_by_another_copy", "make_session", "remove_stale_untitled_locks"]


@dataclass(frozen=True)
class Base:
    """The workspace as it was read or last saved: what a save that meets someone else's
    merges against (``merge_workspaces(base, mine, theirs)``). Kept as the file format's
    text, which is cheap to take (once at open and after each save), cannot change with
    the edits, and is built back into a workspace only when a save needs it."""

    text: str

    @classmethod
    def of(cls, workspace: Workspace) -> Base:
        return cls(dumps_workspace(workspace))

    def workspace(self) -> Workspace:
        """A new workspace equal to the one taken."""
        return draft_from_data(parse_json(self.text))


class AsGiven:
    """make_session's default base: the workspace given, as it is (read just now)."""


AS_GIVEN = AsGiven()


def lock_path(recovery: Recovery) -> str:
    """The lock file beside a snapshot, held while a running copy may write it."""
    return f"{recovery.path}.lock"


def hold_lock(recovery: Recovery) -> QLockFile | None:
    """Takes the snapshot's lock (one left by a copy that crashed counts as free); None
    when another running copy holds it or its folder cannot be made."""
    try:
        recovery.folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    lock = QLockFile(lock_path(recovery))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    return lock if lock.tryLock(0) else None


def claim_snapshot(recovery: Recovery) -> tuple[Recovery, QLockFile | None]:
    """The snapshot this copy may write, with its lock: ``recovery`` when its lock is
    free, else (another running copy holds it: two copies on one document) a snapshot of
    this copy's own (:func:`~canvas_app.recovery.copy_recovery`), so that neither copy
    overwrites the other's unsaved edits. The lock is None only when the folder cannot
    be made (a write there fails too)."""
    lock = hold_lock(recovery)
    if lock is not None or recovery.document.source == UNTITLED:
        return recovery, lock  # an untitled workspace's snapshot is already its own
    if not recovery.folder.is_dir():
        return recovery, None
    own = copy_recovery(recovery.document, recovery.folder)
    return own, hold_lock(own)


def held_by_another_copy(recovery: Recovery) -> bool:
    """True while another running copy of the app holds the snapshot's lock: it is that
    copy's live snapshot, neither to offer nor to delete. A lock left by a copy that
    crashed (its process gone) is not held. This process is one copy (one window)."""
    path = lock_path(recovery)
    if not Path(path).exists():
        return False
    probe = QLockFile(path)
    probe.setStaleLockTime(0)
    if probe.tryLock(0):
        probe.unlock()
        return False
    if probe.error() != QLockFile.LockError.LockFailedError:
        return False  # cannot be read or made: nothing says a copy is running
    info = probe.getLockInfo()
    pid = info[0] if isinstance(info, tuple) and info and isinstance(info[0], int) else None
    return pid != os.getpid()


def remove_stale_untitled_locks(folder: Path | None) -> int:
    """Removes the lock files of untitled snapshots that are gone (restored, discarded, or
    never written by a copy that crashed) and that no running copy holds; how many. Each
    untitled workspace's lock has a name of its own, so nothing else would reuse them."""
    if folder is None or not folder.is_dir():
        return 0
    removed = 0
    for path in folder.glob(f"{UNTITLED_PREFIX}*.recovery.json.lock"):
        if Path(str(path).removesuffix(".lock")).exists():
            continue
        probe = QLockFile(str(path))
        probe.setStaleLockTime(0)
        if probe.tryLock(0):  # free: its copy is gone; unlocking removes the file
            probe.unlock()
            removed += 1
    return removed


@dataclass
class Session:
    workspace: Workspace
    undo_stack: QUndoStack
    controller: Controller
    document: Document | None  # None: an untitled workspace, saved with Save As
    recovery: Recovery
    dirty: bool = False  # changed outside the undo stack (recovered, imported)
    lock: QLockFile | None = None  # held while this session may write its snapshot
    # The document as this workspace was read or last saved: Save tells when someone else
    # changed it since.
    stamp: Stamp | None = None
    # The workspace as read or last saved (at ``stamp``); None for an untitled one, or
    # when it is not known (edits restored after a crash, the document changed since).
    base: Base | None = None

    @property
    def modified(self) -> bool:
        return self.dirty or not self.undo_stack.isClean()

    @property
    def title(self) -> str:
        return self.document.title if self.document is not None else "Untitled"

    def set_recovery(self, recovery: Recovery) -> None:
        """Moves to another snapshot (Save As): its lock instead of the old one's."""
        self.release()
        self.recovery, self.lock = claim_snapshot(recovery)

    def claim(self) -> None:
        """Before writing the snapshot: takes its lock if this session holds none (another
        copy held it when the session began), else moves to a snapshot of this copy's own.
        A snapshot another running copy holds is never written."""
        if self.lock is None:
            self.recovery, self.lock = claim_snapshot(self.recovery)

    def release(self) -> None:
        """Lets the snapshot's lock go (the session is being replaced or closed)."""
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def make_session(workspace: Workspace, document: Document | None,
                 recovery_dir: Path | None, stamp: Stamp | None = None,
                 base: Base | AsGiven | None = AS_GIVEN) -> Session:
    """A session on ``workspace``, read from ``document`` at ``stamp`` (when not given,
    the document's stamp now: right after reading it). Its ``base`` is by default a copy
    of ``workspace`` as given (just read); an import passes the document's as read. An
    untitled one (``document`` None) has none, and gets a snapshot name of its own."""
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    recovery = recovery_for(document, recovery_dir) if document is not None \
        else new_untitled_recovery(recovery_dir)
    if stamp is None and document is not None:
        stamp = document.stamp()
    if document is None:
        base = None
    elif isinstance(base, AsGiven):
        base = Base.of(workspace)
    recovery, lock = claim_snapshot(recovery)
    return Session(workspace, stack, controller, document, recovery, lock=lock, stamp=stamp,
                   base=base)
