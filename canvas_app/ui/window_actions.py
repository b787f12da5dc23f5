"""The main window's actions, menus and toolbar, built in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, SignalInstance
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QToolBar

from ..domain.names import short_name
from ..domain.nodes import node_kinds
from ..editing import clipboard
from ..editing.commands import command_target
from .dialogs.widgets import action_text
from .image_export_dialog import export_image_dialog
from .theme import load_icon
from .tooltip_text import wrapped_tooltip

if TYPE_CHECKING:
    from .main_window import MainWindow

Std = QKeySequence.StandardKey
SIMULATE_TIP = ("Preview the campaigns: run a scenario and watch contacts move, or pause the "
                "run")
LINK_HINT = ("Select a node and press Ctrl+L to link it to another, or select two (Ctrl+Tab "
             "adds the next node) to link them left to right.")


# The letter of a kind's Add action other than its label's first, where that one is taken
# in a menu the action is in: the canvas's context menu has Paste (P) and Select All (A),
# the standard actions' standard letters, beside Add Purchase Goal and Auto-Layout (U).
ADD_LETTERS = {"purchase_goal": "G"}


def with_letter(label: str, letter: str = "") -> str:
    """``label`` with its keyboard letter marked: ``letter``'s first place in it (case
    as given), or its first letter."""
    place = label.find(letter) if letter else 0
    return f"{label[:max(place, 0)]}&{label[max(place, 0):]}"


def _action(window: MainWindow, text: str, slot: Callable[[], object],
            shortcut: QKeySequence | Std | str | list[QKeySequence] | None = None,
            tip: str = "", canvas: bool = False, checkable: bool = False) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, (list, Std)):
        action.setShortcuts(shortcut)
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.setCheckable(checkable)
    if checkable:
        action.toggled.connect(slot)
    else:
        action.triggered.connect(lambda _checked=False: slot())
    if canvas:
        # Only while the canvas has focus: the list and text fields keep their own keys.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.view.addAction(action)
    return action


def _other_campaign(window: MainWindow, redo: bool) -> str | None:
    """The name of the campaign the next Undo (or Redo) changes, when it is one campaign
    and not the one on show."""
    stack = window.undo_group.activeStack()
    if stack is None or window.scene is None:
        return None
    index = stack.index() if redo else stack.index() - 1
    if not 0 <= index < stack.count():
        return None
    target = command_target(stack.command(index))
    workspace = window.controller.workspace
    # the list's current campaign: already the new one as the list says it changed
    if target is None or target[0] == window.campaign_list.current_id() \
            or not workspace.has_campaign(target[0]):
        return None
    return workspace.campaign(target[0]).name


def _undo_redo_action(window: MainWindow, verb: str, slot: Callable[[], object],
                      text: Callable[[], str], enabled: Callable[[], bool],
                      text_changed: SignalInstance, enabled_changed: SignalInstance
                      ) -> QAction:
    """Edit > Undo or Redo following the active stack: its text is ``verb`` and the
    command's own words, taken literally (QUndoGroup.createUndoAction let a "&" in a name
    underline the next letter and vanish)."""
    redo = verb == "&Redo"

    def refresh(*_args: object) -> None:
        words = action_text(verb, text())
        other = _other_campaign(window, redo)
        # an edit of another campaign than the one on show says which (QA 22: the step
        # switches to it, but the menu did not say it would)
        action.setText(f'{words} (in "{short_name(other)}")' if other else words)

    action = QAction(window)
    refresh()
    action.setEnabled(enabled())
    text_changed.connect(refresh)
    window.campaign_list.current_changed.connect(refresh)
    enabled_changed.connect(action.setEnabled)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_actions(window: MainWindow) -> dict[str, QAction]:
    w = window
    a: dict[str, QAction] = {}
    a["new_workspace"] = _action(w, "New &Workspace", w.new_workspace, "Ctrl+Shift+N",
                                 "Start an empty workspace")
    a["new_campaign"] = _action(w, "&New Campaign", w.campaign_list.new_campaign, Std.New,
                                "Add an empty campaign to the workspace")
    a["open"] = _action(w, "&Open…", w.open_dialog, Std.Open,
                        "Open a workspace (.campaign.json or .db)")
    a["save"] = _action(w, "&Save", w.save, Std.Save, "Save the workspace")
    a["save_as"] = _action(w, "Save &As…", w.save_as_dialog, Std.SaveAs,
                           "Save the workspace to another file")
    a["open_database"] = _action(w, "Open &Database…", w.files.open_database_dialog, None,
                                 "Open a workspace in a PostgreSQL database")
    a["save_to_database"] = _action(w, "Save &to Database…", w.files.save_to_database_dialog,
                                    None, "Save the workspace to a PostgreSQL database")
    a["import_json"] = _action(w, "&Import JSON…", w.import_dialog, None,
                               "Replace this workspace's content with a .campaign.json file")
    a["export_json"] = _action(w, "&Export JSON…", w.export_dialog, None,
                               "Write the workspace to a .campaign.json file")
    a["export_image"] = _action(w, "Export I&mage…", lambda: export_image_dialog(w), None,
                                "Save the campaign on the canvas as a PNG or SVG picture")
    a["quit"] = _action(w, "&Quit", w.close, Std.Quit)

    # Undo and Redo say what they take back ("Undo Rename …"), a "&" in a name doubled so
    # that it shows (see action_text); triggering goes through the window, which shows a
    # wait cursor over a large undo or redo.
    a["undo"] = _undo_redo_action(w, "&Undo", w.undo, w.undo_group.undoText,
                                  w.undo_group.canUndo, w.undo_group.undoTextChanged,
                                  w.undo_group.canUndoChanged)
    a["undo"].setShortcuts(Std.Undo)
    a["redo"] = _undo_redo_action(w, "&Redo", w.redo, w.undo_group.redoText,
                                  w.undo_group.canRedo, w.undo_group.redoTextChanged,
                                  w.undo_group.canRedoChanged)
    # The platform's Redo (Ctrl+Shift+Z on Linux) and Ctrl+Y, which many users expect too.
    redo_keys = QKeySequence.keyBindings(Std.Redo)
    if QKeySequence("Ctrl+Y") not in redo_keys:
        redo_keys.append(QKeySequence("Ctrl+Y"))
    a["redo"].setShortcuts(redo_keys)
    a["cut"] = _action(w, "Cu&t", text_or(w, "cut", w.cut), Std.Cut, canvas=True)
    a["copy"] = _action(w, "&Copy", text_or(w, "copy", w.copy), Std.Copy, canvas=True)
    a["paste"] = _action(w, "&Paste", text_or(w, "paste", w.paste), Std.Paste, canvas=True)
    a["duplicate"] = _action(w, "Dupl&icate", w.duplicate, "Ctrl+D", canvas=True)
    a["delete"] = _action(w, "&Delete", text_or(w, "delete", w.delete_selection),
                          [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)],
                          "Delete the selected nodes and links", canvas=True)
    a["select_all"] = _action(w, "Select &All", w.select_all, Std.SelectAll, canvas=True)
    a["rename"] = _action(w, "Re&name", w.rename_selected, "F2",
                          "Rename the selected node in place", canvas=True)
    # Enter first: the menus show the first key, and the status bar and Help say "Enter"
    # (QA: the node's menu said "Return"); the main keyboard's key is Qt's Key_Return.
    a["view_edit"] = _action(w, "&View and Edit…", w.edit_selected,
                             [QKeySequence(Qt.Key.Key_Enter), QKeySequence(Qt.Key.Key_Return)],
                             "Open the selected node's settings", canvas=True)
    a["link"] = _action(w, "&Link…", w.link_selected, "Ctrl+L",
                        "Link the selected node to another or remove one of its links (a "
                        "menu lists them), or link the two selected nodes from left to right",
                        canvas=True)
    a["find"] = _action(w, "&Find…", w.find_bar.open, Std.Find,
                        "Find a node by name in every campaign of the workspace")
    a["find_next"] = _action(w, "Find Ne&xt", lambda: w.find_bar.step(True), Std.FindNext)
    a["find_previous"] = _action(w, "Find Pr&evious", lambda: w.find_bar.step(False),
                                 Std.FindPrevious)

    for number, spec in enumerate(node_kinds().values(), start=1):
        label = with_letter(spec.label.title(), ADD_LETTERS.get(spec.kind, ""))
        action = _action(w, f"Add {label}", lambda k=spec.kind: w.place_node(k),
                         f"Ctrl+{number}", f"Add a {spec.label.lower()} in the middle of "
                         "the view")
        action.setIcon(load_icon(spec.icon))
        a[f"add_{spec.kind}"] = action

    a["zoom_in"] = _action(w, "Zoom &In", w.view.zoom_in,
                           [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
    a["zoom_out"] = _action(w, "Zoom &Out", w.view.zoom_out, QKeySequence("Ctrl+-"))
    a["zoom_fit"] = _action(w, "&Fit to Window", w.view.fit, "Ctrl+0")
    a["zoom_actual"] = _action(w, "Actual &Size", w.view.reset_zoom, "Ctrl+Alt+0")
    a["zoom_selection"] = _action(w, "Zoom to Se&lection", w.zoom_to_selection,
                                  "Ctrl+Shift+0", "Fit the view to the selected nodes")
    a["grid"] = _action(w, "Show &Grid", w.set_grid_visible, None, checkable=True)
    a["grid"].setChecked(True)
    a["navigator"] = _action(w, "Show Na&vigator", w.set_navigator_shown, None,
                             "A map of the whole campaign in the canvas's corner, shown while "
                             "it is much bigger than the view", checkable=True)
    a["snap"] = _action(w, "S&nap to Grid", w.set_snap, None, checkable=True)
    a["snap"].setChecked(True)
    a["auto_layout"] = _action(w, "A&uto-Layout", w.auto_layout, "Ctrl+Shift+L",
                               "Arrange the campaign from left to right")

    campaigns = w.campaign_list
    a["rename_campaign"] = _action(w, "&Rename Campaign", campaigns.rename_current, None,
                                   "Rename the campaign shown (F2 in the Campaigns list)")
    a["duplicate_campaign"] = _action(w, "&Duplicate Campaign", campaigns.duplicate_current,
                                      None, "Copy the campaign shown, nodes and links")
    a["delete_campaign"] = _action(w, "De&lete Campaign…", campaigns.delete_current, None,
                                   "Delete the campaign shown")
    campaigns.window_actions = [a["rename_campaign"], a["duplicate_campaign"],
                                a["delete_campaign"]]
    a["move_campaign_up"] = _action(w, "Move Campaign &Up", lambda: campaigns.move_current(-1),
                                    None, "Move the campaign shown up the Campaigns list "
                                    "(Ctrl+Shift+Up there, or drag it)")
    a["move_campaign_down"] = _action(w, "Move Campaign Do&wn",
                                      lambda: campaigns.move_current(1), None,
                                      "Move the campaign shown down the Campaigns list "
                                      "(Ctrl+Shift+Down there, or drag it)")
    campaigns.window_move_actions = {"up": a["move_campaign_up"],
                                     "down": a["move_campaign_down"]}
    a["next_campaign"] = _action(w, "Ne&xt Campaign", lambda: w.step_campaign(True),
                                 "Ctrl+PgDown", "Show the next campaign of the list",
                                 canvas=True)
    a["previous_campaign"] = _action(w, "Pre&vious Campaign", lambda: w.step_campaign(False),
                                     "Ctrl+PgUp", "Show the previous campaign of the list",
                                     canvas=True)
    a["next_panel"] = _action(w, "Ne&xt Panel", lambda: w.focus_next_panel(True), "Ctrl+F6",
                              "The keyboard to the next panel: canvas, Campaigns, Palette, "
                              "Warnings or Simulation")
    a["previous_panel"] = _action(w, "P&revious Panel", lambda: w.focus_next_panel(False),
                                  "Ctrl+Shift+F6", "The keyboard to the previous panel")
    a["catalog"] = _action(w, "&Catalog…", w.open_catalog, None,
                           "Products, categories, order forms and payment types")
    a["ecommerce"] = _action(w, "&E-Commerce Actions…", w.open_ecommerce, None,
                             "Actions that run on purchases, logins and new contacts")
    a["about"] = _action(w, "&About Campaign Canvas", w.about)
    a["shortcuts"] = _action(w, "&Keyboard and Mouse", w.show_shortcuts, "F1",
                             "Every shortcut and mouse gesture")
    a["simulate"] = _action(w, "Simulate", w.simulate, None, SIMULATE_TIP)
    for key, action in w.simulation_panel.actions_by_name.items():
        a[f"sim_{key}"] = action
    return a


def build_menus(window: MainWindow, a: dict[str, QAction]) -> dict[str, QMenu]:
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}
    file = menus["file"] = bar.addMenu("&File")
    for key in ("new_workspace", "new_campaign", "open", "open_database"):
        file.addAction(a[key])
    menus["recent"] = file.addMenu("Open &Recent")
    file.addSeparator()
    for key in ("save", "save_as", "save_to_database"):
        file.addAction(a[key])
    file.addSeparator()
    file.addAction(a["import_json"])
    file.addAction(a["export_json"])
    file.addAction(a["export_image"])
    file.addSeparator()
    file.addAction(a["quit"])

    edit = menus["edit"] = bar.addMenu("&Edit")
    for key in ("undo", "redo", None, "cut", "copy", "paste", "duplicate", "delete", None,
                "select_all", "rename", "view_edit", "link", "align", None, "find",
                "find_next", "find_previous"):
        if key is None:
            edit.addSeparator()
        elif key == "align":
            edit.addMenu(window.align_menu)
        else:
            edit.addAction(a[key])

    insert = menus["insert"] = bar.addMenu("&Insert")
    for key, action in a.items():
        if key.startswith("add_"):
            insert.addAction(action)

    view = menus["view"] = bar.addMenu("&View")
    for key in ("zoom_in", "zoom_out", "zoom_fit", "zoom_selection", "zoom_actual", None,
                "grid", "navigator", "snap", None, "auto_layout"):
        if key is None:
            view.addSeparator()
        else:
            view.addAction(a[key])
    view.addSeparator()
    menus["panels"] = view.addMenu("&Panels")
    view.addAction(a["next_panel"])
    view.addAction(a["previous_panel"])

    workspace = menus["workspace"] = bar.addMenu("&Workspace")
    workspace.addAction(a["catalog"])
    workspace.addAction(a["ecommerce"])
    workspace.addSeparator()
    for key in ("new_campaign", "rename_campaign", "duplicate_campaign", "delete_campaign"):
        workspace.addAction(a[key])
    workspace.addSeparator()
    workspace.addAction(a["move_campaign_up"])
    workspace.addAction(a["move_campaign_down"])
    workspace.addSeparator()
    workspace.addAction(a["next_campaign"])
    workspace.addAction(a["previous_campaign"])

    simulate = menus["simulate"] = bar.addMenu("&Simulate")
    for key in ("sim_run", "sim_step", "sim_end", "sim_reset", None, "sim_open",
                "sim_what_if", "sim_edit_what_if", "sim_remove_what_if", None,
                "sim_save_result"):
        if key is None:
            simulate.addSeparator()
        else:
            simulate.addAction(a[key])

    help_menu = menus["help"] = bar.addMenu("&Help")
    help_menu.addAction(a["shortcuts"])
    help_menu.addAction(a["about"])
    return menus


def _tip(verb: str, text: str, keys: str = "") -> str:
    """A toolbar tooltip: the text cut when long, escaped (a name's "<i>" or "&" shows as
    typed, never as markup), ending with the key ``keys``."""
    from .main_toolbar import with_keys

    return wrapped_tooltip(with_keys(action_text(verb, text).replace("&&", "&"), keys))


def _short_undo_actions(window: MainWindow, a: dict[str, QAction]) -> tuple[QAction, QAction]:
    """Undo/Redo for the toolbar with fixed labels (the menu's say what they undo); their
    tips name the edit and the menu action's keys (Ctrl+Z)."""
    from .main_toolbar import keys_text

    group = window.undo_group
    undo = QAction("Undo", window)
    undo_keys = keys_text(a["undo"])
    undo.setToolTip(_tip("Undo", group.undoText(), undo_keys))
    undo.triggered.connect(lambda _checked=False: window.undo())
    undo.setEnabled(group.canUndo())
    group.canUndoChanged.connect(undo.setEnabled)
    group.undoTextChanged.connect(lambda text: undo.setToolTip(_tip("Undo", text, undo_keys)))
    redo = QAction("Redo", window)
    redo_keys = keys_text(a["redo"])
    redo.setToolTip(_tip("Redo", group.redoText(), redo_keys))
    redo.triggered.connect(lambda _checked=False: window.redo())
    redo.setEnabled(group.canRedo())
    group.canRedoChanged.connect(redo.setEnabled)
    group.redoTextChanged.connect(lambda text: redo.setToolTip(_tip("Redo", text, redo_keys)))
    return undo, redo


def _simulate_tip(simulate: QAction, run: QAction) -> None:
    """The toolbar's Simulate says what it does and ends with Run's key (F5)."""
    from .main_toolbar import keys_text, with_keys

    simulate.setToolTip(with_keys(SIMULATE_TIP, keys_text(run)))


def build_toolbar(window: MainWindow, a: dict[str, QAction]) -> QToolBar:
    from .main_toolbar import MainToolbar

    a = dict(a)
    a["undo"], a["redo"] = _short_undo_actions(window, a)
    if "sim_run" in a:
        _simulate_tip(a["simulate"], a["sim_run"])
    window.toolbar_actions = a
    return MainToolbar(window, a)


# -- which edit actions apply now ------------------------------------------------------------
NODE_ACTIONS = ("cut", "copy", "duplicate")
TEXT_ACTIONS = ("cut", "copy", "paste", "delete")  # in a focused text field, edit its text
HINTS = {  # said when the key of a disabled action is pressed on the canvas
    "cut": "Select the nodes to cut first.",
    "copy": "Select the nodes to copy first.",
    "duplicate": "Select the nodes to duplicate first.",
    "delete": "Select the nodes or links to delete first.",
    "rename": "Select a node to rename it.",
    "view_edit": "Select one node to view and edit it.",
    "link": LINK_HINT,
}


def focused_text_field(window: MainWindow) -> QLineEdit | None:
    """The editable one-line text field with the keyboard (the find bar, a node's name
    editor), if any: Cut, Copy, Paste and Delete edit its text."""
    widget = QApplication.focusWidget()
    if isinstance(widget, QLineEdit) and not widget.isReadOnly() and \
            widget.window() is window:
        return widget
    return None


def clipboard_has_nodes() -> bool:
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return False
    if mime.hasFormat(clipboard.MIME_TYPE):
        return True
    return mime.hasText() and clipboard.loads(mime.text()) is not None


class EditActionsState(QObject):
    """Cut, Copy, Duplicate, Delete, Rename, View and Edit, Link and Paste enabled only
    when they apply (menu, toolbar and context menus share the actions): after a change of
    selection, campaign, focus or clipboard. With a disabled one, its key on the canvas says
    what to select instead (Qt passes the key on to the canvas)."""

    def __init__(self, window: MainWindow, actions: dict[str, QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions
        self._field: QLineEdit | None = None
        self._nodes_on_clipboard = clipboard_has_nodes()
        QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        window.view.installEventFilter(self)  # a disabled action's key: what to select

    def bind_scene(self, scene: QObject) -> None:
        scene.selectionChanged.connect(self.update)  # type: ignore[attr-defined]
        self.update()

    def _clipboard_changed(self) -> None:
        self._nodes_on_clipboard = clipboard_has_nodes()
        self.update()

    def _focus_changed(self, _old: object, _new: object) -> None:
        field = focused_text_field(self.window)
        if field is not self._field:
            if self._field is not None and shiboken6.isValid(self._field):
                self._field.selectionChanged.disconnect(self.update)
            self._field = field
            if field is not None:
                field.selectionChanged.connect(self.update)
        self.update()

    def update(self) -> None:
        if not shiboken6.isValid(self.window):
            return
        field = focused_text_field(self.window)
        if field is not None:
            chosen = field.hasSelectedText()
            for key in TEXT_ACTIONS:
                self.actions[key].setEnabled(chosen if key != "paste" else True)
            for key in ("duplicate", "rename", "view_edit", "link"):
                self.actions[key].setEnabled(False)
            return
        campaign_id, nodes, links = self.window._selection()
        shown = campaign_id is not None
        for key in NODE_ACTIONS:
            self.actions[key].setEnabled(shown and bool(nodes))
        self.actions["delete"].setEnabled(shown and bool(nodes or links))
        self.actions["rename"].setEnabled(shown and len(nodes) == 1)
        self.actions["view_edit"].setEnabled(shown and len(nodes) == 1)
        # one node: a menu of the nodes it can link to; two: linked left to right
        self.actions["link"].setEnabled(shown and len(nodes) in (1, 2))
        self.actions["paste"].setEnabled(shown and self._nodes_on_clipboard)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            for key, hint in HINTS.items():
                action = self.actions[key]
                if not action.isEnabled() and pressed in action.shortcuts() and \
                        self.window.current_campaign_id() is not None:
                    if key == "rename" and len(self.window._selection()[1]) > 1:
                        hint = "Select only one node to rename it."
                    self.window.show_status(hint)
                    break
        return False


def text_or(window: MainWindow, verb: str, slot: Callable[[], object]) -> Callable[[], None]:
    """Cut, Copy, Paste or Delete: on the focused text field's text when one has the
    keyboard (Edit > Cut from the menu while the find bar has it), else on the canvas."""
    def run() -> None:
        field = focused_text_field(window)
        if field is None:
            slot()
        elif verb == "delete":
            field.del_()
        else:
            getattr(field, verb)()
    return run
