"""Small widgets the editor dialogs share: help text, the problem line, the Save/Cancel
buttons (the searchable check list is in :mod:`.check_list`, the manager windows' bottom
row and size in :mod:`.manager_window`)."""

from __future__ import annotations

import re

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QButtonGroup,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionGroupBox,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Problem
from ..theme import SELECTION
from .alt_keys import keep_alt_from_typing

ID_ROLE = Qt.ItemDataRole.UserRole

# The longest text an Undo or Redo menu entry or button shows after its verb. Command texts
# quote names already shortened (``short_name``); this keeps any other text (a command
# named elsewhere) from stretching a menu across the screen.
ACTION_TEXT_LENGTH = 90


def action_text(verb: str, text: str, limit: int = ACTION_TEXT_LENGTH) -> str:
    """An action's or button's text: ``verb`` (with its own ``&`` mnemonic) and ``text``
    quoted literally. A ``&`` in ``text`` ("Salt & Pepper") is doubled, as Qt shows a single
    one as the underline of the next letter and drops it; a text longer than
    :data:`ACTION_TEXT_LENGTH` (or ``limit``) is cut with "…". The History panel lists the
    plain text."""
    if not text:
        return verb
    if len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return f"{verb} {text.replace('&', '&&')}"


# help text is a point smaller than the user's font, but never smaller than this (the 9 pt
# it had at the usual 9 or 10 pt font) unless the user's font itself is smaller
HELP_LEAST_POINTS = 9.0


def help_font(base: QFont | None = None) -> QFont:
    """The font of help text: ``base`` (the application's font) a point smaller, but not
    below :data:`HELP_LEAST_POINTS` nor above ``base``. It follows the user's font: a fixed
    9 pt stayed small beside a 14 pt form."""
    font = QFont(QApplication.font() if base is None else base)
    points = font.pointSizeF()
    if points > 0:
        font.setPointSizeF(max(points - 1, min(points, HELP_LEAST_POINTS)))
    elif font.pixelSize() > 0:  # a font sized in pixels: 9 pt is 12 px at 96 dpi
        pixels = font.pixelSize()
        font.setPixelSize(max(pixels - 1, min(pixels, 12)))
    return font


def help_text_style(label: QLabel) -> QLabel:
    """Grey help text in :func:`help_font`. Returns the label."""
    label.setProperty("role", "help")
    label.setStyleSheet("color: palette(placeholder-text);")
    label.setFont(help_font())
    return label


def help_label(text: str, object_name: str = "") -> QLabel:
    """One line (wrapped when needed) of grey help text under a choice."""
    label = QLabel(text)
    label.setWordWrap(True)
    help_text_style(label)
    label.setContentsMargins(22, 0, 0, 4)
    if object_name:
        label.setObjectName(object_name)
    return label


class OwnEnterLineEdit(QLineEdit):
    """A line edit whose Enter is its own (``returnPressed``: "Add tag", "open the product's
    actions") and never also reaches the dialog, where it would press Save (see
    :func:`enter_saves`). The focus stays in the field, so the user can go on typing."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class OwnEnterList(QListWidget):
    """A list whose Enter activates the current item (``itemActivated``) and goes no
    further: Qt passes the key on to the dialog, which pressed the default button of
    whatever the activation had just opened (the action-set editor closed at once)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class OwnEnterTable(QTableWidget):
    """A table whose Enter activates the current row and goes no further (as
    :class:`OwnEnterList`), and whose Delete asks to delete the row (``delete_pressed``)."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                and self.currentItem() is not None:
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class _FollowFocus(QObject):
    """Scrolls its area to whichever widget inside it gets the focus, however it got it
    (Tab from outside the area, a mnemonic, a click): Qt does so only for Tab pressed
    inside the area."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.focus_changed)

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self.area):  # the focus moves while the area is deleted
            return
        body = self.area.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.area.ensureWidgetVisible(new)


def scrolling_body(object_name: str, spacing: int = 10) -> tuple[QScrollArea, QVBoxLayout]:
    """A frameless scroll area and the layout of the widget inside it: a dialog's body
    scrolls when the window is smaller than its content (help texts then keep the height
    their wrapped lines need instead of overlapping the widgets below them).

    The area takes no focus (it was an invisible Tab stop between a dialog's first field
    and its form); it scrolls to the focused widget instead."""
    area = QScrollArea()
    area.setObjectName(object_name)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    _FollowFocus(area)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    body = QWidget()
    body.setObjectName(object_name + "Body")
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    area.setWidget(body)
    return area, layout


def plain_destructive(button: QAbstractButton, text: str = "") -> QAbstractButton:
    """A button that deletes or drops something, as a confirmation's Delete or Yes: no
    icon (a desktop style gives Yes and OK a green "all is well" icon), and ``text`` when
    given. Returns the button."""
    if text:
        button.setText(text)
    button.setIcon(QIcon())
    return button


INVALID_COLOUR = "#b00020"  # the red of a field with a problem (as the problem box's text)
INVALID_FRAME_WIDTH = 2  # px of red at the field's edge
INVALID_FOCUS_WIDTH = 1  # px of the focus colour inside it while the field has the keys


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """A red frame on a field the domain complains about (and an accessible hint).

    The frame is painted over the field's own edge (see :class:`_InvalidFrame`): it
    changes no size, margin or padding, so nothing in the field or around it moves when it
    turns red. A style sheet border did: 2 px where Qt's frame is 1 px, a list's rows moved
    by 1 px, a combo box got 2 px shorter, a spin box's text and a line edit's text moved
    sideways (QA)."""
    widget.setProperty("invalid", invalid)
    painter = widget.findChild(_InvalidFrame, "invalidFrame",
                               Qt.FindChildOption.FindDirectChildrenOnly)
    if painter is None and invalid:
        painter = _InvalidFrame(widget)
    if painter is not None:
        painter.repaint_all()
    widget.setAccessibleDescription("has a problem" if invalid else "")


class _InvalidFrame(QObject):
    """Paints :data:`INVALID_FRAME_WIDTH` px of red at the edge of its widget while the
    widget's ``invalid`` property is true, after the widget has painted itself. A list's
    rows are drawn by its viewport, which starts inside Qt's 1 px frame: the viewport gets
    the inner pixel of the red frame, and is repainted whole when it scrolls (Qt moves its
    pixels, which would carry the red line inward)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.setObjectName("invalidFrame")
        self.widget = widget
        self._busy = False
        widget.installEventFilter(self)
        if isinstance(widget, QAbstractScrollArea):
            viewport = widget.viewport()
            viewport.installEventFilter(self)
            for bar in (widget.verticalScrollBar(), widget.horizontalScrollBar()):
                bar.valueChanged.connect(self._scrolled)

    def _scrolled(self, _value: int) -> None:
        if self.widget.property("invalid"):
            self.widget.viewport().update()  # type: ignore[attr-defined]

    @staticmethod
    def _frame_rect(watched: QWidget) -> QRect:
        """Where the red goes: a group box's frame below its title (round the title too,
        it read as a frame round two things), any other widget's edge."""
        if isinstance(watched, QGroupBox):
            option = QStyleOptionGroupBox()
            watched.initStyleOption(option)
            return watched.style().subControlRect(
                QStyle.ComplexControl.CC_GroupBox, option,
                QStyle.SubControl.SC_GroupBoxFrame, watched)
        return watched.rect()

    def repaint_all(self) -> None:
        self.widget.update()
        if isinstance(self.widget, QAbstractScrollArea):
            self.widget.viewport().update()

    def _rings(self) -> list[tuple[str, int]]:
        """The frames, outermost first, as (colour, px): the red of the problem and, while
        the field has the keyboard, a ring of the focus colour inside it (the red hid the
        style's own focus frame, so a field with a problem showed no focus: QA). A list
        shows its focus on its current row instead, and keeps its rows' ground clear."""
        rings = [(INVALID_COLOUR, INVALID_FRAME_WIDTH)]
        if self.widget.hasFocus() and not isinstance(self.widget, QAbstractItemView):
            rings.append((SELECTION, INVALID_FOCUS_WIDTH))
        return rings

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut) \
                and watched is self.widget and self.widget.property("invalid"):
            self.repaint_all()  # the focus ring comes or goes
            return False
        if event.type() != QEvent.Type.Paint or self._busy \
                or not self.widget.property("invalid") or not isinstance(watched, QWidget):
            return False
        self._busy = True
        try:  # the widget (or viewport) paints itself first, through every other filter
            QApplication.sendEvent(watched, event)
        finally:
            self._busy = False
        if watched is self.widget:
            inset = 0
        else:  # the viewport: what of the frames' width lies outside it
            inset = watched.mapTo(self.widget, QPoint(0, 0)).x()
        painter = QPainter(watched)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, watched is self.widget)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        outer = -inset  # where the next ring starts, from the edge of what is painted
        for colour, width in self._rings():
            start, end = max(outer, 0), outer + width
            outer = end
            if end <= start:
                continue  # wholly outside the viewport: the widget painted it
            pen = QPen(QColor(colour), end - start)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            middle = start + (end - start) / 2
            rect = QRectF(self._frame_rect(watched)).adjusted(middle, middle, -middle, -middle)
            if watched is self.widget:
                painter.drawRoundedRect(rect, 2, 2)
            else:
                painter.drawRect(rect)
        painter.end()
        return True


NO_PROBLEMS = "No problems in these settings."  # said in the room the problem box keeps
# (of these settings only: the node may still have a warning about its place in the
# campaign, which the Warnings panel and its badge give; QA: "No problems found." beside a
# node with a warning badge read as a contradiction)


class ProblemLabel(QLabel):
    """Shows the domain's problems in plain words; empty and hidden when all is well.

    With ``reserve_lines`` its space (that many lines) stays reserved while it is hidden, so
    the form above does not move when a problem appears or goes and a click aimed at a row
    lands on that row. Only a longer text makes it grow.
    """

    PADDING = 6

    def __init__(self, item_word: str = "Step", parent: QWidget | None = None,
                 reserve_lines: int = 0) -> None:
        super().__init__(parent)
        self.item_word = item_word
        self.reserve_lines = reserve_lines
        self._twin: ProblemLabel | None = None  # measures texts not shown (height_showing)
        self.setObjectName("problemLabel")
        # the problems quote names as typed: "<i>" or "a < b" shown as they are, never
        # read as markup
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setStyleSheet(self._style(notice=False))
        if reserve_lines:
            policy = self.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.setSizePolicy(policy)
            self.setMinimumHeight(self.lines_height(reserve_lines))
        self.setVisible(False)

    def lines_height(self, lines: int) -> int:
        """The height of the box showing ``lines`` lines."""
        return self.fontMetrics().lineSpacing() * lines + 2 * self.PADDING + 2

    def sizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        """Empty (hidden), it asks for no more than its reserve: a layout short of room
        shrank the form rather than the hidden box."""
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumHeight()) if not self.text() else hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.minimumHeight()) if not self.text() else hint

    def heightForWidth(self, width: int) -> int:  # noqa: N802  (Qt's name)
        """Its text's height, but never less than the room it keeps (a layout gives it that
        much anyway): a window as tall as its content keeps its height as a problem shows
        in the kept room."""
        if not self.text():
            return self.minimumHeight()
        return max(self.minimumHeight(), super().heightForWidth(width))

    def height_showing(self, messages: list[str], width: int) -> int:
        """The height the box needs at ``width`` to show ``messages`` (worded as
        :meth:`show_problems` words them), measured on a twin never shown: the room a form
        keeps for the most problems it can show at once."""
        twin = self._twin
        if twin is None:
            twin = self._twin = ProblemLabel(self.item_word)
        twin.setFont(self.font())
        twin.setText("\n".join(_sentence(m) for m in messages))
        return twin.heightForWidth(width)

    def show_problems(self, problems: list[Problem],
                      notes: list[Problem] | None = None) -> None:
        """The problems, in red on pink; ``notes`` (a key a field did not take) are said
        only while there is no problem, in the form's own colours: a notice, not an
        error beside an enabled Save (QA4). One message at a time."""
        shown = list(problems) or list(notes or [])
        messages = list(dict.fromkeys(self._line(p) for p in shown))
        notice = bool(messages) and not problems
        if notice != bool(self.property("notice")):
            self.setProperty("notice", notice)
            self.setStyleSheet(self._style(notice))
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))

    def _style(self, notice: bool) -> str:
        colours = "color: palette(window-text); background: palette(alternate-base);" \
            if notice else "color: #b00020; background: #fdecee;"
        return (f"QLabel {{ {colours} padding: {self.PADDING}px; "
                "border-radius: 4px; }")

    def paint_kept_room(self, window: QWidget) -> None:
        """Call from ``window``'s ``paintEvent`` (the box is its child): while the box is
        hidden and keeps its room, a quiet NO_PROBLEMS stands in that room, so the
        room reads as the place problems show, not as a broken empty band above the
        buttons (90 px at 15 pt)."""
        if not self.isHidden() or not self.sizePolicy().retainSizeWhenHidden() \
                or self.parentWidget() is not window:
            return
        font = help_font(self.font())
        room = self.geometry().adjusted(self.PADDING + 1, self.PADDING, -self.PADDING, 0)
        if room.height() < QFontMetrics(font).height():
            return  # too little room kept for a line: nothing said
        painter = QPainter(window)
        painter.setFont(font)
        painter.setPen(window.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         NO_PROBLEMS)
        painter.end()

    def _line(self, problem: Problem) -> str:
        """The message, with "Step 2:" in front when it is about one item of a list."""
        match = _INDEX.search(problem.path)
        text = _sentence(problem.message)
        return f"{self.item_word} {int(match.group(1)) + 1}: {text}" if match else text


_INDEX = re.compile(r"^(?:steps)?\[(\d+)\]")


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] if message else message


class AchievedByBox(QGroupBox):
    """"Who can achieve this goal": contacts in this campaign, or any contact (R4), each
    with its line of help. Shared by the purchase goal and tag goal dialogs."""

    def __init__(self, campaign_help: str, any_contact_help: str,
                 parent: QWidget | None = None) -> None:
        super().__init__("Who can achieve this goal", parent)
        self.setObjectName("achievedBy")
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        self.campaign_radio = QRadioButton("Contacts in this ca&mpaign")
        self.campaign_radio.setObjectName("campaignContactsRadio")
        self.any_contact_radio = QRadioButton("An&y contact")
        self.any_contact_radio.setObjectName("anyContactRadio")
        self._group = QButtonGroup(self)
        self._group.addButton(self.campaign_radio)
        self._group.addButton(self.any_contact_radio)
        layout.addWidget(self.campaign_radio)
        layout.addWidget(help_label(campaign_help))
        layout.addWidget(self.any_contact_radio)
        layout.addWidget(help_label(any_contact_help))

    def value(self) -> str:
        return "any_contact" if self.any_contact_radio.isChecked() else "campaign"

    def set_value(self, achieved_by: str) -> None:
        (self.any_contact_radio if achieved_by == "any_contact"
         else self.campaign_radio).setChecked(True)


# a push button with this property true takes Enter while it has the focus (Cancel): the
# default-button frame moves to it as it gets the focus and back to Save as it loses it
PRESSED_BY_ITS_ENTER = "pressedByItsEnter"


class _EnterPressesDefault(QObject):
    """Keeps the dialog's default button (Save) the one Enter presses.

    Every other push button has ``autoDefault`` off: Qt gave Enter to whichever button last
    had focus ("Add copies", "Add step"), which changed the content instead of saving it.
    Save has it off too: Qt takes the default from an auto-default button that loses the
    focus, so after Tab had passed Save, Enter did nothing (QA). A button marked
    :data:`PRESSED_BY_ITS_ENTER` (Cancel) takes Enter while focused, as on most desktops.

    Whenever the focus moves inside the dialog, Save is made the default again (unless such
    a button holds the focus), and buttons added since the dialog showed lose
    ``autoDefault``. In a window with no default button (each change applies at once) the
    button with the focus is the default while it has it: Enter presses it, and nothing
    while the focus is elsewhere."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.default: QPushButton | None = None
        self.looked = False  # whether the dialog was looked at for its default button
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.focus_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and watched is self.dialog:
            self.assert_default(register=True)
        elif event.type() == QEvent.Type.KeyPress and watched is self.dialog \
                and self.looked and self.default is None and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # come up from a focused tool button (Undo, Redo), which has no Enter of its
            # own: in a window with no Save it presses that button, as Space does (QA 21)
            focus = self.dialog.focusWidget()
            if isinstance(focus, QToolButton) and focus.isEnabled():
                focus.click()
                return True
        return False

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self.dialog) or new is None \
                or new.window() is not self.dialog:
            return
        self.assert_default()

    def _buttons(self) -> list[QPushButton]:
        """The dialog's own push buttons (not those of a window it opened)."""
        return [b for b in self.dialog.findChildren(QPushButton)
                if b.window() is self.dialog]

    def assert_default(self, register: bool = False) -> None:
        buttons = self._buttons()
        if not self.looked or (self.default is not None
                               and not shiboken6.isValid(self.default)):
            # once, as it shows: later a focused auto-default button is Qt's default too
            self.looked = True
            self.default = next((b for b in buttons if b.isDefault()), None)
        if self.default is None:
            # a window with no Save (the Catalog, E-Commerce Actions: each change applies
            # at once): Enter presses the focused button, as Space does (QA 21: Enter on
            # "Add product…" did nothing), and nothing while no button has the focus (not
            # auto-default buttons: Qt kept the first one focused as the window's default,
            # and Enter on a check box pressed it)
            focus = self.dialog.focusWidget()
            for button in buttons:
                button.setAutoDefault(False)
                if button.isDefault() != (button is focus):
                    button.setDefault(button is focus)
            return
        for button in buttons:
            if button is not self.default and not button.property(PRESSED_BY_ITS_ENTER):
                button.setAutoDefault(False)
        default = self.default
        default.setAutoDefault(False)
        if register and default.isDefault():
            # made default before it was in the dialog, Qt did not note it as the
            # dialog's own default (which it gives back after a focused Cancel)
            default.setDefault(False)
        focus = self.dialog.focusWidget()
        if isinstance(focus, QPushButton) and focus in buttons and focus.isDefault() \
                and focus.autoDefault():
            return  # Cancel has the focus and the frame: its Enter cancels
        if not default.isDefault():
            default.setDefault(True)


def enter_saves(dialog: QWidget) -> None:
    """Enter in the dialog presses its default button (Save), whichever widgets had the
    focus before; a focused Cancel takes its own Enter.

    A field with an Enter of its own ("New tag" and its "Add tag") is an
    :class:`OwnEnterLineEdit`: its Enter does that and never saves."""
    guard = _EnterPressesDefault(dialog)
    dialog.installEventFilter(guard)
    keep_alt_from_typing(dialog)  # Alt+S typed an "s" into the name


def save_cancel_buttons(save_text: str = "Save") -> tuple[QDialogButtonBox, QPushButton,
                                                          QPushButton]:
    """Save (the default button, see :func:`enter_saves`) and Cancel."""
    box = QDialogButtonBox()
    save = box.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
    save.setObjectName("saveButton")
    save.setAutoDefault(False)
    save.setDefault(True)
    cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setObjectName("cancelButton")
    cancel.setProperty(PRESSED_BY_ITS_ENTER, True)
    cancel.setAutoDefault(True)
    return box, save, cancel
