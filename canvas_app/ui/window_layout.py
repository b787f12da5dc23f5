"""The main window's first size, the panels giving way on a small screen, the room its
panels leave the canvas, the room a bottom panel gets as it comes to the front, and the
hint it starts with."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QWidget

BOTTOM_PANEL_SHARE = 0.45  # of the canvas and bottom panel's height, at most
SIDE_PANEL_SHARE = 0.28  # of the window's width, at most, for the panels of one side
SIDES_PANEL_SHARE = 0.45  # of the window's width, at most, for the panels of both sides


FIRST_SIZE = QSize(1280, 800)
# Of the screen's free room (its taskbar left out), a window takes at most these shares:
# the rest for its frame and title bar.
SCREEN_WIDTH_SHARE, SCREEN_HEIGHT_SHARE = 0.95, 0.92
# A panel's content gives way on a small screen: down to this share of the least size it
# asks for (the Palette then scrolls, the Simulation panel's tabs get short).
GIVE_WAY_LEAST = 0.5


def window_room(available: QSize) -> QSize:
    """The most a window takes of a screen whose free room is ``available``."""
    return QSize(int(available.width() * SCREEN_WIDTH_SHARE),
                 int(available.height() * SCREEN_HEIGHT_SHARE))


def fit_first_size(window: QMainWindow) -> None:
    """1280 x 800, or less on a smaller screen, centred: a first window never reaches past
    the screen's edges (a saved layout, restored after, wins)."""
    width, height = FIRST_SIZE.width(), FIRST_SIZE.height()
    screen = window.screen()
    if screen is None:
        window.resize(width, height)
        return
    room = screen.availableGeometry()
    most = window_room(room.size())
    window.resize(min(width, most.width()), min(height, most.height()))
    window.move(room.left() + (room.width() - window.width()) // 2,
                room.top() + (room.height() - window.height()) // 2)


class GiveWay:
    """The panels' contents, on a screen too small for the window's least size (at 1.5x
    scaling a 1280 x 800 screen is 853 x 533, and the window asked for 542 px of height,
    its status bar off the screen), give way in turn: each down to GIVE_WAY_LEAST of its
    own least size, until the window fits. ``contents`` in the order they give way in
    height (the Palette first: it scrolls); in width the last gives way first (the
    Simulation panel's row of buttons asks for the most). On a screen with room, they
    keep the least sizes they ask for."""

    def __init__(self, window: QMainWindow, contents: list[QWidget]) -> None:
        self.window = window
        self.contents = contents
        self._set: dict[tuple[int, Qt.Orientation], int] = {}  # what was given way, by
        # (index of the content, direction): its least size before

    def fit_screen(self) -> None:
        """Gives way as the window's screen asks (see fit)."""
        screen = self.window.screen()
        if screen is not None:
            self.fit(window_room(screen.availableGeometry().size()))

    def fit(self, room: QSize) -> None:
        """The window's least size within ``room``, as far as its panels can give way."""
        self._take_back()
        for direction in (Qt.Orientation.Vertical, Qt.Orientation.Horizontal):
            order = list(enumerate(self.contents))
            if direction == Qt.Orientation.Horizontal:
                order.reverse()
            for index, widget in order:
                over = self._over(room, direction)
                if over <= 0:
                    break
                if widget.isHidden():
                    continue
                least = _along(widget.minimumSize(), direction) \
                    or _along(widget.minimumSizeHint(), direction)  # as its layout takes it
                cut = min(over, least - int(least * GIVE_WAY_LEAST))
                if cut <= 0:
                    continue
                self._set[index, direction] = _along(widget.minimumSize(), direction)
                if direction == Qt.Orientation.Vertical:
                    widget.setMinimumHeight(least - cut)
                else:
                    widget.setMinimumWidth(least - cut)

    def _take_back(self) -> None:
        for (index, direction), before in self._set.items():
            widget = self.contents[index]
            if direction == Qt.Orientation.Vertical:
                widget.setMinimumHeight(before)
            else:
                widget.setMinimumWidth(before)
        self._set = {}

    def _over(self, room: QSize, direction: Qt.Orientation) -> int:
        """How much the window's least size is over ``room`` in that direction."""
        layout = self.window.layout()
        layout.invalidate()
        layout.activate()
        return _along(self.window.minimumSizeHint(), direction) - _along(room, direction)


def _along(size: QSize, direction: Qt.Orientation) -> int:
    return size.height() if direction == Qt.Orientation.Vertical else size.width()


def start_hint(palette_shown: bool) -> str:
    """Where to start, as the window is laid out (the Palette may have been closed)."""
    place = ("Drag a goal or sequence from the Palette onto the canvas" if palette_shown
             else "Insert > Add Purchase Goal (Ctrl+1, Ctrl+2, Ctrl+3) places a node")
    return f"{place}; double-click a name to rename it, a node to view and edit it."


DEFAULT_LINE = 14  # px: a line of the default app font (9 pt DejaVu Sans at 96 dpi)


def in_font_lines(px: int, widget: QWidget) -> int:
    """A height given in px at the default font, as many lines of ``widget``'s font (no
    less): the Simulation panel came up 340 px tall at 15 pt too, its two rows of controls
    and its tabs leaving one contact, one bar, a 25 px plot."""
    return max(px, round(px * widget.fontMetrics().height() / DEFAULT_LINE))


def bottom_panel_most(canvas: QWidget, panel: QWidget) -> int:
    """The most height the bottom panel keeps of the room it shares with the canvas, the
    same whether the panel is being shown (Simulate) or the window was resized."""
    return int((canvas.height() + panel.height()) * BOTTOM_PANEL_SHARE)


def keep_canvas_room(window: QMainWindow, canvas: QWidget, docks: list[QDockWidget]) -> None:
    """A window made smaller takes the room from the bottom panel first: Qt keeps the
    panel's height and squeezes the canvas (100 px of canvas at 800 x 560). The side panels
    too (a layout kept from a larger screen): each side at most a share of the window's
    width, and both together less than half, so the canvas keeps the middle and stays the
    largest part (at 1024 x 700 with History and the Simulation panel open it was the
    smallest, about 480 x 250)."""

    def shown_in(area: Qt.DockWidgetArea) -> list[QDockWidget]:
        return [d for d in docks if d.isVisible() and not d.isFloating()
                and window.dockWidgetArea(d) == area and not d.visibleRegion().isEmpty()]

    bottom = shown_in(Qt.DockWidgetArea.BottomDockWidgetArea)
    if bottom:
        dock = bottom[0]
        most = bottom_panel_most(canvas, dock)
        if dock.height() > most:
            window.resizeDocks([dock], [most], Qt.Orientation.Vertical)
    sides = [side for area in (Qt.DockWidgetArea.LeftDockWidgetArea,
                               Qt.DockWidgetArea.RightDockWidgetArea)
             if (side := shown_in(area))]
    # panels on both sides (a small window with History open): the canvas keeps the most
    share = SIDE_PANEL_SHARE if len(sides) < 2 else SIDES_PANEL_SHARE / 2
    most = int(window.width() * share)
    for side in sides:
        if max(d.width() for d in side) > most:
            window.resizeDocks(side, [most] * len(side), Qt.Orientation.Horizontal)


class RoomWhenRaised(QObject):
    """A bottom panel tabbed with another (Simulation with Warnings) gets room whenever it
    comes to the front: its tab clicked, View > Panels, Ctrl+F6, a run. Tabbed panels share
    one height, so the Simulation panel came up at the Warnings' 120 px when its tab was
    clicked (QA: a log of two lines, one contact, two bars); only a run's start gave it
    room. It gets ``least`` px (as many font lines in a larger font, see in_font_lines; no
    more than bottom_panel_most), as a run gives it, unless
    the user set its height by dragging the panels' edge while it was in front: then it
    comes back at that height. The panel it shares the height with keeps what it was
    given (Qt's tabbed panels have one height; giving it back would move the canvas's edge
    a second time)."""

    def __init__(self, window: QMainWindow, canvas: QWidget, dock: QDockWidget,
                 least: int) -> None:
        super().__init__(window)
        self.window, self.canvas, self.dock, self.least = window, canvas, dock, least
        self.user_height: int | None = None  # set by dragging the edge while in front
        self._dragging = False  # a press on the window's own area: its panels' edges
        self._height = dock.height()
        window.installEventFilter(self)
        dock.installEventFilter(self)
        dock.visibilityChanged.connect(self._visibility_changed)

    def in_front(self) -> bool:
        dock = self.dock
        return dock.isVisible() and not dock.isFloating() \
            and not dock.visibleRegion().isEmpty()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.MouseButtonPress:
                self._dragging = True
            elif kind == QEvent.Type.MouseButtonRelease:
                self._dragging = False
        elif watched is self.dock and kind == QEvent.Type.Resize:
            height = self.dock.height()
            if height != self._height and self._dragging and self.in_front() \
                    and self.window.dockWidgetArea(self.dock) \
                    == Qt.DockWidgetArea.BottomDockWidgetArea:
                self.user_height = height
            self._height = height
        return False

    def _visibility_changed(self, visible: bool) -> None:
        if visible:  # once Qt has laid the tabs out (and a run's start given its room)
            QTimer.singleShot(0, self, self.give_room)

    def wanted(self) -> int:
        """The height the panel comes to the front at."""
        most = bottom_panel_most(self.canvas, self.dock)
        return min(self.user_height or in_font_lines(self.least, self.dock), most)

    def give_room(self, raised: bool = False) -> None:
        """``raised``: the caller has just brought it to the front (Qt may not have laid
        the tabs out yet, so it would not count as in front)."""
        if not (raised or self.in_front()) or self._dragging or self.dock.isFloating() \
                or self.window.dockWidgetArea(self.dock) != \
                Qt.DockWidgetArea.BottomDockWidgetArea:
            return
        self.window.layout().activate()
        wanted = self.wanted()
        # resizeDocks sizes the panels' area, their row of tabs included (as a run does)
        tabs = tab_bar_height(self.window, self.dock)
        if self.user_height is not None:
            if self.dock.height() != wanted:
                self.window.resizeDocks([self.dock], [wanted + tabs], Qt.Orientation.Vertical)
        elif self.dock.height() + tabs < wanted:
            self.window.resizeDocks([self.dock], [wanted], Qt.Orientation.Vertical)


def tab_bar_height(window: QMainWindow, dock: QDockWidget) -> int:
    """The height of the row of tabs under a docked panel tabbed with others (0 for none):
    QMainWindow.resizeDocks gives it a share of the height asked for."""
    if not window.tabifiedDockWidgets(dock):
        return 0
    titles = {d.windowTitle() for d in (dock, *window.tabifiedDockWidgets(dock))}
    for bar in window.findChildren(QTabBar):
        if bar.parent() is window and bar.isVisible() \
                and {bar.tabText(i) for i in range(bar.count())} == titles:
            return bar.height()
    return 0
