"""The palette: the node kinds a marketer drags onto the canvas.

An item view (object name ``palette``) whose model's ``mimeData()`` carries the node kind
under the app's own MIME type; the canvas view accepts exactly that. Double-click (or
Enter) asks for a node at the centre of the view instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from ..domain.nodes import node_kinds
from .canvas.node_item import icon_rect
from .theme import focus_frame, icon_path, load_icon

KIND_MIME_TYPE = "application/x-campaign-canvas-node-kind"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def own_colours_icon(name: str) -> QIcon:
    """The icon ``name`` in its own colours also when its row is selected: Qt tinted the
    Normal picture with the highlight for the Selected mode (the orange tag goal turned
    brownish grey)."""
    icon = load_icon(name)
    icon.addFile(str(icon_path(name)), QSize(), QIcon.Mode.Selected, QIcon.State.Off)
    return icon


class PaletteModel(QStandardItemModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for spec in node_kinds().values():
            item = QStandardItem(own_colours_icon(spec.icon), spec.label)
            item.setData(spec.kind, KIND_ROLE)
            item.setToolTip(f"{spec.label}: {spec.help}\nDrag onto the canvas, or "
                            "double-click to add one in the middle of the view.")
            item.setEditable(False)
            item.setDragEnabled(True)
            item.setDropEnabled(False)
            self.appendRow(item)

    def mimeTypes(self) -> list[str]:
        return [KIND_MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            kind = str(indexes[0].data(KIND_ROLE))
            data.setData(KIND_MIME_TYPE, kind.encode("utf-8"))
            data.setText(kind)
        return data

    def index_of(self, kind: str) -> QModelIndex:
        for row in range(self.rowCount()):
            index = self.index(row, 0)
            if index.data(KIND_ROLE) == kind:
                return index
        return QModelIndex()


class Palette(QListView):
    place_requested = Signal(str)  # node kind: add one at the centre of the view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("palette")
        self.setAccessibleName("Palette")
        # As the canvas and the other lists: a blue frame while it has the keyboard (QA: a
        # faint box only; Enter places the kind here).
        self.setStyleSheet(focus_frame("Palette", "palette"))
        self.palette_model = PaletteModel(self)
        self.setModel(self.palette_model)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(36, 36))
        self.setSpacing(4)
        # by pixels: by entries, Qt wanted a scroll bar for the last entry's spacing
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(True)
        self.activated.connect(self._place)
        self.zoom: Callable[[], float] = lambda: 1.0  # the canvas's, for the drag picture

    def minimumSizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        """Tall enough for every entry: the three kinds are never a scroll away (QA: with
        the Simulation panel open under it, the palette got 95 px and scrolled)."""
        hint = super().minimumSizeHint()
        rows = self.palette_model.rowCount()
        if rows == 0:
            return hint
        # as the view lays its entries out, and room for the focus frame, 1 px wider than
        # the frame without focus (theme.focus_frame)
        last = self.visualRect(self.palette_model.index(rows - 1, 0))
        laid_out = last.bottom() + 1 + self.spacing() + self.verticalOffset() if \
            last.isValid() else rows * (self.sizeHintForRow(0) + 2 * self.spacing())
        return QSize(hint.width(), laid_out + 2 * (self.frameWidth() + 1))

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """Drags the node kind with its icon as the picture under the pointer, centred on
        it: the whole highlighted row (Qt's picture) looked like a list row being moved,
        not a goal about to be placed."""
        index = self.currentIndex()
        if not index.isValid():
            return
        drag = QDrag(self)
        drag.setMimeData(self.palette_model.mimeData([index]))
        picture = self.drag_picture(index)
        drag.setPixmap(picture)
        ratio = picture.devicePixelRatio()
        drag.setHotSpot(QPoint(int(picture.width() / ratio / 2),
                               int(picture.height() / ratio / 2)))
        drag.exec(supportedActions & Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)
        self.clearSelection()  # the palette offers kinds; it keeps no chosen one

    def drag_picture(self, index: QModelIndex) -> QPixmap:
        """The kind's icon as big as the node's icon on the canvas at its zoom (``zoom``,
        set by the window; within reason: a tiny or huge picture helps nobody). The drop
        puts the node's icon where the picture was."""
        icon = self.palette_model.itemFromIndex(index).icon()
        side = icon_rect(str(index.data(KIND_ROLE))).width()
        size = round(side * min(max(self.zoom(), 0.5), 2.0))
        return icon.pixmap(QSize(size, size), self.devicePixelRatioF())

    def _place(self, index: QModelIndex) -> None:
        if index.isValid():
            self.place_requested.emit(str(index.data(KIND_ROLE)))
