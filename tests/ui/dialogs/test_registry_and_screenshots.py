"""Every node kind has an editor; the screenshot script grabs every dialog."""

from __future__ import annotations

from PySide6.QtGui import QImage

from canvas_app.domain.nodes import node_kinds
from canvas_app.ui.dialogs import node_editor_for, open_node_editor
from canvas_app.ui.dialogs.node_editor import NodeEditorDialog
from canvas_app.ui.dialogs.screenshots import SHOTS, grab_all


def test_every_node_kind_has_an_editor():
    for kind in node_kinds():
        assert issubclass(node_editor_for(kind), NodeEditorDialog)


def test_open_node_editor_picks_the_editor_of_the_kind(qtbot, workspace, undo_stack):
    for campaign in workspace.campaigns:
        for node in campaign.nodes:
            dialog = open_node_editor(None, workspace, undo_stack, campaign.id, node.id)
            qtbot.addWidget(dialog)
            assert type(dialog) is node_editor_for(node.kind)
            assert dialog.save_button.isEnabled()  # the sample is valid
            dialog.reject()


def test_screenshots_of_every_dialog(qtbot, tmp_path):
    paths = grab_all(tmp_path)
    assert [p.name for p in paths] == [f"dialog-{name}.png" for name in SHOTS]
    for path in paths:
        image = QImage(str(path))
        assert image.width() >= 300 and image.height() >= 150, path.name
