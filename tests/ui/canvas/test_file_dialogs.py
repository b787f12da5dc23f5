"""Where Open, Save As, Import and Export start: the document's folder, else documents/home."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from canvas_app.ui.main_window import MainWindow


class PathAsker:
    """Stands in for the file dialog: records each question, answers ``answer``."""

    def __init__(self, answer: str = "") -> None:
        self.answer = answer
        self.asked: list[tuple[str, str, bool]] = []

    def __call__(self, title: str, start: str, _filter: str, saving: bool) -> str:
        self.asked.append((title, start, saving))
        return self.answer


def test_dialogs_start_in_the_documents_folder(window: MainWindow, sample_file: Path) -> None:
    asker = PathAsker()
    window.files.ask_path = asker
    window.open_dialog()
    window.import_dialog()
    window.export_dialog()
    window.save_as_dialog()
    folder = str(sample_file.parent)
    assert [(t, s) for t, s, _ in asker.asked] == [
        ("Open workspace", folder), ("Import JSON", folder),
        ("Export JSON", str(sample_file.parent / "pool copy.campaign.json")),
        ("Save workspace as", str(sample_file))]
    assert [saving for *_, saving in asker.asked] == [False, False, True, True]


def test_save_as_writes_where_the_dialog_said(window: MainWindow, tmp_path: Path) -> None:
    window.files.ask_path = PathAsker(str(tmp_path / "copy"))
    assert window.save_as_dialog()
    assert (tmp_path / "copy.campaign.json").exists()
    asker = PathAsker()
    window.files.ask_path = asker
    window.open_dialog()
    assert asker.asked[0][1] == str(tmp_path)


def test_untitled_workspace_starts_in_documents_or_home(window: MainWindow) -> None:
    assert window.files.new_workspace()
    asker = PathAsker()
    window.files.ask_path = asker
    window.open_dialog()
    window.save_as_dialog()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    allowed = {str(Path.home()), documents}
    assert [start for _, start, _ in asker.asked] == [asker.asked[0][1]] * 2
    assert asker.asked[0][1] in allowed


def test_the_default_store_in_the_app_data_folder_starts_in_documents_or_home(
        qtbot, tmp_path: Path) -> None:
    from canvas_app.documents import default_document, default_recovery_dir

    from .conftest import make_window

    store = default_document()
    assert Path(store.source.split("///")[-1]).parent == default_recovery_dir().parent
    window = make_window(qtbot, store.source, tmp_path)  # the app's own SQLite store
    asker = PathAsker()
    window.files.ask_path = asker
    window.save_as_dialog()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asker.asked[0][1] in {str(Path.home()), documents}  # not the hidden data folder


def test_export_suggests_the_workspaces_name_in_the_last_folder_used(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    from .conftest import make_window

    store = tmp_path / "shop.db"
    assert window.files.save_as(str(store))
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    window.files.ask_path = PathAsker(str(elsewhere / "first.campaign.json"))
    window.export_dialog()
    assert (elsewhere / "first.campaign.json").exists()
    assert window.files.ask_path.asked[0][1] == str(tmp_path / "shop.campaign.json")
    # Remembered across a restart (the same settings).
    window.close()
    again = make_window(qtbot, str(store), tmp_path)
    asker = PathAsker()
    again.files.ask_path = asker
    again.export_dialog()
    assert asker.asked == [("Export JSON", str(elsewhere / "shop.campaign.json"), True)]
    # Open and Import count too.
    opened = tmp_path / "other" / "x.campaign.json"
    opened.parent.mkdir()
    opened.write_bytes((tmp_path / "pool.campaign.json").read_bytes())
    again.files.ask_path = PathAsker(str(opened))
    again.open_dialog()
    asker = PathAsker()
    again.files.ask_path = asker
    again.export_dialog()
    assert asker.asked[0][1] == str(opened.parent / "x copy.campaign.json")


def test_export_of_a_workspace_with_errors_says_what_refuses_it(window: MainWindow,
                                                                tmp_path: Path) -> None:
    window.place_node("tag_goal")  # no tag chosen: an error
    target = tmp_path / "out.campaign.json"
    assert window.files.export_json(str(target))
    bar = window.statusBar()
    assert (bar.toolTip() or bar.currentMessage()) == (  # the tooltip when elided
        f"Exported to {target}. It has 1 error to fix before it can be simulated, validated "
        "or imported: see Warnings.")


def test_save_as_over_a_file_that_is_not_a_database_replaces_it(window: MainWindow,
                                                                tmp_path: Path) -> None:
    from canvas_app.documents import Document

    bad = tmp_path / "bad.db"
    bad.write_text("not a database", encoding="utf-8")
    window.files.ask_path = PathAsker(str(bad))  # the dialog asked "replace it?": Yes
    assert window.save_as_dialog()
    assert Document(str(bad)).load() == window.controller.workspace
    assert window.session.document.source == str(bad)
    assert window.statusBar().currentMessage() == "Saved bad.db."


def test_save_as_and_export_into_a_missing_folder_refuse(window: MainWindow,
                                                         tmp_path: Path) -> None:
    missing = tmp_path / "nodir"
    for name in ("copy.db", "copy"):
        window.files.ask_path = PathAsker(str(missing / name))
        assert not window.save_as_dialog()
        assert window.files.last_error.endswith(f": cannot write: no such folder: {missing}")
    assert not window.files.export_json(str(missing / "out.campaign.json"))
    assert window.files.last_error == (
        f"{missing / 'out.campaign.json'}: cannot write: no such folder: {missing}")
    assert not missing.exists()
    assert window.session.document.source == str(tmp_path / "pool.campaign.json")


def test_opening_a_zero_byte_database_writes_nothing_until_save(window: MainWindow,
                                                                tmp_path: Path) -> None:
    from canvas_app.documents import Document

    zero = tmp_path / "zero.db"
    zero.touch()
    assert window.files.open_source(str(zero))
    assert window.controller.workspace.campaigns == [] and zero.stat().st_size == 0
    window.campaign_list.new_campaign()
    assert zero.stat().st_size == 0
    assert window.save()
    assert [c.name for c in Document(str(zero)).load().campaigns] == \
        [c.name for c in window.controller.workspace.campaigns]


def test_the_file_dialog_shows_its_columns_whole(qtbot, window, tmp_path) -> None:
    """QA: Qt's own dialog opened narrow, its Size, Type and Date columns cut."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QHeaderView, QTreeView

    (tmp_path / "a.campaign.json").write_text("{}", encoding="utf-8")
    window.resize(1280, 800)
    seen: dict = {}

    def look_then_choose() -> None:
        dialog = window.files.file_dialog
        header = dialog.findChild(QTreeView, "treeView").header()
        seen["width"] = dialog.width()
        seen["modes"] = [header.sectionResizeMode(i) for i in range(1, header.count())]
        seen["selected"] = dialog.selectedFiles()
        dialog.accept()

    QTimer.singleShot(200, look_then_choose)
    chosen = window.files._ask_path("Save workspace as", str(tmp_path / "new.campaign.json"),
                                    "Workspace (*.campaign.json *.db)", True)
    assert chosen == str(tmp_path / "new.campaign.json")  # the suggested name, in its folder
    assert seen["width"] >= 860
    assert set(seen["modes"]) == {QHeaderView.ResizeMode.ResizeToContents}


def typed_in_the_dialog(window: MainWindow, qtbot, text: str) -> None:
    """Once the (real) file dialog shows: ``text`` typed as the name, and Enter (any box
    still open after that is closed, so a failing test cannot hang)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

    def answer() -> None:
        dialog = getattr(window.files, "file_dialog", None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, answer)
            return
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.setText(text)
        QTimer.singleShot(2000, close_the_rest)  # first: a box Enter opens holds keyClick
        QTest.keyClick(edit, Qt.Key.Key_Return)

    def close_the_rest() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    QTimer.singleShot(0, answer)


def test_a_name_typed_with_quotes_is_saved_as_typed(qtbot, window: MainWindow,
                                                    tmp_path: Path) -> None:
    """QA: Save As 'my "best" plan.campaign.json' saved "best.campaign.json" in another
    folder: Qt's own dialog reads quoted parts as a list of names."""
    window.files.file_dialog = None
    typed_in_the_dialog(window, qtbot, str(tmp_path / 'my "best" plan.campaign.json'))
    assert window.save_as_dialog()
    assert (tmp_path / 'my "best" plan.campaign.json').exists()
    assert [p.name for p in tmp_path.iterdir() if "best" in p.name] == [
        'my "best" plan.campaign.json']  # and no "best.campaign.json" beside it


def test_a_name_quoted_whole_is_unquoted(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.files.file_dialog = None
    typed_in_the_dialog(window, qtbot, f'"{tmp_path / "plain name.campaign.json"}"')
    assert window.save_as_dialog()
    assert (tmp_path / "plain name.campaign.json").exists()


def test_a_save_that_fails_offers_save_as(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """QA 20: a store that cannot be written said so and no more; the box offers Save As…,
    which saves the workspace elsewhere (nothing is lost)."""
    from PySide6.QtWidgets import QMessageBox, QPushButton

    source = Path(window.session.document.source)
    source.unlink()
    source.mkdir()  # a folder where the file was: it cannot be written
    window.controller.rename_node("shock-nurture", "nurture", "Nurture again")
    assert not window.files.save()
    box = window.files._error_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert str(source) in window.files.last_error
    button = box.findChild(QPushButton, "saveAsButton")
    assert button is not None and button.text() == "Save &As…"
    elsewhere = tmp_path / "elsewhere.campaign.json"
    window.files.ask_path = PathAsker(str(elsewhere))
    button.click()
    qtbot.waitUntil(lambda: window.session.document.source == str(elsewhere))
    assert not box.isVisible()
    assert not window.session.dirty
    assert "Nurture again" in elsewhere.read_text(encoding="utf-8")


# -- QA 22f: a name typed without its suffix ------------------------------------------------
def test_save_as_and_export_ask_before_the_added_suffix_replaces_a_file(
        window: MainWindow, tmp_path: Path) -> None:
    """"exists" typed: the dialog asked about "exists", nothing there; the file written is
    exists.campaign.json, which does exist: asked, and No keeps it as it was."""
    precious = '{"precious": true}'
    target = tmp_path / "exists.campaign.json"
    target.write_text(precious)
    asked: list[Path] = []

    def refuse(path: Path) -> bool:
        asked.append(path)
        return False

    window.files.ask_replace_file = refuse
    answers = iter([str(tmp_path / "exists"), ""])  # No: the dialog again, then Cancel
    window.files.ask_path = lambda _t, start, _f, _s: (starts.append(start), next(answers))[1]
    starts: list[str] = []
    assert not window.save_as_dialog()
    assert starts[1] == str(target)  # (QA 22k) back in the dialog, at the name refused
    answers = iter([str(tmp_path / "exists"), ""])
    window.export_dialog()
    assert asked == [target, target]
    assert target.read_text() == precious
    window.files.ask_replace_file = lambda path: True  # Replace: written
    window.files.ask_path = PathAsker(str(tmp_path / "exists"))
    assert window.save_as_dialog()
    assert target.read_text() != precious


def test_a_name_with_a_dot_but_no_workspace_ending_is_saved_as_json(
        window: MainWindow, tmp_path: Path) -> None:
    """"plan.v2" was written as a SQLite database named plan.v2, which the Open dialog's
    filter hides."""
    window.files.ask_path = PathAsker(str(tmp_path / "plan.v2"))
    assert window.save_as_dialog()
    assert (tmp_path / "plan.v2.campaign.json").exists()
    assert not (tmp_path / "plan.v2").exists()
    for typed in ("team.db", "team.sqlite", "shop.json"):  # as typed
        window.files.ask_path = PathAsker(str(tmp_path / typed))
        assert window.save_as_dialog()
        assert (tmp_path / typed).exists()


def test_an_untitled_workspace_starts_where_the_last_file_was_chosen(
        window: MainWindow, tmp_path: Path) -> None:
    """QA 22f: Open of a file in a folder, then New Workspace: Save As, Open and Import
    started in the home folder again."""
    folder = tmp_path / "my files"
    folder.mkdir()
    window.files.remember_folder(str(folder / "plan.campaign.json"))
    assert window.files.new_workspace()
    asker = PathAsker()
    window.files.ask_path = asker
    window.open_dialog()
    window.import_dialog()
    window.save_as_dialog()
    assert [start for _title, start, _f in asker.asked] == [str(folder)] * 3


def test_save_asks_when_the_file_was_moved_away_since_it_was_opened(
        window: MainWindow, sample_file: Path, tmp_path: Path) -> None:
    """QA 22f: Save quietly wrote the workspace where the file had been, a second copy."""
    asked: list[Path] = []
    answers = iter(["cancel", "again"])

    def answer(file: Path) -> str:
        asked.append(file)
        return next(answers)

    window.files.ask_file_gone = answer
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    moved = sample_file.with_name("moved.campaign.json")
    sample_file.rename(moved)
    assert not window.save()  # Cancel: nothing written
    assert not sample_file.exists() and window.isWindowModified()
    assert window.save()  # Save Here Again
    assert sample_file.exists() and asked == [sample_file, sample_file]
    assert not window.isWindowModified()
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 500)
    assert window.save() and len(asked) == 2  # there again: not asked


def test_every_name_save_as_keeps_is_one_the_open_dialog_lists() -> None:
    """QA 22g: "plan.json" and "plan.sqlite3" were saved as typed, then hidden by Open's
    filter."""
    from fnmatch import fnmatch

    from canvas_app.ui.file_actions import FILE_FILTER
    from canvas_app.ui.file_dialogs import WORKSPACE_ENDINGS, workspace_file_name

    patterns = FILE_FILTER.split(";;")[0].split("(")[1].rstrip(")").split()
    for ending in WORKSPACE_ENDINGS:
        name = workspace_file_name("plan" + ending)
        assert any(fnmatch(name, pattern) for pattern in patterns), name
    assert any(fnmatch(workspace_file_name("plan.v2"), p) for p in patterns)
