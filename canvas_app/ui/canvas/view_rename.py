"""The canvas view's inline name editor, over a node's name (F2, or a double-click on the
name); part of :class:`~.view.CanvasView`."""

from __future__ import annotations

from .name_editor import NameEditor
from .node_item import name_rect


class InlineRename:
    """Needs the view's ``canvas`` and Qt's view methods; keeps ``name_editor``."""

    name_editor: NameEditor | None

    def open_name_editor(self, node_id: str) -> NameEditor | None:
        scene = self.canvas()
        if scene is None:
            return None
        item = scene.nodes.get(node_id)
        node = scene.domain_node(node_id)
        if item is None or node is None:
            return None
        self.close_name_editor()
        rect = self.mapFromScene(item.mapToScene(name_rect(item.kind))).boundingRect()
        editor = NameEditor(node_id, node.name, self.viewport())
        height = max(editor.sizeHint().height(), 24)
        width = max(rect.width(), 160)
        editor.setGeometry(rect.center().x() - width // 2, rect.top(), width, height)
        editor.committed.connect(self._commit_name)
        editor.cancelled.connect(self.close_name_editor)
        editor.follow(scene.controller.workspace.events,
                      lambda: scene.domain_node(node_id) is not None)
        editor.show()
        editor.setFocus()
        self.name_editor = editor
        return editor

    def _commit_name(self, node_id: str, text: str) -> None:
        scene = self.canvas()
        self.close_name_editor()
        if scene is not None and scene.campaign_id is not None \
                and scene.domain_node(node_id) is not None:
            scene.controller.rename_node(scene.campaign_id, node_id, text)

    def close_name_editor(self) -> None:
        editor = self.name_editor
        if editor is None:
            return
        self.name_editor = None
        editor.discard()
        editor.deleteLater()
        self.setFocus()
