"""The Find bar on a narrow canvas with a large font (QA at 15 pt in a 1024 px window: the
count "1 in another campaign (Enter)" ran under the ▲ button): the count is cut short with
"…", its tooltip whole, and nothing in the bar overlaps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont

from canvas_app.ui.main_window import MainWindow
from tests.ui.fonts import app_font_at

from .conftest import make_window


@pytest.fixture
def large_font() -> Iterator[QFont]:
    yield from app_font_at(15.0)


def test_the_count_gives_way_to_the_buttons_on_a_narrow_canvas(
        qtbot, large_font: QFont, sample_file: Path, tmp_path: Path) -> None:
    window: MainWindow = make_window(qtbot, str(sample_file), tmp_path)
    window.resize(1024, 700)
    window.campaign_list.select("pool-shock-nurture")
    bar = window.find_bar
    bar.open()
    qtbot.keyClicks(bar.field, "checkup")
    qtbot.waitUntil(lambda: bar.count.text() == "1 in another campaign (Enter)")
    view = window.view
    assert bar.width() <= view.width()
    qtbot.waitUntil(lambda: bar.count.geometry().right() < bar.previous_button.geometry().left())
    assert bar.field.geometry().right() < bar.count.geometry().left()
    assert bar.count.toolTip() == "1 in another campaign (Enter)"
    # with room again the count shows whole
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: bar.count.width() >= bar.count.fontMetrics().horizontalAdvance(
        bar.count.text()))
    assert bar.count.geometry().right() < bar.previous_button.geometry().left()
