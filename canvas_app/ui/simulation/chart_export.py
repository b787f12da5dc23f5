"""Getting a chart of the Simulation panel out of the app: Copy Chart (a picture on the
clipboard), Save Chart as Image… (PNG or SVG) and Copy Data (its numbers as tab-separated
text under a row of headings, for a spreadsheet). Shared by the Chart and Over Time tabs.

A :class:`ChartExport` is given the chart's *host*, the view that takes the keyboard (Tab or a
click gives it the focus; the style draws a focus frame round it, see :func:`paint_focus`),
and its *picture*, the widget whose look is copied or saved (the plot with its title and its
legend). On the host: the context menu (right-click, the Menu key or Shift+F10) and Ctrl+C,
which copies the picture.

What the chart cannot know by itself it finds in the window round it, when it is the app's
main window: its file dialog (``files.ask_save_with_filter``, which tests replace) and its
error box, its settings (the folder the last chart went to) and its status bar; and the
scenario of the run shown, from the Simulation panel's runner. A chart on its own (in a
test) asks with Qt's file dialog, starts in the user's pictures folder and shows problems
in a message box of its own.

A chart may lay itself out for a picture (``stage``, see ChartExport.staged): the Chart
tab names its rows in full, Over Time shows the whole of a chart its panel scrolls.

A picture always carries the chart's title: a chart too short for it on screen (the Chart
tab with many rows drops it) gets it in a band over the picture (QA: a copy for slides did
not say which campaign it showed).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSettings,
    QSize,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QRegion,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QStyle,
    QStyleOptionFocusRect,
    QWidget,
)

from ..image_export import (
    ImageExportError,
    check_target,
    default_file_name,
    svg_picture,
    write_replacing,
)
from ..image_export_dialog import PNG_FILTER, SVG_FILTER, chosen_path
from .chart_heading import ChartHeading
from .journey_view import tsv_text

FOLDER_KEY = "chartExport/folder"  # where the last chart picture went (the app's settings)
# The menu's entries, each with its own letter (Alt+letter, or the letter alone, in the open
# menu; QA: none had one, and two began with C)
COPY_CHART, SAVE_CHART, COPY_DATA = "&Copy Chart", "&Save Chart as Image…", "Copy &Data"
FOCUS_INSET = 1  # px between the host's edge and its focus frame
FOCUS_EDGE = 2  # px: the focus frame's width
PNG_SCALE = 2.0  # a saved PNG has this many pixels to a pixel on screen, at least
TITLE_PAD = 4  # px above and below a title a picture gets in a band of its own
SETTLE_PASSES = 3  # deliveries of the events waiting before a picture is drawn

Table = tuple[list[str], list[list[object]]]  # (headings, rows of cells)


def scenario_name(path: str | None) -> str:
    """"spring sale" for ".../spring sale.scenario.json"; "" for none."""
    if not path:
        return ""
    name = Path(path).name
    return re.sub(r"(\.scenario)?\.json$", "", name, flags=re.IGNORECASE)


def suggested_name(chart_name: str, scenario: str, suffix: str = ".png",
                   campaign: str = "") -> str:
    """"Pool Shock Nurture – Over Time – spring sale.png" (without the campaign or the
    scenario when there is none), with characters no file system allows made "-". The
    campaign tells two campaigns' charts of one run apart (QA: both were "Contacts per
    node – pool-store.png")."""
    stem = " – ".join(part for part in (campaign, chart_name, scenario) if part)
    return default_file_name(stem, suffix)


def settle() -> None:
    """Delivers the events waiting (a chart's axes and legend are laid out, and the bars'
    legend placed, an event or two after their data or their size change): a copy asked
    for at once (Ctrl+C as the tab shows) shows the chart as it will be, not its lines
    alone. A few passes: a layout posts more (the count axis, set for a plot grown for a
    picture, lays its numbers out in the next pass: QA, a picture's axis read "0" alone)."""
    for _pass in range(SETTLE_PASSES):
        QCoreApplication.sendPostedEvents()


def plain(text: str) -> str:
    """A menu entry's text without its letter's mark: "&Copy Chart" -> "Copy Chart"."""
    return re.sub(r"&(.)", r"\1", text)


def paint_focus(widget: QWidget, painter: QPainter, rect: QRect) -> None:
    """The style's focus frame just inside ``rect``: where Ctrl+C and the Menu key act."""
    option = QStyleOptionFocusRect()
    option.initFrom(widget)
    # Shown after a click too (Fusion draws it only after Tab), as the app's lists show
    # theirs: a chart gives no other sign that it has the keys.
    option.state |= QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
    option.rect = rect.adjusted(FOCUS_INSET, FOCUS_INSET, -FOCUS_INSET, -FOCUS_INSET)
    option.backgroundColor = widget.palette().color(widget.backgroundRole())
    # Its edge only: Fusion also tints the inside, which over a whole chart dims the plot.
    inside = option.rect.adjusted(FOCUS_EDGE, FOCUS_EDGE, -FOCUS_EDGE, -FOCUS_EDGE)
    painter.save()
    painter.setClipRegion(QRegion(option.rect).subtracted(QRegion(inside)))
    widget.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter,
                                 widget)
    painter.restore()


class ChartExport(QObject):
    """The menu and the keys of one chart. ``name`` names the chart in file names ("Over
    Time"); ``title`` gives its title as shown (the SVG's title); ``table`` its numbers;
    ``anchor`` is where a menu opened from the keyboard appears (by default the host);
    ``more`` adds the chart's own entries to its menu, after a separator (Over Time: its
    Lines); ``stage`` lays the chart out for a picture while in it, and back as it was
    after (see staged); ``campaign`` names the campaign shown (in file names)."""

    def __init__(self, host: QWidget, picture: QWidget, name: str,
                 title: Callable[[], str], table: Callable[[], Table],
                 anchor: QWidget | None = None,
                 more: Callable[[QMenu], None] | None = None,
                 stage: Callable[[], AbstractContextManager[None]] | None = None,
                 campaign: Callable[[], str] | None = None) -> None:
        super().__init__(host)
        self.host = host
        self.picture = picture
        self.name = name
        self.title = title
        self.table = table
        self.anchor = anchor or host
        self.more = more
        self.stage = stage
        self.campaign = campaign or (lambda: "")  # the campaign shown, for file names
        self._staging = 0  # staged() calls under way (one inside another stages once)
        self.painting = False  # drawing the picture for a copy or a file: no focus frame
        self.menu: QMenu | None = None  # the context menu on show (kept: Qt must not lose it)
        self.last_error = ""  # the last problem shown, for tests
        self.error_box: QMessageBox | None = None
        self.actions_by_name: dict[str, QAction] = {}
        for key, text, slot in (("copy_chart", COPY_CHART, self.copy_chart),
                                ("save_chart", SAVE_CHART, self.save_dialog),
                                ("copy_data", COPY_DATA, self.copy_data)):
            action = QAction(text, host)
            action.setObjectName(key)
            action.triggered.connect(lambda _checked=False, act=slot: act())
            self.actions_by_name[key] = action
        copy = self.actions_by_name["copy_chart"]
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))  # shown in the menu;
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the host takes the key
        host.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        host.installEventFilter(self)

    # -- the menu and the keys ---------------------------------------------------------------
    def has_data(self) -> bool:
        return bool(self.table()[1])

    def show_menu(self, where: QPoint) -> QMenu:
        """The context menu at ``where`` (global): Copy Chart, Save Chart as Image…, Copy
        Data, all greyed while the chart has nothing to show; then the chart's own entries
        (``more``)."""
        if self.menu is not None:
            self.menu.close()
            self.menu.deleteLater()
        menu = QMenu(self.host)
        menu.setObjectName("chartMenu")
        ready = self.has_data()
        for key in ("copy_chart", "save_chart", "copy_data"):
            action = self.actions_by_name[key]
            action.setEnabled(ready)
            menu.addAction(action)
        if self.more is not None:
            menu.addSeparator()
            self.more(menu)
        self.menu = menu
        menu.popup(where)
        return menu

    def menu_from_keyboard(self) -> QMenu:
        anchor = self.anchor
        return self.show_menu(anchor.mapToGlobal(QPoint(anchor.width() // 4,
                                                        anchor.height() // 4)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.host:
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self._key_action(event) is not None:
            event.accept()  # ours, not the window's Copy (the canvas's)
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            act = self._key_action(event)
            if act is not None:
                act()
                event.accept()
                return True
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            if event.reason() == QContextMenuEvent.Reason.Keyboard:
                self.menu_from_keyboard()
            else:
                self.show_menu(event.globalPos())
            event.accept()
            return True
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.host.update()
            viewport = getattr(self.host, "viewport", None)
            if callable(viewport):
                viewport().update()
        return False

    def _key_action(self, event: QKeyEvent) -> Callable[[], object] | None:
        if event.matches(QKeySequence.StandardKey.Copy):
            return self.copy_chart
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Menu and modifiers == Qt.KeyboardModifier.NoModifier:
            return self.menu_from_keyboard
        if event.key() == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier:
            return self.menu_from_keyboard
        return None

    # -- pictures ----------------------------------------------------------------------------
    @contextmanager
    def staged(self) -> Iterator[None]:
        """The chart laid out for a picture (its ``stage``: nothing to change for most)
        while in this, as it was on screen after; posted events delivered, so the picture
        shows the chart as laid out."""
        # one inside another (an image of a staged chart) stages once
        stage = self.stage if self.stage is not None and not self._staging else nullcontext
        self._staging += 1
        try:
            with stage():
                settle()
                yield
        finally:
            self._staging -= 1

    def image(self) -> QImage:
        """The chart as shown (laid out for a picture: see staged), at the screen's device
        pixel ratio, without the focus frame."""
        with self.staged():
            return self._image()

    def _image(self) -> QImage:
        self.painting = True
        try:
            grabbed = self.picture.grab()
        finally:
            self.painting = False
        band = self.title_band()
        if not band:
            return grabbed.toImage()
        ratio = grabbed.devicePixelRatio()
        size = self.picture_size()
        image = QImage(math.ceil(size.width() * ratio), math.ceil(size.height() * ratio),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self.paint_title(painter, band)
            painter.drawPixmap(0, band, grabbed)
        finally:
            painter.end()
        return image

    # -- the title, in the picture ---------------------------------------------------------
    def title_shown(self) -> bool:
        """Whether the chart shows its title on screen: Qt Charts' own, or a heading over
        the plot (see ChartHeading); a chart too short for either drops it."""
        chart = getattr(self.host, "chart", None)
        if not callable(chart) or chart().title():
            return True
        return any(heading.full and heading.isVisibleTo(self.host)
                   for heading in self.host.findChildren(ChartHeading))

    def title_font(self) -> tuple[QFont, QColor]:
        """The chart's title font and colour (Qt Charts'), else the picture's own."""
        chart = getattr(self.host, "chart", None)
        if callable(chart):
            return chart().titleFont(), chart().titleBrush().color()
        return self.picture.font(), self.picture.palette().windowText().color()

    def title_band(self) -> int:
        """The px a picture gets over the chart for its title: none while the chart shows
        it; else the title's lines (wrapped to the picture's width) and TITLE_PAD."""
        title = self.title()
        if not title or self.title_shown():
            return 0
        font, _colour = self.title_font()
        width = max(1, self.picture.width() - 2 * TITLE_PAD)
        box = QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 10_000),
                                               int(Qt.TextFlag.TextWordWrap), title)
        return math.ceil(box.height()) + 2 * TITLE_PAD

    def picture_size(self) -> QSize:
        """The picture's size: the chart's on screen and the title's band over it."""
        return self.picture.size() + QSize(0, self.title_band())

    def paint_title(self, painter: QPainter, band: int) -> None:
        """The title, centred in a white band ``band`` px tall at the picture's top."""
        font, colour = self.title_font()
        width = self.picture.width()
        painter.save()
        painter.fillRect(QRect(0, 0, width, band), Qt.GlobalColor.white)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QRectF(TITLE_PAD, TITLE_PAD, width - 2 * TITLE_PAD,
                                band - 2 * TITLE_PAD),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                         self.title())
        painter.restore()

    def render_picture(self, painter: QPainter) -> None:
        """The picture with its title (see title_band), drawn by ``painter``: QWidget's
        render (a chart view's own draws its scene alone), the widget with its children,
        the legend and a heading over the plot."""
        band = self.title_band()
        self.painting = True
        try:
            if band:
                self.paint_title(painter, band)
                painter.translate(0, band)
            QWidget.render(self.picture, painter, QPoint(), QRegion(self.picture.rect()))
        finally:
            self.painting = False

    def svg(self) -> bytes:
        """The chart drawn into an SVG, its size the chart's on screen (px), its text at
        the screen's dots per inch (taking the room it takes on screen)."""

        with self.staged():
            return svg_picture(self.picture_size(), self.picture.logicalDpiX(),
                               self.title() or self.name,
                               "A chart of a simulation by Campaign Canvas",
                               self.render_picture)

    def file_image(self) -> QImage:
        """The chart for a PNG file: drawn at PNG_SCALE times its size on screen (or the
        screen's own pixel ratio, when more), for slides and print, as the canvas's Export
        Image does; its dots per inch say so, so a document shows it at its size on
        screen."""
        with self.staged():
            return self._file_image()

    def _file_image(self) -> QImage:
        ratio = max(PNG_SCALE, self.picture.devicePixelRatioF())
        size = self.picture_size()
        image = QImage(math.ceil(size.width() * ratio), math.ceil(size.height() * ratio),
                       QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise ImageExportError("not enough memory for the picture")
        dpm_x, dpm_y = image.dotsPerMeterX(), image.dotsPerMeterY()
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        try:
            painter.setRenderHints(QPainter.RenderHint.Antialiasing
                                   | QPainter.RenderHint.TextAntialiasing
                                   | QPainter.RenderHint.SmoothPixmapTransform)
            self.render_picture(painter)
        finally:
            painter.end()
        image.setDotsPerMeterX(round(dpm_x * ratio))
        image.setDotsPerMeterY(round(dpm_y * ratio))
        return image

    def png(self) -> bytes:
        image = self.file_image()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        saved = image.save(buffer, "PNG")
        buffer.close()
        if not saved:
            raise ImageExportError("the PNG picture could not be encoded")
        return bytes(data.data())

    # -- the actions -------------------------------------------------------------------------
    def copy_chart(self) -> bool:
        if not self.has_data():
            self._status("Nothing to copy yet: run a scenario first.")
            return False
        image = self.image()
        QGuiApplication.clipboard().setImage(image)
        self._status(f"Copied the chart {self.name} as a picture "
                     f"({image.width()}×{image.height()}).")
        return True

    def copy_data(self) -> bool:
        headings, rows = self.table()
        if not rows:
            self._status("Nothing to copy yet: run a scenario first.")
            return False
        QGuiApplication.clipboard().setText(tsv_text(headings, rows))
        self._status(f"Copied the numbers of {self.name}: {len(rows)} rows, tab-separated.")
        return True

    def save_dialog(self) -> Path | None:
        """Asks where (PNG or SVG, PNG first), saves, says so; one message box when it
        cannot. The saved file's path, or None."""
        if not self.has_data():
            self._status("Nothing to save yet: run a scenario first.")
            return None
        start = self.start_folder() / suggested_name(self.name, self.scenario(),
                                                     campaign=self.campaign())
        chosen, selected = self._ask(str(start))
        if not chosen:
            return None
        path = chosen_path(chosen, selected)
        # the dialog asked about the name typed, not the one with ".png" added (QA 22i: an
        # earlier picture of that name was replaced unasked)
        if str(path) != chosen and path.exists() and not self._replace_ok(path):
            return None
        try:
            self.save(path)
        except ImageExportError as exc:
            self.show_error(str(exc))
            return None
        settings = self.settings()
        if settings is not None:
            settings.setValue(FOLDER_KEY, str(path.parent))
        self._status(f"Saved the chart {self.name} to {path}.")
        return path

    def save(self, path: Path) -> None:
        """Writes the picture to ``path``: SVG for a .svg name, else PNG. Raises
        ImageExportError with one line naming the file and the problem."""
        check_target(path)
        data = self.svg() if path.suffix.lower() == ".svg" else self.png()
        write_replacing(path, data)

    # -- what the window round the chart offers ----------------------------------------------
    def _window_part(self, name: str) -> object | None:
        return getattr(self.host.window(), name, None)

    def settings(self) -> QSettings | None:
        settings = self._window_part("settings")
        return settings if isinstance(settings, QSettings) else None

    def scenario(self) -> str:
        """The name of the scenario whose run the chart shows ("" if none is known)."""
        widget: QObject | None = self.host
        while widget is not None:
            runner = getattr(widget, "runner", None)
            if runner is not None and hasattr(runner, "scenario_path"):
                return scenario_name(runner.scenario_path)
            widget = widget.parent()
        return ""

    def start_folder(self) -> Path:
        """The folder the last chart went to (the app's settings), else the user's
        pictures folder, else home."""
        settings = self.settings()
        if settings is not None:
            remembered = str(settings.value(FOLDER_KEY, "") or "")
            if remembered and Path(remembered).is_dir():
                return Path(remembered)
        pictures = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation)
        if pictures and Path(pictures).is_dir():
            return Path(pictures)
        return Path.home()

    def _ask(self, start: str) -> tuple[str, str]:
        filters = f"{PNG_FILTER};;{SVG_FILTER}"
        title = plain(SAVE_CHART).rstrip("…")
        files = self._window_part("files")
        ask = getattr(files, "ask_save_with_filter", None)
        if callable(ask):
            return ask(self.host.window(), title, start, filters, PNG_FILTER)
        return QFileDialog.getSaveFileName(self.host, title, start, filters, PNG_FILTER)

    def _replace_ok(self, path: Path) -> bool:
        files = self._window_part("files")
        ask = getattr(files, "ask_replace_file", None)
        if callable(ask):
            return bool(ask(path))
        return QMessageBox.question(
            self.host, "Replace the file?", f"{path.name} already exists in {path.parent}."
            "\n\nReplace it?") == QMessageBox.StandardButton.Yes

    def show_error(self, message: str) -> None:
        """One message box naming the file and the problem (the window's, when it has
        one)."""
        self.last_error = message
        files = self._window_part("files")
        show = getattr(files, "show_error", None)
        if callable(show):
            show(message)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Campaign Canvas", message,
                          QMessageBox.StandardButton.Ok, self.host)
        box.setObjectName("errorBox")
        box.open()
        self.error_box = box

    def _status(self, message: str) -> None:
        show = self._window_part("show_status")
        if callable(show):
            show(message)
