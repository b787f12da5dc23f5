"""The Catalog's rows are a line of text tall and a little room, at any font (Fusion's
30 px default made its lists look double spaced beside the app's other tables)."""

from __future__ import annotations

from canvas_app.ui.dialogs.catalog_manager import CATALOG_ROW_ROOM

from .helpers import open_catalog


def test_catalog_rows_are_one_line_tall(qtbot, workspace, undo_stack) -> None:
    dialog = open_catalog(qtbot, workspace, undo_stack)
    for table in dialog.tables.values():
        assert table.rowCount() > 0
        line = table.fontMetrics().height()
        assert [table.rowHeight(r) for r in range(table.rowCount())] == \
            [line + CATALOG_ROW_ROOM] * table.rowCount()
        assert line + CATALOG_ROW_ROOM < 30  # Fusion's default row
