"""Editing one sequence step or e-commerce action: the kind and the fields it carries.

:class:`StepForm` shows only the fields of the chosen kind (R2 for steps, R12 for actions):
a subject, a duration with a unit picker, a UTC date-time, a tag with completion from the
workspace's tags, a message, a contact type, a campaign, and for actions an optional delay.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QSize, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ...domain.node_edit import step_warning
from ...domain.steps import CONTACT_TYPES, TEXT_MAX_LENGTHS, Step
from ..text_limit import allow_length, limit_text
from .date_field import DateTimeField
from .duration_edit import UNITS, DurationEdit
from .elided_combo import CHOICE_LETTERS, ElidedComboBox
from .hover_completer import HoverCompleter
from .tag_spelling import TagLineEdit, capitals_note, known_spelling, note_label
from .widgets import help_text_style, mark_invalid

# UNITS and DurationEdit live in duration_edit, and are still found here
__all__ = ["UNITS", "DurationEdit", "StepForm", "default_wait_until", "new_step"]


def default_wait_until() -> datetime:
    """Tomorrow at 09:00 UTC: a sensible first value for a new "wait until" step."""
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    return tomorrow.replace(hour=9, minute=0, second=0, microsecond=0)


def new_step(kind: str, default_campaign: str | None = None) -> Step:
    """A new step or action of ``kind`` with sensible starting values. A campaign is
    ``default_campaign`` (the one being edited from), or none: the user chooses it (the
    first in the list was preset, "Pool Shock Nurture" while editing from another, and
    easy to save unnoticed)."""
    step = Step(kind=kind)
    if kind == "delay":
        step.duration = timedelta(days=1)
    elif kind == "wait_until":
        step.until = default_wait_until()
    elif kind == "set_contact_type":
        step.contact_type = "customer"
    elif kind in ("add_to_campaign", "remove_from_campaign"):
        step.campaign = default_campaign
    return step


_FIELDS = ("subject", "duration", "until", "tag", "message", "contact_type", "campaign")


class StepForm(QWidget):
    """The fields of one step or action; edits the Step it was given in place."""

    changed = Signal()

    def __init__(self, kinds: dict[str, tuple[str, tuple[str, ...]]], tags: list[str],
                 campaigns: list[tuple[str, str]], with_delay: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepForm")
        self.kinds = kinds
        self.campaigns = campaigns
        self.with_delay = with_delay
        self.step: Step | None = None
        # the values of the shown step's fields its kind no longer uses (see load)
        self._aside: dict[str, object] = {}
        self._loading = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("stepKindCombo")
        for kind, (label, _fields) in kinds.items():
            self.kind_combo.addItem(label, kind)
        form.addRow("&Kind:", self.kind_combo)

        # one line each, of a sensible length (TEXT_MAX_LENGTHS)
        self.subject_edit = limit_text(QLineEdit(), TEXT_MAX_LENGTHS["subject"],
                                             "a subject")
        self.subject_edit.setObjectName("subjectEdit")
        self.subject_edit.setPlaceholderText("Subject line of the email")
        self.duration_edit = DurationEdit("durationEdit", "the wait")
        self.until_edit = DateTimeField()  # "2026-02-30" is refused, not made 02-03
        self.until_edit.setObjectName("untilEdit")
        # a tag typed with other capitals than an existing tag is that tag, as in the tag
        # goal's "New tag": its spelling is taken once the field is done with (Enter, or
        # the focus leaving it), and the note under the field says so (QA4)
        self.tag_edit = limit_text(TagLineEdit(), TEXT_MAX_LENGTHS["tag"], "a tag")
        self.tag_edit.setObjectName("tagEdit")
        self.tag_edit.setPlaceholderText("Pick a tag or type a new one")
        self.tag_edit.respell = self.take_known_tag
        self.tag_edit.editingFinished.connect(self.take_known_tag)
        self.tag_note = note_label("tagSpellingNote")
        self.tag_edit.textEdited.connect(lambda _text: self._say_about_tag(""))
        # the row under the mouse is the highlighted one, which Enter takes
        self._tags = list(tags)  # the workspace's; see set_more_tags
        self._tag_completer = HoverCompleter(tags, self)
        self._tag_model = self._tag_completer.model()
        self._tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._tag_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_edit.setCompleter(self._tag_completer)
        self.message_edit = limit_text(QLineEdit(), TEXT_MAX_LENGTHS["message"],
                                             "a message")
        self.message_edit.setObjectName("messageEdit")
        self.message_edit.setPlaceholderText("What the team should do")
        self.contact_type_combo = QComboBox()
        self.contact_type_combo.setObjectName("contactTypeCombo")
        self.contact_type_combo.setEditable(True)
        self.contact_type_combo.addItems(list(CONTACT_TYPES))
        limit_text(self.contact_type_combo.lineEdit(), TEXT_MAX_LENGTHS["contact_type"],
                         "a contact type")
        # a long campaign name ends in "…" (whole in the tooltip): the box, and the
        # editor, grew as wide as the name
        self.campaign_combo = ElidedComboBox(CHOICE_LETTERS)
        self.campaign_combo.setObjectName("campaignCombo")
        for campaign_id, name in campaigns:
            self.campaign_combo.addItem(name, campaign_id)
        # none chosen yet: it says so (marked, with the problem, until one is chosen)
        self.campaign_combo.setPlaceholderText("Choose a campaign…")
        self.default_campaign: str | None = None  # see new_step

        self.warning_label = QLabel()
        self.warning_label.setObjectName("stepWarning")
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #a15c00;")

        self._rows: dict[str, QWidget] = {
            "subject": self.subject_edit, "duration": self.duration_edit,
            "until": self.until_edit, "tag": self.tag_edit, "message": self.message_edit,
            "contact_type": self.contact_type_combo, "campaign": self.campaign_combo,
        }
        # mnemonics unique in both editors, whatever the kind shown: the sequence editor
        # has "&Sequence name" and "Runs until &completed", the action set "Add &copies"
        labels = {"subject": "Su&bject:", "duration": "&Wait for:", "until": "Un&til:",
                  "tag": "Ta&g:", "message": "&Message:", "contact_type": "Contact t&ype:",
                  "campaign": "Campa&ign:"}
        for name, widget in self._rows.items():
            form.addRow(labels[name], widget)
            if name == "tag":
                form.addRow("", self.tag_note)
        # Alt+W: a label gives the focus only to a buddy that takes it itself (Qt does not
        # look at a focus proxy first), and the row of amount and unit takes none
        wait_label = form.labelForField(self.duration_edit)
        if isinstance(wait_label, QLabel):
            wait_label.setBuddy(self.duration_edit.amount)
        form.addRow("", self.warning_label)

        self.delay_check = QCheckBox("Run after a &delay")
        self.delay_check.setObjectName("delayCheck")
        self.delay_edit = DurationEdit("delayEdit", "the delay")
        self.delay_hint = QLabel("Without a delay the action runs at once.")
        help_text_style(self.delay_hint)
        if with_delay:
            form.addRow("", self.delay_check)
            form.addRow("Delay:", self.delay_edit)
            form.addRow("", self.delay_hint)

        # fields whose text may be refused (no value at all): the step keeps its last
        # value meanwhile and the dialog shows the problem
        self._typed_fields: dict[str, DurationEdit | DateTimeField] = {
            "duration": self.duration_edit, "until": self.until_edit,
            "delay": self.delay_edit}

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        for edit in (self.subject_edit, self.tag_edit, self.message_edit):
            edit.textChanged.connect(self._fields_changed)
        self.duration_edit.changed.connect(self._fields_changed)
        self.until_edit.changed.connect(self._fields_changed)
        self.contact_type_combo.currentTextChanged.connect(self._fields_changed)
        self.campaign_combo.currentIndexChanged.connect(self._fields_changed)
        self.delay_check.toggled.connect(self._fields_changed)
        self.delay_edit.changed.connect(self._fields_changed)
        self.load(None)
        self._even_labels()

    def _even_labels(self) -> None:
        """Every label as wide as the widest of any kind's, so the fields stay where they
        are whichever kind shows (QA: choosing "Send an email" after "Add a tag" moved the
        field column to the right, as the form took the width of the labels on show)."""
        labels = [item.widget() for row in range(self.form.rowCount())
                  if (item := self.form.itemAt(row, QFormLayout.ItemRole.LabelRole))
                  is not None and isinstance(item.widget(), QLabel)]
        for label in labels:
            label.setMinimumWidth(0)
        widest = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(widest)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802  (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._even_labels()  # (the labels have the new font: Qt gives it them first)

    def minimumSizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        """As wide as the widest kind needs, whichever kind shows: at a large font, choosing
        an action with a wider label or field ("Contact type:") widened the editor and
        moved the line between the list and the form."""
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._widest_row()), hint.height())

    def _widest_row(self) -> int:
        """The width the form needs for the kind that needs most (its fields and the rows
        every kind shows, hidden or not just now)."""
        form = self.form
        by_widget = {widget: name for name, widget in self._rows.items()}
        always = [0, 0]  # the widest label and field of the rows every kind shows
        own: dict[str, list[int]] = {}  # the same for each field a kind may show
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_widget = field.widget() if field is not None else None
            name = by_widget.get(field_widget) if field_widget is not None else None
            widths = always if name is None else own.setdefault(name, [0, 0])
            for column, item in enumerate((label, field)):
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widths[column] = max(widths[column], widget.minimumSizeHint().width(),
                                         widget.minimumWidth())  # the labels' (even)
        widest = 0
        for _label, names in self.kinds.values():
            rows = [always, *(own[name] for name in names if name in own)]
            widest = max(widest, max(r[0] for r in rows) + max(r[1] for r in rows))
        margins = form.contentsMargins()
        return widest + max(form.horizontalSpacing(), 0) + margins.left() + margins.right()

    def set_more_tags(self, more: list[str]) -> None:
        """The tag field suggests ``more`` besides the workspace's tags: the tags typed in
        the editor's other steps, not saved yet ("Summer lead" typed in step 3 was not
        offered in step 4, QA3)."""
        known = {t.casefold() for t in self._tags}
        extra = {t for t in more if t.strip() and t.casefold() not in known}
        tags = sorted([*self._tags, *extra]) if extra else self._tags
        if isinstance(self._tag_model, QStringListModel) \
                and self._tag_model.stringList() != tags:
            self._tag_model.setStringList(tags)

    def known_tags(self) -> list[str]:
        """The tags the field suggests: the workspace's and the editor's other steps'."""
        model = self._tag_model
        return model.stringList() if isinstance(model, QStringListModel) else self._tags

    def take_known_tag(self) -> bool:
        """The typed tag in the spelling of the tag it is, capitals aside ("visit booked"
        is "Visit booked"), said under the field; True when the text was changed."""
        typed = self.tag_edit.text().strip()
        if self._loading or self.step is None or not typed \
                or not self.form.isRowVisible(self.tag_edit):
            return False
        tag = known_spelling(typed, self.known_tags())
        if tag == typed:
            return False
        self.tag_edit.setText(tag)  # the step takes it (textChanged)
        self.tag_edit.selectAll()
        self._say_about_tag(capitals_note(typed, tag, "took"))
        return True

    def _say_about_tag(self, text: str) -> None:
        """The note under the tag field: what the field did with the typed tag ("" hides
        it)."""
        if text == self.tag_note.text():
            return
        self.tag_note.setText(text)
        self.form.setRowVisible(self.tag_note, bool(text))

    # -- loading and showing ------------------------------------------------------------
    def load(self, step: Step | None, typed: dict[str, str] | None = None,
             aside: dict[str, object] | None = None) -> None:
        """Shows ``step`` (edited in place from now on), or disables the form for None.

        ``typed`` gives back the refused text of fields (see :meth:`refused`), so going to
        another step and back shows what was typed, not a value it was silently turned
        into. ``aside`` keeps the values of fields another kind of this step had, filled
        in as the kind is changed (see :meth:`_kind_changed`): the caller keeps one for
        each step while the editor is open."""
        self._loading = True
        self.step = step
        self._aside = aside if aside is not None else {}
        self.setEnabled(step is not None)
        self._say_about_tag("")  # it was about the step shown before
        if step is not None:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(step.kind)))
            for edit, text in ((self.subject_edit, step.subject or ""),
                               (self.tag_edit, step.tag or ""),
                               (self.message_edit, step.message or ""),
                               (self.contact_type_combo.lineEdit(), step.contact_type or "")):
                allow_length(edit, text)  # a longer text from a file is kept whole
            self.subject_edit.setText(step.subject or "")
            self.duration_edit.set_value(step.duration or timedelta())
            self.until_edit.set_value(step.until or default_wait_until())
            self.tag_edit.setText(step.tag or "")
            self.message_edit.setText(step.message or "")
            self.contact_type_combo.setCurrentText(step.contact_type or "")
            index = self.campaign_combo.findData(step.campaign)
            if index < 0 and step.campaign:
                self.campaign_combo.addItem(f"{step.campaign} (no such campaign)",
                                            step.campaign)
                index = self.campaign_combo.count() - 1
            self.campaign_combo.setCurrentIndex(index)
            self.delay_check.setChecked(bool(step.delay))  # a delay of 0 is no delay
            self.delay_edit.set_value(step.delay or timedelta(hours=1))
            for name, text in (typed or {}).items():
                self._typed_fields[name].set_text(text)
        self._show_rows()
        self._loading = False

    def refused(self) -> dict[str, tuple[str, str]]:
        """Field -> (its text, why it is refused), for the shown fields whose text is no
        value (a wait of "1.5" days, a price of "abc")."""
        kind = self.kind_combo.currentData()
        needed = set(self.kinds.get(kind, ("", ()))[1])
        if self.with_delay and self.delay_check.isChecked():
            needed.add("delay")
        return {name: (field.text(), field.problem())
                for name, field in self._typed_fields.items()
                if name in needed and field.problem()}

    def _show_rows(self) -> None:
        kind = self.kind_combo.currentData()
        needed = self.kinds.get(kind, ("", ()))[1]
        for name, widget in self._rows.items():
            self.form.setRowVisible(widget, name in needed)
        self.form.setRowVisible(self.tag_note, "tag" in needed and bool(self.tag_note.text()))
        if self.with_delay:
            self.delay_edit.setEnabled(self.delay_check.isChecked())
            self.delay_hint.setVisible(not self.delay_check.isChecked())  # "runs at once"
            # ticked, the delay is at least 1 (of its unit): 0 would silently mean none
            self.delay_edit.amount.setMinimum(1 if self.delay_check.isChecked() else 0)
        # no note from a value the field no longer shows ("2026-02-03", accepted while
        # "2026-02-30" was being typed)
        stale = "until" in self.refused()
        warning = step_warning(self.step, datetime.now(UTC)) if self.step and not stale \
            else ""
        if self.step is not None and self.step.kind == "delay" \
                and "duration" not in self.refused() and not self.step.duration:
            warning = ("A wait of 0 holds no one: contacts go on to the next step at once. "
                       "Remove the step if no wait is meant.")
        self.warning_label.setText(warning)
        self.form.setRowVisible(self.warning_label, bool(warning))

    def mark_fields(self, names: set[str]) -> None:
        """Red frames on the shown step's text fields named in ``names`` (those the
        domain complains about: an email with no subject), as the name field of a goal
        gets one; the others lose theirs. (A refused number or date marks itself.)"""
        for name, widget in (("subject", self.subject_edit), ("tag", self.tag_edit),
                             ("message", self.message_edit),
                             ("contact_type", self.contact_type_combo),
                             ("campaign", self.campaign_combo)):
            if bool(widget.property("invalid")) != (name in names):
                mark_invalid(widget, name in names)

    def main_field(self) -> QWidget:
        """The field a new step of the current kind is typed into: its first field (the
        subject of an email, the amount of a delay, ...), or the kind for a kind without
        fields."""
        needed = self.kinds.get(self.kind_combo.currentData(), ("", ()))[1]
        if not needed:
            return self.kind_combo
        widget = self._rows[needed[0]]
        return widget.amount if isinstance(widget, DurationEdit) else widget

    def focus_main_field(self) -> None:
        """Gives the main field the focus with its text selected, so typing replaces it."""
        widget = self.main_field()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, DateTimeField):
            widget.select_section(0)  # the year
        elif isinstance(widget, QLineEdit | QAbstractSpinBox):
            widget.selectAll()
        elif isinstance(widget, QComboBox) and widget.lineEdit() is not None:
            widget.lineEdit().selectAll()

    # -- writing back -------------------------------------------------------------------
    def _kind_changed(self) -> None:
        if self._loading or self.step is None:
            return
        kind = self.kind_combo.currentData()
        fresh = new_step(kind, self.default_campaign)
        # the step holds what applies to the new kind: what it had, else what it had as
        # a kind before (QA: "Notify team" made "Add a tag" and back lost its message),
        # else the new kind's start; the rest is set aside while the editor is open
        used = self.kinds[kind][1]
        for name in _FIELDS:
            value = getattr(self.step, name)
            if name not in used:
                if value is not None:
                    self._aside[name] = value
            elif value is not None:
                setattr(fresh, name, value)
                self._aside.pop(name, None)
            elif name in self._aside:
                setattr(fresh, name, self._aside.pop(name))
        fresh.delay = self.step.delay
        for item in fields(Step):
            setattr(self.step, item.name, getattr(fresh, item.name))
        typed = {name: text for name, (text, _why) in self.refused().items()
                 if name == "delay" or name in used}
        self.load(self.step, typed, self._aside)
        self.changed.emit()

    def _fields_changed(self) -> None:
        if self._loading or self.step is None:
            return
        step = self.step
        needed = self.kinds.get(step.kind, ("", ()))[1]
        if self.with_delay:  # ticked, a delay of 0 is refused (it would mean no delay)
            self.delay_edit.amount.setMinimum(1 if self.delay_check.isChecked() else 0)
        values = {
            "subject": self.subject_edit.text(),
            "duration": self.duration_edit.value(),
            "until": self.until_edit.value(),
            "tag": self.tag_edit.text().strip(),
            "message": self.message_edit.text(),
            "contact_type": self.contact_type_combo.currentText().strip(),
            "campaign": self.campaign_combo.currentData(),
        }
        refused = self.refused()
        for name in _FIELDS:
            if name not in refused:  # a refused field keeps the step's last value
                setattr(step, name, values[name] if name in needed else None)
        if self.with_delay and "delay" not in refused:
            step.delay = self.delay_edit.value() if self.delay_check.isChecked() else None
        self._show_rows()
        self.changed.emit()
