"""The rows of the editors' lists: labels cut to one line, tooltips of a cut row, and the
delegate that wraps long names over several lines and remembers each row's size (a list
of 2,000 products is measured once, not on every search)."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from ...domain.steps import shorten

# the whole label of a row whose text is shortened (see CheckList.LABEL_MAX)
LABEL_ROLE = Qt.ItemDataRole.UserRole + 1

_R = Qt.ItemDataRole
DISPLAY, CHECK, DECORATION = int(_R.DisplayRole), int(_R.CheckStateRole), int(_R.DecorationRole)
RowKind = tuple[bool, bool, str]  # a check box, an icon, the font's key
HintKey = tuple[str, int, bool, RowKind]  # text, rectangle's width and validity, kind
# roles whose change leaves a row's size as it is
SIZE_NEUTRAL_ROLES = frozenset(int(r) for r in (
    _R.CheckStateRole, _R.ToolTipRole, _R.StatusTipRole, _R.WhatsThisRole,
    _R.BackgroundRole, _R.ForegroundRole, _R.AccessibleTextRole,
    _R.AccessibleDescriptionRole)) | frozenset(range(int(_R.UserRole), int(_R.UserRole) + 16))
LINE_BREAKS = "\n\r\t\v\f\u2028\u2029"
PRINTABLE_ASCII = "".join(map(chr, range(32, 127)))
HAS_DECORATION = QStyleOptionViewItem.ViewItemFeature.HasDecoration


TOOLTIP_MAX = 600  # characters of a shortened row's text its tooltip gives


def row_tooltip(text: str) -> str:
    """The tooltip of a row that shows ``text`` shortened: the text as spelled (never read
    as HTML) and wrapped, up to :data:`TOOLTIP_MAX` characters."""
    return f"<p>{html.escape(shorten(text, TOOLTIP_MAX))}</p>"


def row_label(text: str, limit: int) -> str:
    """``text`` as a row shows it: as it is, unless longer than ``limit`` or on several
    lines (then shortened on one line, see :func:`shorten`)."""
    if len(text) <= limit and not any(c in text for c in LINE_BREAKS):
        return text
    return shorten(text, limit)


def elide_long_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` with each word wider than ``width`` px (a long name with no space, which a
    wrapped row cannot break) cut to fit with "…"."""
    words = text.split(" ")
    if all(metrics.horizontalAdvance(word) <= width for word in words):
        return text
    return " ".join(metrics.elidedText(word, Qt.TextElideMode.ElideRight, width)
                    for word in words)


class WrappedRowsDelegate(QStyledItemDelegate):
    """Row heights for wrapped rows whose text needs a taller font than the list's for some
    letters (Chinese, Hebrew, an emoji): Qt counted the lines one or two pixels short, and
    the row's second line was cut to "…".

    A word wider than the row (a 200-letter name with no space) ends in "…" instead of
    running past the row's edge, and the row's tooltip then gives the whole text.

    A row's size is measured once per text, width and font (see :meth:`sizeHint`): the list
    asks for every row's size at every layout (a search typed, the window resized), and
    measuring 2,000 products took a second at each key."""

    CACHE_MOST = 40_000  # sizes kept, at most (then measured afresh)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hints: dict[HintKey, QSize] = {}  # see sizeHint
        # (width, kind of row) -> [widest one-line size seen kept there, text's room]
        self._frontiers: dict[tuple[int, RowKind], list[int]] = {}
        self._tall: dict[tuple[str, str], bool] = {}  # (text, font) -> needs more height
        self._text_widths: dict[tuple[int, int, object], int] = {}  # see text_width
        self._longest_words: dict[tuple[str, str], int] = {}  # see longest_word
        self._font = QFont()
        self._font_key = self._font.key()

    def forget(self) -> None:
        """Measures every row afresh (the list's font or style changed)."""
        self._hints.clear()
        self._frontiers.clear()
        self._tall.clear()
        self._text_widths.clear()
        self._longest_words.clear()

    def font_key(self, font: QFont) -> str:
        """``font.key()``, remembered for the last font (a key takes a few µs)."""
        if font != self._font:
            self._font = QFont(font)
            self._font_key = font.key()
        return self._font_key

    def text_width(self, option: QStyleOptionViewItem) -> int:
        """The width a row's text has in ``option``'s rectangle (0: not known): the same
        for every text (remembered per rectangle and row features)."""
        rect = option.rect
        width = rect.width()
        if width <= 0:
            return 0
        features = option.features
        key = (width, rect.height(), features)
        known = self._text_widths.get(key)
        if known is not None:
            return known
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        known = text_rect.width() - 2 * margin
        if not features & HAS_DECORATION:  # an icon's size is not in the key
            if len(self._text_widths) >= self.CACHE_MOST:
                self._text_widths.clear()
            self._text_widths[key] = known
        return known

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802  (Qt's name)
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        text = option.text
        if text:
            width = self.text_width(option)
            if width > 0 and self.longest_word(text, option) > width:
                option.text = elide_long_words(text, option.fontMetrics, width)

    def longest_word(self, text: str, option: QStyleOptionViewItem) -> int:
        """The width of ``text``'s widest word in ``option``'s font (remembered: a
        text's width takes Qt 20-30 µs to measure)."""
        font = option.font
        key = (text, self._font_key if font == self._font else self.font_key(font))
        width = self._longest_words.get(key)
        if width is None:
            metrics = option.fontMetrics
            width = max(metrics.horizontalAdvance(word) for word in text.split(" "))
            if len(self._longest_words) >= self.CACHE_MOST:
                self._longest_words.clear()
            self._longest_words[key] = width
        return width

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        """The whole text as the tooltip of a row that shows it cut."""
        if event.type() == QEvent.Type.ToolTip and not index.data(Qt.ItemDataRole.ToolTipRole):
            shown = QStyleOptionViewItem(option)
            self.initStyleOption(shown, index)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(text, str) and shown.text != text:
                whole = index.data(LABEL_ROLE)
                QToolTip.showText(event.globalPos(),
                                  row_tooltip(whole if isinstance(whole, str) else text), view)
                return True
        return super().helpEvent(event, view, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                 ) -> QSize:  # noqa: N802  (Qt's name)
        """Qt's size for the row, taller for a text that needs a taller font (see
        :meth:`is_tall`), remembered per text, width, kind of row and font. At a width
        not seen before, a text narrower than one that kept its one-line size there keeps
        its own one-line size too, unmeasured (see :meth:`_measure`)."""
        text = index.data(DISPLAY)
        if not isinstance(text, str) or not text:
            return super().sizeHint(option, index)
        rect = option.rect
        width = rect.width()
        font = option.font
        group = (index.data(CHECK) is not None, index.data(DECORATION) is not None,
                 self._font_key if font == self._font else self.font_key(font))
        key = (text, width, width > 0 and rect.height() > 0, group)
        hint = self._hints.get(key)
        if hint is None:
            hint = self._measure(option, index, key)
        return QSize(hint)

    def _measure(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex, key: HintKey) -> QSize:
        text, width, valid, group = key
        if not valid:
            return self._remember(key, self._qt_size(option, index, text))
        whole = QStyleOptionViewItem(option)
        whole.rect = QRect()  # no width to wrap in: the text on one line
        natural = self._hints.get((text, 0, False, group))
        if natural is None:
            natural = self._remember((text, 0, False, group),
                                     self._qt_size(whole, index, text))
        frontier = self._frontiers.get((width, group))
        if frontier is None:  # [the widest one-line size kept here, the text's room]
            shown = QStyleOptionViewItem(option)
            self.initStyleOption(shown, index)
            frontier = self._frontiers[(width, group)] = [-1, self.text_width(shown)]
        one_line = natural.width()
        # narrower than a row that did not wrap here (so no wrap), and within the text's
        # room (so no word cut with "…"): the same size as on one line
        if one_line < frontier[0] and one_line + 2 <= frontier[1]:
            return self._remember(key, QSize(natural))
        hint = self._qt_size(option, index, text)
        if hint == natural and one_line > frontier[0]:
            frontier[0] = one_line
        return self._remember(key, hint)

    def _qt_size(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex, text: str) -> QSize:
        hint = super().sizeHint(option, index)
        metrics = option.fontMetrics
        if self.is_tall(text, option.font, metrics.height()):
            lines = max(1, round(hint.height() / metrics.lineSpacing()))
            hint.setHeight(hint.height() + 2 * lines + 2)
        return hint

    def _remember(self, key: HintKey, hint: QSize) -> QSize:
        if len(self._hints) >= self.CACHE_MOST:
            self._hints.clear()
            self._frontiers.clear()
        self._hints[key] = hint
        return hint

    def is_tall(self, text: str, font: QFont, height: int) -> bool:
        """Whether ``text`` on one line in ``font`` is taller than ``height`` (the font's
        lines): it has letters from a taller fallback font (Chinese, Hebrew, an emoji)."""
        key = (text, self.font_key(font))
        tall = self._tall.get(key)
        if tall is None:
            if text != PRINTABLE_ASCII and text.isascii() and text.isprintable() \
                    and not self.is_tall(PRINTABLE_ASCII, font, height):
                tall = False  # its letters are among these, none taller than the font
            else:
                layout = QTextLayout(text, font)
                layout.beginLayout()
                line = layout.createLine()  # the whole text on one line: its tallest letters
                layout.endLayout()
                tall = line.isValid() and line.height() > height
            self._tall[key] = tall
        return tall
