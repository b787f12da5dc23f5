"""Grabs a picture of every editor dialog on the sample workspace (docs/dialog-*.png).

Run offscreen: ``QT_QPA_PLATFORM=offscreen python -m canvas_app.ui.dialogs.screenshots docs``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QDialog

from ...domain.workspace import Workspace
from ...io import load_workspace

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "pool-store.campaign.json"


def _node(campaign: str, node: str) -> Callable[[Workspace, QUndoStack], QDialog]:
    def make(workspace: Workspace, stack: QUndoStack) -> QDialog:
        from . import open_node_editor

        return open_node_editor(None, workspace, stack, campaign, node)

    return make


def _sequence(workspace: Workspace, stack: QUndoStack) -> QDialog:
    from .sequence_editor import SequenceEditorDialog

    dialog = _node("shock-nurture", "nurture")(workspace, stack)
    assert isinstance(dialog, SequenceEditorDialog)
    dialog.steps_editor.list.setCurrentRow(1)  # a delay: shows the unit picker
    return dialog


def _invalid_goal(workspace: Workspace, stack: QUndoStack) -> QDialog:
    from .purchase_goal import PurchaseGoalDialog

    dialog = _node("shock-nurture", "bought-shock")(workspace, stack)
    assert isinstance(dialog, PurchaseGoalDialog)
    dialog.products_list.set_checked("shock", False)  # ticked, nothing chosen
    dialog.some_payment.setChecked(True)  # no payment type chosen
    return dialog


def _catalog(workspace: Workspace, stack: QUndoStack) -> QDialog:
    from . import open_catalog_manager

    return open_catalog_manager(None, workspace, stack)


def _ecommerce(workspace: Workspace, stack: QUndoStack) -> QDialog:
    from . import open_ecommerce_actions

    return open_ecommerce_actions(None, workspace, stack)


def _action_set(workspace: Workspace, stack: QUndoStack) -> QDialog:
    from .ecommerce_actions import EcommerceActionsDialog

    window = EcommerceActionsDialog(workspace, stack)
    window.product_edit.setText("Super Sock It Pool Shock")
    dialog = window.open_product_set()
    assert dialog is not None
    dialog.steps_editor.list.setCurrentRow(1)
    dialog.setProperty("keepAlive", window)
    return dialog


def _product(workspace: Workspace, stack: QUndoStack) -> QDialog:
    from .catalog_manager import CatalogManagerDialog

    manager = CatalogManagerDialog(workspace, stack)
    manager.select("products", "checkup")
    dialog = manager.edit_selected("products")
    assert dialog is not None
    dialog.setProperty("keepAlive", manager)
    return dialog


def _delete(workspace: Workspace, stack: QUndoStack) -> QDialog:
    from .catalog_manager import CatalogManagerDialog

    manager = CatalogManagerDialog(workspace, stack)
    manager.select("products", "shock")
    box = manager.delete_selected("products")
    assert box is not None
    box.setProperty("keepAlive", manager)
    return box


SHOTS: dict[str, Callable[[Workspace, QUndoStack], QDialog]] = {
    "purchase-goal": _node("checkup-onboarding", "subscribed"),
    "tag-goal": _node("checkup-onboarding", "visit-booked"),
    "purchase-goal-invalid": _invalid_goal,
    "sequence": _sequence,
    "catalog": _catalog,
    "catalog-product": _product,
    "catalog-delete": _delete,
    "ecommerce-actions": _ecommerce,
    "action-set": _action_set,
}


def grab_all(out_dir: Path, names: list[str] | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in SHOTS.items():
        if names and name not in names:
            continue
        workspace = load_workspace(SAMPLE)
        stack = QUndoStack()
        dialog = make(workspace, stack)
        dialog.show()
        QApplication.processEvents()
        path = out_dir / f"dialog-{name}.png"
        dialog.grab().save(str(path))
        written.append(path)
        QDialog.done(dialog, QDialog.DialogCode.Rejected)  # closed, nothing asked
        dialog.deleteLater()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    from ..theme import use_app_style

    use_app_style(app)  # as the app looks: its tabs, light palette, plain buttons
    for path in grab_all(Path(args[0] if args else "docs"), args[1:] or None):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
