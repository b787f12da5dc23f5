"""Atomic writes: a temporary file beside the target, flushed, then renamed over it."""

from __future__ import annotations

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
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(target, text.encode("utf-8"), suffix=".tmp")


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, suffix: str = ".part") -> None:
    """``data`` in a temporary file beside ``path`` (whose folder must exist), flushed to
    disk, then renamed over it. A replaced file keeps its permissions. On any failure the
    temporary file is removed, ``path`` is as it was, and the OSError is raised."""
    target = Path(path)
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def output_problem(target: Path, inputs: Sequence[str] = ()) -> str | None:
    """Why a file named on the command line cannot be written, or None: its folder does not
    exist (nothing is created unasked), or it is one of the command's own input files."""
    folder = target.parent
    if not folder.is_dir():
        return f"no such folder: {folder}"
    if target.exists():
        for source in inputs:
            if "://" not in source and Path(source).exists() and \
                    os.path.samefile(target, source):
                return f"it is the input {source}: choose another file for the output"
    return None
