"""Imports the built-in node kinds so that they register themselves (R1)."""

from . import purchase, sequence, tag_goal  # noqa: F401
