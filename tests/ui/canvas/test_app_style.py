"""The app keeps its light look under a dark desktop, and plain dialog buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from .conftest import make_window


def test_a_dark_desktop_palette_gives_way_to_the_light_one(qtbot, tmp_path: Path,
                                                           sample_file: Path) -> None:
    app = QApplication.instance()
    app.setPalette(QPalette(QColor("#353535"), QColor("#2b2b2b")))  # as a dark desktop's
    window = make_window(qtbot, str(sample_file), tmp_path)
    palette = window.lint_panel.palette()  # (window.palette is the Palette panel)
    assert palette.color(QPalette.ColorRole.Window).lightness() > 200
    assert palette.color(QPalette.ColorRole.Base) == QColor("#ffffff")
    assert palette.color(QPalette.ColorRole.WindowText) == QColor("#000000")
    # the toolbar's dark icons stay on a light bar
    assert window.toolbar.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_dialog_buttons_carry_no_stock_icons(qtbot, window) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(box)
    assert all(button.icon().isNull() for button in box.buttons())
