"""File > Import JSON and Export JSON: a workspace's content replaced by a file's (asked
first; written only by Save), and the workspace written as a ``.campaign.json``; part of
:class:`~.file_actions.FileActions`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from ..documents import JSON_SUFFIX, Document, Stamp
from ..domain.counting import counted
from ..domain.workspace import Workspace
from ..io import LoadError, load_workspace, save_workspace
from .file_dialogs import json_file_name
from .image_export import default_file_name
from .path_text import ask_replace

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .session import AsGiven, Base, Session


class JsonActions:
    """Needs from FileActions: ``window``, ``session``, ``ask_path``, ``show_error``,
    ``confirm_close``, ``_replace``, ``autosave``, ``_errors_note`` and the folders of
    :class:`~.file_dialogs.FileDialogs`."""

    window: MainWindow
    # Asked before File > Import JSON replaces the workspace: (question) -> go ahead.
    ask_import: Callable[[str], bool]
    ask_path: Callable[[str, str, str, bool], str]

    if TYPE_CHECKING:
        @property
        def session(self) -> Session: ...
        def show_error(self, message: str) -> None: ...
        def confirm_close(self, before: str = "before closing it") -> bool: ...
        def _replace(self, workspace: Workspace, document: Document | None,
                     dirty: bool = False, stamp: Stamp | None = None,
                     base: Base | AsGiven | None = ...) -> None: ...
        def autosave(self) -> bool: ...
        def _errors_note(self) -> str: ...
        def start_directory(self) -> Path: ...
        def ask_save_path(self, title: str, start: str, file_filter: str,
                          name: Callable[[str], str]) -> str: ...
        def last_folder(self) -> Path: ...
        def remember_folder(self, path: str) -> None: ...

    def export_name(self) -> str:
        """The name Export JSON suggests: the workspace's ("pool.campaign.json" for
        pool.db), never the open file's own name."""
        title = self.session.title
        for suffix in (".campaign.json", ".json", ".db", ".sqlite"):
            if title.lower().endswith(suffix):
                title = title[:-len(suffix)]
                break
        name = default_file_name(title, JSON_SUFFIX)
        document = self.session.document
        if document is not None and document.kind == "json" and \
                Path(document.source).name == name:
            name = default_file_name(f"{title} copy", JSON_SUFFIX)
        return name

    def import_json(self, path: str) -> bool:
        """Replaces the workspace's content with a JSON file's; Save writes it."""
        try:
            workspace = load_workspace(path)
        except LoadError as exc:
            self.show_error(str(exc))
            return False
        title, name = self.session.title, Path(path).name
        if not self.ask_import(f"Replace {replaced_parts(self.session.workspace)} of {title} "
                               f"with those of {name}?"):
            return False
        if not self.confirm_close(f"before importing {name} over them"):
            return False
        document = self.session.document
        # The document as read stays the base: the import is the user's change.
        self._replace(workspace, document, dirty=True, stamp=self.session.stamp,
                      base=self.session.base)
        self.window.update_title()
        self.autosave()  # kept for recovery at once, as an edit would be
        keep = (f"Save writes it to {title}, which is unchanged until then." if document
                else "Save As keeps it.")
        self.window.show_status(f"Imported {name}. {keep}{self._errors_note()}")
        return True

    def _ask_import(self, question: str) -> bool:
        return ask_replace(self.window, QMessageBox.Icon.Question, "Import JSON",
                           f"{question}\n\nThe import cannot be undone with Undo, but nothing "
                           "is written until you save.", "importBox")

    def import_dialog(self) -> None:
        path = self.ask_path("Import JSON", str(self.start_directory()),
                             "Workspaces (*.campaign.json *.json)", False)
        if path:
            self.remember_folder(path)
            self.import_json(path)

    def export_json(self, path: str) -> bool:
        problem = Document(path).write_problem()
        if problem is not None:
            self.show_error(f"{path}: cannot write: {problem}")
            return False
        try:
            save_workspace(self.session.workspace, path)
        except OSError as exc:
            self.show_error(f"{path}: cannot write: {exc.strerror or exc}")
            return False
        self.window.show_status(f"Exported to {path}.{self._errors_note()}")
        return True

    def export_dialog(self) -> None:
        path = self.ask_save_path("Export JSON", str(self.last_folder() / self.export_name()),
                                  "Workspaces (*.campaign.json)", json_file_name)
        if path:
            self.remember_folder(path)
            self.export_json(path)


def replaced_parts(workspace: Workspace) -> str:
    """What an import replaces: "the 2 campaigns, catalog and actions" (and contacts)."""
    count = len(workspace.campaigns)
    parts = [f"the {counted(count, 'campaign')}", "catalog", "actions"]
    contacts = len(workspace.contacts)
    if contacts:
        parts.append(counted(contacts, "contact"))
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
