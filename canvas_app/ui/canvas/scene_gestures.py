"""The scene's gestures' feedback and their cancelling (a mixin of CampaignScene): a link
being drawn shows whether the campaign would take it (its target's look, the status bar's
words), and Esc while the button is held cancels a link being drawn or nodes being dragged,
leaving no undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt

from ...domain.names import isolated
from .node_item import NodeItem

if TYPE_CHECKING:
    from .scene import CampaignScene

LINK_CANCELLED = "Link cancelled."
MOVE_CANCELLED = "Move cancelled: the nodes are back where they were."
MOVE_CANCELLED_ONE = "Move cancelled: the node is back where it was."


def link_drag_hint(name: str) -> str:
    """The status bar's words while a link is drawn from the node named ``name``."""
    return f'Drop on another node to link "{isolated(name)}" to it; Esc cancels.'


class LinkAiming:
    """The state it uses (``_link_from``, ``link_target``, ``link_refusal``, ``_link_said``,
    ``_drag_start``, ``_drag_id``) is made in CampaignScene.__init__."""

    def link_target_at(self: CampaignScene, pos: QPointF) -> NodeItem | None:
        """The node a link dropped at ``pos`` goes to: generous, anywhere on its icon,
        name or the margin around them."""
        item = self.node_at(pos)
        if item is not None:
            return item
        for candidate in self.items(pos, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(candidate, NodeItem):
                return candidate
        return None

    def _set_link_target(self: CampaignScene, item: NodeItem | None,
                         refusal: str | None = None) -> None:
        if item is self.link_target and refusal == self.link_refusal:
            return
        previous, self.link_target, self.link_refusal = self.link_target, item, refusal
        for node in (previous, item):
            if node is not None:
                node.update()

    def _aim_link(self: CampaignScene, pos: QPointF) -> None:
        """The link being drawn points at ``pos``: the node there (not the one it starts
        from) is its target, in a look that says whether the campaign would take the link;
        the status bar says why not, or how to go on."""
        source = self._link_from
        target = self.link_target_at(pos)
        if source is None or target is source:
            target = None
        refusal = None
        campaign = self.current_campaign()
        if target is not None and source is not None and campaign is not None:
            refusal = campaign.can_link(source.node_id, target.node_id)
        self._set_link_target(target, refusal)
        if source is not None:
            self._say_while_linking(f"Cannot link: {refusal}." if refusal
                                    else link_drag_hint(self.node_name(source.node_id)))

    def _say_while_linking(self: CampaignScene, message: str) -> None:
        if message != self._link_said:
            self._link_said = message
            self.controller.status_message.emit(message)

    def dragged_node_ids(self: CampaignScene) -> list[str]:
        """The nodes a drag under way has moved (none before it passed its threshold)."""
        return list(self._drag_start) if self._drag_id is not None else []

    def gesture_active(self: CampaignScene) -> bool:
        """Whether a press is drawing a link or dragging (or about to drag) nodes."""
        return self._link_from is not None or bool(self._drag_start)

    def cancel_gesture(self: CampaignScene) -> bool:
        """Esc while the button is held: a link being drawn goes (no link is made); nodes
        being dragged go back where they were, and the drag leaves no undo step (as Esc
        cancels a rename). False when no link or drag was under way."""
        if self._link_from is not None:
            self._cancel_gestures()
            self.controller.status_message.emit(LINK_CANCELLED)
            return True
        if not self._drag_start:
            return False
        drag_id = self._drag_id
        moved = len(self._drag_start)
        cancelled = drag_id is not None and self.controller.cancel_drag(drag_id)
        self._cancel_gestures()
        if cancelled:
            self.controller.status_message.emit(
                MOVE_CANCELLED if moved != 1 else MOVE_CANCELLED_ONE)
        return True

