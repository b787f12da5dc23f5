"""Help > Keyboard and Mouse: every shortcut of the window's menus, and the mouse gestures
of the canvas, in one table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .dialogs.window_size import on_screen

# the window's menus listed, in the menu bar's order
MENU_ORDER = ("file", "edit", "insert", "view", "workspace", "simulate", "help")

GESTURES = (
    ("Canvas", "Drag from the palette", "Place a goal or sequence where you drop it"),
    ("Canvas", "Drag from a node's handle to another node", "Link them"),
    ("Canvas", "Drag to the canvas's edge", "Scroll it, the nodes or the link following"),
    ("Canvas", "Esc while dragging", "Put the nodes back, or drop the link, with nothing "
     "to undo"),
    ("Canvas", "Esc", "Select nothing (the arrow keys scroll again)"),
    ("Canvas", "Double-click a node's name", "Rename it in place (Enter keeps, Esc cancels)"),
    ("Canvas", "Double-click a node", "View and edit its settings"),
    ("Canvas", "Wheel", "Zoom in and out"),
    ("Canvas", "Middle-drag, or Space and drag", "Pan"),
    ("Canvas", "Drag on empty canvas; Ctrl+click", "Select several nodes"),
    ("Canvas", "Tab, Shift+Tab", "Select the next or previous node (past the last one, the "
     "focus moves on)"),
    ("Canvas", "Ctrl+Tab, Ctrl+Shift+Tab", "Add the next or previous node to the selection"),
    ("Canvas", "Menu key, Shift+F10", "The selected node's menu; with none selected, the "
     "canvas's menu"),
    ("Canvas", "Arrows, Shift+arrows", "Move the selected nodes a grid step (five); "
     "with none, scroll"),
    ("Campaigns list", "F2, Ctrl+D, Delete", "Rename, duplicate or delete the campaign"),
    ("Campaigns list", "Ctrl+Shift+Up/Down",
     "Move the campaign up or down the list (or drag it)"),
    ("Campaigns list", "Menu key, Shift+F10, right-click", "The campaign's menu"),
    ("Warnings", "Click; Enter, double-click", "Show its node; go to it (in its campaign)"),
    ("Find bar", "Enter, Shift+Enter (or Down, Up)", "The next or previous node found"),
    ("Find bar", "Alt+Enter", "Select every node found in the campaign shown"),
    ("Find bar", "Esc", "Close the bar; the canvas has the keyboard"),
    ("Navigator", "Click or drag in the map", "Show that part of the campaign"),
    ("Simulation", "Double-click a journey's step", "Show its node on the canvas"),
    ("Simulation", "Ctrl+C on a chart", "Copy the chart as a picture"),
    ("Simulation", "Up, Down, PgUp, PgDown, Home, End on the Chart tab",
     "Scroll the rows of bars that do not fit (click the chart, or Ctrl+F6 to it, first)"),
    ("Simulation", "Right-click a chart; Menu key, Shift+F10",
     "Copy the chart or its data, or save it as an image; on Over Time, Lines hides or "
     "shows a line (the arrow keys on it bring it forward)"),
    ("Simulation", "Right-click the Scenario box; Menu key, Shift+F10",
     "Edit or remove the what-if scenario chosen"),
)


def shortcut_rows(menus: list[QMenu]) -> list[tuple[str, str, str]]:
    """(menu, what, keys) for every action with a shortcut, menu by menu, each once (under
    the first menu it is in)."""
    rows: list[tuple[str, str, str]] = []
    listed: set[int] = set()  # an action in two menus (New Campaign: File, Workspace) once
    for menu in menus:
        title = menu.title().replace("&", "")
        for action in menu_actions(menu):
            if action.isSeparator() or id(action) in listed:
                continue
            listed.add(id(action))
            keys = ", ".join(text for k in action.shortcuts()
                             if on_a_keyboard(text := k.toString(
                                 QKeySequence.SequenceFormat.NativeText)))
            if keys:
                rows.append((title, _plain(action), keys))
    return rows


def menu_actions(menu: QMenu) -> list[QAction]:
    """The menu's actions, those of its submenus (View > Panels) in their place."""
    actions: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        actions.extend(menu_actions(sub) if isinstance(sub, QMenu) else [action])
    return actions


MODIFIERS = {"Ctrl", "Shift", "Alt", "Meta"}
NAMED_KEYS = {"Del", "Backspace", "Return", "Enter", "Esc", "Space", "Tab", "Left", "Right",
              "Up", "Down", "PgUp", "PgDown", "Home", "End", "Ins"}


def on_a_keyboard(keys: str) -> bool:
    """Leaves out the special keys some keyboards have ("Open", "Copy", "Undo", and the
    F13-F35 that X11 maps them to), which the platform adds to the standard shortcuts."""
    if keys.endswith("++"):  # Ctrl++: the key is "+"
        parts = [*keys[:-2].split("+"), "+"]
    else:
        parts = keys.split("+")
    *modifiers, key = parts
    if not set(modifiers) <= MODIFIERS:
        return False
    function_key = key.startswith("F") and key[1:].isdigit() and 1 <= int(key[1:]) <= 12
    return len(key) == 1 or function_key or key in NAMED_KEYS


_on_a_keyboard = on_a_keyboard  # its earlier name


def _plain(action: QAction) -> str:
    text = action.text().replace("&", "").replace("…", "").split("\t")[0].strip()
    for word in ("Undo", "Redo"):  # the undo actions name the last edit: "Undo Move"
        if text.startswith(word + " "):
            return word
    if text in ("Run", "Pause", "Continue", "Run Again"):  # the Simulate button's states
        return "Run / Pause"
    return text


class ShortcutsTable(QTableWidget):
    """The table of :class:`ShortcutsDialog`: its columns share out the width as it
    changes (see :meth:`ShortcutsDialog.share_columns`)."""

    def __init__(self, rows: int, dialog: ShortcutsDialog) -> None:
        super().__init__(rows, 3)
        self.dialog = dialog

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802  (Qt's name)
        super().resizeEvent(event)
        self.dialog.share_columns(self.viewport().width())


class ShortcutsDialog(QDialog):
    """The table as wide as its texts, within the screen: "What" shows every action whole
    (at 14 pt it was 40 px wide, "Ne…", "Sav…", beside a wide "Where" in a fixed
    640 x 560 window). Long gestures and keys wrap onto more lines; short of room, "Where"
    is elided last of all, before an action's words would be."""

    WHERE, WHAT, KEYS = range(3)
    # the widest a column asks for, in average characters: longer texts wrap
    WHAT_CHARACTERS = 44
    KEYS_CHARACTERS = 30
    WHERE_LEAST_CHARACTERS = 5  # what "Where" keeps when elided
    ROW_ROOM = 4  # px above and below a row's lines, together
    LEAST_WIDTH = 640  # the window's width at the usual font, its texts having room
    LEAST_HEIGHT = 480  # the tallest it is made, unless two thirds of the screen are taller

    def __init__(self, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard and Mouse")
        layout = QVBoxLayout(self)
        menu_rows = shortcut_rows(menus)
        rows = menu_rows + [(area, what, how) for area, how, what in GESTURES]
        self.table = ShortcutsTable(len(rows), self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName("Keyboard shortcuts")  # it had no name at all
        self.table.setHorizontalHeaderLabels(["Where", "What", "Keys or mouse"])
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, arrows move within
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Where", when narrow
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == self.WHERE:
                    item.setToolTip(value)  # its whole text, when elided
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(3):  # share_columns sizes them
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self._measure(menu_rows, rows)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self._fit_to_content()

    # -- widths -------------------------------------------------------------------------
    def text_padding(self) -> int:
        """The room a cell takes round its text: the style's text margins and the grid."""
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                None, self.table) + 1
        return 2 * margin + 2

    def _measure(self, menu_rows: list[tuple[str, str, str]],
                 rows: list[tuple[str, str, str]]) -> None:
        """The widths each column wants (``natural``) and can do with (``least``)."""
        metrics = QFontMetrics(self.table.font())
        header = QFontMetrics(self.table.horizontalHeader().font())
        pad = self.text_padding()
        char = metrics.averageCharWidth()
        titles = ["Where", "What", "Keys or mouse"]

        def widest(texts: list[str]) -> int:
            return max((metrics.horizontalAdvance(t) for t in texts), default=0) + pad

        def longest_word(texts: list[str]) -> int:
            return widest([w for t in texts for w in t.split()])

        columns = [[row[c] for row in rows] for c in range(3)]
        title = [header.horizontalAdvance(t) + pad + 8 for t in titles]
        where = max(widest(columns[self.WHERE]), title[self.WHERE])
        what = max(min(widest(columns[self.WHAT]), self.WHAT_CHARACTERS * char),
                   widest([row[self.WHAT] for row in menu_rows]),
                   longest_word(columns[self.WHAT]), title[self.WHAT])
        keys = max(min(widest(columns[self.KEYS]), self.KEYS_CHARACTERS * char),
                   longest_word(columns[self.KEYS]), title[self.KEYS])
        self.natural = (where, what, keys)
        self.keys_whole = max(widest(columns[self.KEYS]), keys)  # every key on one line
        # short of room: every action's name on one line, each key combination whole,
        # a few letters of "Where"
        self.least = (min(where, self.WHERE_LEAST_CHARACTERS * char + pad),
                      max(widest([row[self.WHAT] for row in menu_rows]),
                          longest_word(columns[self.WHAT]), title[self.WHAT]),
                      max(longest_word(columns[self.KEYS]), title[self.KEYS]))

    def share_columns(self, width: int) -> None:
        """Gives the columns ``width`` px: each its natural width when there is room (then
        "Keys" grows until each key list is on one line, and "What" takes what is left
        over); short of room "What" narrows to its longest action
        first, then "Keys" wraps down to its longest key, then "Where" is elided, and only
        then do actions wrap."""
        where, what, keys = self.natural
        least_where, least_what, least_keys = self.least
        if where + what + keys > width:
            keys = max(least_keys, min(keys, width - where - least_what))
        if where + least_what + keys > width:
            where = max(least_where, width - least_what - keys)
        what = max(width - where - keys, 1)
        if what > self.natural[self.WHAT]:  # room over: keys on one line before "What" grows
            grow = min(what - self.natural[self.WHAT], self.keys_whole - keys)
            keys, what = keys + grow, what - grow
        header = self.table.horizontalHeader()
        header.resizeSection(self.WHERE, where)
        header.resizeSection(self.KEYS, keys)
        header.resizeSection(self.WHAT, what)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Each row as tall as its wrapped texts and a little room."""
        table = self.table
        # one line of text and a little room (the header's default section size is
        # Fusion's 30 px, about two lines: every row looked double height, QA)
        least = table.fontMetrics().height() + self.ROW_ROOM + 2
        for row in range(table.rowCount()):
            height = max(least, table.sizeHintForRow(row) + self.ROW_ROOM)
            if table.rowHeight(row) != height:
                table.setRowHeight(row, height)

    # -- the window's size --------------------------------------------------------------
    def _chrome(self) -> tuple[int, int]:
        """The window's width and height round the table's rows: margins, the table's
        frame, header and scroll bar, the buttons."""
        margins = self.layout().contentsMargins()
        frame = 2 * self.table.frameWidth()
        scroll_bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent,
                                                    None, self.table)
        width = margins.left() + margins.right() + frame + scroll_bar
        height = (margins.top() + margins.bottom() + frame
                  + self.table.horizontalHeader().sizeHint().height()
                  + self.layout().spacing() + self.buttons.sizeHint().height())
        return width, height

    def _fit_to_content(self) -> None:
        """As wide as the columns want and as tall as the rows, within two thirds of the
        screen's height (a window as tall as the screen sat against its top edge, QA);
        the table scrolls."""
        chrome_width, chrome_height = self._chrome()
        width, height = on_screen(self, max(sum(self.natural) + chrome_width,
                                            self.LEAST_WIDTH), 10**6)
        height = min(height, max(self.LEAST_HEIGHT, height * 2 // 3))
        self.share_columns(width - chrome_width)
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        height = min(height, rows + chrome_height)
        self.resize(width, height)
