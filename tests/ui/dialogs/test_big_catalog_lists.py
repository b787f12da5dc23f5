"""Long catalog lists measured once, not at every layout: the check lists remember each
row's size (per text, width and font), lay out rows of one line as one size, and search
without asking every row again; the Catalog window writes a cell's tooltip when it is
asked for; lists and tables measure their rows without the app style's Python methods.
What the user sees stays as it was: the same sizes, the same wrapping, the same tooltips."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QStyleFactory,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
)

from canvas_app.domain.catalog import Product
from canvas_app.domain.usage import describe_usages, where_used
from canvas_app.ui.dialogs import open_catalog_manager
from canvas_app.ui.dialogs.check_list import CheckList
from canvas_app.ui.dialogs.wrapped_rows import WrappedRowsDelegate
from canvas_app.ui.theme import AppStyle, use_item_view_style
from canvas_app.ui.tooltip_text import wrapped_tooltip

WORDS = ("Pool", "Spa", "Filter", "Pump", "Chlorine", "Heater", "Cover")
LABELS = [f"Product number {i} {WORDS[i % 7]}" + (" deluxe edition" * (i % 3))
          for i in range(240)]
LABELS += ["泳池化学品套装 and a filter", "Spa & Hot Tub <b>fan</b>", "x" * 150,
           "שמן ושטיפה לבריכה", "Ozone 🌊 cleaner"]


def check_list(qtbot, labels: list[str], width: int = 420) -> CheckList:
    chooser = CheckList("bigList", "bigSearch")
    qtbot.addWidget(chooser)
    chooser.set_items([(f"p{i}", label) for i, label in enumerate(labels)], ["p7"])
    chooser.resize(width, 400)
    chooser.show()
    qtbot.waitExposed(chooser)
    return chooser


def measured_afresh(view, option: QStyleOptionViewItem, row: int):
    """The row's size from a delegate that has remembered nothing."""
    return WrappedRowsDelegate(view).sizeHint(option, view.model().index(row, 0))


@pytest.mark.parametrize("widths", [(420, 180, 260, 180, 600), (150, 700, 151)])
def test_remembered_sizes_are_the_sizes_measured_afresh(qtbot, widths):
    chooser = check_list(qtbot, LABELS)
    view = chooser.list
    delegate = view.itemDelegate()
    for width in widths:  # the list laid out at each width, its sizes remembered
        chooser.resize(width, 400)
        qtbot.waitUntil(lambda w=width: chooser.width() == w)
        view.doItemsLayout()
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = QRect(0, 0, view.viewport().width(), 200)
        for row in range(view.count()):
            index = view.model().index(row, 0)
            assert delegate.sizeHint(option, index) == measured_afresh(view, option, row), \
                (width, view.item(row).text())
        option.rect = QRect()  # no width: on one line
        for row in range(0, view.count(), 7):
            index = view.model().index(row, 0)
            assert delegate.sizeHint(option, index) == measured_afresh(view, option, row)


def test_rows_of_one_line_are_laid_out_as_one_size_and_long_ones_still_wrap(qtbot):
    short = [f"Filter {i}" for i in range(300)]
    chooser = check_list(qtbot, short)
    view = chooser.list
    view.doItemsLayout()
    assert view.uniformItemSizes()
    heights = {view.visualItemRect(view.item(row)).height() for row in range(view.count())}
    assert len(heights) == 1
    # a long name among them: it wraps onto two lines, the others keep one
    chooser.set_items([(f"p{i}", label) for i, label in enumerate(
        [*short, "A rather long product name that cannot fit on a single line here"])])
    chooser.resize(240, 400)
    qtbot.waitUntil(lambda: chooser.width() == 240)
    view.doItemsLayout()
    assert not view.uniformItemSizes()
    long_row = view.item(view.count() - 1)
    one_line = view.visualItemRect(view.item(0)).height()
    assert view.visualItemRect(long_row).height() > one_line
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = QRect(0, 0, view.viewport().width(), 200)
    assert view.visualItemRect(long_row).height() == measured_afresh(
        view, option, view.count() - 1).height()


def test_a_text_in_a_taller_script_keeps_its_taller_row(qtbot):
    chooser = check_list(qtbot, [f"Filter {i}" for i in range(50)] + ["泳池化学品 🌊"])
    view = chooser.list
    view.doItemsLayout()
    last = view.item(view.count() - 1)
    assert view.visualItemRect(last).height() >= view.visualItemRect(view.item(0)).height()
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = QRect(0, 0, view.viewport().width(), 200)
    assert view.visualItemRect(last).height() == measured_afresh(
        view, option, view.count() - 1).height()


def test_the_search_shows_the_rows_whose_whole_label_has_the_text(qtbot):
    chooser = check_list(qtbot, LABELS)
    for typed in ("pump", "1", "DELUXE", "<b>", "x" * 120, "nothing like it", ""):
        chooser.search.setText(typed)
        needle = typed.strip().casefold()
        expected = [f"p{i}" for i, label in enumerate(LABELS) if needle in label.casefold()]
        assert chooser.visible_ids() == expected
        assert chooser.no_match_label.text() == (
            f'No matches for "{typed}".' if needle and not expected else "")


def test_a_catalog_cell_writes_its_tooltip_when_asked(qtbot, workspace, undo_stack):
    long_name = "Pool opening kit with chlorine, shock and a brand new filter cartridge"
    workspace.catalog.add_product(Product("long", long_name))
    dialog = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    table = dialog.tables["products"]
    used_column = table.columnCount() - 1
    checked = 0
    for row in range(table.rowCount()):
        item_id = table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        usages = where_used(workspace, "products", item_id)
        cell = table.item(row, used_column)
        expected = wrapped_tooltip(describe_usages(usages)) if usages else ""
        assert cell.toolTip() == expected
        # as a view asks for it: through the model
        index = table.model().index(row, used_column)
        assert (index.data(Qt.ItemDataRole.ToolTipRole) or "") == expected
        checked += bool(usages)
    assert checked  # the sample's products are used somewhere
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == long_name)
    assert table.item(row, 0).toolTip() == wrapped_tooltip(long_name)


@pytest.fixture
def app_style(qtbot):  # noqa: ARG001  (qtbot makes the QApplication)
    app = QApplication.instance()
    before = app.style()
    name = before.baseStyle().name() if isinstance(before, AppStyle) else before.name()
    if not isinstance(before, AppStyle):
        app.setStyle(AppStyle(name))
    yield app.style()
    if not isinstance(before, AppStyle):
        app.setStyle(QStyleFactory.create(name))


def test_item_views_measure_their_rows_as_the_app_style_does(qtbot, app_style):
    plain = QTableWidget(0, 2)
    fast = QTableWidget(0, 2)
    for table in (plain, fast):
        qtbot.addWidget(table)
        table.setRowCount(len(LABELS))
        for row, label in enumerate(LABELS):
            table.setItem(row, 0, QTableWidgetItem(label))
            table.setItem(row, 1, QTableWidgetItem(f"{row * 3.5:.2f}"))
    use_item_view_style(fast)
    assert plain.style() is app_style
    assert not isinstance(fast.style(), AppStyle)
    assert fast.style().name() == app_style.baseStyle().name()
    for table in (plain, fast):
        table.show()
        table.resizeColumnsToContents()
    assert [fast.columnWidth(c) for c in range(2)] == [plain.columnWidth(c) for c in range(2)]
    assert fast.sizeHintForRow(3) == plain.sizeHintForRow(3)
    assert fast.grab().toImage() == plain.grab().toImage()  # the same look
