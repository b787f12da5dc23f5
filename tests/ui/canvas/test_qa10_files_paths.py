"""QA 10, files: an error box keeps each path whole on a line (Qt broke them at "/")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMessageBox

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.path_text import nowrap_paths


def test_the_error_box_shows_paths_whole_and_keeps_its_plain_text(
        window: MainWindow, tmp_path: Path) -> None:
    # short enough to fit the widest box Qt makes on the 800 px offscreen screen (a longer
    # path wraps there rather than run past the box's edge: test_recovery_box_paths)
    target = tmp_path / "a-long-folder" / "gone" / "g.campaign.json"
    assert not window.files.export_json(str(target))
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert box.text() == window.files.last_error  # plain, as the status bar says it
    assert "\n" not in box.text() and "<" not in box.text()
    label = box.findChild(QLabel, "qt_msgbox_label")
    shown = label.text()
    assert f"<nobr>{target}</nobr>" in shown
    assert f"<br><nobr>{target.parent}</nobr>" in shown  # on a line of its own
    assert label.minimumWidth() >= label.fontMetrics().horizontalAdvance(str(target))
    assert label.geometry().right() < box.width()  # nothing runs past the box's edge
    box.close()


def test_message_text_is_escaped_and_a_path_is_only_what_it_should_be() -> None:
    assert nowrap_paths("/a/b.json: <x> & y") == "<nobr>/a/b.json</nobr>: &lt;x&gt; &amp; y"
    assert nowrap_paths("kept in /tmp/q.") == "kept in<br><nobr>/tmp/q</nobr>."
    assert nowrap_paths("no path here") == "no path here"


def test_a_database_url_is_kept_whole_as_a_path_is() -> None:
    """QA (team store): the start-up box broke "postgresql+psycopg://" from
    "postgres:***@127.0.0.1:5432/qa12"."""
    url = "postgresql+psycopg://postgres:***@127.0.0.1:5432/qa12"
    assert nowrap_paths(f"{url}: cannot open: connection failed") == (
        f"<nobr>{url}</nobr>: cannot open: connection failed")
    assert nowrap_paths(f"Open {url}.") == f"Open<br><nobr>{url}</nobr>."
    assert nowrap_paths("see sqlite:////tmp/x.db, then") == (
        "see<br><nobr>sqlite:////tmp/x.db</nobr>, then")
