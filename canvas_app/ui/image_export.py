"""File ▸ Export Image…: the campaign on the canvas as a PNG or SVG picture, to paste into a
slide or an email.

It shows every node and link of the campaign on show, whatever is in view and at any zoom
(a large campaign that the canvas draws as an overview is drawn in full), with MARGIN
around them on the canvas's background. It leaves out what belongs to editing: the grid,
selection and hover marks, a link being drawn, lint badges, and the simulation's overlay
(count pills, moving contacts, a highlighted journey). A scene of its own, built from the
domain, draws it: the canvas in use is not touched (no selection cleared, no signal).

A PNG is drawn at ``scale`` (2 by default: crisp text on high-density screens and in
slides) and stored with 2 × the screen's dots per inch, so a slide or a document shows it at
its on-screen size. A large campaign's PNG is kept within ``MAX_SIDE`` pixels a side and
``MAX_PIXELS`` pixels (200 MB of memory while drawing) by lowering the scale; below the
canvas's detail zoom (0.45) nodes are drawn without their names, as on the canvas. An SVG is
drawn at scale 1 in pixels; the node icons in it are embedded bitmaps (the canvas paints
them from rendered icons), everything else is vector.

The file is written to a temporary file in the same folder and then moved over the target,
so a failure never leaves half a picture; every failure raises :class:`ImageExportError`
with a one-line message naming the file and the problem. A long export (thousands of nodes
take seconds) reports its progress and can be cancelled: the menu action shows a progress
dialog with Cancel, and the PNG encoder runs in a worker thread meanwhile.
"""

from __future__ import annotations

import errno
import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontInfo, QImage, QPainter, QTransform
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QGraphicsItem,
    QStyleOptionGraphicsItem,
)

from ..editing.controller import Controller
from ..io.atomic import write_bytes_atomic
from . import theme
from .canvas.link_item import ARROW_SIZE, LinkItem
from .canvas.node_item import NAME_HEIGHT, NAME_WIDTH, NodeItem, body_rect, name_rect
from .canvas.scene import CampaignScene

if TYPE_CHECKING:
    pass

MARGIN = 32.0  # scene units around the nodes and links
LINK_PAD = ARROW_SIZE * 0.55 + 2  # an arrowhead's half width, and its antialiasing
MAX_SIDE = 16384  # pixels, a PNG's longest side at most
MAX_PIXELS = 50_000_000  # a PNG's pixels at most: 200 MB while it is drawn
FORMATS = {".png": "PNG", ".svg": "SVG"}
PAINT_CHUNK = 200  # items painted between two progress reports
BUILT, PAINTED = 0.1, 0.6  # the progress when the items are made, and when painted (PNG)
# Qt's PNG quality: 80 is zlib's fastest level (Qt maps quality q to level (100 - q) * 9 / 91).
# A 6,666 x 7,502 picture of 300 nodes (CPU time, bench/catalog_scale.py measures it):
# Qt's default level 2.31 s, 3.03 MB; this 1.54 s, 3.72 MB; no compression at all 1.51 s,
# 150 MB (the rest is libpng's row filters, which Qt does not let one choose).
PNG_QUALITY = 80
PNG_PIXELS_PER_S = 25e6  # about how fast a PNG is encoded here: the progress's estimate
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class ImageExportError(Exception):
    """An image could not be made or written; ``str()`` is one line for the user."""


class ExportCancelled(Exception):  # noqa: N818 - a cancel, not an error
    """The user cancelled a long export; nothing was written."""


Progress = Callable[[float], bool]  # told the share done (0 to 1); False: cancel


@dataclass(frozen=True)
class ExportedImage:
    path: Path  # where it was written (with the suffix added when it had none known)
    format: str  # "PNG" or "SVG"
    width: int  # pixels (an SVG's size in px)
    height: int
    scale: float  # the scale drawn at: lower than asked when a large PNG was capped
    capped: bool  # the PNG's scale was lowered to keep within MAX_SIDE / MAX_PIXELS


def image_path(path: Path) -> Path:
    """``path`` with ".png" added unless it ends in .png or .svg (any case)."""
    return path if path.suffix.lower() in FORMATS else path.with_name(path.name + ".png")


def default_file_name(campaign_name: str, suffix: str = ".png") -> str:
    """A file name from a campaign's name: "Pool Shock Nurture.png". Characters that no
    file system allows (or that make a path) become "-"; an empty name is "campaign"."""
    name = _UNSAFE.sub("-", campaign_name).strip(" .-") or "campaign"
    return name + suffix


class _ExportScene(CampaignScene):
    """The campaign's items alone: no selection, hover, simulation layer or overview ever
    happen here, and lint findings are not looked up, so no badge is drawn.

    Its fonts name the family Qt actually draws with ("DejaVu Sans", not the alias "Sans
    Serif"), so an SVG viewer lays the text out with the font it was measured in."""

    def __init__(self, controller: Controller) -> None:
        super().__init__(controller)
        style = self.style_cache
        for font in (style.name_font, style.detail_font):
            font.setFamily(QFontInfo(font).family())

    def refresh_findings(self) -> None:
        return

    def _campaign_findings(self) -> dict[str, list[tuple[str, str]]]:
        return {}  # (show_campaign reads them before making the links)


def _node_drawn(item: NodeItem, coarse: bool = False) -> QRectF:
    """Where a node paints (scene coordinates): its body with its outline and shadow, and
    its name as wrapped under it (with ``coarse``, the most room a name may take); not the
    room its item keeps for the handle and badges."""
    body = body_rect(item.kind).adjusted(-2, -2, 2, 4)
    half, height = (NAME_WIDTH / 2, NAME_HEIGHT) if coarse else item.name_block()
    name = QRectF(-half, name_rect(item.kind).top(), 2 * half, height)
    return body.united(name).translated(item.pos())


def export_rect(scene: CampaignScene) -> QRectF:
    """What a picture of ``scene`` covers (scene coordinates): where its nodes (body, name)
    and links (way and arrowhead) paint, with MARGIN around; empty with no node."""
    rect = QRectF()
    for item in scene.nodes.values():
        rect = rect.united(body_rect(item.kind).translated(item.pos()))
    for link in scene.links.values():
        rect = rect.united(link.path().boundingRect().adjusted(
            -LINK_PAD, -LINK_PAD, LINK_PAD, LINK_PAD))
    for item in scene.nodes.values():  # a name measured only where it may reach further
        if not rect.contains(_node_drawn(item, coarse=True)):
            rect = rect.united(_node_drawn(item))
    if rect.isEmpty():
        return QRectF()
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def png_scale(rect: QRectF, scale: float) -> float:
    """``scale``, lowered so a PNG of ``rect`` keeps within MAX_SIDE and MAX_PIXELS."""
    w, h = rect.width(), rect.height()
    return min(scale, MAX_SIDE / w, MAX_SIDE / h, math.sqrt(MAX_PIXELS / (w * h)))


def render_campaign(scene: CampaignScene, path: Path, *, scale: float = 2.0,
                    progress: Progress | None = None) -> ExportedImage:
    """Writes a picture of the campaign ``scene`` shows to ``path``: SVG for a ".svg"
    suffix, PNG for ".png", and for any other suffix (or none) PNG with ".png" added.

    A PNG is ``ceil(w * scale)`` × ``ceil(h * scale)`` pixels, where w × h is
    :func:`export_rect` (the nodes' and links' drawing plus MARGIN each side), with the
    scale lowered for a large campaign (see the module's notes); an SVG is ``ceil(w)`` ×
    ``ceil(h)`` px. ``progress`` is told the share done (0 to 1) every PAINT_CHUNK items
    and, while a PNG is encoded (in a worker thread then), every 50 ms; when it returns
    False, ExportCancelled is raised and nothing is written. Raises ImageExportError (no
    campaign, no node, a path that cannot be written); the file is then left as it was.
    """
    if not scale > 0 or not math.isfinite(scale):
        raise ImageExportError(f"The image scale must be a positive number, not {scale}.")
    path = image_path(Path(path))
    kind = FORMATS[path.suffix.lower()]
    campaign = scene.current_campaign()
    if campaign is None:
        raise ImageExportError(f"Cannot save the image {path}: no campaign is shown.")
    if len(campaign) == 0:
        raise ImageExportError(f"Cannot save the image {path}: the campaign "
                               f"\"{campaign.name}\" has no nodes yet.")
    check_target(path)
    steps = _Steps(progress)
    steps.report(0.0)
    picture = _ExportScene(scene.controller)
    try:
        picture.show_campaign(scene.campaign_id)
        # A snapshot from here on: an edit made while a long export runs changes nothing
        # in it (items read only names and steps from the domain, and miss a node gone).
        picture.detach()
        rect = export_rect(picture)
        items = [item for item in picture.items(Qt.SortOrder.AscendingOrder)
                 if isinstance(item, (NodeItem, LinkItem))]
        steps.report(BUILT)
        if kind == "SVG":
            used = 1.0
            data = _svg(picture, items, rect, steps.part(BUILT, 0.95))
        else:
            used = png_scale(rect, scale)
            image = _png_image(items, rect, used, steps.part(BUILT, PAINTED))
            data = _encode_png(image, steps.part(PAINTED, 0.95), threaded=progress is not None)
    except ImageExportError as exc:  # one of the problems above, said of the file
        raise ImageExportError(f"Cannot save the image {path}: {exc}.") from None
    finally:
        picture.detach()
        shiboken6.delete(picture)  # its items now, not at some later garbage collection
    steps.report(0.95)  # the last moment to cancel: then the file is written
    size = _size(rect, used)
    write_replacing(path, data)
    if progress is not None:
        progress(1.0)
    return ExportedImage(path, kind, size.width(), size.height(), used,
                         kind == "PNG" and used < scale)


class _Steps:
    """Tells ``progress`` how far the export is; raises ExportCancelled once it said stop."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.cancelled = False

    def report(self, done: float) -> None:
        if self.progress is not None and not self.progress(done):
            self.cancelled = True
        if self.cancelled:
            raise ExportCancelled

    def part(self, start: float, end: float) -> Callable[[float], None]:
        """A report of the share done of a stage that runs from ``start`` to ``end``."""
        return lambda done: self.report(start + (end - start) * done)


def _size(rect: QRectF, scale: float) -> QSize:
    return QSize(max(1, math.ceil(rect.width() * scale - 1e-6)),
                 max(1, math.ceil(rect.height() * scale - 1e-6)))


def _paint(items: list[QGraphicsItem], painter: QPainter, rect: QRectF, scale: float,
           report: Callable[[float], None]) -> None:
    """Paints the background and then each item as the scene would (in stacking order,
    through the item's own ``paint``), reporting every PAINT_CHUNK items."""
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    font = painter.font()  # the family drawn with, not an alias (see _ExportScene)
    font.setFamily(QFontInfo(font).family())
    painter.setFont(font)
    size = _size(rect, scale)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()),
                     QColor(theme.CANVAS_BACKGROUND))
    base = QTransform.fromScale(scale, scale)
    base.translate(-rect.left(), -rect.top())  # scene point p -> (p - top left) * scale
    option = QStyleOptionGraphicsItem()
    for n, item in enumerate(items, start=1):
        bounds = item.boundingRect()
        option.exposedRect = bounds  # all of it: a long link draws only what is exposed
        option.rect = bounds.toAlignedRect()
        painter.save()
        painter.setTransform(item.sceneTransform() * base)
        item.paint(painter, option, None)
        painter.restore()
        if n % PAINT_CHUNK == 0:
            report(n / len(items))


def _png_image(items: list[QGraphicsItem], rect: QRectF, scale: float,
               report: Callable[[float], None]) -> QImage:
    size = _size(rect, scale)
    image = QImage(size, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ImageExportError(f"not enough memory for a {size.width()}×{size.height()} "
                               "picture")
    # Painted at the screen's dots per inch (the fonts' point sizes follow it), stored at
    # ``scale`` times it: a document shows the picture at its size on screen.
    dpm_x, dpm_y = image.dotsPerMeterX(), image.dotsPerMeterY()
    painter = QPainter(image)
    try:
        _paint(items, painter, rect, scale, report)
    finally:
        painter.end()
    image.setDotsPerMeterX(round(dpm_x * scale))
    image.setDotsPerMeterY(round(dpm_y * scale))
    return image


def _encode_png(image: QImage, report: Callable[[float], None], threaded: bool) -> bytes:
    """The image as PNG bytes. ``threaded``: encoded in a worker thread (Qt lets go of
    Python's lock meanwhile) while ``report`` is told an estimate every 50 ms, so a window
    showing the progress stays painted; a cancel takes effect when the encoder ends."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved: list[bool] = []
    if threaded:
        worker = threading.Thread(
            target=lambda: saved.append(image.save(buffer, "PNG", PNG_QUALITY)),
            name="png-encoder", daemon=True)
        worker.start()
        expected = max(0.05, image.width() * image.height() / PNG_PIXELS_PER_S)
        started = time.monotonic()
        cancelled = False
        while worker.is_alive():
            worker.join(0.05)
            try:
                report(min(0.95, (time.monotonic() - started) / expected))
            except ExportCancelled:
                cancelled = True
        if cancelled:
            raise ExportCancelled
    else:
        saved.append(image.save(buffer, "PNG", PNG_QUALITY))
    buffer.close()
    if not saved or not saved[0]:
        raise ImageExportError("the PNG picture could not be encoded")
    return bytes(data.data())


def _svg(scene: CampaignScene, items: list[QGraphicsItem], rect: QRectF,
         report: Callable[[float], None]) -> bytes:
    campaign = scene.current_campaign()
    # The screen's dots per inch, as on the canvas: 9.5 pt names take the room they take
    # there (QSvgGenerator assumes 72 by default, and the text would come out smaller).
    dpi = QImage(1, 1, QImage.Format.Format_RGB32).logicalDpiX()
    return svg_picture(_size(rect, 1.0), dpi,
                       campaign.name if campaign is not None else "Campaign",
                       "A campaign drawn by Campaign Canvas",
                       lambda painter: _paint(items, painter, rect, 1.0, report))


def svg_picture(size: QSize, dpi: int, title: str, description: str,
                paint: Callable[[QPainter], None]) -> bytes:
    """An SVG of ``size`` px drawn by ``paint``, its text at ``dpi`` (as on screen), its
    fonts named generically (see :func:`generic_fonts`)."""
    generator = QSvgGenerator()
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(dpi)
    generator.setTitle(title)
    generator.setDescription(description)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator.setOutputDevice(buffer)
    painter = QPainter()
    if not painter.begin(generator):
        raise ImageExportError("the SVG picture could not be started")
    try:
        paint(painter)
    finally:
        painter.end()
    buffer.close()
    return generic_fonts(bytes(data.data()))


_FONT_FAMILY = re.compile(rb'font-family="([^",]*)"')


def generic_fonts(svg: bytes) -> bytes:
    """Each font family in the SVG gets the generic ``sans-serif`` after it, so a viewer
    without that font uses a sans-serif one rather than its default (often a serif)."""
    return _FONT_FAMILY.sub(lambda m: b"font-family=\"'" + m[1] + b"', sans-serif\"", svg)


# -- writing ---------------------------------------------------------------------------------
_PROBLEMS = {errno.EISDIR: "it is a folder", errno.ENOSPC: "the disk is full",
             errno.EDQUOT: "the disk quota is used up", errno.EROFS: "the disk is read-only",
             errno.ENAMETOOLONG: "the name is too long"}


def _problem(exc: OSError, path: Path) -> str:
    """What went wrong, in words, for the message naming the file."""
    folder = path.parent
    if exc.errno == errno.ENOENT:
        return f"the folder {folder} does not exist"
    if exc.errno == errno.ENOTDIR:
        return f"{_first_file(folder)} is a file, not a folder"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"no permission to write in {folder}"
    return _PROBLEMS.get(exc.errno or 0) or (exc.strerror or str(exc)).rstrip(".")


def _first_file(folder: Path) -> Path:
    """The part of ``folder``'s path that is a file (the reason it is not a folder)."""
    for part in (*reversed(folder.parents), folder):
        if part.exists() and not part.is_dir():
            return part
    return folder


def check_target(path: Path) -> None:
    """Fails early, before drawing, for a target that is a folder or whose folder is not
    one (writing finds the other problems)."""
    if path.is_dir():
        raise ImageExportError(f"Cannot save the image {path}: it is a folder.")
    folder = path.parent
    if not folder.is_dir():
        blocker = _first_file(folder)
        problem = (f"{blocker} is a file, not a folder" if blocker.exists()
                   else f"the folder {folder} does not exist")
        raise ImageExportError(f"Cannot save the image {path}: {problem}.")


def write_replacing(path: Path, data: bytes) -> None:
    """``data`` over ``path`` through a temporary file beside it; on any failure ``path``
    is left as it was and no temporary file stays."""
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise ImageExportError(f"Cannot save the image {path}: {_problem(exc, path)}.") \
            from exc
