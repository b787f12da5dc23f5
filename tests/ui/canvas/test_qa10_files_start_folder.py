"""QA 10, files: the app started on a folder (or a device, a pipe) shows the box a
workspace that did not open gets, where windows can be shown; the command line's other
commands keep their one line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import canvas_app.app as app_module
from canvas_app.cli import main


@pytest.fixture
def shown(monkeypatch) -> list:
    """What the start-failure box was asked with; as on a real display."""
    asked: list = []
    monkeypatch.setattr(app_module, "can_show_windows", lambda _app: True)
    monkeypatch.setattr(app_module, "ask_after_failed_start",
                        lambda source, problem: asked.append((source, problem)) or None)
    return asked


def test_a_folder_named_at_start_gets_the_box(qapp, shown: list, tmp_path: Path,
                                              capsys) -> None:
    folder = tmp_path / "folder.campaign.json"
    folder.mkdir()
    assert main([str(folder)]) == 1  # Quit
    [(source, problem)] = shown
    assert source == str(folder) and "is a folder" in problem and str(folder) in problem
    assert capsys.readouterr().err.count("\n") == 1  # the one line too, on stderr


def test_a_pipe_named_at_start_gets_the_box_and_is_never_read(qapp, shown: list,
                                                               tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    assert main(["gui", str(pipe)]) == 1
    [(source, problem)] = shown
    assert source == str(pipe) and str(pipe) in problem


def test_the_workspace_chosen_in_the_box_is_opened(qapp, monkeypatch, tmp_path: Path) -> None:
    folder = tmp_path / "folder.campaign.json"
    folder.mkdir()
    chosen = str(tmp_path / "other.campaign.json")
    opened: list = []
    monkeypatch.setattr(app_module, "can_show_windows", lambda _app: True)
    monkeypatch.setattr(app_module, "ask_after_failed_start", lambda _s, _p: chosen)
    monkeypatch.setattr(app_module, "run_gui", lambda source: opened.append(source) or 0)
    assert main([str(folder)]) == 0
    assert opened == [chosen]


def test_validate_on_a_folder_keeps_its_one_line(qapp, shown: list, tmp_path: Path,
                                                 capsys) -> None:
    folder = tmp_path / "folder.campaign.json"
    folder.mkdir()
    assert main(["validate", str(folder)]) == 1
    assert shown == []
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a folder" in err


def test_a_folder_named_relatively_is_named_whole_in_the_box(
        qapp, shown: list, tmp_path: Path, monkeypatch, capsys) -> None:
    """QA 21: the box named a folder as typed (bad/dir.campaign.json), every other failed
    start by its whole path; stderr keeps the name as typed."""
    (tmp_path / "bad" / "dir.campaign.json").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert main(["bad/dir.campaign.json"]) == 1
    [(_source, problem)] = shown
    assert problem.startswith(f"{tmp_path / 'bad' / 'dir.campaign.json'}: it is a folder")
    assert capsys.readouterr().err.startswith("canvas-app: bad/dir.campaign.json: it is a")
