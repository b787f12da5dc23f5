"""Atomic saving keeps the file's permissions and never leaves a half-written file."""

import os
import stat

import pytest

from canvas_app.io.atomic import write_text_atomic


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_an_existing_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "shared.campaign.json"
    path.write_text("old")
    os.chmod(path, 0o664)
    write_text_atomic(path, "new")
    assert path.read_text() == "new"
    assert _mode(path) == 0o664


def test_a_new_file_gets_what_the_umask_allows(tmp_path):
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "new.campaign.json", "x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.campaign.json") == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "w.campaign.json"
    path.write_text("old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_text_atomic(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["w.campaign.json"]
