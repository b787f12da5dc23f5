"""Save tells when someone else changed the store or file since it was opened: two real
sessions (windows) on one SQLite file, one JSON file, and PostgreSQL when configured. Their
changes are merged with yours; what clashes is asked about (test_save_merge.py has more)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from canvas_app.documents import Document
from canvas_app.ui.main_window import MainWindow

from .conftest import SAMPLE, answer_next_box_by_default, make_window

PG_URL = os.environ.get("CANVAS_APP_TEST_PG_URL", "").strip()


@pytest.fixture(params=[
    "sqlite", "json",
    pytest.param("postgres", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not PG_URL, reason="CANVAS_APP_TEST_PG_URL is not set")]),
])
def shared(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """One store or file holding the sample, as a team shares it."""
    from canvas_app.io import load_workspace

    if request.param == "json":
        target = tmp_path / "shared.campaign.json"
        shutil.copy(SAMPLE, target)
        return str(target)
    if request.param == "sqlite":
        source = str(tmp_path / "shared.db")
    else:
        from tests.store.conftest import reset_postgres

        reset_postgres(PG_URL)
        source = PG_URL
    Document(source).save(load_workspace(SAMPLE))
    return source


def two_sessions(qtbot, source: str, tmp_path: Path) -> tuple[MainWindow, MainWindow]:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    return make_window(qtbot, source, tmp_path / "a"), make_window(qtbot, source, tmp_path / "b")


def rename_first(window: MainWindow, name: str) -> None:
    campaign = window.controller.workspace.campaigns[0]
    window.controller.rename_campaign(campaign.id, name)


def names(source: str) -> list[str]:
    return [c.name for c in Document(source).load().campaigns]


def answering(asked: list[str], choice: str):
    """Stands for the clash question: notes the question, answers ``choice``."""
    def ask(question: str, _clashes: Sequence[object]) -> str:
        asked.append(question)
        return choice
    return ask


def test_save_over_someone_elses_changes_asks_first(qtbot, shared: str, tmp_path: Path) -> None:
    mine, theirs = two_sessions(qtbot, shared, tmp_path)
    rename_first(theirs, "Their name")
    assert theirs.save()
    rename_first(mine, "My name")
    asked: list[str] = []
    mine.files.ask_merge = answering(asked, "cancel")  # both renamed it: a clash
    assert not mine.save()
    [question] = asked
    title = Document(shared).title
    assert question.startswith(f"{title} was changed by someone else at ")
    assert question.endswith(", since you last opened or saved it.")
    assert names(shared)[0] == "Their name"  # their changes stand
    assert mine.isWindowModified() and "Not saved" in mine.statusBar().currentMessage()
    # Keep Mine: asked again, then written; then no more questions.
    mine.files.ask_merge = answering(asked, "mine")
    assert mine.save()
    assert len(asked) == 2 and names(shared)[0] == "My name"
    rename_first(mine, "Mine again")
    assert mine.save() and len(asked) == 2  # nobody else saved since
    # Now the other session is behind: its next save asks (their rename clashes again).
    theirs.files.ask_merge = answering(asked, "cancel")
    rename_first(theirs, "Theirs again")
    assert not theirs.save()
    assert len(asked) == 3 and names(shared)[0] == "Mine again"


def test_saves_of_one_session_alone_never_ask(qtbot, shared: str, tmp_path: Path) -> None:
    window = make_window(qtbot, shared, tmp_path)
    window.files.ask_merge = lambda *_asked: pytest.fail("asked with nobody else")
    for name in ("One", "Two", "Three"):
        rename_first(window, name)
        assert window.save()
    assert names(shared)[0] == "Three"


def test_import_and_recovery_keep_what_the_workspace_was_read_at(
        qtbot, shared: str, tmp_path: Path) -> None:
    mine, theirs = two_sessions(qtbot, shared, tmp_path)
    rename_first(theirs, "Their name")
    assert theirs.save()
    other = tmp_path / "other.campaign.json"
    other.write_text(SAMPLE.read_text(encoding="utf-8").replace(
        '"Pool Shock Nurture"', '"Imported name"'), encoding="utf-8")
    mine.files.ask_import = lambda _question: True
    # Replaces the content, not the stamp nor the workspace as read: the import is an
    # edit of mine, which clashes with theirs.
    assert mine.files.import_json(str(other))
    asked: list[str] = []
    mine.files.ask_merge = answering(asked, "cancel")
    assert not mine.save() and len(asked) == 1
    assert names(shared)[0] == "Their name"


def test_the_clash_question_is_a_real_box_with_cancel_as_default(
        qtbot, tmp_path: Path) -> None:
    source = tmp_path / "shared.campaign.json"
    shutil.copy(SAMPLE, source)
    mine, _theirs = two_sessions(qtbot, str(source), tmp_path)
    source.write_text(source.read_text(encoding="utf-8").replace(
        '"Pool Shock Nurture"', '"Theirs"'), encoding="utf-8")
    os.utime(source, ns=(1, 1))  # someone else's editor wrote it
    rename_first(mine, "Mine")
    seen: list[tuple[str, list[str], str]] = []
    answer_next_box_by_default(seen)
    assert not mine.save()
    [(text, buttons, default)] = seen
    # Set back before it was read: the change came after, whatever the file's time says
    assert ("shared.campaign.json was changed by someone else since you last opened or "
            "saved it") in text
    # Another day than today: the date too (in local time, either side of the epoch).
    assert "(the file's time says 1 Jan 1970 " in text or \
        "(the file's time says 31 Dec 1969 " in text
    assert 'campaign "Pool Shock Nurture": you renamed it "Mine"; they renamed it "Theirs"' \
        in " ".join(text.split())
    assert buttons == ["&Cancel", "Keep &Mine", "Keep &Theirs"] and default == "&Cancel"
    assert names(str(source))[0] == "Theirs"  # Cancel: nothing saved


def test_an_empty_workspace_saved_first_by_someone_else_is_noticed(
        qtbot, tmp_path: Path) -> None:
    zero = tmp_path / "zero.db"
    zero.touch()
    mine, theirs = two_sessions(qtbot, str(zero), tmp_path)
    theirs.campaign_list.new_campaign()
    assert theirs.save()
    mine.campaign_list.new_campaign()
    asked: list[str] = []
    mine.files.ask_merge = answering(asked, "cancel")
    # Noticed and merged: each added a campaign of its own, so both are kept, unasked.
    assert mine.save() and asked == []
    stored = {c.id for c in Document(str(zero)).load().campaigns}
    assert stored == {c.id for c in theirs.controller.workspace.campaigns} | \
        {c.id for c in mine.controller.workspace.campaigns}
    assert len(stored) == 2


def test_restored_edits_are_still_checked_against_a_change_made_before_the_crash(
        qtbot, tmp_path: Path) -> None:
    """QA: edits restored after a crash were saved over a change someone else had made to
    the file while the crashed session had it open. Now Save merges them."""
    source = tmp_path / "shared.campaign.json"
    shutil.copy(SAMPLE, source)
    crashed = make_window(qtbot, str(source), tmp_path)
    crashed.controller.rename_node("shock-nurture", "nurture", "Mine")
    assert crashed.files.autosave()
    text = source.read_text(encoding="utf-8").replace("Pool Shock Nurture", "Theirs")
    source.write_text(text, encoding="utf-8")  # someone else's editor, before the crash
    again = make_window(qtbot, str(source), tmp_path)  # the next start, same data folder
    assert again.files.restore_recovery(crashed.session.recovery)
    asked: list[str] = []
    again.files.ask_merge = answering(asked, "cancel")
    # merged with theirs against what the crashed session had read (the snapshot keeps
    # it): no clash, no question, their change kept beside the restored edit
    assert again.files.save() and asked == []
    saved = source.read_text(encoding="utf-8")
    assert "Theirs" in saved and '"Mine"' in saved


def test_a_json_save_makes_the_files_text_once(qtbot, tmp_path: Path, monkeypatch) -> None:
    """The text written is the merge base kept after the save: one dump of the workspace,
    not one for the file and another for the base (about 0.3 s each at 10,000 nodes)."""
    import canvas_app.documents as documents
    import canvas_app.ui.session as session_module

    target = tmp_path / "mine.campaign.json"
    shutil.copy(SAMPLE, target)
    (tmp_path / "a").mkdir()
    window = make_window(qtbot, str(target), tmp_path / "a")
    rename_first(window, "Renamed before saving")
    made: list[int] = []
    for module in (documents, session_module):
        real = module.dumps_workspace
        monkeypatch.setattr(module, "dumps_workspace",
                            lambda workspace, real=real: made.append(1) or real(workspace))
    assert window.files.save()
    assert len(made) == 1
    assert window.session.base.text == target.read_text(encoding="utf-8")
    assert names(str(target))[0] == "Renamed before saving"
