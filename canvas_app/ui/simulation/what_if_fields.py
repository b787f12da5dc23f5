"""The What-If form's fields: numbers with their units beside them, values given back that a
field may refuse, the label column the form's parts share, its messages' last stop."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from ..dialogs.number_field import NumberField


def whole_field(low: int, high: int, value: int, what: str) -> NumberField:
    """A whole number typed as the user means it (see NumberField); its unit is a label
    beside it."""
    field = NumberField(what, 0, low, high)
    field.setValue(value)
    return field


def percent_field(value: float, what: str) -> NumberField:
    """A share in per cent, "12.5" or "12,5"; the "%" is a label beside it."""
    field = NumberField(what, 1, 0.0, 100.0)
    field.setValue(value)
    return field


def spoken_name(words: str, unit: str) -> str:
    """What a screen reader says for a field: its label's words and its unit, "Visitors
    (contacts)", "Declined payments (%)"; the words alone without a unit."""
    return f"{words} ({unit})" if unit else words


def with_unit(field: QWidget, unit: str, name: str) -> QWidget:
    """A field followed by its unit ("days", "%"), as one widget for a layout or cell; the
    field's accessible name is ``name`` with the unit (see :func:`spoken_name`).

    The unit is no buddy of the field: Qt names a field after a label beside it whose buddy
    it is, over the form's label, and a screen reader said "days" for "Simulate for"
    (QA a11y)."""
    field.setAccessibleName(spoken_name(name, unit))
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    row.addWidget(field)
    if unit:
        label = QLabel(unit)
        label.setToolTip(field.toolTip())  # the unit says the same as its field
        row.addWidget(label)
    row.addStretch(1)  # a number needs no more than its own width
    box.setFocusProxy(field)
    return box


def in_lines(lines: tuple[QHBoxLayout, QHBoxLayout], parts: list[tuple[QLabel, QWidget]],
             count: int) -> None:
    """Puts each (label, field) of ``parts`` in ``lines``: all on the first line (``count``
    1), or the first half on the first and the rest on the second (2: a line wider than
    the screen, at a large font)."""
    for line in lines:
        while line.count():
            line.takeAt(0)
    half = (len(parts) + 1) // 2
    for index, (label, field) in enumerate(parts):
        line = lines[0 if count == 1 or index < half else 1]
        line.addWidget(label)
        line.addWidget(field)
    for line in lines:
        if line.count():
            line.addStretch(1)


def set_if_fits(field: NumberField, value: float) -> None:
    """Shows ``value`` unless the field refuses it (a remembered entry out of its range):
    then the field keeps what it had."""
    before = field.text()
    field.setValue(value)
    if field.problem():
        field.set_text(before)


def number_of(field: NumberField) -> float:
    """The field's value; its minimum while the text is refused (``problems`` says so)."""
    value = field.value()
    return field.minimum() if value is None else value




def align_label_columns(*forms: QFormLayout) -> None:
    """Gives the labels of every form one width, the widest one's, so the fields of all of
    them start at one left edge (QA: the form's fields above the purchases started 37 px
    right of those below)."""
    labels = [item.widget() for form in forms for row in range(form.rowCount())
              if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
              and isinstance(item.widget(), QLabel)]
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


def no_full_stop(message: str) -> str:
    """A message as the editors write theirs: no full stop at its end ("…" is kept)."""
    return message[:-1] if message.endswith(".") and not message.endswith("..") else message


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form's label whose Alt+letter goes to ``buddy`` (a field inside a row of several
    widgets, which a label given as text would not reach)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
