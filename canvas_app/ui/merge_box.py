"""The question Save asks when someone else saved the workspace since it was read and some
of their changes clash with the user's: what clashes, then Keep Mine, Keep Theirs or Cancel
(the default: nothing is saved, nothing changes). Their changes that do not clash are taken
in either way (see :mod:`canvas_app.io.merge`).

Also the words about when they saved: "at 20:47", or a date when it was not today."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from PySide6.QtWidgets import QMessageBox, QWidget

from .path_text import PathMessageBox
from .recovery_offers import readable_time

if TYPE_CHECKING:
    from ..io.merge import Clash

__all__ = ["MOST_SHOWN", "READABLE_TIME", "Choice", "ask_merge", "changed_at_question",
           "clash_lines", "merge_box", "saved_at", "unknown_base_clash"]

Choice = Literal["mine", "theirs", "cancel"]
MOST_SHOWN = 8  # clashes listed in the box; the rest are counted ("and 3 more")
# A date as readable_time writes it ("23 Nov 2026 18:23"): kept on one line in a question.
READABLE_TIME = re.compile(r"\b\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}\b")
MINE_TEXT, THEIRS_TEXT = "Keep &Mine", "Keep &Theirs"


def saved_at(when: datetime | None) -> str:
    """When someone else saved, as the status bar and the question say it: "20:47" today,
    else "23 Nov 2026 20:47" (local time); "" when not known."""
    if when is None:
        return ""
    when = when.astimezone()
    return f"{when:%H:%M}" if when.date() == datetime.now().date() \
        else readable_time(when.isoformat())


def changed_at_question(title: str, changed_at: datetime | None,
                        read_mtime_ns: int | None) -> str:
    """The box's first sentence: "pool.db was changed by someone else at 20:47, since you
    last opened or saved it" (QA 22: "after you opened it" was said also after saves and
    changes taken in). ``changed_at`` is when their change was written (a file's time, or the
    store's save), which is after this session read it (``read_mtime_ns``, a file's time
    then), unless a program set the file's time back."""
    if changed_at is None:
        return f"{title} was changed by someone else since you last opened or saved it."
    at = saved_at(changed_at)
    if read_mtime_ns is not None and changed_at.timestamp() * 1e9 < read_mtime_ns:
        return (f"{title} was changed by someone else since you last opened or saved it "
                f"(the file's time says {at}).")
    return f"{title} was changed by someone else at {at}, since you last opened or saved it."


def unknown_base_clash() -> Clash:
    """What clashes when the workspace as read is not known (edits restored after a crash,
    the document changed since): all of it, mine against theirs."""
    from ..io.merge import Clash

    return Clash("the whole workspace",
                 "changed it before the app closed (your restored edits)",
                 "saved it since, and what they changed cannot be told from yours")


def clash_lines(clashes: Sequence[Clash], most: int = MOST_SHOWN) -> list[str]:
    """One line per clash ("campaign "X", sequence "Nurture": you renamed it "A"; they
    deleted it"), at most ``most``, then "and 3 more"."""
    lines = [f"{clash.where}: you {clash.mine}; they {clash.theirs}"
             for clash in clashes[:most]]
    if len(clashes) > most:
        lines.append(f"and {len(clashes) - most} more")
    return lines


def merge_box(question: str, clashes: Sequence[Clash], title: str,
              parent: QWidget | None = None) -> PathMessageBox:
    """Keep Mine / Keep Theirs / Cancel (the default and Escape), under ``question`` and
    the clashes; the workspace's ``title``, paths and a date are never broken across
    lines."""
    indent = "\u00a0" * 4  # kept in rich text, as spaces are not
    listed = "\n".join(  # where, then what each did, below it
        f"• {line}".replace(": you ", f":\n{indent}you ", 1).replace("; they ",
                                                                     f";\n{indent}they ", 1)
        for line in clash_lines(clashes))
    if clashes:
        text = (f"{question} Their other changes are taken in with yours; "
                f"{'these clash' if len(clashes) != 1 else 'this clashes'}:\n\n{listed}"
                "\n\nKeep Mine saves your version of each, Keep Theirs theirs. Cancel "
                "saves nothing.")
    else:  # saved again and again while theirs was being merged with yours
        text = (f"{question} It was saved again while their changes were being taken in "
                "with yours.\n\nKeep Mine or Keep Theirs tries once more (nothing of "
                "yours and theirs clashes yet); Cancel saves nothing.")
    box = PathMessageBox(QMessageBox.Icon.Warning, "Changed by someone else", text,
                         QMessageBox.StandardButton.NoButton, parent,
                         whole=(title, *READABLE_TIME.findall(question)))
    box.setObjectName("conflictBox")  # the one question Save asks about their save
    box.addButton(MINE_TEXT, QMessageBox.ButtonRole.AcceptRole)  # both save: in this
    box.addButton(THEIRS_TEXT, QMessageBox.ButtonRole.AcceptRole)  # order, Cancel last
    cancel = box.addButton("&Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def answer_of(box: QMessageBox) -> Choice:
    """The choice the button clicked in ``box`` stands for ("cancel" when none was)."""
    clicked = box.clickedButton()
    text = clicked.text() if clicked is not None else ""
    return "mine" if text == MINE_TEXT else "theirs" if text == THEIRS_TEXT else "cancel"


def ask_merge(question: str, clashes: Sequence[Clash], title: str,
              parent: QWidget | None = None) -> Choice:
    box = merge_box(question, clashes, title, parent)
    box.exec()
    return answer_of(box)
