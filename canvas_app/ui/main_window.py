"""The main window: palette, canvas, campaign list, lint panel, menus, toolbar, status bar.

The window turns menu and keyboard intents into controller calls: the canvas's are in
:mod:`canvas_app.ui.canvas_intents`, the clipboard's in :mod:`canvas_app.ui.canvas_clipboard`;
files, autosave and recovery live in :mod:`canvas_app.ui.file_actions`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QResizeEvent,
    QShowEvent,
    QStatusTipEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from ..editing.controller import Controller
from .arrange_menu import ArrangeMenu
from .busy import busy_cursor
from .campaign_list import CampaignList
from .canvas import CampaignScene, CanvasView
from .canvas.navigator import Navigator
from .canvas.view_places import ViewPlaces
from .canvas_clipboard import ClipboardActions
from .canvas_intents import CanvasIntents
from .file_actions import FileActions
from .find_bar import FindBar
from .focus_chain import behind, cycle_panels, move_focus, panel_action
from .history_panel import history_view
from .last_campaign import remember, remembered
from .lint_panel import LintPanel
from .palette import Palette
from .session import Session
from .simulation.panel import SimulationPanel
from .theme import load_icon
from .window_actions import (
    EditActionsState,
    build_actions,
    build_menus,
    build_toolbar,
)
from .window_layout import (
    GiveWay,
    bottom_panel_most,
    fit_first_size,
    in_font_lines,
    keep_canvas_room,
    start_hint,
)
from .window_status import StatusWords

APP_TITLE = "Campaign Canvas"
# the Simulation panel's height when Simulate shows it, at least: px at the default font,
# as many lines of a larger one (see in_font_lines)
SIMULATION_HEIGHT = 340
LINT_CLOCK_MS = 10_000  # how often the findings are asked whether time has changed them
GEOMETRY_KEY, STATE_KEY = "window/geometry", "window/state"  # the layout kept in the settings


class MainWindow(StatusWords, ClipboardActions, CanvasIntents, QMainWindow):
    def __init__(self, session: Session, settings: QSettings,
                 recovery_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(load_icon("app.svg"))
        self.settings = settings
        self.recovery_dir = recovery_dir
        self.session = session
        self.scene: CampaignScene | None = None
        self.view_places = ViewPlaces()  # where the view was left in each campaign
        self.undo_group = QUndoGroup(self)
        self.toolbar_actions: dict[str, QAction] = {}
        self._terminating = False  # SIGTERM/SIGINT: close without asking (see terminate)

        self.view = CanvasView(self)
        self.navigator = Navigator(self.view)
        self.navigator.enabled_by_user = bool(settings.value("view/navigator", True, type=bool))
        self.setCentralWidget(self.view)
        self.palette = Palette(self)
        self.palette.zoom = lambda: self.view.zoom()
        self.campaign_list = CampaignList(self)
        self.lint_panel = LintPanel(self)
        self.simulation_panel = SimulationPanel(self, settings)
        self.docks = {
            "palette": self._dock("Palette", "paletteDock", self.palette,
                                  Qt.DockWidgetArea.LeftDockWidgetArea),
            "campaigns": self._dock("Campaigns", "campaignsDock", self.campaign_list,
                                    Qt.DockWidgetArea.LeftDockWidgetArea),
            "lint": self._dock("Warnings", "lintDock", self.lint_panel,
                               Qt.DockWidgetArea.BottomDockWidgetArea),
            "simulation": self._dock("Simulation", "simulationDock", self.simulation_panel,
                                     Qt.DockWidgetArea.BottomDockWidgetArea),
            "history": self._dock("History", "historyDock", history_view(self.undo_group, self),
                                  Qt.DockWidgetArea.RightDockWidgetArea),
        }
        self.docks["history"].hide()  # View > Panels > History shows it
        # The bottom panels (warnings, simulation) run the window's whole width, under the
        # palette and campaign list too: their tables and charts need the width more than
        # two short lists need the height (QA: at 1280 x 800 the contacts' emails were cut
        # to "ana.d…e.com" beside 270 px of empty campaign list).
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        # Warnings and Simulation share the bottom as two tabs. A layout kept from the last
        # session says so itself: tabified here as well, restoreState left the first tab
        # bar standing over the campaign list at every later start (see _restore_layout).
        if self.settings.value(STATE_KEY) is None:
            self.tabify_bottom_panels()
        self.docks["simulation"].visibilityChanged.connect(self.simulation_panel.panel_shown)
        self.files = FileActions(self)
        self.find_bar = FindBar(self)
        self.actions_by_name = build_actions(self)
        self.edit_state = EditActionsState(self, self.actions_by_name)  # enabled as they apply
        self.align_menu = ArrangeMenu(self)
        self.actions_by_name["navigator"].setChecked(self.navigator.enabled_by_user)
        self.menus = build_menus(self, self.actions_by_name)
        # Palette, Campaigns… each its letter; a panel behind another's tab comes forward
        self.panel_actions = {key: panel_action(dock, self) for key, dock in self.docks.items()}
        self.menus["panels"].addActions(list(self.panel_actions.values()))
        self.toolbar = build_toolbar(self, self.actions_by_name)
        self.addToolBar(self.toolbar)
        a = self.actions_by_name
        self.view.context_actions = {
            "node": [a["view_edit"], a["rename"], a["link"], self.align_menu.menuAction(),
                     None, a["cut"], a["copy"], a["duplicate"], None, a["delete"]],
            "link": [a["delete"]],
            "canvas": [a["add_purchase_goal"], a["add_tag_goal"], a["add_sequence"], None,
                       a["paste"], a["select_all"], None, a["auto_layout"], a["zoom_fit"]],
        }
        # someone else's save not yet in this window (see SaveMerge.check_for_changes)
        self.teammate_label = QLabel(self)
        self.teammate_label.setObjectName("teammateNotice")
        self.teammate_label.hide()
        self.statusBar().addPermanentWidget(self.teammate_label)
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("zoomLabel")
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.view.zoom_changed.connect(self._show_zoom)
        self.view.node_reached.connect(self._announce_node)
        self.follow_focus()
        self.view.menu_opening.connect(self.align_menu.refresh)
        self.menus["edit"].aboutToShow.connect(self.align_menu.refresh)  # Align as selected
        self.menus["edit"].aboutToShow.connect(self.edit_state.update)
        self.view.menu_opening.connect(lambda _kind: self.edit_state.update())
        self.palette.place_requested.connect(self.place_node)
        self.campaign_list.current_changed.connect(self.show_campaign)
        self.campaign_list.entered.connect(self.view.setFocus)
        self.campaign_list.step_asked.connect(self.step_campaign)
        self.campaign_list.current_changed.connect(self.simulation_panel.campaign_shown)
        self.campaign_list.current_changed.connect(self.lint_panel.campaign_shown)
        self.campaign_list.current_changed.connect(lambda _id: self.edit_state.update())
        # A run started from anywhere (F5, F6, the Simulate menu) shows its panel.
        self.simulation_panel.runner.started.connect(self.show_simulation_panel)
        self.simulation_panel.runner.running_changed.connect(self._simulation_running)
        self.lint_panel.finding_activated.connect(self.reveal_node)
        self.lint_panel.finding_clicked.connect(
            lambda campaign_id, node_id: self.reveal_node(campaign_id, node_id, focus=False))
        self.lint_panel.workspace_finding_activated.connect(self.show_status)
        # Time changes findings too (a wait that has passed, "it is now 13:25"): asked for
        # every few seconds, the Warnings panel and the badges follow it without an edit
        # (long-session QA: the badge said the wait had passed, the panel did not).
        self.lint_clock = QTimer(self, interval=LINT_CLOCK_MS)
        self.lint_clock.timeout.connect(self._lint_clock_tick)
        self.lint_clock.start()
        self.files.refresh_recent_menu()
        self._canvas_room_check = QTimer(self, singleShot=True, interval=150)
        self._canvas_room_check.timeout.connect(self._keep_canvas_room)
        # on a small screen (1.5x scaling, a large font) the panels give way, so the
        # window fits it (its status bar was off the screen)
        self.give_way = GiveWay(self, [self.palette, self.campaign_list,
                                       self.simulation_panel, self.lint_panel])
        self.give_way.fit_screen()
        fit_first_size(self)
        self.resizeDocks([self.docks["palette"], self.docks["campaigns"]], [190, 400],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["lint"]], [120], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["palette"]], [230], Qt.Orientation.Horizontal)
        self.bind_session(session)
        self._restore_layout()
        # general advice for a newcomer: it stays until another message or a first click
        # takes its place (8 s went by unread)
        self.show_status(self.start_hint(), lasting=True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StatusTip and isinstance(event, QStatusTipEvent):
            self.status_tip(event.tip())  # the message under a tip comes back after it
            return True
        return super().event(event)

    def start_hint(self) -> str:
        return start_hint(palette_shown=not self.docks["palette"].isHidden())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._keep_canvas_room)  # once the docks are laid out
        QTimer.singleShot(0, self, self.refit_status)  # the start-up hint, cut to the bar
        self._canvas_room_check.start()  # and again once resizing pauses (a loaded machine
        # may lay the docks out after the first check)

    def _keep_canvas_room(self) -> None:
        keep_canvas_room(self, self.view, list(self.docks.values()))

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        """Tab skips the panel covered by another panel's tab (see focus_chain)."""
        return move_focus(lambda: super(MainWindow, self).focusNextPrevChild(next),
                          self.docks.values())

    def focus_next_panel(self, forward: bool = True) -> None:
        """Ctrl+F6, Ctrl+Shift+F6: the keyboard to the canvas, Campaigns, Palette,
        Warnings, Simulation (a tabbed-away one comes to the front), History (when open),
        in turn."""
        cycle_panels(self.view, [self.docks[k] for k in (
            "campaigns", "palette", "lint", "simulation", "history")], forward)

    def step_campaign(self, forward: bool = True) -> None:
        """Ctrl+PgDown, Ctrl+PgUp: the next or previous campaign (round the list)."""
        ids, current = self.campaign_list.ids(), self.current_campaign_id()
        if ids:
            here = ids.index(current) if current in ids else (-1 if forward else 0)
            self.campaign_list.select(ids[(here + (1 if forward else -1)) % len(ids)])

    def _dock(self, title: str, name: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- session -------------------------------------------------------------------------
    def bind_session(self, session: Session) -> None:
        """Shows a workspace: a new scene, the lists bound to its controller."""
        old = self.scene
        if old is not None:
            old.detach()
        previous = self.session
        if previous.document != session.document:
            self.view_places.clear()  # another workspace (not the same one read again)
        if previous is not session:
            self.undo_group.removeStack(previous.undo_stack)
            # A stack clears itself as it is deleted: its indexChanged then told this window
            # of an edit that never was (the status message went, QA5), after the new one.
            for signal in (previous.undo_stack.indexChanged,
                           previous.undo_stack.cleanChanged):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect()
            previous.undo_stack.deleteLater()
            previous.controller.deleteLater()
        self.session = session
        controller = session.controller
        # Owned by the window: Qt deletes them with it, while Python still runs. An
        # unowned stack lives until the interpreter's last collection, and its clear()
        # then signals into Python after the interpreter has gone (a crash at exit).
        session.undo_stack.setParent(self)
        controller.setParent(self)
        controller.dialog_parent = self
        controller.status_message.connect(self.show_status)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        session.undo_stack.cleanChanged.connect(self.update_title)
        session.undo_stack.indexChanged.connect(self.files.edited)
        session.undo_stack.indexChanged.connect(self._edited)
        # A bound method of the panel, not a lambda: Qt drops the connection when the panel
        # goes, so a stack cleared while the window is torn down calls nothing deleted.
        session.undo_stack.indexChanged.connect(self.simulation_panel.workspace_edited)
        # The view owns the scene: the view lets go of it as it goes, so the scene, deleted
        # after it, tells no view (and no navigator) of its items going one by one.
        self.scene = CampaignScene(controller, self.view)
        self.scene.edit_requested.connect(self._edit_requested)
        self.view.bind(self.scene)
        self.edit_state.bind_scene(self.scene)
        self.follow_selection()  # the status bar's words on what is selected
        self.navigator.bind(self.scene)
        if previous is not session:
            self.simulation_panel.stop()  # another workspace: the run was of the old one
        file = session.document.local_file() if session.document is not None else None
        self.simulation_panel.scenario_combo.set_beside(file.parent if file else None)
        self.simulation_panel.attach(self.scene)
        self.lint_panel.bind(controller)
        self.campaign_list.bind(controller, remembered(self.settings, session.document))
        # History's first row: where the edits start (a new workspace was never opened)
        self.docks["history"].widget().setEmptyLabel(
            "New workspace" if session.document is None else "As opened")
        if old is not None:
            old.deleteLater()
        self.update_title()

    @property
    def controller(self) -> Controller:
        return self.session.controller

    def _lint_clock_tick(self) -> None:
        """The findings now are another list than the Warnings panel lists (the time moved
        a wait past, or the canvas asked at a later time on switching campaigns): both
        show them. Asking costs next to nothing while nothing changed (the same list)."""
        if self.controller.findings() is not self.lint_panel.shown_findings:
            self.lint_panel.refresh()
            self.scene.refresh_findings()

    def show_campaign(self, campaign_id: str | None) -> None:
        if self.scene is None:
            return
        if campaign_id is not None and campaign_id == self.scene.campaign_id:
            self.update_title()  # the list was rebuilt (a rename): keep the view as it is
            return
        # a node's name being typed is kept, in the campaign it is in (Ctrl+PgDown threw it
        # away; a click on another campaign, taking the focus, kept it)
        self.view.keep_name_editor()
        size = len(self.controller.campaign(campaign_id)) if campaign_id is not None else 0
        with busy_cursor(size):  # a second or so of building items at 10,000 nodes
            self.view_places.keep(self.view)
            self.scene.show_campaign(campaign_id)
            self.view_places.show(self.view)
        remember(self.settings, self.session.document, campaign_id)
        self.navigator.campaign_shown()
        self.update_title()

    def current_campaign_id(self) -> str | None:
        return self.scene.campaign_id if self.scene is not None else None

    def update_title(self) -> None:
        self.setWindowTitle(f"{self.session.title}[*] — {APP_TITLE}")
        self.setWindowModified(self.session.modified)
        self.files.refresh_notice()  # someone else's save, taken in or saved over

    def _show_zoom(self, scale: float) -> None:
        self.zoom_label.setText(f"Zoom {scale * 100:.0f} %")
        QTimer.singleShot(0, self, self.refit_status)  # a wider label: less room beside it

    def reveal_node(self, campaign_id: str, node_id: str, focus: bool = True) -> None:
        """Shows the node selected on the canvas (``CanvasView.go_to_node``); ``focus`` gives
        the canvas the keyboard (a warning double-clicked; one clicked once leaves it in the
        list)."""
        if self.current_campaign_id() != campaign_id:
            self.campaign_list.select(campaign_id)
        if node_id and self.scene is not None and node_id in self.scene.nodes:
            self.scene.select_nodes([node_id])
            self.view.go_to_node(node_id)
            if focus:
                self.view.setFocus()

    def show_shortcuts(self) -> None:
        from .shortcuts import MENU_ORDER, ShortcutsDialog

        menus = [self.menus[k] for k in MENU_ORDER]
        dialog = ShortcutsDialog(menus, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.shortcuts_dialog = dialog

    def simulate(self) -> None:
        """Runs (or pauses) the chosen scenario; the Simulation panel shows itself."""
        self.show_simulation_panel()
        self.simulation_panel.toggle_run()

    def _simulation_running(self, running: bool) -> None:
        if running:
            self.show_simulation_panel()

    def show_simulation_panel(self) -> None:
        dock = self.docks["simulation"]
        shown = dock.isVisible() and not behind(dock)  # in front of any tabbed with it
        dock.show()
        dock.raise_()
        if shown:
            return  # at the height the user gave it (each run made it taller again, QA)
        # Room for the panel, but no more than the share of the canvas and panel that the
        # check on a resize leaves it (keep_canvas_room): the canvas comes first, and the
        # check does not take back, 150 ms later, what showing the panel gave (the canvas
        # shrank, then grew again under the pointer, and a fitted view moved twice).
        if dock.isFloating():
            return
        room = self.simulation_panel.room
        if room is not None:  # at once, at the height the user gave it if they did (else
            room.give_room(raised=True)  # it came up at SIMULATION_HEIGHT, then theirs)
            return
        self.layout().activate()  # the panel in place: the canvas's height is what is left
        wanted = min(in_font_lines(SIMULATION_HEIGHT, dock), bottom_panel_most(self.view, dock))
        if dock.height() < wanted:
            self.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)

    def open_catalog(self) -> None:
        self.controller.open_catalog()

    def open_ecommerce(self) -> None:
        self.controller.open_ecommerce()

    def about(self) -> None:
        from PySide6 import __version__ as pyside_version

        from .. import __version__

        box = QMessageBox(QMessageBox.Icon.Information, f"About {APP_TITLE}",
                          f"Campaign Canvas {__version__}\n\nDesign marketing campaigns on a "
                          "canvas and simulate them before they go live.\n\n"
                          f"PySide6 {pyside_version}", parent=self)
        box.setObjectName("aboutBox")
        box.open()
        self._about_box = box

    # -- files (delegated) ---------------------------------------------------------------
    def new_workspace(self) -> None:
        self.files.new_workspace()

    def open_dialog(self) -> None:
        self.files.open_dialog()

    def save(self) -> bool:
        return self.files.save()

    def save_as_dialog(self) -> bool:
        return self.files.save_as_dialog()

    def import_dialog(self) -> None:
        self.files.import_dialog()

    def export_dialog(self) -> None:
        self.files.export_dialog()

    # -- layout and closing --------------------------------------------------------------
    def tabify_bottom_panels(self) -> None:
        self.tabifyDockWidget(self.docks["lint"], self.docks["simulation"])
        self.docks["lint"].raise_()

    def _restore_layout(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        state = self.settings.value(STATE_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None and not self.restoreState(state):
            self.tabify_bottom_panels()  # a layout Qt cannot read: the first start's

    def save_layout(self) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(STATE_KEY, self.saveState())
        self.settings.sync()

    def terminate(self) -> None:
        """SIGTERM or SIGINT (a logout, a shutdown, Ctrl+C in the terminal): quit without
        a question nobody may be there to answer; unsaved edits stay in the recovery
        snapshot, offered at the next start."""
        self._terminating = self.session.modified and self.files.autosave() \
            or self.session.recovery.exists()
        self.close()

    def showEvent(self, event: QShowEvent) -> None:
        """Panels left floating come up in front of the window, not behind it where a
        restart left them (QA 22: View > Panels then hid the one it could not be seen)."""
        super().showEvent(event)
        QTimer.singleShot(0, self, self.raise_floating_panels)

    def raise_floating_panels(self) -> None:
        for dock in self.docks.values():
            if dock.isFloating() and dock.isVisible():
                dock.raise_()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._terminating and not self.files.confirm_close():
            event.ignore()
            return
        self.save_layout()
        self.simulation_panel.runner.pause()
        if self.scene is not None:
            self.scene.detach()
        event.accept()
