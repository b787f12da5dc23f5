"""The main window's toolbar: icons for every action, words for the main ones.

Icons are Material Design Icons, kept as small SVG files (resources/icons/toolbar, made by
tools/make_toolbar_icons.py: loading the icon font at start-up cost half a second). The
frequent edit and zoom actions show their icon only (their tooltips give the name and the
key); the others show a word beside it. When the window is too narrow for that (a small
window, a large font), the words go in turn (see WORD_TIERS): Fit to Window's and
Auto-Layout's first, then the file actions', then Simulate's, the app's main action, last;
so no action drops into the overflow menu. Widening the window brings the words back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QToolBar

from .theme import ICONS as ICON_FOLDER
from .theme import TEXT

if TYPE_CHECKING:
    from .main_window import MainWindow

# The toolbar, left to right; None is a separator.
LAYOUT = ("new_campaign", "open", "save", None, "undo", "redo", None, "cut", "copy", "paste",
          "duplicate", "delete", None, "zoom_in", "zoom_out", "zoom_fit", "auto_layout", None,
          "simulate")
ICONS = {
    "new_campaign": "mdi6.plus-box-outline",
    "open": "mdi6.folder-open-outline",
    "save": "mdi6.content-save-outline",
    "undo": "mdi6.undo",
    "redo": "mdi6.redo",
    "cut": "mdi6.content-cut",
    "copy": "mdi6.content-copy",
    "paste": "mdi6.content-paste",
    "duplicate": "mdi6.content-duplicate",
    "delete": "mdi6.delete-outline",
    "zoom_in": "mdi6.magnify-plus-outline",
    "zoom_out": "mdi6.magnify-minus-outline",
    "zoom_fit": "mdi6.fit-to-screen-outline",
    "auto_layout": "mdi6.sitemap-outline",
    "simulate": "mdi6.play-circle-outline",
    "pause": "mdi6.pause-circle-outline",
    # Edit > Align (canvas_app/ui/arrange_menu.py), not on the toolbar
    "align_left": "mdi6.align-horizontal-left",
    "align_centre": "mdi6.align-horizontal-center",
    "align_right": "mdi6.align-horizontal-right",
    "align_top": "mdi6.align-vertical-top",
    "align_middle": "mdi6.align-vertical-center",
    "align_bottom": "mdi6.align-vertical-bottom",
    "align_horizontal": "mdi6.distribute-horizontal-center",
    "align_vertical": "mdi6.distribute-vertical-center",
}
TOOLBAR_ICONS = ICON_FOLDER / "toolbar"
ICON_ONLY = {"undo", "redo", "cut", "copy", "paste", "duplicate", "delete", "zoom_in",
             "zoom_out"}
# The buttons that keep their word, tier by tier, as the toolbar's width shrinks; the last
# tier is icons only. Simulate's word ("Simulate", "Pause", "Run Again") goes last: at 14 pt
# "Run Again" pushed the button into the overflow menu.
WORD_TIERS: tuple[frozenset[str], ...] = (
    frozenset({"new_campaign", "open", "save", "zoom_fit", "auto_layout", "simulate"}),
    frozenset({"new_campaign", "open", "save", "simulate"}),
    frozenset({"simulate"}),
    frozenset(),
)
SIMULATE_BLUE = "#1e66f5"
# Toolbar buttons whose key is another action's (the menu's Undo and Redo, Simulate > Run):
# window_actions sets their tips, key included, as they change.
KEYS_OF = {"undo": "undo", "redo": "redo", "simulate": "sim_run"}


def icon_colour(key: str) -> str:
    return SIMULATE_BLUE if key in ("simulate", "pause") else TEXT


def action_icon(key: str) -> QIcon:
    """The icon of the action ``key`` (a null icon for an action without one); Qt greys
    it for a disabled action."""
    path = TOOLBAR_ICONS / f"{key}.svg"
    return QIcon(str(path)) if key in ICONS and path.exists() else QIcon()


def keys_text(action: QAction) -> str:
    """The action's main key as a tooltip names it ("Ctrl+Z"): its first shortcut that a
    keyboard has (see shortcuts.on_a_keyboard); "" for none."""
    from .shortcuts import on_a_keyboard

    keys = (k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
    return next((k for k in keys if k and on_a_keyboard(k)), "")


def with_keys(text: str, keys: str) -> str:
    """``text`` ending with its key in brackets, once ("Delete" is no "Del" key)."""
    if keys and not text.endswith(f"({keys})"):
        text = f"{text} ({keys})"
    return text


def _tooltip(action: QAction, keys: str | None = None) -> str:
    """The action's name (or its own tip) and its key (``keys``, else the action's own),
    as a hover shows it."""
    text = action.toolTip() or action.text().replace("&", "")
    return with_keys(text, keys_text(action) if keys is None else keys)


class MainToolbar(QToolBar):
    """The toolbar; it drops its words when they do not fit (see the module's text)."""

    def __init__(self, window: MainWindow, actions: dict[str, QAction]) -> None:
        super().__init__("Main toolbar", window)
        self.setObjectName("mainToolbar")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._keyed: dict[str, QAction] = {}  # the toolbar's actions by key
        self.tier = 0  # the WORD_TIERS entry on show
        # each tier's width, measured for the words and font they were measured with
        self._widths: dict[int, int] = {}
        self._widths_key: tuple[object, ...] = ()
        for key in LAYOUT:
            if key is None:
                self.addSeparator()
                continue
            action = actions[key]
            action.setIcon(action_icon(key))
            self._keyed[key] = action
            if key not in KEYS_OF:  # Undo, Redo, Simulate: their tip follows (see KEYS_OF)
                action.setToolTip(_tooltip(action))
            self.addAction(action)
        self._set_tier(0)
        run = actions.get("sim_run")
        if run is not None:
            self._follow_run(actions["simulate"], run)
        window.installEventFilter(self)

    def _follow_run(self, simulate: QAction, run: QAction) -> None:
        """The Simulate button says what pressing it does now: Simulate, Pause, Continue
        or Run Again, as the Simulation panel's Run button does, with a pause icon while
        a run plays; a longer word may take others' words away (see WORD_TIERS)."""
        play, pause = action_icon("simulate"), action_icon("pause")

        def follow() -> None:
            text = run.text().replace("&", "")
            simulate.setText("Simulate" if text == "Run" else text)
            simulate.setIcon(pause if text == "Pause" else play)
            self.refit()

        run.changed.connect(follow)
        follow()

    def compact(self) -> bool:
        """Icons only, no word on any button."""
        return self.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly

    def shows_word(self, key: str) -> bool:
        """Whether the button of the action ``key`` shows its word beside its icon."""
        return not self.compact() and key in WORD_TIERS[self.tier] and key not in ICON_ONLY

    def _set_tier(self, tier: int) -> None:
        """Words on the buttons of that tier, icons only on the others (Qt shows a
        low-priority action's icon without its word beside it)."""
        self.tier = tier
        worded = WORD_TIERS[tier]
        for key, action in self._keyed.items():
            priority = QAction.Priority.NormalPriority if key in worded and key not in ICON_ONLY \
                else QAction.Priority.LowPriority
            if action.priority() != priority:
                action.setPriority(priority)
        style = Qt.ToolButtonStyle.ToolButtonTextBesideIcon if worded \
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        if self.toolButtonStyle() != style:
            self.setToolButtonStyle(style)

    def _tier_widths(self) -> dict[int, int]:
        """Each tier's width on this toolbar, measured again when a word or the font
        changed (Simulate's word changes as a run goes)."""
        key = (self.font().key(), self.iconSize().width(),
               tuple(a.text() for a in self._keyed.values()))
        if key != self._widths_key:
            shown = self.tier
            self._widths = {}
            for tier in range(len(WORD_TIERS)):
                self._set_tier(tier)
                self._widths[tier] = self.sizeHint().width()
            self._set_tier(shown)
            self._widths_key = key
        return self._widths

    def fit_to(self, width: int) -> None:
        """The most words that fit in ``width`` (see WORD_TIERS)."""
        widths = self._tier_widths()
        tier = next((t for t in range(len(WORD_TIERS)) if widths[t] <= width),
                    len(WORD_TIERS) - 1)
        if tier != self.tier:
            self._set_tier(tier)

    def refit(self) -> None:
        """Fitted again to the room it has now (its words changed)."""
        if self.orientation() == Qt.Orientation.Horizontal and self.parentWidget() is not None:
            self.fit_to(self.parentWidget().width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.orientation() == Qt.Orientation.Horizontal:
            self.fit_to(self.parentWidget().width() if self.parentWidget() else self.width())
        return False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.refit()
