"""The goal editors' "Where it sits" names the node right before the goal and words the
sequences further up as upstream (QA10 7: Welcome emails -> Purchase goal 1 -> Tag goal 1
read 'After "Welcome emails": …' and said nothing of "Purchase goal 1")."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from canvas_app.domain.nodes import Node
from canvas_app.ui.dialogs import open_node_editor


def where_it_sits(qtbot, workspace, undo_stack, node_id: str) -> str:
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", node_id)
    qtbot.addWidget(dialog)
    document = QTextDocument()
    document.setHtml(dialog.findChild(QLabel, "placementHelp").text())
    return document.toPlainText()


def test_both_goal_editors_name_the_node_right_before(qtbot, workspace, undo_stack):
    campaign = workspace.campaign("checkup-onboarding")
    campaign.add_node(Node("welcome", "sequence", "Welcome emails"))
    campaign.add_node(Node("pg1", "purchase_goal", "Purchase goal 1"))
    campaign.add_node(Node("tg1", "tag_goal", "Tag goal 1"))
    campaign.link("welcome", "pg1")
    campaign.link("pg1", "tg1")
    tag = where_it_sits(qtbot, workspace, undo_stack, "tg1")
    assert tag == ('Where it sits: After "Purchase goal 1". Achieving it takes the contact '
                   'out of "Welcome emails" (upstream).')
    purchase = where_it_sits(qtbot, workspace, undo_stack, "pg1")  # the same words there
    assert purchase.startswith('Where it sits: After "Welcome emails". Achieving it takes '
                               'the contact out of "Welcome emails" and')
    assert purchase.endswith('and makes it wait at "Tag goal 1".')
