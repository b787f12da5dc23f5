"""How the app sets Qt up before it starts: its settings, unless the user made their own."""

from __future__ import annotations

import os

from canvas_app.app import QT_ENVIRONMENT, configure_qt


def test_the_app_turns_off_qts_image_thread_pool(monkeypatch) -> None:
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    configure_qt()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == QT_ENVIRONMENT["QT_NO_GUI_THREADPOOL"] == "1"


def test_a_setting_made_by_the_user_wins(monkeypatch) -> None:
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "")
    configure_qt()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == ""
