"""The README's window pictures can be made: the script runs and draws what it says."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from canvas_app.ui import window_screenshots as shots


def test_canvas_and_linking_pictures_are_drawn(qtbot, tmp_path) -> None:
    app = QApplication.instance()
    shots.canvas(app, tmp_path, tmp_path)
    shots.linking(app, tmp_path, tmp_path)
    for name in ("canvas.png", "canvas-linking.png"):
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == (1280, 800)
        # Not blank: the canvas's middle has nodes, so many colours.
        colours = {image.pixel(x, y) for x in range(300, 1200, 7) for y in range(100, 500, 7)}
        assert len(colours) > 20
