"""Sequence steps (R2) and e-commerce actions (R12): a kind plus its own fields.

A step or action is one small record; which fields it carries depends on its kind, as the
tables below say. The same record type serves both, so the editors and the engine handle
them alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from .errors import Problem
from .timeutil import describe_duration, utc_minute

# kind -> (label, the fields it requires)
STEP_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "email": ("Send email", ("subject",)),
    "delay": ("Delay", ("duration",)),
    "wait_until": ("Wait until", ("until",)),
    "apply_tag": ("Apply tag", ("tag",)),
    "remove_tag": ("Remove tag", ("tag",)),
    "notify_team": ("Notify team", ("message",)),
    "set_contact_type": ("Set contact type", ("contact_type",)),
}

ACTION_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "apply_tag": ("Apply tag", ("tag",)),
    "remove_tag": ("Remove tag", ("tag",)),
    "send_email": ("Send email", ("subject",)),
    "notify_team": ("Notify team", ("message",)),
    "set_contact_type": ("Set contact type", ("contact_type",)),
    "add_to_campaign": ("Add to campaign", ("campaign",)),
    "remove_from_campaign": ("Remove from campaign", ("campaign",)),
}

CONTACT_TYPES: tuple[str, ...] = ("lead", "prospect", "customer", "partner", "other")

# The most characters the editors take in a step's or action's one-line text fields (and in
# a tag goal's new tag). A 3,000-character tag made the tag goal editor 960 px tall. Not a
# rule of the file format: a longer value read from a file is kept whole, never cut.
TEXT_MAX_LENGTHS: dict[str, int] = {"subject": 200, "tag": 100, "message": 500,
                                    "contact_type": 60}
# the most characters of a text shown in a list's row before it is elided with "…"
ROW_TEXT_MAX = 60

# a run of line breaks or tabs, with the spaces around it
_BREAKS = re.compile(r"[ ]*[\t\n\r\v\f\x1c-\x1f\x85\u2028\u2029]+[ ]*")


def single_line(text: str) -> str:
    """``text`` with each run of line breaks and tabs (and the spaces beside it) made one
    space, and none at either end where the text began or ended with one: a pasted
    "Line one\\nLine two\\tTabbed" is "Line one Line two Tabbed". Other spaces are kept."""
    text = _BREAKS.sub(lambda m: "" if m.start() == 0 or m.end() == len(text) else " ",
                       text)
    return text


def shorten(text: str, limit: int = ROW_TEXT_MAX) -> str:
    """``text`` on one line (every run of spaces one space), cut to at most ``limit``
    characters with "…" at the end, at a space when one is near: for a list's row."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip() + "\N{HORIZONTAL ELLIPSIS}"


@dataclass
class Step:
    """A sequence step or an e-commerce action.

    Only the fields its kind needs are set. ``delay`` is the optional delay of an action
    (C4); a ``delay`` *step* keeps its length in ``duration``.
    """

    kind: str
    subject: str | None = None
    duration: timedelta | None = None
    until: datetime | None = None
    tag: str | None = None
    message: str | None = None
    contact_type: str | None = None
    campaign: str | None = None
    delay: timedelta | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def copy(self) -> Step:
        return replace(self, extra=dict(self.extra))

    def unused_keys(self, action: bool) -> list[str]:
        """The file keys this step (an action, with ``action``) holds that its kind does
        not use, in the file's order: a ``delay`` on a sequence step (only actions wait
        before they run, C4), a ``subject`` on a delay step, keys no kind has. Kept and
        saved back as read; the simulation ignores them (docs/file-format.md)."""
        kinds = ACTION_KINDS if action else STEP_KINDS
        if self.kind not in kinds:
            return []
        used = {*kinds[self.kind][1], *(("delay",) if action else ())}
        held = [name for name in ("subject", "duration", "until", "tag", "message",
                                  "contact_type", "campaign", "delay")
                if getattr(self, name) is not None]
        return [key for key in [*held, *self.extra] if key not in used]

    def describe(self, campaign_names: Mapping[str, str] | None = None) -> str:
        """A one-line description for lists and logs; campaigns by name when
        ``campaign_names`` (id to name) knows them."""
        k = self.kind
        campaign = self.campaign
        if campaign and campaign_names and campaign in campaign_names:
            campaign = f'"{campaign_names[campaign]}"'
        campaign = campaign or "…"
        if k in ("email", "send_email"):
            text = f'Send email "{self.subject or ""}"'
        elif k == "delay" and not self.duration:  # "Delay no time" read oddly
            text = "Delay of 0 (no wait)"
        elif k == "delay":
            text = f"Delay {describe_duration(self.duration or timedelta())}"
        elif k == "wait_until":
            text = (f"Wait until {utc_minute(self.until)} UTC" if self.until
                    else "Wait until …")
        elif k == "apply_tag":
            text = f'Apply tag "{self.tag or ""}"'
        elif k == "remove_tag":
            text = f'Remove tag "{self.tag or ""}"'
        elif k == "notify_team":
            text = f'Notify team "{self.message or ""}"'  # no colon: as "Send email"
        elif k == "set_contact_type":
            text = f"Set contact type to {self.contact_type or '…'}"
        elif k == "add_to_campaign":
            text = f"Add to campaign {campaign}"
        elif k == "remove_from_campaign":
            text = f"Remove from campaign {campaign}"
        else:
            text = k
        if self.delay:
            text += f" (after {describe_duration(self.delay)})"
        return text


def validate_step(step: Step, kinds: dict[str, tuple[str, tuple[str, ...]]]) -> list[Problem]:
    """Problems of one step or action against the kind table it belongs to."""
    if step.kind not in kinds:
        allowed = ", ".join(kinds)
        return [Problem("kind", f"unknown kind {step.kind!r} (expected one of: {allowed})")]
    problems = []
    for name in kinds[step.kind][1]:
        value = getattr(step, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            label = kinds[step.kind][0]
            problems.append(Problem(name, f'"{label}" needs a {name.replace("_", " ")}'))
    return problems
