"""Copy, cut, paste and duplicate on the canvas: the main window's clipboard actions (a mixin
of MainWindow). Copied nodes go to the system clipboard as JSON (and as text), with the
catalog items they name, so they can be pasted into another workspace or another running
copy of the app. A paste is checked before anything changes (``editing/paste_checks.py``):
refused, the status bar says why and no Undo entry is made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QRectF
from PySide6.QtGui import QGuiApplication

from ..domain.counting import counted
from ..domain.names import short_name
from ..editing import clipboard
from ..editing.paste_checks import NOTHING_TO_PASTE, PastePlan, pasted_text
from .busy import busy_cursor

if TYPE_CHECKING:
    from .main_window import MainWindow


def _nodes(count: int) -> str:
    return counted(count, "node")


class ClipboardActions:
    def _paste_offset(self: MainWindow, plan: PastePlan) -> tuple[float, float] | None:
        """Where pasted nodes go: where the canvas's menu was opened when Paste is chosen
        there (as its Add entries place a node; QA 21: Paste ignored the spot), else
        beside the originals when that is in view (None, the controller's default), else
        in the middle of the view."""
        from ..editing.controller import PASTE_OFFSET

        nodes = plan.nodes
        if self.scene is None or not nodes:
            return None
        xs = [n.x for n in nodes]
        ys = [n.y for n in nodes]
        spot = self.view.context_pos
        if spot is not None:  # the group's top left corner there
            return self.scene.snap(spot.x() - min(xs), spot.y() - min(ys))
        dx, dy = PASTE_OFFSET
        group = QRectF(min(xs) + dx, min(ys) + dy, max(xs) - min(xs), max(ys) - min(ys))
        seen = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        if seen.intersects(group.adjusted(-1, -1, 1, 1)):
            return None
        centre = seen.center()
        x, y = self.scene.snap(centre.x() - (min(xs) + max(xs)) / 2,
                               centre.y() - (min(ys) + max(ys)) / 2)
        return x, y

    def copy(self: MainWindow) -> bool:
        campaign_id, nodes, _links = self._selection()
        if campaign_id is None or not nodes:
            return False
        self._to_clipboard(campaign_id, nodes)
        self.show_status(f"Copied {self._what(campaign_id, nodes)}.")
        return True

    def cut(self: MainWindow) -> None:
        """Copies the selected nodes and deletes them, as one undo step named as Paste
        names its own ("Cut 2 nodes", 'Cut "Nurture"'; QA: History listed a bare "Cut"
        beside "Paste 3 nodes")."""
        campaign_id, nodes, _links = self._selection()
        if campaign_id is None or not nodes:
            return
        what = self._what(campaign_id, nodes)
        self._to_clipboard(campaign_id, nodes)
        with busy_cursor(len(nodes)):
            self.controller.undo_stack.beginMacro(f"Cut {what}")
            self.controller.delete(campaign_id, nodes)
            self.controller.undo_stack.endMacro()
        self.show_status(f"Cut {what}.")

    def _to_clipboard(self: MainWindow, campaign_id: str, nodes: list[str]) -> None:
        data = self.controller.copy_data(campaign_id, nodes)
        mime = QMimeData()
        text = clipboard.dumps(data)
        mime.setData(clipboard.MIME_TYPE, text.encode("utf-8"))
        mime.setText(text)
        QGuiApplication.clipboard().setMimeData(mime)

    def _what(self: MainWindow, campaign_id: str, nodes: list[str]) -> str:
        """The node's name in quotes when it is one, else how many: '"Nurture"', '2 nodes'."""
        if len(nodes) == 1:
            return f'"{short_name(self.controller.campaign(campaign_id).node(nodes[0]).name)}"'
        return _nodes(len(nodes))

    def paste(self: MainWindow) -> list[str]:
        campaign_id = self.current_campaign_id()
        mime = QGuiApplication.clipboard().mimeData()
        if campaign_id is None or mime is None:
            return []
        if mime.hasFormat(clipboard.MIME_TYPE):
            data = clipboard.loads(bytes(mime.data(clipboard.MIME_TYPE).data()).decode())
        else:
            data = clipboard.loads(mime.text())
        if data is None:
            self.show_status(NOTHING_TO_PASTE)
            return []
        # Checked before anything changes: refused, the status bar says why (the
        # controller's message) and nothing is pushed.
        with busy_cursor(len(data["nodes"])):
            plan = self.controller.check_paste(data)
            if plan is None:
                return []
            offset = self._paste_offset(plan)
            ids = (self.controller.paste_plan(campaign_id, plan) if offset is None
                   else self.controller.paste_plan(campaign_id, plan, offset))
        if self.scene is not None:
            self.scene.select_nodes(ids)
            self.reveal_nodes(ids)
        self.show_status(pasted_text("Pasted", len(ids), plan))
        return ids

    def duplicate(self: MainWindow) -> list[str]:
        campaign_id, nodes, _links = self._selection()
        if campaign_id is None or not nodes:
            return []
        with busy_cursor(len(nodes)):
            ids = self.controller.duplicate(campaign_id, nodes)
        if self.scene is not None:
            self.scene.select_nodes(ids)
            self.reveal_nodes(ids)
        self.show_status(f"Duplicated {_nodes(len(ids))}.")
        return ids
