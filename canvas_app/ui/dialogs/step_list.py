"""An ordered list of steps or actions with its editor: add, remove, reorder by dragging or
with Move up / Move down (for keyboard users), and the chosen item's fields beside it."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Problem
from ...domain.steps import Step, shorten
from ...domain.timeutil import describe_duration
from .check_list import RowsListWidget, row_tooltip
from .step_fields import StepForm, new_step

KEY_ROLE = Qt.ItemDataRole.UserRole
# what a step's row says instead of the value of a field whose typed text is refused,
# when its reason is none of REASON_WORDS
REFUSED_WORDS = {"duration": "not a valid number", "until": "not a valid date",
                 "delay": "not a valid number"}
# the reason a refused field gives (the problem box's words) -> the row's short form of
# it: the row and the problem box say the same thing ("cannot be negative")
REASON_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"cannot be negative"), "cannot be negative"),
    # "must be at least 2 days", "can be at most 1,000,000 days" (the unit when given);
    # "must be more than 0" (a ticked delay, in any unit)
    (re.compile(r"must be at least ([\d,.]+(?: [a-z]+s?\b)?)"), r"must be at least \1"),
    (re.compile(r"must be more than ([\d,.]+)"), r"must be more than \1"),
    (re.compile(r"can be at most ([\d,.]+(?: [a-z]+s?\b)?)"), r"can be at most \1"),
    (re.compile(r"must be a whole number"), "not a whole number"),
    (re.compile(r"has \d+ decimals"), "too many decimals"),
    (re.compile(r"is missing|no date is given"), "missing"),
    (re.compile(r"is not a number"), "not a valid number"),
    (re.compile(r"is not a date"), "not a valid date"),
    (re.compile(r"does not exist"), "no such date"),
)


# a step whose main text is still empty: its row says so instead of 'Apply tag ""'
EMPTY_WORDS: dict[str, tuple[str, str]] = {
    "apply_tag": ("tag", "no tag yet"), "remove_tag": ("tag", "no tag yet"),
    "send_email": ("subject", "no subject yet"), "email": ("subject", "no subject yet"),
    "notify_team": ("message", "no message yet"),
    "set_contact_type": ("contact_type", "no contact type yet"),
    "add_to_campaign": ("campaign", "no campaign chosen yet"),
    "remove_from_campaign": ("campaign", "no campaign chosen yet"),
}


# a number and the unit after it: "2 hours", "1,000,000 days"
AMOUNT = re.compile(r"(\d[\d,.]*) (weeks?|days?|hours?|minutes?|seconds?)\b")


def amounts_kept_whole(text: str) -> str:
    """``text`` with a no-break space between each number and its unit: a wrapped row
    read "(after 2" / "hours)" (QA)."""
    return AMOUNT.sub("\\1\N{NO-BREAK SPACE}\\2", text)


def refused_words(name: str, why: str) -> str:
    """The row's short words for field ``name`` refused because ``why``."""
    for pattern, words in REASON_WORDS:
        match = pattern.search(why)
        if match is not None:
            return match.expand(words)
    return REFUSED_WORDS.get(name, "not valid")


class StepListEditor(QWidget):
    """Edits a list of :class:`Step` (copies of what it was given)."""

    changed = Signal()

    def __init__(self, kinds: dict[str, tuple[str, tuple[str, ...]]], tags: list[str],
                 campaigns: list[tuple[str, str]], with_delay: bool, item_word: str = "step",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepListEditor")
        self.kinds = kinds
        self.campaigns = campaigns
        self._steps: dict[int, Step] = {}
        # key -> field -> (text, why) of fields whose typed text is refused (see
        # StepForm.refused): kept while another step is shown, and reported as problems
        self._refused: dict[int, dict[str, tuple[str, str]]] = {}
        # key -> the values of fields another kind of that step had (StepForm.load's
        # ``aside``): a kind chosen again gets them back while the editor is open
        self._aside: dict[int, dict[str, object]] = {}
        self._next_key = 0
        self._marked: tuple[list[Problem], str] = ([], "")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)

        left = QVBoxLayout()
        title = QLabel(f"{item_word.capitalize()}s, in the order they run "
                       "(drag to reorder):")
        self.list = RowsListWidget(min_rows=4, hint_rows=6)  # no 192-pixel demand
        self.list.setObjectName("stepList")
        # a long action ("… (after 1 hour)") wraps onto a second line: it was cut off
        # behind a horizontal scroll bar
        self.list.wrap_rows()
        title.setBuddy(self.list)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setMinimumWidth(300)
        self.list.currentRowChanged.connect(self._current_changed)
        self.list.model().rowsMoved.connect(self._rows_moved)
        self.list.installEventFilter(self)  # Delete / Backspace remove the chosen row
        left.addWidget(title)
        left.addWidget(self.list, 1)

        add_row = QHBoxLayout()
        self.add_kind_combo = QComboBox()
        self.add_kind_combo.setObjectName("addKindCombo")
        self.add_kind_combo.setAccessibleName(f"Kind of {item_word} to add")
        for kind, (label, _fields) in kinds.items():
            self.add_kind_combo.addItem(label, kind)
        self.add_button = QPushButton(f"&Add {item_word}")
        self.add_button.setObjectName("addStepButton")
        self.add_button.clicked.connect(lambda: self.add(self.add_kind_combo.currentData()))
        add_row.addWidget(self.add_kind_combo, 1)
        add_row.addWidget(self.add_button)
        left.addLayout(add_row)

        move_row = QHBoxLayout()
        self.up_button = QPushButton("Move &up")
        self.up_button.setObjectName("moveUpButton")
        self.down_button = QPushButton("Move d&own")
        self.down_button.setObjectName("moveDownButton")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setObjectName("removeStepButton")
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button.clicked.connect(self.remove)
        for button in (self.up_button, self.down_button, self.remove_button):
            move_row.addWidget(button)
        left.addLayout(move_row)
        layout.addLayout(left, 1)

        box = QGroupBox(f"Selected {item_word}")
        box_layout = QVBoxLayout(box)
        self.form = StepForm(kinds, tags, campaigns, with_delay)
        self.form.changed.connect(self._form_changed)
        box_layout.addWidget(self.form)
        box_layout.addStretch(1)
        # in the middle of the empty list it is about (it sat at the bottom of the box
        # beside it, QA10); clicks and drops go through it to the list
        self.empty_hint = QLabel(f"No {item_word}s yet: choose a kind and press "
                                 f"Add {item_word}.", self.list.viewport())
        self.empty_hint.setObjectName("emptyListHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text);")
        self.empty_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.list.viewport().installEventFilter(self)  # the hint follows its size
        self._place_empty_hint()
        layout.addWidget(box, 1)
        self._update_buttons()

    # -- content ------------------------------------------------------------------------
    def set_steps(self, steps: list[Step]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self._steps.clear()
        self._refused.clear()
        self._aside.clear()
        for step in steps:
            self._append(step.copy())
        self.list.blockSignals(False)
        self.list.setCurrentRow(0 if steps else -1)
        self._current_changed(self.list.currentRow())
        self._renumber()

    def append_steps(self, steps: list[Step]) -> None:
        """Adds copies of ``steps`` after the last one and selects the first of them, in
        view (QA: "Add copies" showed action 1 again, the copies out of sight); the other
        steps keep their refused texts and set-aside values."""
        if not steps:
            return
        first = self.list.count()
        for step in steps:
            self._append(step.copy())
        self.list.setCurrentRow(first)
        self.list.scrollToItem(self.list.item(first))
        self._renumber()
        self.changed.emit()

    def steps(self) -> list[Step]:
        """Copies of the steps in their current order."""
        return [self._steps[self.list.item(i).data(KEY_ROLE)].copy()
                for i in range(self.list.count())]

    def typing_problems(self, prefix: str = "") -> list[Problem]:
        """A problem for each field whose typed text is refused ("1.5" for a whole number
        of days), located like the domain's (``prefix[i].field``)."""
        problems = []
        for i in range(self.list.count()):
            for name, (_text, why) in self._refused.get(self.list.item(i).data(KEY_ROLE),
                                                        {}).items():
                problems.append(Problem(f"{prefix}[{i}].{name}", why))
        return problems

    def _append(self, step: Step, row: int | None = None) -> QListWidgetItem:
        key = self._next_key
        self._next_key += 1
        self._steps[key] = step
        item = QListWidgetItem()
        item.setData(KEY_ROLE, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        if row is None:
            self.list.addItem(item)
        else:
            self.list.insertItem(row, item)
        return item

    def _renumber(self) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = item.data(KEY_ROLE)
            step, refused = self._steps[key], self._refused.get(key)
            text = f"{i + 1}. {self.row_text(step, refused)}"
            item.setText(text)
            # the whole text where the row shortens it
            whole = f"{i + 1}. {self.row_text(step, refused, shortened=False)}"
            item.setToolTip(row_tooltip(whole) if whole != text else "")
        self._update_buttons()

    def mark_problems(self, problems: list[Problem], prefix: str = "") -> None:
        """Red frames on the shown step's fields that ``problems`` (paths
        ``prefix[i].field``, as :meth:`typing_problems` and the domain give them) are
        about."""
        self._marked = (problems, prefix)  # marked again when another step is shown
        row = self.list.currentRow()
        start = f"{prefix}[{row}]."
        self.form.mark_fields({p.path[len(start):].split(".")[0].split("[")[0]
                               for p in problems if row >= 0 and p.path.startswith(start)})

    def row_text(self, step: Step, refused: dict[str, tuple[str, str]] | None = None,
                 shortened: bool = True) -> str:
        """The step's line in the list. A field whose typed text is refused is said to be
        so: the step still holds an older value (e.g. "2026-02-03", accepted while
        "2026-02-30" was being typed), which the user did not mean.

        ``shortened``: a long subject, tag or message is cut with "…" (and any line break
        in one from a file is a space): a 3,000-character subject filled the list."""
        refused = refused or {}
        if shortened:
            step = step.copy()
            for name in ("subject", "tag", "message", "contact_type"):
                value = getattr(step, name)
                if value:
                    setattr(step, name, shorten(value))
        main = next((name for name in ("duration", "until") if name in refused), None)
        empty = EMPTY_WORDS.get(step.kind)
        if main is None and empty is not None \
                and not (getattr(step, empty[0]) or "").strip():
            label = self.kinds.get(step.kind, (step.kind, ()))[0]
            text = f"{label} \N{EM DASH} {empty[1]}"
            if step.delay and "delay" not in refused:
                text += f" (after {describe_duration(step.delay)})"
        elif main is None:
            shown = step.copy()
            shown.delay = None if "delay" in refused else step.delay
            names = {cid: shorten(name) if shortened else name
                     for cid, name in self.campaigns}
            text = shown.describe(names)
        else:
            label = self.kinds.get(step.kind, (step.kind, ()))[0]
            text = f"{label} \N{EM DASH} {refused_words(main, refused[main][1])}"
            if step.delay and "delay" not in refused:
                text += f" (after {describe_duration(step.delay)})"
        if "delay" in refused:
            text += f" (delay \N{EM DASH} {refused_words('delay', refused['delay'][1])})"
        return amounts_kept_whole(text)

    # -- actions ------------------------------------------------------------------------
    def add(self, kind: str) -> None:
        """Adds a new item of ``kind`` after the current one and selects it."""
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else self.list.count()
        self._append(new_step(kind, self.form.default_campaign), row)
        self.list.setCurrentRow(row)
        self._renumber()
        self.changed.emit()
        self.form.focus_main_field()  # typing goes into the new step, not the kind's list

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        item = self.list.takeItem(row)
        del self._steps[item.data(KEY_ROLE)]
        self._refused.pop(item.data(KEY_ROLE), None)
        self._aside.pop(item.data(KEY_ROLE), None)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._current_changed(self.list.currentRow())
        self._renumber()
        self.changed.emit()

    def move(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._renumber()
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Delete or Backspace in the list removes the chosen row, as Remove does. Only
        the list's own keys: typed into a field of the form, they edit its text."""
        if watched is self.list and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier) \
                and self.list.currentRow() >= 0:
            self.remove()
            # the list keeps the focus (the form's rows changing moved it): a second
            # Delete removes the next row, never a character of a field
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._place_empty_hint()
        return super().eventFilter(watched, event)

    def _place_empty_hint(self) -> None:
        """The empty list's hint fills the list's inside, its text centred in it."""
        margin = 8
        self.empty_hint.setGeometry(
            self.list.viewport().rect().adjusted(margin, margin, -margin, -margin))

    # -- reactions ----------------------------------------------------------------------
    def _current_changed(self, row: int) -> None:
        item = self.list.item(row) if row >= 0 else None
        if item is None:
            self.form.load(None)
        else:
            key = item.data(KEY_ROLE)
            self.form.set_more_tags([step.tag for other, step in self._steps.items()
                                     if other != key and step.tag])
            typed = {name: text for name, (text, _why) in self._refused.get(key, {}).items()}
            self.form.load(self._steps[key], typed, self._aside.setdefault(key, {}))
            # a value loaded that the field refuses (a wait beyond its maximum) is a refused
            # text too: said in the row and the problem line, not taken as it is
            refused = self.form.refused()
            if refused != self._refused.get(key, {}):
                self._set_refused(key, refused)
                self._renumber()
                self.changed.emit()
        self.mark_problems(*self._marked)
        self.form.setVisible(item is not None)
        self.empty_hint.setVisible(self.list.count() == 0)
        self._update_buttons()

    def _rows_moved(self, *_args: object) -> None:
        self._renumber()
        self.changed.emit()

    def _form_changed(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._set_refused(item.data(KEY_ROLE), self.form.refused())
        self._renumber()
        self.changed.emit()

    def _set_refused(self, key: int, refused: dict[str, tuple[str, str]]) -> None:
        if refused:
            self._refused[key] = refused
        else:
            self._refused.pop(key, None)

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)
