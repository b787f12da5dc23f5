"""The Simulation panel: pick a scenario, run, pause, step, reset; the log, the contacts
with their journeys, and a chart, all following the run live; the canvas shows it too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.counting import counted
from ...sim import Simulation
from ...sim.core import log_time
from ..window_layout import RoomWhenRaised
from .actions_tab import ActionsTab
from .contacts_tab import ContactsTab
from .funnel_chart import FunnelChart
from .log_find import LogFind
from .log_view import LogView
from .panel_actions import RUN_TEXTS, STEP_KEY, make_actions, update_actions
from .panel_bar import BEHIND, DONE, NO_RUN, PROGRESS, SETTING_UP, run_row
from .panel_canvas import CanvasSide
from .panel_changes import ChangeTracking, RunPosition
from .panel_find import WorkspaceFinds, find_key
from .panel_notices import Notices
from .panel_results import ResultSaving, readable_clock
from .panel_scenarios import ScenarioChoice, misfit_problem
from .run_button import RunButton, simulate_words
from .runner import (
    NotAScenario,
    ScenarioDoesNotFit,
    SimRunner,
    SimulationError,
    WorkspaceNotRunnable,
)
from .scenario_box import UNLOADABLE, ScenarioBox, default_scenario_dir, is_what_if
from .timeline_chart import TimelineChart
from .what_if_dialog import WhatIfDialog

if TYPE_CHECKING:
    from ...domain.campaign import Campaign
    from ..canvas.scene import CampaignScene
    from ..main_window import MainWindow
    from .overlay import SimulationLayer

SLOW_VIEWS_MS = 300  # contacts table and chart refresh at most this often while running


TABS_MIN_HEIGHT = 64


class SimulationPanel(QWidget, CanvasSide, ChangeTracking, ResultSaving,
                      ScenarioChoice, Notices):
    def __init__(self, window: MainWindow, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self.setObjectName("simulationPanel")
        self.setAccessibleName("Simulation")
        self.window_ = window
        self.settings = settings
        self.runner = SimRunner(self)
        self.layer: SimulationLayer | None = None
        self.scene: CampaignScene | None = None
        self._log_seen = 0
        self._stale = False
        # Ask for a scenario file / where to save a result: (start) -> path or "" (tests
        # replace them).
        self.ask_scenario = self._ask_scenario
        self.ask_result_path = self._ask_result_path
        self._scenario_dir = default_scenario_dir()
        self.overlay_wanted = False  # the panel is in view (see panel_shown)
        self._run_data: tuple[Simulation, dict] | None = None  # for _same_as_run
        self._run_position: RunPosition | None = None  # see note_run_position
        self._last_index: tuple[object, int] = (None, 0)  # for _moves_only
        self.what_if_dialog: WhatIfDialog | None = None
        self.room: RoomWhenRaised | None = None  # made once its dock is (see panel_shown)
        self.finds = WorkspaceFinds()
        # The scenario that last failed to load: Run, Step and Run to End wait until a
        # scenario loads (choosing it again in the box, once fixed, tries it again).
        self.failed_scenario: str | None = None
        self._charted: dict[QWidget, tuple] = {}  # chart -> what it was drawn of (_chart_key)
        self._build()
        self.actions_by_name = self._make_actions()
        self._slow_timer = QTimer(self)
        self._slow_timer.setSingleShot(True)
        self._slow_timer.setInterval(SLOW_VIEWS_MS)
        self._slow_timer.timeout.connect(self._refresh_slow_views)
        self.runner.advanced.connect(self._advanced)
        self.runner.moved.connect(self._moved)
        self.runner.running_changed.connect(self._running_changed)
        self.runner.finished.connect(self._finished)
        self._update_controls()

    @property
    def scenario_dir(self) -> Path:
        """Where the What-If form saves the what-ifs it makes (all listed in the box)."""
        return self._scenario_dir

    @scenario_dir.setter
    def scenario_dir(self, folder: Path) -> None:
        self._scenario_dir = folder
        self.scenario_combo.set_folder(folder)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)  # the tabs' charts need every row of pixels in a short panel
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Scenario:"))
        self.scenario_combo = ScenarioBox(self.settings, folder=self._scenario_dir)
        self.scenario_combo.check = self.scenario_problem
        self.scenario_combo.marked.connect(self._scenario_marked)
        self.scenario_combo.activated.connect(self._scenario_picked)
        self.scenario_combo.currentIndexChanged.connect(lambda _i: self._update_controls())
        self.scenario_combo.currentIndexChanged.connect(self._scenario_shown)
        bar.addWidget(self.scenario_combo, 1)
        self.run_button = RunButton()
        self.step_button = self._tool_button("stepButton")
        self.end_button = self._tool_button("endButton")
        self.reset_button = self._tool_button("resetButton")
        for button in (self.run_button, self.step_button, self.end_button, self.reset_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        layout.addLayout(run_row(self))
        self._build_notices(layout)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("simulationTabs")
        # The tabs may get short in a small window (their pages scroll): the panel, and the
        # Warnings tab beside it, must not take the canvas's height.
        self.tabs.setMinimumHeight(TABS_MIN_HEIGHT)
        # No frame round the pages (their own frames and the tab bar's line mark them): the
        # pages are that much taller (two rows of px at 1024x640, a contact's row more).
        self.tabs.setDocumentMode(True)
        self.log_view = LogView()
        self.tabs.addTab(self.log_view, "Log")

        self.contacts = ContactsTab()
        self.contacts_model = self.contacts.model
        self.contacts_table = self.contacts.table
        self.journey = self.contacts.journey
        self.contacts.contact_selected.connect(self._contact_picked)
        self.contacts.node_activated.connect(self._reveal)
        self.tabs.addTab(self.contacts, "Contacts and journeys")
        self.chart = FunnelChart()
        self.tabs.addTab(self.chart, "Chart")
        self.timeline = TimelineChart()
        self.timeline.source = self.runner.timeline  # Copy Data: every node's counts
        self.tabs.addTab(self.timeline, "Over Time")
        self.actions_tab = ActionsTab()  # how often each e-commerce action set ran
        self.tabs.addTab(self.actions_tab, "Actions")
        # Beside the tabs, shown with its tab: the find boxes of the log and the contacts
        # (a row more for them). The charts keep their titles over their plots, short or
        # tall (see ChartHeading). Ctrl+F in the panel goes to them (see panel_find).
        self.log_find = LogFind(self.log_view)
        corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.log_find)
        row.addWidget(self.contacts.find)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(lambda _i: self._show_corner())
        self.contacts.find.hide()
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        layout.addWidget(self.tabs, 1)

    def attach(self, scene: CampaignScene) -> None:
        """Also: another workspace starts with empty find fields (see WorkspaceFinds)."""
        super().attach(scene)
        self.finds.attached(self, self.window_.session)

    def panel_shown(self, visible: bool) -> None:
        """Also: however the panel comes to the front, it gets room (see RoomWhenRaised)."""
        super().panel_shown(visible)
        if self.room is None:
            from ..main_window import SIMULATION_HEIGHT  # the room a run gives it

            # made as the window first shows: a height restored from the last session kept
            self.room = RoomWhenRaised(self.window_, self.window_.view,
                                       self.window_.docks["simulation"], SIMULATION_HEIGHT)

    def _show_corner(self) -> None:
        self.contacts.find.setVisible(self.tabs.currentWidget() is self.contacts)
        self.log_find.setVisible(self.tabs.currentWidget() is self.log_view)

    def event(self, event: QEvent) -> bool:
        # Ctrl+F, F3 in the panel are its own (the window's Find is the canvas's)
        if event.type() == QEvent.Type.ShortcutOverride and find_key(self, event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        act = find_key(self, event)
        if act is None:
            super().keyPressEvent(event)
            return
        act()
        event.accept()

    def _tool_button(self, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _make_actions(self) -> dict[str, QAction]:
        actions = make_actions(self)
        self.run_button.setDefaultAction(actions["run"])
        # Wide enough for its longest text and its icon, so it does not jump or elide.
        metrics = self.run_button.fontMetrics()
        self.run_button.setMinimumWidth(
            max(metrics.horizontalAdvance(simulate_words(t)) for t in RUN_TEXTS)
            + self.run_button.iconSize().width() + 28)
        self.step_button.setDefaultAction(actions["step"])
        self.end_button.setDefaultAction(actions["end"])
        self.reset_button.setDefaultAction(actions["reset"])
        return actions

    # -- running -----------------------------------------------------------------------------
    def load(self) -> bool:
        """A new run of the chosen scenario on the workspace as it is now, at its start."""
        path = self.selected_scenario()
        if path is None:
            return self.open_scenario_dialog()
        # A population of 100,000 takes seconds to set up (in the engine): say so, and let
        # the window repaint first (the file dialog gone, this message shown).
        self.window_.show_status(f"Setting up the simulation of {Path(path).name}…")
        # the panel no longer shows the last run as if it were this one (QA 22: "Finished",
        # its clock and its counts on the canvas stayed on show for the 2 s of setting up)
        self.progress.setFormat(SETTING_UP)
        self.progress.setValue(0)
        self.clock_label.setText("")
        if self.layer is not None:
            self.layer.clear()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            return self._load(path)
        finally:
            QApplication.restoreOverrideCursor()

    def _load(self, path: str) -> bool:
        try:
            campaign = self.window_.current_campaign_id() \
                if self.only_campaign.isChecked() else None
            sim = self.runner.load(self.window_.controller.workspace, path, campaign,
                                   findings=self.window_.controller.findings)
        except SimulationError as exc:
            self.stop()  # nothing of an earlier run stays on show as if it were this one
            self._load_failed(path, exc)
            return False
        self.failed_scenario = None
        self.note_run_position(sim)
        self.scenario_combo.remember(path, self.workspace_key())
        self.scenario_combo.mark(path, "")
        self._stale = False
        self._hide_notice()
        self.log_view.start_over()
        self._log_seen = 0
        self.contacts.set_simulation(sim)
        if self.layer is not None:
            self.layer.clear()
        self._advanced()
        self._refresh_slow_views()
        self.window_.show_status(f"Simulation of {Path(path).name} ready: Simulate (F5) plays it, "
                                 f"Step ({STEP_KEY}) goes event by event.")
        return True

    def _load_failed(self, path: str, exc: SimulationError, quiet: bool = False) -> None:
        """Says why the run cannot be set up, in the panel (brought to the front: the
        status bar alone is easily missed); ``quiet``: in the panel alone, where it is (no
        run was asked for: the Scenario box found it)."""
        status = str(exc)
        if isinstance(exc, WorkspaceNotRunnable):
            self._show_notice(status, "workspace")
        elif isinstance(exc, ScenarioDoesNotFit):
            self.failed_scenario = path
            self.scenario_combo.mark(path, misfit_problem(exc))
            name = Path(path).name
            if exc.other_workspace:
                advice = ("make one for this workspace with New What-If Scenario…, or open "
                          "another.")
            elif is_what_if(path, self.scenario_dir):  # made in the app: edit it there
                advice = ("deleted since the what-if was made? Put it back, or change the "
                          "what-if with Edit What-If Scenario… (its context menu).")
            else:  # made for this workspace: something since deleted, or a typo
                advice = ("deleted since it was written, or mistyped in the file? Put it "
                          "back, correct the file, or make a new scenario (New What-If "
                          "Scenario…).")
            lead = f"{name} {'was ' if exc.other_workspace else ''}{exc.short()}"
            self._show_notice(f"{lead}: {advice}\n{exc.place()}", "problem",
                              offer_what_if=True)
            status = f"{lead}. {exc.place()}"
        else:
            self.failed_scenario = path
            self.scenario_combo.mark(path, f"{UNLOADABLE}: {exc}")
            # A workspace chosen as the scenario: the way out is a scenario made for it.
            self._show_notice(status, "problem", offer_what_if=isinstance(exc, NotAScenario))
        self._update_controls()
        if not quiet:
            self.window_.show_status(status)
            self.window_.show_simulation_panel()

    def _needs_load(self) -> bool:
        """No run yet, or one that has not started while the workspace or the choice of
        "This campaign only" changed since it was set up: take them as they are now (and
        refuse a workspace with errors)."""
        sim = self.runner.simulation
        return sim is None or (sim.processed == 0 and (self._stale or self._choice_differs(sim)))

    def run_or_pause(self) -> None:
        """F5 and Simulate > Run: as the toolbar's Simulate, the panel comes to the front
        (behind the Warnings, its notice and the file dialog would go unseen)."""
        if not self.runner.running:
            self.window_.show_simulation_panel()
        self.toggle_run()

    def toggle_run(self) -> None:
        if self.runner.running:
            self.runner.pause()
            return
        if (self._needs_load() or self.runner.done) and not self.load():
            return
        self.runner.play()

    def step(self) -> None:
        """The next event; a finished run stays finished (Reset or Run Again restart)."""
        if self._needs_load() and not self.load():
            return
        self.runner.step()
        if not self.runner.done:
            self.window_.show_status(f"Stepped to {self.clock_label.text()}: {STEP_KEY} steps "
                                     "again, F5 continues.")

    def run_to_end(self) -> None:
        if self._needs_load() and not self.load():
            return
        self.runner.run_to_end()

    def reset(self) -> None:
        if self.runner.loaded:
            self.load()

    def stop(self) -> None:
        """Forgets the run (another workspace was opened)."""
        self.runner.clear()
        self.contacts.set_simulation(None)
        self.log_view.start_over()
        self._log_seen = 0
        self._stale = False
        self.failed_scenario = None
        self._hide_notice()
        if self.layer is not None:
            self.layer.clear()
        self._advanced()
        self._refresh_slow_views()

    def show_problem(self, message: str) -> None:
        self._show_notice(message, "problem")
        self.window_.show_status(message)

    # -- the canvas (more in panel_canvas.py) -------------------------------------------
    def campaign_shown(self, _campaign_id: str | None = None) -> None:
        """Another campaign is on the canvas: the chart follows it; a run of one campaign
        alone says that this one is not in it."""
        if self.layer is not None:
            self.layer.refit()
        self.hint_followed()
        self._refresh_slow_views()
        sim = self.runner.simulation
        shown = self.window_.current_campaign_id()
        if sim is not None and sim.campaign is not None and shown != sim.campaign:
            name = sim.workspace.campaign(sim.campaign).name \
                if sim.workspace.has_campaign(sim.campaign) else sim.campaign
            self._show_notice(f'This run simulates "{name}" alone: the campaign on show is '
                              "not in it. Untick \"This campaign only\" and Reset to simulate "
                              "every campaign.", "alone")
        else:
            self._hide_notice("alone")

    def _not_in_run(self) -> str | None:
        """What the charts say of a campaign on show that the run does not have (added
        after it started), or None."""
        sim = self.runner.simulation
        campaign_id = self.window_.current_campaign_id()
        live = self.window_.controller.workspace
        if sim is None or campaign_id is None or sim.workspace.has_campaign(campaign_id) \
                or not live.has_campaign(campaign_id):
            return None
        return f'"{live.campaign(campaign_id).name}" is not in this run: Run Again to simulate it'

    def current_campaign(self) -> Campaign | None:
        campaign_id = self.window_.current_campaign_id()
        sim = self.runner.simulation
        workspace = sim.workspace if sim is not None else self.window_.controller.workspace
        if campaign_id is None or not workspace.has_campaign(campaign_id):
            return None
        return workspace.campaign(campaign_id)

    # -- following the run -------------------------------------------------------------------
    def _advanced(self) -> None:
        sim = self.runner.simulation
        if sim is not None:
            # the counts of the nodes that changed since the last time, copied (QA: copying
            # every node's for each tick took a quarter of the time on 5,000 nodes)
            counts, changed = self.runner.changes()
            if self.layer is not None:
                self.layer.set_counts(counts, changed)
            if self.tabs.currentWidget() is self.timeline:
                # its end keeps up with the clock between two full redraws (QA: hours
                # behind the clock and the badges); a full redraw comes on its timer
                self.timeline.follow(self.current_campaign(), sim.now, counts)
            self.progress.setFormat(DONE if sim.done else BEHIND if self.runner.behind
                                    else PROGRESS)
            self.progress.setValue(int(sim.progress() * 1000))
            self.clock_label.setText(readable_clock(sim.time))
            log = sim.log or []
            if len(log) > self._log_seen:
                lines = [line for line in log[self._log_seen:] if line]
                self._log_seen = len(log)
                if self.runner.to_end and self.runner.running:
                    self.log_view.hold()  # shown when it stops (see LogView)
                self.log_view.add_lines(lines)
            if not self._slow_timer.isActive():
                self._slow_timer.start()
        else:
            self.progress.setFormat(NO_RUN)
            self.progress.setValue(0)
            self.clock_label.setText("")
        self._update_controls()

    def _moved(self, movements: list) -> None:
        # While playing, and for a step; "Run to End" moves too many at once to show.
        showing = self.runner.running and not self.runner.to_end
        if self.layer is not None and (showing or len(movements) <= 50):
            self.layer.add_movements(movements)

    def _running_changed(self, running: bool) -> None:
        if not running:
            self.log_view.release()
            if self.runner.loaded and not self.runner.done:  # paused: no longer behind
                self.progress.setFormat(PROGRESS)
        self._update_controls()
        if running and self.runner.to_end:
            self.window_.show_status(f"Running {self.runner.title()} to the end: F5 pauses.")
        elif running:
            self.window_.show_status(f"Simulating {self.runner.title()}: F5 pauses, "
                                     "Ctrl+F5 runs to the end.")
        elif self.runner.loaded and not self.runner.done:
            self.window_.show_status(f"Paused {self.runner.title()} at "
                                     f"{self.clock_label.text()}: F5 continues, {STEP_KEY} steps.")

    def _finished(self) -> None:
        sim = self.runner.simulation
        self._refresh_slow_views()
        self.say_stale()
        if sim is not None:
            if sim.events_beyond_horizon and sim.until is not None:
                self.log_view.add(
                    f"{log_time(sim.until)} horizon reached: {sim.events_beyond_horizon:,} "
                    "scenario events come after it and were not simulated")
            self.window_.show_status(
                f"Simulation finished: {counted(sim.processed, 'event')}, "
                f"{counted(len(sim.contacts), 'contact')}, "
                f"{counted(sim.emails_sent, 'email')} sent.")

    def _tab_shown(self) -> None:
        """At once, and again once the tab has its size if it had not (a chart filled while
        it has none lays its axes out wrong, no dates, until its data change); not twice
        over for nothing (at 12,000 contacts the Over Time chart took half a second)."""
        widget = self.tabs.currentWidget()
        size = widget.size()
        self._refresh_slow_views()

        def again() -> None:
            if self.tabs.currentWidget() is widget and widget.size() != size:
                self._refresh_slow_views()

        QTimer.singleShot(0, self, again)

    def _chart_key(self, widget: QWidget) -> tuple:
        """What a chart on show depends on: the run and how far it is, the campaign on
        show, the workspace's edits, the chart's size. The same again: nothing to redraw."""
        sim = self.runner.simulation
        stack = self.window_.session.undo_stack
        return (id(sim), sim.processed if sim else 0, sim.now if sim else 0,
                self.window_.current_campaign_id(), id(self.window_.session), stack.index(),
                stack.count(), widget.size().toTuple())

    def _refresh_slow_views(self) -> None:
        sim = self.runner.simulation
        current = self.tabs.currentWidget()
        # While it plays, the table follows only when on show (and keeps its rows' order);
        # otherwise it catches up once, when shown or when the run stops.
        live = self.runner.running
        if not live or current is self.contacts:
            self.contacts.refresh(live)
        if not live or current is self.actions_tab:
            self.actions_tab.show_runs(sim.workspace if sim is not None else None,
                                       sim.action_sets if sim is not None else {},
                                       sim.emails_sent if sim is not None else 0)
        key = self._chart_key(current) if current in (self.chart, self.timeline) else None
        if key is not None and key == self._charted.get(current):
            pass  # the chart on show is of this already
        elif current is self.chart:  # no run yet: it says to run one (QA: bare axes)
            self.chart.show_counts(self.current_campaign() if sim else None,
                                   self.runner.counts_now() if sim else {},
                                   self._not_in_run())
        elif current is self.timeline:
            self.timeline.show_timeline(self.current_campaign(), self.runner.timeline(),
                                        self._not_in_run())
        if key is not None:
            self._charted[current] = key
        selected = self.contacts.selected_contact()
        if selected is not None:
            self._show_path(selected)

    def _update_controls(self) -> None:
        update_actions(self)
