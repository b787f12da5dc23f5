"""The tag goal dialog (R7): its name, its tags, and who can achieve it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Problem
from ...domain.lint import sort_text
from ...domain.node_edit import EMPTY_NAME, placement_help, workspace_tags
from ...domain.nodes import Node
from ...domain.steps import TEXT_MAX_LENGTHS
from ...domain.tag_goal import TagGoalConfig
from ...domain.tag_sources import UNAPPLIED_NOTE_MANY, applied_tags, editor_note
from ..text_limit import limit_text
from .check_list import CheckList
from .node_editor import NodeEditorDialog, register_node_editor
from .purchase_goal import HELP
from .tag_spelling import capitals_note, known_spelling, note_label
from .widgets import AchievedByBox, OwnEnterLineEdit, help_label

NEW_TAG_HINT = "New tag, e.g. Visit booked"
# the domain's "no tag is chosen: list at least one tag", in this dialog's own words: here
# tags are ticked or typed (the purchase goal says "tick" too)
NO_TAG = "no tag is ticked: tick at least one tag, or type a new one and press Add tag"


class TagGoalDialog(NodeEditorDialog):
    name_label_text = "&Goal name:"
    object_name = "tagGoalDialog"
    # as tall as its content: a fixed 640 px scrolled it in a shorter window, cutting "Where
    # it sits" mid-line. The content counts the room kept for the problem box, enough for
    # the most problems it can show at once (no name, no tag): a box that hid shrank the
    # window and moved Save from under the pointer (QA10), the purchase goal keeps its room
    FITS_CONTENT = True
    PROBLEM_RESERVE_LINES = 2
    START_SIZE = (560, 640)  # the width at least; the height fits the content

    _applied: set[str] | None = None  # the tags the workspace applies (see notes)

    def build(self, layout: QVBoxLayout) -> None:
        config: TagGoalConfig = self.original.config
        tags_box = QGroupBox("Tags")
        tags_layout = QVBoxLayout(tags_box)
        tags_layout.setSpacing(4)
        tags_layout.addWidget(help_label(
            "The goal is achieved when any ticked tag is applied to a contact (by a sequence "
            "step, an e-commerce action or an event). Tick tags used elsewhere in this "
            "workspace, or type a new one.", "tagHelp"))
        self.tag_list = CheckList("tagList", "tagSearch", "Search tags…", what="tags")
        # a tag typed here goes to its place in the list, as after reopening (it went last)
        self.tag_list.row_order = lambda tag, _label: (sort_text(tag), tag)
        known = workspace_tags(self.workspace)
        self.tag_list.set_items(((t, t) for t in dict.fromkeys(known + config.tags)),
                                config.tags)
        # room for a few tags typed here, and those beyond scroll in the list: the window
        # grew a row at each, and "Any contact" moved down under the pointer (QA3 s31)
        self.tag_list.keep_rows_asked()
        tags_layout.addWidget(self.tag_list, 1)
        new_row = QHBoxLayout()
        new_row.setContentsMargins(22, 0, 0, 0)
        # Enter adds the tag, never saves; one line (a pasted line break is a space) of
        # at most TEXT_MAX_LENGTHS["tag"] characters
        self.new_tag_edit = limit_text(OwnEnterLineEdit(), TEXT_MAX_LENGTHS["tag"],
                                             "a tag")
        self.new_tag_edit.setObjectName("newTagEdit")
        # its own name: a screen reader said the box's title, "Tags"
        self.new_tag_edit.setAccessibleName("New tag")
        self.new_tag_edit.setPlaceholderText(NEW_TAG_HINT)
        # what the last Enter did when it added no new tag ("... is the tag ..., ticked"),
        # said under the field until the next key (the emptied field's placeholder cut it)
        self.new_tag_note = note_label("newTagNote")
        self.new_tag_note.setContentsMargins(22, 0, 0, 0)
        self.new_tag_edit.textEdited.connect(lambda _text: self.say_about_tag(""))
        self.add_tag_button = QPushButton("&Add tag")
        self.add_tag_button.setObjectName("addTagButton")
        self.add_tag_button.setEnabled(False)
        self.new_tag_edit.textChanged.connect(
            lambda text: self.add_tag_button.setEnabled(bool(text.strip())))
        self.new_tag_edit.returnPressed.connect(self.add_tag)
        self.add_tag_button.clicked.connect(self.add_tag)
        new_row.addWidget(self.new_tag_edit, 1)
        new_row.addWidget(self.add_tag_button)
        tags_layout.addLayout(new_row)
        tags_layout.addWidget(self.new_tag_note)
        layout.addWidget(tags_box, 1)

        who = AchievedByBox(
            HELP["campaign"].replace("buyer", "contact"),
            "Anyone who gets the tag achieves it and enters the following sequences, even "
            "if not yet in this campaign.")
        self.who = who
        self.campaign_radio, self.any_contact_radio = who.campaign_radio, who.any_contact_radio
        layout.addWidget(who)
        # below the boxes, as in the purchase goal; node names as they are spelled
        placement = QLabel("<b>Where it sits:</b> " + html.escape(
            placement_help(self.campaign, self.original.id)))
        placement.setTextFormat(Qt.TextFormat.RichText)
        placement.setObjectName("placementHelp")
        placement.setWordWrap(True)
        layout.addWidget(placement)

        self.who.set_value(config.achieved_by)
        self.tag_list.changed.connect(self.refresh)
        # the note says what the last Enter did: a tick since makes it old news (QA: it
        # stayed under the field until the dialog closed)
        self.tag_list.changed.connect(lambda: self.say_about_tag(""))
        self.any_contact_radio.toggled.connect(self.refresh)

    def full_reserve(self, width: int) -> int:
        """Room for the most problems the box can show at once at this width (no name, no
        tag): the window is as tall as its content, this room included, so a box that
        hid did not shrink it and move Save (QA10). Where the screen is too short for the
        form, the form gets the room first (see fit_problem_reserve)."""
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        return max(super().full_reserve(width),
                   self.problem_label.height_showing([EMPTY_NAME, NO_TAG], inner),
                   self.problem_label.height_showing([UNAPPLIED_NOTE_MANY], inner))

    def add_tag(self) -> None:
        """Adds the typed tag (ticked); an existing tag is simply ticked. The field is
        cleared and keeps the focus, so several tags can be typed one after another."""
        tag = self.new_tag_edit.text().strip()
        if not tag:
            return
        # "customer" when "Customer" exists is that tag, not a second one beside it
        typed = tag
        tag = known_spelling(typed, self.tag_list.ids())
        if tag in self.tag_list.ids():
            self.tag_list.set_checked(tag)
            if tag != typed:  # tags match exactly: say which one was ticked
                self.say_about_tag(capitals_note(typed, tag, "ticked"))
            else:
                self.say_about_tag(f'"{tag}" is already in the list: ticked it.')
        else:
            items = [(t, t) for t in self.tag_list.ids()] + [(tag, tag)]
            self.tag_list.set_items(items, self.tag_list.checked_ids() + [tag])
        search = self.tag_list.search
        if search is not None and tag not in self.tag_list.visible_ids():
            search.clear()  # the search would hide the tag just added
        row = self.tag_list.ids().index(tag)
        self.tag_list.list.scrollToItem(self.tag_list.list.item(row),
                                        QListWidget.ScrollHint.EnsureVisible)
        self.new_tag_edit.clear()
        self.new_tag_edit.setFocus()

    def say_about_tag(self, text: str) -> None:
        """The note under the new tag field: what the last Enter did ("" hides it)."""
        self.new_tag_note.setText(text)
        # its room comes out of the tag list: nothing below moves as it comes and goes
        # (it pushed "Any contact" 32 px down, QA3)
        spacing = self.new_tag_note.parentWidget().layout().spacing()
        self.tag_list.list.lend(self.new_tag_note.heightForWidth(self.tag_list.width())
                                + spacing if text else 0, "new tag")
        self.new_tag_note.setVisible(bool(text))

    def shown_problem(self, problem: Problem) -> Problem:
        if problem.path == "config.tags" and problem.message.startswith("no tag is chosen"):
            return Problem(problem.path, NO_TAG)
        return problem

    def field_widgets(self) -> dict[str, QWidget]:
        """The tag list is outlined in red while no tag is ticked, as the purchase goal's
        lists are."""
        return {"name": self.name_edit, "config.tags": self.tag_list.list}

    def notes(self) -> list[Problem]:
        """Ticked tags nothing in the workspace applies: the Warnings panel and the
        node's badge say so, and so does the editor (QA: "No problems in these settings."
        beside the badge read as a contradiction)."""
        if self._applied is None:  # the workspace does not change while this is open
            self._applied = applied_tags(self.workspace)
        note = editor_note(self.tag_list.checked_ids(), self._applied)
        return [Problem("config.tags", note)] if note else []

    def collect(self, node: Node) -> None:
        config: TagGoalConfig = node.config
        config.tags = self.tag_list.checked_ids()
        config.achieved_by = self.who.value()  # type: ignore[assignment]


register_node_editor("tag_goal", TagGoalDialog)
