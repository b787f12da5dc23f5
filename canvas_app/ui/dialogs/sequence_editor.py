"""The sequence editor (R2, R5, R6): name, *runs until completed*, and the ordered steps."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout

from ...domain.errors import Problem
from ...domain.node_edit import workspace_tags
from ...domain.nodes import Node
from ...domain.sequence import SequenceConfig
from ...domain.steps import STEP_KINDS
from ...domain.timeutil import utc_minute
from .node_editor import NodeEditorDialog, register_node_editor
from .step_list import StepListEditor
from .widgets import help_label

NO_STEPS_NOTE = ("The sequence has no steps yet: a contact who enters it goes straight on "
                 "along its links.")
RUNS_HELP = ("Off (the usual choice): a contact who achieves a goal after this sequence "
             "leaves it at once and its remaining steps are cancelled. On: the contact "
             "finishes every step first.")


class SequenceEditorDialog(NodeEditorDialog):
    name_label_text = "&Sequence name:"
    object_name = "sequenceEditorDialog"
    START_SIZE = (820, 600)

    def build(self, layout: QVBoxLayout) -> None:
        config: SequenceConfig = self.original.config
        self.runs_check = QCheckBox("Runs until &completed")
        self.runs_check.setObjectName("runsUntilCompletedCheck")
        self.runs_check.setChecked(config.runs_until_completed)
        layout.addWidget(self.runs_check)
        layout.addWidget(help_label(RUNS_HELP))
        layout.addWidget(_steps_help())

        campaigns = [(c.id, c.name) for c in self.workspace.campaigns]
        self.steps_editor = StepListEditor(STEP_KINDS, workspace_tags(self.workspace),
                                           campaigns, with_delay=False)
        self.steps_editor.set_steps(config.steps)
        layout.addWidget(self.steps_editor, 1)
        self.steps_editor.changed.connect(self.refresh)
        self.runs_check.toggled.connect(self.refresh)

    def problems(self) -> list[Problem]:
        """The domain's and those of fields whose typed text is refused, in the steps'
        order, the sequence's own first (QA: "Step 2: …, Step 1: …, Step 3: …", the
        refused ones before the rest)."""
        found = self.steps_editor.typing_problems("steps") + super().problems()
        return sorted(found, key=step_order)

    def notes(self) -> list[Problem]:
        """No steps: the Warnings panel and the node's badge say so, and so does the
        editor (QA: "No problems in these settings." beside the badge read as a
        contradiction)."""
        steps = self.steps_editor.steps()
        if not steps:
            return [Problem("steps", NO_STEPS_NOTE)]
        # a wait whose time has passed: what the Warnings panel says once it is saved
        # (QA 23g: "No problems in these settings." here, the warning there)
        now = datetime.now(UTC)
        return [Problem(f"steps[{i}]", f"waits until {utc_minute(step.until)} UTC, which has "
                                       "passed: live contacts will go straight through")
                for i, step in enumerate(steps)
                if step.kind == "wait_until" and step.until is not None and step.until < now]

    def refresh(self) -> None:
        """Also a red frame on the shown step's field a problem is about (an email with
        no subject), as on an empty name."""
        super().refresh()
        self.steps_editor.mark_problems(self.problems(), "steps")

    def collect(self, node: Node) -> None:
        config: SequenceConfig = node.config
        config.runs_until_completed = self.runs_check.isChecked()
        config.steps = self.steps_editor.steps()


def _steps_help() -> QLabel:
    label = help_label("Steps run in order: a delay or a wait holds the contact; every other "
                       "step happens at once. After the last step the contact moves on along "
                       "the links.")
    label.setContentsMargins(0, 6, 0, 0)
    return label


register_node_editor("sequence", SequenceEditorDialog)


STEP_INDEX = re.compile(r"steps\[(\d+)\]")


def step_order(problem: Problem) -> int:
    """Where a problem goes in the list: the step it is about (-1: the sequence's own)."""
    found = STEP_INDEX.search(problem.path)
    return int(found.group(1)) if found else -1
