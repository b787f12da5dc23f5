"""Colours, sizes and icons shared by the canvas and the side panels, and the app's style
(:class:`AppStyle`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QTabBar, QWidget

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ICONS = RESOURCES / "icons"

KIND_COLOURS = {
    "purchase_goal": "#1f9d74",
    "tag_goal": "#e0871b",
    "sequence": "#3b6fd8",
}
DEFAULT_KIND_COLOUR = "#6b7a90"

CANVAS_BACKGROUND = "#f6f8fb"
GRID_MINOR = "#e8edf3"
GRID_MAJOR = "#d9e1ea"
TEXT = "#1f2933"
TEXT_MUTED = "#52606d"
LINK = "#7b8794"
LINK_SELECTED = "#1e66f5"
SELECTION = "#1e66f5"
CANVAS_FRAME = "#d9e1ea"  # the canvas's frame without the focus
WARNING = "#d97706"


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, DEFAULT_KIND_COLOUR))


def icon_path(name: str) -> Path:
    return ICONS / name


def load_icon(name: str) -> QIcon:
    return QIcon(str(icon_path(name)))


class IconCache:
    """SVG icons rendered once per size, so painting a node draws a ready pixmap."""

    def __init__(self) -> None:
        self._renderers: dict[str, QSvgRenderer] = {}
        self._images: dict[tuple[str, int], QImage] = {}

    def renderer(self, name: str) -> QSvgRenderer:
        if name not in self._renderers:
            self._renderers[name] = QSvgRenderer(str(icon_path(name)))
        return self._renderers[name]

    def image(self, name: str, size: int) -> QImage:
        key = (name, size)
        if key not in self._images:
            image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.renderer(name).render(painter, QRectF(0, 0, size, size))
            painter.end()
            self._images[key] = image
        return self._images[key]

    def pixmap(self, name: str, size: int) -> QPixmap:
        return QPixmap.fromImage(self.image(name, size))


def focus_frame(widget_class: str, object_name: str) -> str:
    """A style sheet giving a list a blue frame while it has the keyboard (as the canvas
    has), so one can see where the arrow keys and Delete will act."""
    return (f"{widget_class}#{object_name} {{ border: 1px solid {CANVAS_FRAME}; }} "
            f"{widget_class}#{object_name}:focus {{ border: 2px solid {SELECTION}; }}")


# Room added to a tab across its label (at least; more for a large font). Fusion draws an
# unselected tab 2 px shorter and its label 2 px towards the base, so descenders (g, p, y)
# touched the tab's edge. A few pixels only: the bottom panel's tables keep their rows.
TAB_ROOM_PX = 3
_SIDEWAYS = {QTabBar.Shape.RoundedWest, QTabBar.Shape.RoundedEast,
             QTabBar.Shape.TriangularWest, QTabBar.Shape.TriangularEast}


class AppStyle(QProxyStyle):
    """The platform's style (Fusion here), with clear room above and below every tab's
    label: the panel and dock tabs, and those of dialogs (a style rather than a style
    sheet, which would draw the tabs flat instead of as the style does); and dialog
    buttons without the style's old stock icons (a red cross on Cancel, a green arrow on
    OK), which sat oddly beside the app's own icons and on only some buttons."""

    def styleHint(self, hint: QStyle.StyleHint, option: QStyleOption | None = None,
                  widget: QWidget | None = None, data: Any = None) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, data)

    def sizeFromContents(self, kind: QStyle.ContentsType, option: QStyleOption,
                         size: QSize, widget: QWidget | None = None) -> QSize:
        result = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.ContentsType.CT_TabBarTab and option is not None:
            room = max(TAB_ROOM_PX, option.fontMetrics.height() // 5)
            if getattr(option, "shape", None) in _SIDEWAYS:
                result.setWidth(result.width() + room)
            else:
                result.setHeight(result.height() + room)
        return result

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 1  # the middle of an unselected tab's shape (2 px shorter), not 2 px off
        return super().pixelMetric(metric, option, widget)


def use_app_style(app: QApplication | None = None) -> None:
    """Gives the application the light palette, and :class:`AppStyle` over its current
    style (once)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return
    from .light_palette import use_light_palette

    use_light_palette(app)
    if isinstance(app.style(), AppStyle):
        return
    style = app.style()
    name = style.baseStyle().name() if isinstance(style, QProxyStyle) else style.name()
    app.setStyle(AppStyle(name))
