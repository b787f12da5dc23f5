"""File ▸ Export Image…: asks where, saves the picture (see ``image_export``), says so."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from .busy import busy_cursor
from .image_export import (
    FORMATS,
    ExportCancelled,
    ImageExportError,
    default_file_name,
    render_campaign,
)

if TYPE_CHECKING:
    from .main_window import MainWindow

PNG_FILTER = "PNG image (*.png)"
SVG_FILTER = "SVG image (*.svg)"
FOLDER_KEY = "imageExport/folder"
FORMAT_KEY = "imageExport/format"
PROGRESS_AFTER_MS = 400  # an export expected to take longer shows its progress


def chosen_path(chosen: str, selected_filter: str) -> Path:
    """The dialog's answer with the suffix of the chosen type added when it has no known
    one ("Q3 plan" with the SVG type is "Q3 plan.svg")."""
    path = Path(chosen)
    if path.suffix.lower() in FORMATS:
        return path
    suffix = ".svg" if selected_filter == SVG_FILTER else ".png"
    return path.with_name(path.name + suffix)


def export_image_dialog(window: MainWindow) -> None:
    """Asks where to save a picture of the campaign shown, saves it, and says so in the
    status bar ("Saved image … (W×H)."), or shows what went wrong in one message box.
    With no campaign shown, or one without nodes, it says so and asks nothing."""
    scene = window.scene
    campaign = scene.current_campaign() if scene is not None else None
    if scene is None or campaign is None:
        window.show_status("Nothing to export: choose a campaign first.")
        return
    if len(campaign) == 0:
        window.show_status(f"Nothing to export: \"{campaign.name}\" has no nodes yet.")
        return
    settings = window.settings
    remembered = str(settings.value(FOLDER_KEY, "") or "")  # where the last image went
    folder = Path(remembered) if remembered and Path(remembered).is_dir() \
        else window.files.start_directory()
    svg = settings.value(FORMAT_KEY, "png") == "svg"
    start = folder / default_file_name(campaign.name, ".svg" if svg else ".png")
    chosen, selected = window.files.ask_save_with_filter(
        window, "Export Image", str(start), f"{PNG_FILTER};;{SVG_FILTER}",
        SVG_FILTER if svg else PNG_FILTER)
    if not chosen:
        return
    path = chosen_path(chosen, selected)
    # the file dialog asked about the name typed, not the one with the suffix added
    if str(path) != chosen and path.exists() and not window.files.ask_replace_file(path):
        return
    progress = _ProgressDialog(window, path)
    try:
        with busy_cursor(len(campaign)):  # thousands of nodes take seconds to draw
            result = render_campaign(scene, path, progress=progress.report)
    except ExportCancelled:
        window.show_status("Export Image cancelled: nothing was saved.")
        return
    except ImageExportError as exc:
        window.files.show_error(str(exc))
        return
    finally:
        progress.close()
        progress.deleteLater()
    settings.setValue(FOLDER_KEY, str(result.path.parent))
    settings.setValue(FORMAT_KEY, result.format.lower())
    note = ", scaled down: too large at full size" if result.capped else ""
    layer = window.simulation_panel.layer
    counts = " The simulation's counts are not in it (its charts save them)." \
        if layer is not None and layer.counts else ""
    window.show_status(f"Saved image {result.path} ({result.width}×{result.height}{note})."
                       f"{counts}")


class _ProgressDialog(QProgressDialog):
    """Shown when an export takes more than a moment (a campaign of thousands of nodes),
    window-modal, with Cancel; while shown, each report lets the window repaint."""

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(f"Saving {path.name}…", "Cancel", 0, 1000, window)
        self.setObjectName("imageExportProgress")
        self.setWindowTitle("Export Image")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(PROGRESS_AFTER_MS)
        self.setAutoClose(False)
        self.setAutoReset(False)

    def report(self, done: float) -> bool:
        self.setValue(round(done * 1000))
        return not self.wasCanceled()

