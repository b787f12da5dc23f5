"""File ▸ Export Image…: the campaign on show as a PNG or SVG picture (image_export.py)."""

from __future__ import annotations

import json
import math
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from canvas_app.ui import theme
from canvas_app.ui.canvas.node_item import body_rect
from canvas_app.ui.canvas.scene import CampaignScene
from canvas_app.ui.image_export import (
    BUILT,
    MARGIN,
    MAX_PIXELS,
    MAX_SIDE,
    PAINT_CHUNK,
    ExportCancelled,
    ImageExportError,
    default_file_name,
    export_rect,
    png_scale,
    render_campaign,
)
from canvas_app.ui.image_export_dialog import PNG_FILTER, SVG_FILTER, export_image_dialog
from canvas_app.ui.main_window import MainWindow

from .canvas.conftest import make_window

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    source = tmp_path / "pool.campaign.json"
    shutil.copy(SAMPLE, source)
    window = make_window(qtbot, str(source), tmp_path)
    window.campaign_list.select("shock-nurture")
    assert window.current_campaign_id() == "shock-nurture"
    return window


# -- helpers -----------------------------------------------------------------------------------
def near(pixel: int, colour: QColor, tolerance: int = 14) -> bool:
    c = QColor.fromRgb(pixel)
    return (abs(c.red() - colour.red()) <= tolerance and abs(c.green() - colour.green())
            <= tolerance and abs(c.blue() - colour.blue()) <= tolerance)


def share_of(image: QImage, rect: QRectF, colour: QColor, step: int = 1) -> float:
    """The share of the pixels in ``rect`` (image coordinates) close to ``colour``."""
    left, top = max(0, int(rect.left())), max(0, int(rect.top()))
    right = min(image.width(), int(math.ceil(rect.right())))
    bottom = min(image.height(), int(math.ceil(rect.bottom())))
    seen = hits = 0
    for y in range(top, bottom, step):
        for x in range(left, right, step):
            seen += 1
            hits += near(image.pixel(x, y), colour)
    return hits / seen if seen else 0.0


def to_image(rect: QRectF, scene_rect: QRectF, scale: float) -> QRectF:
    """A scene rectangle in the picture's pixels (the picture covers ``scene_rect``)."""
    return QRectF((rect.left() - scene_rect.left()) * scale,
                  (rect.top() - scene_rect.top()) * scale,
                  rect.width() * scale, rect.height() * scale)


def live_render(scene: CampaignScene, rect: QRectF, scale: float) -> QImage:
    """The canvas's own scene drawn over ``rect`` as the export draws its copy: a control
    showing that what the export leaves out is really on the canvas."""
    image = QImage(math.ceil(rect.width() * scale), math.ceil(rect.height() * scale),
                   QImage.Format.Format_RGB32)
    image.fill(QColor(theme.CANVAS_BACKGROUND))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    scene.render(painter, QRectF(0, 0, rect.width() * scale, rect.height() * scale), rect)
    painter.end()
    return image


def node_bodies(scene: CampaignScene) -> list[tuple[str, str, QRectF]]:
    return [(node_id, item.kind, body_rect(item.kind).translated(item.pos()))
            for node_id, item in scene.nodes.items()]


def items_rect(scene: CampaignScene) -> QRectF:
    rect = QRectF()
    for item in (*scene.nodes.values(), *scene.links.values()):
        rect = rect.united(item.sceneBoundingRect())
    return rect


# -- PNG ---------------------------------------------------------------------------------------
def test_png_shows_every_node_at_twice_the_scene_size(window: MainWindow,
                                                      tmp_path: Path) -> None:
    scene = window.scene
    assert scene is not None
    result = render_campaign(scene, tmp_path / "pool.png")
    assert result.path == tmp_path / "pool.png" and result.format == "PNG"
    image = QImage(str(result.path))
    assert not image.isNull()
    rect = export_rect(scene)
    # Twice the size of what it covers: the nodes' and links' drawing plus the margin, which
    # lies within the items' bounds (handles, badges and names' room) plus the margin.
    assert (image.width(), image.height()) == (math.ceil(rect.width() * 2),
                                               math.ceil(rect.height() * 2))
    assert (result.width, result.height, result.scale, result.capped) == (
        image.width(), image.height(), 2.0, False)
    assert items_rect(scene).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN).contains(rect)
    # stored at twice the screen's dots per inch: a document shows it at its screen size
    assert image.dotsPerMeterX() == pytest.approx(2 * QImage(1, 1, QImage.Format.Format_RGB32)
                                                  .dotsPerMeterX(), abs=2)
    bodies = node_bodies(scene)
    assert len(bodies) == 3
    for node_id, kind, body in bodies:
        assert rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN).contains(body), node_id
        # the node is drawn where it is, in its kind's colour
        assert share_of(image, to_image(body, rect, 2), theme.kind_colour(kind)) > 0.1, node_id
    # the link's grey lies between the first two nodes
    (_, _, first), (_, _, second) = sorted(bodies, key=lambda b: b[2].left())[:2]
    gap = QRectF(first.right() + 10, first.center().y() - 3, second.left() - first.right() - 20,
                 6)
    assert share_of(image, to_image(gap, rect, 2), QColor(theme.LINK), 1) > 0.2


def test_png_has_the_canvas_background_without_grid(window: MainWindow,
                                                    tmp_path: Path) -> None:
    result = render_campaign(window.scene, tmp_path / "pool.png")
    image = QImage(str(result.path))
    background = QColor(theme.CANVAS_BACKGROUND).rgb()
    band = int(MARGIN * 2) - 4  # the margin all round holds nothing but the background
    for y in (*range(band), *range(image.height() - band, image.height())):
        assert all(image.pixel(x, y) == background for x in range(image.width())), y
    for x in (*range(band), *range(image.width() - band, image.width())):
        assert all(image.pixel(x, y) == background for y in range(image.height())), x
    assert len({image.pixel(x, y) for x in range(0, image.width(), 3)
                for y in range(0, image.height(), 3)}) > 50  # not blank: nodes, text, links


def test_selection_and_simulation_counts_are_left_out(window: MainWindow,
                                                      tmp_path: Path) -> None:
    scene = window.scene
    plain = QImage(str(render_campaign(scene, tmp_path / "plain.png").path))
    rect = export_rect(scene)
    before = live_render(scene, rect, 2)
    window.select_all()
    layer = window.simulation_panel.layer
    assert layer is not None
    layer.setVisible(True)
    layer.set_counts({node_id: {"active": 12, "completed": 3, "achieved": 7, "waiting": 2}
                      for node_id in scene.nodes})
    # on the canvas, both show
    assert live_render(scene, rect, 2) != before
    dressed = QImage(str(render_campaign(scene, tmp_path / "dressed.png").path))
    assert dressed == plain
    # and the canvas is as it was: still all selected, counts still there
    assert sorted(scene.selected_node_ids()) == sorted(scene.nodes)
    assert layer.counts and layer.isVisible()


def test_lint_badges_are_left_out(window: MainWindow, tmp_path: Path) -> None:
    scene = window.scene
    campaign_id = window.current_campaign_id()
    node_id = window.controller.add_node(campaign_id, "sequence", 0, 200)  # no steps: warned
    scene.refresh_findings()
    assert scene.findings_for(node_id)
    result = render_campaign(scene, tmp_path / "badge.png")
    image = QImage(str(result.path))
    rect = export_rect(scene)
    badge = scene.nodes[node_id].badge_rect().translated(scene.nodes[node_id].pos())
    yellow = QColor("#f2b705")
    assert share_of(live_render(scene, rect, 2), to_image(badge, rect, 2), yellow) > 0.1
    assert share_of(image, to_image(badge, rect, 2), yellow) == 0.0
    body = body_rect("sequence").translated(scene.nodes[node_id].pos())
    assert share_of(image, to_image(body, rect, 2), theme.kind_colour("sequence")) > 0.1


def test_unknown_suffix_gets_png(window: MainWindow, tmp_path: Path) -> None:
    result = render_campaign(window.scene, tmp_path / "plan.v2")
    assert result.path == tmp_path / "plan.v2.png"
    assert result.path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert not (tmp_path / "plan.v2").exists()
    upper = render_campaign(window.scene, tmp_path / "SHOUT.SVG")
    assert upper.format == "SVG" and upper.path == tmp_path / "SHOUT.SVG"


def test_a_large_campaign_draws_every_node_even_in_the_overview(qtbot,
                                                                tmp_path: Path) -> None:
    source = _many_nodes_file(tmp_path, 420)
    window = make_window(qtbot, str(source), tmp_path)
    window.campaign_list.select("big")
    window.view.set_zoom(0.05)
    scene = window.scene
    assert scene.overview_mode and not any(i.isVisible() for i in scene.nodes.values())
    result = render_campaign(scene, tmp_path / "big.png", scale=0.5)
    image = QImage(str(result.path))
    rect = export_rect(scene)
    assert (image.width(), image.height()) == (math.ceil(rect.width() / 2),
                                               math.ceil(rect.height() / 2))
    blue = theme.kind_colour("sequence")
    for node_id, _kind, body in node_bodies(scene):
        assert share_of(image, to_image(body, rect, 0.5), blue, 2) > 0.1, node_id
    assert scene.overview_mode  # the canvas was left as it was
    assert default_file_name("Big / Long: Campaign") == "Big - Long- Campaign.png"


def test_a_huge_png_is_scaled_down_within_the_limits(window: MainWindow,
                                                     tmp_path: Path) -> None:
    campaign_id = window.current_campaign_id()
    far = window.controller.add_node(campaign_id, "tag_goal", 30000, 0)
    result = render_campaign(window.scene, tmp_path / "wide.png")
    image = QImage(str(result.path))
    assert result.capped and result.scale < 1
    assert image.width() <= MAX_SIDE and image.width() > MAX_SIDE - 4
    assert (image.width(), image.height()) == (result.width, result.height)
    rect = export_rect(window.scene)
    body = body_rect("tag_goal").translated(window.scene.nodes[far].pos())
    assert share_of(image, to_image(body, rect, result.scale),
                    theme.kind_colour("tag_goal")) > 0.1
    # the pixel count too: 200 MB at most while drawing
    square = QRectF(0, 0, 9000, 9000)
    assert png_scale(square, 2.0) ** 2 * 9000 * 9000 <= MAX_PIXELS * 1.0001
    assert png_scale(QRectF(0, 0, 500, 300), 2.0) == 2.0


# -- SVG ---------------------------------------------------------------------------------------
def test_svg_parses_and_names_every_node(window: MainWindow, tmp_path: Path) -> None:
    scene = window.scene
    result = render_campaign(scene, tmp_path / "pool.svg")
    assert result.format == "SVG" and result.scale == 1.0 and not result.capped
    root = ET.parse(result.path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    rect = export_rect(scene)
    assert root.get("viewBox") == f"0 0 {math.ceil(rect.width())} {math.ceil(rect.height())}"
    assert (result.width, result.height) == (math.ceil(rect.width()), math.ceil(rect.height()))
    assert root.findtext(f"{SVG_NS}title") == "Pool Shock Nurture"
    texts = [t.text or "" for t in root.iter(f"{SVG_NS}text")]
    for node in scene.current_campaign().nodes:
        assert any(node.name in text for text in texts), node.name
    # drawn as vectors: a path for each sequence's outline and shadow, a polygon for each
    # link's arrow, a circle for the goal's shadow; the icons' own shapes too (QA10: they
    # were 128 px pictures, blurred when the SVG was scaled)
    assert len(list(root.iter(f"{SVG_NS}path"))) > 4
    assert list(root.iter(f"{SVG_NS}image")) == []
    assert len(list(root.iter(f"{SVG_NS}polygon"))) == len(scene.links) == 2
    assert len(list(root.iter(f"{SVG_NS}circle"))) >= 1
    fills = {g.get("fill") for g in root.iter(f"{SVG_NS}g")}
    assert theme.CANVAS_BACKGROUND in fills and theme.KIND_COLOURS["sequence"] in {
        g.get("stroke") for g in root.iter(f"{SVG_NS}g")}
    families = {t.get("font-family") for t in root.iter(f"{SVG_NS}text")}
    assert families and all(f.endswith(", sans-serif") for f in families)


# -- failures ----------------------------------------------------------------------------------
def test_a_path_inside_a_file_fails_clearly_and_writes_nothing(window: MainWindow,
                                                                tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder")
    target = blocker / "pool.png"
    with pytest.raises(ImageExportError) as caught:
        render_campaign(window.scene, target)
    message = str(caught.value)
    assert "\n" not in message
    assert str(target) in message and f"{blocker} is a file, not a folder" in message
    assert blocker.read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".part")) == []


def test_a_folder_or_missing_folder_fails_clearly(window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "pictures.png"
    folder.mkdir()
    with pytest.raises(ImageExportError, match="it is a folder"):
        render_campaign(window.scene, folder)
    assert list(folder.iterdir()) == []
    missing = tmp_path / "no such folder" / "pool.svg"
    with pytest.raises(ImageExportError, match="does not exist"):
        render_campaign(window.scene, missing)
    assert not missing.parent.exists()


def test_a_failed_write_leaves_the_old_file_and_no_part(window: MainWindow, tmp_path: Path,
                                                       monkeypatch) -> None:
    import errno
    import os

    target = tmp_path / "pool.png"
    target.write_bytes(b"the picture from before")

    def full(*_args) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("canvas_app.io.atomic.os.replace", full)
    with pytest.raises(ImageExportError, match="the disk is full"):
        render_campaign(window.scene, target)
    assert target.read_bytes() == b"the picture from before"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_replacing_keeps_the_files_permissions(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "pool.png"
    fresh = render_campaign(window.scene, target)
    assert fresh.path.stat().st_mode & 0o777 == 0o666 & ~_umask()
    target.chmod(0o640)
    render_campaign(window.scene, target)
    assert target.stat().st_mode & 0o777 == 0o640
    assert QImage(str(target)).width() == fresh.width


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_an_empty_or_missing_campaign_is_refused(window: MainWindow, tmp_path: Path) -> None:
    window.campaign_list.new_campaign()
    with pytest.raises(ImageExportError, match="has no nodes yet"):
        render_campaign(window.scene, tmp_path / "empty.png")
    window.show_campaign(None)
    with pytest.raises(ImageExportError, match="no campaign is shown"):
        render_campaign(window.scene, tmp_path / "none.png")
    assert list(tmp_path.glob("*.png")) == []


# -- the dialog --------------------------------------------------------------------------------
class SaveAsker:
    """Stands in for the Export Image file dialog: records the questions, gives ``answer``."""

    def __init__(self, answer: str, chosen_filter: str = PNG_FILTER) -> None:
        self.answer = answer
        self.chosen_filter = chosen_filter
        self.asked: list[tuple[str, str, str, str]] = []

    def __call__(self, _parent, title: str, start: str, filters: str,
                 selected: str = "") -> tuple[str, str]:
        self.asked.append((title, start, filters, selected))
        return self.answer, self.chosen_filter


def test_dialog_saves_and_says_so(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    asker = SaveAsker(str(tmp_path / "for the slides"), SVG_FILTER)
    monkeypatch.setattr(window.files, "ask_save_with_filter", asker)
    action = window.actions_by_name["export_image"]
    assert action in window.menus["file"].actions()
    action.trigger()  # File > Export Image…
    title, start, filters, selected = asker.asked[0]
    assert title == "Export Image"
    assert start == str(tmp_path / "Pool Shock Nurture.png")  # the document's folder
    assert filters == f"{PNG_FILTER};;{SVG_FILTER}" and selected == PNG_FILTER
    written = tmp_path / "for the slides.svg"  # the chosen type's suffix added
    root = ET.parse(written).getroot()
    width, height = root.get("viewBox").split()[2:]
    message = window.statusBar().currentMessage()
    assert message == f"Saved image {written} ({width}×{height})."
    # the next export starts in the folder and with the type chosen last
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    asker.answer, asker.chosen_filter = str(pictures / "again.png"), PNG_FILTER
    export_image_dialog(window)
    assert asker.asked[1][1:] == (str(tmp_path / "Pool Shock Nurture.svg"),
                                  f"{PNG_FILTER};;{SVG_FILTER}", SVG_FILTER)
    image = QImage(str(pictures / "again.png"))
    assert window.statusBar().currentMessage() == (
        f"Saved image {pictures / 'again.png'} ({image.width()}×{image.height()}).")
    # with a simulation's counts on the canvas: said that they are not in the picture
    layer = window.simulation_panel.layer
    assert layer is not None
    layer.set_counts({node_id: {"achieved": 3, "waiting": 1} for node_id in window.scene.nodes})
    export_image_dialog(window)
    assert window._status_full.endswith(
        "The simulation's counts are not in it (its charts save them).")


def test_dialog_shows_a_failure_in_one_box(window: MainWindow, tmp_path: Path,
                                           monkeypatch) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    monkeypatch.setattr(window.files, "ask_save_with_filter",
                        SaveAsker(str(blocker / "pool.png")))
    export_image_dialog(window)
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert box.text() == window.files.last_error
    assert str(blocker / "pool.png") in box.text() and "is a file, not a folder" in box.text()
    assert "\n" not in box.text()
    box.close()


def test_dialog_cancelled_writes_nothing(window: MainWindow, tmp_path: Path,
                                         monkeypatch) -> None:
    monkeypatch.setattr(window.files, "ask_save_with_filter", SaveAsker(""))
    window.statusBar().clearMessage()
    export_image_dialog(window)
    assert window.statusBar().currentMessage() == ""
    assert list(tmp_path.glob("*.png")) == [] and list(tmp_path.glob("*.svg")) == []


def test_dialog_with_nothing_to_export_says_so_and_asks_nothing(window: MainWindow,
                                                                 monkeypatch) -> None:
    def never(*_args) -> tuple[str, str]:
        raise AssertionError("asked for a file with nothing to export")

    monkeypatch.setattr(window.files, "ask_save_with_filter", never)
    window.campaign_list.new_campaign()
    name = window.scene.current_campaign().name
    export_image_dialog(window)
    assert window.statusBar().currentMessage() == (
        f'Nothing to export: "{name}" has no nodes yet.')
    window.show_campaign(None)
    export_image_dialog(window)
    assert window.statusBar().currentMessage() == (
        "Nothing to export: choose a campaign first.")


# -- progress and cancel -----------------------------------------------------------------------
def test_progress_goes_from_start_to_end(window: MainWindow, tmp_path: Path) -> None:
    told: list[float] = []
    result = render_campaign(window.scene, tmp_path / "pool.png",
                             progress=lambda done: told.append(done) or True)
    assert told[0] == 0.0 and told[-1] == 1.0
    assert told == sorted(told) and len(told) >= 3
    assert QImage(str(result.path)).width() == result.width


@pytest.mark.parametrize("suffix", [".png", ".svg"])
@pytest.mark.parametrize("stop_at", [0.0, 0.5])
def test_a_cancelled_export_writes_nothing(window: MainWindow, tmp_path: Path, suffix: str,
                                           stop_at: float) -> None:
    """Cancelled at the start, or once painted (a PNG: while the encoder runs in its
    thread, which is waited for): the old file stays, no temporary file is left."""
    target = tmp_path / f"pool{suffix}"
    target.write_bytes(b"before")
    told: list[float] = []

    def progress(done: float) -> bool:
        told.append(done)
        return done < stop_at

    with pytest.raises(ExportCancelled):
        render_campaign(window.scene, target, progress=progress)
    assert target.read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert 1.0 not in told


def test_a_large_export_reports_while_painting(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot, str(_many_nodes_file(tmp_path, 450)), tmp_path)
    window.campaign_list.select("big")
    told: list[float] = []
    render_campaign(window.scene, tmp_path / "big.svg",
                    progress=lambda done: told.append(done) or True)
    painting = [d for d in told if BUILT < d < 0.95]
    items = len(window.scene.nodes) + len(window.scene.links)
    assert items == 450 + 450 - 22  # a link along each row of 21 (the last row has 9)
    assert len(painting) == items // PAINT_CHUNK  # a report each chunk of items painted
    assert told == sorted(told)


def test_dialog_cancelled_says_so(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(window.files, "ask_save_with_filter", SaveAsker(str(tmp_path / "pool.png")))
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda _self: True)
    export_image_dialog(window)
    assert window.statusBar().currentMessage() == "Export Image cancelled: nothing was saved."
    assert not (tmp_path / "pool.png").exists()
    assert window.findChild(QProgressDialog, "imageExportProgress") is None or not \
        window.findChild(QProgressDialog, "imageExportProgress").isVisible()


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.Yes])
def test_dialog_asks_before_the_added_suffix_replaces_a_file(window: MainWindow,
                                                             tmp_path: Path, monkeypatch,
                                                             answer) -> None:
    """The file dialog asked about "pool"; the ".png" added names a file that exists."""
    existing = tmp_path / "pool.png"
    existing.write_bytes(b"keep me?")
    asked: list[str] = []

    def question(path: Path) -> bool:
        asked.append(f"{path.name} already exists")
        return answer == QMessageBox.StandardButton.Yes

    monkeypatch.setattr(window.files, "ask_replace_file", question)
    monkeypatch.setattr(window.files, "ask_save_with_filter", SaveAsker(str(tmp_path / "pool")))
    export_image_dialog(window)
    assert asked and "pool.png already exists" in asked[0]
    if answer == QMessageBox.StandardButton.No:
        assert existing.read_bytes() == b"keep me?"
    else:
        assert QImage(str(existing)).width() > 0
    assert not (tmp_path / "pool").exists()


def _many_nodes_file(tmp_path: Path, count: int) -> Path:
    """The sample with a campaign "big" of ``count`` sequences in rows of 21, linked along
    each row."""
    data = json.loads(SAMPLE.read_text())
    template = data["campaigns"][0]["nodes"][0]  # a sequence with steps
    nodes, edges = [], []
    for i in range(count):
        nodes.append(dict(template, id=f"n{i}", name=f"Step {i}", x=(i % 21) * 240,
                          y=(i // 21) * 160))
        if i % 21:
            edges.append({"source": f"n{i - 1}", "target": f"n{i}"})
    data["campaigns"].append({"id": "big", "name": "Big / Long: Campaign", "nodes": nodes,
                              "edges": edges})
    source = tmp_path / "big.campaign.json"
    source.write_text(json.dumps(data))
    return source
