"""The canvas view's inline name editor, over a node's name (F2, or a double-click on the
name); part of :class:`~.view.CanvasView`."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF
from PySide6.QtWidgets import QApplication

from .name_editor import NameEditor
from .node_item import NodeItem, name_rect

EDITOR_MIN_WIDTH = 160  # px: room to type even under a short name, zoomed out
EDITOR_MAX_POINTS = 36.0  # the editor's text grows with the zoom up to this size
EDITOR_PADDING = 16  # px beside the text (the field's frame and margins)
# The status bar while a name is typed (QA: it kept "…F2 to rename"); gone as it closes
RENAME_HINT = "Type the new name: Enter or a click elsewhere keeps it, Esc cancels."


def editor_font(name_font: QFont, zoom: float) -> QFont:
    """The editor's font: the name's as drawn at ``zoom`` (demi-bold, as large), never
    smaller than the app's usual text (a name zoomed out is too small to type in), nor
    larger than ``EDITOR_MAX_POINTS``."""
    font = QFont(name_font)
    floor = QFontInfo(QApplication.font()).pointSizeF()
    font.setPointSizeF(min(EDITOR_MAX_POINTS, max(floor, name_font.pointSizeF() * zoom)))
    return font


class InlineRename:
    """Needs the view's ``canvas`` and Qt's view methods; keeps ``name_editor``."""

    name_editor: NameEditor | None

    def open_name_editor(self, node_id: str) -> NameEditor | None:
        """The editor over the node's name, at the name's drawn size (its text scaled with
        the zoom: at 209 % it was small, with the large label showing under it, QA); the
        name is hidden while it is open and shown again when it closes."""
        scene = self.canvas()
        if scene is None:
            return None
        item = scene.nodes.get(node_id)
        node = scene.domain_node(node_id)
        if item is None or node is None:
            return None
        self.close_name_editor()
        editor = NameEditor(node_id, node.name, self.viewport())
        editor.setFont(editor_font(scene.style_cache.name_font, self.zoom()))
        self.place_name_editor(editor, item)
        editor.committed.connect(self._commit_name)
        editor.cancelled.connect(self.close_name_editor)
        editor.follow(scene.controller.workspace.events,
                      lambda: scene.domain_node(node_id) is not None)
        item.set_name_hidden(True)
        editor.show()
        editor.setFocus()
        self.name_editor = editor
        # what the keys do now (QA: the bar kept "…F2 to rename" while the name was typed)
        scene.controller.status_message.emit(RENAME_HINT)
        return editor

    def place_name_editor(self, editor: NameEditor, item: NodeItem) -> None:
        """Over the name as drawn: as wide as its room under the node (or its text, if
        wider), as tall as its lines, centred on them; taller than them (the app's font
        is larger than the name as drawn), it grows down rather than over the icon."""
        label = self.mapFromScene(item.mapToScene(item.name_box())).boundingRect()
        room = self.mapFromScene(item.mapToScene(name_rect(item.kind))).boundingRect()
        text = QFontMetricsF(editor.font()).horizontalAdvance(editor.text())
        width = max(room.width(), EDITOR_MIN_WIDTH, round(text) + EDITOR_PADDING)
        width = min(width, max(EDITOR_MIN_WIDTH, self.viewport().width()))
        height = max(editor.sizeHint().height(), label.height(), 24)
        centre = label.center() if label.height() > 0 else room.center()
        top = max(centre.y() - height // 2, room.top()) if label.height() > 0 else room.top()
        # kept inside the view, its end and caret in sight (QA 21: a long name near the
        # right edge ran past it)
        left = max(0, min(centre.x() - width // 2, self.viewport().width() - width))
        editor.setGeometry(QRect(left, top, width, height))

    def _commit_name(self, node_id: str, text: str) -> None:
        scene = self.canvas()
        self.close_name_editor()
        if scene is not None and scene.campaign_id is not None \
                and scene.domain_node(node_id) is not None:
            scene.controller.rename_node(scene.campaign_id, node_id, text)

    def keep_name_editor(self) -> None:
        """A name being typed is kept (renamed, as Enter does) before something that would
        close it: a save, another campaign shown."""
        if self.name_editor is not None:
            self.name_editor.finish(True)

    def close_name_editor(self) -> None:
        editor = self.name_editor
        if editor is None:
            return
        self.name_editor = None
        scene = self.canvas()
        item = scene.nodes.get(editor.node_id) if scene is not None else None
        if item is not None:  # the name shows again (renamed, kept, or the node gone)
            item.set_name_hidden(False)
        editor.discard()
        editor.deleteLater()
        self.setFocus()
        if scene is not None:  # the hint no longer holds (what follows says its own)
            scene.controller.status_message.emit("")
