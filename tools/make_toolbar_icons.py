"""Writes the toolbar's icons (resources/icons/toolbar/*.svg) from Material Design Icons.

The app does not load an icon font at start-up (QtAwesome's import alone took half a second
here); the few glyphs it needs are drawn once by this script into small SVG files. Run it
after changing ``canvas_app.ui.main_toolbar.ICONS``, with QtAwesome installed (the ``dev``
extra):

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_toolbar_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtGui import QPainterPath, QRawFont  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from canvas_app.ui.main_toolbar import ICONS, TOOLBAR_ICONS, icon_colour  # noqa: E402

SIZE = 24  # Material Design Icons are drawn on a 24 x 24 grid


def svg_path(path: QPainterPath) -> str:
    """A QPainterPath as SVG path data (moves, lines and cubic curves)."""
    out: list[str] = []
    i = 0
    while i < path.elementCount():
        e = path.elementAt(i)
        if e.isMoveTo():
            out.append(f"{'Z' if out else ''}M{e.x:.2f} {e.y:.2f}")
        elif e.isLineTo():
            out.append(f"L{e.x:.2f} {e.y:.2f}")
        elif e.isCurveTo():
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(f"C{e.x:.2f} {e.y:.2f} {c2.x:.2f} {c2.y:.2f} {end.x:.2f} {end.y:.2f}")
            i += 2
        i += 1
    return "".join(out) + "Z"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    import qtawesome

    TOOLBAR_ICONS.mkdir(parents=True, exist_ok=True)
    font = qtawesome.font("mdi6", SIZE)
    raw = QRawFont.fromFont(font)
    raw.setPixelSize(SIZE)
    for key, name in ICONS.items():
        char = qtawesome.charmap(name)
        glyph = raw.glyphIndexesForString(char)[0]
        path = raw.pathForGlyph(glyph)
        path.translate(0, raw.ascent())  # glyphs sit on the baseline
        (TOOLBAR_ICONS / f"{key}.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
            f'viewBox="0 0 {SIZE} {SIZE}"><!-- {name} (Material Design Icons) -->'
            f'<path fill="{icon_colour(key)}" d="{svg_path(path)}"/></svg>\n')
        print(f"{key}.svg  {name}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
