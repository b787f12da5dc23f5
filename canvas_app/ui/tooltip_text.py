"""Tooltips that wrap: a long one is a paragraph of readable width, never one line across
the screen.

Qt shows plain text in a tooltip on as many lines as it has ``\\n``: a node's tooltip on the
canvas (its name, what it does, its findings) was one line about 1180 px wide. Rich text
wraps, but Qt picks its width itself (a fifth of the screen, 258 px on 1280). Here a text
whose longest line is wider than about :data:`LINE_CHARS` characters is laid out in a box
that wide, where it wraps; a shorter one keeps each of its lines whole.

Its lines read left to right whatever the names in them: Qt gives a paragraph the direction
of its first letter, and a tooltip beginning with a Hebrew node name was right-aligned with
its English sentences turned round. Names in the lines are best
:func:`~canvas_app.domain.names.isolated` by whoever writes them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QToolTip

from ..domain.names import breakable

LINE_CHARS = 72  # the widest a tooltip's line gets, in average characters of its font


def wrapped_tooltip(text: str | Iterable[str], font: QFont | None = None,
                    line_chars: int = LINE_CHARS) -> str:
    """``text`` (one string with ``\\n`` between lines, or the lines) as tooltip rich text:
    each line starts a new line, a line wider than ``line_chars`` average characters of
    ``font`` (the tooltip font by default) wraps at that width. Special characters are
    escaped: "<" and "&" in a node's name show as typed. "" stays "" (no tooltip). The
    text is laid out left to right (``dir='ltr'``), whatever script its first word is in,
    and a word too long for the box breaks at its edge (:func:`breakable`)."""
    lines = text.split("\n") if isinstance(text, str) else [
        part for line in text for part in line.split("\n")]
    if not any(line.strip() for line in lines):
        return ""
    metrics = QFontMetrics(font if font is not None else QToolTip.font())
    width = metrics.averageCharWidth() * line_chars
    # a word wider than the box (a 200-letter name) breaks where the line ends: it made
    # the box as wide as itself and no line wrapped
    body = "<br>".join(html.escape(breakable(line), quote=False) for line in lines)
    if max(metrics.horizontalAdvance(line) for line in lines) <= width:
        return f"<p dir='ltr' style='white-space:pre'>{body}</p>"  # short: each line whole
    return (f"<table dir='ltr' width='{width}' cellspacing='0' cellpadding='0'><tr><td>{body}"
            "</td></tr></table>")
