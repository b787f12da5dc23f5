"""Linking from the keyboard: Ctrl+L on one node offers the nodes it may link to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from .main_window import MainWindow


def show_link_menu(window: MainWindow, campaign_id: str, source: str) -> QMenu | None:
    """A menu at the node: "Link to" each node it may link to, in reading order; None (and
    a word in the status bar) when there is none."""
    controller = window.controller
    campaign = controller.campaign(campaign_id)
    others = sorted((n for n in campaign.nodes if n.id != source),
                    key=lambda n: (round(n.y / 90), n.x))
    allowed = [n for n in others if campaign.can_link(source, n.id) is None]
    name = campaign.node(source).name
    if not allowed:
        window.show_status(f'"{name}" cannot link to any other node of this campaign.')
        return None
    menu = QMenu(f'Link "{name}" to', window)
    menu.setObjectName("linkToMenu")
    header = menu.addAction(f'Link "{name}" to:')
    header.setEnabled(False)
    for node in allowed:
        action = menu.addAction(node.name)
        action.triggered.connect(
            lambda _checked=False, t=node.id: controller.link(campaign_id, source, t))
    view = window.view
    item = view.node_item(source)
    # Below the node and its name, which the menu would otherwise cover.
    anchor = item.sceneBoundingRect().bottomLeft() if item is not None \
        else view.centre_scene_pos()
    menu.setActiveAction(menu.actions()[1])
    menu.popup(view.viewport().mapToGlobal(view.mapFromScene(anchor)))
    return menu
