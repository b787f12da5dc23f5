"""A workspace that does not open at start: one line on stderr, then (where windows can be
shown) a box that offers your workspace or another file instead of just exiting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

import canvas_app.app as app_module
from canvas_app.app import (
    OPEN_ANOTHER,
    OPEN_YOURS,
    QUIT,
    TRY_AGAIN,
    ask_after_failed_start,
    failed_start_box,
    open_first_window,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
BROKEN_LINE = ("line 1 column 7: malformed JSON: expected a value here (text in double "
               "quotes, a number, true, false, null, a list or an object)")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.campaign.json"
    path.write_text('{"a": }', encoding="utf-8")
    return path


@pytest.fixture
def options(tmp_path: Path) -> dict:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return {"settings": settings, "recovery_dir": tmp_path / "recovery",
            "offer_recovery": False}


@pytest.fixture
def windows_shown(monkeypatch) -> None:
    """As on a real display (the tests run offscreen, where no box is offered)."""
    monkeypatch.setattr(app_module, "can_show_windows", lambda _app: True)


def _buttons(box: QMessageBox) -> set[str]:
    return {b.text() for b in box.buttons()}


def test_the_box_names_the_file_and_says_it_once(qapp, broken):
    problem = f"{broken}: {BROKEN_LINE}"
    box = failed_start_box(str(broken), problem)
    assert box.text() == "broken.campaign.json did not open."
    assert box.informativeText() == f"{problem}\n\nOpen another workspace instead?"
    assert _buttons(box) == {TRY_AGAIN, OPEN_ANOTHER, OPEN_YOURS, QUIT}
    assert box.defaultButton().text() == OPEN_ANOTHER and box.escapeButton().text() == QUIT
    assert "cannot open it" not in box.text()  # QA: "cannot open it: … cannot open …"


def test_your_workspace_failing_offers_only_another(qapp):
    box = failed_start_box(None, "cannot open sqlite:///x.db: disk I/O error")
    assert box.text() == "Your workspace did not open."
    assert _buttons(box) == {TRY_AGAIN, OPEN_ANOTHER, QUIT}


def test_another_workspace_opens_after_a_failed_start(qapp, qtbot, broken, tmp_path, options,
                                                      windows_shown, capsys):
    good = tmp_path / "good.campaign.json"
    shutil.copy(SAMPLE, good)
    asked = []

    def ask(source, problem):
        asked.append((source, problem))
        return str(good)

    window = open_first_window(qapp, str(broken), ask=ask, **options)
    assert window is not None
    qtbot.addWidget(window)
    assert window.session.document.source == str(good)
    assert asked == [(str(broken), f"{broken}: {BROKEN_LINE}")]
    assert capsys.readouterr().err == f"canvas-app: {broken}: {BROKEN_LINE}\n"


def test_the_box_comes_back_while_the_choice_fails_too_and_quit_ends(qapp, broken, tmp_path,
                                                                    options, windows_shown):
    other = tmp_path / "missing.campaign.json"
    answers = [str(other), None]
    asked = []

    def ask(source, problem):
        asked.append(source)
        return answers.pop(0)

    assert open_first_window(qapp, str(broken), ask=ask, **options) is None
    assert asked == [str(broken), str(other)]


def test_your_workspace_opens_after_a_failed_file(qapp, qtbot, broken, tmp_path, options,
                                                  windows_shown, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window = open_first_window(qapp, str(broken), ask=lambda *_: "", **options)
    assert window is not None
    qtbot.addWidget(window)
    assert window.session.document.source.endswith("campaign-canvas/workspace.db")
    assert window.controller.workspace.campaigns  # seeded with the sample


def test_a_data_folder_that_cannot_be_made_is_said_in_the_box(qapp, tmp_path, options,
                                                              windows_shown, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))
    asked = []
    assert open_first_window(qapp, None, ask=lambda *a: asked.append(a), **options) is None
    [(source, problem)] = asked
    assert source is None
    assert problem.startswith(f"cannot use the data folder {blocker / 'data' / 'campaign-canvas'}"
                              ", where Campaign Canvas keeps your workspace")


def test_no_box_where_no_window_can_be_shown(qapp, broken, options, capsys):
    assert qapp.platformName() == "offscreen"

    def ask(*_args):
        raise AssertionError("no box offscreen")

    assert open_first_window(qapp, str(broken), ask=ask, **options) is None
    assert capsys.readouterr().err.count("\n") == 1


def _click_in_turn(texts: list[str]) -> list[int]:
    """Clicks, in each new message box shown, the button with the next text; the boxes
    seen, by id (not kept: a box kept past its exec() crashed a later test's first
    QApplication.setStyle)."""
    seen: list[int] = []

    def tick() -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                    and w.isVisible() and id(w) not in seen), None)
        if box is None:
            QTimer.singleShot(10, tick)
            return
        seen.append(id(box))
        text = texts.pop(0)
        next(b for b in box.buttons() if b.text() == text).click()
        if texts:
            QTimer.singleShot(10, tick)

    QTimer.singleShot(0, tick)
    return seen


def test_open_another_asks_for_a_file_and_cancelling_it_asks_again(qapp, broken, monkeypatch):
    chosen = ["", str(SAMPLE)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a: (chosen.pop(0), "")))
    shown = _click_in_turn([OPEN_ANOTHER, OPEN_ANOTHER])
    assert ask_after_failed_start(str(broken), f"{broken}: {BROKEN_LINE}") == str(SAMPLE)
    assert len(shown) == 2 and chosen == []


@pytest.mark.parametrize(("button", "expected"), [(OPEN_YOURS, ""), (QUIT, None)])
def test_the_box_answers(qapp, broken, button, expected):
    _click_in_turn([button])
    assert ask_after_failed_start(str(broken), "why") == expected


@pytest.mark.parametrize("source", ["broken", None])
def test_try_again_opens_the_same_workspace_again(qapp, broken, source):
    """Once the program holding it lets go, or the file is mended: the same source again
    ("" for your workspace)."""
    _click_in_turn([TRY_AGAIN])
    expected = str(broken) if source else ""
    assert ask_after_failed_start(str(broken) if source else None, "why") == expected


def test_a_mended_file_opens_on_try_again(qapp, qtbot, broken, options, windows_shown,
                                          monkeypatch):
    def mend(_source: str | None, _problem: str) -> str:
        shutil.copy(SAMPLE, broken)  # mended in an editor meanwhile
        return str(broken)

    monkeypatch.setattr(app_module, "ask_after_failed_start", mend)
    window = open_first_window(QApplication.instance(), str(broken), **options)
    qtbot.addWidget(window)
    assert window.session.document.title == "broken.campaign.json"


def test_the_start_up_box_buttons_have_keyboard_letters() -> None:
    labels = (TRY_AGAIN, OPEN_ANOTHER, OPEN_YOURS, QUIT)
    letters = [label[label.index("&") + 1].lower() for label in labels]
    assert len(set(letters)) == 4


# The app started on a folder, "Open Your Workspace" answered in the box; prints what the
# window shows once the event loop runs, then closes it.
YOURS_AFTER_A_FOLDER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import canvas_app.app as app_module
from canvas_app.cli import main
from canvas_app.ui.main_window import MainWindow
app = QApplication(sys.argv[:1])
app_module.can_show_windows = lambda _app: True  # as on a real display
app_module.ask_after_failed_start = lambda _source, _problem: ""  # Open Your Workspace

def report():
    window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None:  # still opening (its wait runs the event loop): later
        QTimer.singleShot(20, report)
        return
    print(window.session.document.source)
    print(sorted(c.name for c in window.session.workspace.campaigns))
    print(window.statusBar().currentMessage(), flush=True)
    window.close()

QTimer.singleShot(0, report)
sys.exit(main(sys.argv[1:]))
"""


def test_your_workspace_chosen_after_a_folder_is_seeded_on_a_first_run(tmp_path: Path):
    """As a start with no argument: the sample, not an empty store (it was opened by its
    URL, which never seeds)."""
    import os
    import subprocess
    import sys

    from canvas_app.io import load_workspace

    folder = tmp_path / "not-a-file.campaign.json"
    folder.mkdir()
    data = tmp_path / "fresh-data"  # a first run: no workspace yet
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, "-c", YOURS_AFTER_A_FOLDER, str(folder)],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    source, campaigns, status = result.stdout.splitlines()
    assert source == f"sqlite:///{data / 'campaign-canvas' / 'workspace.db'}"
    assert campaigns == str(sorted(c.name for c in load_workspace(SAMPLE).campaigns))
    assert status.startswith("This is a sample pool-supplies shop to try things on")
    assert "is a folder" in result.stderr  # the one line, before the box


def _shows_all_of(box: QMessageBox, label: QLabel) -> bool:
    """The label's text is all inside the box: as wide as the box lets it, as tall as
    its text needs at that width."""
    return label.geometry().right() < box.width() and \
        label.heightForWidth(label.width()) <= label.height()


def test_the_box_keeps_the_name_and_the_path_whole(qapp):
    source = Path("/tmp/qa2/a-long-folder-name/gone/a-long-workspace-name.campaign.json")
    problem = f"{source}: no such file"
    box = failed_start_box(str(source), problem)
    assert box.text() == f"{source.name} did not open."
    assert box.informativeText() == f"{problem}\n\nOpen another workspace instead?"
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label.text() == f"<nobr>{source.name}</nobr> did not open."
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert informative.textFormat() == Qt.TextFormat.RichText
    assert informative.text().startswith(f"<nobr>{source}</nobr>: no such file<br>")
    box.open()
    try:
        assert informative.width() >= informative.fontMetrics().horizontalAdvance(str(source))
        assert _shows_all_of(box, label) and _shows_all_of(box, informative)
    finally:
        box.done(0)


def test_a_path_longer_than_the_widest_box_wraps_rather_than_being_cut_off(qapp):
    source = Path("/tmp", *["a-rather-long-folder-name"] * 6, "w.campaign.json")
    box = failed_start_box(str(source), f"{source}: no such file")
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert informative.fontMetrics().horizontalAdvance(str(source)) > \
        box.screen().availableGeometry().width()
    box.open()
    try:
        assert informative.minimumWidth() < box.width()  # it was the path's: cut off
        assert _shows_all_of(box, box.findChild(QLabel, "qt_msgbox_label"))
        assert _shows_all_of(box, informative)
    finally:
        box.done(0)
