"""Crash-recovery snapshots (no Qt): the workspace as JSON, written atomically in the
user's data folder, one per named document (by its source) and one per untitled workspace.
See :mod:`canvas_app.documents` for when they are written, offered and removed."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .documents import (
    UNTITLED,
    Document,
    DocumentError,
    Stamp,
    default_recovery_dir,
    settings_key,
)
from .domain.workspace import Workspace
from .io import LoadError, workspace_to_data
from .io.atomic import write_text_atomic
from .io.draft import draft_from_data
from .store import jsontext

STAMP_KEYS = ("revision", "mtime_ns", "size")  # what a snapshot keeps of its stamp


def autosave_failed_words(exc: OSError, folder: Path) -> str:
    """The status bar's words on a snapshot that could not be written: the reason in words,
    the folder, and that the edits are still in the window (QA 21: "[Errno 28] No space
    left on device: '….copy-22343-37cfd84a.recovery.json'")."""
    reason = exc.strerror or str(exc)
    return (f"Autosave failed: {reason[:1].lower()}{reason[1:]} in {folder}. Your edits are "
            "still here: save them (File > Save); autosave tries again after the next "
            "edit.")


@dataclass(frozen=True)
class Recovery:
    """The recovery snapshots of one document, kept in ``folder``. ``file`` is a snapshot
    found there under another name (one an older version wrote for a relative path)."""

    document: Document
    folder: Path
    file: Path | None = None

    @property
    def path(self) -> Path:
        if self.file is not None:
            return self.file
        # named for the source without a password (one typed or not, it is one document)
        key = hashlib.sha1(settings_key(self.document.source).encode("utf-8")).hexdigest()[:16]
        return self.folder / f"{key}.recovery.json"

    def write(self, workspace: Workspace, now: datetime | None = None,
              stamp: Stamp | None = None, base: str | None = None) -> None:
        """Writes the snapshot atomically: a crash leaves the old one or the new one.
        ``stamp`` is the document as the session read or saved it: restored, its edits are
        still checked against changes someone else made since (see :meth:`stamp`).
        ``base`` is that document's workspace as the file format's text: restored, the
        edits are merged with a save someone else made since as the session's would
        have been (see :meth:`base`)."""
        data: dict[str, Any] = {
            # a database URL without its password, as Open Recent keeps it (QA: the
            # password was in the file): asked for again when the snapshot is restored
            "source": settings_key(self.document.source),
            "saved_at": (now or datetime.now(UTC)).isoformat(),
            "workspace": workspace_to_data(workspace),
        }
        if stamp is not None:  # no nulls (read back as missing): see jsontext.dumps
            data["stamp"] = {k: v for k, v in asdict(stamp).items()
                             if v is not None and k in STAMP_KEYS}
        if base is not None:
            data["base"] = base
        # owner-only: it holds the whole workspace (QA: -rw-r--r--, readable by every user
        # of the machine)
        write_text_atomic(self.path, jsontext.dumps(data), private=True)

    def exists(self) -> bool:
        return self.path.exists()

    def saved_at(self) -> str:
        return str(self._read().get("saved_at", ""))

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            raise DocumentError(f"{self.path}: unreadable recovery snapshot: {exc}") from None
        source = data.get("source") if isinstance(data, dict) else None
        if not isinstance(source, str) or \
                settings_key(Document(source).source) != settings_key(self.document.source):
            raise DocumentError(f"{self.path}: not a recovery snapshot of "
                                f"{self.document.source}")
        return data

    def stamp(self) -> Stamp | None:
        """The document as the session that wrote the snapshot had read or saved it; None
        for a snapshot written without one (an older version's, or an untitled one)."""
        kept = self._read().get("stamp")
        if not isinstance(kept, dict):
            return None
        try:
            return Stamp(**{k: kept.get(k) for k in STAMP_KEYS})
        except TypeError:
            return None

    def base(self) -> str | None:
        """The workspace the edits were made on (the document as read or last saved), as
        the file format's text; None for a snapshot written without one."""
        kept = self._read().get("base")
        return kept if isinstance(kept, str) else None

    def load(self) -> Workspace:
        data = self._read()
        try:
            return draft_from_data(data.get("workspace"), str(self.path))
        except LoadError as exc:
            raise DocumentError(str(exc)) from None

    def set_aside(self) -> Recovery:
        """Moves the snapshot out of the document's way (its session would overwrite or
        remove it) to a name of its own in the same folder, where the next start finds it;
        the moved snapshot, or this one when it could not be moved."""
        target = self._move_to("-{number}.recovery.json")
        return self if target is None else Recovery(self.document, self.folder, target)

    def set_aside_unreadable(self) -> Path | None:
        """Moves a snapshot that cannot be read to a name of its own in the same folder
        that is never offered ("….unreadable-1.json"): kept for the user, whom it may still
        help, and out of every session's way; the new path, or None when it could not be
        moved (it then stays)."""
        return self._move_to(".unreadable-{number}.json")

    def _move_to(self, ending: str) -> Path | None:
        """Renames the snapshot to its stem and ``ending`` (with the first free
        ``{number}``) in the same folder; the new path, or None when it could not be."""
        stem = self.path.name.removesuffix(".recovery.json")
        for number in range(1, 1000):
            target = self.path.with_name(stem + ending.format(number=number))
            if target.exists():
                continue
            try:
                os.replace(self.path, target)
            except OSError:
                return None
            return target
        return None

    def discard(self) -> bool:
        """Removes the snapshot; False when it could not be removed (it then stays)."""
        try:
            self.path.unlink(missing_ok=True)
            if self.folder.is_dir():
                for stale in self.folder.glob(f".{self.path.name}.*.tmp"):
                    stale.unlink(missing_ok=True)
        except OSError:
            return False
        return True


def recovery_for(document: Document, folder: str | os.PathLike[str] | None = None) -> Recovery:
    return Recovery(document, Path(folder) if folder is not None else default_recovery_dir())


UNTITLED_PREFIX = "untitled-"


def new_untitled_recovery(folder: str | os.PathLike[str] | None = None) -> Recovery:
    """A snapshot of its own for one untitled workspace (``untitled-<pid>-<random>``): two
    running copies, or two untitled workspaces one after the other, never write the same
    file, and one left by a crash stays until it is restored or discarded."""
    where = Path(folder) if folder is not None else default_recovery_dir()
    name = f"{UNTITLED_PREFIX}{os.getpid()}-{secrets.token_hex(4)}.recovery.json"
    return Recovery(Document(UNTITLED), where, where / name)


COPY_MARK = ".copy-"


def copy_recovery(document: Document,
                  folder: str | os.PathLike[str] | None = None) -> Recovery:
    """A snapshot of its own for a copy of the app that finds the document's snapshot
    locked by another running copy (two copies open on one document): named for the
    document and this copy (``<key>.copy-<pid>-<random>``), so neither copy's autosave
    overwrites the other's unsaved edits. After a crash the next start finds it as a
    snapshot of the document kept under another name, and offers it."""
    main = recovery_for(document, folder)
    stem = main.path.name.removesuffix(".recovery.json")
    name = f"{stem}{COPY_MARK}{os.getpid()}-{secrets.token_hex(4)}.recovery.json"
    return Recovery(document, main.folder, main.folder / name)


def _snapshots(where: Path) -> list[tuple[str, str, Path]]:
    """(saved at, source, file) of each readable snapshot in ``where``, newest first."""
    found: list[tuple[str, str, Path]] = []
    for path in where.glob("*.recovery.json") if where.is_dir() else ():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            continue
        source = data.get("source") if isinstance(data, dict) else None
        if isinstance(source, str):
            found.append((str(data.get("saved_at", "")), source, path))
    found.sort(key=lambda found: found[0], reverse=True)
    return found


def untitled_recoveries(folder: str | os.PathLike[str] | None,
                        skip: set[Path] | None = None) -> list[Recovery]:
    """The readable snapshots of untitled workspaces in ``folder`` (each copy's own, and
    the single one older versions wrote), newest first; none whose file is in ``skip``."""
    where = Path(folder) if folder is not None else default_recovery_dir()
    return [Recovery(Document(UNTITLED), where, path)
            for _, source, path in _snapshots(where)
            if source == UNTITLED and path not in (skip or set())]


def other_recoveries(folder: str | os.PathLike[str] | None, skip: set[str]) -> list[Recovery]:
    """The readable recovery snapshots in ``folder`` of documents whose source is not in
    ``skip``, newest first (untitled workspaces' too unless ``skip`` holds UNTITLED)."""
    where = Path(folder) if folder is not None else default_recovery_dir()
    found: list[Recovery] = []
    for _, source, path in _snapshots(where):
        if source == UNTITLED and UNTITLED in skip:
            continue  # every untitled snapshot, whatever its name: offered on their own
        recovery = Recovery(Document(source), where)
        if recovery.path != path:  # an older version's snapshot of a relative path
            recovery = Recovery(recovery.document, where, path)
        elif settings_key(recovery.document.source) in {settings_key(s) for s in skip}:
            continue
        found.append(recovery)
    return found
