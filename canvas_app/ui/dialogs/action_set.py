"""The action-set editor (R12): an ordered list of actions, each with its fields and an
optional delay; the actions of another set can be copied in. Save is one undo step."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.action_edit import validate_actions
from ...domain.catalog_labels import product_label
from ...domain.ecommerce import DEFAULT_SETS, Ecommerce
from ...domain.errors import Problem
from ...domain.names import short_name
from ...domain.node_edit import workspace_tags
from ...domain.steps import ACTION_KINDS, Step
from ...domain.workspace import Workspace
from ...editing.settings_commands import SetEcommerceCommand
from .check_list import row_label
from .discard_question import DiscardQuestion
from .elided_combo import CHOICE_LETTERS, ElidedComboBox
from .step_list import StepListEditor
from .widgets import (
    ProblemLabel,
    enter_saves,
    help_label,
    save_cancel_buttons,
)
from .window_size import fit_layout_start_size, fit_to_screen, least_height

COPY_TITLE_MAX = 66  # characters of a set's title in "Copy the actions of"
PRODUCT_HELP = ("These actions run for this product whether it is bought once or as a "
                "subscription.")

# the reference article's pro tip, in this app's words (shown in the Successful Purchase
# editor)
PURCHASE_GOAL_TIP = ("Tip: a purchase goal in a campaign is recommended for this; it shows "
                     "counts on the canvas and in the simulation.")


def set_title(workspace: Workspace, key: str) -> str:
    """"Successful Purchase Action" or "Product: Super Sock It Pool Shock" (with its id
    where another product has its name: "Product: Pool Scrubbing Mitt (mitt2)")."""
    if key.startswith("product:"):
        return f"Product: {product_label(workspace.catalog, key[len('product:'):])}"
    return DEFAULT_SETS[key][0] if key in DEFAULT_SETS else key


def set_phrase(workspace: Workspace, key: str) -> str:
    """The set in a sentence: "Successful Purchase Action" or 'product "Super Sock It Pool
    Shock"' (never "Edit actions: Product: …", with its two colons)."""
    if key.startswith("product:"):  # a long name quoted in part (a window title, Undo)
        return f'product "{short_name(product_label(workspace.catalog, key[len("product:"):]))}"'
    return set_title(workspace, key)


def set_description(key: str) -> str:
    if key.startswith("product:"):
        return PRODUCT_HELP
    return DEFAULT_SETS[key][1] if key in DEFAULT_SETS else ""


def with_actions(ecommerce: Ecommerce, key: str, actions: list[Step]) -> Ecommerce:
    """A copy of ``ecommerce`` where set ``key`` holds ``actions`` (an empty set is dropped)."""
    result = ecommerce.copy()
    if key.startswith("product:"):
        target, name = result.product_action_sets, key[len("product:"):]
    else:
        target, name = result.action_sets, key
    if actions:
        target[name] = [a.copy() for a in actions]
    else:
        target.pop(name, None)
    return result


NOTHING_TO_COPY = "no other action set has actions yet"


class ActionSetDialog(QDialog):
    # its size at the usual font; larger at a larger font, and as tall as its content
    START_SIZE = (860, 540)

    def __init__(self, workspace: Workspace, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        enter_saves(self)
        self.setObjectName("actionSetDialog")
        self.workspace = workspace
        self.key = key
        # "Successful Purchase Action" (not "Actions of Successful Purchase Action");
        # 'Actions of product "Super Sock It Pool Shock"'
        self.setWindowTitle(set_title(workspace, key) if key in DEFAULT_SETS
                            else f"Actions of {set_phrase(workspace, key)}")
        fit_to_screen(self, *self.START_SIZE)  # what the layout first sees
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        # bold, the product's name as it is spelled ("Salt & Pepper <b>Kit</b>")
        title = QLabel(f"<b>{html.escape(set_title(workspace, key))}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        title.setObjectName("actionSetTitle")
        layout.addWidget(title)
        description = help_label(set_description(key), "actionSetDescription")
        description.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(description)
        if key == "successful_purchase":
            tip = help_label(PURCHASE_GOAL_TIP, "purchaseGoalTip")
            tip.setContentsMargins(0, 0, 0, 4)
            layout.addWidget(tip)

        copy_row = QHBoxLayout()
        copy_label = QLabel("Co&py the actions of:")
        self.copy_combo = ElidedComboBox(CHOICE_LETTERS + 16)  # and "(2 actions)"
        self.copy_combo.setObjectName("copyFromCombo")
        copy_label.setBuddy(self.copy_combo)
        for other in workspace.ecommerce.non_empty_keys():
            if other != key:
                count = len(workspace.ecommerce.actions(other))
                # a long product name shortened: the combo (and window) grew as wide
                title = row_label(set_title(workspace, other), COPY_TITLE_MAX)
                # "On Login (Multi-Step Cart) (2 actions)", as the E-Commerce window's
                # product sets read, not "On Login (Multi-Step Cart) (2)"
                self.copy_combo.addItem(
                    f"{title} ({count} action{'' if count == 1 else 's'})", other)
        self.copy_button = QPushButton("Add &copies")
        self.copy_button.setObjectName("copyActionsButton")
        self.copy_button.setEnabled(self.copy_combo.count() > 0)
        self.copy_combo.setEnabled(self.copy_combo.count() > 0)
        if self.copy_combo.count() == 0:  # why there is nothing to copy (QA 23b: an empty,
            # greyed box, no word why)
            self.copy_combo.setPlaceholderText(NOTHING_TO_COPY)
            self.copy_combo.setToolTip(f"{NOTHING_TO_COPY[0].upper()}{NOTHING_TO_COPY[1:]}: "
                                       "add actions to one, and they can be copied here")
        self.copy_button.clicked.connect(self.copy_from_selected)
        copy_row.addWidget(copy_label)
        copy_row.addWidget(self.copy_combo, 1)
        copy_row.addWidget(self.copy_button)
        layout.addLayout(copy_row)

        campaigns = [(c.id, c.name) for c in workspace.campaigns]
        self.steps_editor = StepListEditor(ACTION_KINDS, workspace_tags(workspace), campaigns,
                                           with_delay=True, item_word="action")
        self.steps_editor.set_steps(workspace.ecommerce.actions(key))
        layout.addWidget(self.steps_editor, 1)

        # its room stays reserved: a problem appearing (the first "Add action" makes one)
        # must not push the buttons up, or a second click lands on "Remove"
        self.problem_label = ProblemLabel("Action", reserve_lines=2)
        layout.addWidget(self.problem_label)
        self.buttons, self.save_button, self.cancel_button = save_cancel_buttons()
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.steps_editor.changed.connect(self.refresh)
        self.refresh()
        self._opened = (self.steps_editor.steps(), [p.message for p in self.problems()])
        # at the user's font, within the screen: at 15 pt a fixed 540 px squeezed the
        # "Add action" row over the actions list
        fit_layout_start_size(self, self.START_SIZE)

    def event(self, event: QEvent) -> bool:
        """Its minimum height follows its content (wrapped texts included, which Qt's own
        minimum leaves out): at no size does a row lie over the actions list."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            least = least_height(self)
            if least != self.minimumHeight():
                self.setMinimumHeight(least)
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802  (Qt's name)
        super().paintEvent(event)
        self.problem_label.paint_kept_room(self)  # NO_PROBLEMS in its room

    @classmethod
    def edit(cls, workspace: Workspace, key: str,
             parent: QWidget | None = None) -> list[Step] | None:
        """Runs the dialog modally; the edited actions on Save, None on Cancel."""
        dialog = cls(workspace, key, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.value() if accepted else None

    def copy_from_selected(self) -> None:
        """Appends copies of the chosen set's actions (so a set can start as a copy), the
        first of them selected."""
        other = self.copy_combo.currentData()
        if other is None:
            return
        self.steps_editor.append_steps(self.workspace.ecommerce.actions(other))
        self.refresh()

    def problems(self) -> list[Problem]:
        """Typed-text and settings problems together, in the actions' order."""
        problems = self.steps_editor.typing_problems() + validate_actions(
            self.steps_editor.steps(), self.workspace)
        return sorted(problems, key=_action_number)

    def value(self) -> list[Step] | None:
        """The edited actions, or None while one of them is invalid."""
        return None if self.problems() else self.steps_editor.steps()

    def refresh(self) -> None:
        problems = self.problems()
        self.problem_label.show_problems(problems)
        self.save_button.setEnabled(not problems)
        self.steps_editor.mark_problems(problems)  # the shown action's bad field in red

    def _save(self) -> None:
        if self.value() is not None:
            self.accept()

    def has_changes(self) -> bool:
        """Whether the actions changed since the editor opened (refused typed text
        included)."""
        return (self.steps_editor.steps(), [p.message for p in self.problems()]) \
            != self._opened

    def reject(self) -> None:
        """Cancel, Esc or the close button: changes are only dropped once the user says
        so."""
        if self.has_changes() and not DiscardQuestion.ask(
                self, f"the actions of {set_phrase(self.workspace, self.key)}",
                self._save if self.save_button.isEnabled() else None):
            return
        super().reject()

    def command(self) -> SetEcommerceCommand | None:
        actions = self.value()
        if actions is None or actions == self.workspace.ecommerce.actions(self.key):
            return None
        before = self.workspace.ecommerce
        after = with_actions(before, self.key, actions)
        return SetEcommerceCommand(self.workspace, before, after,
                                   f"Edit actions of {set_phrase(self.workspace, self.key)}")

    def push_to(self, undo_stack: QUndoStack) -> None:
        command = self.command()
        if command is not None:
            undo_stack.push(command)


def _action_number(problem: Problem) -> int:
    """The action a problem is about ("[2].delay" is about the third), for ordering."""
    match = re.match(r"\[(\d+)\]", problem.path)
    return int(match.group(1)) if match else -1
