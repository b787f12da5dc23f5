"""The main window's status bar words: a message for a while, stale after the next edit,
cut to the room beside the zoom label (whole in its tooltip), and cut again when the bar's
width changes; the words on a node reached with Tab or clicked, which go when the
keyboard leaves the canvas (or the click selects something else); how many are selected
when more than one is; and a hint on a gesture that did nothing (a link dropped on no
node), which goes as the next gesture starts (a click, a key on the canvas) or the
selection changes."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from ..domain.counting import counted
from .canvas.scene import LINK_DROP_HINT

if TYPE_CHECKING:
    from .main_window import MainWindow

STATUS_TIMEOUT_MS = 8000
# QStatusBar draws its message from 6 px in to 2 px before its first permanent widget
# (QStatusBarPrivate::messageRect); without one, to 12 px before its right end.
MESSAGE_LEFT, MESSAGE_GAP, MESSAGE_RIGHT_END = 6, 2, 12
# Hints on a gesture just ended that did nothing: they go as the next one starts. (The
# scene's words for a link dropped on no node.)
GESTURE_HINTS = frozenset({LINK_DROP_HINT})
FRESH_S = 0.25  # a message shown this recently came with the action now under way


def selection_words(nodes: int, links: int) -> str:
    """What the status bar says of a selection of more than one item, and what the keys
    do to it: "10 nodes selected: Delete deletes them, …"."""
    parts = [counted(nodes, "node")] if nodes else []
    if links:
        parts.append(counted(links, "link"))
    words = f"{' and '.join(parts)} selected: Delete deletes them"
    if nodes > 1:
        words += ", Ctrl+C copies, Ctrl+D duplicates, the arrow keys move them"
        if nodes == 2 and not links:
            words += ", Ctrl+L links them"
    return words + "."


class _CanvasInput(QObject):
    """Watches the canvas view (and its viewport) for the start of a gesture: a mouse
    press, a key. Lets every event through."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                            QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            self.window.gesture_starting()
        return False


class StatusWords:
    """A mixin of :class:`~.main_window.MainWindow` (it has the status bar, the zoom
    label beside it, the canvas view and the controller)."""

    _status_since = 0.0  # when the status bar's message was shown
    _status_full = ""  # the message as it was asked for, and as shown (maybe cut short)
    _status_shown = ""
    _status_lasting = False  # the message stays until another takes its place
    _under_tip: str | None = None  # the message a status tip covers ("": none; None: no tip)
    _tip_shown = ""  # the status tip on show last
    _node_hint = ""  # the words on the node Tab reached (or a click selected), while shown
    _count_shown = False  # _node_hint is the words on a selection of more than one
    _gesture_hint = ""  # a hint on a gesture that did nothing, while shown
    _watched_scene: QObject | None = None  # the scene whose selection the words follow
    _canvas_input: _CanvasInput | None = None

    def follow_focus(self: MainWindow) -> None:
        """The words on a node follow the keyboard (they go when it leaves the canvas)
        and the clicks on the canvas (a node clicked says how to open it)."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self.view.node_clicked.connect(self._announce_click)
        self._canvas_input = _CanvasInput(self)
        self.view.installEventFilter(self._canvas_input)
        self.view.viewport().installEventFilter(self._canvas_input)

    def gesture_starting(self: MainWindow) -> None:
        """A press or a key on the canvas: a hint on the gesture before goes; and the
        status words follow the selection of the scene shown (a new one comes with each
        workspace opened)."""
        self.follow_selection()
        self._drop_gesture_hint()

    def follow_selection(self: MainWindow) -> None:
        scene = self.scene
        if scene is not None and scene is not self._watched_scene:
            self._watched_scene = scene
            scene.selectionChanged.connect(self._selection_changed)

    def _drop_gesture_hint(self: MainWindow) -> None:
        if self._gesture_hint and self.statusBar().currentMessage() == self._status_shown \
                and self._status_full == self._gesture_hint:
            self.statusBar().clearMessage()
            self.statusBar().setToolTip("")
        self._gesture_hint = ""

    def _selection_changed(self: MainWindow) -> None:
        """More than one selected: how many, and what the keys do to them (the words on
        one node clicked before no longer hold). Not over a message that came with the
        action that selected them (Pasted, Undid): that one says more."""
        scene = self.scene
        if scene is None:
            return
        self._drop_gesture_hint()
        bar = self.statusBar()
        ours = bool(self._node_hint) and bar.currentMessage() == self._node_hint
        nodes, links = len(scene.selected_node_ids()), len(scene.selected_links())
        if nodes + links <= 1:
            if ours and self._count_shown:
                bar.clearMessage()
                bar.setToolTip("")
                self._node_hint = ""
            return
        if bar.currentMessage() and not ours \
                and time.monotonic() - self._status_since < FRESH_S:
            return
        self.show_status(selection_words(nodes, links))
        self._node_hint = bar.currentMessage()
        self._count_shown = True

    def show_status(self: MainWindow, message: str, lasting: bool = False) -> None:
        """A message in the status bar for 8 s (``lasting``: until another takes its place;
        the start-up hint) or until the next edit, which makes an earlier message stale;
        one too long for the bar ends in "…" and is whole in the bar's tooltip. A message
        shown before the bar has its width (the start-up hint) is cut once it has it (see
        refit_status)."""
        self._status_full = message
        self._status_since = time.monotonic()
        self._status_lasting = lasting
        self._count_shown = False
        self._gesture_hint = message if message in GESTURE_HINTS else ""
        self._show_cut(0 if lasting else STATUS_TIMEOUT_MS)

    def time_left(self: MainWindow) -> int | None:
        """The ms the message asked for has left on show (0: none; None: no end)."""
        if self._status_lasting:
            return None
        return max(0, STATUS_TIMEOUT_MS - int((time.monotonic() - self._status_since) * 1000))

    def status_tip(self: MainWindow, tip: str) -> None:
        """Qt's status tip of a menu entry or a button under the pointer, over the message
        on show; once the pointer leaves (an empty tip) the message comes back for what is
        left of its time (QA: Qt cleared it for good, so the start-up hint went as the
        pointer crossed the menu bar)."""
        bar = self.statusBar()
        if tip:
            if self._under_tip is None:  # the message the tips cover, if any was on show
                self._under_tip = self._status_full if self._status_shown and \
                    bar.currentMessage() == self._status_shown else ""
            bar.showMessage(tip)
            bar.setToolTip("")
            self._tip_shown = tip
            return
        covered, self._under_tip = self._under_tip, None
        if bar.currentMessage() != self._tip_shown:
            return  # a message came while the tip showed: it stays
        bar.clearMessage()
        left = self.time_left()
        if covered and covered == self._status_full and left != 0:
            self._show_cut(left or 0)

    def status_room(self: MainWindow) -> int:
        """How wide a message may be: the bar's width less the zoom label and the
        teammate notice beside it, as the bar lays them out (0 before the bar is shown)."""
        bar = self.statusBar()
        if not bar.isVisible():
            return 0
        right = bar.width() - MESSAGE_RIGHT_END
        space = bar.fontMetrics().averageCharWidth()  # a space between them
        # Each label's place once its text is laid out (a zoom just shown may have widened
        # its label, a notice just shown not be placed yet, and the bar not have laid them
        # out again): the zoom at the right end, the teammate notice left of it.
        for label in (self.zoom_label, self.teammate_label):
            if not label.isVisible():
                continue
            placed = label.x() > 0 and label.geometry().right() < bar.width()
            end = label.geometry().right() + 1 if placed else right
            left = end - label.sizeHint().width()
            right = (min(left, label.x()) if placed else left) - MESSAGE_GAP - space
        return max(right - MESSAGE_LEFT, 0)

    def _show_cut(self: MainWindow, timeout: int) -> None:
        bar = self.statusBar()
        message = self._status_full
        room = self.status_room()
        if room > 0:
            shown = bar.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight, room)
        else:  # not laid out yet (the start-up hint): refit_status cuts it once it is
            shown = message
        self._status_shown = shown
        bar.setToolTip(message if shown != message else "")
        bar.showMessage(shown, timeout)

    def refit_status(self: MainWindow) -> None:
        """The message on show, cut again to the bar's width now (the window shown,
        resized, or the zoom label grown), for what is left of its time."""
        bar = self.statusBar()
        if not self._status_full or not bar.currentMessage() \
                or bar.currentMessage() != self._status_shown:
            return
        left = self.time_left()
        if left == 0:
            return
        room = self.status_room()
        if room <= 0:
            return
        shown = bar.fontMetrics().elidedText(self._status_full, Qt.TextElideMode.ElideRight,
                                             room)
        if shown != self._status_shown:
            node_hint = self._node_hint == self._status_shown
            self._show_cut(left or 0)
            if node_hint:
                self._node_hint = self._status_shown

    def _edited(self: MainWindow, _index: int) -> None:
        """An edit makes a message shown before it stale ("A name cannot be empty" after
        a good rename); a message that came with this edit stays."""
        if time.monotonic() - self._status_since > 0.25:
            self.statusBar().clearMessage()
            self.statusBar().setToolTip("")

    def _announce_node(self: MainWindow, node_id: str) -> None:
        """What a node reached with Tab is, and what the keys do to it."""
        campaign_id = self.current_campaign_id()
        if campaign_id is None or not self.controller.campaign(campaign_id).has_node(node_id):
            return
        node = self.controller.campaign(campaign_id).node(node_id)
        kind = node.kind.replace("_", " ").capitalize()
        self.show_status(f'{kind} "{node.name}": Enter edits it, F2 renames it, the arrow '
                         "keys move it, Tab goes to the next node.")
        self._node_hint = self.statusBar().currentMessage()

    def _announce_click(self: MainWindow, node_id: str) -> None:
        """A node selected alone by a click: how to open it (Enter or a double-click, as
        the reference's "View and edit") and rename it. Never over another message being
        read; a click selecting something else takes these words back."""
        bar = self.statusBar()
        ours = bool(self._node_hint) and bar.currentMessage() == self._node_hint
        campaign_id = self.current_campaign_id()
        if not node_id or campaign_id is None \
                or not self.controller.campaign(campaign_id).has_node(node_id):
            if ours and self._count_shown:
                return  # the words on a selection of many: they follow the selection
            if ours:
                bar.clearMessage()
                bar.setToolTip("")
            self._node_hint = ""
            return
        # the start-up hint is general advice, not news: a first click takes its place (QA)
        if bar.currentMessage() and not ours and self._status_full != self.start_hint():
            return
        node = self.controller.campaign(campaign_id).node(node_id)
        kind = node.kind.replace("_", " ").capitalize()
        self.show_status(f'{kind} "{node.name}" selected: Enter or double-click to View and '
                         "Edit, F2 to rename.")
        self._node_hint = bar.currentMessage()

    def _focus_moved(self: MainWindow, _old: QWidget | None, new: QWidget | None) -> None:
        """Tab past the last node (to the Palette, a panel): the words on what the keys do
        to the node no longer hold, and go."""
        if not self._node_hint or (new is not None and (
                new is self.view or self.view.isAncestorOf(new))):
            return
        if self.statusBar().currentMessage() == self._node_hint:
            self.statusBar().clearMessage()
            self.statusBar().setToolTip("")
        self._node_hint = ""
