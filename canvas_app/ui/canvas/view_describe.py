"""What the canvas view tells a screen reader of its selection (a mixin of CanvasView):
its accessible description says what the status bar says of it, the selected node's kind,
name and warnings, or how many are selected, and changes with it. The nodes are painted,
not widgets: without this a screen reader heard "Campaign canvas" and nothing of the node
Tab had reached (QA)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.counting import counted

if TYPE_CHECKING:
    from .scene import CampaignScene
    from .view import CanvasView

NODE_KEYS = "Enter edits it, F2 renames it, the arrow keys move it, Tab goes to the next node."
NOTHING_SELECTED = "No node selected: Tab goes to the first node."


def findings_words(findings: list[tuple[str, str]]) -> str:
    """A node's lint findings in words: "1 error: …. 2 warnings: …; …." ("" for none)."""
    parts = []
    for severity, noun in (("error", "error"), ("warning", "warning")):
        messages = [message.rstrip(".") for kind, message in findings
                    if (kind == "error") == (severity == "error")]
        if messages:
            parts.append(f"{counted(len(messages), noun)}: {'; '.join(messages)}.")
    return " ".join(parts)


def node_words(scene: CampaignScene, node_id: str) -> str:
    """One node selected: 'Sequence "Nurture" selected. 1 warning: …. Enter edits it, …'."""
    node = scene.domain_node(node_id)
    if node is None:
        return ""
    kind = node.kind.replace("_", " ").capitalize()
    findings = findings_words(scene.findings_with_severity(node_id))
    return " ".join(part for part in (f'{kind} "{node.name}" selected.', findings, NODE_KEYS)
                    if part)


def selection_description(scene: CampaignScene | None, empty_hint: str = "") -> str:
    """What the canvas's accessible description says of ``scene``'s selection: the node's
    words (node_words), a link's ends, or how many nodes and links (the status bar's
    words); with nothing selected, ``empty_hint`` on an empty canvas, or how to start."""
    if scene is None:
        return empty_hint
    nodes = scene.selected_node_ids()
    links = scene.selected_links() if len(nodes) <= 1 else []
    if len(nodes) == 1 and not links:
        return node_words(scene, nodes[0])
    if len(links) == 1 and not nodes:
        source, target = links[0]
        return (f'Link from "{scene.node_name(source)}" to "{scene.node_name(target)}" '
                "selected: Delete deletes it.")
    if nodes or links:
        from ..window_status import selection_words  # (it imports the canvas package)

        return selection_words(len(nodes), len(scene.selected_links()))
    return empty_hint or NOTHING_SELECTED


class SelectionDescription:
    """Keeps the view's accessible description on its scene's selection."""

    def describe_selection(self: CanvasView, *_args: object) -> None:
        """Sets the accessible description to the selection's words. Qt's
        setAccessibleDescription sends the QAccessibleEvent DescriptionChanged itself
        (QAccessible.updateAccessibility), when the words differ: the screen reader says
        them again as the selection, the node's name or its warnings change."""
        self.setAccessibleDescription(selection_description(self.canvas(), self.hint_text()))
