"""Names people type are shown as spelled, never read as HTML (QA: a node named
"Nurture <i>VIP</i> & x<y" turned italic and lost "<y" in the tag goal's "Where it sits";
"Salt & Pepper <b>Kit</b> x<y" turned bold in the action set's title; a tag "Spa & Hot Tub
<b>fan</b>" turned bold in "Also ticked, out of sight"; a typed product name did in the
E-Commerce window's message)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QGroupBox, QLabel

from canvas_app.domain.catalog import Product
from canvas_app.domain.steps import Step
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.ecommerce_actions import EcommerceActionsDialog

NODE = "Nurture <i>VIP</i> & x<y"
PRODUCT = "Salt & Pepper <b>Kit</b> x<y"
TAG = "Spa & Hot Tub <b>fan</b>"


def shown(label: QLabel) -> str:
    """The words a label draws: its text, or what its HTML comes to."""
    assert label.textFormat() in (Qt.TextFormat.PlainText, Qt.TextFormat.RichText), \
        f"{label.objectName()}: Qt would guess whether {label.text()!r} is HTML"
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def tricky(workspace):
    campaign = workspace.campaign("checkup-onboarding")
    campaign.node("onboarding").name = NODE
    campaign.node("visit-booked").config.tags.append(TAG)
    workspace.catalog.products["salt"] = Product(id="salt", name=PRODUCT)
    workspace.ecommerce.product_action_sets["salt"] = [Step(kind="apply_tag", tag=TAG)]
    return workspace


def test_where_the_tag_goal_sits_names_the_node_as_spelled(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, tricky(workspace), undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    placement = dialog.findChild(QLabel, "placementHelp")
    text = shown(placement)
    assert text.startswith(f'Where it sits: After "{NODE}". Achieving it takes the '
                           f'contact out of "{NODE}"')
    assert "<b>Where it sits:</b>" in placement.text()  # the heading stays bold


def test_ticked_tags_out_of_sight_are_named_as_spelled(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, tricky(workspace), undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.tag_list.search, "booked")  # hides the ticked TAG
    line = dialog.tag_list.out_of_sight_label
    qtbot.waitUntil(line.isVisible)
    assert shown(line) == f"Also ticked, out of sight: {TAG}"


def test_no_match_names_the_search_as_typed(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.tag_list.search, "<b>x</b> & y<z")
    assert shown(dialog.tag_list.no_match_label) == 'No matches for "<b>x</b> & y<z".'


def test_the_action_set_title_names_the_product_as_spelled(qtbot, workspace):
    dialog = ActionSetDialog(tricky(workspace), "product:salt")
    qtbot.addWidget(dialog)
    title = dialog.findChild(QLabel, "actionSetTitle")
    assert shown(title) == f"Product: {PRODUCT}"
    assert title.text().startswith("<b>")  # still bold, as a whole
    assert dialog.windowTitle() == f'Actions of product "{PRODUCT}"'
    assert dialog.steps_editor.list.item(0).text() == f'1. Apply tag "{TAG}"'


def test_no_product_named_so_quotes_what_was_typed(qtbot, workspace, undo_stack):
    dialog = EcommerceActionsDialog(tricky(workspace), undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.product_edit, "<b>Kit</b> & x<z")
    qtbot.keyClick(dialog.product_edit, Qt.Key.Key_Return)
    assert shown(dialog.product_problem) == (
        'No product in the catalog is named "<b>Kit</b> & x<z" or has it in its name '
        "(products are added in Workspace > Catalog\N{HORIZONTAL ELLIPSIS}).")


def test_the_placement_sits_below_who_can_achieve_as_in_the_purchase_goal(
        qtbot, workspace, undo_stack):
    """QA: drawn inside the "Who can achieve this goal" box; the purchase goal has it
    below its boxes."""
    for node_id, campaign in (("visit-booked", "checkup-onboarding"),
                              ("bought-shock", "shock-nurture")):
        dialog = open_node_editor(None, workspace, undo_stack, campaign, node_id)
        qtbot.addWidget(dialog)
        dialog.show()
        placement = dialog.findChild(QLabel, "placementHelp")
        who = dialog.findChild(QGroupBox, "achievedBy")
        assert not who.isAncestorOf(placement), node_id
        assert placement.parentWidget() is who.parentWidget(), node_id
        top = placement.mapTo(dialog, QPoint(0, 0)).y()
        assert top >= who.mapTo(dialog, QPoint(0, who.height())).y(), node_id


def test_a_long_product_name_is_quoted_in_part_in_the_title_and_undo(qtbot, workspace,
                                                                     undo_stack):
    from canvas_app.domain.names import SHORT_NAME_LENGTH

    name = "Salt & Pepper <b>Kit</b> with a very long description " * 5
    workspace.catalog.products["salt"] = Product(id="salt", name=name)
    dialog = ActionSetDialog(workspace, "product:salt")
    qtbot.addWidget(dialog)
    quoted = dialog.windowTitle()[len('Actions of product "'):-1]
    assert len(quoted) == SHORT_NAME_LENGTH and quoted.endswith("\N{HORIZONTAL ELLIPSIS}")
    assert name.startswith(quoted[:-1])
    dialog.steps_editor.add("apply_tag")
    dialog.steps_editor.form.tag_edit.setText("Salt")
    dialog.push_to(undo_stack)
    assert undo_stack.undoText() == f'Edit actions of product "{quoted}"'
    assert shown(dialog.findChild(QLabel, "actionSetTitle")) == f"Product: {name}"
