"""The canvas view's context menus: a node's, a link's or the canvas's, by mouse, the Menu
key or Shift+F10; part of :class:`~.view.CanvasView`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QMenu

from .node_item import NODE_TYPE

if TYPE_CHECKING:
    from .scene import CampaignScene


class ContextMenus:
    """Needs the view's ``canvas``, ``centre_scene_pos``, ``menu_opening``, and Qt's
    view methods; keeps ``context_actions``, ``context_menu`` and ``context_pos``."""

    context_actions: dict[str, list[object]]
    context_menu: QMenu | None
    context_pos: QPointF | None
    _reached: str | None

    # -- context menu --------------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        scene = self.canvas()
        if scene is None:
            return
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self._keyboard_context_menu(scene)
            return
        pos = self.mapToScene(event.pos())
        item = self.itemAt(event.pos())
        node = scene.node_at(pos)
        target = node if node is not None else item
        if target is not None and target.flags() & target.GraphicsItemFlag.ItemIsSelectable:
            if not target.isSelected():
                scene.clearSelection()
                target.setSelected(True)
            key = "node" if target.type() == NODE_TYPE else "link"
        else:
            key = "canvas"
        # "Add …" from this menu places the node where the menu was opened; cleared once
        # the menu's action has run (or none was chosen).
        self.context_pos = pos if key == "canvas" else None
        self._show_menu(key, event.globalPos())

    def _keyboard_context_menu(self, scene: CampaignScene) -> None:
        """The Menu key (or Shift+F10): the menu of what is selected, shown at it (the
        last node reached when several are), or the canvas's menu at the view's middle."""
        nodes = scene.selected_node_ids()
        links = [item for item in scene.selectedItems() if item.type() != NODE_TYPE]
        if nodes:
            node_id = self._reached if self._reached in nodes else nodes[0]
            key, anchor = "node", scene.nodes[node_id].sceneBoundingRect().center()
        elif links:
            key, anchor = "link", links[0].sceneBoundingRect().center()
        else:
            key, anchor = "canvas", self.centre_scene_pos()
        self.context_pos = anchor if key == "canvas" else None
        self._show_menu(key, self.viewport().mapToGlobal(self.mapFromScene(anchor)))

    def _show_menu(self, key: str, where: QPoint) -> None:
        """The context menu of a node, a link or the canvas (``key``) at ``where``."""
        self.menu_opening.emit(key)  # the window enables what the selection allows
        menu = QMenu(self)
        menu.aboutToHide.connect(self._menu_closing)
        for action in self.context_actions.get(key, []):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)  # type: ignore[arg-type]
        if not menu.isEmpty():
            menu.popup(where)
        self.context_menu = menu

    def _menu_closing(self) -> None:
        QTimer.singleShot(0, self, self._forget_context_pos)

    def _forget_context_pos(self) -> None:
        self.context_pos = None
