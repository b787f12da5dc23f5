"""File dialogs for the window: wide enough for their columns, starting where the user's
files are (never the app's own data folder); part of :class:`~.file_actions.FileActions`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTreeView,
)

from ..documents import JSON_SUFFIX
from .path_text import ask_replace

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .session import Session

FOLDER_KEY = "files/folder"  # the folder last used by Open, Import or Export
# The names a workspace is saved under as they are: a JSON file, a SQLite database.
WORKSPACE_ENDINGS = (".json", ".db", ".sqlite", ".sqlite3")


def workspace_file_name(path: str) -> str:
    """The file a workspace typed as ``path`` is saved in: as typed when it ends as a
    workspace's file does, else with ``.campaign.json`` added ("plan.v2" was saved as a
    database the Open dialog did not show)."""
    return path if path.lower().endswith(WORKSPACE_ENDINGS) else path + JSON_SUFFIX


def json_file_name(path: str) -> str:
    """The JSON file typed as ``path``: ``.campaign.json`` added unless it ends in .json."""
    return path if path.lower().endswith(".json") else path + JSON_SUFFIX


class FileDialog(QFileDialog):
    """Qt's own file dialog, but a name typed with a quote in it while saving (my "best"
    plan) is that name: Qt reads quoted parts as a list of names, asked whether to replace
    another file and saved "best" in another folder (QA). A name quoted whole ("my plan")
    is the name inside the quotes."""

    typed_path = ""  # the name typed, taken as it is (see accept)

    def accept(self) -> None:
        edit = self.findChild(QLineEdit, "fileNameEdit")
        typed = edit.text().strip() if edit is not None else ""
        if self.acceptMode() != QFileDialog.AcceptMode.AcceptSave or '"' not in typed:
            self.typed_path = ""
            super().accept()
            return
        if len(typed) > 1 and typed.startswith('"') and typed.endswith('"') \
                and typed.count('"') == 2:
            typed = typed[1:-1]  # a name quoted whole
        path = Path(typed).expanduser()
        if not path.is_absolute():
            path = Path(self.directory().absolutePath()) / path
        if path.is_dir():
            self.setDirectory(str(path))
            edit.clear()  # type: ignore[union-attr]
            return
        if path.exists() and QMessageBox.question(
                self, self.windowTitle(),
                f"{path.name} already exists.\nDo you want to replace it?") \
                != QMessageBox.StandardButton.Yes:
            return
        self.typed_path = str(path)
        QDialog.accept(self)

    def chosen(self) -> str:
        """The file chosen ("" when none)."""
        if self.typed_path:
            return self.typed_path
        files = self.selectedFiles()
        return files[0] if files else ""


def _inside_app_data(folder: Path) -> bool:
    from ..documents import default_recovery_dir

    data = default_recovery_dir().parent.absolute()
    return folder == data or data in folder.parents


class FileDialogs:
    """Needs ``window`` and ``session``."""

    window: MainWindow

    if TYPE_CHECKING:
        @property
        def session(self) -> Session: ...

    def named_for_saving(self, path: str, name: Callable[[str], str]) -> str:
        """The file to write for ``path`` chosen in a save dialog, named by ``name`` (its
        suffix added); "" when that adds a suffix, a file of that name exists, and the user
        does not replace it: the dialog asked about the name typed, not this one (QA 22:
        Save As and Export JSON of "plan" replaced plan.campaign.json unasked)."""
        named = name(path)
        if named != path and Path(named).exists() and not self.ask_replace_file(Path(named)):
            return ""
        return named

    def ask_save_path(self, title: str, start: str, file_filter: str,
                      name: Callable[[str], str]) -> str:
        """The save dialog, then the file named by ``name`` (see named_for_saving); a file
        of that name not to be replaced brings the dialog back at that name, as Qt's own
        question does for a name typed whole (QA 22k: Cancel ended Save As); "" when the
        dialog is cancelled."""
        while True:
            path = self.ask_path(title, start, file_filter, True)
            if not path:
                return ""
            named = self.named_for_saving(path, name)
            if named:
                return named
            start = name(path)

    def ask_replace_file(self, path: Path) -> bool:
        """Whether to replace ``path`` (tests replace this)."""
        return ask_replace(self.window, QMessageBox.Icon.Warning, "Replace the file?",
                           f"{path.name} already exists in {path.parent}.\n\nReplace it?",
                           "replaceFileBox")

    def _ask_path(self, title: str, start: str, file_filter: str, saving: bool) -> str:
        """The file dialog, wide enough for its name, size, type and date columns (Qt's
        own dialog opens narrow and cuts them); "" when cancelled."""
        dialog = self._file_dialog(title, start, file_filter, saving)
        try:
            if dialog.exec() != QFileDialog.DialogCode.Accepted:
                return ""
            return dialog.chosen()
        finally:
            dialog.deleteLater()

    def _ask_save_with_filter(self, _parent: object, title: str, start: str, filters: str,
                              selected: str = "") -> tuple[str, str]:
        """As ``QFileDialog.getSaveFileName`` (the file and the type chosen; "" when
        cancelled), in the same wide dialog as the others (File > Export Image)."""
        dialog = self._file_dialog(title, start, filters, True)
        if selected:
            dialog.selectNameFilter(selected)
        try:
            if dialog.exec() != QFileDialog.DialogCode.Accepted:
                return "", dialog.selectedNameFilter()
            return dialog.chosen(), dialog.selectedNameFilter()
        finally:
            dialog.deleteLater()

    def _file_dialog(self, title: str, start: str, file_filter: str,
                     saving: bool) -> FileDialog:
        dialog = FileDialog(self.window, title, "", file_filter)
        dialog.setObjectName("fileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if saving
                             else QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile if saving
                           else QFileDialog.FileMode.ExistingFile)
        begin = Path(start) if start else Path.home()
        if begin.is_dir():
            dialog.setDirectory(str(begin))
        else:  # a suggested file: its folder, with its name typed in
            dialog.setDirectory(str(begin.parent))
            dialog.selectFile(begin.name)
        details = dialog.findChild(QTreeView, "treeView")  # Qt's own dialog: whole columns
        if details is not None:
            header = details.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column in range(1, header.count()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        room = self.window.size()
        dialog.resize(min(max(dialog.sizeHint().width(), 860), max(room.width() - 40, 600)),
                      min(max(dialog.sizeHint().height(), 520), max(room.height() - 40, 400)))
        self.file_dialog = dialog  # for tests
        return dialog

    def start_directory(self) -> Path:
        """Where file dialogs start: the current document's folder, or for an untitled
        workspace (or one in a server database, or the app's own store) the folder last
        used by Open, Import or Export (QA 22: Open of a file there, then Save As of a new
        workspace, started in the home folder again), else the user's documents folder or
        home."""
        document = self.session.document
        if document is not None:
            source = document.source
            if source.startswith("sqlite") and ":///" in source:
                source = source.split(":///", 1)[1].split("?", 1)[0]
            if "://" not in source and source and source != ":memory:":
                folder = Path(source).expanduser().absolute().parent
                # Not the app's own data folder (the default store lives there): people
                # look for their files in their documents.
                if folder.is_dir() and not _inside_app_data(folder):
                    return folder
        remembered = str(self.window.settings.value(FOLDER_KEY, "") or "")
        if remembered and Path(remembered).is_dir() and not _inside_app_data(Path(remembered)):
            return Path(remembered)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        if documents and Path(documents).is_dir():
            return Path(documents)
        return Path.home()

    def _start_path(self) -> str:
        """The start of Save As: the current JSON file's name in its folder, else the
        folder."""
        folder = self.start_directory()
        document = self.session.document
        if document is not None and document.kind == "json":
            return str(folder / Path(document.source).name)
        return str(folder)

    def remember_folder(self, path: str) -> None:
        """The folder of a file chosen in Open, Import or Export (kept in the settings,
        across restarts): where Export starts next."""
        self.window.settings.setValue(FOLDER_KEY, str(Path(path).absolute().parent))

    def last_folder(self) -> Path:
        """The folder last used by Open, Import or Export, else :meth:`start_directory`."""
        remembered = str(self.window.settings.value(FOLDER_KEY, "") or "")
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        return self.start_directory()
