"""A start with no workspace named reopens the one open last (Open Recent's first)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from canvas_app.ui.recent_files import last_workspace


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_nothing_opened_yet_means_your_workspace(settings: QSettings) -> None:
    assert last_workspace(settings) is None


def test_the_file_open_last_is_reopened(settings: QSettings, tmp_path: Path) -> None:
    mine = tmp_path / "spa.campaign.json"
    mine.write_text("{}")
    older = tmp_path / "older.campaign.json"
    older.write_text("{}")
    settings.setValue("recentFiles", [str(mine), str(older)])
    assert last_workspace(settings) == str(mine)


def test_a_file_gone_since_is_not_reopened(settings: QSettings, tmp_path: Path) -> None:
    older = tmp_path / "older.campaign.json"
    older.write_text("{}")
    settings.setValue("recentFiles", [str(tmp_path / "moved.campaign.json"), str(older)])
    assert last_workspace(settings) is None  # yours, not an older file by surprise


def test_your_own_store_last_means_your_workspace(settings: QSettings, monkeypatch,
                                                  tmp_path: Path) -> None:
    import canvas_app.data_folder as data_folder

    monkeypatch.setattr(data_folder, "data_folder", lambda: tmp_path)
    (tmp_path / data_folder.DB_FILE).write_bytes(b"")
    settings.setValue("recentFiles", [f"sqlite:///{tmp_path / data_folder.DB_FILE}"])
    assert last_workspace(settings) is None


def test_a_database_server_is_reopened(settings: QSettings) -> None:
    url = "postgresql+psycopg://shop@db.example/campaigns"
    settings.setValue("recentFiles", [url])
    assert last_workspace(settings) == url


def test_the_window_records_what_it_opened_first_in_open_recent(qtbot, tmp_path: Path,
                                                                sample_file: Path) -> None:
    from .conftest import make_window

    window = make_window(qtbot, str(sample_file), tmp_path)
    assert last_workspace(window.settings) == str(sample_file)


def test_the_untouched_sample_is_told_apart(qtbot, tmp_path: Path, sample_file: Path,
                                            monkeypatch) -> None:
    import canvas_app.app as app_module
    from canvas_app.documents import Document

    from .conftest import make_window

    window = make_window(qtbot, str(sample_file), tmp_path)
    assert not app_module.is_untouched_sample(window)  # not your own store: a file
    monkeypatch.setattr(app_module, "default_document", lambda: Document(str(sample_file)))
    assert app_module.is_untouched_sample(window)  # as if the store seeded with the sample
    cid = window.current_campaign_id()
    window.controller.add_node(cid, "sequence", 900, 0)
    assert not app_module.is_untouched_sample(window)


def test_a_last_file_gone_is_named_for_the_start_to_say_so(settings: QSettings,
                                                           tmp_path: Path) -> None:
    from canvas_app.ui.recent_files import last_workspace_gone

    assert last_workspace_gone(settings) is None  # nothing opened yet
    moved = tmp_path / "moved.campaign.json"
    settings.setValue("recentFiles", [str(moved)])
    assert last_workspace_gone(settings) == str(moved)
    moved.write_text("{}")
    assert last_workspace_gone(settings) is None  # there: reopened, nothing to say


def test_a_workspace_reopens_on_the_campaign_it_was_left_on(qtbot, tmp_path: Path,
                                                           sample_file: Path) -> None:
    """QA: reopening showed the first campaign, not the one the user had left it on."""
    from .conftest import make_window

    window = make_window(qtbot, str(sample_file), tmp_path)
    first, second = window.campaign_list.ids()[:2]
    assert window.current_campaign_id() == first
    window.campaign_list.select(second)
    assert window.current_campaign_id() == second
    window.close()
    again = make_window(qtbot, str(sample_file), tmp_path)  # the same settings file
    assert again.current_campaign_id() == second
    assert again.campaign_list.current_id() == second


def test_a_campaign_gone_since_means_the_first(qtbot, tmp_path: Path,
                                               sample_file: Path) -> None:
    from canvas_app.ui.last_campaign import remember, remembered

    from .conftest import make_window

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = make_window(qtbot, str(sample_file), tmp_path)
    first = window.campaign_list.ids()[0]
    remember(settings, window.session.document, "deleted-since")
    settings.sync()
    window.close()
    stored = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert remembered(stored, window.session.document) == "deleted-since"
    again = make_window(qtbot, str(sample_file), tmp_path)
    assert again.current_campaign_id() == first


def test_only_the_last_30_workspaces_are_remembered(settings: QSettings,
                                                    tmp_path: Path) -> None:
    from canvas_app.documents import Document
    from canvas_app.ui.last_campaign import KEPT, remember, remembered

    documents = [Document(str(tmp_path / f"w{i}.campaign.json")) for i in range(KEPT + 5)]
    for i, document in enumerate(documents):
        remember(settings, document, f"c{i}")
    assert remembered(settings, documents[0]) is None  # forgotten: used longest ago
    assert remembered(settings, documents[-1]) == f"c{KEPT + 4}"
    assert remembered(settings, None) is None
    settings.setValue("workspaces/lastCampaign", "not json{")
    assert remembered(settings, documents[-1]) is None
