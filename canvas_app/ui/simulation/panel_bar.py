"""The Simulation panel's second row of controls: "This campaign only", the speed, the
progress of the run and its clock (a row of its own, so the panel fits beside the palette
in a window of common width)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QProgressBar

from .runner import DEFAULT_SPEED, SPEEDS

if TYPE_CHECKING:
    from .panel import SimulationPanel

NO_RUN, PROGRESS, DONE = "No run yet", "%p% run", "Finished"  # the progress bar's text
SETTING_UP = "Setting up…"  # while a run is set up (a big population takes seconds)
# playing, when the engine cannot keep the speed chosen (QA 23e: "1 day per second" went an
# hour in 20 s with nothing said)
BEHIND = "%p% run: slower than chosen (it cannot keep up)"
WIDEST_CLOCK = "28 Sep 2026 00:00 UTC"


def run_row(panel: SimulationPanel) -> QHBoxLayout:
    """Makes the row's widgets as the panel's attributes (``only_campaign``,
    ``speed_combo``, ``progress``, ``clock_label``) and returns the row."""
    bar = QHBoxLayout()
    panel.only_campaign = QCheckBox("This campaign only")
    panel.only_campaign.setObjectName("onlyCampaign")
    panel.only_campaign.toggled.connect(panel.only_campaign_toggled)
    panel.only_campaign.setToolTip("Simulate only the campaign on show; the others are left "
                                   "out (e-commerce action sets still fire). Takes effect "
                                   "at the next Run or Reset.")
    bar.addWidget(panel.only_campaign)
    bar.addWidget(QLabel("Speed:"))
    panel.speed_combo = QComboBox()
    panel.speed_combo.setObjectName("speedCombo")
    panel.speed_combo.setAccessibleName("Speed")
    panel.speed_combo.addItems([s.label for s in SPEEDS])
    panel.speed_combo.setCurrentIndex(DEFAULT_SPEED)
    panel.speed_combo.currentIndexChanged.connect(panel.runner.set_speed)
    bar.addWidget(panel.speed_combo)
    panel.progress = QProgressBar()
    panel.progress.setObjectName("simulationProgress")
    panel.progress.setRange(0, 1000)
    # Its text says what it is: an empty bar alone looked like a text field.
    panel.progress.setTextVisible(True)
    panel.progress.setAccessibleName("Progress of the run")
    panel.progress.setToolTip("How far the run is through the scenario's time")
    panel.progress.setFormat(NO_RUN)
    panel.progress.setValue(0)  # not "reset" (which shows no text at all)
    panel.progress.setMinimumWidth(60)
    bar.addWidget(panel.progress, 1)
    panel.clock_label = QLabel()
    panel.clock_label.setObjectName("simulationClock")
    # As wide as its widest text, so the row does not shift while the clock runs.
    panel.clock_label.setMinimumWidth(
        panel.clock_label.fontMetrics().horizontalAdvance(WIDEST_CLOCK) + 8)
    bar.addWidget(panel.clock_label)
    return bar
