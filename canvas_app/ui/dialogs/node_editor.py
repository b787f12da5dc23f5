"""The base of the node editors and their registry keyed by node kind.

An editor edits a copy of one node; :meth:`NodeEditorDialog.value` is the edited node, or
None while the domain finds a problem (then Save is disabled and the problem is shown).
``open_node_editor`` looks the editor up with :func:`node_editor_for`; a new node kind adds
its editor with :func:`register_node_editor`, no switch to edit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Problem
from ...domain.names import NAME_MAX_LENGTH
from ...domain.node_edit import validate_node
from ...domain.nodes import Node
from ...domain.workspace import Workspace
from ...editing.settings_commands import ReplaceNodeCommand
from ..text_limit import limit_text
from ..theme import load_icon
from .catalog_hint import catalog_opener
from .check_list import RowsListWidget
from .discard_question import DiscardQuestion
from .widgets import (
    ProblemLabel,
    enter_saves,
    mark_invalid,
    save_cancel_buttons,
    scrolling_body,
)
from .window_size import (
    fit_to_screen,
    in_font_units,
    on_screen,
    relayout,
    room_on_screen,
    widen_to_fit,
)


class NodeEditorDialog(QDialog):
    """Subclasses build their form in :meth:`build` and write it back in :meth:`collect`.

    The form scrolls when the window is too small for it (a small screen); the header with
    the name, the problems and the buttons stay in sight."""

    object_name = "nodeEditorDialog"
    name_label_text = "&Name:"
    # the smallest a user can shrink an editor to (it shrank to 188 x 244, the name field
    # 38 px wide): wide enough for the name field and the form's columns (within the
    # screen), so the form only ever scrolls up and down, and within a 1024 x 700 screen
    MINIMUM_SIZE = (480, 420)
    # the size an editor opens at, at least: its look at the usual font, in font units
    # (see in_font_units). It opens larger where its content needs more, within the
    # screen (see fit_start_size): at 14 pt a fixed size scrolled while the screen had
    # room, and at 15 pt the tag goal kept 560 px and opened as a column 1,190 px tall
    START_SIZE = (800, 600)
    # lines kept for the problem box while it is hidden, where the form can spare them
    # (see fit_problem_reserve)
    PROBLEM_RESERVE_LINES = 3
    # True: the window is as tall as its content (within the screen), and grows or
    # shrinks at its bottom as the problem box shows or hides (see fit_to_content)
    FITS_CONTENT = False

    def __init__(self, workspace: Workspace, campaign_id: str, node_id: str,
                 parent: QWidget | None = None, *,
                 undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        enter_saves(self)
        self.setObjectName(self.object_name)
        self.workspace = workspace
        # the workspace's stack: given, the editor can open the Catalog (open_catalog)
        self.undo_stack = undo_stack
        self.catalog_dialog: QDialog | None = None
        self.campaign_id = campaign_id
        self.campaign = workspace.campaign(campaign_id)
        self.original: Node = self.campaign.node(node_id).copy()
        self.setWindowTitle(f"{self.original.spec.label}: {self.original.name}")
        self.name_edit = QLineEdit(self.original.name)
        self.name_edit.setObjectName("nameEdit")
        # as the canvas's rename and the Catalog's names (QA 21: here a name had no limit)
        limit_text(self.name_edit, NAME_MAX_LENGTH, "a name", one_line=False,
                   keep=self.original.name)
        # three lines kept for problems so the form does not jump when one appears; one
        # only in a short window, where the scrolled form needs the room (QA 120/121/163)
        self.problem_label = ProblemLabel(reserve_lines=self.PROBLEM_RESERVE_LINES)
        self._fitted_height: int | None = None  # the height fit_to_content last gave
        # the heights fit_to_content asked for lately (a window's resize can arrive
        # later), and whether the user has resized the window since
        self._asked_heights: list[int] = []
        self._user_sized = False
        self.buttons, self.save_button, self.cancel_button = save_cancel_buttons()
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        self.header = self._header()
        outer.addLayout(self.header)
        self.scroll_area, body = scrolling_body("formScrollArea")
        outer.addWidget(self.scroll_area, 1)  # first: the form's widgets are in this window
        # what build() sees; fit_start_size follows
        fit_to_screen(self, *in_font_units(self, self.START_SIZE))
        self.build(body)
        outer.addWidget(self.problem_label)
        outer.addWidget(self.buttons)
        self._set_minimum_size(outer)
        self.name_edit.textChanged.connect(self.refresh)
        self.refresh()
        self._opened_problems = [p.message for p in self.problems()]
        self.fit_start_size()
        if self.FITS_CONTENT:
            self.fit_to_content(force=True)

    def _header(self) -> QGridLayout:
        """The kind's icon and label, what it does, and the name field."""
        spec = self.original.spec
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        icon = QLabel()
        icon.setPixmap(load_icon(spec.icon).pixmap(QSize(36, 36)))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        grid.addWidget(icon, 0, 0, 2, 1)
        title = QLabel(f"<b>{spec.label}</b> — {spec.help}")
        title.setObjectName("kindHelp")
        title.setWordWrap(True)
        grid.addWidget(title, 0, 1, 1, 2)
        name_label = QLabel(self.name_label_text)
        name_label.setBuddy(self.name_edit)
        grid.addWidget(name_label, 1, 1)
        grid.addWidget(self.name_edit, 1, 2)
        grid.setColumnStretch(2, 1)
        return grid

    def _set_minimum_size(self, outer: QVBoxLayout) -> None:
        """At least :attr:`MINIMUM_SIZE`, and as wide as the form's narrowest layout (plus
        room for its vertical scroll bar): the form never needs a horizontal scroll bar
        where the screen is wide enough (a cap of 1000 px gave the purchase goal one at
        14 pt, its payment types cut)."""
        width, height = self.MINIMUM_SIZE
        self.setMinimumSize(max(width, self._widest_minimum()), height)
        # the form's narrowest layout can widen later (a Delay step's amount and unit
        # need more than an email's subject): the minimum follows, or a horizontal scroll
        # bar took the room of the form's last row in a small window
        self.scroll_area.widget().installEventFilter(self)

    def _widest_minimum(self) -> int:
        """The form's narrowest width, or the screen's width where that is less."""
        return on_screen(self, self._form_width(), 0)[0]

    def _form_width(self) -> int:
        """The window width the form needs without a horizontal scroll bar."""
        margins = self.layout().contentsMargins()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return (self.scroll_area.widget().minimumSizeHint().width() + scroll_bar
                + margins.left() + margins.right() + 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.scroll_area.widget() \
                and event.type() == QEvent.Type.LayoutRequest:
            needed = self._widest_minimum()
            if needed > self.minimumWidth():
                self.setMinimumWidth(needed)  # grows only: the window never jumps back
            if self.FITS_CONTENT:  # the form's content changed (a tag added)
                self.fit_to_content()
            else:  # the room the form can spare for the problem box may have changed
                self.fit_problem_reserve(self.size(), settle=False)
                self.grow_to_content()
        return super().eventFilter(watched, event)

    # -- the size it opens at -----------------------------------------------------------
    def natural_width(self) -> int:
        """The window width at which the form has the width it asks for."""
        margins = self.layout().contentsMargins()
        return (self.scroll_area.widget().sizeHint().width() + margins.left()
                + margins.right() + 2)

    def wanted_height(self, width: int, *, settle: bool = True, reserve: bool = True) -> int:
        """The window height at ``width`` that shows the whole form and the buttons, and
        keeps the problem box's full room (unless not ``reserve``), or shows its
        problems, if more."""
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        problems = 0
        if self.problem_label.text():
            problems = QLabel.heightForWidth(self.problem_label, inner)
        kept = max(self.full_reserve(width) if reserve else 0, problems)
        return (self.content_height(width, with_problems=False, settle=settle)
                + (self.layout().spacing() + kept if kept else 0))

    def full_reserve(self, width: int) -> int:  # noqa: ARG002  (subclasses measure)
        """The room the hidden problem box keeps at this window width when the form can
        spare it: :attr:`PROBLEM_RESERVE_LINES` lines."""
        return self.problem_label.lines_height(self.PROBLEM_RESERVE_LINES)

    def squeeze_lists(self, width: int, height: int) -> None:
        """Where the form (without the room kept for problems, which gives way first) is
        still taller than ``height`` at ``width``, its lists ask for
        fewer rows (down to their least), the longest first: a list that scrolls its rows
        is better than a form that scrolls the lists, and the last of the form, out of
        sight (at 14 pt the tag goal's "Where it sits" was cut by its scroll area while
        the tag list showed its eight rows)."""
        body = self.scroll_area.widget()
        lists = [view for view in body.findChildren(RowsListWidget)
                 if view.isVisibleTo(body)]
        while self.wanted_height(width, settle=False, reserve=False) > height:
            longer = [view for view in lists if view.hint_rows > view.min_rows]
            if not longer:
                return
            view = max(longer, key=lambda v: v.hint_rows)
            view.hint_rows -= 1
            # every widget and layout up to the form measures it anew (before the window
            # shows, Qt tells only the list's parent: the others measured the old rows,
            # and the tag goal's list gave up four of its eight rows over 100 px of room)
            widget: QWidget | None = view
            while widget is not None and widget is not self:
                widget.updateGeometry()
                if widget.layout() is not None:
                    widget.layout().invalidate()
                widget = widget.parentWidget()

    def fit_start_size(self) -> None:
        """Opens at :attr:`START_SIZE`, or larger where the content needs more at the
        user's font, within the screen: as wide as the form asks, and wider (as much as
        helps) while the form is taller than the screen, its wrapped texts then taking
        fewer lines."""
        self.ensurePolished()  # measured as shown: its style's fonts and margins
        relayout(self)
        room = room_on_screen(self)
        start_width, start_height = in_font_units(self, self.START_SIZE)
        width = max(start_width, self.natural_width(), self.minimumWidth())
        if room is not None:
            width = min(width, room.width())
            width = widen_to_fit(width, room, lambda w: self.wanted_height(w, settle=False))
            self.squeeze_lists(width, room.height())
        height = self.wanted_height(width, settle=False)
        if not self.FITS_CONTENT:  # fit_to_content gives the height
            height = max(start_height, height)
        if room is not None:
            height = min(height, room.height())
        size = QSize(width, max(height, self.minimumHeight()))
        self.fit_problem_reserve(size)  # now: the first layout has it (not a later pass)
        self._fitted_height = size.height()  # a resize to another height is the user's
        self._asked_heights = [size.height()]
        self.resize(size)

    # -- as tall as the content ---------------------------------------------------------
    def content_height(self, width: int | None = None, *, with_problems: bool = True,
                       settle: bool = True) -> int:
        """The window height that shows the header, the whole form (its wrapped texts at
        this width), the problem box while it is shown (unless not ``with_problems``), and
        the buttons: no scroll bar, no cut line, no empty strip. ``settle``: lay out what
        changed inside the form first (not needed while the window is being resized)."""
        width = self.width() if width is None else width
        outer = self.layout()
        margins = outer.contentsMargins()
        inner = width - margins.left() - margins.right()
        body = self.scroll_area.widget()
        if settle:
            # hints of what changed since the last layout pass; invalidating every layout
            # posted a layout request back here (the tag goal editor laid itself out 4,000
            # times a second while open)
            relayout(body, invalidate=False)
        heights = [_height_for(self.header, inner), _height_for(body, inner)]
        if with_problems and (not self.problem_label.isHidden()
                              or self.problem_label.sizePolicy().retainSizeWhenHidden()):
            heights.append(self.problem_label.heightForWidth(inner))
        heights.append(self.buttons.sizeHint().height())
        return (margins.top() + margins.bottom() + sum(heights)
                + outer.spacing() * (len(heights) - 1))

    def fit_to_content(self, force: bool = False, *, grow_only: bool = False) -> None:
        """Makes the window as tall as :meth:`content_height` (at most its screen's room),
        or only taller (``grow_only``). Not once the user has resized it (unless
        ``force``): the size chosen is kept. The top stays put, so the form does not
        move."""
        if self._user_sized and not force:
            return
        height = self.wanted_height(self.width(), settle=not grow_only)
        room = room_on_screen(self)
        if room is not None:
            height = min(height, room.height())
        height = min(max(height, self.minimumHeight()), self.maximumHeight())
        if grow_only and height <= self.height():
            return
        self._fitted_height = height
        self._asked_heights = [*self._asked_heights[-3:], height]
        if height != self.height():
            self.resize(self.width(), height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802  (Qt's name)
        if self._fitted_height is not None \
                and event.size().height() not in self._asked_heights:
            self._user_sized = True  # not a height fit_to_content asked for
        self.fit_problem_reserve(event.size())
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802  (Qt's name)
        super().paintEvent(event)
        self.problem_label.paint_kept_room(self)  # NO_PROBLEMS in its room

    def fit_problem_reserve(self, size: QSize, *, settle: bool = True) -> None:
        """The hidden problem box keeps its full room (:meth:`full_reserve`: a box that
        grew as problems came moved what lay under the pointer), but only the room the
        form can spare: in a shorter window the kept room shrinks first, down to none,
        before the form scrolls (at 14 pt the sequence editor scrolled its Move up, Move
        down and Remove out of sight above 100 px of empty box). In such a window the
        form is at its smallest already; a problem then shortens the scrolled area from
        below and moves nothing in it."""
        label = self.problem_label
        outer = self.layout()
        width = size.width()
        full = self.full_reserve(width)
        form = self.content_height(width, with_problems=False, settle=settle)
        room = min(full, size.height() - form - outer.spacing())
        keep = room >= label.lines_height(1)  # less than a line kept is no use
        policy = label.sizePolicy()
        if policy.retainSizeWhenHidden() != keep:
            policy.setRetainSizeWhenHidden(keep)  # none kept: no spacing above it either
            label.setSizePolicy(policy)
        height = room if keep else 0
        if label.minimumHeight() != height:
            label.setMinimumHeight(height)
            self.update()  # the line said in the kept room comes or goes
        if not keep and label.isHidden():
            label.resize(label.width(), 0)  # out of the layout: no stale height kept

    def open_catalog(self, section: str | None = None) -> QDialog | None:
        """Opens the Catalog window over this editor, as Workspace > Catalog… does (on the
        tab of ``section``); when it closes, :meth:`catalog_changed` lets the form offer
        what was added. None without an undo stack (the catalog's changes are undo
        steps)."""
        if self.undo_stack is None:
            return None
        self.catalog_dialog = catalog_opener(self, self.workspace, self.undo_stack,
                                             self.catalog_changed, section)()
        return self.catalog_dialog

    def catalog_changed(self) -> None:
        """The catalog may have changed (its window closed): subclasses refresh their
        choices."""
        self.refresh()

    # -- for subclasses -----------------------------------------------------------------
    def build(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def collect(self, node: Node) -> None:
        """Writes the form's state into ``node`` (a copy of the original)."""
        raise NotImplementedError

    @classmethod
    def edit(cls, workspace: Workspace, campaign_id: str, node_id: str,
             parent: QWidget | None = None) -> Node | None:
        """Runs the dialog modally; the edited node on Save, None on Cancel.

        Nothing is applied: the caller decides (``open_node_editor`` pushes an undo
        command instead). Tests build the dialog and click its buttons without exec().
        """
        dialog = cls(workspace, campaign_id, node_id, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.value() if accepted else None

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

    def field_widgets(self) -> dict[str, QWidget]:
        """Problem path prefix -> the widget to mark when a problem has that path (or one
        inside it, as ``config.products[2]`` is inside ``config.products``)."""
        return {"name": self.name_edit}

    def group_widgets(self) -> dict[str, QWidget]:
        """Problem path -> the widget to mark when a problem has exactly that path: a
        problem about a group of fields as a whole ("no purchase option is ticked" is about
        ``config``), which its fields' own problems do not mark."""
        return {}

    def shown_problem(self, problem: Problem) -> Problem:
        """The problem in this dialog's words (an option named by its label); the same
        field, so the same widget is marked."""
        return problem

    def notes(self) -> list[Problem]:
        """What the settings, valid, do that may surprise (a sequence with no steps): said
        in the problem box while there is no problem, in the form's colours."""
        return []

    def refresh(self) -> None:
        problems = self.problems()
        shown_before = (self.problem_label.isHidden(), self.problem_label.text())
        self.problem_label.show_problems([self.shown_problem(p) for p in problems],
                                         self.notes())
        self.save_button.setEnabled(not problems)
        for prefix, widget in self.field_widgets().items():
            bad = any(p.path == prefix or p.path.startswith((prefix + ".", prefix + "["))
                      for p in problems)
            mark_invalid(widget, bad)
        for path, widget in self.group_widgets().items():
            mark_invalid(widget, any(p.path == path for p in problems))
        if self._fitted_height is not None and shown_before != (
                self.problem_label.isHidden(), self.problem_label.text()):
            # the box shown or hidden: the window grows or shrinks at once (the form
            # keeps its place); a change inside the form follows with its layout request
            if self.FITS_CONTENT:
                self.fit_to_content()
            else:
                self.grow_to_content()

    def grow_to_content(self) -> None:
        """An editor not as tall as its content (not FITS_CONTENT) grows at its bottom
        where its content outgrows it (more problems than the room kept for them, a step
        with more fields) and the screen has room, until the user sizes it: at 14 pt four
        problems in the sequence editor scrolled Move up, Move down and Remove out of
        sight with 100 px of screen to spare. It never shrinks: Save stays put as problems
        go."""
        if self._fitted_height is not None:
            self.fit_to_content(grow_only=True)

    def _save(self) -> None:
        if self.value() is not None:
            self.accept()

    def has_changes(self) -> bool:
        """Whether anything was changed since the editor opened: the name or settings, or
        text typed that is not accepted yet (a refused price or date is work too)."""
        edited = self.edited()
        if (edited.name, edited.config) != (self.original.name, self.original.config):
            return True
        return [p.message for p in self.problems()] != self._opened_problems

    def reject(self) -> None:
        """Cancel, Esc or the window's close button: changes are only dropped once the
        user says so."""
        if self.has_changes() and not DiscardQuestion.ask(
                self, f'"{self.original.name}"',
                self._save if self.save_button.isEnabled() else None):
            return
        super().reject()

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


def _height_for(item: QWidget | QLayout, width: int) -> int:
    """The height ``item`` needs at ``width`` (its wrapped texts included)."""
    if item.hasHeightForWidth():
        return max(item.heightForWidth(width), item.minimumSizeHint().height()
                   if isinstance(item, QWidget) else item.minimumSize().height())
    return item.sizeHint().height()


_EDITORS: dict[str, type[NodeEditorDialog]] = {}


def register_node_editor(kind: str, editor: type[NodeEditorDialog]) -> type[NodeEditorDialog]:
    _EDITORS[kind] = editor
    return editor


def node_editor_for(kind: str) -> type[NodeEditorDialog]:
    try:
        return _EDITORS[kind]
    except KeyError:
        raise KeyError(f"no editor for node kind {kind!r}") from None
