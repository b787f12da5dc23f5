"""QA 10, files: Open Recent shows a file that is no longer there greyed out, marked
"(not found)", looked at again each time the menu opens."""

from __future__ import annotations

from pathlib import Path

from canvas_app.ui.main_window import MainWindow


def recent_actions(window: MainWindow) -> dict[str, object]:
    menu = window.menus["recent"]
    menu.aboutToShow.emit()  # as opening the menu does
    return {a.text(): a for a in menu.actions() if not a.isSeparator()}


def test_a_recent_file_gone_is_greyed_and_marked_when_the_menu_opens(
        window: MainWindow, sample_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.campaign.json"
    other.write_bytes(sample_file.read_bytes())
    window.files.add_recent(str(other))
    actions = recent_actions(window)
    [shown] = [a for text, a in actions.items() if "other.campaign.json" in text]
    assert shown.isEnabled() and "(not found)" not in shown.text()
    other.unlink()  # deleted while the app runs: the menu was built before
    actions = recent_actions(window)
    [gone] = [a for text, a in actions.items() if "other.campaign.json" in text]
    assert not gone.isEnabled() and gone.text().endswith("(not found)")
    assert "no longer there" in gone.toolTip()
    [here] = [a for text, a in actions.items() if "pool.campaign.json" in text]
    assert here.isEnabled() and "(not found)" not in here.text()
    other.write_bytes(sample_file.read_bytes())  # back again
    [back] = [a for text, a in recent_actions(window).items() if "other.campaign.json" in text]
    assert back.isEnabled() and "(not found)" not in back.text()
