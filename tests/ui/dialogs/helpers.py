"""Helpers of the dialog tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton

from canvas_app.domain.workspace import Workspace
from canvas_app.io.workspace_file import workspace_to_data
from canvas_app.ui.dialogs.widgets import INVALID_COLOUR


def snapshot(workspace: Workspace) -> dict[str, Any]:
    """Everything the workspace would save."""
    return workspace_to_data(workspace)


def open_catalog(qtbot: Any, workspace: Workspace, undo_stack: Any) -> Any:
    """The Catalog window, shown."""
    from canvas_app.ui.dialogs import open_catalog_manager

    dialog = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: Any, button: QAbstractButton) -> None:
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def overlapping_widgets(root: Any) -> list[tuple[str, str]]:
    """Pairs of visible labels, buttons, fields and lists inside ``root`` whose rectangles
    overlap (neither holding the other): text drawn over a widget."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QWidget,
    )

    kinds = (QLabel, QAbstractButton, QLineEdit, QAbstractItemView, QComboBox,
             QAbstractSpinBox)
    widgets = [w for w in root.findChildren(QWidget) if isinstance(w, kinds)
               and w.isVisibleTo(root)
               and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))
               and not w.parentWidget().inherits("QAbstractScrollArea")
               and w.width() > 0 and w.height() > 0]
    rects = [(w, QRect(w.mapTo(root, QPoint(0, 0)), w.size())) for w in widgets]
    found = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            if ra.intersected(rb).height() > 1 and ra.intersected(rb).width() > 1:
                found.append((_describe(a), _describe(b)))
    return found


def _describe(widget: Any) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__} {widget.objectName() or text!r}"


def delayed_action(qtbot: Any) -> tuple[Any, Any]:
    """An action-set editor with one "notify team" action whose delay is ticked: the
    dialog and the delay's amount field."""
    dialog = shown_action_set(qtbot)
    editor = dialog.steps_editor
    add_step_of(qtbot, editor, "notify_team")
    editor.form.message_edit.setText("Call them")
    editor.form.delay_check.setChecked(True)
    return dialog, editor.form.delay_edit.amount


def shown_action_set(qtbot: Any, key: str = "on_login") -> Any:
    """An action-set editor of an empty workspace, shown."""
    from canvas_app.ui.dialogs.action_set import ActionSetDialog

    dialog = ActionSetDialog(Workspace(), key)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def add_step_of(qtbot: Any, editor: Any, kind: str) -> None:
    """Adds a step (or action) of ``kind`` with the editor's Add button."""
    editor.add_kind_combo.setCurrentIndex(editor.add_kind_combo.findData(kind))
    click(qtbot, editor.add_button)


def frame_edge(widget: Any) -> list[str]:
    """The colours of the three outermost pixels at the middle of ``widget``'s left edge, as
    drawn (a red frame for a problem is painted over the field, not set by a style
    sheet)."""
    image = widget.grab().toImage()
    middle = image.height() // 2
    return [image.pixelColor(x, middle).name() for x in range(3)]


def red_frame_drawn(widget: Any) -> bool:
    """Whether ``widget`` is marked invalid and shows the 2 px red frame of its problem."""
    edge = frame_edge(widget)
    return bool(widget.property("invalid")) and edge[:2] == [INVALID_COLOUR] * 2 \
        and edge[2] != INVALID_COLOUR


def sample_main_window(qtbot: Any, tmp_path: Path) -> Any:
    """The main window on a copy of the sample workspace, shown at 1200 x 800, with its own
    settings and recovery folder; closing discards unsaved edits."""
    from canvas_app.app import build_main_window

    from .conftest import SAMPLE

    target = tmp_path / "pool.campaign.json"
    shutil.copy(SAMPLE, target)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(str(target), settings=settings,
                               recovery_dir=tmp_path / "recovery", offer_recovery=False)
    qtbot.addWidget(window)
    window.files.ask_unsaved = lambda: "discard"
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def product_dialog(qtbot: Any, workspace: Workspace, product_id: str = "mitt") -> Any:
    """The Catalog's item editor on one of the workspace's products, shown."""
    from canvas_app.ui.dialogs.catalog_item import CatalogItemDialog

    dialog = CatalogItemDialog(workspace.catalog, "products",
                               workspace.catalog.products[product_id])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog
