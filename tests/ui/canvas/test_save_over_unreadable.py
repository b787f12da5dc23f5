"""QA: a workspace file cut short (or edited into something else) on disk while the window
had edits could never be saved over: every Save showed only the file's error and saved
nothing. Save now asks: replace the file with the workspace here, save it elsewhere, or
cancel. An idle window on such a file says so once, where it said nothing."""

from __future__ import annotations

import os
from pathlib import Path

from canvas_app.documents import Document
from canvas_app.ui.main_window import MainWindow


def damage(path: Path) -> None:
    text = path.read_bytes()
    path.write_bytes(text[:500])
    stat = path.stat()  # a change the watch sees, however quick the test
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


class Asked:
    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, question: str) -> str:
        self.questions.append(question)
        return self.answer


def edited(window: MainWindow) -> tuple[str, str]:
    cid = window.current_campaign_id()
    node = window.controller.campaign(cid).nodes[0]
    window.controller.rename_node(cid, node.id, "Renamed here")
    return cid, node.id


def test_save_over_a_file_cut_short_asks_and_replaces_it(window: MainWindow,
                                                         sample_file: Path) -> None:
    cid, node_id = edited(window)
    damage(sample_file)
    cut = sample_file.read_bytes()
    window.files.ask_replace_unreadable = asked = Asked("cancel")
    assert not window.save()
    assert len(asked.questions) == 1 and "can no longer be read" in asked.questions[0]
    assert "line " in asked.questions[0]  # the file's own problem, with its place
    assert sample_file.read_bytes() == cut  # nothing written on Cancel
    assert window.isWindowModified()
    assert window._status_full.startswith("Not saved. Your edits are still here")
    window.files.ask_replace_unreadable = Asked("replace")
    assert window.save()
    assert not window.isWindowModified()
    saved = Document(str(sample_file)).load()
    assert saved.campaign(cid).node(node_id).name == "Renamed here"
    assert saved == window.controller.workspace


def test_save_as_is_offered_instead(window: MainWindow, sample_file: Path,
                                    tmp_path: Path) -> None:
    edited(window)
    damage(sample_file)
    other = tmp_path / "elsewhere.campaign.json"
    window.files.ask_replace_unreadable = Asked("save_as")
    window.files.ask_path = lambda *_args: str(other)
    window.files.ask_save_with_filter = lambda *_args, **_kw: (str(other), "")
    assert window.save()
    assert Document(str(other)).load() == window.controller.workspace


def test_an_idle_window_says_its_file_became_unreadable_once(window: MainWindow,
                                                              sample_file: Path) -> None:
    damage(sample_file)
    assert window.files.check_for_changes()
    assert window.teammate_label.text() == "File on disk unreadable"
    assert "Save asks whether to write it over the file" in window.teammate_label.toolTip()
    assert not window.files.check_for_changes()  # once per change


def test_with_unsaved_edits_it_is_called_unreadable_not_someone_else_s_save(
        window: MainWindow, sample_file: Path) -> None:
    """QA: with edits (or a simulation loaded) the watch said "changed by someone else …
    Save takes their changes in", while Save then offered to replace the file."""
    edited(window)
    damage(sample_file)
    assert window.files.check_for_changes()
    assert window.teammate_label.text() == "File on disk unreadable"
    assert "someone else" not in window._status_full


def test_the_word_goes_once_the_file_is_whole_again(window: MainWindow,
                                                    sample_file: Path) -> None:
    """QA: "File on disk unreadable" stayed for good after the file was put back."""
    whole = sample_file.read_bytes()
    damage(sample_file)
    assert window.files.check_for_changes()
    assert window.teammate_label.isVisible()
    sample_file.write_bytes(whole)
    stat = sample_file.stat()
    os.utime(sample_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 4_000_000_000))
    window.files.check_for_changes()
    assert not window.teammate_label.isVisible()


def test_a_database_file_written_over_is_said_once(qtbot, sample_file: Path,
                                                   tmp_path: Path) -> None:
    """QA 21: a .db written over with something else while open got no word until Save
    (a JSON file gets "File on disk unreadable"). A store that is only out of reach for a
    while (its file still a database) is not said to be unreadable."""
    from canvas_app.cli import main

    from .conftest import make_window

    db = tmp_path / "team.db"
    assert main(["import", str(sample_file), "--db", str(db)]) == 0
    window = make_window(qtbot, str(db), tmp_path)
    edited(window)
    assert not window.files.check_for_changes()  # nothing changed on disk
    db.write_bytes(b"not a database at all\n" * 100)
    assert window.files.check_for_changes()
    assert window.teammate_label.isVisible()
    assert window.teammate_label.text() == "File on disk unreadable"
    assert "is no longer a database this app can read" in window.teammate_label.toolTip()
    assert not window.files.check_for_changes()  # said once
