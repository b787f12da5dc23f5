"""A UTC date-time field that keeps what was typed and refuses a date that does not exist.

Qt's QDateTimeEdit turned "2026-02-30 25:00" into 2026-02-03 02:50 without a word: a day
that cannot be 30 in February ends at "3" and the next digits slide into the following
parts. Here the text is read only as a whole: "2026-02-30 25:00" stays on screen, the field
turns red and :meth:`DateTimeField.problem` says "February 2026 has 28 days; hours go from
00 to 23". A click selects the part clicked (year, month, day, hour or minute) so typing
replaces it; Up and Down step that part; the calendar button, Alt+Down or F4 opens a month
to pick a day from, with the mouse or the keyboard.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QHideEvent,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QFrame,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.steps import single_line
from ..theme import load_icon
from .widgets import mark_invalid

SECTIONS = ("year", "month", "day", "hour", "minute")
# As typed (2026-03-01 09:30), or as the file keeps it (2026-03-01T09:30:00Z), with an
# offset from UTC (+02:00) or without (UTC, Z)
_DATE_TIME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{1,2})"
                        r"(?::(\d{1,2})(?:\.(\d+))?)?)?"
                        r"\s*(?:UTC|Z|([+-])(\d{2}):?(\d{2}))?$", re.IGNORECASE)
EXAMPLE = "2026-03-01 09:30"


def format_utc(moment: datetime) -> str:
    """``yyyy-MM-dd HH:mm UTC``, the year in four digits (strftime's %Y writes year 1 as
    "1", which this field would then refuse)."""
    m = moment.astimezone(UTC)
    return f"{m.year:04d}-{m.month:02d}-{m.day:02d} {m.hour:02d}:{m.minute:02d} UTC"


def parse_utc(text: str) -> tuple[datetime | None, str]:
    """``(moment, "")`` for a date and time that exist (UTC; a date alone is 00:00), else
    ``(None, why)`` naming every part that is wrong."""
    typed = text.strip()
    if not typed:
        return None, f"no date is given: type one as {EXAMPLE} (UTC)"
    match = _DATE_TIME.match(typed)
    if match is None:
        return None, f'"{typed}" is not a date and time: type it as {EXAMPLE} (UTC)'
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    hour, minute = (int(match.group(i) or 0) for i in (4, 5))
    reasons = []
    if year < 1:
        reasons.append("there is no year 0")
    if not 1 <= month <= 12:
        reasons.append(f"there is no month {month} (months go from 01 to 12)")
    elif year >= 1:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            reasons.append(f"{calendar.month_name[month]} {year} has {days} days")
    if hour > 23:
        reasons.append("hours go from 00 to 23")
    if minute > 59:
        reasons.append("minutes go from 00 to 59")
    seconds, fraction = match.group(6), match.group(7)
    if not reasons and ((seconds is not None and int(seconds) != 0)
                        or (fraction and int(fraction))):
        return None, f'"{typed}": times are kept to the minute, so its seconds must be 00'
    sign, offset_hours, offset_minutes = match.group(8), match.group(9), match.group(10)
    offset = timedelta()
    if sign is not None:
        if int(offset_hours) > 23 or int(offset_minutes) > 59:
            reasons.append(f"there is no offset {sign}{offset_hours}:{offset_minutes} from UTC")
        else:
            offset = timedelta(hours=int(offset_hours), minutes=int(offset_minutes))
            offset = -offset if sign == "-" else offset
    if reasons:
        return None, f'"{typed}" does not exist: ' + "; ".join(reasons)
    try:  # an offset takes it back to UTC (13:00 at +02:00 is 11:00 UTC)
        return datetime(year, month, day, hour, minute, tzinfo=UTC) - offset, ""
    except OverflowError:
        return None, f'"{typed}" does not exist: it is before year 1 or after year 9999 in UTC'



def _calendar_icon() -> QIcon:
    """The calendar button's icon, drawn from SVG at the screen's pixel ratio (a 16 px
    picture scaled up was blocky at 2x)."""
    return load_icon("calendar.svg")


class DateTimeField(QLineEdit):
    """A date and time in UTC as ``yyyy-MM-dd HH:mm UTC``; see the module's help."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(f"{EXAMPLE} UTC")
        self.setToolTip(f"A date and time in UTC, e.g. {EXAMPLE}. Click a part to type "
                        "over it; Up and Down (or the wheel) change it; Alt+Down or F4 "
                        "opens a calendar.")
        self.calendar_action = QAction(_calendar_icon(), "Pick a day (Alt+Down)", self)
        self.calendar_action.setObjectName("pickDayAction")
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_popup: CalendarPopup | None = None
        self._wheel_delta = 0  # eighths of a degree not yet turned into a step
        self.textChanged.connect(self._text_changed)
        self.textEdited.connect(self._text_edited)
        self.editingFinished.connect(self._settle)

    # -- value --------------------------------------------------------------------------
    def value(self) -> datetime | None:
        """The moment typed, or None while the text is refused (see :meth:`problem`)."""
        return parse_utc(self.text())[0]

    def problem(self) -> str:
        return parse_utc(self.text())[1]

    def set_value(self, moment: datetime) -> None:
        self.setText(format_utc(moment))

    def set_text(self, text: str) -> None:
        """Shows ``text`` as if typed (a refused text given back)."""
        self.setText(text)

    def _text_edited(self, text: str) -> None:
        """A pasted "2026-03-01\\n09:30" is one line, "2026-03-01 09:30": each run of line
        breaks and tabs is a space (none at either end)."""
        tidied = single_line(text)
        if tidied != text:
            cursor = len(single_line(text[:self.cursorPosition()]) + "x") - 1
            self.setText(tidied)
            self.setCursorPosition(min(cursor, len(tidied)))

    def _settle(self) -> None:
        """A time typed in the file's form or with an offset reads back as it is kept, in
        UTC: "2026-12-01 09:00 +02:00" showed as typed while 07:00 UTC was kept (QA 23h)."""
        match = _DATE_TIME.match(self.text().strip())
        if match is None or self.value() is None:
            return
        if match.group(6) is not None or match.group(8) is not None \
                or re.search(r"\dT\d", self.text(), re.IGNORECASE):
            self.set_value(self.value())  # type: ignore[arg-type]

    def _text_changed(self, _text: str) -> None:
        mark_invalid(self, bool(self.problem()))
        self.setAccessibleDescription(self.problem())
        self.changed.emit()

    # -- parts --------------------------------------------------------------------------
    def _spans(self) -> list[tuple[int, int]]:
        return [m.span() for m in re.finditer(r"\d+", self.text())][:len(SECTIONS)]

    def section_at(self, position: int) -> int:
        """The index in :data:`SECTIONS` of the part at ``position`` (the nearest one
        before it when it falls on a separator); -1 in a text without digits."""
        found = -1
        for index, (start, end) in enumerate(self._spans()):
            if start <= position <= end:
                return index
            if start <= position:
                found = index
        return found

    def current_section(self) -> str:
        """"year", "month", "day", "hour" or "minute": the part at the cursor."""
        index = self.section_at(self.cursorPosition())
        return SECTIONS[index] if index >= 0 else ""

    def select_section(self, index: int) -> None:
        spans = self._spans()
        if 0 <= index < len(spans):
            start, end = spans[index]
            self.setSelection(start, end - start)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802  (Qt's name)
        super().mouseReleaseEvent(event)
        if not self.hasSelectedText():  # a click, not a drag: the part clicked is chosen
            self.select_section(self.section_at(self.cursorPosition()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if event.key() == Qt.Key.Key_F4 or (alt and event.key() == Qt.Key.Key_Down):
            self.show_calendar()  # as a date edit or a combo box opens its popup
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
            self.step_section(1 if event.key() == Qt.Key.Key_Up else -1)
            event.accept()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802  (Qt's name)
        """With the focus, the wheel steps the part under the mouse as Up/Down do; without
        it, the wheel goes on to the form (which scrolls), changing nothing in passing."""
        if not self.hasFocus():
            super().wheelEvent(event)
            return
        self._wheel_delta += event.angleDelta().y()
        steps = int(self._wheel_delta / 120)  # one notch is 120; a touchpad sends less
        if steps:
            self._wheel_delta -= steps * 120
            self.step_section(steps, self.section_at(
                self.cursorPositionAt(event.position().toPoint())))
        event.accept()

    def step_section(self, steps: int, index: int | None = None) -> None:
        """Up or Down: the part ``index`` (by default the one at the cursor) goes up or down
        by ``steps`` (a refused text is left alone: the problem line says what to fix)."""
        moment = self.value()
        if index is None:
            index = self.section_at(self.selectionStart() if self.hasSelectedText()
                                    else self.cursorPosition())
        if moment is None or index < 0:
            return
        section = SECTIONS[index]
        if section in ("year", "month"):
            months = moment.year * 12 + moment.month - 1 + (steps * 12 if section == "year"
                                                             else steps)
            year, month = divmod(months, 12)
            if not 1 <= year <= 9999:
                return
            day = min(moment.day, calendar.monthrange(year, month + 1)[1])
            moment = moment.replace(year=year, month=month + 1, day=day)
        else:
            unit = {"day": timedelta(days=1), "hour": timedelta(hours=1),
                    "minute": timedelta(minutes=1)}[section]
            try:  # before 0001-01-01 00:00 or after 9999-12-31 23:59 there is nothing
                moment = moment + steps * unit
            except OverflowError:
                return  # at the limit the value stays put
        self.set_value(moment)
        self.select_section(index)

    # -- calendar -----------------------------------------------------------------------
    def show_calendar(self) -> CalendarPopup:
        """A month under the field, with the keyboard in it on the field's day (today while
        the text is refused): a click, Enter or Space on a day puts it in, keeping the
        time; Esc closes it. The focus comes back to the field either way."""
        popup = CalendarPopup(self)
        moment = self.value()
        if moment is not None:
            popup.calendar.setSelectedDate(QDate(moment.year, moment.month, moment.day))
        popup.picked.connect(self._day_picked)
        popup.closed.connect(self._calendar_closed)
        self.calendar_popup = popup
        popup.adjustSize()
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        popup.calendar.setFocus(Qt.FocusReason.PopupFocusReason)
        return popup

    def _day_picked(self, date: QDate) -> None:
        moment = self.value() or datetime(date.year(), date.month(), date.day(), 9,
                                          tzinfo=UTC)
        self.set_value(moment.replace(year=date.year(), month=date.month(), day=date.day()))
        self.select_section(2)  # the day

    def _calendar_closed(self) -> None:
        self.calendar_popup = None
        self.setFocus(Qt.FocusReason.PopupFocusReason)


class CalendarPopup(QFrame):
    """The month shown by :meth:`DateTimeField.show_calendar`: a popup window, so it closes
    on Esc or a click elsewhere. Its calendar has the keyboard: arrows move the day,
    Page Up/Down the month, Enter or Space (or a click) picks the day."""

    picked = Signal(QDate)
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("pickDayPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("pickDayCalendar")
        self.calendar.setMinimumDate(QDate(1, 1, 1))  # the field's whole range
        self.calendar.setMaximumDate(QDate(9999, 12, 31))
        layout.addWidget(self.calendar)
        self.setFocusProxy(self.calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)  # Enter (and a double-click)
        view = self.calendar.findChild(QAbstractItemView)
        self._view = view
        if view is not None:
            view.installEventFilter(self)
            self.calendar.setFocusProxy(view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Space picks the day, as Enter does (the calendar knows only Enter)."""
        if (watched is self._view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Space
                and not event.modifiers()):
            self._pick(self.calendar.selectedDate())
            return True
        return super().eventFilter(watched, event)

    def _pick(self, date: QDate) -> None:
        self.picked.emit(date)
        self.close()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802  (Qt's name)
        super().hideEvent(event)
        self.closed.emit()
