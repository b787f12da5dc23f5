"""The main window's status bar words: a message for a while, stale after the next edit,
cut to the bar's width (whole in its tooltip); and the words on a node reached with Tab,
which go when the keyboard leaves the canvas."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

STATUS_TIMEOUT_MS = 8000


class StatusWords:
    """A mixin of :class:`~.main_window.MainWindow` (it has the status bar, the zoom
    label beside it, the canvas view and the controller)."""

    _status_since = 0.0  # when the status bar's message was shown
    _node_hint = ""  # the words on the node Tab reached, while shown

    def follow_focus(self: MainWindow) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def show_status(self: MainWindow, message: str) -> None:
        """A message in the status bar for 8 s (or until the next edit, which makes an
        earlier message stale); one too long for the bar ends in "…" and is whole in the
        bar's tooltip."""
        bar = self.statusBar()
        metrics = bar.fontMetrics()
        if bar.isVisible():
            room = max(bar.width() - self.zoom_label.width() - 40, 200)
            shown = metrics.elidedText(message, Qt.TextElideMode.ElideRight, room)
        else:  # not laid out yet (the start-up hint): its width is not known
            shown = message
        bar.setToolTip(message if shown != message else "")
        bar.showMessage(shown, STATUS_TIMEOUT_MS)
        self._status_since = time.monotonic()

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
