"""The Find bar (Ctrl+F): finds nodes by name in the whole workspace.

It floats over the canvas's top-right corner. Typing selects the first node of the shown
campaign whose name contains the text (case and accents ignored); Enter and F3 go to the
next match, Shift+Enter and Shift+F3 to the previous one, into the other campaigns and
round; Alt+Enter selects every match in the shown campaign; Esc closes the bar and gives the
canvas the keyboard with the match selected.

The bar is a child of the window, not of the canvas: the canvas's own keys (Delete,
Backspace, Ctrl+A…) act on nodes while it has the focus, and must not while one types here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsDropShadowEffect,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from ..domain.counting import counted
from ..domain.search import Match, find_nodes
from . import theme

if TYPE_CHECKING:
    from .main_window import MainWindow

MARGIN = 10  # from the canvas's top-right corner
WIDTH = 420  # at least; more when "3 in 2 campaigns (Enter)" needs it
FIELD_WIDTH = 200
RECOUNT_MS = 150  # after an edit, the count is made again this much later
LONGEST_COUNT = "999 in 99 campaigns (Enter)"  # the count beside the field, at its longest


class CountLabel(QLabel):
    """The count beside the field: as wide as the longest usual count when there is room,
    else cut short with "…" (its tooltip has it whole). A narrow canvas with a large font
    ran it under the ▲ button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        super().setText(text)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Room for the longest usual count, so the bar keeps its width while one types."""
        hint = super().sizeHint()
        usual = self.fontMetrics().horizontalAdvance(LONGEST_COUNT) + 8
        return QSize(max(hint.width(), usual), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("99 of 99…")),
                     hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                              self.contentsRect().width())
        if shown == self._full:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), shown)


class FindBar(QFrame):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.current: Match | None = None  # the match last gone to
        self.setObjectName("findBar")
        self.setAccessibleName("Find a node")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "QFrame#findBar { background: palette(window); border: 1px solid #aab6c3; "
            "border-radius: 4px; } "
            "QLineEdit[found=\"false\"] { background: #fdecee; } "
            f"QLabel#findCount {{ color: {theme.TEXT_MUTED}; }}")
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(12)
        shadow.setOffset(0, 2)
        shadow.setColor(QColor(0, 0, 0, 60))
        self.setGraphicsEffect(shadow)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find a node by name")
        self.field.setAccessibleName("Node name to find")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(FIELD_WIDTH)
        self.count = CountLabel(self)
        self.count.setObjectName("findCount")
        self.previous_button = self._button("▲", "Previous match (Shift+Enter)",
                                            lambda: self.step(False))
        self.next_button = self._button("▼", "Next match (Enter)", lambda: self.step(True))
        self.close_button = self._button("✕", "Close (Esc)", self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 4, 4)
        row.setSpacing(4)
        row.addWidget(self.field, 1)
        row.addWidget(self.count)
        for button in (self.previous_button, self.next_button, self.close_button):
            row.addWidget(button)
        self.field.textEdited.connect(self._typed)
        self.field.installEventFilter(self)
        window.view.installEventFilter(self)  # follows the canvas's size and place
        # Every edit, undo and redo moves an undo stack: the count follows them while the
        # bar shows (QA: "2 of 3" stayed after an undo took one of the three away), once
        # for a burst of them.
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_MS)
        self._recount.timeout.connect(self._edited)
        window.undo_group.indexChanged.connect(self._recount_soon)
        self.hide()

    def _recount_soon(self, _index: int = 0) -> None:
        if self.isVisible():
            self._recount.start()

    def _edited(self) -> None:
        """The workspace changed under the bar: its count is of the matches now; a match
        gone to that is no longer one (deleted, renamed) is forgotten."""
        if not self.isVisible():
            return
        matches = self.matches()
        if self.current is not None and self.current not in matches:
            self.current = None
        self._show_count(matches)

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays in the field's row
        button.clicked.connect(slot)
        return button

    # -- opening and closing -------------------------------------------------------------
    def open(self) -> None:
        """Shows the bar with its text selected, to type over or to go on with F3."""
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._show_count()

    def close_bar(self) -> None:
        self.hide()
        self.main_window.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place(self) -> None:
        view = self.main_window.view
        width = min(max(WIDTH, self.sizeHint().width()), max(200, view.width() - 2 * MARGIN))
        self.resize(width, self.sizeHint().height())
        corner = view.mapTo(self.main_window, QPoint(view.width(), 0))
        scroll_bar = view.verticalScrollBar()
        right = corner.x() - MARGIN - (scroll_bar.width() if scroll_bar.isVisible() else 0)
        self.move(right - width, corner.y() + MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main_window.view:
            if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and self.isVisible():
                self._place()
            return False
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.AltModifier:
                self.select_all_here()
            else:
                self.step(not mods & Qt.KeyboardModifier.ShiftModifier)
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.step(key == Qt.Key.Key_Down)
            return True
        return False

    # -- finding -------------------------------------------------------------------------
    def matches(self) -> list[Match]:
        """Every match, from the shown campaign on (see ``find_nodes``)."""
        window = self.main_window
        return find_nodes(window.session.workspace, self.field.text(),
                          window.current_campaign_id())

    def _typed(self) -> None:
        """As one types: the first match in the shown campaign; the view does not jump to
        another campaign until Enter says so."""
        here = self.main_window.current_campaign_id()
        matches = self.matches()
        first = next((m for m in matches if m.campaign_id == here), None)
        previous, self.current = self.current, None
        if first is not None:
            self._go(first)
        elif previous is not None:
            self._unselect(previous)
        self._show_count(matches)

    def _unselect(self, match: Match) -> None:
        """The node an earlier letter found is no longer a match: it is not left selected
        as if it were (QA: "P" found "Subscribed to checkup", which stayed selected while
        the bar said "1 in another campaign"); a selection the user made is left alone."""
        scene = self.main_window.scene
        if scene is not None and scene.selected_node_ids() == [match.node_id]:
            scene.select_nodes([])

    def step(self, forward: bool = True) -> bool:
        """Goes to the next (or previous) match, round the workspace. F3 with the bar
        closed, or nothing typed, opens it."""
        if not self.isVisible() or not self.field.text().strip():
            self.open()
            if not self.field.text().strip():
                return False
        matches = self.matches()
        if not matches:
            self._show_count(matches)
            return False
        if self.current in matches:
            index = matches.index(self.current) + (1 if forward else -1)
        else:
            index = 0 if forward else -1
        self._go(matches[index % len(matches)])
        self._show_count(matches)  # the same matches, whichever campaign is shown now
        return True

    def select_all_here(self) -> None:
        """Selects every match in the shown campaign."""
        window = self.main_window
        here = window.current_campaign_id()
        ids = [m.node_id for m in self.matches() if m.campaign_id == here]
        if window.scene is not None and ids:
            window.scene.select_nodes(ids)
            self.current = None
            window.show_status(f"Selected {counted(len(ids), 'node')} "
                               f'named like "{self.field.text().strip()}".')

    def _go(self, match: Match) -> None:
        window = self.main_window
        if window.current_campaign_id() != match.campaign_id:
            window.campaign_list.select(match.campaign_id)
        scene = window.scene
        if scene is None or match.node_id not in scene.nodes:
            return
        scene.select_nodes([match.node_id])
        item = scene.nodes[match.node_id]
        window.view.go_to_node(match.node_id)
        self._clear_of_bar(item)
        self.current = match

    def _clear_of_bar(self, item: QGraphicsItem) -> None:
        """Scrolls on when the found node would be under this bar, which floats over the
        canvas: its rectangle is no room to show the node in (QA: 4 of 4 in the sample,
        "Post-purchase", was found under it, hidden). The node goes below the bar or to its
        left, whichever is the shorter scroll that keeps it in view."""
        view = self.main_window.view
        if not self.isVisible():
            return
        viewport = view.viewport()
        bar = QRect(viewport.mapFrom(self.main_window, self.pos()), self.size()).adjusted(
            -MARGIN, -MARGIN, MARGIN, MARGIN)
        node = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        if not node.intersects(bar):
            return
        room = viewport.rect()
        below = (0, bar.bottom() + 1 - node.top())  # how far the picture moves (dx, dy)
        beside = (bar.left() - 1 - node.right(), 0)
        ways = sorted((below, beside), key=lambda way: (
            not room.contains(node.translated(*way)), abs(way[0]) + abs(way[1])))
        dx, dy = ways[0]
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() - dx)
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() - dy)
        view.fitted = False  # scrolled to show this node: not refitted over it

    def _show_count(self, matches: list[Match] | None = None) -> None:
        """"3 of 7"; where the shown campaign has none, how many the others have.
        ``matches``: the search just made for the text in the field, else it is made."""
        text = self.field.text().strip()
        found: bool | None = None
        if not text:
            label = ""
        else:
            matches = self.matches() if matches is None else matches
            here = self.main_window.current_campaign_id()
            if not matches:
                label, found = "No match", False
            elif self.current in matches:
                label = f"{self._number(matches, self.current)} of {len(matches)}"
                found = True
            elif not any(m.campaign_id == here for m in matches):
                others = {m.campaign_id for m in matches}
                where = "another campaign" if len(others) == 1 else f"{len(others)} campaigns"
                label, found = f"{len(matches)} in {where} (Enter)", True
            else:
                label, found = f"{len(matches)} found", True
        self.count.setText(label)
        self.count.setToolTip(label)
        self.field.setProperty("found", "" if found is None else str(found).lower())
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)
        self._place()

    def _number(self, matches: list[Match], match: Match) -> int:
        """``match``'s number (from 1) among ``matches`` in the workspace's campaign order,
        whichever campaign is shown: its place were they sorted by (campaign's place, place
        in ``matches``), counted without sorting them (all 14,000 matched one letter)."""
        order = {c.id: i for i, c in enumerate(self.main_window.session.workspace.campaigns)}
        mine = (order.get(match.campaign_id, 0), matches.index(match))
        return 1 + sum(1 for i, m in enumerate(matches)
                       if (order.get(m.campaign_id, 0), i) < mine)
