"""A duration typed as a whole number and a unit (minutes, hours, days, weeks; seconds for
a file's PT90S): the wait of a delay step and the delay of an e-commerce action
(:class:`DurationEdit`), whose amount says its problems in the unit chosen
(:class:`AmountField`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from ...domain.timeutil import MAX_DURATION
from ...io.editor_limits import DURATION_AMOUNT_MAXIMUM
from .number_field import NumberField

UNITS: tuple[tuple[str, int], ...] = (("minutes", 60), ("hours", 3600), ("days", 86400),
                                      ("weeks", 604800))
# a unit's name for one of it ("1 hour", never "1 hours")
UNIT_NAMES: dict[int, tuple[str, str]] = {1: ("second", "seconds"), 60: ("minute", "minutes"),
                                          3600: ("hour", "hours"), 86400: ("day", "days"),
                                          604800: ("week", "weeks")}


def amount_words(amount: int, unit_size: int) -> str:
    """"1 hour", "1,000,000 days": the amount with thousands separators and its unit."""
    singular, plural = UNIT_NAMES.get(unit_size, ("", ""))
    return f"{amount:,} {singular if amount == 1 else plural}".rstrip()


class AmountField(NumberField):
    """The amount of a :class:`DurationEdit`: its problems give the unit and write big
    numbers with separators ("the wait can be at most 730,500 days", where "at most
    1000000" left the unit to guess). Its maximum is ``maximum`` units, and never more
    than the longest duration a file holds (MAX_DURATION, 2000 years): the editor took
    800,000 days and saved a file that then could not be opened (QA)."""

    def __init__(self, what: str, maximum: float, unit_size: Callable[[], int]) -> None:
        self.unit_size = unit_size
        super().__init__(what, decimals=0, maximum=maximum)

    @property
    def _maximum(self) -> float:
        size = self.unit_size()
        return float(min(self._most, int(MAX_DURATION.total_seconds()) // size))

    @_maximum.setter
    def _maximum(self, value: float) -> None:
        self._most = value

    def unit_changed(self) -> None:
        """The unit chose another: the amount judged again against its maximum there."""
        self._mark()
        self.changed.emit()

    def parsed(self) -> tuple[float | None, str]:
        value, why = super().parsed()
        if why and self._minimum == 1 and why == f"{self.what} must be at least 1":
            # a whole amount of at least 1 of the unit shown is what "more than 0" means
            # in any unit; "at least 1 hour" was wrong (30 minutes will do, and a file
            # may give PT30S)
            return value, f"{self.what} must be more than 0"
        if why:
            size = self.unit_size()
            why = re.sub(r"(can be at most|must be at least) ([\d,]+)\b",
                         lambda m: f"{m.group(1)} "
                                   f"{amount_words(int(m.group(2).replace(',', '')), size)}",
                         why)
        return value, why


UNIT_MARK = "\t"  # between a DurationEdit's typed amount and its unit (see text)


class DurationEdit(QWidget):
    """A whole number and a unit (minutes, hours, days, weeks). A typed amount that is no
    whole number ("1.5", "-3", "1,5") stays as typed and is refused: :meth:`value` is None
    and ``amount.problem()`` says why (a QSpinBox made 15 of "1,5" and 3 of "-3")."""

    changed = Signal()

    def __init__(self, object_name: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # a million: 100,001 minutes (69 days) was lowered to 100,000 when shown; a file
        # with more is refused when loaded (io/editor_limits.py)
        self.unit = QComboBox()
        self.amount = AmountField(what, DURATION_AMOUNT_MAXIMUM,
                                  lambda: self.unit.currentData() or 60)
        self.amount.setObjectName(object_name + "Amount")
        self.amount.setAccessibleName("Amount")
        # a label's mnemonic ("&Wait for:") gives the amount the focus: the row itself
        # takes none, so Alt+W did nothing
        self.setFocusProxy(self.amount)
        self.unit.setObjectName(object_name + "Unit")
        self.unit.setAccessibleName("Unit")
        for name, size in UNITS:
            self.unit.addItem(name, size)
        # as wide as its names as they read now: a box first shown with "1 hour" kept
        # the singulars' width and cut "minutes" (QA: "minute:"); only room to its right
        # (a stretch) changes when "hour" becomes "hours"
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.amount)
        layout.addWidget(self.unit)
        layout.addStretch(1)
        self.amount.changed.connect(self._name_units)
        self.amount.changed.connect(self.changed.emit)
        self.unit.currentIndexChanged.connect(lambda _i: self.amount.unit_changed())

    def _name_units(self) -> None:
        """The units read with the amount: "1 hour", "2 hours" (the picker said "1 hours"
        while the step list said "Delay 1 day")."""
        amount = self.amount.value()
        for index in range(self.unit.count()):
            singular, plural = UNIT_NAMES[self.unit.itemData(index)]
            self.unit.setItemText(index, singular if amount == 1 else plural)

    def text(self) -> str:
        """What is typed, and its unit: what :meth:`set_text` gives back. A refused amount
        kept while another step shows comes back in the unit it was typed in (QA: after
        "99999999999" days, the last value taken, 999,999 days, showed in weeks, and the
        5 typed next saved 5 weeks)."""
        return f"{self.amount.text()}{UNIT_MARK}{self.unit.currentData()}"

    def set_text(self, text: str) -> None:
        amount, _mark, unit = text.partition(UNIT_MARK)
        index = self.unit.findData(int(unit)) if unit.isdigit() else -1
        if index >= 0 and index != self.unit.currentIndex():
            self.unit.blockSignals(True)
            self.unit.setCurrentIndex(index)
            self.unit.blockSignals(False)
        self.amount.set_text(amount)

    def problem(self) -> str:
        return self.amount.problem()

    def value(self) -> timedelta | None:
        """The duration, or None while the typed amount is refused."""
        amount = self.amount.value()
        if amount is None:
            return None
        return timedelta(seconds=amount * self.unit.currentData())

    def set_value(self, delta: timedelta) -> None:
        """Shows the duration in the largest unit that divides it. A file may give seconds
        (PT90S): "seconds" is then offered as a unit, so 90 seconds is shown as 90 seconds,
        never as "1 minutes"."""
        seconds = int(round(delta.total_seconds()))
        size = 1 if seconds % 60 else UNITS[0][1]
        for _name, unit_size in UNITS:
            if seconds and seconds % unit_size == 0:
                size = unit_size
        self.blockSignals(True)
        offered = self.unit.findData(1)
        if size == 1 and offered < 0:
            self.unit.insertItem(0, UNIT_NAMES[1][1], 1)
        elif size != 1 and offered >= 0:
            self.unit.removeItem(offered)
        self.unit.setCurrentIndex(self.unit.findData(size))
        self.amount.setValue(seconds // size)
        self.blockSignals(False)
        self._name_units()
