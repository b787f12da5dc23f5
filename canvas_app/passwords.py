"""Passwords kept out of messages: no message of the app or its command line shows one."""

from __future__ import annotations

import re


def hide_secret(text: str, secret: str, shown: str = "***") -> str:
    """``text`` with each occurrence of ``secret`` that stands as a word of its own (not
    inside a longer word) shown as ``shown``. A password "postgres" is hidden in
    "postgres:postgres@host" and "password=postgres", but the words "postgresql" and
    "test_postgres_import" are left whole (QA: a driver's name came out as "***ql")."""
    return re.sub(rf"(?<!\w){re.escape(secret)}(?!\w)", lambda _m: shown, text)
