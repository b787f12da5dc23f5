"""A number field that shows what was typed and says what is wrong with it.

Qt's spin boxes in the C locale read "12,99" as 1299 (a comma is a group separator there),
turned "-3" into 3 and "1.5" into 15 in a whole-number field, all silently. Here "." and ","
are both decimal marks, and thousands separators are read where they cannot be taken for
decimals ("1,299.00", "1.299,00", "1 299", "1,299,000"; "1,299" alone stays refused as three
decimals); letters are not taken, and the field says so (``refused``, :meth:`refusal`, and a
tooltip at the field), never dropping a key silently; a pasted price with a currency sign
("$1,299.00", "1.299,00 €", the locale's own symbol) comes in without the sign; and text
that is not an acceptable number
(a sign or a mark out of place, too many decimals, out of the range) stays as typed: the field
turns red and :meth:`NumberField.problem` says why, for the dialog to show and to keep Save
disabled. A value given by the program (:meth:`NumberField.setValue`) is shown as it is,
out of range or not. The arrows, Up/Down and the mouse wheel step the value, within the range.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal

from PySide6.QtCore import QLocale, QPoint, QSize, Signal
from PySide6.QtGui import QColor, QPalette, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QToolTip, QWidget

_NUMBER = re.compile(r"^([+-]?)(\d*)(?:([.,])(\d*))?$")
# what a number field takes from the keyboard or a paste: no letters (a text given by the
# program, set_text, is shown whatever it is, and refused visibly)
_TYPABLE = re.compile(r"^[0-9\s+.,'’-]*$")
# a number with thousands separators: the same separator between groups of three digits
# (",", ".", a space of any kind, an apostrophe), then maybe a different decimal mark
_GROUPED = re.compile(r"^([+-]?)(\d{1,3})((?:([.,'’\s])\d{3})(?:\4\d{3})*)"
                      r"(?:([.,])(\d*))?$")


def _ungrouped(text: str) -> str | None:
    """``text`` without its thousands separators when it has some that cannot be decimals:
    "1,299.00" -> "1299.00", "1.299,99" -> "1299,99", "1,299,000" -> "1299000",
    "1 299" -> "1299". None when it has none, or only one "," or "." before three digits
    ("1,299" is 1.299 written with a comma, or a thousand and more: it is not guessed)."""
    match = _GROUPED.match(text)
    if match is None:
        return None
    sign, head, groups, separator, mark, fraction = match.groups()
    if mark is not None and mark == separator:
        return None
    if mark is None and separator in ".," and groups.count(separator) == 1:
        return None
    digits = head + re.sub(r"\D", "", groups)
    return f"{sign}{digits}{mark}{fraction}" if mark is not None else f"{sign}{digits}"


def _read(text: str) -> re.Match[str] | None:
    """The parts of a number (sign, whole, mark, fraction), separators left out."""
    typed = text.strip()
    return _NUMBER.match(_ungrouped(typed) or typed)


def without_currency(text: str, locale: QLocale | None = None) -> str:
    """``text`` without currency signs ("$", "€", "£", any Unicode currency symbol) and the
    ``locale``'s own symbol and code ("CHF", "kr"), as a pasted price carries them."""
    if locale is not None:
        for kind in (QLocale.CurrencySymbolFormat.CurrencySymbol,
                     QLocale.CurrencySymbolFormat.CurrencyIsoCode):
            symbol = locale.currencySymbol(kind)
            if symbol:
                text = text.replace(symbol, "")
    return "".join(c for c in text if unicodedata.category(c) != "Sc").strip()


def refusal_message(text: str, what: str, decimals: int = 1) -> str:
    """Why a field of numbers did not take ``text`` (typed or pasted): the characters it
    cannot hold, and what to type instead (a field of whole numbers does not invite
    decimals it then refuses, QA)."""
    refused = "".join(dict.fromkeys(c for c in text if _TYPABLE.match(c) is None))
    holds = ("whole numbers: digits only" if decimals == 0
             else 'digits, with "." or "," before the decimals')
    message = f'Not taken: "{refused}". {what[:1].upper()}{what[1:]} holds {holds}'
    if re.search(r"\d[eE]\d?", text):
        message += " (for 1e3, type 1000)"
    return message


def _grouped(value: float, decimals: int) -> str:
    """``value`` as :func:`_plain` writes it, its thousands apart ("1,000,000,000.00"), for
    a message: the step editor says "at most 1,000,000 days" (QA: the catalog's price said
    "at most 1000000000.00")."""
    text = _plain(value, decimals)
    whole, point, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    if not digits.isdigit():
        return text
    return f"{sign}{int(digits):,}{point}{fraction}"


def _plain(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals, or with all the digits it has when that would
    change it (12.999 with 2 decimals is written "12.999", for the field to refuse, never
    "13.00"); no exponent (1e20 is "100000000000000000000")."""
    if not math.isfinite(value):
        return str(value)
    text = f"{value:.{decimals}f}"
    if float(text) == value:
        return text
    return format(Decimal(repr(float(value))), "f")


def parse_number(text: str, decimals: int, minimum: float, maximum: float,
                 what: str = "the number") -> tuple[float | None, str]:
    """``(value, "")`` for an acceptable number, else ``(None, message)``.

    "12.99" and "12,99" are both twelve point ninety-nine; a thousands separator is refused
    (with 2 decimals, "1,299" would be read as 1.299), never guessed at."""
    typed = text.strip()
    if not typed:
        return None, f"{what} is missing"
    match = _read(typed)
    example = "12.99 or 12,99" if decimals else "3"
    if match is None or not (match.group(2) or match.group(4)):
        return None, f'{what} "{typed}" is not a number: type e.g. {example}'
    sign, whole, mark, fraction = match.groups()
    if mark and not decimals:
        return None, f'{what} must be a whole number ("{typed}" is not)'
    if fraction and len(fraction) > decimals:
        return None, (f'{what} "{typed}" has {len(fraction)} decimals, at most {decimals} '
                      f'(type a thousand as 1000 or 1,000.00)')
    value = float(f"{whole or '0'}.{fraction or '0'}")
    if sign == "-" and value:
        value = -value
    if value < minimum:
        if minimum == 0:
            return None, f"{what} cannot be negative"
        return None, f"{what} must be at least {_grouped(minimum, decimals)}"
    if value > maximum:
        return None, f"{what} can be at most {_grouped(maximum, decimals)}"
    return (value if decimals else int(value)), ""


def _number_in(text: str) -> float | None:
    """The number ``text`` holds, whether the field accepts it or not ("-3", "1.5" in a
    whole-number field, "2500000" above the maximum); None for "abc" or nothing."""
    match = _read(text)
    if match is None or not (match.group(2) or match.group(4)):
        return None
    sign, whole, _mark, fraction = match.groups()
    value = float(f"{whole or '0'}.{fraction or '0'}")
    return -value if sign == "-" else value


# zeros before the first digit of a number's whole part ("090", "-007", "00.5")
_LEADING_ZEROS = re.compile(r"^(\s*[+-]?)(0+)(?=\d)")


def _without_leading_zeros(text: str, pos: int) -> tuple[str, int]:
    """``text`` without the zeros that lead its whole part, and the cursor ``pos`` moved
    with them: "90" typed after a "0" shows "90", not "090" (QA3), as a spin box does;
    "0.5" and "0" keep theirs."""
    match = _LEADING_ZEROS.match(text)
    if match is None:
        return text, pos
    start, end = match.start(2), match.end(2)
    return text[:start] + text[end:], pos - max(0, min(pos, end) - start)


def _inserted_into(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` with something inserted at one place (typing on), rather
    than with text deleted or typed over."""
    if len(new) <= len(old):
        return False
    prefix = 0
    while prefix < len(old) and old[prefix] == new[prefix]:
        prefix += 1
    return new.endswith(old[prefix:])


class NumberField(QAbstractSpinBox):
    """A number with ``decimals`` decimals between ``minimum`` and ``maximum``.

    ``value()`` is the number typed, or None while the text is not acceptable
    (``problem()`` then says why, naming the field as ``what``)."""

    changed = Signal()
    refused = Signal(str)  # why a key or a paste was not taken

    def __init__(self, what: str, decimals: int = 0, minimum: float = 0,
                 maximum: float = 100_000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.decimals = decimals
        self._minimum = minimum
        self._maximum = maximum
        self.setAccelerated(True)
        self._palette = QPalette(self.palette())
        self._last_number = float(minimum)
        self._comma = False
        self._refusal = ""
        self._tooltip = ""
        self._last_text = ""
        self.lineEdit().textChanged.connect(self._text_changed)
        self.setValue(minimum)

    # -- what Qt asks a spin box --------------------------------------------------------
    def validate(self, text: str, pos: int) -> object:  # noqa: ARG002  (Qt's signature)
        """Only what can be part of a number may be typed (digits, a sign, "." or ",",
        spaces, an apostrophe between thousands): a letter is not taken, and the field
        says why (:meth:`refusal`). A pasted price loses its currency sign ("$1,299.00"
        comes in as "1,299.00"), and zeros leading the whole part go ("090" is "90", as in a
        spin box). Otherwise what is typed stays as typed, and :meth:`problem` judges
        it ("-3", "1.5" in a whole-number field, a number out of the range are shown and
        refused, not corrected)."""
        if _TYPABLE.match(text) is not None:
            trimmed, pos = _without_leading_zeros(text, pos)
            if trimmed != text:
                return QValidator.State.Acceptable, trimmed, pos
            return QValidator.State.Acceptable
        plain = without_currency(text, self.locale())
        if plain != text and _TYPABLE.match(plain) is not None and re.search(r"\d", plain):
            plain = _without_leading_zeros(plain, len(plain))[0]
            return QValidator.State.Acceptable, plain, len(plain)
        self._refuse(refusal_message(text, self.what, self.decimals))
        return QValidator.State.Invalid

    def _refuse(self, message: str) -> None:
        """Says why input was not taken: a tooltip at the field, ``refused`` for the
        dialog's problem line, and :meth:`refusal` until the text next changes."""
        if message == self._refusal:
            return
        self._refusal = message
        QWidget.setToolTip(self, message)
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)
        self.refused.emit(message)

    def setToolTip(self, text: str) -> None:  # noqa: N802  (Qt's name)
        """The field's own tooltip, which comes back after a refusal's."""
        self._tooltip = text
        super().setToolTip(text)

    def refusal(self) -> str:
        """Why the last key or paste was not taken; "" once text is deleted or typed
        over, or the program sets a value."""
        return self._refusal

    def fixup(self, text: str) -> str:  # Qt's name; nothing is corrected behind the user
        return text

    def stepBy(self, steps: int) -> None:  # noqa: N802  (Qt's name)
        """The arrows, Up/Down and the wheel: the only way the field itself keeps a value
        within the range.

        A refused text is stepped from the number it holds ("1.5" in a whole-number field:
        Up gives 2, Down 1; "-3" with a minimum of 0: Up gives 0), or, holding none ("abc"),
        from the last number the field held, as if the slip had not been typed: the arrows
        always lead back to a value, never to the minimum out of nowhere. A comma typed as
        the decimal mark stays one ("12,50" Up is "13,50")."""
        number = _number_in(self.text())
        start = number if number is not None else self._last_number
        scale = 10 ** self.decimals
        units = start * scale
        if abs(units - round(units)) < 1e-6:  # 12.99 * 100 is 1298.9999999999998
            units = round(units)
        else:  # onto the field's grid, in the step's direction
            units = math.floor(units) if steps > 0 else math.ceil(units)
        value = min(max(units / scale + steps, self._minimum), self._maximum)
        text = _plain(value, self.decimals)
        if self._comma:
            text = text.replace(".", ",")
        self.lineEdit().setText(text)
        self.selectAll()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802  (Qt's name)
        """Up while below the maximum, Down while above the minimum (judged on the number
        the text holds, or the last one it held): Up never lowers a value."""
        flags = QAbstractSpinBox.StepEnabledFlag
        number = _number_in(self.text())
        value = number if number is not None else self._last_number
        enabled = flags.StepNone
        if value < self._maximum:
            enabled |= flags.StepUpEnabled
        if value > self._minimum:
            enabled |= flags.StepDownEnabled
        return enabled

    def sizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        """Room for the longest value (Qt measures the range's texts only in its own
        spin boxes) and a little more."""
        hint = super().sizeHint()
        longest = _plain(self._maximum, self.decimals) + "0"
        return QSize(hint.width() + self.fontMetrics().horizontalAdvance(longest),
                     hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        return self.sizeHint()

    # -- value --------------------------------------------------------------------------
    def parsed(self) -> tuple[float | None, str]:
        return parse_number(self.text(), self.decimals, self._minimum, self._maximum,
                            self.what)

    def value(self) -> float | None:
        return self.parsed()[0]

    def problem(self) -> str:
        """Why the text is not acceptable; "" when it is."""
        return self.parsed()[1]

    def problem_of(self, text: str) -> str:
        """Why ``text`` would not be acceptable in this field; "" when it would."""
        return parse_number(text, self.decimals, self._minimum, self._maximum, self.what)[1]

    def setValue(self, value: float) -> None:  # noqa: N802  (as QSpinBox)
        """Shows ``value`` as it is, never changed: one out of the range (a price read from
        a file) is refused visibly, :meth:`problem` saying the range, as if typed. (A
        QSpinBox lowered a price of 2,500,000 to its maximum without a word.)"""
        self._last_text = ""
        self.lineEdit().setText(_plain(value, self.decimals))

    def set_text(self, text: str) -> None:
        """Shows ``text`` as if typed (a refused text given back)."""
        self._last_text = ""
        self.lineEdit().setText(text)

    def minimum(self) -> float:
        return self._minimum

    def maximum(self) -> float:
        return self._maximum

    def setMinimum(self, minimum: float) -> None:  # noqa: N802  (as QSpinBox)
        """A new lower bound. The text is judged again, never changed: a value now below
        the bound is refused visibly."""
        self._minimum = minimum
        self._mark()

    def _mark(self) -> None:
        """Red when refused: a pink ground and dark red text. (A style sheet frame on a
        spin box draws its arrows flat, and on the text inside it does not show.)"""
        bad = bool(self.problem())
        palette = QPalette(self._palette)
        if bad:
            for role, color in ((QPalette.ColorRole.Base, "#fdecee"),
                                (QPalette.ColorRole.Text, "#b00020")):
                palette.setColor(role, QColor(color))
        self.setPalette(palette)
        self.setProperty("invalid", bad)
        self.setAccessibleDescription(self.problem())

    def _text_changed(self, text: str) -> None:
        # a refusal stays while the user types on ("1e3" left "13": the note must outlast
        # the "3"), and goes once text is deleted or typed over
        # One message at a time: a refusal also goes once the text itself is refused
        # ("-5": its problem is the message now; QA4 saw the "e" note beside it)
        if self._refusal and (not _inserted_into(self._last_text, text)
                              or self.problem_of(text)):
            if QToolTip.isVisible() and QToolTip.text() == self._refusal:
                QToolTip.hideText()  # the note shown at the field goes with it
            self._refusal = ""
            QWidget.setToolTip(self, self._tooltip)
        self._last_text = text
        number = _number_in(text)
        if number is not None:  # what the arrows step from while the text holds no number
            self._last_number = number
            self._comma = "," in text
        self._mark()
        self.changed.emit()
