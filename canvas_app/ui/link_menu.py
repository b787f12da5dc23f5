"""Linking from the keyboard: Ctrl+L on one node offers the nodes it may link to, and the
links it has, to remove.

The menu never covers its node (the user is choosing what that node links to): it opens
below the node and its name when it fits there, else above, else beside it (right, then
left); a list taller than the screen scrolls instead of spilling over the node.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import networkx as nx
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QMenu

from ..domain.names import short_name
from .theme import menu_note

if TYPE_CHECKING:
    from ..domain.campaign import Campaign
    from ..domain.nodes import Node
    from .main_window import MainWindow

GAP = 2  # pixels between the node and the menu
# Without this Qt lays a menu taller than the screen out in columns (wide enough to cover
# anything); with it, the menu keeps one column and scrolls.
SCROLLABLE = "QMenu { menu-scrollable: 1; }"


def show_link_menu(window: MainWindow, campaign_id: str, source: str) -> QMenu | None:
    """A menu at the node: "Link to" each node it may link to, in reading order, then
    "Remove a link" for each link it has (to a node, or from one: QA 21, the keyboard had
    no way to remove a link); None (and a word in the status bar) when there is neither."""
    controller = window.controller
    campaign = controller.campaign(campaign_id)
    others = sorted((n for n in campaign.nodes if n.id != source),
                    key=lambda n: (round(n.y / 90), n.x))
    allowed = [n for n in others if campaign.can_link(source, n.id) is None]
    # names cut as the canvas cuts them (QA 21: a 220-character name made the menu as
    # wide as the screen)
    linked = [(f"to {short_name(n.name)}", (source, n.id)) for n in others
              if n.id in campaign.successors(source)]
    linked += [(f"from {short_name(n.name)}", (n.id, source)) for n in others
               if n.id in campaign.predecessors(source)]
    name = short_name(campaign.node(source).name)
    if not allowed and not linked:
        window.show_status(f'"{name}" cannot link to any other node of this campaign.')
        return None
    menu = QMenu(f'Link "{name}" to', window)
    menu.setObjectName("linkToMenu")
    menu.setStyleSheet(SCROLLABLE)
    if allowed:
        # a heading: no choice, passed by the arrow keys, in words that read (not the
        # pale grey of a disabled choice, QA)
        menu_note(menu.addAction(f'Link "{name}" to:'), bold=True)
    for node in allowed:
        action = menu.addAction(short_name(node.name))
        action.triggered.connect(
            lambda _checked=False, t=node.id: controller.link(campaign_id, source, t))
    if linked:
        if allowed:
            menu.addSeparator()
        menu_note(menu.addAction(f'Remove a link of "{name}":'), bold=True)
    first_unlink = len(menu.actions())
    for words, (a, b) in linked:
        action = menu.addAction(words)
        action.setObjectName("unlinkAction")
        action.triggered.connect(
            lambda _checked=False, a=a, b=b: controller.unlink(campaign_id, a, b))
    view = window.view
    item = view.node_item(source)
    viewport = view.viewport()
    if item is not None:
        # The node with its name, on the screen.
        box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        node = QRect(viewport.mapToGlobal(box.topLeft()), box.size())
    else:
        node = QRect(viewport.mapToGlobal(view.mapFromScene(view.centre_scene_pos())),
                     QSize(1, 1))
    screen = (view.screen() or window.screen()).availableGeometry()
    place = menu_place(node, menu.sizeHint(), screen)
    if place.height() < menu.sizeHint().height():
        menu.setMaximumHeight(place.height())  # it scrolls
    menu.setActiveAction(menu.actions()[
        1 + allowed.index(likely_target(campaign, source, allowed)) if allowed
        else first_unlink])
    menu.popup(place.topLeft())
    # Qt fits a popup to the screen by its full size hint (a scrolling menu's is the whole
    # list) and may lift it over the node: put it back where it was meant to be.
    menu.move(place.topLeft())
    return menu


def likely_target(campaign: Campaign, source: str, allowed: list[Node]) -> Node:
    """The node Enter links to at once: the nearest one that does not lead back to
    ``source`` (a link to it would close a loop), to its right first; else the first.
    (QA: the goal's own upstream sequence was offered first.)"""
    upstream = nx.ancestors(campaign.graph, source)
    here = campaign.node(source)
    ahead = [n for n in allowed if n.id not in upstream]
    if not ahead:
        return allowed[0]
    return min(ahead, key=lambda n: (n.x <= here.x, math.hypot(n.x - here.x, n.y - here.y)))


def menu_place(node: QRect, size: QSize, screen: QRect) -> QRect:
    """Where a menu of ``size`` goes on ``screen`` so that it does not cover ``node``:
    below it if it fits there, else above, else to its right, else to its left (as high as
    the screen at most); with no room for all of it anywhere, below or above, whichever
    has more room, as high as that room (the menu scrolls)."""
    width = min(size.width(), screen.width())
    height = min(size.height(), screen.height())

    def left_x() -> int:  # lined up with the node's left, kept on the screen
        return max(screen.left(), min(node.left(), screen.right() + 1 - width))

    def side_y() -> int:  # level with the node's top, kept on the screen
        return max(screen.top(), min(node.top(), screen.bottom() + 1 - height))

    below = QRect(left_x(), node.bottom() + 1 + GAP, width, height)
    above = QRect(left_x(), node.top() - GAP - height, width, height)
    right = QRect(node.right() + 1 + GAP, side_y(), width, height)
    left = QRect(node.left() - GAP - width, side_y(), width, height)
    for candidate in (below, above, right, left):
        if screen.contains(candidate):
            return candidate
    room_below = screen.bottom() - node.bottom() - GAP
    room_above = node.top() - GAP - screen.top()
    if room_below >= room_above:
        return QRect(left_x(), node.bottom() + 1 + GAP, width, max(room_below, 1))
    room = max(room_above, 1)
    return QRect(left_x(), node.top() - GAP - room, width, room)

