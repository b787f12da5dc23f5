"""The Catalog window at the user's 14 pt font: it kept its 820 px, and the products'
"Used by" was cut to 'goal "Boug…' with room to spare on the screen. It widens to its
columns (each up to COLUMN_MAX_WIDTH) within the screen; at the usual font it keeps 820."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics

from canvas_app.ui.dialogs import open_catalog_manager, window_size
from canvas_app.ui.dialogs.catalog_manager import COLUMN_MAX_WIDTH, CatalogManagerDialog
from tests.ui.fonts import app_font_at

SCREEN = (1280, 800)  # a laptop's screen; the tests' own is 800 x 800


@pytest.fixture
def laptop_screen(monkeypatch):
    """Windows sized as on a 1280 x 800 screen (less its title bar's room)."""
    def on_screen(_window, width: int, height: int) -> tuple[int, int]:
        return min(width, SCREEN[0] - 20), min(height, SCREEN[1] - 40)

    monkeypatch.setattr(window_size, "on_screen", on_screen)


@pytest.fixture(params=[9.0, 14.0], ids=["9pt", "14pt"])
def app_font(request, qapp):
    yield from app_font_at(request.param)


def test_the_catalog_widens_to_its_columns(qtbot, workspace, undo_stack, laptop_screen,
                                           app_font):
    dialog: CatalogManagerDialog = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.tables["products"]
    qtbot.waitUntil(lambda: dialog.width() >= CatalogManagerDialog.START_SIZE[0])
    assert dialog.width() <= SCREEN[0] - 20
    metrics = QFontMetrics(table.font())
    last = table.columnCount() - 1
    for column in range(last + 1):
        widest = max(metrics.horizontalAdvance(table.item(r, column).text())
                     for r in range(table.rowCount()))
        if column < last:  # whole
            assert table.columnWidth(column) >= widest, column
        else:  # whole, or as wide as a column gets (its tooltip has the rest)
            assert table.columnWidth(column) >= min(widest, COLUMN_MAX_WIDTH)
    if app_font.pointSizeF() == 9.0:
        assert dialog.width() == CatalogManagerDialog.START_SIZE[0]  # as it was
    else:
        assert dialog.width() > CatalogManagerDialog.START_SIZE[0]
