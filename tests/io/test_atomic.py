"""Atomic saving keeps the file's permissions and never leaves a half-written file."""

import os
import stat

import pytest

from canvas_app.io.atomic import write_bytes_atomic, write_text_atomic


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


# -- failures name the file the caller gave, never the temporary beside it ------------------
def _refusing_mkstemp(prefix="", suffix="", dir=None):  # noqa: A002 - mkstemp's own names
    # What mkstemp raises in a read-only folder: the error names its temporary file.
    raise PermissionError(13, "Permission denied", os.path.join(dir, f"{prefix}k2j4{suffix}"))


def test_a_folder_as_the_target_is_named_as_given(tmp_path):
    target = tmp_path / "out.campaign.json"
    target.mkdir()
    with pytest.raises(IsADirectoryError) as caught:
        write_text_atomic(target, "x")
    assert caught.value.filename == str(target)
    assert caught.value.strerror == "it is a folder, not a file"
    assert [p.name for p in tmp_path.iterdir()] == ["out.campaign.json"]


def test_a_read_only_folder_names_the_target_and_its_folder(tmp_path, monkeypatch):
    monkeypatch.setattr("canvas_app.io.atomic.tempfile.mkstemp", _refusing_mkstemp)
    target = tmp_path / "x.campaign.json"
    with pytest.raises(PermissionError) as caught:
        write_bytes_atomic(target, b"x")
    assert caught.value.filename == str(target)
    assert caught.value.strerror == \
        f"Permission denied (cannot create a file in the folder {tmp_path})"
    assert ".tmp" not in str(caught.value) and ".part" not in str(caught.value)


@pytest.mark.skipif(not os.path.isfile("/proc/version"), reason="needs Linux's /proc")
def test_a_folder_where_no_file_can_be_made_is_named_not_a_temporary():
    with pytest.raises(OSError) as caught:
        write_text_atomic("/proc/version", "x")
    assert caught.value.filename == "/proc/version"
    assert "(cannot create a file in the folder /proc)" in caught.value.strerror
    assert ".version." not in str(caught.value)


def test_a_failed_replace_names_the_target_and_keeps_its_errno(tmp_path, monkeypatch):
    def full(src, dst):
        raise OSError(28, "No space left on device", src, None, dst)

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError) as caught:
        write_text_atomic(tmp_path / "w.campaign.json", "new")
    assert (caught.value.errno, caught.value.filename, caught.value.strerror) == (
        28, str(tmp_path / "w.campaign.json"), "No space left on device")
    assert caught.value.filename2 is None


def test_a_named_pipe_in_the_way_is_refused_and_stays(tmp_path) -> None:
    """The rename would put a file in place of a pipe or device (a Save As to /dev/null,
    as root, replaced the device with a file); this is refused, nothing is written."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(OSError) as caught:
        write_text_atomic(pipe, "x")
    assert "it is a named pipe (FIFO), not a file" in str(caught.value)
    assert caught.value.filename == str(pipe)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file left
