"""The base of the node editors and their registry keyed by node kind.

An editor edits a copy of one node; :meth:`NodeEditorDialog.value` is the edited node, or
None while the domain finds a problem (then Save is disabled and the problem is shown).
``open_node_editor`` looks the editor up with :func:`node_editor_for`; a new node kind adds
its editor with :func:`register_node_editor`, no switch to edit.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from ...domain.errors import Problem
from ...domain.node_edit import validate_node
from ...domain.nodes import Node
from ...domain.workspace import Workspace
from ...editing.settings_commands import ReplaceNodeCommand
from .widgets import ProblemLabel, save_cancel_buttons


class NodeEditorDialog(QDialog):
    """Subclasses build their form in :meth:`build` and write it back in :meth:`collect`."""

    object_name = "nodeEditorDialog"

    def __init__(self, workspace: Workspace, campaign_id: str, node_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(self.object_name)
        self.workspace = workspace
        self.campaign_id = campaign_id
        self.campaign = workspace.campaign(campaign_id)
        self.original: Node = self.campaign.node(node_id).copy()
        self.setWindowTitle(f"{self.original.spec.label}: {self.original.name}")
        self.name_edit = QLineEdit(self.original.name)
        self.name_edit.setObjectName("nameEdit")
        self.problem_label = ProblemLabel()
        self.buttons, self.save_button, self.cancel_button = save_cancel_buttons()
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        self.build(outer)
        outer.addWidget(self.problem_label)
        outer.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self.refresh)
        self.refresh()

    # -- for subclasses -----------------------------------------------------------------
    def build(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def collect(self, node: Node) -> None:
        """Writes the form's state into ``node`` (a copy of the original)."""
        raise NotImplementedError

    # -- state --------------------------------------------------------------------------
    def edited(self) -> Node:
        node = self.original.copy()
        node.name = self.name_edit.text().strip()
        self.collect(node)
        return node

    def problems(self) -> list[Problem]:
        return validate_node(self.edited(), self.workspace.catalog)

    def value(self) -> Node | None:
        """The edited node, or None while its settings are invalid."""
        return None if self.problems() else self.edited()

    def refresh(self) -> None:
        problems = self.problems()
        self.problem_label.show_problems(problems)
        self.save_button.setEnabled(not problems)

    def _save(self) -> None:
        if self.value() is not None:
            self.accept()

    def command(self) -> ReplaceNodeCommand | None:
        """The undo command for the accepted edit; None when nothing changed."""
        edited = self.value()
        if edited is None or not self.campaign.has_node(self.original.id):
            return None
        current = self.campaign.node(self.original.id).copy()
        if (edited.name, edited.config) == (current.name, current.config):
            return None
        # keep the position the node has now (it may have moved while the dialog was open)
        after = current.copy(name=edited.name, config=edited.config)
        return ReplaceNodeCommand(self.workspace, self.campaign_id, current, after)

    def push_to(self, undo_stack: QUndoStack) -> None:
        command = self.command()
        if command is not None:
            undo_stack.push(command)


_EDITORS: dict[str, type[NodeEditorDialog]] = {}


def register_node_editor(kind: str, editor: type[NodeEditorDialog]) -> type[NodeEditorDialog]:
    _EDITORS[kind] = editor
    return editor


def node_editor_for(kind: str) -> type[NodeEditorDialog]:
    try:
        return _EDITORS[kind]
    except KeyError:
        raise KeyError(f"no editor for node kind {kind!r}") from None
