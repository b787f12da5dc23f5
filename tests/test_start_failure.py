"""A workspace that does not open at start: one line on stderr, then (where windows can be
shown) a box that offers your workspace or another file instead of just exiting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

import canvas_app.app as app_module
from canvas_app.app import (
    OPEN_ANOTHER,
    OPEN_YOURS,
    QUIT,
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
    assert _buttons(box) == {OPEN_ANOTHER, OPEN_YOURS, QUIT}
    assert box.defaultButton().text() == OPEN_ANOTHER and box.escapeButton().text() == QUIT
    assert "cannot open it" not in box.text()  # QA: "cannot open it: … cannot open …"


def test_your_workspace_failing_offers_only_another(qapp):
    box = failed_start_box(None, "cannot open sqlite:///x.db: disk I/O error")
    assert box.text() == "Your workspace did not open."
    assert _buttons(box) == {OPEN_ANOTHER, QUIT}


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


def _click_in_turn(texts: list[str]) -> list[QMessageBox]:
    """Clicks, in each new message box shown, the button with the next text."""
    seen: list[QMessageBox] = []

    def tick() -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                    and w.isVisible() and w not in seen), None)
        if box is None:
            QTimer.singleShot(10, tick)
            return
        seen.append(box)
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


def test_the_start_up_box_buttons_have_keyboard_letters() -> None:
    from canvas_app.app import OPEN_ANOTHER, OPEN_YOURS, QUIT

    letters = [label[label.index("&") + 1].lower() for label in (OPEN_ANOTHER, OPEN_YOURS, QUIT)]
    assert len(set(letters)) == 3
