"""Open Recent: the workspaces opened lately, kept in the settings, and their menu."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..documents import settings_key

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from .main_window import MainWindow

MAX_RECENT = 8
NOT_FOUND = "(not found)"  # after a recent file no longer there, shown greyed out


class RecentFiles:
    """The recent-files part of :class:`~.file_actions.FileActions`, which gives it
    ``window``, ``open_source`` and ``show_error``."""

    window: MainWindow

    def recent(self) -> list[str]:
        return recent_sources(self.window.settings)

    def add_recent(self, source: str) -> None:
        source = settings_key(source)
        items = without_relative_twins([source] + [s for s in self.recent() if s != source])
        self.window.settings.setValue("recentFiles", items[:MAX_RECENT])
        self.refresh_recent_menu()

    def refresh_recent_menu(self) -> None:
        menus = getattr(self.window, "menus", None)
        if not menus:
            return
        menu = menus["recent"]
        if not menu.property("refreshedOnShow"):  # files come and go: looked at each time
            menu.setProperty("refreshedOnShow", True)
            menu.aboutToShow.connect(self.refresh_recent_menu)
        menu.clear()
        missing = []
        for number, source in enumerate(self.recent(), 1):
            path = local_path(source)
            gone = path is not None and not path.exists()
            if gone:
                missing.append(source)
            label = recent_label(number, source)
            action = menu.addAction(f"{label} {NOT_FOUND}" if gone else label)
            action.setToolTip(f"{safe_source(source)}: no longer there (moved, renamed or "
                              "deleted?)" if gone else safe_source(source))
            action.setEnabled(not gone)
            action.triggered.connect(lambda _c=False, s=source: self.open_recent(s))
        if self.recent():
            menu.addSeparator()
            if missing:  # greyed, they kept their places until Clear List (QA 22f)
                menu.addAction("&Remove Files Not Found",
                               lambda: self.forget_recent(*missing))
            menu.addAction("&Clear List", self.clear_recent)
        menu.setEnabled(bool(self.recent()))

    def open_recent(self, source: str) -> bool:
        """Opens a recent file; one that no longer exists leaves the list, and says so."""
        path = local_path(source)
        if path is not None and not path.exists():
            self.forget_recent(source)
            self.show_error(f"{path} no longer exists (moved, renamed or deleted?), so it is "
                            "taken off Open Recent. Use File > Open… to find it.")
            return False
        return self.open_source(source)

    def forget_recent(self, *sources: str) -> None:
        self.window.settings.setValue("recentFiles",
                                      [s for s in self.recent() if s not in sources])
        self.refresh_recent_menu()

    def clear_recent(self) -> None:
        self.window.settings.setValue("recentFiles", [])
        self.refresh_recent_menu()


def recent_sources(settings: QSettings) -> list[str]:
    """Open Recent's workspaces, the latest first."""
    value = settings.value("recentFiles", [])
    if isinstance(value, str):
        value = [value]
    # A server's URL without its password (one an older version kept is dropped here).
    return without_relative_twins(list(dict.fromkeys(settings_key(str(v))
                                                     for v in value or [])))


def last_workspace(settings: QSettings) -> str | None:
    """The workspace opened last (a started app with none named reopens it), or None for
    your workspace in the default store: when that was the last, when none was opened yet,
    or when the last file is gone (a moved file is not searched for)."""
    from ..data_folder import DB_FILE, data_folder

    sources = recent_sources(settings)
    if not sources:
        return None
    source = sources[0]
    path = local_path(source)
    if path is not None:
        if not path.is_absolute() or not path.exists():
            return None
        if path.resolve() == (data_folder() / DB_FILE).resolve():
            return None
    return source


def last_workspace_gone(settings: QSettings) -> str | None:
    """The file opened last when it is no longer where it was (so a start opens your
    workspace instead, and says why), else None."""
    sources = recent_sources(settings)
    path = local_path(sources[0]) if sources else None
    if path is None or not path.is_absolute() or path.exists():
        return None
    return str(path)


def without_relative_twins(sources: list[str]) -> list[str]:
    """The list without the relative paths an older version kept (they named a file only
    from the folder the app was started in) that another entry names absolutely: the same
    file from here, or an absolute path ending in the same folders and name."""
    absolute = [Path(s) for s in sources if "://" not in s and Path(s).is_absolute()]

    def twin(source: str) -> bool:
        if "://" in source or Path(source).is_absolute():
            return False
        relative = Path(source)
        here = Path(os.path.abspath(os.path.expanduser(source)))
        return any(path == here or path.parts[-len(relative.parts):] == relative.parts
                   for path in absolute)

    return [s for s in sources if not twin(s)]


def local_path(source: str) -> Path | None:
    """The file a source names, or None for a database server's URL."""
    if "://" not in source:
        return Path(source)
    if source.startswith("sqlite") and ":///" in source:
        file = source.split(":///", 1)[1].split("?", 1)[0]
        return Path(file) if file and file != ":memory:" else None
    return None


def safe_source(source: str) -> str:
    """The source as people may see it: a SQLite URL as its file, a password hidden."""
    if source.startswith("sqlite") and ":///" in source:
        return source.split(":///", 1)[1].split("?", 1)[0] or source
    if "://" in source and "@" in source:
        from ..store.repository import safe_url

        return safe_url(source)
    return source


def recent_label(number: int, source: str) -> str:
    """"&1 pool.campaign.json — /home/me/shop": the name first, then where it is."""
    shown = safe_source(source)
    if "://" in shown:
        text = shown
    else:
        path = Path(shown)
        text = f"{path.name} \u2014 {path.parent}" if str(path.parent) not in ("", ".") \
            else path.name
    text = text.replace("&", "&&")
    return f"&{number} {text}" if number < 10 else text
