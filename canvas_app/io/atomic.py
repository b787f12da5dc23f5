"""Atomic writes: a temporary file beside the target, flushed, then renamed over it; and an
advisory lock beside a file, so that two writers that both take it write one at a time."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from .encoding import not_a_file

try:  # POSIX; elsewhere the lock is not taken (see docs/decisions.md)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

# How long a writer waits for another that holds the lock beside the same file.
LOCK_WAIT_S = 15.0


def mode_for(target: Path) -> int:
    """The permissions the file keeps: its own, or for a new file what the umask allows
    (mkstemp's temporary files are owner-only, which must not leak into the result)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: str | os.PathLike[str], text: str,
                      before_replace: Callable[[], None] | None = None,
                      private: bool = False) -> None:
    """``text`` as UTF-8, line ends as they are; the target's folder is made if missing.
    ``private``: the file is readable and writable by its owner only (0600), whatever it
    was, and a folder made for it is its owner's only (0700)."""
    Path(path).parent.mkdir(mode=0o700 if private else 0o777, parents=True, exist_ok=True)
    write_bytes_atomic(path, text.encode("utf-8"), suffix=".tmp", before_replace=before_replace,
                       private=private)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, suffix: str = ".part",
                       before_replace: Callable[[], None] | None = None,
                       private: bool = False) -> None:
    """``data`` in a temporary file beside ``path`` (whose folder must exist), flushed to
    disk, then renamed over it. A replaced file keeps its permissions. On any failure the
    temporary file is removed, ``path`` is as it was, and an OSError is raised whose
    ``filename`` is ``path`` as given (never the temporary file, which the user never
    named) and whose ``errno`` is the failure's own. ``before_replace`` runs once the
    data is on disk, right before the rename: whatever it raises stops the write there
    (``path`` as it was) and is raised as it is."""
    target = Path(path)
    if target.is_dir():
        raise OSError(errno.EISDIR, "it is a folder, not a file", os.fspath(path))
    try:
        problem = not_a_file(target.stat().st_mode)
    except OSError:
        problem = None  # not there yet (or not to be looked at): the write says why
    if problem is not None:
        # the rename would put a file in place of a device or pipe (/dev/null, as root)
        raise OSError(errno.EINVAL, problem, os.fspath(path))
    mode = 0o600 if private else mode_for(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    except OSError as exc:  # the folder refuses a new file: say which folder, and why
        folder = os.fspath(target.parent)
        raise _naming(exc, path, f"cannot create a file in the folder {folder}") from None
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _naming(exc, path) from None
        raise


def lock_path_beside(path: str | os.PathLike[str]) -> Path:
    """The hidden lock file :func:`locked_beside` takes for ``path``: ``.NAME.lock``."""
    target = Path(path)
    return target.with_name(f".{target.name}.lock")


@contextmanager
def locked_beside(path: str | os.PathLike[str], wait_s: float | None = None
                  ) -> Iterator[None]:
    """Holds an advisory lock (``flock``) on a hidden file beside ``path`` for the block:
    every writer that takes it writes ``path`` one at a time. The lock file is removed
    when the block ends, so none is left in the user's folder (a waiter that locked a file
    already removed notices and takes the new one). Waits at most ``wait_s`` seconds for
    another holder (:data:`LOCK_WAIT_S` unless told), then raises TimeoutError naming
    ``path``. Where the lock file cannot be made (a folder that refuses new files, where
    the write itself then fails with its own message) or there is no ``flock``, the block
    runs without the lock."""
    lock = lock_path_beside(path)
    deadline = time.monotonic() + (LOCK_WAIT_S if wait_s is None else wait_s)
    fd = _take_lock(lock, path, deadline) if fcntl is not None else None
    try:
        yield
    finally:
        if fd is not None:
            with suppress(OSError):  # while still held: a waiter sees it gone and retries
                os.unlink(lock)
            os.close(fd)


def _take_lock(lock: Path, path: str | os.PathLike[str], deadline: float) -> int | None:
    """The descriptor of ``lock``, flocked and still the file at that name; None when it
    cannot be made."""
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            return None
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    pass
                except OSError:  # no locks on this file system: go on without
                    os.close(fd)
                    return None
                else:
                    break
                if time.monotonic() >= deadline:
                    raise TimeoutError(errno.ETIMEDOUT, "another copy of the app is saving "
                                       "it; try again in a moment", os.fspath(path))
                time.sleep(0.02)
            held = os.fstat(fd)
            try:
                now = os.stat(lock)
                current = (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)
            except FileNotFoundError:
                current = False
        except BaseException:
            os.close(fd)
            raise
        if current:
            return fd
        os.close(fd)  # the holder before removed it: take the one at that name now


def _naming(exc: OSError, path: str | os.PathLike[str], where: str = "") -> OSError:
    """``exc`` again (same errno, so the same OSError subclass), naming ``path``."""
    reason = exc.strerror or str(exc)
    return OSError(exc.errno, f"{reason} ({where})" if where else reason, os.fspath(path))


def no_folder_words(folder: Path) -> str:
    """Why ``folder`` cannot hold a file: "no such folder: F", or, when a part of its path
    is a file, "P is a file, not a folder" (QA 21: a path through a file said "no such
    folder")."""
    for part in (folder, *folder.parents):
        if part.exists() or part.is_symlink():
            if not part.is_dir():
                return f"{part} is a file, not a folder"
            break
    return f"no such folder: {folder}"


def output_problem(target: Path, inputs: Sequence[str] = ()) -> str | None:
    """Why a file named on the command line cannot be written, or None: its folder does not
    exist (nothing is created unasked), or it is one of the command's own input files."""
    folder = target.parent
    if target.is_dir():
        return "it is a folder, not a file: give a file name"
    if not folder.is_dir():
        return no_folder_words(folder)
    if target.exists():
        for source in inputs:
            if "://" not in source and Path(source).exists() and \
                    os.path.samefile(target, source):
                return f"it is the input {source}: choose another file for the output"
    return None
