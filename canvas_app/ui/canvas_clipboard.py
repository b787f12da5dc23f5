"""Copy, cut, paste and duplicate on the canvas: the main window's clipboard actions (a mixin
of MainWindow). Copied nodes go to the system clipboard as JSON (and as text), so they can be
pasted into another workspace or another running copy of the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QRectF
from PySide6.QtGui import QGuiApplication

from ..editing import clipboard
from .busy import busy_cursor

if TYPE_CHECKING:
    from .main_window import MainWindow


def _nodes(count: int) -> str:
    return f"{count} node{'s' if count != 1 else ''}"


class ClipboardActions:
    def _paste_offset(self: MainWindow, data: dict) -> tuple[float, float] | None:
        """Where pasted nodes go: beside the originals when that is in view (None, the
        controller's default), else in the middle of the view."""
        from ..editing.controller import PASTE_OFFSET

        nodes = data.get("nodes") or []
        if self.scene is None or not nodes:
            return None
        xs = [float(n.get("x", 0)) for n in nodes]
        ys = [float(n.get("y", 0)) for n in nodes]
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
        data = self.controller.copy_data(campaign_id, nodes)
        mime = QMimeData()
        text = clipboard.dumps(data)
        mime.setData(clipboard.MIME_TYPE, text.encode("utf-8"))
        mime.setText(text)
        QGuiApplication.clipboard().setMimeData(mime)
        self.show_status(f"Copied {_nodes(len(nodes))}.")
        return True

    def cut(self: MainWindow) -> None:
        campaign_id, nodes, _links = self._selection()
        if campaign_id is not None and self.copy():
            with busy_cursor(len(nodes)):
                self.controller.undo_stack.beginMacro("Cut")
                self.controller.delete(campaign_id, nodes)
                self.controller.undo_stack.endMacro()

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
            self.show_status("The clipboard holds no nodes to paste.")
            return []
        offset = self._paste_offset(data)
        with busy_cursor(len(data.get("nodes") or [])):
            ids = (self.controller.paste_data(campaign_id, data) if offset is None
                   else self.controller.paste_data(campaign_id, data, offset))
        if self.scene is not None:
            self.scene.select_nodes(ids)
            self.reveal_nodes(ids)
        self.show_status(f"Pasted {_nodes(len(ids))}." if ids else "Nothing to paste.")
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
