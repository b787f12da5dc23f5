"""The purchase goal dialog: R10 settings round-trip, R11 keeps Save disabled, one undo."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from canvas_app.domain.purchase import PurchaseGoalConfig
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.purchase_goal import PurchaseGoalDialog
from canvas_app.ui.dialogs.widgets import INVALID_COLOUR

from .helpers import click, red_frame_drawn, snapshot


def open_goal(qtbot, workspace, undo_stack, campaign="shock-nurture", node="bought-shock"):
    dialog = open_node_editor(None, workspace, undo_stack, campaign, node)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, PurchaseGoalDialog)
    assert dialog.objectName() == "purchaseGoalDialog"
    assert dialog.isVisible()
    return dialog


def test_opens_with_the_goal_settings(qtbot, workspace, undo_stack):
    dialog = open_goal(qtbot, workspace, undo_stack, "checkup-onboarding", "subscribed")
    assert dialog.name_edit.text() == "Subscribed to checkup"
    assert dialog.products_box.isChecked() and dialog.categories_box.isChecked()
    assert not dialog.any_box.isChecked() and not dialog.order_forms_box.isChecked()
    assert dialog.products_list.checked_ids() == ["checkup"]
    assert dialog.categories_list.checked_ids() == ["services"]
    assert dialog.some_payment.isChecked()
    assert dialog.payment_list.checked_ids() == ["credit_card", "paypal"]
    assert dialog.any_contact_radio.isChecked()
    assert dialog.save_button.isEnabled()
    assert not dialog.problem_label.isVisible()


def test_legacy_order_forms_are_marked(qtbot, workspace, undo_stack):
    dialog = open_goal(qtbot, workspace, undo_stack)
    labels = [dialog.order_forms_list.list.item(i).text()
              for i in range(dialog.order_forms_list.list.count())]
    # in the Catalog's order (by name, "(legacy)" aside), the legacy one marked
    assert labels == ["Classic Order Form (legacy)", "Pool Shock Order Form",
                      "Spring Opening Order Form"]


def test_placement_help_names_the_sequences_around_the_goal(qtbot, workspace, undo_stack):
    dialog = open_goal(qtbot, workspace, undo_stack)
    text = dialog.findChild(QLabel, "placementHelp").text()
    assert 'forward into "Post-purchase"' in text
    assert 'After "Nurture"' in text and 'out of "Nurture"' in text


def test_save_round_trips_options_and_payment_types_and_is_one_undo_step(
        qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_goal(qtbot, workspace, undo_stack)
    dialog.name_edit.setText("Bought shock or chemicals")
    dialog.order_forms_box.setChecked(True)
    dialog.order_forms_list.set_checked("shock-form")
    dialog.order_forms_list.set_checked("classic-form")
    dialog.categories_box.setChecked(True)
    dialog.categories_list.set_checked("chemicals")
    dialog.products_list.set_checked("stabilizer")
    dialog.some_payment.setChecked(True)
    dialog.payment_list.set_checked("paypal")
    dialog.payment_list.set_checked("check")
    dialog.any_contact_radio.setChecked(True)
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert undo_stack.count() == 1

    node = workspace.campaign("shock-nurture").node("bought-shock")
    assert node.name == "Bought shock or chemicals"
    assert node.config == PurchaseGoalConfig(
        any_purchase=False, use_order_forms=True, order_forms=["shock-form", "classic-form"],
        use_products=True, products=["stabilizer", "shock"], use_categories=True,
        categories=["chemicals"], payment_types=["paypal", "check"],
        achieved_by="any_contact")
    after = snapshot(workspace)

    reopened = open_goal(qtbot, workspace, undo_stack)
    assert reopened.name_edit.text() == "Bought shock or chemicals"
    assert reopened.order_forms_box.isChecked() and reopened.categories_box.isChecked()
    assert reopened.products_box.isChecked() and not reopened.any_box.isChecked()
    assert reopened.order_forms_list.checked_ids() == ["shock-form", "classic-form"]
    assert reopened.products_list.checked_ids() == ["stabilizer", "shock"]
    assert reopened.categories_list.checked_ids() == ["chemicals"]
    assert reopened.some_payment.isChecked()
    assert reopened.payment_list.checked_ids() == ["paypal", "check"]
    assert reopened.any_contact_radio.isChecked()
    reopened.reject()

    undo_stack.undo()
    assert snapshot(workspace) == before
    undo_stack.redo()
    assert snapshot(workspace) == after


def test_any_payment_types_round_trip(qtbot, workspace, undo_stack):
    dialog = open_goal(qtbot, workspace, undo_stack, "checkup-onboarding", "subscribed")
    dialog.any_payment.setChecked(True)
    dialog.any_box.setChecked(True)
    click(qtbot, dialog.save_button)
    config = workspace.campaign("checkup-onboarding").node("subscribed").config
    assert config.payment_types == "any" and config.any_purchase
    reopened = open_goal(qtbot, workspace, undo_stack, "checkup-onboarding", "subscribed")
    assert reopened.any_payment.isChecked() and reopened.any_box.isChecked()
    assert not reopened.payment_list.isEnabled()


def test_cancel_changes_nothing(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_goal(qtbot, workspace, undo_stack)
    dialog.name_edit.setText("Something else")
    dialog.any_box.setChecked(True)
    click(qtbot, dialog.cancel_button)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert undo_stack.count() == 0
    assert snapshot(workspace) == before


def test_save_without_a_change_pushes_nothing(qtbot, workspace, undo_stack):
    dialog = open_goal(qtbot, workspace, undo_stack)
    click(qtbot, dialog.save_button)
    assert undo_stack.count() == 0


def assert_refused(dialog, *fragments):
    assert not dialog.save_button.isEnabled()
    assert dialog.value() is None
    assert not dialog.problem_label.isHidden()
    text = dialog.problem_label.text()
    for fragment in fragments:
        assert fragment in text, text


def test_r11_no_option_selected(qtbot, workspace, undo_stack):
    dialog = open_goal(qtbot, workspace, undo_stack)
    dialog.products_box.setChecked(False)
    assert_refused(dialog, 'No purchase option is ticked: tick "Order form", "Any purchase", '
                           '"Specific product purchase" or "Product in a specific category '
                           'purchase"')
    dialog.any_box.setChecked(True)
    assert dialog.save_button.isEnabled() and dialog.problem_label.isHidden()


@pytest.mark.parametrize("box, chooser, message", [
    ("order_forms_box", "order_forms_list",
     'The "Order form" option is ticked but no order form is chosen'),
    ("products_box", "products_list",
     'The "Specific product purchase" option is ticked but no product is chosen'),
    ("categories_box", "categories_list",
     ('The "Product in a specific category purchase" option is ticked but no '
      "category is chosen")),
])
def test_r11_option_ticked_with_nothing_chosen(qtbot, workspace, undo_stack, box, chooser,
                                               message):
    dialog = open_goal(qtbot, workspace, undo_stack)
    for item_id in getattr(dialog, chooser).checked_ids():
        getattr(dialog, chooser).set_checked(item_id, False)
    getattr(dialog, box).setChecked(True)
    assert_refused(dialog, message)
    assert getattr(dialog, chooser).list.property("invalid")  # the field is marked
    first = getattr(dialog, chooser).ids()[0]
    getattr(dialog, chooser).set_checked(first)
    assert dialog.save_button.isEnabled()
    assert not getattr(dialog, chooser).list.property("invalid")


def test_r11_no_payment_type_and_not_any(qtbot, workspace, undo_stack):
    dialog = open_goal(qtbot, workspace, undo_stack)
    dialog.some_payment.setChecked(True)
    assert dialog.payment_list.isEnabled()
    assert_refused(dialog, '"Only these payment types" is chosen but no payment type is '
                           'ticked: tick one, or choose "Any payment types"')
    assert dialog.payment_list.list.property("invalid")
    dialog.payment_list.set_checked("cash")
    assert dialog.save_button.isEnabled()


def test_r11_id_not_in_the_catalog(qtbot, workspace, undo_stack):
    node = workspace.campaign("shock-nurture").node("bought-shock").copy()
    node.config.products = ["shock", "ghost"]
    node.config.payment_types = ["bitcoin"]
    workspace.campaign("shock-nurture").replace_node(node)
    dialog = open_goal(qtbot, workspace, undo_stack)
    assert "ghost (not in the catalog)" in [
        dialog.products_list.list.item(i).text()
        for i in range(dialog.products_list.list.count())]
    assert_refused(dialog, 'No product "ghost" in the catalog',
                   'No payment type "bitcoin" in the catalog')
    dialog.products_list.set_checked("ghost", False)
    dialog.payment_list.set_checked("bitcoin", False)
    dialog.payment_list.set_checked("credit_card")
    assert dialog.save_button.isEnabled()


def test_empty_name_is_refused(qtbot, workspace, undo_stack):
    dialog = open_goal(qtbot, workspace, undo_stack)
    dialog.name_edit.setText("   ")
    assert_refused(dialog, "The name cannot be empty")


def test_product_search_filters_by_substring(qtbot, workspace, undo_stack):
    dialog = open_goal(qtbot, workspace, undo_stack)
    search = dialog.findChild(QLineEdit, "productSearch")
    assert search is not None
    search.setText("pool")
    assert len(dialog.products_list.visible_ids()) == 4
    search.setText("STAB")
    assert dialog.products_list.visible_ids() == ["stabilizer"]
    search.clear()
    assert len(dialog.products_list.visible_ids()) == 4


def test_problem_banner_does_not_move_the_form(qtbot, workspace, undo_stack):
    dialog = open_goal(qtbot, workspace, undo_stack)
    qtbot.waitExposed(dialog)
    products = dialog.products_list.list

    def where():
        dialog.layout().activate()
        return products.mapTo(dialog, products.rect().topLeft()), products.size()

    without = where()
    assert dialog.problem_label.isHidden()
    dialog.products_box.setChecked(False)  # R11: no purchase option selected
    assert not dialog.problem_label.isHidden()
    assert where() == without
    dialog.products_box.setChecked(True)
    assert dialog.problem_label.isHidden()
    assert where() == without


def test_enter_in_product_search_does_not_save(qtbot, workspace, undo_stack):
    from PySide6.QtCore import Qt

    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "subscribed")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.products_box.setChecked(True)
    search = dialog.products_list.search
    search.setFocus()
    qtbot.keyClicks(search, "mitt")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert undo_stack.count() == 0
    assert dialog.products_list.list.currentItem().text() == "Pool Scrubbing Mitt"


def test_small_window_scrolls_instead_of_overlapping(qtbot, workspace, undo_stack):
    """QA 3: at 800 x 560 help texts overlapped the widgets below and lists showed 1.5
    rows. Now the form scrolls, nothing overlaps and every list shows four rows or more."""
    from .helpers import overlapping_widgets

    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "subscribed")
    qtbot.addWidget(dialog)
    dialog.resize(800, 560)
    qtbot.waitExposed(dialog)
    qtbot.wait(10)
    assert dialog.height() == 560
    assert dialog.scroll_area.verticalScrollBar().maximum() > 0  # the form scrolls
    assert dialog.buttons.isVisible()  # the buttons stay outside the scrolling part
    assert not dialog.scroll_area.isAncestorOf(dialog.save_button)
    assert overlapping_widgets(dialog.scroll_area.widget()) == []
    for chooser in (dialog.order_forms_list, dialog.products_list, dialog.categories_list,
                    dialog.payment_list):
        assert chooser.list.height() >= chooser.list.rows_height(4)


def test_default_size_fits_a_laptop_screen(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "subscribed")
    qtbot.addWidget(dialog)
    available = dialog.screen().availableGeometry()
    # within the screen with room for a title bar (it opens at 960 x 680 where that fits
    # its content, larger at a larger font: see test_large_font_editors)
    assert dialog.height() <= available.height() - 40
    assert dialog.width() <= available.width() - 20


def test_placement_help_shows_names_as_they_are_spelled(qtbot, workspace, undo_stack):
    """QA: a sequence named "Nurture <i>VIP</i> & x<y" lost its end and turned italic."""
    campaign = workspace.campaign("shock-nurture")
    campaign.node("nurture").name = "Nurture <i>VIP</i> & x<y"
    dialog = open_goal(qtbot, workspace, undo_stack)
    label = dialog.findChild(QLabel, "placementHelp")
    document = QTextDocument()
    document.setHtml(label.text())
    assert 'After "Nurture <i>VIP</i> & x<y". Achieving it' in document.toPlainText()


def test_a_wide_window_gives_the_room_to_the_purchase_options(qtbot, workspace, undo_stack):
    """QA: at 1600 px the options (four lists) stayed narrow while the payment types' box
    took 900 px for six rows. Narrower, the options keep the width their rows need."""
    from PySide6.QtWidgets import QGroupBox

    dialog = open_goal(qtbot, workspace, undo_stack)
    options = dialog.findChild(QGroupBox, "purchaseOptions")
    payments = dialog.findChild(QGroupBox, "paymentTypes")
    dialog.resize(1600, 990)
    qtbot.waitUntil(lambda: options.width() > 1.3 * payments.width())
    dialog.resize(900, 680)
    qtbot.waitUntil(lambda: dialog.width() == 900)
    assert options.width() >= options.minimumSizeHint().width()


def test_r11_the_dialog_shows_the_domains_own_messages(qtbot, workspace, undo_stack):
    """R11: one message everywhere (QA: the dialog had words of its own); the messages name
    the options by the labels the dialog shows them with."""
    from canvas_app.domain.purchase import (
        ANY_PAYMENT_TYPES_LABEL,
        ANY_PURCHASE_LABEL,
        SOME_PAYMENT_TYPES_LABEL,
        PurchaseGoalConfig,
        validate_purchase,
    )
    from canvas_app.ui.dialogs.purchase_goal import label_of

    dialog = open_goal(qtbot, workspace, undo_stack)
    assert label_of(dialog.any_box) == ANY_PURCHASE_LABEL
    assert label_of(dialog.some_payment) == SOME_PAYMENT_TYPES_LABEL
    assert label_of(dialog.any_payment) == ANY_PAYMENT_TYPES_LABEL
    dialog.products_box.setChecked(False)
    dialog.some_payment.setChecked(True)
    domain = validate_purchase(PurchaseGoalConfig(payment_types=[]), workspace.catalog)
    shown = dialog.problem_label.text()
    for problem in domain:
        assert problem.message[:1].upper() + problem.message[1:] in shown


def test_no_option_ticked_frames_the_options_group_in_red(qtbot, workspace, undo_stack):
    """R11's "no purchase option is ticked" is about the options as a whole: their group
    gets the red frame (below its title), no single list does; ticking one takes it away."""
    dialog = open_goal(qtbot, workspace, undo_stack)
    qtbot.waitExposed(dialog)
    group = dialog.options_group
    assert not red_frame_drawn(group)
    dialog.products_box.setChecked(False)  # the only option ticked
    assert red_frame_drawn(group)
    assert not any(red_frame_drawn(chooser.list) for chooser in (
        dialog.order_forms_list, dialog.products_list, dialog.categories_list))
    title_row = group.grab().toImage().pixelColor(0, 2).name()
    assert title_row != INVALID_COLOUR  # the title stands above the frame, not inside it
    dialog.any_box.setChecked(True)
    assert not group.property("invalid") and not red_frame_drawn(group)
