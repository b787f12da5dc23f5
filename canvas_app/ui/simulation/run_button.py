"""The Simulation panel's Run button: the toolbar's Simulate button's words and icon."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionEvent
from PySide6.QtWidgets import QToolButton

from ..main_toolbar import action_icon


def simulate_words(run_text: str) -> str:
    """What the Run action's button says: the toolbar's word, "Simulate", for a run not
    started (QA: the toolbar said Simulate and the panel Run), else Pause, Continue or
    Run Again, as the toolbar does."""
    text = run_text.replace("&", "")
    return "Simulate" if text == "Run" else text


class RunButton(QToolButton):
    """The panel's Run button in the toolbar's Simulate button's words and icon (a play
    icon, a pause icon while a run plays)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("runButton")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.play, self.pause = action_icon("simulate"), action_icon("pause")

    def setDefaultAction(self, action: QAction) -> None:  # noqa: N802 (Qt's name)
        super().setDefaultAction(action)
        self._follow()

    def actionEvent(self, event: QActionEvent) -> None:  # noqa: N802 (Qt's name)
        super().actionEvent(event)  # takes the action's text and icon again
        if event.type() == QEvent.Type.ActionChanged and event.action() is self.defaultAction():
            self._follow()

    def _follow(self) -> None:
        action = self.defaultAction()
        if action is None:
            return
        text = simulate_words(action.text())
        self.setText(text)
        self.setIcon(self.pause if text == "Pause" else self.play)
