"""Open, save, import/export, recent files, autosave and crash recovery for the window.

The document logic (sources, snapshots) is Qt-free in :mod:`canvas_app.documents`; this
module adds the timers and the questions. Autosave writes a recovery snapshot 30 s after
the last edit and when the window closes; the source itself is written only by Save.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..documents import Document, DocumentError, Recovery, other_recoveries, recovery_for
from ..domain.campaign import Campaign
from ..domain.workspace import Workspace
from ..io import LoadError, load_workspace, save_workspace
from .recent_files import RecentFiles, safe_source
from .session import UNTITLED, Session, held_by_another_copy, make_session

if TYPE_CHECKING:
    from .main_window import MainWindow

AUTOSAVE_IDLE_MS = 30_000
FILE_FILTER = "Workspaces (*.campaign.json *.db *.sqlite);;JSON (*.campaign.json);;All files (*)"
Button = QMessageBox.StandardButton
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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


def _inside_app_data(folder: Path) -> bool:
    from ..documents import default_recovery_dir

    data = default_recovery_dir().parent.absolute()
    return folder == data or data in folder.parents


class FileActions(RecentFiles, QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_IDLE_MS)
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
        self._error_box: QMessageBox | None = None
        # Asked when closing or replacing a modified workspace: "save", "discard", "cancel".
        self.ask_unsaved: Callable[[], str] = self._ask_unsaved
        # Asks for a file: (title, start path, filter, saving) -> the chosen path or "".
        self.ask_path: Callable[[str, str, str, bool], str] = self._ask_path

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
        if self._unsnapshotted.elapsed() >= self.autosave_timer.interval():
            self.autosave()
        else:
            self.autosave_timer.start()
        self.window.update_title()

    def autosave(self) -> bool:
        """Writes a recovery snapshot of unsaved edits; never touches the document."""
        session = self.session
        if not session.modified:
            return False
        try:
            session.recovery.write(session.workspace)
        except OSError as exc:
            self.window.show_status(f"Autosave failed: {exc}")
            return False
        self._unsnapshotted.invalidate()
        self.autosave_timer.stop()
        if not self.window.statusBar().currentMessage():  # never over a message being read
            self.window.show_status("Unsaved edits kept for recovery.")
        return True

    def rewrite_missing_snapshot(self) -> bool:
        """Writes the snapshot again when the workspace has unsaved edits but its snapshot
        is gone (no autosave pending): a crash then still keeps them."""
        session = self.session
        if not session.modified or self.autosave_timer.isActive() or session.recovery.exists():
            return False
        return self.autosave()

    def discard_snapshot(self, recovery: Recovery) -> bool:
        """Removes a snapshot, unless another running copy of the app is writing it (its
        live snapshot is not ours to remove); False when it stays."""
        if held_by_another_copy(recovery):
            return False
        return recovery.discard()

    def offer_recovery(self) -> QMessageBox | None:
        """Asks (without blocking) whether to restore edits a crash left behind: first the
        current document's, then an untitled workspace's that was never saved."""
        recovery = self.session.recovery
        if not recovery.exists() or held_by_another_copy(recovery):
            return self.offer_untitled_recovery()
        try:
            when = readable_time(recovery.saved_at())
        except DocumentError as exc:
            self.window.show_status(str(exc))
            self.discard_snapshot(recovery)
            return self.offer_untitled_recovery()
        box = QMessageBox(QMessageBox.Icon.Question, "Recover unsaved edits?",
                          f"Campaign Canvas did not close normally. Edits to "
                          f"{self.session.title} that were not saved were kept at {when}.\n\n"
                          "Restore them?", Button.Yes | Button.No, self.window)
        box.setObjectName("recoveryBox")
        box.finished.connect(lambda result: self._recovery_answered(box, result))
        box.open()
        self.recovery_box = box
        return box

    def _recovery_answered(self, box: QMessageBox, _result: int) -> None:
        if box.standardButton(box.clickedButton()) == Button.Yes:
            self.restore_recovery()
        else:
            self.discard_snapshot(self.session.recovery)
        self.offer_untitled_recovery()

    # -- an untitled workspace left by a crash ---------------------------------------------
    def untitled_recovery(self) -> Recovery:
        return recovery_for(Document(UNTITLED), self.window.recovery_dir)

    def offer_untitled_recovery(self) -> QMessageBox | None:
        """When the last run crashed with an untitled workspace never saved, offers to open
        it. It replaces the current workspace only when that has no unsaved changes;
        otherwise the snapshot stays and is offered at the next start."""
        recovery = self.untitled_recovery()
        if self.session.document is None or not recovery.exists() or \
                held_by_another_copy(recovery):
            return self.offer_other_recovery()
        if self.session.modified:
            self.window.show_status("An untitled workspace that was never saved is also kept; "
                                    "it is offered again at the next start.")
            return None
        try:
            when = readable_time(recovery.saved_at())
        except DocumentError as exc:
            self.window.show_status(str(exc))
            self.discard_snapshot(recovery)
            return None
        def answered(choice: str) -> None:
            if choice == "open":
                self.restore_untitled()
            elif choice == "discard":
                self.discard_snapshot(recovery)
            self.offer_other_recovery()

        return self._open_discard_or_later(
            "Recover an untitled workspace?",
            "Campaign Canvas did not close normally. An untitled workspace that was never "
            f"saved was kept at {when}.\n\nOpen it in place of {self.session.title} (which "
            "has no unsaved changes)?", "untitledRecoveryBox", "Discard It", answered)

    def _open_discard_or_later(self, title: str, text: str, object_name: str,
                               discard_text: str, answered: Callable[[str], None],
                               open_text: str = "Open It") -> QMessageBox:
        """Asks, without blocking, Open It / ``discard_text`` / Not Now; ``answered`` gets
        "open", "discard" or "later"."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName(object_name)
        buttons = {
            box.addButton(open_text, QMessageBox.ButtonRole.AcceptRole): "open",
            box.addButton(discard_text, QMessageBox.ButtonRole.DestructiveRole): "discard"}
        later = box.addButton("Not Now", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(next(iter(buttons)))
        box.setEscapeButton(later)
        box.finished.connect(lambda _result: answered(buttons.get(box.clickedButton(),
                                                                  "later")))
        box.open()
        self.recovery_box = box
        return box

    # -- another document's edits, when the app was started on a different one -------------
    def offer_other_recovery(self) -> QMessageBox | None:
        """Unsaved edits to another document that a crash left behind (the app started on
        a different one): offers to open that document with them. Asked only while the
        current workspace has no unsaved changes; otherwise offered at the next start."""
        if self.session.modified:
            return None
        skip = {UNTITLED} | ({self.session.document.source} if self.session.document else set())
        others = [other for other in other_recoveries(self.window.recovery_dir, skip)
                  if not held_by_another_copy(other)]
        if not others:
            return None
        recovery = others[0]
        try:
            when = readable_time(recovery.saved_at())
        except DocumentError:
            return None
        name = recovery.document.title
        where = safe_source(recovery.document.source)
        place = f" (in {Path(where).parent})" if "://" not in where else f" ({where})"
        more = (f"\n\n{len(others) - 1} other workspace{'s' if len(others) > 2 else ''} also "
                "had unsaved edits; they are offered next." if len(others) > 1 else "")
        def answered(choice: str) -> None:
            if choice == "open":
                self.open_recovered(recovery)
            elif choice == "discard":
                self.discard_snapshot(recovery)
                self.offer_other_recovery()

        return self._open_discard_or_later(
            "Recover unsaved edits?",
            f"Campaign Canvas did not close normally. Edits to {name}{place} that were not "
            f"saved were kept at {when}.\n\nOpen {name} with them?{more}", "otherRecoveryBox",
            "Discard Them", answered)

    def open_recovered(self, recovery: Recovery) -> bool:
        """Opens the document a snapshot was kept for, with its edits. When the document
        cannot be opened (moved, renamed or deleted), says why and offers the edits as an
        untitled workspace to keep with Save As."""
        if not self.confirm_close():
            return False
        try:
            workspace = recovery.document.load()
        except DocumentError as exc:
            self.offer_as_untitled(recovery, str(exc))
            return False
        self._opened(workspace, recovery.document, recover=recovery)
        return True

    def offer_as_untitled(self, recovery: Recovery, why: str) -> QMessageBox:
        """The original of a snapshot cannot be opened: asks whether to open its edits as
        an untitled workspace (then kept as that, and this snapshot goes)."""
        name = recovery.document.title

        def answered(choice: str) -> None:
            if choice == "open":
                self.restore_as_untitled(recovery)
            elif choice == "discard":
                self.discard_snapshot(recovery)
                self.offer_other_recovery()

        return self._open_discard_or_later(
            "Recover unsaved edits?",
            f"{name} cannot be opened, so its unsaved edits cannot be put back into it: "
            f"{why}.\n\nIf it was moved or renamed, choose Not Now and open it from where it "
            "is now with File > Open; the edits stay offered. Or open the edits as an untitled "
            "workspace and keep them with Save As.", "untitledCopyBox", "Discard Them",
            answered, open_text="Open as &Untitled")

    def restore_as_untitled(self, recovery: Recovery) -> bool:
        """A snapshot's edits as an untitled workspace; kept as the untitled snapshot
        before the old one goes, so a crash in between loses nothing."""
        try:
            workspace = recovery.load()
        except DocumentError as exc:
            self.show_error(str(exc))
            return False
        self._replace(workspace, None, dirty=True)
        try:
            self.session.recovery.write(workspace)
        except OSError as exc:
            self.window.show_status(f"Autosave failed: {exc}")
        else:
            self.discard_snapshot(recovery)
        self.window.show_status(f"The unsaved edits of {recovery.document.title} are open as "
                                "an untitled workspace; use Save As to keep them.")
        return True

    def restore_untitled(self) -> bool:
        """Opens the untitled workspace a crash left behind, with its edits unsaved."""
        try:
            workspace = self.untitled_recovery().load()
        except DocumentError as exc:
            self.show_error(str(exc))
            return False
        self._replace(workspace, None, dirty=True)
        self.window.show_status("Untitled workspace restored; use Save As to keep it.")
        return True

    def restore_recovery(self, snapshot: Recovery | None = None) -> bool:
        """Puts the snapshot's edits (by default the document's own) into the window,
        unsaved; one found under another name is kept under the document's own."""
        session = self.session
        snapshot = snapshot or session.recovery
        try:
            workspace = snapshot.load()
        except DocumentError as exc:
            self.show_error(str(exc))
            return False
        session.release()
        restored = make_session(workspace, session.document, self.window.recovery_dir)
        restored.dirty = True
        self.window.bind_session(restored)
        if snapshot.path != restored.recovery.path:
            try:
                restored.recovery.write(workspace)
            except OSError:
                pass
            else:
                self.discard_snapshot(snapshot)
        self.window.show_status("Unsaved edits restored; save to keep them.")
        return True

    # -- questions -------------------------------------------------------------------------
    def _ask_unsaved(self) -> str:
        answer = QMessageBox.question(
            self.window, "Unsaved changes",
            f"Save the changes to {self.session.title} before closing it?",
            Button.Save | Button.Discard | Button.Cancel, Button.Save)
        return {Button.Save: "save", Button.Discard: "discard"}.get(answer, "cancel")

    def _ask_path(self, title: str, start: str, file_filter: str, saving: bool) -> str:
        ask = QFileDialog.getSaveFileName if saving else QFileDialog.getOpenFileName
        path, _ = ask(self.window, title, start, file_filter)
        return path

    def start_directory(self) -> Path:
        """Where file dialogs start: the current document's folder, or for an untitled
        workspace (or one in a server database) the user's documents folder or home."""
        document = self.session.document
        if document is not None:
            source = document.source
            if source.startswith("sqlite") and ":///" in source:
                source = source.split(":///", 1)[1].split("?", 1)[0]
            if "://" not in source and source and source != ":memory:":
                folder = Path(source).expanduser().absolute().parent
                # Not the app's own data folder (the default store lives there): people
                # look for their files in their documents.
                if folder.is_dir() and not _inside_app_data(folder):
                    return folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        if documents and Path(documents).is_dir():
            return Path(documents)
        return Path.home()

    def _start_path(self) -> str:
        """The start of Save As: the current JSON file's name in its folder, else the
        folder."""
        folder = self.start_directory()
        document = self.session.document
        if document is not None and document.kind == "json":
            return str(folder / Path(document.source).name)
        return str(folder)

    def confirm_close(self) -> bool:
        """True when the current workspace may be closed (saved, discarded or unchanged)."""
        session = self.session
        if not session.modified:
            self.discard_snapshot(session.recovery)
            return True
        self.autosave()  # a crash while the question is open loses nothing
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.discard_snapshot(session.recovery)
            return True
        return False

    def show_error(self, message: str) -> None:
        self.last_error = message
        self.window.show_status(message)
        box = QMessageBox(QMessageBox.Icon.Warning, "Campaign Canvas", message,
                          Button.Ok, self.window)
        box.setObjectName("errorBox")
        box.open()
        self._error_box = box

    # -- documents -------------------------------------------------------------------------
    def _replace(self, workspace: Workspace, document: Document | None,
                 dirty: bool = False) -> None:
        self.session.release()
        session = make_session(workspace, document, self.window.recovery_dir)
        session.dirty = dirty
        self.window.bind_session(session)
        self.autosave_timer.stop()

    def new_workspace(self) -> bool:
        if not self.confirm_close():
            return False
        workspace = Workspace()
        workspace.add_campaign(Campaign("campaign-1", "Campaign 1"))
        self._replace(workspace, None)
        return True

    def open_source(self, source: str) -> bool:
        """Opens ``source`` (and offers edits a crash left of it)."""
        if not self.confirm_close():
            return False
        document = Document(source)
        try:
            workspace = document.load()
        except DocumentError as exc:
            self.show_error(str(exc))
            return False
        self._opened(workspace, document)
        return True

    def _opened(self, workspace: Workspace, document: Document,
                recover: Recovery | None = None) -> None:
        """Shows a workspace just opened; with ``recover``, restores that snapshot at once
        instead of asking (the user already chose to recover it)."""
        self._replace(workspace, document)
        self.add_recent(document.source)
        note = self._errors_note()
        if note:
            self.window.show_status(f"Opened {document.title}.{note}")
        if recover is not None and recover.exists():
            self.restore_recovery(recover)
        else:
            self.offer_recovery()

    def open_dialog(self) -> None:
        path = self.ask_path("Open workspace", str(self.start_directory()), FILE_FILTER, False)
        if path:
            self.open_source(path)

    def save(self) -> bool:
        session = self.session
        if session.document is None:
            return self.save_as_dialog()
        try:
            session.document.save(session.workspace)
        except DocumentError as exc:
            self.show_error(str(exc))
            return False
        session.undo_stack.setClean()
        session.dirty = False
        self.discard_snapshot(session.recovery)
        self.autosave_timer.stop()
        self._unsnapshotted.invalidate()
        self.window.update_title()
        self.window.show_status(f"Saved {session.document.title}.{self._errors_note()}")
        return True

    def _errors_note(self) -> str:
        """" It has 2 errors: see Warnings." (and the Warnings panel comes forward) when
        the workspace has errors, which its own checks would refuse elsewhere; else ""."""
        errors = sum(1 for f in self.session.workspace.lint() if f.severity == "error")
        if not errors:
            return ""
        self.window.docks["lint"].raise_()
        return (f" It has {errors} error{'s' if errors != 1 else ''} to fix before it can be "
                "simulated, validated or imported: see Warnings.")

    def save_as(self, source: str) -> bool:
        session = self.session
        previous, previous_recovery = session.document, session.recovery
        session.document = Document(source)
        session.set_recovery(recovery_for(session.document, self.window.recovery_dir))
        if not self.save():
            session.document = previous
            session.set_recovery(previous_recovery)
            return False
        self.discard_snapshot(previous_recovery)
        self.add_recent(session.document.source)
        return True

    def save_as_dialog(self) -> bool:
        path = self.ask_path("Save workspace as", self._start_path(), FILE_FILTER, True)
        if not path:
            return False
        if "." not in Path(path).name:
            path += ".campaign.json"
        return self.save_as(path)

    def import_json(self, path: str) -> bool:
        """Replaces the workspace's content with a JSON file's; Save writes it."""
        try:
            workspace = load_workspace(path)
        except LoadError as exc:
            self.show_error(str(exc))
            return False
        if not self.confirm_close():
            return False
        self._replace(workspace, self.session.document, dirty=True)
        self.window.update_title()
        self.window.show_status(f"Imported {path}; save to keep it.")
        return True

    def import_dialog(self) -> None:
        path = self.ask_path("Import JSON", str(self.start_directory()),
                             "Workspaces (*.campaign.json *.json)", False)
        if path:
            self.import_json(path)

    def export_json(self, path: str) -> bool:
        try:
            save_workspace(self.session.workspace, path)
        except OSError as exc:
            self.show_error(f"{path}: cannot write: {exc.strerror or exc}")
            return False
        self.window.show_status(f"Exported to {path}.")
        return True

    def export_dialog(self) -> None:
        path = self.ask_path("Export JSON", str(self.start_directory()),
                             "Workspaces (*.campaign.json)", True)
        if path:
            if not path.endswith(".json"):
                path += ".campaign.json"
            self.export_json(path)
