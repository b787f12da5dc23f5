"""Colours, sizes and icons shared by the canvas and the side panels, and the app's style
(:class:`AppStyle`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMenu,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionMenuItem,
    QTabBar,
    QWidget,
)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ICONS = RESOURCES / "icons"

# Each kind's colour: a node's body (against the canvas, 3:1 at least), the white glyph
# on it, and the white demi-bold 8 pt counts on its pills during a simulation (4.5:1 at
# least; contrast_ratio). The green and the orange were lighter (#1f9d74, #e0871b: white
# on them 3.42:1 and 2.74:1). A kind's icon (resources/icons/<kind>.svg) has its body in
# this colour too (tests/ui/canvas/test_a11y_colours.py).
KIND_COLOURS = {
    "purchase_goal": "#178563",
    "tag_goal": "#b45f00",
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
# the frame of a panel laid over the canvas's content (the navigator): 3.4:1 on the canvas
# and 3.7:1 on the panel's white (#d9e1ea, 1.2:1, left the white panel adrift on it)
OVERLAY_FRAME = "#7b8794"
WARNING = "#d97706"
# A lint badge (the full-zoom icons warning.svg and error.svg, and the zoomed-out marks
# drawn after them): a warning is an amber triangle, an error a red circle, each with a
# dark edge that stands out on the canvas and on a node's body.
WARNING_FILL, WARNING_EDGE = "#f2b705", "#8a5a00"
ERROR_FILL, ERROR_EDGE = "#d64545", "#8c1c1c"


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, DEFAULT_KIND_COLOUR))


def relative_luminance(colour: QColor | str) -> float:
    """WCAG 2's relative luminance of an opaque colour (0 black, 1 white)."""
    colour = QColor(colour)

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def contrast_ratio(first: QColor | str, second: QColor | str) -> float:
    """WCAG 2's contrast ratio of two opaque colours, from 1 (the same) to 21 (black on
    white): text wants 4.5 at least (3 when large or bold from 14 pt), graphics 3."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


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


_TAB_BAR_TAB = QStyle.ContentsType.CT_TabBarTab
_TAB_SHIFT_VERTICAL = QStyle.PixelMetric.PM_TabBarTabShiftVertical
_BUTTONS_HAVE_ICONS = QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons
# the base class's methods, called without super()'s lookup: Qt calls these overrides for
# every cell of every view it measures (10,000 times for the Catalog's products)
_base_size_from_contents = QProxyStyle.sizeFromContents
_base_pixel_metric = QProxyStyle.pixelMetric
_base_style_hint = QProxyStyle.styleHint
_base_draw_control = QProxyStyle.drawControl
_PUSH_BUTTON = QStyle.ControlElement.CE_PushButton
_MENU_ITEM = QStyle.ControlElement.CE_MenuItem
_ENABLED = QStyle.StateFlag.State_Enabled
MENU_NOTE = "menuNote"  # the property of a menu's words that are no choice (see menu_note)
# a push button with the keyboard: its ring shows only once the keyboard moved the focus
# (Tab), as the style's own focus marks do, not on a button that merely has the focus
_FOCUS_SHOWN = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
FOCUS_RING_PX = 2  # a push button's focus ring: this wide, in SELECTION, inside its edge


class AppStyle(QProxyStyle):
    """The platform's style (Fusion here), with clear room above and below every tab's
    label: the panel and dock tabs, and those of dialogs (a style rather than a style
    sheet, which would draw the tabs flat instead of as the style does); dialog
    buttons without the style's old stock icons (a red cross on Cancel, a green arrow on
    OK), which sat oddly beside the app's own icons and on only some buttons; and a
    ring round the label of a push button with the keyboard focus: Fusion marks that
    button with the same thin blue edge as the default button (Enter's), so the
    focus on a dialog's default Save could not be seen at all (QA).

    Qt calls these Python methods for every cell a view measures or draws: each returns
    the base style's answer at once for what it does not change (the enums looked up
    once, no ``super()``)."""

    def styleHint(self, hint: QStyle.StyleHint, option: QStyleOption | None = None,
                  widget: QWidget | None = None, data: Any = None) -> int:
        if hint == _BUTTONS_HAVE_ICONS:
            return 0
        return _base_style_hint(self, hint, option, widget, data)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,
                    painter: QPainter, widget: QWidget | None = None) -> None:
        if element == _MENU_ITEM and not option.state & _ENABLED and isinstance(widget, QMenu):
            option = readable_note(widget, option)  # type: ignore[arg-type]
        _base_draw_control(self, element, option, painter, widget)
        if element == _PUSH_BUTTON and option.state & _FOCUS_SHOWN == _FOCUS_SHOWN:
            draw_focus_ring(painter, option.rect)

    def sizeFromContents(self, kind: QStyle.ContentsType, option: QStyleOption,
                         size: QSize, widget: QWidget | None = None) -> QSize:
        result = _base_size_from_contents(self, kind, option, size, widget)
        if kind == _TAB_BAR_TAB and option is not None:
            room = max(TAB_ROOM_PX, option.fontMetrics.height() // 5)
            if getattr(option, "shape", None) in _SIDEWAYS:
                result.setWidth(result.width() + room)
            else:
                result.setHeight(result.height() + room)
        return result

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        if metric == _TAB_SHIFT_VERTICAL:
            return 1  # the middle of an unselected tab's shape (2 px shorter), not 2 px off
        return _base_pixel_metric(self, metric, option, widget)

    def item_view_style(self, view: QAbstractItemView) -> QStyle:
        """The base style without this one's changes (which are about tabs and dialog
        buttons, not an item view's rows), for ``view``, which owns it: Qt asks the style
        about every row it lays out, and through this Python class each question cost a
        call into Python (see :func:`use_item_view_style`)."""
        style = QStyleFactory.create(self.baseStyle().name())
        style.setParent(view)  # goes with the view (one shared by views went with the first)
        return style


def menu_note(action: QAction, bold: bool = False) -> QAction:
    """Makes ``action`` words in its menu, not a choice: a heading ("Link "X" to:") or a
    note ("10 of 13 nodes drawn…"). It is disabled, so the arrow keys pass it, but drawn
    in TEXT_MUTED (over 6:1 on the menu), not in the pale grey of a disabled choice
    (2.9:1; accessibility QA), which the menu's real disabled choices keep."""
    action.setEnabled(False)
    action.setProperty(MENU_NOTE, True)
    if bold:
        font = action.font()
        font.setBold(True)
        action.setFont(font)
    return action


def readable_note(menu: QMenu, option: QStyleOptionMenuItem) -> QStyleOptionMenuItem:
    """``option`` for drawing a disabled item of ``menu``: a :func:`menu_note`'s in muted
    text, any other as it is."""
    action = menu.actionAt(option.rect.center())
    if action is None or not action.property(MENU_NOTE):
        return option
    note = QStyleOptionMenuItem(option)
    palette = QPalette(note.palette)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(TEXT_MUTED))
    note.palette = palette
    return note


def draw_focus_ring(painter: QPainter, rect: QRect) -> None:
    """A push button's focus ring: FOCUS_RING_PX of SELECTION just inside its edge (the
    default button's frame is the edge itself, 1 px and paler), round-cornered as it."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(SELECTION), FOCUS_RING_PX)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = 1 + FOCUS_RING_PX / 2  # clear of the 1 px edge
    painter.drawRoundedRect(QRectF(rect).adjusted(inset, inset, -inset, -inset), 2, 2)
    painter.restore()


def use_item_view_style(view: QAbstractItemView) -> None:
    """Gives ``view`` (a list or table of many rows) the app's base style without
    :class:`AppStyle`'s Python methods: its rows look the same (AppStyle changes only
    tabs and dialog buttons) and are measured in C++ only, 3-4 times faster. Nothing
    changes where the app's style is not an AppStyle (a test's plain style). Call it
    before giving the view a style sheet or after: Qt keeps both."""
    style = QApplication.style()
    if isinstance(style, AppStyle):
        view.setStyle(style.item_view_style(view))


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
