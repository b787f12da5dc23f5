"""Atomic writes: a temporary file beside the target, flushed, then renamed over it."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path


def _mode_for(target: Path) -> int:
    """The permissions the file keeps: its own, or for a new file what the umask allows
    (mkstemp's temporary files are owner-only, which must not leak into the result)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """``text`` as UTF-8, line ends as they are; the target's folder is made if missing."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(path, text.encode("utf-8"), suffix=".tmp")


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, suffix: str = ".part") -> None:
    """``data`` in a temporary file beside ``path`` (whose folder must exist), flushed to
    disk, then renamed over it. A replaced file keeps its permissions. On any failure the
    temporary file is removed, ``path`` is as it was, and an OSError is raised whose
    ``filename`` is ``path`` as given (never the temporary file, which the user never
    named) and whose ``errno`` is the failure's own."""
    target = Path(path)
    if target.is_dir():
        raise OSError(errno.EISDIR, "it is a folder, not a file", os.fspath(path))
    mode = _mode_for(target)
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
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _naming(exc, path) from None
        raise


def _naming(exc: OSError, path: str | os.PathLike[str], where: str = "") -> OSError:
    """``exc`` again (same errno, so the same OSError subclass), naming ``path``."""
    reason = exc.strerror or str(exc)
    return OSError(exc.errno, f"{reason} ({where})" if where else reason, os.fspath(path))


def output_problem(target: Path, inputs: Sequence[str] = ()) -> str | None:
    """Why a file named on the command line cannot be written, or None: its folder does not
    exist (nothing is created unasked), or it is one of the command's own input files."""
    folder = target.parent
    if target.is_dir():
        return "it is a folder, not a file: give a file name"
    if not folder.is_dir():
        return f"no such folder: {folder}"
    if target.exists():
        for source in inputs:
            if "://" not in source and Path(source).exists() and \
                    os.path.samefile(target, source):
                return f"it is the input {source}: choose another file for the output"
    return None
