"""A window's size on its screen: within the screen's available area, and as large as its
content at the user's font (a fixed size scrolled at 14 pt while the screen had room)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLayoutItem, QScrollArea, QWidget

# the font sizes (in points) the windows' start sizes were drawn for: a larger font scales
# them (see in_font_units); at 9 and 10 pt they are as given
USUAL_POINTS = 10.0


def font_scale(widget: QWidget) -> float:
    """How many times larger than :data:`USUAL_POINTS` the widget's font is (never less
    than 1): a size in pixels drawn for the usual font, times this, fits the user's."""
    font = widget.font()
    points = font.pointSizeF()
    if points <= 0:  # a font sized in pixels
        points = font.pixelSize() * 72.0 / max(widget.logicalDpiY(), 1)
    return max(1.0, points / USUAL_POINTS)


def in_font_units(widget: QWidget, size: tuple[int, int]) -> tuple[int, int]:
    """``size`` (pixels at the usual font) at the widget's font: at 15 pt a window that
    kept its 560 px opened as a narrow column 1,190 px tall, every text wrapping."""
    scale = font_scale(widget)
    return round(size[0] * scale), round(size[1] * scale)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resizes ``window`` to ``width`` x ``height``, or less where its screen's available
    area (without the taskbar) is smaller, keeping a margin for the title bar."""
    width, height = on_screen(window, width, height)
    window.resize(max(width, 200), max(height, 200))


def on_screen(window: QWidget, width: int, height: int) -> tuple[int, int]:
    """``width`` x ``height``, or less where the window's screen's available area (without
    the taskbar) is smaller, keeping a margin for the title bar."""
    screen = window.screen() if window.parentWidget() is None \
        else window.parentWidget().screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - 20)
        height = min(height, available.height() - 40)
    return width, height


def room_on_screen(window: QWidget) -> QSize | None:
    """The largest size ``window`` may take on its screen (see :func:`on_screen`); None
    without a screen."""
    screen = window.screen() if window.parentWidget() is None \
        else window.parentWidget().screen()
    if screen is None:
        return None
    return QSize(*on_screen(window, screen.availableGeometry().width(),
                            screen.availableGeometry().height()))


def widen_to_fit(width: int, room: QSize, height_at: Callable[[int], int]) -> int:
    """``width``, or more (up to the room's width) while the content, ``height_at`` a
    width, is taller than the room: wrapped texts take fewer lines in a wider window. The
    narrowest width that gets the content as short as the room's width would: no wider
    where that no longer helps."""
    if width >= room.width() or height_at(width) <= room.height():
        return width
    best = max(room.height(), height_at(room.width()))
    low, high = width, room.width()  # height_at(low) > best >= height_at(high)
    while high - low > 8:
        middle = (low + high) // 2
        if height_at(middle) <= best:
            high = middle
        else:
            low = middle
    return high


def relayout(root: QWidget, invalidate: bool = True) -> None:
    """Lays out ``root`` and every widget inside it anew, innermost first, so each one's
    size hint counts what changed inside it before the window is shown (a child hidden
    while its window was not yet shown left its box measuring the child: the E-Commerce
    Actions window measured 44 px too tall). Each layout invalidated posts a layout
    request: not for a window's own layout request (it would come back). Without
    ``invalidate`` only the layouts Qt has invalidated already (a list's new rows, a red
    frame) are laid out: what a shown window's own layout request may do."""
    def depth(widget: QWidget) -> int:
        level = 0
        while widget is not root and widget is not None:
            widget, level = widget.parentWidget(), level + 1
        return level

    inner = [w for w in root.findChildren(QWidget) if w.layout() is not None]
    for widget in [*sorted(inner, key=depth, reverse=True), root]:
        if invalidate:
            widget.layout().invalidate()
        widget.layout().activate()


def height_for(item: QWidget | QLayoutItem, width: int) -> int:
    """The height ``item`` needs at ``width`` (its wrapped texts included)."""
    if item.hasHeightForWidth():
        least = item.minimumSizeHint().height() if isinstance(item, QWidget) \
            else item.minimumSize().height()
        return max(item.heightForWidth(width), least)
    return item.sizeHint().height()


def window_height_for(window: QWidget, width: int, scroll_area: QScrollArea) -> int:
    """The height ``window`` needs at ``width`` to show everything in its layout, the
    widget inside ``scroll_area`` (one of the layout's items) whole, without scrolling."""
    layout = window.layout()
    margins = layout.contentsMargins()
    inner = width - margins.left() - margins.right()
    heights = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget()
        if widget is scroll_area:
            heights.append(height_for(scroll_area.widget(), inner))
        elif not item.isEmpty():
            heights.append(height_for(item, inner))
    return (margins.top() + margins.bottom() + sum(heights)
            + layout.spacing() * max(len(heights) - 1, 0))


def fit_start_size(window: QWidget, start: tuple[int, int], scroll_area: QScrollArea) -> None:
    """Opens ``window`` at ``start`` (its look at the usual font), or larger where its
    content (the widget inside ``scroll_area``) needs more at the user's font, within the
    screen: as wide as the content asks, and wider (as much as helps) while it is taller
    than the screen (its wrapped texts then take fewer lines). At 14 pt a fixed size
    scrolled while the screen had room."""
    window.ensurePolished()  # measured as shown: its style's fonts and margins
    relayout(window)
    margins = window.layout().contentsMargins()
    natural = scroll_area.widget().sizeHint().width() + margins.left() + margins.right() + 2
    width = max(start[0], natural, window.minimumWidth())
    room = room_on_screen(window)
    if room is not None:
        width = min(width, room.width())
        width = widen_to_fit(width, room,
                             lambda w: window_height_for(window, w, scroll_area))
    height = max(start[1], window_height_for(window, width, scroll_area))
    if room is not None:
        height = min(height, room.height())
    window.resize(width, max(height, window.minimumHeight()))


def least_height(window: QWidget) -> int:
    """The height ``window``'s layout needs at the window's narrowest, its wrapped texts on
    the most lines (at most the screen's room): at any width it may take, no widget is
    squeezed over another (at 15 pt the action set editor opened 52 px shorter than its
    content and its "Add action" row lay over the actions list)."""
    layout = window.layout()
    needed = layout.totalMinimumSize().height()
    if layout.hasHeightForWidth():
        needed = max(needed, layout.totalMinimumHeightForWidth(window.minimumWidth()))
    room = room_on_screen(window)
    return needed if room is None else min(needed, room.height())


def fit_layout_start_size(window: QWidget, start: tuple[int, int]) -> None:
    """Opens ``window`` (no scroll area: its layout must fit whole) at ``start`` in font
    units, or larger where its content needs more, within the screen; at least
    :func:`least_height` tall (the window keeps that minimum as its content changes)."""
    window.ensurePolished()
    relayout(window)
    layout = window.layout()
    width, height = in_font_units(window, start)
    width = max(width, window.minimumWidth(), layout.totalMinimumSize().width())
    room = room_on_screen(window)
    if room is not None:
        width = min(width, room.width())
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() \
        else layout.totalSizeHint().height()
    height = max(height, needed)
    if room is not None:
        height = min(height, room.height())
    window.setMinimumHeight(least_height(window))
    window.resize(width, max(height, window.minimumHeight()))
